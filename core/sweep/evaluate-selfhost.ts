import { qualityScore } from '../quality.ts';
import { selfHostShape, type ReplicaCapacity } from '../selfhost/capacity.ts';
import {
  cloudCost,
  cloudFleet,
  fleetMonthlyUsd,
  instanceUsdPerHour,
  noPriceReason,
  priceCloudFleet,
  type CloudCost,
  type CloudFleet,
} from '../selfhost/cloud-cost.ts';
import { co2Kg, energyKwh } from '../selfhost/energy.ts';
import { onpremCost, type OnpremCost } from '../selfhost/onprem-cost.ts';
import type { Gpu, Instance, Model, OpenModel, Region } from '../schema/catalog.ts';
import type { CloudPlacement, OnpremPlacement } from '../schema/placement.ts';
import type { Workload } from '../schema/workload.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import { cachedCapacity, tpOptions } from './capacity-cache.ts';
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
import { candidateRoi, makeResult, steadyRoi, type CostAtVolume } from './result.ts';
import { KIND_CODE, writeRow, type SweepColumns } from './table.ts';
import { emptyBreakdown, type CandidateResult, type CostBreakdown } from './types.ts';

type OkCapacity = Extract<ReplicaCapacity, { ok: true }>;
type OnpremSizing =
  | { ok: true; capacity: OkCapacity; cost: Extract<OnpremCost, { ok: true }> }
  | { ok: false; reason: string };

/** Server power beyond the GPUs, and PUE where the region gives none, for rented GPUs. */
const CLOUD_SERVER_OVERHEAD = 0.3;
const DEFAULT_CLOUD_PUE = 1.15;
const ONPREM_TP_OPTIONS = [1, 2, 4, 8];

export interface EvaluateOptions {
  /** Also compute the month-by-month ROI series (charts). */
  withSeries?: boolean;
}

/** The short part of a capacity's cache key: layouts tried, precisions, engine, network delay. */
function layoutKey(
  ctx: EvalContext,
  tps: readonly number[],
  p: CloudPlacement | OnpremPlacement,
  networkMs: number,
): string {
  const w = ctx.workload;
  return `${tps.join(',')}|${p.precision ?? w.precision}|${p.kvPrecision ?? w.kvPrecision ?? ''}|${p.engine}|${Math.round(networkMs)}`;
}

/**
 * The tensor-parallel degree serving the most requests per GPU at the SLO, among `tps`; or the most
 * capable failure to explain. Cached per workload shape (the context's), model, GPU and layout.
 */
function bestCapacity(
  ctx: EvalContext,
  model: OpenModel,
  gpu: Gpu,
  tps: readonly number[],
  p: CloudPlacement | OnpremPlacement,
  networkMs: number,
): ReplicaCapacity {
  const key = layoutKey(ctx, tps, p, networkMs);
  const hit = ctx.bestCapacity.get(model, gpu, key);
  if (hit !== undefined) return hit;
  const w = ctx.workload;
  const precision = p.precision ?? w.precision;
  const kvPrecision = p.kvPrecision ?? w.kvPrecision;
  const shape = selfHostShape(w);
  let best: OkCapacity | undefined;
  let failure: ReplicaCapacity | undefined;
  for (const tp of tps) {
    const c = cachedCapacity(
      ctx,
      { model, gpu, tp, precision, kvPrecision, engine: p.engine },
      shape,
      w.slo,
      networkMs,
    );
    if (!c.ok) failure = c;
    else if (best === undefined || c.requestsPerSAtSlo / tp > best.requestsPerSAtSlo / best.tp)
      best = c;
  }
  const result = best ??
    failure ?? { ok: false as const, tp: tps[0] ?? 1, reason: 'no tensor-parallel layout to try' };
  ctx.bestCapacity.set(model, gpu, key, result);
  return result;
}

function openModel(model: Model | undefined): OpenModel | undefined {
  return model?.openWeights && model.arch !== undefined ? (model as OpenModel) : undefined;
}

