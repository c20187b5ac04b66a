import { apiCost, type ApiCost } from '../pricing/api-cost.ts';
import { monthlyPriceFactors } from '../pricing/price-history.ts';
import { hasRequestValue } from '../roi/value.ts';
import type { LatencyMeasurement, Offering, Region } from '../schema/catalog.ts';
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
import { candidateRoi, makeResult, perOutcomeUsd, type RoiCosting } from './result.ts';
import { KIND_CODE, type SweepColumns } from './table.ts';
import { emptyBreakdown, type CandidateResult, type EvaluateOptions } from './types.ts';

/** A hosted-API candidate's cost, latency, quality and constraints: what rows and columns share. */
interface ApiAssessment {
  o: Offering;
  discount: number;
  cost: ApiCost;
  region: Region | undefined;
  latency: LatencyMeasurement | undefined;
  ttftMs: number | null;
  tpotMs: number | null;
  e2eMs: number | null;
  quality: number | null;
  /** Why it is infeasible; empty when it is not. */
  reasons: string[];
}

/** Prices a hosted-API candidate and checks its constraints; throws only for an unknown offering. */
function assessApi(ctx: EvalContext, p: ApiPlacement): ApiAssessment {
  const o = ctx.index.offerings.get(p.offeringId);
  if (o === undefined) throw new Error(`unknown offering '${p.offeringId}'`);
  const model = ctx.index.models.get(o.modelId);
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
  const push = (r: string | null) => r !== null && reasons.push(r);
  push(ctx.index.unavailable.get(o.id) ?? null);
  push(residencyReason(ctx, o.residency, o.regionId ?? null));
  push(contextReason(ctx, o.contextTokens ?? model?.contextTokens));
  push(qualityReason(ctx, quality));
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
  push(budgetReason(ctx, cost.monthlyUsd));
  return { o, discount, cost, region, latency, ttftMs, tpotMs, e2eMs, quality, reasons };
}

/**
 * How an API candidate's months are costed: its monthly cost, re-priced at other volumes, and the
 * catalog's known price changes within the horizon (a promotion's end) from the start date.
 */
function apiCosting(ctx: EvalContext, a: ApiAssessment): RoiCosting {
  const { o, discount } = a;
  const w = ctx.workload;
  return {
    runUsd: a.cost.monthlyUsd,
    costAt: () => (wm, rm) => apiCost(o, wm, rm, discount).monthlyUsd,
    priceFactors:
      ctx.startDate === undefined
        ? undefined
        : monthlyPriceFactors(
            o,
            ctx.startDate,
            ctx.value.horizonMonths,
            (priced) => apiCost(priced, w, ctx.rates, discount).monthlyUsd,
          ),
  };
}

/**
 * The simulation's path for a hosted-API candidate: priced, checked and written to the columns
 * without building a row (its label, warnings and breakdown are built only when shown).
 */
export function writeApiColumns(
  ctx: EvalContext,
  t: SweepColumns,
  i: number,
  p: ApiPlacement,
): void {
  const a = assessApi(ctx, p);
  const nan = (x: number | null) => x ?? Number.NaN;
  t.kind[i] = KIND_CODE.api;
  t.feasible[i] = a.reasons.length === 0 ? 1 : 0;
  t.reasons[i] = a.reasons;
  t.monthlyUsd[i] = a.cost.monthlyUsd;
  t.ttftMs[i] = nan(a.ttftMs);
  t.tpotMs[i] = nan(a.tpotMs);
  t.e2eMs[i] = nan(a.e2eMs);
  t.quality[i] = nan(a.quality);
  const roi = candidateRoi(ctx, 'api', apiCosting(ctx, a), false, ctx.roiScratch);
  t.tcoUsd[i] = roi.tcoUsd;
  t.perOutcomeUsd[i] = perOutcomeUsd(ctx, 'api', roi.tcoUsd) ?? Number.NaN;
  if (hasRequestValue(ctx.value)) {
    t.netMonthlyUsd[i] = roi.netMonthlyUsd;
    t.npvUsd[i] = roi.npvUsd;
    t.paybackMonth[i] = roi.paybackMonth ?? Number.NaN;
  }
}

/** Evaluates a hosted-API candidate; throws only for an unknown offering id (checked upstream). */
export function evaluateApi(
  ctx: EvalContext,
  p: ApiPlacement,
  options: EvaluateOptions = {},
): CandidateResult {
  const a = assessApi(ctx, p);
  const { o, cost, region, latency, discount } = a;
  const model = ctx.index.models.get(o.modelId);
  const provider = ctx.index.providers.get(o.provider);
  const w = ctx.workload;
  const warnings: string[] = [];
  const stale = staleWarning(ctx, o.asOf, 'price');
  if (stale !== null) warnings.push(stale);
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

  const roi = candidateRoi(ctx, 'api', apiCosting(ctx, a), options.withSeries ?? false);
  options.roiOut?.(roi);
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
    feasible: a.reasons.length === 0,
    reasons: a.reasons,
    warnings,
    monthlyUsd: cost.monthlyUsd,
    breakdown,
    setupUsd: ctx.value.setupUsd.api,
    weeksToLaunch: ctx.value.weeksToLaunch.api,
    ttftMs: a.ttftMs,
    tpotMs: a.tpotMs,
    e2eMs: a.e2eMs,
    quality: a.quality,
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
