import type { PortfolioResult, PortfolioWorkloadResult } from '../portfolio/evaluate.ts';
import { NO_OWNER } from '../portfolio/showback.ts';
import { PLACEMENT_LABELS } from '../sweep/types.ts';

/** What the spend chart stacks by. */
export type SpendSlice = 'owner' | 'workload' | 'placement';

export const SPEND_SLICES: { key: SpendSlice; label: string }[] = [
  { key: 'owner', label: 'Team' },
  { key: 'workload', label: 'Workload' },
  { key: 'placement', label: 'Placement' },
];

/** The stack a pool's idle capacity nobody carries goes on, stacked by workload. */
export const IDLE_NO_WORKLOAD = 'Idle capacity (no workload)';

function sliceKey(w: PortfolioWorkloadResult, by: SpendSlice): string {
  if (by === 'workload') return w.name;
  if (by === 'placement') return w.placement ?? '(none)';
  return w.owner === '' ? NO_OWNER : w.owner;
}

/** Where idle capacity no member carries stacks: its team's, or a stack of its own. */
function idleKey(owner: string, by: SpendSlice): string {
  if (by === 'workload') return IDLE_NO_WORKLOAD;
  // Only rented GPUs pool.
  if (by === 'placement') return PLACEMENT_LABELS.cloud;
  return owner === '' ? NO_OWNER : owner;
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
 * Spend month by month over the horizon stacked by a slice, with the budget lines: the app's
 * Portfolio chart and the portfolio report's. Idle capacity no workload carries stacks on the team
 * it is shown to (by team), or on a stack of its own, so the stacks add up to the portfolio's
 * month.
 */
export function spendSeries(r: PortfolioResult, by: SpendSlice): SpendSeries {
  const months = Array.from({ length: r.horizonMonths }, (_, k) => k + 1);
  const stacks = new Map<string, number[]>();
  const add = (key: string, usdByMonth: readonly number[]) => {
    const usd = stacks.get(key) ?? new Array<number>(r.horizonMonths).fill(0);
    usdByMonth.forEach((x, k) => (usd[k] = (usd[k] ?? 0) + x));
    stacks.set(key, usd);
  };
  for (const w of r.workloads) add(sliceKey(w, by), w.usdByMonth);
  for (const idle of r.unallocatedIdle) add(idleKey(idle.owner, by), idle.usdByMonth);
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
