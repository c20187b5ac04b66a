import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { ChartCanvas } from './ChartCanvas.tsx';
import { themeColors } from './chart-setup.ts';
import { compactCount } from '../../../core/format.ts';
import { chartOptions } from './chart-options.ts';
import {
  appPalette,
  breakdownConfig,
  paybackConfig,
  scatterConfig,
  volumeConfig,
} from './chart-configs.ts';
import { breakdownChart, paybackChart, volumeChart } from '../../../core/charts/chart-data.ts';
import { chosenIndices } from '../../../core/charts/chosen.ts';
import { costLatencyPoints } from '../../../core/charts/scatter-data.ts';
import { useUncertainty } from '../uncertainty/uncertainty-store.ts';
import { saveChartPng } from '../reports/export-actions.ts';

/** What a shaded band is, said beside every chart that draws one. */
const BAND_NOTE = '; shaded: P10–P90 (P90 = not exceeded in 90 % of simulated futures)';

/** A candidate's label from the current results, for tooltips built before those results. */
function currentRowLabel(index: number): string {
  const evaluation = useResults.getState().evaluation;
  return evaluation?.ok ? evaluation.result.row(index).label : '';
}

/** The four charts: what the money pays for, cost vs volume, cost vs latency, payback. */
export function Charts() {
  const evaluation = useResults((s) => s.evaluation);
  const bands = useUncertainty(
    useShallow((s) => ({
      volumes: s.volumes,
      volume: s.volumeBands,
      payback: s.paybackBands,
    })),
  );
  const selected = useUi((s) => s.selected);
  const theme = useUi((s) => s.theme);
  // Options follow the theme only; data follows every evaluation.
  const options = useMemo(
    () => chartOptions(themeColors(), currentRowLabel),
    // The colours come from the stylesheet, which `theme` switches: a real input the linter cannot see.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [theme],
  );
  const configs = useMemo(() => {
    if (!evaluation?.ok) return null;
    const colors = themeColors();
    const palette = appPalette(colors);
    const chosen = chosenIndices(evaluation, selected);
    // 1. Cost breakdown: the chosen candidates plus the next cheapest, stacked by component.
    const breakdown = breakdownConfig(
      breakdownChart(evaluation, chosen),
      options.breakdown,
      palette,
    );
    // 2. Cost vs monthly volume with the break-even points (and P10–P90 when ranges are given).
    const volumeData = volumeChart(evaluation, chosen, bands);
    const volume = volumeConfig(volumeData, options.volume, palette);
    // 3. Cost vs latency with the Pareto frontier.
    const pts = costLatencyPoints(evaluation);
    const scatter = scatterConfig(pts, options.scatter, colors);
    // 4. Payback: cumulative value − cost for the chosen candidates.
    const payback = paybackConfig(
      paybackChart(evaluation, chosen, bands),
      options.payback,
      palette,
    );
    const curves = volumeData.curves;
    return {
      breakdown,
      volume,
      scatter,
      payback,
      omitted: pts.omitted,
      breakEvens: curves.breakEvens,
      chosen,
      banded: { volume: bands.volume.length > 0, payback: bands.payback.length > 0 },
    };
    // The colours come from the stylesheet, which `theme` switches: a real input the linter cannot see.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [evaluation, selected, theme, options, bands]);
  if (configs === null) return null;
  return (
    <div className="charts" data-testid="charts">
      <ChartCard
        title="Where the money goes"
        note="Monthly cost by component, cheapest and chosen candidates"
      >
        <ChartCanvas
          config={configs.breakdown}
          testId="chart-breakdown"
          label="Monthly cost breakdown"
        />
      </ChartCard>
      <ChartCard
        title="Cost vs monthly volume"
        banded={configs.banded.volume}
        note={
          configs.breakEvens.length > 0
            ? `Break-even at ${configs.breakEvens.map((b) => compactCount(b.requestsPerMonth)).join(', ')} requests/month${configs.banded.volume ? BAND_NOTE : ''}`
            : `No break-even in this range${configs.banded.volume ? BAND_NOTE : ''}`
        }
      >
        <ChartCanvas
          config={configs.volume}
          testId="chart-volume"
          label="Monthly cost against volume with break-even points"
        />
      </ChartCard>
      <ChartCard
        title="Cost vs latency"
        note={`Frontier in gold; rings mark the cost × latency × quality Pareto set${configs.omitted > 0 ? `; ${configs.omitted.toLocaleString('en-US')} costlier points not drawn` : ''}`}
      >
        <ChartCanvas
          config={configs.scatter}
          testId="chart-scatter"
          label="Monthly cost against end-to-end latency"
        />
      </ChartCard>
      <ChartCard
        title="Payback"
        note={`Cumulative value minus cost, setup included${configs.banded.payback ? BAND_NOTE : ''}`}
        banded={configs.banded.payback}
      >
        <ChartCanvas
          config={configs.payback}
          testId="chart-payback"
          label="Cumulative value minus cost by month"
        />
      </ChartCard>
    </div>
  );
}

function ChartCard(props: {
  title: string;
  note: string;
  children: React.ReactNode;
  /** Whether P10–P90 bands are drawn (a marker for tests and assistive tools). */
  banded?: boolean;
}) {
  return (
    <div
      className="card"
      data-banded={props.banded === undefined ? undefined : String(props.banded)}
    >
      <div className="card-head">
        <span className="card-title">{props.title}</span>
        <span className="chart-note">{props.note}</span>
        <button
          type="button"
          className="btn small chart-save"
          title="Save this chart as a PNG image (chart.js draws on canvas: no SVG)"
          onClick={(e) => {
            const canvas = e.currentTarget.closest('.card')?.querySelector('canvas');
            if (canvas) void saveChartPng(canvas, canvas.dataset.testid ?? 'chart');
          }}
        >
          PNG
        </button>
      </div>
      <div className="chart-box">{props.children}</div>
    </div>
  );
}
