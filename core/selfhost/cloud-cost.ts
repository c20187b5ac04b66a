import {
  commitRates,
  committedLevel,
  splitMonth,
  type CommitRate,
  type CommitSplit,
} from '../commitments/cloud.ts';
import { negotiatedUsd, type NegotiatedTerms } from '../pricing/negotiated.ts';
import type { CloudPlacement } from '../schema/placement.ts';
import type { Instance, PricingModel } from '../schema/catalog.ts';
import type { Workload } from '../schema/workload.ts';
import { HOURS_PER_MONTH } from '../units.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import type { ReplicaCapacity } from './capacity.ts';
import { loadHours, runningCosts, type DeploymentTerms } from './deployment.ts';
import { sizeFleet, type FleetInput, type FleetSizing } from './fleet.ts';

export interface SelfHostBreakdown {
  /** GPU time doing work (owned: the depreciation's share for it). */
  gpuUsd: number;
  /** GPU time paid for but idle (headroom, reserve, scaling steps, off-peak floor). */
  idleUsd: number;
  /** Owned hardware: the return the capital would earn at the discount rate (annuity − depreciation). */
  capitalChargeUsd: number;
  powerUsd: number;
  colocationUsd: number;
  staffUsd: number;
  storageUsd: number;
  egressUsd: number;
  monitoringUsd: number;
}

export function emptySelfHostBreakdown(): SelfHostBreakdown {
  return {
    gpuUsd: 0,
    idleUsd: 0,
    capitalChargeUsd: 0,
    powerUsd: 0,
    colocationUsd: 0,
    staffUsd: 0,
    storageUsd: 0,
    egressUsd: 0,
    monitoringUsd: 0,
  };
}

export type CloudPlacementTerms = Pick<
  CloudPlacement,
  'pricing' | 'targetUtilization' | 'minReplicas' | 'scaling'
>;

/** Instances needed and instance-hours paid: the same for every region of an instance type. */
export type CloudFleet =
  | { ok: true; fleet: FleetSizing; replicasPerInstance: number; gpusPerInstance: number }
  | { ok: false; reason: string };

/** What spot capacity costs beyond its price: the on-demand part and the fallback. */
export interface SpotSplit {
  /** Instances kept on on-demand all month (the warm floor and reserve hold the SLO). */
  onDemandInstances: number;
  /** Instance-hours on spot in a month. */
  spotInstanceHours: number;
  /** Expected interruptions a month, and what their on-demand fallback and reloads cost. */
  interruptions: number;
  fallbackUsd: number;
}

export type CloudCost =
  | {
      ok: true;
      monthlyUsd: number;
      /** The fleet alone (instance-hours at their prices, spot fallback included). */
      fleetUsd: number;
      /** Running costs besides the fleet (staff, storage, egress, monitoring): the rest. */
      runningUsd: number;
      breakdown: SelfHostBreakdown;
      fleet: FleetSizing;
      replicasPerInstance: number;
      instancesPeak: number;
      gpusPeak: number;
      usdPerHour: number;
      instanceHours: number;
      /** Spot pricing only: how the fleet splits between on-demand and spot. */
      spot: SpotSplit | null;
      /** Committed pricing only: the committed base and the burst above it, and the rate used. */
      commitment: CommitSplit | null;
      commitRate: CommitRate | null;
      /** What an hour above the committed base costs (on demand, or spot with interruptions). */
      burstUsdPerHour: number;
      /** The fleet at list prices, and the share the negotiated terms take off it. */
      listFleetUsd: number;
      discount: number;
      /** Work done ÷ instance-hours paid (committed hours count whether busy or not). */
      utilization: number;
    }
  | { ok: false; reason: string };

/** A committed base: the payment option planned with, what bursts, and the units held. */
export interface CloudCommit {
  rate: CommitRate;
  burstUsdPerHour: number;
  /**
   * Share of a term's months the service runs (1 unless a time box ends it sooner): a unit must
   * be busy enough in those months to pay for the whole term.
   */
  coverage: number;
  /** Units committed (a growth month's blocks, or the placement's); unset: as many as pay. */
  units?: number | undefined;
}

