import { unitsText } from '../commitments/units.ts';
import { costDoublesAtTurn, type ApiCost, type ApiCostOptions } from '../pricing/api-cost.ts';
import {
  negotiatedApiCost,
  negotiatedApiMonthlyUsd,
  placementTerms,
  type NegotiatedTerms,
} from '../pricing/negotiated.ts';
import { firstMonthApiCost } from '../pricing/first-month.ts';
import { monthlyPriceFactors, offeringAt } from '../pricing/price-history.ts';
import { hasRequestValue } from '../roi/value.ts';
import type { LatencyMeasurement, Model, Offering, Region } from '../schema/catalog.ts';
import { hasSlo, latencyKnown } from '../decision/status.ts';
import { qualityScore, workloadBenchmark } from '../quality.ts';
import type { ApiPlacement } from '../schema/placement.ts';
import {
  effortLabel,
  reasoningUnknownReason,
  scoreAtEffort,
  type ResolvedReasoning,
} from '../workload/reasoning.ts';
import { largestPromptTokens } from '../workload/task.ts';
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
import { priceProvisioned, type ProvisionedPricing } from './evaluate-provisioned.ts';
import { negotiatedDetail } from './negotiated-detail.ts';
import { candidateReasoning, reasoningDetail, sloTtftMs, taskSeconds } from './reasoning-row.ts';
import { candidateRoi, makeResult, perOutcomeUsd, type RoiCosting } from './result.ts';
import { KIND_CODE, nanOf, type SweepColumns } from './table.ts';
import { emptyBreakdown, type CandidateResult, type EvaluateOptions } from './types.ts';

/** A hosted API's latency for a candidate: published or measured, with its reasoning. */
export interface ApiLatency {
  ttftMs: number | null;
  ttftVisibleMs: number | null;
  tpotMs: number | null;
  e2eMs: number | null;
}

/**
 * The offering's figure (published or measured) with the network round trip, and the reasoning.
 * Where reasoning streams first (a source's TTFT is then the first reasoning token), the first
 * visible token comes `reasoning × TPOT` later. A hidden reasoner streams nothing before its
 * answer: a figure taken through its API already holds the reasoning of the level the source ran,
 * taken to be the model's default — so at the default its TTFT is the visible one, at a higher
 * level it grows by the extra typical reasoning tokens × TPOT (unknown when either count or the
 * TPOT is), and at a lower one the default's figure stands as an upper bound.
 */
function apiLatency(
  ctx: EvalContext,
  model: Model | undefined,
  latency: LatencyMeasurement | undefined,
  rttMs: number,
  reasoning: ResolvedReasoning,
): ApiLatency {
  const base = latency?.ttftMs === undefined ? null : latency.ttftMs + rttMs;
  const tpotMs = latency?.outputTokPerS === undefined ? null : 1000 / latency.outputTokPerS;
  const r = reasoning.tokensPerRequest;
  let reasoningMs: number | null = r === 0 ? 0 : tpotMs === null ? null : r * tpotMs;
  const hidden = reasoning.model?.visibility === 'hidden';
  if (hidden && reasoning.model !== null && reasoning.effort !== reasoning.model.defaultEffort) {
    const atDefault = candidateReasoning(ctx, model, reasoning.model.defaultEffort);
    const known = reasoning.from !== 'unknown' && atDefault.from !== 'unknown' && tpotMs !== null;
    // Less reasoning than the default's cannot be taken out of a figure that does not say how
    // much it held: the default's figure stays, as an upper bound.
    reasoningMs = known ? Math.max(0, r - atDefault.tokensPerRequest) * tpotMs : null;
  } else if (hidden) {
    reasoningMs = 0;
  }
  const ttftVisibleMs = base === null || reasoningMs === null ? null : base + reasoningMs;
  const ttftMs = hidden ? ttftVisibleMs : base;
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
  /** The negotiated terms that apply (the placement's, the scenario's or the catalog's). */
  terms: NegotiatedTerms | null;
  reasoning: ResolvedReasoning;
  latency: LatencyMeasurement | undefined;
  region: Region | undefined;
  timing: ApiLatency;
  costOptions: ApiCostOptions;
}

/**
 * The terms of a hosted-API candidate; throws only for an unknown offering id (checked upstream).
 * The offering carries the prices of the horizon's first day: a horizon that starts before the
 * prices' as-of day pays, in its first month, what was charged then (a promotion since ended).
 */