/** What identifies a self-hosted candidate, known before it is sized. */
interface Identity {
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
function infeasible(ctx: EvalContext, c: Identity, reason: string): CandidateResult {
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

/** Everything known about a rented-GPU candidate once it is sized and priced. */
export type CloudAssessment =
  | { ok: false; identity: Identity; reason: string }
  | {
      ok: true;
      identity: Identity;
      model: OpenModel;
      instance: Instance;
      region: Region | undefined;
      capacity: OkCapacity;
      /** The fleet sized for the instance type (shared by its regions), and its cost here. */
      sized: Extract<CloudFleet, { ok: true }>;
      cost: Extract<CloudCost, { ok: true }>;
      energyKwh: number | null;
    };

/** The fleet for a capacity on instances of a size: shared by every region of the instance type. */
function cachedFleet(
  ctx: EvalContext,
  p: CloudPlacement,
  gpuCount: number,
  capacity: OkCapacity,
): CloudFleet {
  let byTerms = ctx.fleetCache.get(capacity);
  if (byTerms === undefined) ctx.fleetCache.set(capacity, (byTerms = new Map()));
  const key = `${gpuCount}|${p.pricing}|${p.scaling}|${p.minReplicas}|${p.targetUtilization}`;
  let fleet = byTerms.get(key);
  if (fleet === undefined) {
    fleet = cloudFleet(p, gpuCount, capacity, ctx.workload, ctx.rates);
    byTerms.set(key, fleet);
  }
  return fleet;
}

/**
 * Monthly cost of a rented-GPU candidate at another volume: the same capacity, the fleet re-sized.
 * The instance-hours are kept per sized fleet and volume, so a growing workload re-sizes each
 * instance type once a month, not once per region.
 */
function cloudCostAt(
  ctx: EvalContext,
  p: CloudPlacement,
  sized: Extract<CloudFleet, { ok: true }>,
  capacity: OkCapacity,
  usdPerHour: number,
): CostAtVolume {
  let hoursAt = ctx.fleetHoursAt.get(sized);
  if (hoursAt === undefined) ctx.fleetHoursAt.set(sized, (hoursAt = new Map()));
  const known = hoursAt;
  return (w, rates) => {
    let hours = known.get(rates);
    if (hours === undefined) {
      const fleet = cloudFleet(p, sized.gpusPerInstance, capacity, w, rates);
      hours = fleet.ok ? fleet.fleet.paidUnitHours : Number.POSITIVE_INFINITY;
      known.set(rates, hours);
    }
    return hours * usdPerHour;
  };
}

type CloudGroup =
  | { ok: true; capacity: OkCapacity; fleet: Extract<CloudFleet, { ok: true }> }
  | { ok: false; reason: string };

const sameTerms = (a: CloudPlacement, b: CloudPlacement) =>
  a.pricing === b.pricing &&
  a.engine === b.engine &&
  a.precision === b.precision &&
  a.kvPrecision === b.kvPrecision &&
  a.tp === b.tp &&
  a.scaling === b.scaling &&
  a.minReplicas === b.minReplicas &&
  a.targetUtilization === b.targetUtilization;

/**
 * Capacity and fleet for a model on an instance shape (GPU × count) under a placement's terms: the
 * same for every region of the type. A sweep meets the regions of a type one after another, so the
 * last group is kept and compared first.
 */
function cloudGroup(
  ctx: EvalContext,
  p: CloudPlacement,
  model: OpenModel,
  gpu: Gpu,
  gpuCount: number,
  rttMs: number,
): CloudGroup {
  const last = ctx.lastCloudGroup;
  if (
    last !== undefined &&
    last.model === model &&
    last.gpu === gpu &&
    last.gpuCount === gpuCount &&
    last.rttMs === rttMs &&
    sameTerms(last.placement, p)
  ) {
    return last.group as CloudGroup;
  }
  const tps = p.tp ? [p.tp] : tpOptions(gpuCount);
  const capacity = bestCapacity(ctx, model, gpu, tps, p, rttMs);
  let group: CloudGroup;
  if (!capacity.ok) group = { ok: false, reason: capacity.reason };
  else {
    const fleet = cachedFleet(ctx, p, gpuCount, capacity);
    group = fleet.ok ? { ok: true, capacity, fleet } : { ok: false, reason: fleet.reason };
  }
  ctx.lastCloudGroup = { model, gpu, gpuCount, rttMs, placement: p, group };
  return group;
}

/** Sizes and prices a rented-GPU candidate (the detailed row's path). */
export function assessCloud(ctx: EvalContext, p: CloudPlacement): CloudAssessment {
  const instance = ctx.index.instances.get(p.instanceId);
  if (instance === undefined) throw new Error(`unknown instance '${p.instanceId}'`);
  const gpu = ctx.index.gpus.get(instance.gpuId);
  if (gpu === undefined)
    throw new Error(`instance '${instance.id}' names unknown GPU '${instance.gpuId}'`);
  const model = ctx.index.models.get(p.modelId);
  const region = ctx.index.regions.get(instance.regionId);
  const identity: Identity = { placement: p, model, gpu, instance, region };
  const open = openModel(model);
  if (open === undefined) return { ok: false, identity, reason: noOpenWeights(p.modelId) };
  const group = cloudGroup(ctx, p, open, gpu, instance.gpuCount, rttToRegionMs(ctx, region));
  if (!group.ok) return { ok: false, identity, reason: group.reason };
  const cost = priceCloudFleet(group.fleet, instance, p.pricing);
  if (!cost.ok) return { ok: false, identity, reason: cost.reason };
  const energy =
    gpu.tdpW === undefined
      ? null
      : energyKwh({
          gpuHours: cost.instanceHours * instance.gpuCount,
          tdpW: gpu.tdpW,
          utilization: cost.fleet.utilization,
          serverOverheadFraction: CLOUD_SERVER_OVERHEAD,
          pue: region?.pue ?? DEFAULT_CLOUD_PUE,
        });
  return {
    ok: true,
    identity,
    model: open,
    instance,
    region,
    capacity: group.capacity,
    sized: group.fleet,
    cost,
    energyKwh: energy,
  };
}

const noOpenWeights = (modelId: string) => `${modelId} has no open weights to self-host`;

/**
 * The sweep's path for a rented-GPU candidate: the same sizing and pricing as `assessCloud`,
 * written to the columns without building a row (a full sweep has tens of thousands of these).
 */
export function writeCloudColumns(
  ctx: EvalContext,
  t: SweepColumns,
  i: number,
  p: CloudPlacement,
): void {
  t.kind[i] = KIND_CODE.cloud;
  const instance = ctx.index.instances.get(p.instanceId);
  const gpu = instance === undefined ? undefined : ctx.index.gpus.get(instance.gpuId);
  if (instance === undefined || gpu === undefined) {
    writeRow(t, i, evaluateCloud(ctx, p)); // throws the same error as the row path
    return;
  }
  const open = openModel(ctx.index.models.get(p.modelId));
  if (open === undefined) return infeasibleColumns(ctx, t, i, noOpenWeights(p.modelId));
  const region = ctx.index.regions.get(instance.regionId);
  const group = cloudGroup(ctx, p, open, gpu, instance.gpuCount, rttToRegionMs(ctx, region));
  if (!group.ok) return infeasibleColumns(ctx, t, i, group.reason);
  const usdPerHour = instanceUsdPerHour(instance, p.pricing);
  if (usdPerHour === undefined) {
    return infeasibleColumns(ctx, t, i, noPriceReason(instance, p.pricing));
  }
  const { capacity, fleet } = group;
  const monthlyUsd = fleetMonthlyUsd(fleet.fleet, usdPerHour);
  const quality = qualityScore(
    ctx.index.quality,
    open.id,
    ctx.workload.minQuality?.benchmark ?? 'lmarena-text',
    capacity.precision,
  );
  const reasons = selfHostReasons(
    ctx,
    { placement: p, region, instance },
    open,
    quality,
    monthlyUsd,
  );
  t.feasible[i] = reasons.length === 0 ? 1 : 0;
  t.reasons[i] = reasons;
  t.monthlyUsd[i] = monthlyUsd;
  t.ttftMs[i] = capacity.ttftMs;
  t.tpotMs[i] = ctx.workload.outputTokens.mean > 1 ? capacity.tpotMs : Number.NaN;
  t.e2eMs[i] = capacity.e2eMs;
  t.quality[i] = quality ?? Number.NaN;
  t.gpusPeak[i] = fleet.fleet.unitsPeak * instance.gpuCount;
  t.utilization[i] = fleet.fleet.utilization;
  const roi =
    ctx.workload.monthlyGrowthPct === 0
      ? steadyRoi(ctx, 'cloud', monthlyUsd, ctx.roiScratch)
      : candidateRoi(ctx, 'cloud', monthlyUsd, () =>
          cloudCostAt(ctx, p, fleet, capacity, usdPerHour),
        );
  t.netMonthlyUsd[i] = roi.netMonthlyUsd;
  t.npvUsd[i] = roi.npvUsd;
  t.paybackMonth[i] = roi.paybackMonth ?? Number.NaN;
}

function infeasibleColumns(ctx: EvalContext, t: SweepColumns, i: number, reason: string): void {
  t.feasible[i] = 0;
  t.reasons[i] = sharedReasons(ctx, reason);
}

/** One array per distinct reason, shared by every candidate that has it. */
function sharedReasons(ctx: EvalContext, reason: string): string[] {
  let list = ctx.reasonLists.get(reason);
  if (list === undefined) {
    list = Object.freeze([reason]) as unknown as string[];
    ctx.reasonLists.set(reason, list);
  }
  return list;
}

/** Evaluates a rented-GPU candidate into a full comparison row. */
export function evaluateCloud(
  ctx: EvalContext,
  p: CloudPlacement,
  options: EvaluateOptions = {},
): CandidateResult {
  const a = assessCloud(ctx, p);
  if (!a.ok) return infeasible(ctx, a.identity, a.reason);
  const { instance, region, capacity, sized: fleet, cost, energyKwh: kwh } = a;
  const warnings: string[] = [];
  const stale = staleWarning(ctx, instance.asOf, 'instance price');
  if (stale !== null) warnings.push(stale);
  if (kwh === null) warnings.push(`no TDP for ${a.identity.gpu.name}: energy not estimated`);
  return sized(ctx, a.identity, a.model, capacity, cost.monthlyUsd, cost.breakdown, options, {
    replicasPeak: cost.instancesPeak * cost.replicasPerInstance,
    gpusPeak: cost.gpusPeak,
    instancesPeak: cost.instancesPeak,
    utilization: cost.fleet.utilization,
    energyKwh: kwh,
    co2Kg:
      kwh === null || region?.gridGCo2PerKwh === undefined
        ? null
        : co2Kg(kwh, region.gridGCo2PerKwh),
    warnings,
    costAt: () => cloudCostAt(ctx, p, fleet, capacity, cost.usdPerHour),
  });
}

/**
 * Owned GPUs: the tensor-parallel degree that costs least at the workload's volume (the smallest
 * on a tie). One replica is the unit bought, so a wider layout that serves more per GPU can still
 * buy GPUs a small workload never needs. With none feasible, the most capable failure.
 */
function onpremSizing(
  ctx: EvalContext,
  p: OnpremPlacement,
  model: OpenModel,
  gpu: Gpu,
): OnpremSizing {
  const tps = p.tp ? [p.tp] : ONPREM_TP_OPTIONS;
  let best: Extract<OnpremSizing, { ok: true }> | undefined;
  let costFailure: string | undefined;
  for (const tp of tps) {
    const capacity = bestCapacity(ctx, model, gpu, [tp], p, 0);
    if (!capacity.ok) continue;
    const cost = onpremCost(p, gpu, capacity, ctx.workload, ctx.rates);
    if (!cost.ok) {
      costFailure = cost.reason;
      continue;
    }
    if (best === undefined || cost.monthlyUsd < best.cost.monthlyUsd) {
      best = { ok: true, capacity, cost };
    }
  }
  if (best !== undefined) return best;
  if (costFailure !== undefined) return { ok: false, reason: costFailure };
  const failure = bestCapacity(ctx, model, gpu, tps, p, 0);
  return { ok: false, reason: failure.ok ? 'no feasible layout' : failure.reason };
}

/**
 * Monthly cost of a self-hosted candidate at another workload volume: the same replica capacity
 * (it does not depend on volume), a re-sized fleet. Null when the candidate cannot be costed.
 */
export function selfHostCostAt(
  ctx: EvalContext,
  p: CloudPlacement | OnpremPlacement,
  w: Workload,
  rates: WorkloadRates,
): number | null {
  if (p.kind === 'cloud') {
    const a = assessCloud(ctx, p);
    if (!a.ok) return null;
    const c = cloudCost(p, a.instance, a.capacity, w, rates);
    return c.ok ? c.monthlyUsd : null;
  }
  const gpu = ctx.index.gpus.get(p.gpuId);
  const open = openModel(ctx.index.models.get(p.modelId));
  if (gpu === undefined || open === undefined) return null;
  // The layout chosen at the workload's own volume: the candidate is that layout.
  const sizing = onpremSizing(ctx, p, open, gpu);
  if (!sizing.ok) return null;
  const c = onpremCost(p, gpu, sizing.capacity, w, rates);
  return c.ok ? c.monthlyUsd : null;
}

/** Evaluates an owned-GPU candidate. */
export function evaluateOnprem(
  ctx: EvalContext,
  p: OnpremPlacement,
  options: EvaluateOptions = {},
): CandidateResult {
  const gpu = ctx.index.gpus.get(p.gpuId);
  if (gpu === undefined) throw new Error(`unknown GPU '${p.gpuId}'`);
  const model = ctx.index.models.get(p.modelId);
  const identity: Identity = { placement: p, model, gpu };
  const open = openModel(model);
  if (open === undefined) return infeasible(ctx, identity, noOpenWeights(p.modelId));
  const sizing = onpremSizing(ctx, p, open, gpu);
  if (!sizing.ok) return infeasible(ctx, identity, sizing.reason);
  const { capacity, cost } = sizing;
  return sized(ctx, identity, open, capacity, cost.monthlyUsd, cost.breakdown, options, {
    replicasPeak: cost.fleet.unitsPeak,
    gpusPeak: cost.gpus,
    instancesPeak: null,
    utilization: cost.fleet.utilization,
    energyKwh: cost.energyKwh,
    co2Kg: co2Kg(cost.energyKwh, p.gridGCo2PerKwh),
    warnings: [],
    costAt: () => (wm, rm) => {
      const c = onpremCost(p, gpu, capacity, wm, rm);
      return c.ok ? c.monthlyUsd : Number.POSITIVE_INFINITY;
    },
  });
}

/** The constraints a sized self-hosted candidate must meet; the shared empty list when it does. */
export function selfHostReasons(
  ctx: EvalContext,
  c: {
    placement: CloudPlacement | OnpremPlacement;
    region?: Region | undefined;
    instance?: Instance;
  },
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

/** Shared, frozen: most candidates have no reasons, and sweeps make tens of thousands. */
export const NO_REASONS: string[] = Object.freeze([]) as unknown as string[];

interface Sizing {
  replicasPeak: number;
  gpusPeak: number;
  instancesPeak: number | null;
  utilization: number;
  energyKwh: number | null;
  co2Kg: number | null;
  warnings: string[];
  costAt: () => CostAtVolume;
}

/** A sized and costed self-hosted candidate, with its constraints checked. */
function sized(
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
  const benchmark = w.minQuality?.benchmark ?? 'lmarena-text';
  const quality = qualityScore(ctx.index.quality, model.id, benchmark, capacity.precision);
  const reasons = selfHostReasons(ctx, c, model, quality, monthlyUsd);
  const breakdown = emptyBreakdown();
  breakdown.gpuUsd = parts.gpuUsd ?? 0;
  breakdown.idleUsd = parts.idleUsd ?? 0;
  breakdown.powerUsd = parts.powerUsd ?? 0;
  breakdown.colocationUsd = parts.colocationUsd ?? 0;
  breakdown.staffUsd = parts.staffUsd ?? 0;
  const p = c.placement;
  const d = describe(ctx, c);
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
    },
    api: null,
    energyKwhPerMonth: x.energyKwh,
    co2KgPerMonth: x.co2Kg,
    roi: candidateRoi(ctx, p.kind, monthlyUsd, x.costAt, options.withSeries ?? false),
  });
}
