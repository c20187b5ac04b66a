import {
  burstUsdPerHour,
  chosenRate,
  commitRates,
  committedLevel,
  committedOverTerm,
  MAX_TABLED_UNITS,
  termShares,
  type CommitRate,
  type TermShares,
} from '../commitments/cloud.ts';
import type { NegotiatedTerms } from '../pricing/negotiated.ts';
import {
  cloudFleet,
  cloudPriceScratch,
  isCommitted,
  noPriceReason,
  priceCloudFleet,
  type CloudCommit,
  type CloudFleet,
  type CloudPrice,
  type CloudPriceOptions,
} from '../selfhost/cloud-cost.ts';
import type { FleetLevels } from '../selfhost/fleet.ts';
import type { CommitTerm } from '../schema/procurement.ts';
import type { DeploymentTerms } from '../selfhost/deployment.ts';
import { co2Kg, energyKwh } from '../selfhost/energy.ts';
import type { Gpu, Instance, OpenModel, Region } from '../schema/catalog.ts';
import type { CloudPlacement } from '../schema/placement.ts';
import type { Workload } from '../schema/workload.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import {
  bestCapacity,
  reasoningShareOfCapacity,
  tpOptions,
  type OkCapacity,
} from './capacity-cache.ts';
import { cloudCommitment } from './cloud-commitment.ts';
import { cachedTerms } from './terms-cache.ts';
import { negotiatedDetail } from './negotiated-detail.ts';
import { candidateReasoning } from './reasoning-row.ts';
import { rttToRegionMs, staleWarning } from './constraints.ts';
import type { EvalContext, GrowthMonth, KeptCloudGroup } from './context.ts';
import { instanceRefs, modelOf } from './instance-refs.ts';
import { growingCloudRoi } from './cloud-growth.ts';
import { HOURS_PER_MONTH } from '../units.ts';
import { hasRequestValue } from '../roi/value.ts';
import {
  candidateRoi,
  firstServedMonth,
  perOutcomeUsd,
  steadyRoi,
  type CostAtVolume,
  type RoiCosting,
} from './result.ts';
import {
  infeasibleRow,
  noOpenWeights,
  openModel,
  selfHostQuality,
  selfHostReasons,
  sharedReasons,
  sizedRow,
  type Identity,
} from './selfhost-row.ts';
import { KIND_CODE, type SweepColumns } from './table.ts';
import type { CandidateResult, EvaluateOptions } from './types.ts';

/** Server power beyond the GPUs, and PUE where the region gives none, for rented GPUs. */
const CLOUD_SERVER_OVERHEAD = 0.3;
const DEFAULT_CLOUD_PUE = 1.15;

export type SizedFleet = Extract<CloudFleet, { ok: true }>;

/** A capacity's deployment terms on an instance size, and its fleet sized under them. */
export interface FleetTerms {
  gpuCount: number;
  /** The placement they were made for (its terms; see sameFleetTerms). */
  placement: CloudPlacement;
  terms: DeploymentTerms;
  fleet: CloudFleet;
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
      /** The deployment's reserve, load time and running costs (shared by the type's regions). */
      terms: DeploymentTerms;
      /** The fleet sized for the instance type (shared by its regions), and its cost here. */
      sized: SizedFleet;
      cost: CloudPrice;
      /** Negotiated terms on the cloud's list prices, and the committed base's plan (committed pricing). */
      discount: NegotiatedTerms | null;
      commit: CloudCommit | undefined;
    };

/**
 * The deployment terms and the fleet for a capacity on instances of a size: shared by every region
 * of the instance type, and by the instance types of the same GPU and count. One fleet object per
 * entry, so a series kept by the fleet object (`fleetMonthSeries`) is the fleet's.
 */
function cachedFleet(
  ctx: EvalContext,
  p: CloudPlacement,
  gpuCount: number,
  capacity: OkCapacity,
): FleetTerms {
  let kept = ctx.fleetCache.get(capacity);
  if (kept === undefined) ctx.fleetCache.set(capacity, (kept = []));
  for (const k of kept) if (k.gpuCount === gpuCount && sameFleetTerms(k.placement, p)) return k;
  const terms = cachedTerms(ctx, p, capacity.weightsGBPerGpu * capacity.tp);
  const fleet = cloudFleet(p, gpuCount, capacity, ctx.workload, ctx.rates, terms);
  const entry = { gpuCount, placement: p, terms, fleet };
  kept.push(entry);
  return entry;
}

