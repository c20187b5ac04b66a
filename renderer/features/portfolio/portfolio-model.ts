import type { PortfolioResult, PortfolioWorkloadResult } from '../../../core/portfolio/evaluate.ts';
import { NO_OWNER } from '../../../core/portfolio/showback.ts';

/** What the spend chart stacks by. */
export type SpendSlice = 'owner' | 'workload' | 'placement';

export const SPEND_SLICES: { key: SpendSlice; label: string }[] = [
  { key: 'owner', label: 'Team' },
  { key: 'workload', label: 'Workload' },
  { key: 'placement', label: 'Placement' },
];

function sliceKey(w: PortfolioWorkloadResult, by: SpendSlice): string {
  if (by === 'workload') return w.name;
  if (by === 'placement') return w.placement ?? '(none)';
  return w.owner === '' ? NO_OWNER : w.owner;
}

export interface SpendSeries {
  months: number[];
  stacks: { label: string; usd: number[] }[];
  /** A budget line per budget: the team's or the workload's monthly budget across the horizon. */
  budgets: SpendBudget[];
}

export interface SpendBudget {
  label: string;
  usd: number;
  firstBreachMonth: number | null;
  /**
   * The stack whose spend the budget covers, where the chart stacks by what the budget is for (a
   * team's budget stacking by team): its line is drawn at that stack's base plus the budget, so the
   * stack's top crosses the line exactly when the spend crosses the budget. Null: the spend the
   * budget covers is not one stack here, and the line stands at the budget alone.
   */
  stack: number | null;
  /** Where the line is drawn, month by month. */
  lineUsd: number[];
}

/**
 * Spend month by month over the horizon stacked by a slice, with the budget lines. Idle capacity
 * nobody carries is spread with the pools' members by their share (it is a pool cost the months
 * carry), so the stacks add up to the portfolio's month.
 */
export function spendSeries(r: PortfolioResult, by: SpendSlice): SpendSeries {
  const months = Array.from({ length: r.horizonMonths }, (_, k) => k + 1);
  const stacks = new Map<string, number[]>();
  for (const w of r.workloads) {
    const key = sliceKey(w, by);
    const usd = stacks.get(key) ?? new Array<number>(r.horizonMonths).fill(0);
    w.usdByMonth.forEach((x, k) => (usd[k] = (usd[k] ?? 0) + x));
    stacks.set(key, usd);
  }
  const names = new Map(r.workloads.map((w) => [w.id, w.name]));
  const list = [...stacks].map(([label, usd]) => ({ label, usd }));
  // The stacks drawn under stack k, month by month (the first is at the bottom).
  const baseOf = (k: number) =>
    months.map((_, m) => list.slice(0, k).reduce((sum, s) => sum + (s.usd[m] ?? 0), 0));
  return {
    months,
    stacks: list,
    budgets: r.budgets.map((b) => {
      const subject = b.owner ?? names.get(b.workloadId ?? '') ?? '';
      const covers =
        (by === 'owner' && b.owner !== null) || (by === 'workload' && b.workloadId !== null);
      const k = covers ? list.findIndex((s) => s.label === subject) : -1;
      const base = k >= 0 ? baseOf(k) : months.map(() => 0);
      return {
        label: `Budget: ${subject}`,
        usd: b.monthlyUsd,
        firstBreachMonth: b.firstBreachMonth,
        stack: k >= 0 ? k : null,
        lineUsd: base.map((x) => x + b.monthlyUsd),
      };
    }),
  };
}

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
