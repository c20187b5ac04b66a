import { QUANTIZATION_QUALITY_LOSS, qualityScore, workloadBenchmark } from '../quality.ts';
import {
  effortLabel,
  reasoningUnknownReason,
  scoreAtEffort,
  type ResolvedReasoning,
} from '../workload/reasoning.ts';
import { slowStreamWarning } from '../workload/reading-speed.ts';
import { largestPromptTokens } from '../workload/task.ts';
import { candidateReasoning, reasoningDetail, taskSeconds } from './reasoning-row.ts';
import type { Gpu, Instance, Model, OpenModel, Region } from '../schema/catalog.ts';
import type { CloudPlacement, OnpremPlacement } from '../schema/placement.ts';
import type { OkCapacity } from './capacity-cache.ts';
import { candidateId } from './candidate-id.ts';
import { budgetReason, contextReason, qualityReason, residencyReason } from './constraints.ts';
import type { EvalContext } from './context.ts';
import { candidateRoi, makeResult, type ResultExtras, type RoiCosting } from './result.ts';
import {
  emptyBreakdown,
  type CandidateResult,
  type CostBreakdown,
  type EvaluateOptions,
  type OwnedDetail,
  type SelfHostDetail,
} from './types.ts';

/** The model as a self-hostable one (open weights with an architecture), or undefined. */
export function openModel(model: Model | undefined): OpenModel | undefined {
  return model?.openWeights && model.arch !== undefined ? (model as OpenModel) : undefined;
}

export const noOpenWeights = (modelId: string) => `${modelId} has no open weights to self-host`;

/** What identifies a self-hosted candidate, known before it is sized. */
export interface Identity {
  placement: CloudPlacement | OnpremPlacement;
  model: Model | undefined;
  gpu: Gpu;
  instance?: Instance;
  region?: Region | undefined;
}

const PRICING_LABEL = {
  onDemand: 'on-demand',
  spot: 'spot',
  commit1y: '1-year',
  commit3y: '3-year',
} as const;

/** Row fields that follow from the identity alone. */
function describe(ctx: EvalContext, c: Identity) {
  const p = c.placement;
  const modelName = c.model?.name ?? p.modelId;
  const effort = p.effort === undefined ? '' : ` · ${effortLabel(p.effort)}`;
  if (p.kind === 'cloud') {
    const instance = c.instance as Instance;
    return {
      id: candidateId(p, ctx.workload.precision),
      label: `${modelName} on ${instance.instanceType} (${c.region?.code ?? instance.regionId}, ${PRICING_LABEL[p.pricing]})${effort}`,
      modelName,
      provider: instance.cloud,
      regionId: instance.regionId as string | null,
      residency: (c.region?.residency ?? 'global') as CandidateResult['residency'],
    };
  }
  return {
    id: candidateId(p, ctx.workload.precision),
    label: `${modelName} on owned ${c.gpu.name}${effort}`,
    modelName,
    provider: 'onprem',
    regionId: null,
    residency: (p.residency ?? 'own') as CandidateResult['residency'],
  };
}

/** A self-hosted candidate that cannot be costed (no fit, no price, SLO missed even alone). */
export function infeasibleRow(ctx: EvalContext, c: Identity, reason: string): CandidateResult {
  const d = describe(ctx, c);
  const reasoning = candidateReasoning(ctx, c.model, c.placement.effort);
  return makeResult(ctx, {
    id: d.id,
    kind: c.placement.kind,
    label: d.label,
    modelId: c.placement.modelId,
    modelName: d.modelName,
    provider: d.provider,
    regionId: d.regionId,
    residency: d.residency,
    placement: c.placement,
    feasible: false,
    reasons: [reason],
    warnings: [],
    monthlyUsd: null,
    breakdown: emptyBreakdown(),
    setupUsd: ctx.value.setupUsd[c.placement.kind],
    weeksToLaunch: ctx.value.weeksToLaunch[c.placement.kind],
    ttftMs: null,
    ttftVisibleMs: null,
    tpotMs: null,
    e2eMs: null,
    effort: reasoning.effort,
    reasoningTokensPerRequest: reasoning.tokensPerRequest,
    reasoningShareOfCost: null,
    reasoning: reasoningDetail(reasoning),
    taskSeconds: null,
    costDoublesAtTurn: null,
    task: selfHostTask(ctx),
    quality: null,
    selfHost: null,
    api: null,
    energyKwhPerMonth: null,
    co2KgPerMonth: null,
    roi: null,
  });
}

/** Shared, frozen: most candidates have no reasons, and sweeps make tens of thousands. */
export const NO_REASONS: string[] = Object.freeze([]) as unknown as string[];

/** Shared, frozen one-reason lists for the few constant reasons many candidates share. */
const ONLY_REASON = new Map<string, string[]>();
function onlyReason(reason: string): string[] {
  let list = ONLY_REASON.get(reason);
  if (list === undefined) {
    list = Object.freeze([reason]) as unknown as string[];
    ONLY_REASON.set(reason, list);
  }
  return list;
}

/**
 * The context reason asked last, kept: a sweep asks for one model's many times in a row, and the
 * same string (not an equal new one) makes the shared one-reason list a quick look-up.
 */