/** What a fleet is priced with besides its instance row. */
export interface CloudPriceOptions {
  /** Negotiated terms on the cloud's (or the instance's) list prices. */
  discount?: NegotiatedTerms | null | undefined;
  /** Committed pricing: unset plans the no-upfront rate (or the cheapest option) with on-demand burst. */
  commit?: CloudCommit | undefined;
}

/**
 * $/h of an instance under a pricing model, or undefined where none is published. A committed
 * term counts as priced when it has a no-upfront rate or an upfront option.
 */
export function instanceUsdPerHour(i: Instance, pricing: PricingModel): number | undefined {
  const hourly = i.usdPerHour[pricing];
  if (hourly !== undefined || !isCommitted(pricing)) return hourly;
  return commitRates(i, pricing as 'commit1y' | 'commit3y')[0]?.effectiveUsdPerHour;
}

/** Whether a pricing model is paid every hour of a term (1-/3-year commitments). */
export function isCommitted(pricing: PricingModel): boolean {
  return pricing === 'commit1y' || pricing === 'commit3y';
}

/**
 * Sizes the fleet of instances with `gpusPerInstance` GPUs. An instance holds ⌊GPUs ÷ tp⌋ replicas
 * and is the unit that scales. For committed (1y/3y) pricing the fleet keeps its demand levels:
 * the committed base is planned on them.
 */
export function cloudFleet(
  p: CloudPlacementTerms,
  gpusPerInstance: number,
  capacity: Extract<ReplicaCapacity, { ok: true }>,
  w: Workload,
  rates: WorkloadRates,
  terms: DeploymentTerms,
): CloudFleet {
  const input = cloudFleetInput(p, gpusPerInstance, capacity, terms, inputScratch);
  if (typeof input === 'string') return { ok: false, reason: input };
  const fleet = sizeFleet(input, w, rates, isCommitted(p.pricing));
  return { ok: true, fleet, replicasPerInstance: input.replicasPerUnit, gpusPerInstance };
}

/** The input `cloudFleet` sizes from: filled and sized at once (a sizing keeps none of it). */
const inputScratch = blankFleetInput();

function blankFleetInput(): FleetInput {
  return {
    replicaRequestsPerSAtSlo: 0,
    replicaRequestsPerSSaturated: 0,
    replicasPerUnit: 0,
    targetUtilization: 0,
    minReplicas: 0,
    reserveReplicas: 0,
    reserveHeadroom: 0,
    loadHours: 0,
    scaling: 'autoscale',
  };
}

/**
 * What sizes a fleet of instances with `gpusPerInstance` GPUs, whatever the volume; or why the
 * capacity's layout does not fit such an instance. With `out`, written into it.
 */
export function cloudFleetInput(
  p: CloudPlacementTerms,
  gpusPerInstance: number,
  capacity: Extract<ReplicaCapacity, { ok: true }>,
  terms: DeploymentTerms,
  out?: FleetInput,
): FleetInput | string {
  const replicasPerInstance = Math.floor(gpusPerInstance / capacity.tp);
  if (replicasPerInstance < 1) {
    return `tp ${capacity.tp} needs more GPUs than the instance has (${gpusPerInstance})`;
  }
  const f = out ?? blankFleetInput();
  f.replicaRequestsPerSAtSlo = capacity.requestsPerSAtSlo;
  f.replicaRequestsPerSSaturated = capacity.requestsPerSSaturated;
  f.replicasPerUnit = replicasPerInstance;
  f.targetUtilization = p.targetUtilization;
  f.minReplicas = p.minReplicas;
  f.reserveReplicas = terms.reserveReplicas;
  f.reserveHeadroom = terms.reserveHeadroom;
  f.loadHours = loadHours(terms);
  f.scaling = p.scaling;
  return f;
}

/** Why an instance row cannot be priced under a pricing model. */
export function noPriceReason(instance: Instance, pricing: PricingModel): string {
  return `no ${pricing} price published for ${instance.instanceType} in ${instance.regionId}`;
}

/** A rented fleet priced on one instance row. */
export type CloudPrice = Extract<CloudCost, { ok: true }>;

