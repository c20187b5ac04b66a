import { unitsText } from '../commitments/units.ts';
import { negotiatedApiCost, placementTerms } from '../pricing/negotiated.ts';
import { monthlyPriceFactors } from '../pricing/price-history.ts';
import { hasSlo, latencyKnown } from '../decision/status.ts';
import { qualityScore } from '../quality.ts';
import type { ApiPlacement } from '../schema/placement.ts';
import { negotiatedTermsFor } from './catalog-index.ts';
import {
  budgetReason,
  contextReason,
  qualityReason,
  residencyReason,
  rttToRegionMs,
  staleWarning,
} from './constraints.ts';
import { candidateId } from './candidate-id.ts';
import type { EvalContext } from './context.ts';
import { priceProvisioned } from './evaluate-provisioned.ts';
import { negotiatedDetail } from './negotiated-detail.ts';
import { candidateRoi, makeResult, type RoiCosting } from './result.ts';
import { emptyBreakdown, type CandidateResult, type EvaluateOptions } from './types.ts';

/** Evaluates a hosted-API candidate; throws only for an unknown offering id (checked upstream). */
export function evaluateApi(
  ctx: EvalContext,
  p: ApiPlacement,
  options: EvaluateOptions = {},
): CandidateResult {
  const o = ctx.index.offerings.get(p.offeringId);
  if (o === undefined) throw new Error(`unknown offering '${p.offeringId}'`);
  const model = ctx.index.models.get(o.modelId);
  const provider = ctx.index.providers.get(o.provider);
  const terms =
    p.negotiatedDiscount !== undefined
      ? placementTerms(p.negotiatedDiscount)
      : negotiatedTermsFor(ctx.index, o.provider, o.id);
  const w = ctx.workload;
  const cost = negotiatedApiCost(o, w, ctx.rates, terms);
  // Bought as provisioned throughput: the units and their overflow replace the per-token bill.
  const provisioned = p.provisioned ? priceProvisioned(ctx, o, p.provisioned, terms) : null;
  const pt = typeof provisioned === 'string' ? null : provisioned;
  const monthlyUsd = pt === null ? cost.monthlyUsd : pt.monthlyUsd;

  const region = o.regionId === undefined ? undefined : ctx.index.regions.get(o.regionId);
  const rtt = rttToRegionMs(ctx, region);
  const latency = ctx.index.latency.get(o.id);
  const ttftMs = latency?.ttftMs === undefined ? null : latency.ttftMs + rtt;
  const tpotMs = latency?.outputTokPerS === undefined ? null : 1000 / latency.outputTokPerS;
  const e2eMs =
    ttftMs === null || tpotMs === null ? null : ttftMs + (w.outputTokens.mean - 1) * tpotMs;
  const benchmark = w.minQuality?.benchmark ?? 'lmarena-text';
  const quality = qualityScore(ctx.index.quality, o.modelId, benchmark);

  const reasons: string[] = [];
  const warnings: string[] = [];
  const push = (list: string[], r: string | null) => r !== null && list.push(r);
  push(reasons, ctx.index.unavailable.get(o.id) ?? null);
  if (typeof provisioned === 'string') reasons.push(provisioned);
  push(reasons, residencyReason(ctx, o.residency, o.regionId ?? null));
  push(reasons, contextReason(ctx, o.contextTokens ?? model?.contextTokens));
  push(reasons, qualityReason(ctx, quality));
  const slo = w.slo;
  const basis = latency?.kind === 'measured' ? 'your measurement' : 'published median';
  if (ttftMs !== null && slo.ttftMs !== undefined && ttftMs > slo.ttftMs) {
    reasons.push(`misses the TTFT SLO: ${Math.round(ttftMs)} ms > ${slo.ttftMs} ms (${basis})`);
  }
  if (tpotMs !== null && slo.tpotMs !== undefined && tpotMs > slo.tpotMs) {
    reasons.push(`misses the TPOT SLO: ${tpotMs.toFixed(1)} ms > ${slo.tpotMs} ms (${basis})`);
  }
  if (e2eMs !== null && slo.e2eMs !== undefined && e2eMs > slo.e2eMs) {
    reasons.push(`misses the end-to-end SLO: ${Math.round(e2eMs)} ms > ${slo.e2eMs} ms (${basis})`);
  }
  if (hasSlo(w) && !slo.includeUnknown && !latencyKnown(w, ttftMs, tpotMs)) {
    reasons.push('latency unknown: no published or measured figure to check the SLO');
  }
  push(reasons, budgetReason(ctx, monthlyUsd));
  push(warnings, staleWarning(ctx, o.asOf, 'price'));
  if (w.promptCache.hitRate > 0 && cost.effectiveCacheHitRate < w.promptCache.hitRate * 0.95) {
    warnings.push(
      cost.effectiveCacheHitRate === 0
        ? 'prompt cache does not apply (no cache, or prefix below the minimum)'
        : `prompt cache hits ${(cost.effectiveCacheHitRate * 100).toFixed(0)}% at this volume (TTL)`,
    );
  }

  const breakdown = emptyBreakdown();
  // With provisioned units, the per-token parts are what overflows to pay-as-you-go (and batch).
  const tokenShare =
    pt === null || cost.monthlyUsd <= 0
      ? 1
      : ((pt.month.overflowUsd + pt.month.batchUsd) * pt.keep) / cost.monthlyUsd;
  breakdown.inputUsd = cost.breakdown.inputUsd * tokenShare;
  breakdown.cachedInputUsd = cost.breakdown.cachedInputUsd * tokenShare;
  breakdown.cacheWriteUsd = cost.breakdown.cacheWriteUsd * tokenShare;
  breakdown.outputUsd = cost.breakdown.outputUsd * tokenShare;
  breakdown.cacheStorageUsd = cost.breakdown.cacheStorageUsd * tokenShare;
  if (pt !== null) breakdown.provisionedUsd = pt.month.unitsUsd * pt.keep;

  // Known price changes (a promotion's end) move the per-token bill; a provisioned plan's price
  // is its term's.
  const priceFactors =
    ctx.startDate === undefined || pt !== null
      ? undefined
      : monthlyPriceFactors(
          o,
          ctx.startDate,
          ctx.value.horizonMonths,
          (priced) => negotiatedApiCost(priced, w, ctx.rates, terms).monthlyUsd,
        );
  const costing: RoiCosting =
    pt !== null
      ? pt.costing
      : {
          runUsd: cost.monthlyUsd,
          costAt: () => (wm, rm) => negotiatedApiCost(o, wm, rm, terms).monthlyUsd,
          priceFactors,
        };
  const roi =
    typeof provisioned === 'string'
      ? null
      : candidateRoi(ctx, 'api', costing, options.withSeries ?? false);
  const place = `${provider?.name ?? o.provider} · ${model?.name ?? o.modelId}${o.regionId ? ` (${region?.code ?? o.regionId})` : ''}`;
  const listMonthlyUsd =
    terms === null
      ? 0
      : pt !== null
        ? pt.month.monthlyUsd
        : negotiatedApiCost(o, w, ctx.rates, null).monthlyUsd;
  return makeResult(
    ctx,
    {
      id: candidateId(p, ctx.workload.precision),
      kind: 'api',
      label: p.provisioned
        ? `${place} — provisioned ${p.provisioned.term}${pt ? ` (${unitsText(pt.quote.unit, pt.month.units)})` : ''}`
        : place,
      modelId: o.modelId,
      modelName: model?.name ?? o.modelId,
      provider: o.provider,
      regionId: o.regionId ?? null,
      residency: o.residency,
      placement: p,
      feasible: reasons.length === 0,
      reasons,
      warnings,
      monthlyUsd: typeof provisioned === 'string' ? null : monthlyUsd,
      breakdown,
      setupUsd: ctx.value.setupUsd.api,
      weeksToLaunch: ctx.value.weeksToLaunch.api,
      ttftMs,
      tpotMs,
      e2eMs,
      quality,
      selfHost: null,
      api: {
        latencySource: latency === undefined ? null : latency.kind,
        effectiveCacheHitRate: cost.effectiveCacheHitRate,
        longContext: cost.longContext,
        longContextShare: cost.longContextShare,
        discount: terms?.fraction ?? 0,
      },
      energyKwhPerMonth: null,
      co2KgPerMonth: null,
      roi,
    },
    {
      commitment: pt === null || roi === null || options.brief ? null : pt.commitment(roi.tcoUsd),
      negotiated: negotiatedDetail(terms, listMonthlyUsd),
    },
  );
}
