import type { PortfolioResult } from '../../../core/portfolio/evaluate.ts';
import { NO_OWNER } from '../../../core/portfolio/showback.ts';

/** What the consumption table slices by: the views a FinOps team keeps. */
export type ConsumptionSlice = 'owner' | 'tag' | 'model' | 'stage';

export const CONSUMPTION_SLICES: { key: ConsumptionSlice; label: string }[] = [
  { key: 'owner', label: 'Team' },
  { key: 'tag', label: 'Tag (product, use case)' },
  { key: 'model', label: 'Model' },
  { key: 'stage', label: 'Environment (stage)' },
];

export interface ConsumptionRow {
  key: string;
  requestsPerMonth: number;
  tokensPerMonth: number;
  gpuHoursPerMonth: number;
  monthlyUsd: number;
}

/**
 * Projected consumption a month by a slice. A workload with several tags counts under each (a
 * tag view answers "what does product X use", so it does not add up across tags).
 */
export function consumption(r: PortfolioResult, by: ConsumptionSlice): ConsumptionRow[] {
  const rows = new Map<string, ConsumptionRow>();
  for (const w of r.workloads) {
    const keys =
      by === 'tag'
        ? w.tags.length === 0
          ? ['(untagged)']
          : w.tags
        : [
            by === 'owner'
              ? w.owner || NO_OWNER
              : by === 'model'
                ? (w.modelId ?? '(none)')
                : w.stage,
          ];
    for (const key of keys) {
      const row = rows.get(key) ?? {
        key,
        requestsPerMonth: 0,
        tokensPerMonth: 0,
        gpuHoursPerMonth: 0,
        monthlyUsd: 0,
      };
      row.requestsPerMonth += w.requestsPerMonth;
      row.tokensPerMonth += w.tokensPerMonth;
      row.gpuHoursPerMonth += w.gpuHoursPerMonth ?? 0;
      row.monthlyUsd += w.monthlyUsd;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.monthlyUsd - a.monthlyUsd);
}

/** A new workload's id: `workload-N`, the first N not taken. */
export function nextWorkloadId(ids: readonly string[]): string {
  let n = ids.length + 1;
  while (ids.includes(`workload-${n}`)) n++;
  return `workload-${n}`;
}
