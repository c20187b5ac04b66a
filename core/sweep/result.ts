import { computeRoi, constantRoi, serviceSchedule, type Roi } from '../roi/roi.ts';
import { valuePerRequestUsd } from '../roi/value.ts';
import type { Workload } from '../schema/workload.ts';
import { TOKENS_PER_MTOK, WEEKS_PER_MONTH } from '../units.ts';
import { withMonthlyVolume, workloadRates, type WorkloadRates } from '../workload/derive.ts';
import type { EvalContext, GrowthMonth } from './context.ts';
import type { CandidateResult } from './types.ts';

/** Monthly cost of a candidate at another workload volume (growth months, what-ifs, break-even). */
export type CostAtVolume = (w: Workload, rates: WorkloadRates) => number;

type ResultFields = Omit<
  CandidateResult,
  'rank' | 'recommended' | 'pareto' | 'perRequestUsd' | 'perMTokUsd' | 'perSuccessUsd'
>;

/**
 * Builds a result with every field in one fixed order, so all results share one object shape:
 * sorting and filtering tens of thousands of them stays fast.
 */
export function makeResult(ctx: EvalContext, f: ResultFields): CandidateResult {
  const monthly = f.monthlyUsd;
  const requests = ctx.rates.requestsPerMonth;
  const w = ctx.workload;
  const tokens = requests * (w.inputTokens.mean + w.outputTokens.mean);
  // No requests, no unit cost: a floor-only fleet at zero volume costs money but nothing per unit.
  const perRequest = monthly === null || requests <= 0 ? null : monthly / requests;
  const success = ctx.value.successRate;
  return {
    id: f.id,
    kind: f.kind,
    label: f.label,
    modelId: f.modelId,
    modelName: f.modelName,
    provider: f.provider,
    regionId: f.regionId,
    residency: f.residency,
    placement: f.placement,
    feasible: f.feasible,
    reasons: f.reasons,
    warnings: f.warnings,
    monthlyUsd: monthly,
    perRequestUsd: perRequest,
    perMTokUsd: monthly === null || tokens <= 0 ? null : (monthly / tokens) * TOKENS_PER_MTOK,
    perSuccessUsd: perRequest === null || success <= 0 ? null : perRequest / success,
    breakdown: f.breakdown,
    setupUsd: f.setupUsd,
    weeksToLaunch: f.weeksToLaunch,
    ttftMs: f.ttftMs,
    tpotMs: f.tpotMs,
    e2eMs: f.e2eMs,
    quality: f.quality,
    selfHost: f.selfHost,
    api: f.api,
    energyKwhPerMonth: f.energyKwhPerMonth,
    co2KgPerMonth: f.co2KgPerMonth,
    roi: f.roi,
    rank: null,
    recommended: false,
    pareto: false,
  };
}

/**
 * ROI over the horizon with the workload's growth, re-costing each month at its volume. The stated
 * volume is what the launch sees: growth compounds from the first month served, so a slower
 * launch starts from the same traffic rather than from traffic that grew while it was being
 * built. Without growth every month costs `baseCostUsd` and a closed form does the rest.
 * `priceFactors[m]` (when the prices change within the horizon) multiplies month m's cost.
 */
export function candidateRoi(
  ctx: EvalContext,
  kind: CandidateResult['kind'],
  baseCostUsd: number,
  costAt: () => CostAtVolume,
  withSeries = false,
  priceFactors?: Float64Array,
): Roi {
  const w = ctx.workload;
  const v = ctx.value;
  if (w.monthlyGrowthPct === 0 && !withSeries && priceFactors === undefined) {
    return steadyRoi(ctx, kind, baseCostUsd);
  }
  const perRequest = valuePerRequestUsd(v);
  const months = growthMonths(ctx, kind);
  const cost = costAt();
  return computeRoi({
    valueUsdInMonth: (m) => months[m]!.rates.requestsPerMonth * perRequest,
    costUsdInMonth: (m) => {
      const month = months[m]!;
      const usd = month.rates === ctx.rates ? baseCostUsd : cost(month.workload, month.rates);
      return priceFactors === undefined ? usd : usd * priceFactors[m]!;
    },
    setupUsd: v.setupUsd[kind],
    weeksToLaunch: v.weeksToLaunch[kind],
    horizonMonths: v.horizonMonths,
    discountRateAnnual: v.discountRateAnnual,
    withSeries,
  });
}

/**
 * The workload at each month 1…horizon (index 0 unused) for a placement kind: the stated volume up
 * to the first month served, growing from there. Built once per context and kind, so every
 * candidate re-costed in a month sees the same rates object (and the caches keyed by it).
 */
function growthMonths(ctx: EvalContext, kind: CandidateResult['kind']): readonly GrowthMonth[] {
  const cached = ctx.growthMonths[kind];
  if (cached !== undefined) return cached;
  const w = ctx.workload;
  const base: GrowthMonth = { workload: w, rates: ctx.rates };
  const growth = 1 + w.monthlyGrowthPct / 100;
  const firstServedMonth = Math.floor(ctx.value.weeksToLaunch[kind] / WEEKS_PER_MONTH) + 1;
  const months: GrowthMonth[] = [base];
  for (let m = 1; m <= ctx.value.horizonMonths; m++) {
    if (m <= firstServedMonth || growth === 1) {
      months.push(base);
      continue;
    }
    const workload = withMonthlyVolume(
      w,
      ctx.rates.requestsPerMonth * growth ** (m - firstServedMonth),
    );
    months.push({ workload, rates: workloadRates(workload) });
  }
  ctx.growthMonths[kind] = months;
  return months;
}

/**
 * ROI with the same volume every month: closed form over the launch schedule. With `out`, writes
 * into it instead of allocating (the sweep's columns path).
 */
export function steadyRoi(
  ctx: EvalContext,
  kind: CandidateResult['kind'],
  monthlyCostUsd: number,
  out?: Roi,
): Roi {
  const v = ctx.value;
  let schedule = ctx.schedules[kind];
  if (schedule === undefined) {
    schedule = serviceSchedule(v.weeksToLaunch[kind], v.horizonMonths, v.discountRateAnnual);
    ctx.schedules[kind] = schedule;
  }
  const monthlyValue = ctx.rates.requestsPerMonth * valuePerRequestUsd(v);
  return constantRoi(schedule, monthlyValue, monthlyCostUsd, v.setupUsd[kind], out);
}
