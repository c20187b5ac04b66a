import type { Gpu } from '../schema/catalog.ts';
import type { OnpremPlacement } from '../schema/placement.ts';
import type { Workload } from '../schema/workload.ts';
import { HOURS_PER_MONTH } from '../units.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import type { ReplicaCapacity } from './capacity.ts';
import type { SelfHostBreakdown } from './cloud-cost.ts';
import { energyKwh } from './energy.ts';
import { sizeFleet, type FleetSizing } from './fleet.ts';

export type OnpremCost =
  | {
      ok: true;
      monthlyUsd: number;
      breakdown: SelfHostBreakdown;
      fleet: FleetSizing;
      gpus: number;
      capexUsd: number;
      energyKwh: number;
    }
  | { ok: false; reason: string };

/**
 * Monthly cost of owned GPUs. The fleet is bought for peak and owned all month: hardware is
 * amortized over its months, power follows utilization (× server overhead × PUE), colocation is
 * per GPU, staff per month. Idle is the unused share of the hardware. With `autoscale` the
 * replicas demand does not need are powered down: power is drawn only for the hours an autoscaled
 * fleet would run, at that fleet's utilization.
 */
export function onpremCost(
  p: Pick<
    OnpremPlacement,
    | 'capexUsdPerGpu'
    | 'amortizationMonths'
    | 'powerUsdPerKwh'
    | 'pue'
    | 'serverOverheadFraction'
    | 'colocationUsdPerGpuMonth'
    | 'staffUsdPerMonth'
    | 'targetUtilization'
    | 'minReplicas'
    | 'scaling'
  >,
  gpu: Gpu,
  capacity: Extract<ReplicaCapacity, { ok: true }>,
  w: Workload,
  rates: WorkloadRates,
): OnpremCost {
  const capexPerGpu = p.capexUsdPerGpu ?? gpu.purchaseUsd;
  if (capexPerGpu === undefined) {
    return { ok: false, reason: `no purchase price for ${gpu.name}: set capexUsdPerGpu` };
  }
  if (gpu.tdpW === undefined) return { ok: false, reason: `no TDP for ${gpu.name}: power unknown` };
  const fleetInput = {
    unitRequestsPerSAtSlo: capacity.requestsPerSAtSlo,
    unitRequestsPerSSaturated: capacity.requestsPerSSaturated,
    targetUtilization: p.targetUtilization,
    minUnits: p.minReplicas,
  };
  const fleet = sizeFleet({ ...fleetInput, scaling: 'fixed' }, w, rates);
  const powered =
    p.scaling === 'autoscale'
      ? sizeFleet({ ...fleetInput, scaling: 'autoscale' }, w, rates)
      : fleet;
  const gpus = fleet.unitsPeak * capacity.tp;
  const capexUsd = gpus * capexPerGpu;
  const hardwareUsd = capexUsd / p.amortizationMonths;
  const kwh = energyKwh({
    gpuHours: Math.min(powered.paidUnitHours * capacity.tp, gpus * HOURS_PER_MONTH),
    tdpW: gpu.tdpW,
    utilization: powered.utilization,
    serverOverheadFraction: p.serverOverheadFraction,
    pue: p.pue,
  });
  const breakdown: SelfHostBreakdown = {
    gpuUsd: hardwareUsd * fleet.utilization,
    idleUsd: hardwareUsd * (1 - fleet.utilization),
    powerUsd: kwh * p.powerUsdPerKwh,
    colocationUsd: gpus * p.colocationUsdPerGpuMonth,
    staffUsd: p.staffUsdPerMonth,
  };
  const monthlyUsd =
    breakdown.gpuUsd +
    breakdown.idleUsd +
    breakdown.powerUsd +
    breakdown.colocationUsd +
    breakdown.staffUsd;
  return { ok: true, monthlyUsd, breakdown, fleet, gpus, capexUsd, energyKwh: kwh };
}