export function apiTerms(ctx: EvalContext, p: ApiPlacement): ApiTerms {
  const row = ctx.index.offerings.get(p.offeringId);
  if (row === undefined) throw new Error(`unknown offering '${p.offeringId}'`);
  const o = ctx.startDate === undefined ? row : (offeringAt(row, ctx.startDate) ?? row);
  const model = ctx.index.models.get(o.modelId);
  const reasoning = candidateReasoning(ctx, model, p.effort);
  const region = o.regionId === undefined ? undefined : ctx.index.regions.get(o.regionId);
  const latency = ctx.index.latency.get(o.id);
  const timing = apiLatency(ctx, model, latency, rttToRegionMs(ctx, region), reasoning);
  const gap = turnGapSeconds(ctx, timing.e2eMs);
  return {
    o,
    model,
    terms:
      p.negotiatedDiscount !== undefined
        ? placementTerms(p.negotiatedDiscount)
        : negotiatedTermsFor(ctx.index, o.provider, o.id),
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

/** A hosted-API candidate's cost, latency, quality and constraints: what rows and columns share. */
interface ApiAssessment extends ApiTerms {
  /** The per-token bill; a provisioned plan's replaces it where it is priced. */
  cost: ApiCost;
  /** Bought as provisioned throughput: its plan, or why it cannot be priced; null: per token. */
  provisioned: ProvisionedPricing | string | null;
  /** The first month's bill as bought (per token, or the provisioned plan's). */
  monthlyUsd: number;
  /** A month per token at the offering's own prices: what the horizon's price factors scale. */
  ownMonthlyUsd: number;
  quality: number | null;
  /** Why it is infeasible; empty when it is not. */
  reasons: string[];
}

/** Prices a hosted-API candidate and checks its constraints; throws only for an unknown offering. */
function assessApi(ctx: EvalContext, p: ApiPlacement): ApiAssessment {
  const t = apiTerms(ctx, p);
  const { o, model, reasoning, latency } = t;
  const { ttftMs, ttftVisibleMs, tpotMs, e2eMs } = t.timing;
  const w = ctx.workload;
  const { first: cost, ownMonthlyUsd } = firstMonthApiCost(
    o,
    w,
    ctx.rates,
    t.terms,
    t.costOptions,
    ctx.startDate,
  );
  const provisioned = p.provisioned
    ? priceProvisioned(ctx, o, p.provisioned, t.terms, t.costOptions)
    : null;
  const monthlyUsd =
    provisioned === null || typeof provisioned === 'string'
      ? cost.monthlyUsd
      : provisioned.monthlyUsd;
  const benchmark = workloadBenchmark(w);
  const quality = scoreAtEffort(
    reasoning,
    benchmark,
    qualityScore(ctx.index.quality, o.modelId, benchmark),
  );
  const reasoningTokens = reasoning.tokensPerRequest;

  const reasons: string[] = [];
  const push = (r: string | null) => r !== null && reasons.push(r);
  push(ctx.index.unavailable.get(o.id) ?? null);
  if (typeof provisioned === 'string') reasons.push(provisioned);
  push(residencyReason(ctx, o.residency, o.regionId ?? null));
  push(contextReason(ctx, o.contextTokens ?? model?.contextTokens, reasoningTokens));
  push(qualityReason(ctx, quality));
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
  // Last of the unknowns: a hosted API with no latency figure is counted under that first.
  push(reasoningUnknownReason(reasoning, w));
  push(budgetReason(ctx, monthlyUsd));
  return {
    o,
    model,
    terms: t.terms,
    reasoning,
    latency,
    region: t.region,
    timing: t.timing,
    costOptions: t.costOptions,
    cost,
    provisioned,
    monthlyUsd,
    ownMonthlyUsd,
    quality,
    reasons,
  };
}

/**
 * How an API candidate's months are costed: its monthly cost, re-priced at other volumes, and the
 * catalog's known price changes within the horizon (a promotion's end) from the start date.
 */
function apiCosting(ctx: EvalContext, a: ApiAssessment): RoiCosting {
  const { o, terms, costOptions } = a;
  const w = ctx.workload;
  // A provisioned plan's price is its term's; it holds its units as blocks of the term.
  if (a.provisioned !== null && typeof a.provisioned !== 'string') return a.provisioned.costing;
  return {
    runUsd: a.ownMonthlyUsd,
    costAt: () => (wm, rm) => negotiatedApiMonthlyUsd(o, wm, rm, terms, costOptions),
    priceFactors:
      ctx.startDate === undefined
        ? undefined
        : monthlyPriceFactors(
            o,
            ctx.startDate,
            ctx.value.horizonMonths,
            (priced) => negotiatedApiCost(priced, w, ctx.rates, terms, costOptions).monthlyUsd,
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
  t.kind[i] = KIND_CODE.api;
  t.feasible[i] = a.reasons.length === 0 ? 1 : 0;
  t.reasons[i] = a.reasons;
  t.monthlyUsd[i] = typeof a.provisioned === 'string' ? Number.NaN : a.monthlyUsd;
  t.ttftMs[i] = nanOf(a.timing.ttftMs);
  t.ttftVisibleMs[i] = nanOf(a.timing.ttftVisibleMs);
  t.reasoningTokens[i] = a.reasoning.tokensPerRequest;
  t.tpotMs[i] = nanOf(a.timing.tpotMs);
  t.e2eMs[i] = nanOf(a.timing.e2eMs);
  t.quality[i] = nanOf(a.quality);
  if (typeof a.provisioned === 'string') return;
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
  const { o, model, cost, region, latency, terms, reasoning, costOptions } = a;
  const pt = typeof a.provisioned === 'string' ? null : a.provisioned;
  const { ttftMs, ttftVisibleMs, tpotMs, e2eMs } = a.timing;
  const provider = ctx.index.providers.get(o.provider);
  const w = ctx.workload;
  const reasoningTokens = reasoning.tokensPerRequest;
  const warnings: string[] = [...reasoning.warnings];
  if (reasoningTokens > 0 && reasoning.model?.billing === 'output-unverified') {
    warnings.push(
      'reasoning billed at the output price is not confirmed for this model: priced so',
    );
  }
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
  // With provisioned units, the per-token parts are what overflows to pay-as-you-go (and batch).
  const tokenShare =
    pt === null || cost.monthlyUsd <= 0
      ? 1
      : ((pt.month.overflowUsd + pt.month.batchUsd) * pt.keep) / cost.monthlyUsd;
  breakdown.inputUsd = cost.breakdown.inputUsd * tokenShare;
  breakdown.cachedInputUsd = cost.breakdown.cachedInputUsd * tokenShare;
  breakdown.cacheWriteUsd = cost.breakdown.cacheWriteUsd * tokenShare;
  breakdown.outputUsd = cost.breakdown.outputUsd * tokenShare;
  breakdown.reasoningUsd = cost.breakdown.reasoningUsd * tokenShare;
  breakdown.cacheStorageUsd = cost.breakdown.cacheStorageUsd * tokenShare;
  if (pt !== null) breakdown.provisionedUsd = pt.month.unitsUsd * pt.keep;

  const unpriced = typeof a.provisioned === 'string';
  const roi = unpriced
    ? null
    : candidateRoi(ctx, 'api', apiCosting(ctx, a), options.withSeries ?? false);
  if (roi !== null) options.roiOut?.(roi);
  const variant = ctx.index.offeringVariants.get(o.id);
  const place = `${provider?.name ?? o.provider} · ${model?.name ?? o.modelId}${o.regionId ? ` (${region?.code ?? o.regionId})` : ''}${variant === undefined ? '' : ` · ${variant}`}`;
  const listMonthlyUsd =
    terms === null
      ? 0
      : pt !== null
        ? pt.month.monthlyUsd
        : firstMonthApiCost(o, w, ctx.rates, null, costOptions, ctx.startDate).first.monthlyUsd;
  const bought = p.provisioned
    ? ` — provisioned ${p.provisioned.term}${pt ? ` (${unitsText(pt.quote.unit, pt.month.units)})` : ''}`
    : '';
  const effort = p.effort === undefined ? '' : ` · ${effortLabel(p.effort)}`;
  const task = w.task;
  return makeResult(
    ctx,
    {
      id: candidateId(p, ctx.workload.precision),
      kind: 'api',
      label: `${place}${effort}${bought}`,
      modelId: o.modelId,
      modelName: model?.name ?? o.modelId,
      provider: o.provider,
      regionId: o.regionId ?? null,
      residency: o.residency,
      placement: p,
      feasible: a.reasons.length === 0,
      reasons: a.reasons,
      warnings,
      monthlyUsd: unpriced ? null : a.monthlyUsd,
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
      quality: a.quality,
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
