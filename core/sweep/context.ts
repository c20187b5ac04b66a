import type { Objective } from '../decision/objective.ts';
import type { PerfParameters } from '../perf/efficiency.ts';
import type { CapexSchedule } from '../roi/blocks.ts';
import { roiToWriteInto, type Roi, type RoiTerms, type ServiceSchedule } from '../roi/roi.ts';
import type { CloudPlacement, Placement, SelfHostPlacement } from '../schema/placement.ts';
import type { RequestShape } from '../perf/serving.ts';
import { Operations } from '../schema/operations.ts';
import { selfHostP95Shape, selfHostShape, type ReplicaCapacity } from '../selfhost/capacity.ts';
import type { CloudFleet, CloudMonthSeries } from '../selfhost/cloud-cost.ts';
import type { DeploymentTerms } from '../selfhost/deployment.ts';
import type { CloudScratch, FleetTerms } from './evaluate-cloud.ts';
import { ObjectPairCache } from './object-cache.ts';
import type { ValueAssumptions } from '../schema/value.ts';
import type { Workload } from '../schema/workload.ts';
import { withMonthlyVolume, workloadRates, type WorkloadRates } from '../workload/derive.ts';
import type { CatalogIndex } from './catalog-index.ts';
import type { Model } from '../schema/catalog.ts';
import type { ResolvedReasoning } from '../workload/reasoning.ts';
import type { Effort } from '../schema/reasoning.ts';
import type { NegotiatedTerms } from '../pricing/negotiated.ts';
import { cachedTaskTurns } from '../workload/task.ts';

/** Everything one evaluation reads; built once per workload, shared by every candidate. */
export interface EvalContext {
  index: CatalogIndex;
  workload: Workload;
  rates: WorkloadRates;
  /**
   * The value assumptions, with the horizon cut to an experiment's time box (its costs stop
   * there).
   */
  value: ValueAssumptions;
  /** Running costs and availability of self-hosted placements. */
  operations: Operations;
  /** Production keeps a reserve; an experiment does not (a workload with no stage is production). */
  production: boolean;
  /** Whether the service ends at the horizon (a time-boxed experiment): commitments still owed count. */
  serviceEndsAtHorizon: boolean;
  /** The request shape self-hosted engines see at mean sizes, and at p95 sizes when given. */
  shape: RequestShape;
  p95Shape: RequestShape | null;
  /** The shapes with a count of reasoning tokens decoded as well (see sweep/reasoning-row.ts). */
  reasoningShapes: Map<number, { shape: RequestShape; p95Shape: RequestShape | null }>;
  /** Each model's reasoning by the candidate's effort ('' for the workload's). */
  reasoning: Map<Model, Map<string, ResolvedReasoning>>;
  /** The last reasoning asked for (a sweep asks for one model's many times in a row). */
  lastReasoning:
    | { model: Model | undefined; effort: Effort | undefined; reasoning: ResolvedReasoning }
    | undefined;
  /** Prompt tokens a request sends: a task's over all its turns. */
  promptTokensPerRequest: number;
  maxMonthlyUsd: number | undefined;
  /**
   * Replica capacities by model and GPU row, configuration and workload shape. Volume does not
   * enter the key, so a cache kept across what-if changes of volume makes re-evaluation cheap.
   */
  capacityCache: ObjectPairCache<ReplicaCapacity>;
  /** Deployment terms by the weights a replica holds (GiB) and the placement (see terms-cache.ts). */
  termsCache: Map<number, { placement: SelfHostPlacement; terms: DeploymentTerms }[]>;
  /** Terms and sized cloud fleets per capacity, instance size and terms (shared by a type's regions). */
  fleetCache: Map<object, FleetTerms[]>;
  /**
   * A sized fleet re-sized at another volume (a growth month's rates): shared by every region of
   * the instance type.
   */
  fleetAt: WeakMap<CloudFleet, Map<WorkloadRates, CloudFleet>>;
  /**
   * A cloud group's fleet over the growth months, priced apart from the row (kept by the group's
   * sized fleet, which is made once per group): shared by the instance type's regions.
   */
  fleetMonths: Map<CloudFleet, CloudMonthSeries>;
  lastFleetMonths: { fleet: CloudFleet; series: CloudMonthSeries } | undefined;
  /** The last growing rented candidate's ROI and what it was costed from (see growingCloudRoi). */
  lastGrowingRoi:
    | {
        series: CloudMonthSeries | undefined;
        usdPerHour: number;
        discount: NegotiatedTerms | null;
        ownUsd: number;
        roi: Roi;
      }
    | undefined;
  /** Run cost per month the sweep's columns path fills for one candidate at a time. */
  runUsdScratch: Float64Array | undefined;
  /** Where the sweep's columns path assesses each rented candidate (made when first needed). */
  cloudScratch: CloudScratch | undefined;
  /** The workload at each month of the horizon, per placement kind, when it grows. */
  growthMonths: Partial<Record<Placement['kind'], readonly GrowthMonth[]>>;
  /** The month loop's terms per placement kind (no series): the same for every candidate. */
  roiTerms: Partial<Record<Placement['kind'], RoiTerms>>;
  /** Value created in each month of the horizon at full service, per placement kind. */
  monthValues: Partial<Record<Placement['kind'], Float64Array>>;
  /** The last cloud group sized (a sweep meets the regions of an instance type in a row). */
  lastCloudGroup: KeptCloudGroup | undefined;
  /**
   * Every cloud group sized, by model and GPU row (a sweep meets a model on the same GPU and count
   * again under another cloud's instance type).
   */
  cloudGroups: Map<object, Map<object, KeptCloudGroup[]>>;
  /** Scratch ROI the sweep's columns path writes into and copies from. */
  roiScratch: Roi;
  /** Shared one-reason lists for infeasible candidates (sweeps make many with the same reason). */
  reasonLists: Map<string, string[]>;
  /** The model row a rented candidate looked up last, by its id. */
  lastModel: { id: string; model: Model | undefined } | undefined;
  /** The list `sharedReasons` gave last. */
  lastReasons: string[] | undefined;
  /** Purchase schedules of owned hardware per life in months, for closed-form ROI. */
  capexSchedules: Map<number, CapexSchedule>;
  /** Requests served over the horizon per placement kind (launch delay and growth). */
  servedRequests: Partial<Record<Placement['kind'], number>>;
  /** What "best" means for ranking and the recommendation. */
  objective: Objective;
  /** Launch schedules per placement kind, for closed-form ROI. */
  schedules: Partial<Record<Placement['kind'], ServiceSchedule>>;
  /**
   * The best tensor-parallel layout per model, GPU and layouts tried, for this workload's shape:
   * taken from `bestCapacityCache` (by shape), so it is kept across what-if changes of volume.
   */
  bestCapacity: ObjectPairCache<ReplicaCapacity>;
  parameters: PerfParameters | undefined;
  /** ISO date: catalog rows read before it carry a staleness warning. */
  staleBefore: string | undefined;
  /**
   * Change of prices by the horizon's end per placement kind (−0.3 = 30 % lower), ramping in from
   * the decision: the run cost of month m is scaled by its factor (core/roi/price-ramp.ts).
   */
  priceChange: Readonly<PriceChanges>;
  /** The month factors of each kind's price change (and each commitment's), built once per context. */
  priceRamps: Map<string, Float64Array>;
  /** The horizon's first day: known price changes apply in the months they cover. */
  startDate: string | undefined;
}

