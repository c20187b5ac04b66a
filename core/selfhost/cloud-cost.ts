import type { CloudPlacement } from '../schema/placement.ts';
import type { Instance, PricingModel } from '../schema/catalog.ts';
import type { Workload } from '../schema/workload.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import type { ReplicaCapacity } from './capacity.ts';
import { sizeFleet, type FleetSizing } from './fleet.ts';

export interface SelfHostBreakdown {
  /** GPU time doing work. */
  gpuUsd: number;
  /** GPU time paid for but idle (headroom, scaling steps, off-peak floor). */
  idleUsd: number;
  powerUsd: number;
  colocationUsd: number;
  staffUsd: number;
}

export type CloudPlacementTerms = Pick<
  CloudPlacement,
  'pricing' | 'targetUtilization' | 'minReplicas' | 'scaling'
>;

/** Instances needed and instance-hours paid: the same for every region of an instance type. */
export type CloudFleet =
  | { ok: true; fleet: FleetSizing; replicasPerInstance: number; gpusPerInstance: number }
  | { ok: false; reason: string };

export type CloudCost =
  | {
      ok: true;
      monthlyUsd: number;
      breakdown: SelfHostBreakdown;
      fleet: FleetSizing;
      replicasPerInstance: number;
      instancesPeak: number;
      gpusPeak: number;
      usdPerHour: number;
      instanceHours: number;
    }
  | { ok: false; reason: string };

/** $/h of an instance under a pricing model, or undefined where none is published. */
export function instanceUsdPerHour(i: Instance, pricing: PricingModel): number | undefined {
  return i.usdPerHour[pricing];
}

/**
 * Sizes the fleet of instances with `gpusPerInstance` GPUs. An instance holds ⌊GPUs ÷ tp⌋ replicas
 * and is the unit that scales. Committed (1y/3y) capacity is paid every hour of the month, so it is
 * sized for peak and does not autoscale.
 */
export function cloudFleet(
  p: CloudPlacementTerms,
  gpusPerInstance: number,
  capacity: Extract<ReplicaCapacity, { ok: true }>,
  w: Workload,
  rates: WorkloadRates,
): CloudFleet {
  const replicasPerInstance = Math.floor(gpusPerInstance / capacity.tp);
  if (replicasPerInstance < 1) {
    return {
      ok: false,
      reason: `tp ${capacity.tp} needs more GPUs than the instance has (${gpusPerInstance})`,
    };
  }
  const committed = p.pricing === 'commit1y' || p.pricing === 'commit3y';
  const fleet = sizeFleet(
    {
      unitRequestsPerSAtSlo: capacity.requestsPerSAtSlo * replicasPerInstance,
      unitRequestsPerSSaturated: capacity.requestsPerSSaturated * replicasPerInstance,
      targetUtilization: p.targetUtilization,
      minUnits: Math.ceil(p.minReplicas / replicasPerInstance),
      scaling: committed ? 'fixed' : p.scaling,
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
    breakdown: { gpuUsd: 0, idleUsd: 0, powerUsd: 0, colocationUsd: 0, staffUsd: 0 },
    fleet: undefined as unknown as FleetSizing,
    replicasPerInstance: 0,
    instancesPeak: 0,
    gpusPeak: 0,
    usdPerHour: 0,
    instanceHours: 0,
  };
}

/**
 * Monthly cost of a sized fleet on one instance row (its region's price): the one place a rented
 * fleet is priced — rows, the sweep's columns, growth months and what-ifs all come here. With
 * `out`, writes into it instead of allocating.
 */
export function priceCloudFleet(
  sized: Extract<CloudFleet, { ok: true }>,
  instance: Instance,
  pricing: PricingModel,
  out?: CloudPrice,
): CloudCost {
  const usdPerHour = instanceUsdPerHour(instance, pricing);
  if (usdPerHour === undefined) return { ok: false, reason: noPriceReason(instance, pricing) };
  const fleet = sized.fleet;
  const monthlyUsd = fleet.paidUnitHours * usdPerHour;
  const gpuUsd = monthlyUsd * fleet.utilization;
  const r = out ?? cloudPriceScratch();
  r.monthlyUsd = monthlyUsd;
  r.breakdown.gpuUsd = gpuUsd;
  r.breakdown.idleUsd = monthlyUsd - gpuUsd;
  r.fleet = fleet;
  r.replicasPerInstance = sized.replicasPerInstance;
  r.instancesPeak = fleet.unitsPeak;
  r.gpusPeak = fleet.unitsPeak * instance.gpuCount;
  r.usdPerHour = usdPerHour;
  r.instanceHours = fleet.paidUnitHours;
  return r;
}

/** Monthly cost of serving the workload on rented instances of one row. */
export function cloudCost(
  p: CloudPlacementTerms,
  instance: Instance,
  capacity: Extract<ReplicaCapacity, { ok: true }>,
  w: Workload,
  rates: WorkloadRates,
): CloudCost {
  const sized = cloudFleet(p, instance.gpuCount, capacity, w, rates);
  if (!sized.ok) return sized;
  return priceCloudFleet(sized, instance, p.pricing);
}
