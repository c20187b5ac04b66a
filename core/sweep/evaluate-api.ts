import { apiCost } from '../pricing/api-cost.ts';
import { hasSlo, latencyKnown } from '../decision/status.ts';
import { qualityScore } from '../quality.ts';
import type { ApiPlacement } from '../schema/placement.ts';
import { discountFor } from './catalog-index.ts';
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
import { candidateRoi, makeResult } from './result.ts';
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
  const discount = p.negotiatedDiscount ?? discountFor(ctx.index, o);
  const w = ctx.workload;
  const cost = apiCost(o, w, ctx.rates, discount);

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
  push(reasons, budgetReason(ctx, cost.monthlyUsd));
  push(warnings, staleWarning(ctx, o.asOf, 'price'));
  if (w.promptCache.hitRate > 0 && cost.effectiveCacheHitRate < w.promptCache.hitRate * 0.95) {
    warnings.push(
      cost.effectiveCacheHitRate === 0
        ? 'prompt cache does not apply (no cache, or prefix below the minimum)'
        : `prompt cache hits ${(cost.effectiveCacheHitRate * 100).toFixed(0)}% at this volume (TTL)`,
    );
  }

  const breakdown = emptyBreakdown();
  breakdown.inputUsd = cost.breakdown.inputUsd;
  breakdown.cachedInputUsd = cost.breakdown.cachedInputUsd;
  breakdown.cacheWriteUsd = cost.breakdown.cacheWriteUsd;
  breakdown.outputUsd = cost.breakdown.outputUsd;
  breakdown.cacheStorageUsd = cost.breakdown.cacheStorageUsd;

  const roi = candidateRoi(
    ctx,
    'api',
    {
      runUsd: cost.monthlyUsd,
      costAt: () => (wm, rm) => apiCost(o, wm, rm, discount).monthlyUsd,
    },
    options.withSeries ?? false,
  );
  return makeResult(ctx, {
    id: candidateId(p, ctx.workload.precision),
    kind: 'api',
    label: `${provider?.name ?? o.provider} · ${model?.name ?? o.modelId}${o.regionId ? ` (${region?.code ?? o.regionId})` : ''}`,
    modelId: o.modelId,
    modelName: model?.name ?? o.modelId,
    provider: o.provider,
    regionId: o.regionId ?? null,
    residency: o.residency,
    placement: p,
    feasible: reasons.length === 0,
    reasons,
    warnings,
    monthlyUsd: cost.monthlyUsd,
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
      discount,
    },
    energyKwhPerMonth: null,
    co2KgPerMonth: null,
    roi,
  });
}
