import { budgetReason, qualityReason } from '../sweep/constraints.ts';
import { contextFor, type EvalContext } from '../sweep/context.ts';
import { candidateId } from '../sweep/candidate-id.ts';
import { makeResult, perOutcomeUsd, servedRequests } from '../sweep/result.ts';
import {
  BREAKDOWN_KEYS,
  emptyBreakdown,
  type CandidateResult,
  type CostBreakdown,
  type EvaluateOptions,
  type RouteArmResult,
} from '../sweep/types.ts';
import type { Placement } from '../schema/placement.ts';
import type { CandidatePlacement, RoutePlacement } from '../schema/route.ts';
import { TOKENS_PER_MTOK } from '../units.ts';
import { withMonthlyVolume } from '../workload/derive.ts';
import {
  blendedQuality,
  cascadeBreakEvenShare,
  mixtureMeanMs,
  mixtureQuantileMs,
  routerBreakEvenShare,
  type LatencyPath,
} from './route-math.ts';

type Evaluate = (ctx: EvalContext, p: CandidatePlacement, o?: EvaluateOptions) => CandidateResult;

/**
 * A route between two candidates, each evaluated by its own evaluator at the share of requests it
 * serves (a self-hosted arm is sized for its share, not scaled). The minimum quality and the
 * budget apply to the route as a whole: a small arm below the minimum is the point of routing.
 */
export function evaluateRoute(
  ctx: EvalContext,
  p: RoutePlacement,
  evaluate: Evaluate,
): CandidateResult {
  const volume = ctx.rates.requestsPerMonth;
  const escalation = p.mode === 'cascade' ? (p.escalationShare ?? 0) : 1 - (p.smallShare ?? 0);
  // A cascade's small arm attempts every request; a router's answers only its share.
  const smallShare = p.mode === 'cascade' ? 1 : 1 - escalation;
  const small = evaluateArm(ctx, p.small, smallShare, evaluate);
  const large = evaluateArm(ctx, p.large, escalation, evaluate);
  const largeAlone = evaluate(armContext(ctx, 1), p.large);
  const routerUsdPerRequest = routerCostPerRequest(ctx, p);
  const routerMonthlyUsd = routerUsdPerRequest * volume;

  const monthlyUsd =
    small.result.monthlyUsd === null || large.result.monthlyUsd === null
      ? null
      : small.result.monthlyUsd + large.result.monthlyUsd + routerMonthlyUsd;
  const breakdown = sumBreakdowns(small.result.breakdown, large.result.breakdown);
  breakdown.routerUsd = routerMonthlyUsd;

  const latency = routeLatency(p, escalation, small.result, large.result);
  const quality = blendedQuality(small.result.quality, large.result.quality, escalation);
  const reasons = [
    ...small.result.reasons.map((r) => `small arm: ${r}`),
    ...large.result.reasons.map((r) => `large arm: ${r}`),
  ];
  const q = qualityReason(ctx, quality);
  if (q !== null) reasons.push(q);
  const b = budgetReason(ctx, monthlyUsd);
  if (b !== null) reasons.push(b);

  // Both arms of one placement kind share one launch; two kinds are two integrations.
  const sameKind = p.small.kind === p.large.kind;
  const setupUsd = small.result.setupUsd + (sameKind ? 0 : large.result.setupUsd);
  const laterKind: Placement['kind'] =
    large.result.weeksToLaunch >= small.result.weeksToLaunch ? p.large.kind : p.small.kind;
  const tcoUsd =
    small.result.tcoUsd === null || large.result.tcoUsd === null
      ? null
      : small.result.tcoUsd +
        large.result.tcoUsd -
        (sameKind ? large.result.setupUsd : 0) +
        routerUsdPerRequest * servedRequests(ctx, laterKind);

  const smallPerRequest = perRequest(small.result.monthlyUsd, smallShare * volume);
  const largeAlonePerRequest = perRequest(largeAlone.monthlyUsd, volume);
  const breakEven =
    smallPerRequest === null || largeAlonePerRequest === null
      ? null
      : p.mode === 'cascade'
        ? cascadeBreakEvenShare(smallPerRequest, largeAlonePerRequest, routerUsdPerRequest)
        : routerBreakEvenShare(smallPerRequest, largeAlonePerRequest, routerUsdPerRequest);

  const what = p.mode === 'cascade' ? 'Cascade' : 'Router';
  const split = p.mode === 'cascade' ? `${pct(escalation)} escalated` : `${pct(smallShare)} small`;
  const base = makeResult(ctx, {
    id: candidateId(p, ctx.workload.precision),
    kind: p.large.kind,
    label: `${what}: ${small.result.label} → ${large.result.label} (${split})`,
    modelId: large.result.modelId,
    modelName: `${small.result.modelName} → ${large.result.modelName}`,
    provider: large.result.provider,
    regionId: large.result.regionId,
    residency: large.result.residency,
    placement: p.large,
    feasible: reasons.length === 0,
    reasons,
    warnings: [
      ...small.result.warnings.map((w) => `small arm: ${w}`),
      ...large.result.warnings.map((w) => `large arm: ${w}`),
    ],
    monthlyUsd,
    breakdown,
    setupUsd,
    weeksToLaunch: Math.max(small.result.weeksToLaunch, large.result.weeksToLaunch),
    ttftMs: latency.ttftMs,
    ttftVisibleMs: latency.ttftVisibleMs,
    tpotMs: latency.tpotMs,
    e2eMs: latency.e2eMs,
    effort: null,
    reasoningTokensPerRequest:
      smallShare * small.result.reasoningTokensPerRequest +
      escalation * large.result.reasoningTokensPerRequest,
    reasoningShareOfCost: null,
    reasoning: null,
    taskSeconds: null,
    costDoublesAtTurn: null,
    task: null,
    quality,
    selfHost: null,
    api: null,
    energyKwhPerMonth: sumKnown(small.result.energyKwhPerMonth, large.result.energyKwhPerMonth),
    co2KgPerMonth: sumKnown(small.result.co2KgPerMonth, large.result.co2KgPerMonth),
    // Net value and NPV are not mixed across two arms here: the route ranks on its costs.
    roi: null,
  });
  return {
    ...base,
    kind: 'route',
    placement: p,
    tcoUsd,
    perOutcomeUsd: tcoUsd === null ? null : perOutcomeUsd(ctx, laterKind, tcoUsd),
    route: {
      mode: p.mode,
      small: small.arm,
      large: large.arm,
      escalationShare: escalation,
      routerUsdPerRequest,
      routerMonthlyUsd,
      routerLatencyMs: p.router.latencyMs,
      ttftP95Ms: latency.ttftP95Ms,
      largeAloneMonthlyUsd: largeAlone.monthlyUsd,
      breakEvenEscalationShare: breakEven,
    },
  };
}