/** A price to write into (the sweep prices tens of thousands of fleets without allocating). */
export function cloudPriceScratch(): CloudPrice {
  return {
    ok: true,
    monthlyUsd: 0,
    fleetUsd: 0,
    runningUsd: 0,
    breakdown: emptySelfHostBreakdown(),
    fleet: undefined as unknown as FleetSizing,
    replicasPerInstance: 0,
    instancesPeak: 0,
    gpusPeak: 0,
    usdPerHour: 0,
    instanceHours: 0,
    spot: null,
    commitment: null,
    commitRate: null,
    burstUsdPerHour: 0,
    listFleetUsd: 0,
    discount: 0,
    utilization: 0,
  };
}

/**
 * The fleet's cost on spot: the warm floor and reserve stay on on-demand (they hold the SLO when
 * spot is reclaimed), the rest runs on spot. Each interruption moves an instance's work to
 * on-demand for the fallback hours and pays a reload.
 */
function spotSplit(
  fleet: FleetSizing,
  spotUsdPerHour: number,
  onDemandUsdPerHour: number,
  terms: DeploymentTerms,
  out: SpotSplit,
): number {
  const onDemand = Math.min(fleet.unitsWarm, fleet.unitsPeak);
  const spotHours = Math.max(0, fleet.paidUnitHours - onDemand * HOURS_PER_MONTH);
  const interruptions = (spotHours / HOURS_PER_MONTH) * terms.spotInterruptionsPerMonth;
  const perInterruption =
    terms.spotFallbackHours * (onDemandUsdPerHour - spotUsdPerHour) +
    loadHours(terms) * onDemandUsdPerHour;
  out.onDemandInstances = onDemand;
  out.spotInstanceHours = spotHours;
  out.interruptions = interruptions;
  out.fallbackUsd = interruptions * Math.max(0, perInterruption);
  return (
    onDemand * HOURS_PER_MONTH * onDemandUsdPerHour + spotHours * spotUsdPerHour + out.fallbackUsd
  );
}

/**
 * Monthly cost of a sized fleet on one instance row (its region's price), with its running costs:
 * the one place a rented fleet is priced — rows, the sweep's columns, growth months and what-ifs
 * all come here. Committed pricing splits the fleet into a committed base (`opts.commit.units`
 * held, else as many as pay for themselves) and burst capacity above it. Negotiated terms apply
 * to the instance-hours. With `out`, writes into it instead of allocating.
 */
export function priceCloudFleet(
  sized: Extract<CloudFleet, { ok: true }>,
  instance: Instance,
  pricing: PricingModel,
  terms: DeploymentTerms,
  rates: WorkloadRates,
  out?: CloudPrice,
  opts?: CloudPriceOptions,
): CloudCost {
  const fleet = sized.fleet;
  const r = out ?? cloudPriceScratch();
  const b = r.breakdown;
  let fleetUsd: number;
  let hours = fleet.paidUnitHours;
  let usdPerHour: number;
  let held = 0;
  if (isCommitted(pricing)) {
    const commit = opts?.commit ?? defaultCommit(instance, pricing);
    if (commit === undefined || fleet.levels === null) {
      return { ok: false, reason: noPriceReason(instance, pricing) };
    }
    const levels = fleet.levels;
    const breakEven = commit.rate.effectiveUsdPerHour / commit.burstUsdPerHour;
    held = commit.units ?? committedLevel([levels], breakEven / commit.coverage);
    r.commitment ??= {
      units: 0,
      committedHours: 0,
      committedUsd: 0,
      recurringUsd: 0,
      upfrontShareUsd: 0,
      burstHours: 0,
      burstUsd: 0,
    };
    const split = splitMonth(levels, held, commit.rate, commit.burstUsdPerHour, r.commitment);
    r.commitRate = commit.rate;
    r.burstUsdPerHour = commit.burstUsdPerHour;
    r.spot = null;
    fleetUsd = split.committedUsd + split.burstUsd;
    hours = split.committedHours + split.burstHours;
    usdPerHour = commit.rate.effectiveUsdPerHour;
  } else {
    const price = instance.usdPerHour[pricing];
    if (price === undefined) return { ok: false, reason: noPriceReason(instance, pricing) };
    usdPerHour = price;
    r.commitment = null;
    r.commitRate = null;
    if (pricing === 'spot') {
      r.spot ??= { onDemandInstances: 0, spotInstanceHours: 0, interruptions: 0, fallbackUsd: 0 };
      fleetUsd = spotSplit(fleet, price, instance.usdPerHour.onDemand, terms, r.spot);
    } else {
      r.spot = null;
      fleetUsd = hours * price;
    }
    r.burstUsdPerHour = price;
  }
  r.listFleetUsd = fleetUsd;
  const discount = opts?.discount ?? null;
  if (discount !== null) fleetUsd = negotiatedUsd(discount, fleetUsd);
  r.discount = r.listFleetUsd > 0 ? 1 - fleetUsd / r.listFleetUsd : 0;
  const utilization = hours > 0 ? Math.min(1, fleet.usedUnitHours / hours) : 0;
  r.utilization = utilization;
  b.gpuUsd = fleetUsd * utilization;
  b.idleUsd = fleetUsd - b.gpuUsd;
  r.instancesPeak = Math.max(fleet.unitsPeak, held);
  const running = runningCosts(terms, rates, r.instancesPeak, 0, b);
  r.monthlyUsd = fleetUsd + running;
  r.fleetUsd = fleetUsd;
  r.runningUsd = running;
  r.fleet = fleet;
  r.replicasPerInstance = sized.replicasPerInstance;
  r.gpusPeak = r.instancesPeak * instance.gpuCount;
  r.usdPerHour = usdPerHour;
  r.instanceHours = hours;
  return r;
}

