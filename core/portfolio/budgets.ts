import type { Budget } from '../schema/portfolio.ts';
import { IDLE_UNALLOCATED } from './showback.ts';

/** A workload's projected monthly spend, months 1…horizon. */
export interface WorkloadMonths {
  id: string;
  owner: string;
  /** usdByMonth[k] is month k + 1's spend. */
  usdByMonth: readonly number[];
}

export interface ThresholdCrossing {
  /** The share of the budget (0.8: 80 %). */
  threshold: number;
  /** First month (1-based) the spend passes threshold × budget; null: not within the horizon. */
  month: number | null;
  /** The workload that drives the crossing: the most growth since month 1, else the most spend. */
  driverId: string | null;
}

export interface BudgetResult {
  owner: string | null;
  workloadId: string | null;
  monthlyUsd: number;
  /** The covered workloads' spend month by month. */
  usdByMonth: number[];
  crossings: ThresholdCrossing[];
  /** First month the spend passes the budget itself (100 %); null: never within the horizon. */
  firstBreachMonth: number | null;
  /**
   * Why the budget can never alert, when it covers nothing: a team no workload belongs to (a
   * team that carries a pool's idle capacity is covered by that line), or a workload gone.
   */
  note: string | null;
}

/** "no workload belongs to team 'Customer Support' (did you mean 'Customer support'?)". */
function coversNothing(b: Budget, workloads: readonly WorkloadMonths[]): string {
  if (b.workloadId !== undefined) return `no workload has the id '${b.workloadId}'`;
  const owner = b.owner ?? '';
  const teams = [...new Set(workloads.map((w) => w.owner))].filter((t) => t !== IDLE_UNALLOCATED);
  const near = teams.find((t) => t.trim().toLowerCase() === owner.trim().toLowerCase());
  const hint =
    near !== undefined
      ? ` (did you mean '${near}'?)`
      : teams.length > 0
        ? ` (the teams: ${teams.map((t) => `'${t}'`).join(', ')})`
        : '';
  return `no workload belongs to team '${owner}'${hint}: this budget watches $0 and never alerts`;
}

/** Spend a hair above a line is above it; float noise is not. */
const EPSILON_USD = 1e-6;

function driver(covered: readonly WorkloadMonths[], k: number): string | null {
  let best: { id: string; growth: number; spend: number } | null = null;
  for (const w of covered) {
    const spend = w.usdByMonth[k] ?? 0;
    const growth = spend - (w.usdByMonth[0] ?? 0);
    if (
      best === null ||
      growth > best.growth + EPSILON_USD ||
      (Math.abs(growth - best.growth) <= EPSILON_USD && spend > best.spend)
    )
      best = { id: w.id, growth, spend };
  }
  return best?.id ?? null;
}

/**
 * Each budget against the spend of what it covers (a team's workloads, or one workload), month by
 * month: the first month each threshold is passed, and the workload that drives it there.
 */
export function checkBudgets(
  budgets: readonly Budget[],
  workloads: readonly WorkloadMonths[],
  horizonMonths: number,
): BudgetResult[] {
  return budgets.map((b) => {
    const covered = workloads.filter((w) =>
      b.workloadId !== undefined ? w.id === b.workloadId : w.owner === b.owner,
    );
    const usdByMonth = Array.from({ length: horizonMonths }, (_, k) =>
      covered.reduce((sum, w) => sum + (w.usdByMonth[k] ?? 0), 0),
    );
    const firstAbove = (line: number) => {
      const k = usdByMonth.findIndex((usd) => usd > line + EPSILON_USD);
      return k < 0 ? null : k;
    };
    const crossings = [...b.thresholds]
      .sort((x, y) => x - y)
      .map((threshold) => {
        const k = firstAbove(threshold * b.monthlyUsd);
        return {
          threshold,
          month: k === null ? null : k + 1,
          driverId: k === null ? null : driver(covered, k),
        };
      });
    const breach = firstAbove(b.monthlyUsd);
    return {
      owner: b.owner ?? null,
      workloadId: b.workloadId ?? null,
      monthlyUsd: b.monthlyUsd,
      usdByMonth,
      crossings,
      firstBreachMonth: breach === null ? null : breach + 1,
      note: covered.length === 0 ? coversNothing(b, workloads) : null,
    };
  });
}
