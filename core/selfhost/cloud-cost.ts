import type { CloudPlacement } from '../schema/placement.ts';
import type { Instance, PricingModel } from '../schema/catalog.ts';
import type { Workload } from '../schema/workload.ts';
import { HOURS_PER_MONTH } from '../units.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import type { ReplicaCapacity } from './capacity.ts';
import { loadHours, runningCosts, type DeploymentTerms } from './deployment.ts';
import { sizeFleet, type FleetSizing } from './fleet.ts';

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
    }
  | { ok: false; reason: string };

/** $/h of an instance under a pricing model, or undefined where none is published. */
export function instanceUsdPerHour(i: Instance, pricing: PricingModel): number | undefined {
  return i.usdPerHour[pricing];
}

/** Whether a pricing model is paid every hour of a term (1-/3-year commitments). */
export function isCommitted(pricing: PricingModel): boolean {
  return pricing === 'commit1y' || pricing === 'commit3y';
}

/** Months a committed pricing model runs. */
export function commitmentMonths(pricing: PricingModel): number {
  return pricing === 'commit3y' ? 36 : 12;
}

/**
 * Sizes the fleet of instances with `gpusPerInstance` GPUs. An instance holds ⌊GPUs ÷ tp⌋ replicas
 * and is the unit that scales. Committed (1y/3y) capacity is paid every hour of its term, so it is
 * sized for peak and does not autoscale.
 */
export function cloudFleet(
  p: CloudPlacementTerms,
  gpusPerInstance: number,
  capacity: Extract<ReplicaCapacity, { ok: true }>,
  w: Workload,
  rates: WorkloadRates,
  terms: DeploymentTerms,
): CloudFleet {
  const replicasPerInstance = Math.floor(gpusPerInstance / capacity.tp);
  if (replicasPerInstance < 1) {
    return {
      ok: false,
      reason: `tp ${capacity.tp} needs more GPUs than the instance has (${gpusPerInstance})`,
    };
  }
  const fleet = sizeFleet(
    {
      replicaRequestsPerSAtSlo: capacity.requestsPerSAtSlo,
      replicaRequestsPerSSaturated: capacity.requestsPerSSaturated,
      replicasPerUnit: replicasPerInstance,
      targetUtilization: p.targetUtilization,
      minReplicas: p.minReplicas,
      reserveReplicas: terms.reserveReplicas,
      reserveHeadroom: terms.reserveHeadroom,
      loadHours: loadHours(terms),
      scaling: isCommitted(p.pricing) ? 'fixed' : p.scaling,
    },
    w,
    rates,
  );
  return { ok: true, fleet, replicasPerInstance, gpusPerInstance };
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
 * all come here. `heldInstances` (committed capacity kept from earlier months) pays for more than
 * the month needs. With `out`, writes into it instead of allocating.
 */
export function priceCloudFleet(
  sized: Extract<CloudFleet, { ok: true }>,
  instance: Instance,
  pricing: PricingModel,
  terms: DeploymentTerms,
  rates: WorkloadRates,
  out?: CloudPrice,
  heldInstances = 0,
): CloudCost {
  const usdPerHour = instanceUsdPerHour(instance, pricing);
  if (usdPerHour === undefined) return { ok: false, reason: noPriceReason(instance, pricing) };
  const fleet = sized.fleet;
  const r = out ?? cloudPriceScratch();
  const b = r.breakdown;
  let fleetUsd: number;
  let hours = fleet.paidUnitHours;
  if (pricing === 'spot') {
    r.spot ??= { onDemandInstances: 0, spotInstanceHours: 0, interruptions: 0, fallbackUsd: 0 };
    fleetUsd = spotSplit(fleet, usdPerHour, instance.usdPerHour.onDemand, terms, r.spot);
  } else {
    r.spot = null;
    hours = Math.max(hours, heldInstances * HOURS_PER_MONTH);
    fleetUsd = hours * usdPerHour;
  }
  const utilization = hours > 0 ? Math.min(1, fleet.usedUnitHours / hours) : 0;
  b.gpuUsd = fleetUsd * utilization;
  b.idleUsd = fleetUsd - b.gpuUsd;
  r.instancesPeak = Math.max(fleet.unitsPeak, heldInstances);
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

/**
 * A rented fleet's months with growth, priced apart from the instance row: the instance-hours it
 * pays and its running costs in each month, as `priceCloudFleet` found them. Under an hourly price
 * with nothing held (not spot, not committed) `priceCloudFleet` costs a month on a row at $/h as
 * `instanceHours × $/h + runningUsd`, so the series is built once per fleet and priced for every
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

/** Month m of a series on a row at `usdPerHour` (the stated volume's months are the caller's). */
export function cloudMonthUsd(s: CloudMonthSeries, m: number, usdPerHour: number): number {
  if (s.unpriced[m] === 1) return Number.POSITIVE_INFINITY;
  // priceCloudFleet's arithmetic: fleetUsd = hours × $/h, then + running.
  return (s.instanceHours[m] as number) * usdPerHour + (s.runningUsd[m] as number);
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
