import { negotiatedApiCost, placementTerms } from '../pricing/negotiated.ts';
import type { Placement } from '../schema/placement.ts';
import { withMonthlyVolume, workloadRates } from '../workload/derive.ts';
import { negotiatedTermsFor } from './catalog-index.ts';
import type { EvalContext } from './context.ts';
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
    const o = ctx.index.offerings.get(p.offeringId);
    if (o === undefined) return null;
    const terms =
      p.negotiatedDiscount !== undefined
        ? placementTerms(p.negotiatedDiscount)
        : negotiatedTermsFor(ctx.index, o.provider, o.id);
    if (p.provisioned === undefined) return negotiatedApiCost(o, w, rates, terms).monthlyUsd;
    const pt = priceProvisioned(ctx, o, p.provisioned, terms);
    return typeof pt === 'string' ? null : pt.costing.costAt()(w, rates);
  }
  const costAt = p.kind === 'cloud' ? cloudCostAtVolume(ctx, p) : onpremCostAtVolume(ctx, p);
  if (costAt === null) return null;
  const usd = costAt(w, rates);
  return Number.isFinite(usd) ? usd : null;
}
