import { useMemo, useState } from 'react';
import { SPEND_SLICES, spendSeries, type SpendSlice } from '../../../core/charts/spend-data.ts';
import type { PortfolioResult } from '../../../core/portfolio/evaluate.ts';
import { SelectField } from '../../components/NumberField.tsx';
import { useUi } from '../../stores/ui-store.ts';
import { ChartCanvas } from '../charts/ChartCanvas.tsx';
import { appPalette, spendConfig } from '../charts/chart-configs.ts';
import { spendOptions } from '../charts/chart-options.ts';
import { themeColors } from '../charts/chart-setup.ts';

/** Spend month by month over the horizon, stacked by team, workload or placement, with budgets. */
export function SpendChart({ r }: { r: PortfolioResult }) {
  const [by, setBy] = useState<SpendSlice>('owner');
  const theme = useUi((s) => s.theme);
  const series = useMemo(() => spendSeries(r, by), [r, by]);
  const config = useMemo(() => {
    const colors = themeColors();
    return spendConfig(series, spendOptions(colors, series), appPalette(colors));
    // The colours come from the stylesheet, which `theme` switches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series, theme]);
  const crossed = series.budgets.filter((b) => b.firstBreachMonth !== null);
  return (
    <div className="card" data-testid="portfolio-spend">
      <div className="card-head">
        <span className="card-title">Spend over {r.horizonMonths} months</span>
        <span className="muted">
          {crossed.length === 0
            ? 'No budget line is crossed'
            : crossed.map((b) => `${b.label} crossed in month ${b.firstBreachMonth}`).join(' · ')}
        </span>
        <span className="spacer" />
        <SelectField
          label="Stack by"
          testId="spend-by"
          value={by}
          options={SPEND_SLICES.map((s) => ({ value: s.key, label: s.label }))}
          onChange={setBy}
        />
      </div>
      <div className="chart-box">
        <ChartCanvas
          config={config}
          testId="spend-chart"
          label="Spend by month with budget lines"
        />
      </div>
    </div>
  );
}
