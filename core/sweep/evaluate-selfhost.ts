import { qualityScore } from '../quality.ts';
import { selfHostShape, type ReplicaCapacity } from '../selfhost/capacity.ts';
import { cloudCost } from '../selfhost/cloud-cost.ts';
import { co2Kg, energyKwh } from '../selfhost/energy.ts';
import { onpremCost } from '../selfhost/onprem-cost.ts';
import type { Gpu, Model, OpenModel } from '../schema/catalog.ts';
import type { CloudPlacement, OnpremPlacement } from '../schema/placement.ts';
import { cachedCapacity, tpOptions } from './capacity-cache.ts';
import {
  budgetReason,
  contextReason,
  qualityReason,
  residencyReason,
  rttToRegionMs,
  staleWarning,
} from './constraints.ts';
import type { EvalContext } from './context.ts';
import { candidateRoi, unitCosts } from './result.ts';
import { emptyBreakdown, type CandidateResult, type CostBreakdown } from './types.ts';

type OkCapacity = Extract<ReplicaCapacity, { ok: true }>;

/** Default power overhead and PUE for rented GPUs when the region gives none. */
const CLOUD_SERVER_OVERHEAD = 0.3;
const DEFAULT_CLOUD_PUE = 1.15;

/**
 * Picks the tensor-parallel degree: among the degrees tried, the one serving the most requests per
 * GPU at the SLO. Returns the best capacity, or the most capable failure to explain.
 */
function bestCapacity(
  ctx: EvalContext,
  model: OpenModel,
  gpu: Gpu,
  tps: readonly number[],
  p: CloudPlacement | OnpremPlacement,
  networkMs: number,
): ReplicaCapacity {
  const w = ctx.workload;
  const shape = selfHostShape(w);
  let best: OkCapacity | undefined;
  let lastFailure: ReplicaCapacity | undefined;
  for (const tp of tps) {
    const c = cachedCapacity(
      ctx,
      {
        model,
        gpu,
        tp,
        precision: p.precision ?? w.precision,
        kvPrecision: p.kvPrecision ?? w.kvPrecision,
        engine: p.engine,
      },
      shape,
      w.slo,
      networkMs,
    );
    if (!c.ok) lastFailure = c;
    else if (best === undefined || c.requestsPerSAtSlo / tp > best.requestsPerSAtSlo / best.tp)
      best = c;
  }
  return (
    best ??
    lastFailure ?? { ok: false, tp: tps[0] ?? 1, reason: 'no tensor-parallel layout to try' }
  );
}

function openModel(model: Model | undefined): OpenModel | undefined {
  return model?.openWeights && model.arch !== undefined ? (model as OpenModel) : undefined;
}

interface Common {
  id: string;
  label: string;
  model: Model | undefined;
  modelId: string;
  provider: string;
  regionId: string | null;
  residency: CandidateResult['residency'];
  placement: CloudPlacement | OnpremPlacement;
  gpu: Gpu;
}

/** A self-hosted candidate that cannot be costed (no fit, no price, SLO missed alone). */
function infeasible(ctx: EvalContext, c: Common, reasons: string[]): CandidateResult {
  return {
    ...base(ctx, c),
    feasible: false,
    reasons,
    warnings: [],
    monthlyUsd: null,
    perRequestUsd: null,
    perMTokUsd: null,
    perSuccessUsd: null,
    breakdown: emptyBreakdown(),
    ttftMs: null,
    tpotMs: null,
    e2eMs: null,
    quality: null,
    selfHost: null,
    energyKwhPerMonth: null,
    co2KgPerMonth: null,
    roi: null,
  };
}

function base(ctx: EvalContext, c: Common) {
  const kind = c.placement.kind;
  return {
    id: c.id,
    kind,
    label: c.label,
    modelId: c.modelId,
    modelName: c.model?.name ?? c.modelId,
    provider: c.provider,
    regionId: c.regionId,
    residency: c.residency,
    placement: c.placement,
    setupUsd: ctx.value.setupUsd[kind],
    weeksToLaunch: ctx.value.weeksToLaunch[kind],
    api: null,
    rank: null,
    recommended: false,
    pareto: false,
  };
}

