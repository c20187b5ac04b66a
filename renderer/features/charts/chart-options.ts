import type { ChartOptions } from 'chart.js';
import type { CSSProperties } from 'react';
import type { SpendSeries } from '../../../core/charts/spend-data.ts';
import { compactCount, compactUsd, formatUsd } from '../../../core/format.ts';
import type { ThemeColors } from './chart-setup.ts';

/**
 * Log axes label 1, 2 and 5 times a power of ten, or only the powers of ten when the axis spans
 * more than three decades, so labels never run into each other.
 */
export const logTicks =
  (format: (v: number) => string) =>
  (v: number | string, _index: number, ticks: readonly { value: number }[]) => {
    const n = Number(v);
    const first = ticks[0]?.value ?? n;
    const last = ticks[ticks.length - 1]?.value ?? n;
    const decades = first > 0 && last > 0 ? Math.log10(last / first) : 0;
    const leads = decades > 3 ? [1] : [1, 2, 5];
    const lead = n / Math.pow(10, Math.floor(Math.log10(n) + 1e-9));
    return leads.some((d) => Math.abs(lead - d) < 1e-6) ? format(n) : '';
  };

export interface ChartOptionSet {
  breakdown: ChartOptions<'bar'>;
  scatter: ChartOptions<'scatter'>;
  payback: ChartOptions<'line'>;
}

type Colors = ThemeColors;

/** The objective's value on an axis: its name, and its money (a unit price for per outcome). */
export interface CostAxis {
  title: string;
  money: (usd: number) => string;
}

/** Axes in the theme's colours at the look's type size (a spec's own ticks and title keep them). */
const scalesOf = (colors: Colors) => (x: object, y: object) => {
  const axis = (spec: { ticks?: object; title?: object }) => ({
    grid: { color: colors.line },
    ...spec,
    ticks: { color: colors.muted, ...spec.ticks, font: { size: colors.fontPx } },
    ...(spec.title ? { title: { ...spec.title, font: { size: colors.fontPx } } } : {}),
  });
  return { x: axis(x), y: axis(y) };
};
// Datasets with no label (a band's upper edge) stay out of the legend; its swatches grow with the text.
const legendOf = (colors: Colors) => ({
  labels: {
    color: colors.text,
    boxWidth: 12 * colors.scale,
    font: { size: colors.fontPx },
    filter: (item: { text: string }) => item.text !== '',
  },
});

/** Monthly cost by component as horizontal stacked bars, one bar per candidate (or scenario). */
export function breakdownOptions(colors: Colors): ChartOptions<'bar'> {
  return {
    indexAxis: 'y',
    plugins: {
      legend: legendOf(colors),
      tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatUsd(c.parsed.x)}` } },
    },
    scales: scalesOf(colors)(
      { stacked: true, ticks: { color: colors.muted, callback: compactUsd } },
      // Every bar named: chart.js would otherwise skip every other label when they crowd.
      { stacked: true, ticks: { color: colors.text, autoSkip: false } },
    ),
  };
}

/**
 * The charts' options. They depend only on the theme and the objective's name (`costTitle`, the
 * latency chart's cost axis), so they are built once for those and kept: chart.js re-resolves
 * every option when a chart is given new ones, and a slider move should only cost the new data.
 * `rowLabel` names a candidate by index at hover time.
 */
export function chartOptions(
  colors: Colors,
  rowLabel: (index: number) => string,
  cost: CostAxis,
): ChartOptionSet {
  const scales = scalesOf(colors);
  const legend = legendOf(colors);
  return {
    breakdown: breakdownOptions(colors),
    scatter: {
      parsing: false,
      plugins: {
        legend,
        tooltip: {
          callbacks: {
            label: (c) => {
              const i = (c.raw as { index: number }).index;
              return `${rowLabel(i)}: ${cost.money(c.parsed.x ?? Number.NaN)}, ${(c.parsed.y ?? 0).toFixed(2)} s`;
            },
          },
        },
      },
      scales: scales(
        {
          type: 'logarithmic',
          title: { display: true, text: cost.title, color: colors.muted },
          ticks: {
            color: colors.muted,
            callback: logTicks(compactUsd),
            autoSkip: false,
            maxRotation: 0,
          },
        },
        {
          type: 'logarithmic',
          title: { display: true, text: 'End-to-end latency (s)', color: colors.muted },
          ticks: { color: colors.muted, callback: logTicks((n) => String(n)) },
        },
      ),
    },
    payback: {
      plugins: {
        legend,
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatUsd(c.parsed.y)}` } },
      },
      scales: scales(
        { title: { display: true, text: 'Month', color: colors.muted } },
        {
          title: { display: true, text: 'Cumulative value − cost', color: colors.muted },
          ticks: { color: colors.muted, callback: compactUsd },
          grid: {
            color: (c: { tick: { value: number } }) =>
              c.tick.value === 0 ? colors.muted : colors.line,
          },
        },
      ),
    },
  };
}

