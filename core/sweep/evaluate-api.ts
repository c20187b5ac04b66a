import { apiCost, costDoublesAtTurn, type ApiCostOptions } from '../pricing/api-cost.ts';
import { monthlyPriceFactors } from '../pricing/price-history.ts';
import { hasSlo, latencyKnown } from '../decision/status.ts';
import { qualityScore } from '../quality.ts';
import type { ApiPlacement } from '../schema/placement.ts';
import type { LatencyMeasurement, Model, Offering, Region } from '../schema/catalog.ts';
import {
  effortLabel,
  reasoningUnknownReason,
  scoreAtEffort,
  type ResolvedReasoning,
} from '../workload/reasoning.ts';
import { largestPromptTokens } from '../workload/task.ts';
import { candidateReasoning, reasoningDetail, sloTtftMs, taskSeconds } from './reasoning-row.ts';
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

/** A hosted API's latency for a candidate: published or measured, with its reasoning. */
export interface ApiLatency {
  ttftMs: number | null;
  ttftVisibleMs: number | null;
  tpotMs: number | null;
  e2eMs: number | null;
}

/**
 * The offering's figure (published or measured) with the network round trip, and the reasoning:
 * the first visible token comes `reasoning × TPOT` after the first token. A hidden reasoner
 * streams nothing before its answer, so its first token is the visible one. The figure itself is
 * read as a time to the first generated token; a source that measured a hidden reasoner already
 * counted some reasoning in it.
 */
function apiLatency(
  ctx: EvalContext,
  latency: LatencyMeasurement | undefined,
  rttMs: number,
  reasoning: ResolvedReasoning,
): ApiLatency {
  const base = latency?.ttftMs === undefined ? null : latency.ttftMs + rttMs;
  const tpotMs = latency?.outputTokPerS === undefined ? null : 1000 / latency.outputTokPerS;
  const r = reasoning.tokensPerRequest;
  const reasoningMs = r === 0 ? 0 : tpotMs === null ? null : r * tpotMs;
  const ttftVisibleMs = base === null || reasoningMs === null ? null : base + reasoningMs;
  const ttftMs = reasoning.model?.visibility === 'hidden' ? ttftVisibleMs : base;
  const e2eMs =
    ttftVisibleMs === null || tpotMs === null
      ? null
      : ttftVisibleMs + (ctx.workload.outputTokens.mean - 1) * tpotMs;
  return { ttftMs, ttftVisibleMs, tpotMs, e2eMs };
}

/**
 * Seconds from one turn of a task to the next: the turn's own time (when the latency is known)
 * and the tool's. What decides whether the prompt cache is still warm for the next turn.
 */
function turnGapSeconds(ctx: EvalContext, e2eMs: number | null): number | null {
  const task = ctx.workload.task;
  if (task === undefined) return null;
  return (e2eMs ?? 0) / 1000 + task.toolSecondsPerTurn;
}

/** What pricing a hosted-API candidate needs beyond the offering: reasoning, latency, spacing. */
export interface ApiTerms {
  o: Offering;
  model: Model | undefined;
  discount: number;
  reasoning: ResolvedReasoning;
  latency: LatencyMeasurement | undefined;
  region: Region | undefined;
  timing: ApiLatency;
  costOptions: ApiCostOptions;
}

/** The terms of a hosted-API candidate; throws only for an unknown offering id (checked upstream). */
export function apiTerms(ctx: EvalContext, p: ApiPlacement): ApiTerms {
  const o = ctx.index.offerings.get(p.offeringId);
  if (o === undefined) throw new Error(`unknown offering '${p.offeringId}'`);
  const model = ctx.index.models.get(o.modelId);
  const reasoning = candidateReasoning(ctx, model, p.effort);
  const region = o.regionId === undefined ? undefined : ctx.index.regions.get(o.regionId);
  const latency = ctx.index.latency.get(o.id);
  const timing = apiLatency(ctx, latency, rttToRegionMs(ctx, region), reasoning);
  const gap = turnGapSeconds(ctx, timing.e2eMs);
  return {
    o,
    model,
    discount: p.negotiatedDiscount ?? discountFor(ctx.index, o),
    reasoning,
    latency,
    region,
    timing,
    costOptions: {
      reasoningTokens: reasoning.tokensPerRequest,
      ...(gap === null ? {} : { turnGapSeconds: gap }),
    },
  };
}