/** A rented model's capacity and fleet on an instance shape, and what it was sized for. */
export interface KeptCloudGroup {
  model: object;
  gpu: object;
  gpuCount: number;
  rttMs: number;
  placement: CloudPlacement;
  group: unknown;
}

/** A change of prices by the horizon's end per placement kind, as a fraction of today's. */
export type PriceChanges = Record<Placement['kind'], number>;

export const NO_PRICE_CHANGE: Readonly<PriceChanges> = Object.freeze({
  api: 0,
  cloud: 0,
  onprem: 0,
});

const DEFAULT_OPERATIONS = Operations.parse({});

/** A month of a growing workload: its volume as a workload and as rates. */
export interface GrowthMonth {
  workload: Workload;
  rates: WorkloadRates;
}

export interface ContextOptions {
  maxMonthlyUsd?: number | undefined;
  /** The scenario's operations block; defaults when not given. */
  operations?: Operations;
  /** Ranking objective; `tco` when not given. */
  objective?: Objective;
  /** Kept across evaluations with the same performance parameters (ignored with `parameters`). */
  capacityCache?: ObjectPairCache<ReplicaCapacity>;
  /** Best layouts by workload shape; keep one across what-ifs to reuse them. */
  bestCapacityCache?: Map<string, ObjectPairCache<ReplicaCapacity>>;
  parameters?: PerfParameters;
  staleBefore?: string;
  /** Price changes by the horizon's end per placement kind; none when not given. */
  priceChange?: Readonly<PriceChanges>;
  startDate?: string;
}

export function makeContext(
  index: CatalogIndex,
  workload: Workload,
  value: ValueAssumptions,
  options: ContextOptions = {},
): EvalContext {
  const timeBox = workload.stage === 'experiment' ? workload.timeBoxMonths : undefined;
  const boxed = timeBox !== undefined && timeBox < value.horizonMonths;
  return {
    index,
    workload,
    rates: workloadRates(workload),
    value: boxed ? { ...value, horizonMonths: timeBox } : value,
    operations: options.operations ?? DEFAULT_OPERATIONS,
    production: workload.stage !== 'experiment',
    serviceEndsAtHorizon: timeBox !== undefined && timeBox <= value.horizonMonths,
    shape: selfHostShape(workload),
    p95Shape: selfHostP95Shape(workload),
    reasoningShapes: new Map(),
    reasoning: new Map(),
    lastReasoning: undefined,
    promptTokensPerRequest:
      workload.task === undefined
        ? workload.inputTokens.mean
        : cachedTaskTurns(workload).reduce((sum, t) => sum + t.inputTokens, 0),
    maxMonthlyUsd: options.maxMonthlyUsd,
    // Capacities computed with other parameters must not be reused: a calibration gets its own.
    capacityCache:
      options.parameters === undefined
        ? (options.capacityCache ?? new ObjectPairCache())
        : new ObjectPairCache(),
    bestCapacity: layoutsFor(options.bestCapacityCache, shapeKey(workload)),
    schedules: {},
    capexSchedules: new Map(),
    servedRequests: {},
    objective: options.objective ?? 'tco',
    growthMonths: {},
    monthValues: {},
    roiTerms: {},
    termsCache: new Map(),
    fleetCache: new Map(),
    fleetAt: new WeakMap(),
    fleetMonths: new Map(),
    lastFleetMonths: undefined,
    runUsdScratch: undefined,
    lastGrowingRoi: undefined,
    cloudScratch: undefined,
    reasonLists: new Map(),
    lastReasons: undefined,
    lastModel: undefined,
    lastCloudGroup: undefined,
    cloudGroups: new Map(),
    roiScratch: roiToWriteInto(),
    parameters: options.parameters,
    staleBefore: options.staleBefore,
    priceChange: options.priceChange ?? NO_PRICE_CHANGE,
    priceRamps: new Map(),
    startDate: options.startDate,
  };
}