/** Everything of a placement its deployment terms and fleet read (the rest is the context's). */
const sameFleetTerms = (a: CloudPlacement, b: CloudPlacement) =>
  a.pricing === b.pricing &&
  a.scaling === b.scaling &&
  a.minReplicas === b.minReplicas &&
  a.targetUtilization === b.targetUtilization &&
  a.reserveReplicas === b.reserveReplicas &&
  a.staffFte === b.staffFte &&
  a.egressUsdPerGB === b.egressUsdPerGB;

/** The fleet re-sized at a growth month's rates: kept per sized fleet and rates. */
export function fleetAtRates(
  ctx: EvalContext,
  p: CloudPlacement,
  sized: SizedFleet,
  capacity: OkCapacity,
  terms: DeploymentTerms,
): (w: Workload, rates: WorkloadRates) => CloudFleet {
  let fleetAt = ctx.fleetAt.get(sized);
  if (fleetAt === undefined) ctx.fleetAt.set(sized, (fleetAt = new Map()));
  const known = fleetAt;
  return (w, rates) => {
    let fleet = known.get(rates);
    if (fleet === undefined) {
      fleet = cloudFleet(p, sized.gpusPerInstance, capacity, w, rates, terms);
      known.set(rates, fleet);
    }
    return fleet;
  };
}

/**
 * Monthly cost of a rented-GPU candidate at another volume: the same capacity, the fleet re-sized
 * and priced like every other fleet. The re-sized fleet is kept per sized fleet and volume, so a
 * growing workload re-sizes each instance type once a month, not once per region.
 */
function cloudCostAt(ctx: EvalContext, p: CloudPlacement, a: OkAssessment): CostAtVolume {
  const fleetAt = fleetAtRates(ctx, p, a.sized, a.capacity, a.terms);
  const scratch = cloudPriceScratch();
  const opts = priceOptions(a.discount, a.commit);
  return (w, rates) => {
    const fleet = fleetAt(w, rates);
    if (!fleet.ok) return Number.POSITIVE_INFINITY;
    const cost = priceCloudFleet(fleet, a.instance, p.pricing, a.terms, rates, scratch, opts);
    return cost.ok ? cost.monthlyUsd : Number.POSITIVE_INFINITY;
  };
}

/** Options of its own for a costing that outlives the assessment (the scratch is reused). */
function priceOptions(
  discount: NegotiatedTerms | null,
  commit: CloudCommit | undefined,
): CloudPriceOptions {
  return { discount, commit: commit === undefined ? undefined : { ...commit } };
}

/** The commit rates of an instance per term, kept per row (rows are immutable). */
const ratesCache = new WeakMap<Instance, Partial<Record<CommitTerm, CommitRate[]>>>();

function ratesOf(instance: Instance, term: CommitTerm): CommitRate[] {
  let byTerm = ratesCache.get(instance);
  if (byTerm === undefined) ratesCache.set(instance, (byTerm = {}));
  return (byTerm[term] ??= commitRates(instance, term));
}

/**
 * The committed base's plan for a committed placement: the payment option (the objective's
 * cheapest), what bursts above the base, and any units the placement fixes. A reason when the
 * term or the burst is not priced. Written into `out` (the sweep plans thousands).
 */
function planCommit(
  ctx: EvalContext,
  p: CloudPlacement,
  instance: Instance,
  terms: DeploymentTerms,
  out: CloudCommit,
): CloudCommit | string {
  const rate = chosenRate(
    ratesOf(instance, p.pricing as CommitTerm),
    ctx.objective === 'npv',
    ctx.value.discountRateAnnual,
  );
  if (rate === undefined) return noPriceReason(instance, p.pricing);
  const burst = burstUsdPerHour(instance, p.burst ?? 'onDemand', terms);
  if (burst === undefined)
    return `no spot price for ${instance.instanceType} in ${instance.regionId} to burst on`;
  out.rate = rate;
  out.burstUsdPerHour = burst;
  out.units = p.committedUnits;
  // A service that ends at the horizon runs only part of a term that starts when it launches.
  const served = ctx.value.horizonMonths - firstServedMonth(ctx, 'cloud') + 1;
  out.coverage = ctx.serviceEndsAtHorizon ? Math.max(0, Math.min(1, served / rate.termMonths)) : 1;
  return out;
}