let lastContext:
  | {
      ctx: EvalContext;
      contextTokens: number | undefined;
      reasoningTokens: number;
      reason: string | null;
    }
  | undefined;

function lastContextReason(
  ctx: EvalContext,
  contextTokens: number | undefined,
  reasoningTokens: number,
): string | null {
  const last = lastContext;
  if (
    last !== undefined &&
    last.ctx === ctx &&
    last.contextTokens === contextTokens &&
    last.reasoningTokens === reasoningTokens
  ) {
    return last.reason;
  }
  const reason = contextReason(ctx, contextTokens, reasoningTokens);
  lastContext = { ctx, contextTokens, reasoningTokens, reason };
  return reason;
}

/** The constraints a sized self-hosted candidate must meet; the shared empty list when it does. */
export function selfHostReasons(
  ctx: EvalContext,
  c: Pick<Identity, 'placement' | 'region' | 'instance'>,
  model: OpenModel,
  quality: number | null,
  monthlyUsd: number,
  reasoning: ResolvedReasoning,
): string[] {
  const p = c.placement;
  const residency =
    p.kind === 'cloud'
      ? residencyReason(ctx, c.region?.residency ?? 'global', c.instance?.regionId ?? null)
      : residencyReason(ctx, p.residency ?? 'own', null);
  const unknown = reasoningUnknownReason(reasoning, ctx.workload);
  const context = lastContextReason(ctx, model.contextTokens, reasoning.tokensPerRequest);
  const q = lastQualityReason(ctx, quality);
  const budget = budgetReason(ctx, monthlyUsd);
  if (q === null && budget === null) {
    // Reasons from a few distinct strings are shared lists: a sweep has thousands of each.
    if (residency === null && context === null) {
      return unknown === null ? NO_REASONS : onlyReason(unknown);
    }
    if (unknown === null && residency === null) return onlyReason(context as string);
    if (unknown === null && context === null) return onlyReason(residency as string);
  }
  // Below the quality floor alone (most of a full sweep's infeasible): the model's one list.
  if (q !== null && budget === null && residency === null && unknown === null && context === null) {
    return sharedReasons(ctx, q);
  }
  return [residency, unknown, context, q, budget].filter((r): r is string => r !== null);
}

/**
 * The quality reason asked last, kept: a sweep asks for one model's many times in a row, and the
 * same string makes its shared list a quick look-up (and thousands of candidates one string).
 */
let lastQualityText:
  { ctx: EvalContext; quality: number | null; reason: string | null } | undefined;

function lastQualityReason(ctx: EvalContext, quality: number | null): string | null {
  const last = lastQualityText;
  if (last !== undefined && last.ctx === ctx && last.quality === quality) return last.reason;
  const reason = qualityReason(ctx, quality);
  lastQualityText = { ctx, quality, reason };
  return reason;
}

/**
 * One list per distinct reason within an evaluation, shared by every candidate that has it (kept
 * by the context, so reasons with its numbers go with it).
 */
export function sharedReasons(ctx: EvalContext, reason: string): string[] {
  // The regions of a type that fail fail for the one reason (the same string): kept first.
  const last = ctx.lastReasons;
  if (last !== undefined && last[0] === reason) return last;
  let list = ctx.reasonLists.get(reason);
  if (list === undefined) {
    list = Object.freeze([reason]) as unknown as string[];
    ctx.reasonLists.set(reason, list);
  }
  ctx.lastReasons = list;
  return list;
}

/**
 * The model's quality on the workload's benchmark at the precision it is served in, at the
 * reasoning effort it runs at.
 */
export function selfHostQuality(
  ctx: EvalContext,
  model: OpenModel,
  capacity: OkCapacity,
  reasoning: ResolvedReasoning,
): number | null {
  // A sweep asks for one model's quality on every instance in a row: the last answer is kept.
  const last = lastQuality;
  if (
    last !== undefined &&
    last.ctx === ctx &&
    last.model === model &&
    last.precision === capacity.precision &&
    last.reasoning === reasoning
  ) {
    return last.quality;
  }
  const quality = qualityAt(ctx, model, capacity.precision, reasoning);
  lastQuality = { ctx, model, precision: capacity.precision, reasoning, quality };
  return quality;
}

let lastQuality:
  | {
      ctx: EvalContext;
      model: OpenModel;
      precision: OkCapacity['precision'];
      reasoning: ResolvedReasoning;
      quality: number | null;
    }
  | undefined;

function qualityAt(
  ctx: EvalContext,
  model: OpenModel,
  precision: OkCapacity['precision'],
  reasoning: ResolvedReasoning,
): number | null {
  const benchmark = workloadBenchmark(ctx.workload);
  const general = qualityScore(ctx.index.quality, model.id, benchmark, precision);
  if (reasoning.model === null) return general;
  return scoreAtEffort(reasoning, benchmark, general, 1 - QUANTIZATION_QUALITY_LOSS[precision]);
}