/**
 * The same evaluation at another steady monthly volume (charts, break-even): replica capacities and
 * layouts are kept (volume does not change them); everything that depends on volume is fresh.
 */
export function contextAtVolume(ctx: EvalContext, requestsPerMonth: number): EvalContext {
  return contextFor(ctx, withMonthlyVolume(ctx.workload, requestsPerMonth));
}

/**
 * The same evaluation at list prices: the catalog's and the scenario's discounts left out (what a
 * procurement view sets negotiated terms against). Capacities and layouts are kept.
 */
export function contextAtListPrices(ctx: EvalContext): EvalContext {
  return contextFor(ctx, ctx.workload, ctx.value, {
    index: { ...ctx.index, discountLayers: [] },
  });
}

export interface FutureOptions {
  /**
   * Best layouts by workload shape, for a workload whose request shape differs from the context's;
   * without it the context's layouts are kept (the shape must then be the same).
   */
  bestCapacityCache?: Map<string, ObjectPairCache<ReplicaCapacity>>;
  priceChange?: Readonly<PriceChanges>;
  /** Another index of the same catalog (its prices without discounts); unset: the context's. */
  index?: CatalogIndex;
}

/**
 * The same catalog, objective, limits and replica capacities for other assumptions (another
 * volume, a simulated future): everything that depends on the workload or the value is fresh.
 */
export function contextFor(
  ctx: EvalContext,
  workload: Workload,
  value: ValueAssumptions = ctx.value,
  options: FutureOptions = {},
): EvalContext {
  const at = makeContext(options.index ?? ctx.index, workload, value, {
    maxMonthlyUsd: ctx.maxMonthlyUsd,
    objective: ctx.objective,
    priceChange: options.priceChange ?? ctx.priceChange,
    operations: ctx.operations,
    ...(ctx.startDate === undefined ? {} : { startDate: ctx.startDate }),
    ...(ctx.staleBefore === undefined ? {} : { staleBefore: ctx.staleBefore }),
    ...(options.bestCapacityCache === undefined
      ? {}
      : { bestCapacityCache: options.bestCapacityCache }),
  });
  at.capacityCache = ctx.capacityCache;
  if (options.bestCapacityCache === undefined) at.bestCapacity = ctx.bestCapacity;
  at.parameters = ctx.parameters;
  // The months served, the hardware's purchase schedules and the price ramps follow from the
  // value assumptions alone: a break-even search asks for hundreds of volumes with the same ones.
  if (at.value === ctx.value) {
    at.schedules = ctx.schedules;
    at.capexSchedules = ctx.capexSchedules;
    if (at.priceChange === ctx.priceChange) at.priceRamps = ctx.priceRamps;
  }
  return at;
}

function layoutsFor(
  cache: Map<string, ObjectPairCache<ReplicaCapacity>> | undefined,
  key: string,
): ObjectPairCache<ReplicaCapacity> {
  if (cache === undefined) return new ObjectPairCache();
  let layouts = cache.get(key);
  if (layouts === undefined) cache.set(key, (layouts = new ObjectPairCache()));
  return layouts;
}

/** Everything about a workload that changes a replica's capacity (not its volume). */
function shapeKey(w: Workload): string {
  const slo = w.slo;
  return [
    w.inputTokens.mean,
    w.inputTokens.p95 ?? '',
    w.outputTokens.mean,
    w.outputTokens.p95 ?? '',
    w.promptCache.prefixTokens,
    w.promptCache.hitRate,
    w.precision,
    w.kvPrecision ?? '',
    slo.ttftMs ?? '',
    slo.tpotMs ?? '',
    slo.e2eMs ?? '',
    slo.ttftOf,
    w.userLocation ? `${w.userLocation.latitude},${w.userLocation.longitude}` : '',
    // Reasoning and tasks change every shape; absent (most workloads) they add nothing to key.
    w.reasoning === undefined ? '' : JSON.stringify(w.reasoning),
    w.task === undefined ? '' : JSON.stringify(w.task),
  ].join('|');
}