/** Demand levels of a month nobody is served in (after a service that ends at the horizon). */
const NO_DEMAND: FleetLevels = {
  units: new Float64Array([0]),
  weights: new Float64Array([1]),
  activeHours: HOURS_PER_MONTH,
  offHours: 0,
  warmUnits: 0,
  lowUnits: 0,
  peakUnits: 0,
  warmUpHoursPerUnit: 0,
  interactiveHours: 0,
  batchHours: 0,
};

/** Each fleet's term shares over the horizon, kept by its first month's levels (per context). */
const sharesCache = new WeakMap<
  FleetLevels,
  { months: readonly GrowthMonth[]; shares: TermShares }
>();

/**
 * Units to commit from month m: those whose share of the term's hours running (its months seen
 * ahead, the last month's level beyond the horizon, nothing beyond a service that ends there) is
 * above the break-even utilization. The shares are tabled once per fleet and shared by every
 * region of its instance type; a fleet too large to table is searched month by month.
 */
function committedFrom(
  ctx: EvalContext,
  levelsAt: (month: GrowthMonth) => FleetLevels,
  termMonths: number,
  breakEven: number,
): (m: number, months: readonly GrowthMonth[]) => number {
  const horizon = ctx.value.horizonMonths;
  let seen: readonly GrowthMonth[] | undefined;
  let levels: FleetLevels[] = [];
  let shares: TermShares | null = null;
  return (m, months) => {
    if (months !== seen) {
      seen = months;
      levels = [NO_DEMAND];
      for (let t = 1; t <= horizon; t++) levels.push(levelsAt(months[t]!));
      // Past the horizon: nothing when the service ends there, else the last month's level.
      const after = ctx.serviceEndsAtHorizon ? NO_DEMAND : levels[horizon]!;
      levels.push(after);
      const key = levels[1]!;
      const kept = sharesCache.get(key);
      let peak = 0;
      for (const l of levels) peak = Math.max(peak, l.peakUnits);
      if (kept !== undefined && kept.months === months) shares = kept.shares;
      else if (peak <= MAX_TABLED_UNITS) {
        shares = termShares(levels.slice(0, horizon + 1), after);
        if (!ctx.serviceEndsAtHorizon) sharesCache.set(key, { months, shares });
      } else shares = null;
    }
    if (shares !== null) return committedOverTerm(shares, m, termMonths, breakEven);
    const window: FleetLevels[] = [];
    for (let t = m; t < m + termMonths; t++) window.push(levels[Math.min(t, horizon + 1)]!);
    return committedLevel(window, breakEven);
  };
}

export type OkAssessment = Extract<CloudAssessment, { ok: true }>;

/**
 * How a rented candidate's months are costed: on-demand and spot follow demand; a committed base
 * is held for its term (taken when a month's term ahead keeps more units busy enough to pay,
 * still paid when demand falls), upfront sums paid as cash when taken, the burst above it
 * following demand.
 */
export function cloudCosting(ctx: EvalContext, p: CloudPlacement, a: OkAssessment): RoiCosting {
  const costAt = () => cloudCostAt(ctx, p, a);
  const split = a.cost.commitment;
  const commit = a.commit;
  if (commit === undefined || split === null) return { runUsd: a.cost.monthlyUsd, costAt };
  const { instance, terms } = a;
  const rate = commit.rate;
  const keep = 1 - a.cost.discount;
  const fleetAt = () => fleetAtRates(ctx, p, a.sized, a.capacity, terms);
  const fixed = p.committedUnits;
  const lookahead = () => {
    const at = fleetAt();
    const levelsAt = (month: GrowthMonth) => {
      const f = at(month.workload, month.rates);
      return f.ok && f.fleet.levels !== null ? f.fleet.levels : NO_DEMAND;
    };
    const breakEven = rate.effectiveUsdPerHour / commit.burstUsdPerHour;
    return committedFrom(ctx, levelsAt, rate.termMonths, breakEven);
  };
  return {
    runUsd: a.cost.monthlyUsd - split.upfrontShareUsd * keep,
    costAt,
    persistent: {
      termMonths: rate.termMonths,
      firstMonth: firstServedMonth(ctx, 'cloud'),
      units: split.units,
      capexUsdPerUnit: rate.upfrontUsd * keep,
      prepaid: rate.upfrontUsd > 0,
      committedUsdPerUnitMonth: rate.usdPerHour * HOURS_PER_MONTH * keep,
      unitsInMonth: fixed !== undefined ? () => fixed : lookahead(),
      growth: () => {
        const at = fleetAt();
        const scratch = cloudPriceScratch();
        const opts = priceOptions(a.discount, commit);
        return {
          unitsAt: (w, rates) => {
            const fleet = at(w, rates);
            return fleet.ok && fleet.fleet.levels !== null
              ? committedLevel(
                  [fleet.fleet.levels],
                  rate.effectiveUsdPerHour / commit.burstUsdPerHour,
                )
              : 0;
          },
          runUsdAt: (w, rates, held) => {
            const fleet = at(w, rates);
            if (!fleet.ok) return Number.POSITIVE_INFINITY;
            opts.commit!.units = held;
            const cost = priceCloudFleet(fleet, instance, p.pricing, terms, rates, scratch, opts);
            if (!cost.ok) return Number.POSITIVE_INFINITY;
            const upfront = cost.commitment === null ? 0 : cost.commitment.upfrontShareUsd;
            return cost.monthlyUsd - upfront * (1 - cost.discount);
          },
        };
      },
    },
  };
}