/**
 * The portfolio's spend month by month: stacked bars by slice, each budget a line whose tooltip
 * reads as the budget, not the height it is drawn at (its stack's base plus the budget).
 */
export function spendOptions(colors: Colors, series: SpendSeries): ChartOptions<'bar' | 'line'> {
  const legend = legendOf(colors);
  return {
    plugins: {
      // The stacks first, then the budgets, whatever order the lines are drawn in.
      legend: {
        ...legend,
        labels: { ...legend.labels, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
      },
      tooltip: {
        callbacks: {
          label: (c) => {
            const budget = series.budgets[c.datasetIndex - series.stacks.length];
            return `${c.dataset.label}: ${formatUsd(budget === undefined ? c.parsed.y : budget.usd)}`;
          },
        },
      },
    },
    scales: scalesOf(colors)(
      { stacked: true, title: { display: true, text: 'Month', color: colors.muted } },
      { stacked: true, ticks: { color: colors.muted, callback: compactUsd } },
    ),
  };
}

/**
 * The cost-vs-volume chart's options: volume on a log axis; the objective's value on a log axis
 * (costs) or a linear one (NPV, which can be negative), titled with what a point is.
 */
export function breakEvenOptions(colors: Colors, y: CostAxis, logY: boolean): ChartOptions<'line'> {
  const scales = scalesOf(colors);
  return {
    parsing: false,
    plugins: {
      legend: legendOf(colors),
      tooltip: {
        callbacks: {
          label: (c) =>
            `${c.dataset.label}: ${y.money(c.parsed.y ?? Number.NaN)} at ${compactCount(c.parsed.x ?? 0)} requests/month`,
        },
      },
    },
    scales: scales(
      {
        type: 'logarithmic',
        title: { display: true, text: 'Requests per month', color: colors.muted },
        ticks: {
          color: colors.muted,
          callback: logTicks(compactCount),
          autoSkip: false,
          maxRotation: 0,
        },
      },
      {
        type: logY ? 'logarithmic' : 'linear',
        title: { display: true, text: y.title, color: colors.muted },
        ticks: { color: colors.muted, callback: logY ? logTicks(compactUsd) : compactUsd },
      },
    ),
  };
}

/**
 * The height a chart box needs for a horizontal bar chart to give every category its label's
 * lines (labels are not skipped): each bar's slot holds the tallest label, plus `otherLines` of
 * type for the legend and the value axis. A style for the box: its CSS keeps the larger of this
 * and its usual height.
 */
export function categoryBoxStyle(
  labels: readonly unknown[],
  fontPx: number,
  otherLines: number,
): CSSProperties {
  const tallest = Math.max(1, ...labels.map((l) => (Array.isArray(l) ? l.length : 1)));
  // chart.js sets lines at 1.2 × the type size; half a line keeps neighbouring labels apart.
  const slotPx = (tallest * 1.2 + 0.5) * fontPx;
  const px = Math.ceil(labels.length * slotPx + otherLines * fontPx);
  return { '--category-px': `${px}px` } as CSSProperties;
}
