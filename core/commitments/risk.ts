import type { Placement } from '../schema/placement.ts';
/**
 * What a commitment risks: the horizon cost if volume turns out at half the plan while the planned
 * commitment is held, the committed spend then left idle, and the first month the held commitment
 * costs more than going without it (demand shrinking under a term that does not).
 */
import type { EvalContext, GrowthMonth } from '../sweep/context.ts';
import {
  growthMonths,
  persistentPlan,
  scheduleFor,
  type PersistentCapacity,
} from '../sweep/result.ts';
import type { Workload } from '../schema/workload.ts';
import { withMonthlyVolume, workloadRates, type WorkloadRates } from '../workload/derive.ts';

/** A month of a committed plan at some volume with some units held. */
export interface CommittedMonth {
  /** The month's cost with the commitment, upfront sums spread over the term. */
  monthlyUsd: number;
  /** The same without the upfront share (paid as cash when taken): what the ROI charges a month. */
  runUsd: number;
  /** Committed spend that month serves nothing (idle committed capacity). */
  idleUsd: number;
  /** The month without any commitment (all on demand, or all pay-as-you-go). */
  uncommittedUsd: number;
}

export interface CommitmentRisk {
  stressed50Usd: number;
  stranded50Usd: number;
  stopsPayingMonth: number | null;
}

/** Volume at which the plan is stressed: half of it. */
const STRESS = 0.5;

/**
 * The first month at half the stated volume with `units` held (the Monthly cost's month at 50 %
 * of plan); null when it cannot be priced.
 */
export function stressedMonthUsd(
  ctx: EvalContext,
  units: number,
  monthAt: (w: Workload, rates: WorkloadRates, units: number) => CommittedMonth,
): number | null {
  const workload = withMonthlyVolume(ctx.workload, ctx.rates.requestsPerMonth * STRESS);
  const usd = monthAt(workload, workloadRates(workload), units).monthlyUsd;
  return Number.isFinite(usd) ? usd : null;
}

/**
 * The plan's risk. `monthAt` prices a month at a volume with units held; `tcoUsd` is the plan's
 * horizon cost at the stated volume (setup, upfront sums and any term owed after a service that
 * ends included), which the stressed cost shifts by each month's difference.
 */
export function commitmentRisk(
  ctx: EvalContext,
  kind: Placement['kind'],
  held: PersistentCapacity,
  tcoUsd: number,
  monthAt: (w: Workload, rates: WorkloadRates, units: number) => CommittedMonth,
): CommitmentRisk {
  const months = growthMonths(ctx, kind);
  const plan = persistentPlan(ctx, held, months);
  const served = scheduleFor(ctx, kind).cumulativeServed;
  const halves = new Map<WorkloadRates, GrowthMonth>();
  const half = (month: GrowthMonth): GrowthMonth => {
    let h = halves.get(month.rates);
    if (h === undefined) {
      const workload = withMonthlyVolume(month.workload, month.rates.requestsPerMonth * STRESS);
      h = { workload, rates: workloadRates(workload) };
      halves.set(month.rates, h);
    }
    return h;
  };
  let delta = 0;
  let stranded = 0;
  let stopsPaying: number | null = null;
  for (let m = 1; m <= ctx.value.horizonMonths; m++) {
    const units = plan.heldUnits[m] as number;
    const share = (served[m] as number) - (served[m - 1] as number);
    if (units <= 0 || share <= 0) continue;
    const month = months[m]!;
    const full = monthAt(month.workload, month.rates, units);
    const low = half(month);
    const stressed = monthAt(low.workload, low.rates, units);
    delta += share * (stressed.runUsd - full.runUsd);
    stranded += share * stressed.idleUsd;
    if (stopsPaying === null && full.monthlyUsd > full.uncommittedUsd * (1 + 1e-9)) stopsPaying = m;
  }
  // A term still owed after a service that ends at the horizon serves nothing.
  if (ctx.serviceEndsAtHorizon) {
    stranded += plan.unitMonthsAfterHorizon * held.committedUsdPerUnitMonth;
  }
  return { stressed50Usd: tcoUsd + delta, stranded50Usd: stranded, stopsPayingMonth: stopsPaying };
}