/** The context an arm is evaluated in: its share of the volume; no quality minimum or budget. */
function armContext(ctx: EvalContext, share: number): EvalContext {
  const { minQuality: _dropped, ...rest } = ctx.workload;
  const at = contextFor(ctx, withMonthlyVolume(rest, ctx.rates.requestsPerMonth * share));
  at.maxMonthlyUsd = undefined;
  return at;
}

function evaluateArm(
  ctx: EvalContext,
  p: Placement,
  share: number,
  evaluate: Evaluate,
): { result: CandidateResult; arm: RouteArmResult } {
  const result = evaluate(armContext(ctx, share), p);
  // An arm with no requests is not deployed: it costs nothing (a floor replica would otherwise).
  if (share === 0) {
    result.monthlyUsd = 0;
    result.tcoUsd = 0;
    result.setupUsd = 0;
    result.breakdown = emptyBreakdown();
  }
  return {
    result,
    arm: {
      id: candidateId(p, ctx.workload.precision),
      label: result.label,
      kind: p.kind,
      share,
      monthlyUsd: result.monthlyUsd,
      tcoUsd: result.tcoUsd,
      setupUsd: result.setupUsd,
      ttftMs: result.ttftMs,
      e2eMs: result.e2eMs,
      quality: result.quality,
    },
  };
}

/** The router's cost per request: its fixed price plus a classifier's tokens at list prices. */
export function routerCostPerRequest(ctx: EvalContext, p: RoutePlacement): number {
  const r = p.router;
  let usd = r.usdPerRequest;
  const offering = r.offeringId === undefined ? undefined : ctx.index.offerings.get(r.offeringId);
  if (offering !== undefined) {
    usd +=
      ((r.inputTokens ?? 0) * offering.usdPerMTok.input +
        (r.outputTokens ?? 0) * offering.usdPerMTok.output) /
      TOKENS_PER_MTOK;
  }
  return usd;
}

interface RouteLatency {
  ttftMs: number | null;
  ttftP95Ms: number | null;
  ttftVisibleMs: number | null;
  tpotMs: number | null;
  e2eMs: number | null;
}

/**
 * Latency over the two paths. A router adds its decision to both. A cascade's kept answer streams
 * as the small arm writes it; an escalated request waits for the whole first attempt and the check
 * before the large arm starts.
 */
function routeLatency(
  p: RoutePlacement,
  escalation: number,
  small: CandidateResult,
  large: CandidateResult,
): RouteLatency {
  const routerMs = p.router.latencyMs;
  const fastShare = 1 - escalation;
  const paths = (
    pick: (r: CandidateResult) => number | null,
    escalatedWaits: boolean,
  ): LatencyPath[] | null => {
    const s = pick(small);
    const l = pick(large);
    if ((fastShare > 0 && s === null) || (escalation > 0 && l === null)) return null;
    if (p.mode === 'router') {
      return [
        { share: fastShare, ms: routerMs + (s ?? 0) },
        { share: escalation, ms: routerMs + (l ?? 0) },
      ];
    }
    if (escalation > 0 && small.e2eMs === null) return null;
    const firstAttempt = escalatedWaits ? (small.e2eMs ?? 0) + routerMs : 0;
    return [
      { share: fastShare, ms: s ?? 0 },
      { share: escalation, ms: firstAttempt + (l ?? 0) },
    ];
  };
  const ttft = paths((r) => r.ttftMs, true);
  const visible = paths((r) => r.ttftVisibleMs ?? r.ttftMs, true);
  const tpot = paths((r) => r.tpotMs, false);
  const e2e = paths((r) => r.e2eMs, true);
  return {
    ttftMs: ttft === null ? null : mixtureMeanMs(ttft),
    ttftP95Ms: ttft === null ? null : mixtureQuantileMs(ttft, 0.95),
    ttftVisibleMs: visible === null ? null : mixtureMeanMs(visible),
    tpotMs: tpot === null ? null : mixtureMeanMs(tpot),
    e2eMs: e2e === null ? null : mixtureMeanMs(e2e),
  };
}

function sumBreakdowns(a: CostBreakdown, b: CostBreakdown): CostBreakdown {
  const out = emptyBreakdown();
  for (const k of BREAKDOWN_KEYS) out[k] = a[k] + b[k];
  return out;
}

function sumKnown(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

function perRequest(monthlyUsd: number | null, requests: number): number | null {
  return monthlyUsd === null || requests <= 0 ? null : monthlyUsd / requests;
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