/** Evaluates a rented-GPU candidate. */
export function evaluateCloud(ctx: EvalContext, p: CloudPlacement): CandidateResult {
  const instance = ctx.index.instances.get(p.instanceId);
  if (instance === undefined) throw new Error(`unknown instance '${p.instanceId}'`);
  const gpu = ctx.index.gpus.get(instance.gpuId);
  if (gpu === undefined)
    throw new Error(`instance '${instance.id}' names unknown GPU '${instance.gpuId}'`);
  const model = ctx.index.models.get(p.modelId);
  const region = ctx.index.regions.get(instance.regionId);
  const precision = p.precision ?? ctx.workload.precision;
  const common: Common = {
    id: `cloud:${instance.id}:${p.modelId}:${p.pricing}:${p.engine}:${precision}${p.tp ? `:tp${p.tp}` : ''}`,
    label: `${model?.name ?? p.modelId} on ${instance.instanceType} (${region?.code ?? instance.regionId}, ${pricingLabel(p.pricing)})`,
    model,
    modelId: p.modelId,
    provider: instance.cloud,
    regionId: instance.regionId,
    residency: region?.residency ?? 'global',
    placement: p,
    gpu,
  };
  const open = openModel(model);
  if (open === undefined)
    return infeasible(ctx, common, [`${p.modelId} has no open weights to self-host`]);
  const rtt = rttToRegionMs(ctx, region);
  const capacity = bestCapacity(
    ctx,
    open,
    gpu,
    p.tp ? [p.tp] : tpOptions(instance.gpuCount),
    p,
    rtt,
  );
  if (!capacity.ok) return infeasible(ctx, common, [capacity.reason]);
  const cost = cloudCost(p, instance, capacity, ctx.workload, ctx.rates);
  if (!cost.ok) return infeasible(ctx, common, [cost.reason]);

  const kwh = energyKwh({
    gpuHours: cost.instanceHours * instance.gpuCount,
    tdpW: gpu.tdpW ?? 0,
    utilization: cost.fleet.utilization,
    serverOverheadFraction: CLOUD_SERVER_OVERHEAD,
    pue: region?.pue ?? DEFAULT_CLOUD_PUE,
  });
  const breakdown = emptyBreakdown();
  fill(breakdown, cost.breakdown);
  const warnings = [staleWarning(ctx, instance.asOf, 'instance price')].filter(
    (x): x is string => x !== null,
  );
  if (gpu.tdpW === undefined) warnings.push(`no TDP for ${gpu.name}: energy not estimated`);
  return finish(ctx, common, open, capacity, cost.monthlyUsd, breakdown, {
    replicasPeak: cost.instancesPeak * cost.replicasPerInstance,
    gpusPeak: cost.gpusPeak,
    instancesPeak: cost.instancesPeak,
    utilization: cost.fleet.utilization,
    energyKwh: gpu.tdpW === undefined ? null : kwh,
    gridGCo2PerKwh: region?.gridGCo2PerKwh,
    warnings,
    costAt: (wm, rm) => {
      const c = cloudCost(p, instance, capacity, wm, rm);
      return c.ok ? c.monthlyUsd : Number.POSITIVE_INFINITY;
    },
  });
}

/** Evaluates an owned-GPU candidate. */
export function evaluateOnprem(ctx: EvalContext, p: OnpremPlacement): CandidateResult {
  const gpu = ctx.index.gpus.get(p.gpuId);
  if (gpu === undefined) throw new Error(`unknown GPU '${p.gpuId}'`);
  const model = ctx.index.models.get(p.modelId);
  const precision = p.precision ?? ctx.workload.precision;
  const common: Common = {
    id: `onprem:${gpu.id}:${p.modelId}:${p.engine}:${precision}${p.tp ? `:tp${p.tp}` : ''}`,
    label: `${model?.name ?? p.modelId} on owned ${gpu.name}`,
    model,
    modelId: p.modelId,
    provider: 'onprem',
    regionId: null,
    residency: p.residency ?? 'own',
    placement: p,
    gpu,
  };
  const open = openModel(model);
  if (open === undefined)
    return infeasible(ctx, common, [`${p.modelId} has no open weights to self-host`]);
  const capacity = bestCapacity(ctx, open, gpu, p.tp ? [p.tp] : [1, 2, 4, 8], p, 0);
  if (!capacity.ok) return infeasible(ctx, common, [capacity.reason]);
  const cost = onpremCost(p, gpu, capacity, ctx.workload, ctx.rates);
  if (!cost.ok) return infeasible(ctx, common, [cost.reason]);
  const breakdown = emptyBreakdown();
  fill(breakdown, cost.breakdown);
  return finish(ctx, common, open, capacity, cost.monthlyUsd, breakdown, {
    replicasPeak: cost.fleet.unitsPeak,
    gpusPeak: cost.gpus,
    instancesPeak: null,
    utilization: cost.fleet.utilization,
    energyKwh: cost.energyKwh,
    gridGCo2PerKwh: p.gridGCo2PerKwh,
    warnings: [],
    costAt: (wm, rm) => {
      const c = onpremCost(p, gpu, capacity, wm, rm);
      return c.ok ? c.monthlyUsd : Number.POSITIVE_INFINITY;
    },
  });
}

function fill(target: CostBreakdown, parts: Partial<CostBreakdown>): void {
  for (const [k, v] of Object.entries(parts)) target[k as keyof CostBreakdown] = v;
}

function pricingLabel(p: CloudPlacement['pricing']): string {
  return { onDemand: 'on-demand', spot: 'spot', commit1y: '1-year', commit3y: '3-year' }[p];
}

function finish(
  ctx: EvalContext,
  c: Common,
  model: OpenModel,
  capacity: OkCapacity,
  monthlyUsd: number,
  breakdown: CostBreakdown,
  x: {
    replicasPeak: number;
    gpusPeak: number;
    instancesPeak: number | null;
    utilization: number;
    energyKwh: number | null;
    gridGCo2PerKwh: number | undefined;
    warnings: string[];
    costAt: Parameters<typeof candidateRoi>[2];
  },
): CandidateResult {
  const w = ctx.workload;
  const benchmark = w.minQuality?.benchmark ?? 'lmarena-text';
  const quality = qualityScore(ctx.index.quality, model.id, benchmark, capacity.precision);
  const reasons = [
    residencyReason(ctx, c.residency, c.regionId),
    contextReason(ctx, model.contextTokens),
    qualityReason(ctx, quality),
    budgetReason(ctx, monthlyUsd),
  ].filter((r): r is string => r !== null);
  const p = c.placement;
  return {
    ...base(ctx, c),
    feasible: reasons.length === 0,
    reasons,
    warnings: x.warnings,
    monthlyUsd,
    ...unitCosts(ctx, monthlyUsd),
    breakdown,
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
    },
    energyKwhPerMonth: x.energyKwh,
    co2KgPerMonth:
      x.energyKwh === null || x.gridGCo2PerKwh === undefined
        ? null
        : co2Kg(x.energyKwh, x.gridGCo2PerKwh),
    roi: candidateRoi(ctx, p.kind, x.costAt),
  };
}
