import { qualityScore } from '../quality.ts';
import type { Gpu, Instance, Model, OpenModel, Region } from '../schema/catalog.ts';
import type { CloudPlacement, OnpremPlacement } from '../schema/placement.ts';
import type { OkCapacity } from './capacity-cache.ts';
import { candidateId } from './candidate-id.ts';
import { budgetReason, contextReason, qualityReason, residencyReason } from './constraints.ts';
import type { EvalContext } from './context.ts';
import { candidateRoi, makeResult, type RoiCosting } from './result.ts';
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
  if (p.kind === 'cloud') {
    const instance = c.instance as Instance;
    return {
      id: candidateId(p, ctx.workload.precision),
      label: `${modelName} on ${instance.instanceType} (${c.region?.code ?? instance.regionId}, ${PRICING_LABEL[p.pricing]})`,
      modelName,
      provider: instance.cloud,
      regionId: instance.regionId as string | null,
      residency: (c.region?.residency ?? 'global') as CandidateResult['residency'],
    };
  }
  return {
    id: candidateId(p, ctx.workload.precision),
    label: `${modelName} on owned ${c.gpu.name}`,
    modelName,
    provider: 'onprem',
    regionId: null,
    residency: (p.residency ?? 'own') as CandidateResult['residency'],
  };
}

/** A self-hosted candidate that cannot be costed (no fit, no price, SLO missed even alone). */
export function infeasibleRow(ctx: EvalContext, c: Identity, reason: string): CandidateResult {
  const d = describe(ctx, c);
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
    tpotMs: null,
    e2eMs: null,
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

/** The constraints a sized self-hosted candidate must meet; the shared empty list when it does. */
export function selfHostReasons(
  ctx: EvalContext,
  c: Pick<Identity, 'placement' | 'region' | 'instance'>,
  model: OpenModel,
  quality: number | null,
  monthlyUsd: number,
): string[] {
  const p = c.placement;
  const residency =
    p.kind === 'cloud'
      ? residencyReason(ctx, c.region?.residency ?? 'global', c.instance?.regionId ?? null)
      : residencyReason(ctx, p.residency ?? 'own', null);
  const context = contextReason(ctx, model.contextTokens);
  const q = qualityReason(ctx, quality);
  const budget = budgetReason(ctx, monthlyUsd);
  if (residency === null && context === null && q === null && budget === null) return NO_REASONS;
  return [residency, context, q, budget].filter((r): r is string => r !== null);
}

/** The model's quality on the workload's benchmark at the precision it is served in. */
export function selfHostQuality(
  ctx: EvalContext,
  model: OpenModel,
  capacity: OkCapacity,
): number | null {
  const benchmark = ctx.workload.minQuality?.benchmark ?? 'lmarena-text';
  return qualityScore(ctx.index.quality, model.id, benchmark, capacity.precision);
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
  const quality = selfHostQuality(ctx, model, capacity);
  const reasons = selfHostReasons(ctx, c, model, quality, monthlyUsd);
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
  return makeResult(ctx, {
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
    warnings: x.warnings,
    monthlyUsd,
    breakdown,
    setupUsd: ctx.value.setupUsd[p.kind],
    weeksToLaunch: ctx.value.weeksToLaunch[p.kind],
    ttftMs: capacity.ttftMs,
    tpotMs: w.outputTokens.mean > 1 ? capacity.tpotMs : null,
    e2eMs: capacity.e2eMs,
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
  });
}
