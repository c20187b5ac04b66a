import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'react';
import { compactUsd, formatUsd } from '../../../core/format.ts';
import type { PortfolioResult } from '../../../core/portfolio/evaluate.ts';
import { SelectField } from '../../components/NumberField.tsx';
import { useUi } from '../../stores/ui-store.ts';
import { ChartCanvas } from '../charts/ChartCanvas.tsx';
import { themeColors } from '../charts/chart-setup.ts';
import { SPEND_SLICES, spendSeries, type SpendSlice } from './portfolio-model.ts';

const STACK_COLORS = ['#2857d8', '#f2a541', '#0f8b8d', '#b48ead', '#34a853', '#e67e22', '#9aa6b5'];

/** Spend month by month over the horizon, stacked by team, workload or placement, with budgets. */
export function SpendChart({ r }: { r: PortfolioResult }) {
  const [by, setBy] = useState<SpendSlice>('owner');
  const theme = useUi((s) => s.theme);
  const series = useMemo(() => spendSeries(r, by), [r, by]);
  const config = useMemo((): ChartConfiguration<'bar' | 'line'> => {
    const colors = themeColors();
    return {
      type: 'bar',
      data: {
        labels: series.months.map(String),
        datasets: [
          ...series.stacks.map((s, k) => ({
            type: 'bar' as const,
            label: s.label,
            data: s.usd,
            backgroundColor: STACK_COLORS[k % STACK_COLORS.length],
            stack: 'spend',
          })),
          // Each budget line on a stack of its own (never added to another), at its stack's base
          // plus the budget and in its stack's colour, so the stack's top crosses its own line.
          ...series.budgets.map((b, k) => ({
            type: 'line' as const,
            stack: `budget-${k}`,
            label:
              b.stack === null ? `${b.label} (level; its spend is not one stack here)` : b.label,
            data: b.lineUsd,
            borderColor:
              b.stack === null ? colors.bad : STACK_COLORS[b.stack % STACK_COLORS.length],
            borderDash: [6, 4],
            borderWidth: 2,
            pointRadius: 0,
            stepped: 'middle' as const,
          })),
        ],
      },
      options: {
        plugins: {
          legend: { labels: { color: colors.text, boxWidth: 12 } },
          tooltip: {
            callbacks: {
              // A budget line reads as the budget, not the height it is drawn at.
              label: (c) => {
                const budget = series.budgets[c.datasetIndex - series.stacks.length];
                return `${c.dataset.label}: ${formatUsd(budget === undefined ? c.parsed.y : budget.usd)}`;
              },
            },
          },
        },
        scales: {
          x: {
            stacked: true,
            title: { display: true, text: 'Month', color: colors.muted },
            ticks: { color: colors.muted },
            grid: { color: colors.line },
          },
          y: {
            stacked: true,
            ticks: { color: colors.muted, callback: compactUsd },
            grid: { color: colors.line },
          },
        },
      },
    };
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