/** How a placement kind sized its fleet: the parts of the row that differ between them. */
export interface Sizing {
  replicasPeak: number;
  gpusPeak: number;
  instancesPeak: number | null;
  utilization: number;
  energyKwh: number | null;
  co2Kg: number | null;
  warnings: string[];
  roi: RoiCosting;
  /** A commitment and negotiated terms, given the row's horizon cost. */
  extras?: (tcoUsd: number) => ResultExtras;
  /** Share of the replica capacity the reasoning takes (null: not known). */
  reasoningShareOfCost: number | null;
  /** The detail fields that differ between rented and owned. */
  detail: Pick<
    SelfHostDetail,
    | 'reserveReplicas'
    | 'warmUnits'
    | 'warmUpUnitHours'
    | 'serversPeak'
    | 'gpusPerServer'
    | 'gpusBought'
    | 'commitmentMonths'
    | 'spot'
    | 'deployment'
  > & { owned: Omit<OwnedDetail, 'horizonCapexUsd' | 'residualUsd'> | null };
}

/** The row's warnings: its reasoning's, its sizing's and a slow stream's; the sizing's list when alone. */
function rowWarnings(
  reasoning: readonly string[],
  sizing: string[],
  slowStream: string | null,
): string[] {
  if (reasoning.length === 0 && slowStream === null) return sizing;
  return [...reasoning, ...sizing, ...(slowStream === null ? [] : [slowStream])];
}

/** A sized and costed self-hosted candidate, with its constraints checked. */
export function sizedRow(
  ctx: EvalContext,
  c: Identity,
  model: OpenModel,
  capacity: OkCapacity,
  monthlyUsd: number,
  parts: Partial<CostBreakdown>,
  options: EvaluateOptions,
  x: Sizing,
): CandidateResult {
  const w = ctx.workload;
  const reasoning = candidateReasoning(ctx, model, c.placement.effort);
  const reasoningTokens = reasoning.tokensPerRequest;
  const quality = selfHostQuality(ctx, model, capacity, reasoning);
  const reasons = selfHostReasons(ctx, c, model, quality, monthlyUsd, reasoning);
  const breakdown = { ...emptyBreakdown(), ...parts };
  const p = c.placement;
  const d = describe(ctx, c);
  const roi = candidateRoi(ctx, p.kind, x.roi, options.withSeries ?? false);
  options.roiOut?.(roi);
  // The hardware's cash over the horizon stays visible when no value per request hides the ROI.
  const owned =
    x.detail.owned === null
      ? null
      : { ...x.detail.owned, horizonCapexUsd: roi.capexUsd, residualUsd: roi.residualUsd };
  return makeResult(
    ctx,
    {
      id: d.id,
      kind: p.kind,
      label: d.label,
      modelId: p.modelId,
      modelName: d.modelName,
      provider: d.provider,
      regionId: d.regionId,
      residency: d.residency,
      placement: p,
      feasible: reasons.length === 0,
      reasons,
      warnings: rowWarnings(reasoning.warnings, x.warnings, slowStreamWarning(w, capacity.tpotMs)),
      monthlyUsd,
      breakdown,
      setupUsd: ctx.value.setupUsd[p.kind],
      weeksToLaunch: ctx.value.weeksToLaunch[p.kind],
      // Self-hosted engines stream reasoning as decoded tokens: the first token is the first one.
      ttftMs: capacity.ttftMs,
      ttftVisibleMs: capacity.ttftMs + reasoningTokens * capacity.tpotMs,
      tpotMs: w.outputTokens.mean + reasoningTokens > 1 ? capacity.tpotMs : null,
      e2eMs: capacity.e2eMs,
      effort: reasoning.effort,
      reasoningTokensPerRequest: reasoningTokens,
      reasoningShareOfCost: x.reasoningShareOfCost,
      reasoning: reasoningDetail(reasoning),
      taskSeconds: taskSeconds(ctx, capacity.e2eMs),
      costDoublesAtTurn: null,
      task: selfHostTask(ctx),
      quality,
      selfHost: {
        gpuId: c.gpu.id,
        tp: capacity.tp,
        precision: capacity.precision,
        kvPrecision: capacity.kvPrecision,
        engine: p.engine,
        replicasPeak: x.replicasPeak,
        gpusPeak: x.gpusPeak,
        instancesPeak: x.instancesPeak,
        utilization: x.utilization,
        sloConcurrency: capacity.sloConcurrency,
        maxConcurrency: capacity.maxConcurrency,
        weightsGBPerGpu: capacity.weightsGBPerGpu,
        p95: capacity.p95,
        ...x.detail,
        owned,
      },
      api: null,
      energyKwhPerMonth: x.energyKwh,
      co2KgPerMonth: x.co2Kg,
      roi,
    },
    x.extras?.(roi.tcoUsd),
  );
}

/** A task as a self-hosted fleet serves it: sized at its mean turn, no per-turn costs. */
function selfHostTask(ctx: EvalContext): CandidateResult['task'] {
  const task = ctx.workload.task;
  if (task === undefined) return null;
  return {
    turns: task.turns,
    perTurn: null,
    meanPromptTokens: ctx.promptTokensPerRequest / task.turns,
    largestPromptTokens: largestPromptTokens(ctx.workload),
    turnGapSeconds: null,
  };
}
