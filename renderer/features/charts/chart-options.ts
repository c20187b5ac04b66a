import type { ChartOptions } from 'chart.js';
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
  volume: ChartOptions<'line'>;
  scatter: ChartOptions<'scatter'>;
  payback: ChartOptions<'line'>;
}

/**
 * The four charts' options. They depend only on the theme, so they are built once per theme and
 * kept: chart.js re-resolves every option when a chart is given new ones, and a slider move should
 * only cost the new data. `rowLabel` names a candidate by index at hover time.
 */
export function chartOptions(
  colors: ThemeColors,
  rowLabel: (index: number) => string,
): ChartOptionSet {
  const scales = (x: object, y: object) => ({
    x: { grid: { color: colors.line }, ticks: { color: colors.muted }, ...x },
    y: { grid: { color: colors.line }, ticks: { color: colors.muted }, ...y },
  });
  // Datasets with no label (a band's upper edge) stay out of the legend.
  const legend = {
    labels: {
      color: colors.text,
      boxWidth: 12,
      filter: (item: { text: string }) => item.text !== '',
    },
  };
  return {
    breakdown: {
      indexAxis: 'y',
      plugins: {
        legend,
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatUsd(c.parsed.x)}` } },
      },
      scales: scales(
        { stacked: true, ticks: { color: colors.muted, callback: compactUsd } },
        { stacked: true, ticks: { color: colors.text, font: { size: 11 } } },
      ),
    },
    volume: {
      parsing: false,
      plugins: {
        legend,
        tooltip: {
          callbacks: {
            label: (c) =>
              `${c.dataset.label}: ${formatUsd(c.parsed.y)} at ${compactCount(c.parsed.x ?? 0)} req/mo`,
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
          type: 'logarithmic',
          title: { display: true, text: 'Monthly cost', color: colors.muted },
          ticks: { color: colors.muted, callback: logTicks(compactUsd) },
        },
      ),
    },
    scatter: {
      parsing: false,
      plugins: {
        legend,
        tooltip: {
          callbacks: {
            label: (c) => {
              const i = (c.raw as { index: number }).index;
              return `${rowLabel(i)}: ${formatUsd(c.parsed.x)}, ${(c.parsed.y ?? 0).toFixed(2)} s`;
            },
          },
        },
      },
      scales: scales(
        {
          type: 'logarithmic',
          title: { display: true, text: 'Monthly cost', color: colors.muted },
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