/** The plan without a choice made: the cheapest way to pay for the term, bursting on demand. */
function defaultCommit(instance: Instance, pricing: PricingModel): CloudCommit | undefined {
  const rate = commitRates(instance, pricing as 'commit1y' | 'commit3y')[0];
  return rate === undefined
    ? undefined
    : { rate, burstUsdPerHour: instance.usdPerHour.onDemand, coverage: 1 };
}

/**
 * A rented fleet's months with growth, priced apart from the instance row: the instance-hours it
 * pays and its running costs in each month, as `priceCloudFleet` found them. Under an hourly price
 * with nothing held (not spot, not committed) `priceCloudFleet` costs a month on a row at $/h as
 * `negotiated(instanceHours × $/h) + runningUsd`, so the series is built once per fleet and priced for every
 * region of the instance type by `cloudMonthUsd`.
 */
export interface CloudMonthSeries {
  /** 1 for a month at the stated volume: the candidate's own monthly cost. */
  stated: number[];
  /** 1 for a month whose fleet cannot be sized or priced: it costs +∞. */
  unpriced: number[];
  instanceHours: number[];
  runningUsd: number[];
}

/**
 * Month m of a series on a row at `usdPerHour` under the row's negotiated terms (the stated
 * volume's months are the caller's). The terms are the row's, not the series': running costs do
 * not depend on them, so one series serves every region and its discount.
 */
export function cloudMonthUsd(
  s: CloudMonthSeries,
  m: number,
  usdPerHour: number,
  discount: NegotiatedTerms | null,
): number {
  if (s.unpriced[m] === 1) return Number.POSITIVE_INFINITY;
  // priceCloudFleet's arithmetic: fleetUsd = hours × $/h, the terms on it, then + running.
  const listUsd = (s.instanceHours[m] as number) * usdPerHour;
  const fleetUsd = discount === null ? listUsd : negotiatedUsd(discount, listUsd);
  return fleetUsd + (s.runningUsd[m] as number);
}

/** Monthly cost of serving the workload on rented instances of one row. */
export function cloudCost(
  p: CloudPlacementTerms,
  instance: Instance,
  capacity: Extract<ReplicaCapacity, { ok: true }>,
  w: Workload,
  rates: WorkloadRates,
  terms: DeploymentTerms,
): CloudCost {
  const sized = cloudFleet(p, instance.gpuCount, capacity, w, rates, terms);
  if (!sized.ok) return sized;
  return priceCloudFleet(sized, instance, p.pricing, terms, rates);
}
