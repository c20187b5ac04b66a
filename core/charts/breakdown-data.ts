import {
  BREAKDOWN_KEYS,
  BREAKDOWN_LABELS,
  type CandidateResult,
  type CostBreakdown,
} from '../sweep/types.ts';
import type { CatalogIndex } from '../sweep/catalog-index.ts';
import { candidateLabelParts } from './candidate-label.ts';

export interface StackedBars {
  /** A label per bar: one line, or several (chart.js draws an array as lines). */
  labels: (string | string[])[];
  datasets: { key: keyof CostBreakdown; label: string; data: number[] }[];
}

/** Monthly cost per bar split by what it pays for; parts that are zero everywhere drop out. */
export function breakdownBars<R extends { breakdown: CostBreakdown }>(
  rows: readonly R[],
  shortLabel: (r: R, i: number) => string | string[],
): StackedBars {
  const datasets = BREAKDOWN_KEYS.map((key) => ({
    key,
    label: BREAKDOWN_LABELS[key],
    data: rows.map((r) => r.breakdown[key]),
  })).filter((d) => d.data.some((v) => v > 0));
  return { labels: rows.map((r, i) => shortLabel(r, i)), datasets };
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

/**
 * Bar labels for a chart of `rows`: each as barLabel has it, but two bars that would read the same
 * (one model on two instance types of a cloud, in one region) name their instance as well.
 */
export function barLabels(
  rows: readonly CandidateResult[],
  index: Pick<CatalogIndex, 'gpus' | 'instances'>,
): string[][] {
  const labels = rows.map((r) => barLabel(r, index));
  const count = new Map<string, number>();
  for (const l of labels) count.set(l.join('\n'), (count.get(l.join('\n')) ?? 0) + 1);
  return rows.map((r, i) => {
    if (count.get(labels[i]!.join('\n'))! < 2) return labels[i]!;
    const { primary, secondary } = candidateLabelParts(r, index);
    return secondary === '' ? labels[i]! : [primary, secondary];
  });
}