type CloudGroup =
  | { ok: true; capacity: OkCapacity; terms: DeploymentTerms; fleet: SizedFleet }
  | { ok: false; reason: string };

/** Everything of a placement its group reads: its capacity's layout, and its fleet's terms. */
const sameTerms = (a: CloudPlacement, b: CloudPlacement) =>
  a.engine === b.engine &&
  a.precision === b.precision &&
  a.kvPrecision === b.kvPrecision &&
  a.tp === b.tp &&
  a.effort === b.effort &&
  sameFleetTerms(a, b);

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
    sameGroup(last, gpuCount, rttMs, p)
  ) {
    return last.group as CloudGroup;
  }
  let byGpu = ctx.cloudGroups.get(model);
  if (byGpu === undefined) ctx.cloudGroups.set(model, (byGpu = new Map()));
  let kept = byGpu.get(gpu);
  if (kept === undefined) byGpu.set(gpu, (kept = []));
  for (const k of kept) {
    if (sameGroup(k, gpuCount, rttMs, p)) {
      ctx.lastCloudGroup = k;
      return k.group as CloudGroup;
    }
  }
  const tps = p.tp ? [p.tp] : tpOptions(gpuCount);
  const capacity = bestCapacity(ctx, model, gpu, tps, p, rttMs);
  let group: CloudGroup;
  if (!capacity.ok) group = { ok: false, reason: capacity.reason };
  else {
    const { terms, fleet } = cachedFleet(ctx, p, gpuCount, capacity);
    group = fleet.ok ? { ok: true, capacity, terms, fleet } : { ok: false, reason: fleet.reason };
  }
  ctx.lastCloudGroup = { model, gpu, gpuCount, rttMs, placement: p, group };
  kept.push(ctx.lastCloudGroup);
  return group;
}

/** Whether a kept group was sized for this instance shape, network delay and placement terms. */
function sameGroup(k: KeptCloudGroup, gpuCount: number, rttMs: number, p: CloudPlacement) {
  return k.gpuCount === gpuCount && k.rttMs === rttMs && sameTerms(k.placement, p);
}

/**
 * Where the sweep's columns path has each rented candidate assessed: the price, identity and
 * assessment are written in place (a full sweep has tens of thousands; nothing is kept).
 */
export interface CloudScratch {
  price: CloudPrice;
  identity: Identity;
  ok: OkAssessment;
  failed: Extract<CloudAssessment, { ok: false }>;
  /** The committed base's plan, copied from the assessment's scratch (committed pricing). */
  commit: CloudCommit;
}

export function cloudScratch(): CloudScratch {
  // The same fields in the same order as the objects assessCloud builds: one shape for both.
  const none = undefined as never;
  const identity: Identity = {
    placement: none,
    model: undefined,
    gpu: none,
    instance: none,
    region: undefined,
  };
  return {
    price: cloudPriceScratch(),
    identity,
    ok: {
      ok: true,
      identity,
      model: none,
      instance: none,
      region: undefined,
      capacity: none,
      terms: none,
      sized: none,
      cost: none,
      discount: null,
      commit: undefined,
    },
    failed: { ok: false, identity, reason: '' },
    commit: { rate: none, burstUsdPerHour: 0, coverage: 1, units: undefined },
  };
}

function failed(
  scratch: CloudScratch | undefined,
  identity: Identity,
  reason: string,
): CloudAssessment {
  if (scratch === undefined) return { ok: false, identity, reason };
  scratch.failed.reason = reason;
  return scratch.failed;
}

