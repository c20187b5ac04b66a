import { negotiatedApiMonthlyUsd } from '../pricing/negotiated.ts';
import type { Placement } from '../schema/placement.ts';
import { withMonthlyVolume, workloadRates } from '../workload/derive.ts';
import type { EvalContext } from './context.ts';
import { apiTerms } from './evaluate-api.ts';
import { cloudCostAtVolume } from './evaluate-cloud.ts';
import { priceProvisioned } from './evaluate-provisioned.ts';
import { onpremCostAtVolume } from './evaluate-onprem.ts';

/**
 * Monthly cost of a candidate if the workload had `requestsPerMonth`, everything else held: the
 * cost-vs-volume chart and break-even search call this hundreds of times, so it prices without
 * building a row.
 */
export function monthlyCostAtVolume(
  ctx: EvalContext,
  p: Placement,
  requestsPerMonth: number,
): number | null {
  const w = withMonthlyVolume(ctx.workload, requestsPerMonth);
  const rates = workloadRates(w);
  if (p.kind === 'api') {
    if (!ctx.index.offerings.has(p.offeringId)) return null;
    const t = apiTerms(ctx, p);
    if (p.provisioned === undefined) {
      return negotiatedApiMonthlyUsd(t.o, w, rates, t.terms, t.costOptions);
    }
    const pt = priceProvisioned(ctx, t.o, p.provisioned, t.terms, t.costOptions);
    return typeof pt === 'string' ? null : pt.costing.costAt()(w, rates);
  }
  const costAt = p.kind === 'cloud' ? cloudCostAtVolume(ctx, p) : onpremCostAtVolume(ctx, p);
  if (costAt === null) return null;
  const usd = costAt(w, rates);
  return Number.isFinite(usd) ? usd : null;
}
