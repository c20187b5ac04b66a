import type { ChartConfiguration, ChartOptions } from 'chart.js';
import {
  BREAKDOWN_KEYS,
  BREAKDOWN_LABELS,
  type CandidateResult,
  type CostBreakdown,
} from '../../../core/sweep/types.ts';
import type { CatalogIndex } from '../../../core/sweep/catalog-index.ts';
import { candidateLabelParts } from '../compare/candidate-label.ts';

export interface StackedBars {
  /** A label per bar: one line, or several (chart.js draws an array as lines). */
  labels: (string | string[])[];
  datasets: { key: keyof CostBreakdown; label: string; data: number[] }[];
}

/** The components' colours, in BREAKDOWN_KEYS order, the same in every breakdown chart. */
export const STACK_COLORS = [
  '#2857d8',
  '#7aa2f7',
  '#f2a541',
  '#0f8b8d',
  '#b48ead',
  '#34a853',
  '#9aa6b5',
  '#e67e22',
  '#8e44ad',
  '#c0392b',
];

/** Monthly cost per bar split by what it pays for; parts that are zero everywhere drop out. */
export function breakdownBars<R extends { breakdown: CostBreakdown }>(
  rows: readonly R[],
  shortLabel: (r: R) => string | string[],
): StackedBars {
  const datasets = BREAKDOWN_KEYS.map((key) => ({
    key,
    label: BREAKDOWN_LABELS[key],
    data: rows.map((r) => r.breakdown[key]),
  })).filter((d) => d.data.some((v) => v > 0));
  return { labels: rows.map(shortLabel), datasets };
}

/** The stacked bar chart of such bars: one stack, each component in its colour. */
export function breakdownChart(
  bars: StackedBars,
  options: ChartOptions<'bar'>,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: bars.labels,
      datasets: bars.datasets.map((d, k) => ({
        label: d.label,
        data: d.data,
        backgroundColor: STACK_COLORS[k % STACK_COLORS.length],
        stack: 'cost',
      })),
    },
    options,
  };
}

/**
 * A candidate named in a chart: the model and GPU (what tells it apart), then where it runs, in
 * words short enough for a legend; the provider's full name is in the table and the details.
 */
export function shortLabel(
  r: CandidateResult,
  index: Pick<CatalogIndex, 'gpus' | 'instances'>,
): string {
  const { primary, place } = candidateLabelParts(r, index);
  return place === '' ? primary : `${primary} · ${place}`;
}

/** A bar's label on two lines: the model and GPU, then where it runs (the instance is in the table). */
export function barLabel(
  r: CandidateResult,
  index: Pick<CatalogIndex, 'gpus' | 'instances'>,
): string[] {
  const { primary, place } = candidateLabelParts(r, index);
  return place === '' ? [primary] : [primary, place];
}