/**
 * Sizes and prices a rented-GPU candidate: the one path for rows and the sweep's columns. With
 * `scratch`, the assessment is written into it (valid until the next candidate).
 */
export function assessCloud(
  ctx: EvalContext,
  p: CloudPlacement,
  scratch?: CloudScratch,
): CloudAssessment {
  const { instance, gpu, region, discount } = instanceRefs(ctx.index, p.instanceId);
  const model = modelOf(ctx, p.modelId);
  let identity: Identity;
  if (scratch === undefined) identity = { placement: p, model, gpu, instance, region };
  else {
    identity = scratch.identity;
    identity.placement = p;
    identity.model = model;
    identity.gpu = gpu;
    identity.instance = instance;
    identity.region = region;
  }
  const open = openModel(model);
  if (open === undefined) return failed(scratch, identity, noOpenWeights(p.modelId));
  const group = cloudGroup(ctx, p, open, gpu, instance.gpuCount, rttToRegionMs(ctx, region));
  if (!group.ok) return failed(scratch, identity, group.reason);
  let commit: CloudCommit | undefined;
  if (isCommitted(p.pricing)) {
    const planned = planCommit(ctx, p, instance, group.terms, commitScratch);
    if (typeof planned === 'string') return failed(scratch, identity, planned);
    commit = planned;
  }
  optionsScratch.discount = discount;
  optionsScratch.commit = commit;
  const cost = priceCloudFleet(
    group.fleet,
    instance,
    p.pricing,
    group.terms,
    ctx.rates,
    scratch?.price,
    optionsScratch,
  );
  if (!cost.ok) return failed(scratch, identity, cost.reason);
  if (scratch === undefined) {
    return {
      ok: true,
      identity,
      model: open,
      instance,
      region,
      capacity: group.capacity,
      terms: group.terms,
      sized: group.fleet,
      cost,
      discount,
      commit: commit === undefined ? undefined : { ...commit },
    };
  }
  const a = scratch.ok;
  a.model = open;
  a.instance = instance;
  a.region = region;
  a.capacity = group.capacity;
  a.terms = group.terms;
  a.sized = group.fleet;
  a.cost = cost;
  a.discount = discount;
  a.commit = commit === undefined ? undefined : Object.assign(scratch.commit, commit);
  return a;
}

/** Scratch the assessment plans and prices with (copied into the assessment it returns). */
const commitScratch: CloudCommit = {
  rate: undefined as unknown as CommitRate,
  burstUsdPerHour: 0,
  coverage: 1,
};
const optionsScratch: CloudPriceOptions = { discount: null, commit: undefined };

/**
 * The sweep's path for a rented-GPU candidate: assessed like a row, written to the columns
 * without building one (a full sweep has tens of thousands of these).
 */
export function writeCloudColumns(
  ctx: EvalContext,
  t: SweepColumns,
  i: number,
  p: CloudPlacement,
): void {
  t.kind[i] = KIND_CODE.cloud;
  const a = assessCloud(ctx, p, (ctx.cloudScratch ??= cloudScratch()));
  if (!a.ok) {
    t.feasible[i] = 0;
    t.reasons[i] = sharedReasons(ctx, a.reason);
    return;
  }
  const { capacity, cost } = a;
  const monthlyUsd = cost.monthlyUsd;
  const reasoning = candidateReasoning(ctx, a.model, p.effort);
  const quality = selfHostQuality(ctx, a.model, capacity, reasoning);
  const reasons = selfHostReasons(ctx, a.identity, a.model, quality, monthlyUsd, reasoning);
  t.feasible[i] = reasons.length === 0 ? 1 : 0;
  t.reasons[i] = reasons;
  t.monthlyUsd[i] = monthlyUsd;
  t.ttftMs[i] = capacity.ttftMs;
  t.ttftVisibleMs[i] = capacity.ttftMs + reasoning.tokensPerRequest * capacity.tpotMs;
  t.reasoningTokens[i] = reasoning.tokensPerRequest;
  t.tpotMs[i] =
    ctx.workload.outputTokens.mean + reasoning.tokensPerRequest > 1 ? capacity.tpotMs : Number.NaN;
  t.e2eMs[i] = capacity.e2eMs;
  t.quality[i] = quality ?? Number.NaN;
  t.gpusPeak[i] = cost.gpusPeak;
  t.utilization[i] = cost.utilization;
  // A steady workload with nothing held past its horizon, nothing paid upfront, and no commitment
  // whose price holds through a price change, needs no costing plan: the closed form.
  const upfront = a.commit !== undefined && a.commit.rate.upfrontUsd > 0;
  const plain =
    !isCommitted(p.pricing) ||
    (!ctx.serviceEndsAtHorizon && ctx.priceChange.cloud === 0 && !upfront);
  const growing = ctx.workload.monthlyGrowthPct !== 0;
  const roi =
    !growing && plain
      ? steadyRoi(ctx, 'cloud', monthlyUsd, ctx.roiScratch)
      : growing && !isCommitted(p.pricing) && p.pricing !== 'spot'
        ? growingCloudRoi(ctx, p, a)
        : candidateRoi(ctx, 'cloud', cloudCosting(ctx, p, a), false, ctx.roiScratch);
  t.tcoUsd[i] = roi.tcoUsd;
  t.perOutcomeUsd[i] = perOutcomeUsd(ctx, 'cloud', roi.tcoUsd) ?? Number.NaN;
  if (hasRequestValue(ctx.value)) {
    t.netMonthlyUsd[i] = roi.netMonthlyUsd;
    t.npvUsd[i] = roi.npvUsd;
    t.paybackMonth[i] = roi.paybackMonth ?? Number.NaN;
  }
}

