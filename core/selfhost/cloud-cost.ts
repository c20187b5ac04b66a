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
 * Monthly cost of serving the workload on rented instances. An instance holds
 * ⌊GPUs ÷ tp⌋ replicas and is the unit that scales. Committed (1y/3y) capacity is paid every hour
 * of the month, so it is sized for peak and does not autoscale.
 */
export function cloudCost(
  p: Pick<CloudPlacement, 'pricing' | 'targetUtilization' | 'minReplicas' | 'scaling'>,
  instance: Instance,
  capacity: Extract<ReplicaCapacity, { ok: true }>,
  w: Workload,
  rates: WorkloadRates,
): CloudCost {
  const usdPerHour = instanceUsdPerHour(instance, p.pricing);
  if (usdPerHour === undefined) {
    return {
      ok: false,
      reason: `no ${p.pricing} price published for ${instance.instanceType} in ${instance.regionId}`,
    };
  }
  const replicasPerInstance = Math.floor(instance.gpuCount / capacity.tp);
  if (replicasPerInstance < 1) {
    return {
      ok: false,
      reason: `tp ${capacity.tp} needs more GPUs than ${instance.instanceType} has (${instance.gpuCount})`,
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
  const monthlyUsd = fleet.paidUnitHours * usdPerHour;
  const gpuUsd = monthlyUsd * fleet.utilization;
  return {
    ok: true,
    monthlyUsd,
    breakdown: { gpuUsd, idleUsd: monthlyUsd - gpuUsd, powerUsd: 0, colocationUsd: 0, staffUsd: 0 },
    fleet,
    replicasPerInstance,
    instancesPeak: fleet.unitsPeak,
    gpusPeak: fleet.unitsPeak * instance.gpuCount,
    usdPerHour,
    instanceHours: fleet.paidUnitHours,
  };
}
