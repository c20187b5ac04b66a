import { breakEvenVolumes, type BreakEven } from '../roi/break-even.ts';
import { valuePerRequestUsd } from '../roi/value.ts';
import type { Placement } from '../schema/placement.ts';
import { contextAtVolume, type EvalContext } from '../sweep/context.ts';
import { evaluateCandidate } from '../sweep/sweep.ts';
import type { CandidateResult } from '../sweep/types.ts';
import type { Objective } from './objective.ts';

/** The candidate as it would be at a steady monthly volume, everything else held. */
export function candidateAtVolume(
  ctx: EvalContext,
  p: Placement,
): (requestsPerMonth: number) => CandidateResult {
  return (v) => evaluateCandidate(contextAtVolume(ctx, v), p, { brief: true });
}

/**
 * Cost over the horizon spread over its months, setup included: what the cost-vs-volume chart
 * plots, so its crossings are the horizon-cost objective's.
 */
export function horizonMonthlyUsdAtVolume(
  ctx: EvalContext,
  p: Placement,
): (requestsPerMonth: number) => number | null {
  const at = candidateAtVolume(ctx, p);
  return (v) => {
    const tco = at(v).tcoUsd;
    return tco === null ? null : tco / ctx.value.horizonMonths;
  };
}

/**
 * What the cost-vs-volume chart plots for an objective, at a steady monthly volume: the horizon
 * cost spread over its months, setup included (`tco`); the NPV (`npv`); the monthly run rate
 * (`monthly`); the cost per successful outcome (`perOutcome`). Each orders two candidates as the
 * objective does at every volume, so where the lines cross is where objectiveBreakEven finds the
 * better one changing: the crossings a chart names are its own lines'.
 */
export function objectiveCurve(
  ctx: EvalContext,
  p: Placement,
  objective: Objective,
): (requestsPerMonth: number) => number | null {
  if (objective === 'tco') return horizonMonthlyUsdAtVolume(ctx, p);
  const at = candidateAtVolume(ctx, p);
  switch (objective) {
    case 'npv':
      return (v) => at(v).roi?.npvUsd ?? null;
    case 'monthly':
      return (v) => at(v).monthlyUsd;
    case 'perOutcome':
      return (v) => at(v).perOutcomeUsd;
  }
}

/**
 * A candidate's standing under the objective at a steady volume, as a cost that never falls as
 * volume grows, so where two candidates' costs cross is where the better one changes:
 * - `tco`: the horizon cost; `monthly`: the monthly run rate;
 * - `perOutcome`: horizon cost ÷ the share of the horizon served (outcomes ÷ volume, which is
 *   the same for both at any volume, so the crossings are those of cost per outcome);
 * - `npv`: −NPV plus a term common to both that rises faster than any candidate's discounted
 *   value, so it keeps the order of NPVs and grows with volume.
 * Unknown (an uncosted candidate) is +∞.
 */
export function objectiveCostAtVolume(
  ctx: EvalContext,
  p: Placement,
  objective: Objective,
): (requestsPerMonth: number) => number {
  const at = candidateAtVolume(ctx, p);
  const finite = (x: number | null | undefined) =>
    x === null || x === undefined || !Number.isFinite(x) ? Number.POSITIVE_INFINITY : x;
  switch (objective) {
    case 'tco':
      return (v) => finite(at(v).tcoUsd);
    case 'monthly':
      return (v) => finite(at(v).monthlyUsd);
    case 'perOutcome':
      return (v) => {
        const r = at(v);
        return r.perOutcomeUsd === null ? Number.POSITIVE_INFINITY : r.perOutcomeUsd * v;
      };
    case 'npv': {
      const slope = valuePerRequestUsd(ctx.value) * growthMonthsBound(ctx);
      return (v) => {
        const npv = at(v).roi?.npvUsd;
        return npv === undefined ? Number.POSITIVE_INFINITY : -npv + slope * v;
      };
    }
  }
}

/** Σ over the horizon of the month's growth factor (at least 1): no candidate serves more. */
function growthMonthsBound(ctx: EvalContext): number {
  const g = Math.max(1, 1 + ctx.workload.monthlyGrowthPct / 100);
  let sum = 0;
  for (let m = 0; m < ctx.value.horizonMonths; m++) sum += g ** m;
  return sum;
}

/** Every volume at which the better of two candidates under the objective changes. */
export function objectiveBreakEven(
  ctx: EvalContext,
  a: Placement,
  b: Placement,
  objective: Objective,
  minVolume = 1_000,
  maxVolume = 1e10,
): BreakEven {
  return breakEvenVolumes(
    objectiveCostAtVolume(ctx, a, objective),
    objectiveCostAtVolume(ctx, b, objective),
    minVolume,
    maxVolume,
  );
}
