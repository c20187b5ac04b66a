import { computeRoi } from '../roi/roi.ts';
import { valuePerRequestUsd } from '../roi/value.ts';
import type { Workload } from '../schema/workload.ts';
import { withMonthlyVolume, workloadRates, type WorkloadRates } from '../workload/derive.ts';
import type { EvalContext } from './context.ts';
import type { CandidateResult } from './types.ts';

/** Monthly cost of a candidate at another workload volume (growth months, what-ifs, break-even). */
export type CostAtVolume = (w: Workload, rates: WorkloadRates) => number;

/** Unit costs from a monthly total. */
export function unitCosts(ctx: EvalContext, monthlyUsd: number) {
  const requests = ctx.rates.requestsPerMonth;
  const w = ctx.workload;
  const tokens = requests * (w.inputTokens.mean + w.outputTokens.mean);
  const success = ctx.value.successRate;
  const perRequestUsd = requests > 0 ? monthlyUsd / requests : 0;
  return {
    perRequestUsd,
    perMTokUsd: tokens > 0 ? (monthlyUsd / tokens) * 1e6 : 0,
    perSuccessUsd: success > 0 ? perRequestUsd / success : null,
  };
}

/** ROI over the horizon with the workload's growth, re-costing each month at its volume. */
export function candidateRoi(
  ctx: EvalContext,
  kind: CandidateResult['kind'],
  costAt: CostAtVolume,
) {
  const w = ctx.workload;
  const v = ctx.value;
  const perRequest = valuePerRequestUsd(v);
  const growth = 1 + w.monthlyGrowthPct / 100;
  const baseCost = costAt(w, ctx.rates);
  const costInMonth = (m: number) => {
    if (growth === 1) return baseCost;
    const volume = ctx.rates.requestsPerMonth * Math.pow(growth, m - 1);
    const wm = withMonthlyVolume(w, volume);
    return costAt(wm, workloadRates(wm));
  };
  return computeRoi({
    valueUsdInMonth: (m) => ctx.rates.requestsPerMonth * Math.pow(growth, m - 1) * perRequest,
    costUsdInMonth: costInMonth,
    setupUsd: v.setupUsd[kind],
    weeksToLaunch: v.weeksToLaunch[kind],
    horizonMonths: v.horizonMonths,
    discountRateAnnual: v.discountRateAnnual,
  });
}
