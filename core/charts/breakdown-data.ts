import {
  BREAKDOWN_KEYS,
  BREAKDOWN_LABELS,
  type CandidateResult,
  type CostBreakdown,
} from '../sweep/types.ts';

export interface StackedBars {
  labels: string[];
  datasets: { key: keyof CostBreakdown; label: string; data: number[] }[];
}

/** Monthly cost per candidate split by what it pays for; parts that are zero everywhere drop out. */
export function breakdownBars(
  rows: readonly CandidateResult[],
  shortLabel: (r: CandidateResult) => string,
): StackedBars {
  const datasets = BREAKDOWN_KEYS.map((key) => ({
    key,
    label: BREAKDOWN_LABELS[key],
    data: rows.map((r) => r.breakdown[key]),
  })).filter((d) => d.data.some((v) => v > 0));
  return { labels: rows.map(shortLabel), datasets };
}

/** A label that fits under a bar: the model and where it runs. */
export function shortLabel(r: CandidateResult): string {
  const where =
    r.kind === 'api'
      ? r.provider
      : r.kind === 'cloud'
        ? `${r.provider} ${r.selfHost?.gpuId ?? ''}`
        : `owned ${r.selfHost?.gpuId ?? ''}`;
  const name = r.modelName.length > 22 ? `${r.modelName.slice(0, 21)}…` : r.modelName;
  return `${name} · ${where}`;
}