/** Evaluates a rented-GPU candidate into a full comparison row. */
export function evaluateCloud(
  ctx: EvalContext,
  p: CloudPlacement,
  options: EvaluateOptions = {},
): CandidateResult {
  const a = assessCloud(ctx, p);
  if (!a.ok) return infeasibleRow(ctx, a.identity, a.reason);
  const { instance, region, capacity, cost } = a;
  const gpu = a.identity.gpu;
  const warnings: string[] = [];
  const stale = staleWarning(ctx, instance.asOf, 'instance price');
  if (stale !== null) warnings.push(stale);
  const split = cost.commitment;
  if (split !== null && split.units === 0) {
    warnings.push(
      `no instance is busy enough to beat ${p.burst === 'spot' ? 'spot' : 'on-demand'} on a ${a.commit!.rate.termMonths}-month term: nothing committed`,
    );
  }
  const kwh =
    gpu.tdpW === undefined
      ? null
      : energyKwh({
          gpuHours: cost.instanceHours * instance.gpuCount,
          tdpW: gpu.tdpW,
          utilization: cost.fleet.utilization,
          serverOverheadFraction: CLOUD_SERVER_OVERHEAD,
          pue: region?.pue ?? DEFAULT_CLOUD_PUE,
        });
  if (kwh === null) warnings.push(`no TDP for ${gpu.name}: energy not estimated`);
  const costing = cloudCosting(ctx, p, a);
  return sizedRow(ctx, a.identity, a.model, capacity, cost.monthlyUsd, cost.breakdown, options, {
    replicasPeak: cost.instancesPeak * cost.replicasPerInstance,
    gpusPeak: cost.gpusPeak,
    instancesPeak: cost.instancesPeak,
    utilization: cost.utilization,
    energyKwh: kwh,
    co2Kg:
      kwh === null || region?.gridGCo2PerKwh === undefined
        ? null
        : co2Kg(kwh, region.gridGCo2PerKwh),
    warnings,
    roi: costing,
    extras: (tcoUsd) => ({
      commitment: options.brief ? null : cloudCommitment(ctx, p, a, costing, tcoUsd),
      negotiated: negotiatedDetail(a.discount, a.cost.listFleetUsd),
    }),
    reasoningShareOfCost: reasoningShareOfCapacity(
      ctx,
      a.model,
      gpu,
      p,
      capacity,
      rttToRegionMs(ctx, region),
    ),
    detail: {
      reserveReplicas: cost.fleet.reserveReplicas,
      warmUnits: cost.fleet.unitsWarm,
      warmUpUnitHours: cost.fleet.warmUpUnitHours,
      serversPeak: null,
      gpusPerServer: null,
      gpusBought: null,
      owned: null,
      commitmentMonths: a.commit === undefined ? null : a.commit.rate.termMonths,
      spot: cost.spot === null ? null : { ...cost.spot },
      deployment: a.terms,
    },
  });
}

/** Monthly cost of a rented-GPU candidate at another volume; null when it cannot be costed. */
export function cloudCostAtVolume(ctx: EvalContext, p: CloudPlacement): CostAtVolume | null {
  const a = assessCloud(ctx, p);
  return a.ok ? cloudCostAt(ctx, p, a) : null;
}