/** Evaluates a hosted-API candidate; throws only for an unknown offering id (checked upstream). */
export function evaluateApi(
  ctx: EvalContext,
  p: ApiPlacement,
  options: EvaluateOptions = {},
): CandidateResult {
  const t = apiTerms(ctx, p);
  const { o, model, discount, reasoning, latency, region, costOptions } = t;
  const { ttftMs, ttftVisibleMs, tpotMs, e2eMs } = t.timing;
  const provider = ctx.index.providers.get(o.provider);
  const w = ctx.workload;
  const cost = apiCost(o, w, ctx.rates, discount, costOptions);
  const benchmark = w.minQuality?.benchmark ?? 'lmarena-text';
  const quality = scoreAtEffort(
    reasoning,
    benchmark,
    qualityScore(ctx.index.quality, o.modelId, benchmark),
  );
  const reasoningTokens = reasoning.tokensPerRequest;

  const reasons: string[] = [];
  const warnings: string[] = [...reasoning.warnings];
  if (reasoningTokens > 0 && reasoning.model?.billing === 'output-unverified') {
    warnings.push(
      'reasoning billed at the output price is not confirmed for this model: priced so',
    );
  }
  const push = (list: string[], r: string | null) => r !== null && list.push(r);
  push(reasons, ctx.index.unavailable.get(o.id) ?? null);
  push(reasons, residencyReason(ctx, o.residency, o.regionId ?? null));
  push(reasons, reasoningUnknownReason(reasoning, w));
  push(reasons, contextReason(ctx, o.contextTokens ?? model?.contextTokens, reasoningTokens));
  push(reasons, qualityReason(ctx, quality));
  const slo = w.slo;
  const basis = latency?.kind === 'measured' ? 'your measurement' : 'published median';
  const sloTtft = sloTtftMs(ctx, ttftMs, ttftVisibleMs);
  const which =
    reasoningTokens === 0
      ? ''
      : slo.ttftOf === 'first'
        ? ' (first token)'
        : ' (first visible token)';
  if (sloTtft !== null && slo.ttftMs !== undefined && sloTtft > slo.ttftMs) {
    reasons.push(
      `misses the TTFT SLO${which}: ${Math.round(sloTtft)} ms > ${slo.ttftMs} ms (${basis})`,
    );
  }
  if (tpotMs !== null && slo.tpotMs !== undefined && tpotMs > slo.tpotMs) {
    reasons.push(`misses the TPOT SLO: ${tpotMs.toFixed(1)} ms > ${slo.tpotMs} ms (${basis})`);
  }
  if (e2eMs !== null && slo.e2eMs !== undefined && e2eMs > slo.e2eMs) {
    reasons.push(`misses the end-to-end SLO: ${Math.round(e2eMs)} ms > ${slo.e2eMs} ms (${basis})`);
  }
  if (hasSlo(w) && !slo.includeUnknown && !latencyKnown(w, sloTtft, tpotMs)) {
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
  breakdown.reasoningUsd = cost.breakdown.reasoningUsd;
  breakdown.cacheStorageUsd = cost.breakdown.cacheStorageUsd;

  const priceFactors =
    ctx.startDate === undefined
      ? undefined
      : monthlyPriceFactors(
          o,
          ctx.startDate,
          ctx.value.horizonMonths,
          (priced) => apiCost(priced, w, ctx.rates, discount, costOptions).monthlyUsd,
        );
  const roi = candidateRoi(
    ctx,
    'api',
    {
      runUsd: cost.monthlyUsd,
      costAt: () => (wm, rm) => apiCost(o, wm, rm, discount, costOptions).monthlyUsd,
      priceFactors,
    },
    options.withSeries ?? false,
  );
  const task = w.task;
  return makeResult(ctx, {
    id: candidateId(p, ctx.workload.precision),
    kind: 'api',
    label: `${provider?.name ?? o.provider} · ${model?.name ?? o.modelId}${o.regionId ? ` (${region?.code ?? o.regionId})` : ''}${p.effort === undefined ? '' : ` · ${effortLabel(p.effort)}`}`,
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
    ttftVisibleMs,
    tpotMs,
    e2eMs,
    effort: reasoning.effort,
    reasoningTokensPerRequest: reasoningTokens,
    reasoningShareOfCost: cost.monthlyUsd > 0 ? cost.breakdown.reasoningUsd / cost.monthlyUsd : 0,
    reasoning: reasoningDetail(reasoning),
    taskSeconds: taskSeconds(ctx, e2eMs),
    costDoublesAtTurn: cost.turns === null ? null : costDoublesAtTurn(cost.turns),
    task:
      task === undefined
        ? null
        : {
            turns: task.turns,
            perTurn: cost.turns,
            meanPromptTokens: ctx.promptTokensPerRequest / task.turns,
            largestPromptTokens: largestPromptTokens(w),
            turnGapSeconds: costOptions.turnGapSeconds ?? null,
          },
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
