import { capitalChargeUsdPerMonth } from '../roi/capital.ts';
import type { Gpu } from '../schema/catalog.ts';
import type { OnpremPlacement } from '../schema/placement.ts';
import type { Workload } from '../schema/workload.ts';
import { HOURS_PER_MONTH } from '../units.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import type { ReplicaCapacity } from './capacity.ts';
import { emptySelfHostBreakdown, type SelfHostBreakdown } from './cloud-cost.ts';
import { loadHours, runningCosts, type DeploymentTerms } from './deployment.ts';
import { energyKwh } from './energy.ts';
import { sizeFleet, type FleetInput, type FleetSizing } from './fleet.ts';

export type OnpremTerms = Pick<
  OnpremPlacement,
  | 'gpusPerServer'
  | 'serverUsd'
  | 'capexUsdPerGpu'
  | 'serverNonGpuPowerW'
  | 'amortizationMonths'
  | 'powerUsdPerKwh'
  | 'pue'
  | 'serverOverheadFraction'
  | 'colocationUsdPerKwMonth'
  | 'colocationUsdPerGpuMonth'
  | 'targetUtilization'
  | 'minReplicas'
  | 'scaling'
>;

/** The server owned GPUs are bought in, and where its figures come from. */
export interface ServerSpec {
  gpus: number;
  usd: number;
  /** Server power beyond the GPUs as a share of the GPUs' TDP. */
  overheadFraction: number;
  /** The server's rated power (GPUs at TDP plus the rest), kW: what colocation is priced on. */
  ratedKw: number;
  /** 'catalog' when the catalog's server row gives the price, else 'placement'. */
  priceFrom: 'catalog' | 'placement';
}

/**
 * The server for a GPU under a placement's overrides: GPUs per server and price from the placement
 * (a server price, or a price per GPU × GPUs), else the catalog's server row. No server price is a
 * reason, not a guess: the bare card is not what a buyer pays.
 */
export function serverSpec(p: OnpremTerms, gpu: Gpu): ServerSpec | { reason: string } {
  const gpus = p.gpusPerServer ?? gpu.server?.gpus ?? (p.capexUsdPerGpu !== undefined ? 1 : 0);
  if (gpus === 0) {
    return { reason: `no server price for ${gpu.name}: set serverUsd and gpusPerServer` };
  }
  const fromPlacement =
    p.serverUsd ?? (p.capexUsdPerGpu === undefined ? undefined : p.capexUsdPerGpu * gpus);
  const fromCatalog = gpu.server?.gpus === gpus ? gpu.server.usd : undefined;
  const usd = fromPlacement ?? fromCatalog;
  if (usd === undefined) {
    return {
      reason: `no price for a ${gpus}-GPU ${gpu.name} server: set serverUsd (the catalog's has ${gpu.server?.gpus ?? 'no'} GPUs)`,
    };
  }
  if (gpu.tdpW === undefined) return { reason: `no TDP for ${gpu.name}: power unknown` };
  const nonGpuW =
    p.serverNonGpuPowerW ?? (gpu.server?.gpus === gpus ? gpu.server.nonGpuPowerW : undefined);
  const overheadFraction =
    nonGpuW === undefined ? p.serverOverheadFraction : nonGpuW / (gpus * gpu.tdpW);
  return {
    gpus,
    usd,
    overheadFraction,
    ratedKw: (gpus * gpu.tdpW * (1 + overheadFraction)) / 1000,
    priceFrom: fromPlacement === undefined ? 'catalog' : 'placement',
  };
}

/** Replicas a server holds: ⌊GPUs ÷ tp⌋, or a fraction when one replica spans servers. */
export function replicasPerServer(gpusPerServer: number, tp: number): number {
  return tp <= gpusPerServer ? Math.floor(gpusPerServer / tp) : 1 / Math.ceil(tp / gpusPerServer);
}

export type OnpremCost =
  | {
      ok: true;
      /** The monthly view: depreciation + capital charge + running costs. */
      monthlyUsd: number;
      /** What is paid each month, without the hardware (its capex is cash when bought). */
      runUsd: number;
      breakdown: SelfHostBreakdown;
      /** The fleet bought for peak (servers are the unit), and the fleet powered. */
      fleet: FleetSizing;
      powered: FleetSizing;
      server: ServerSpec;
      serversPeak: number;
      gpusBought: number;
      capexUsd: number;
      depreciationUsd: number;
      energyKwh: number;
    }
  | { ok: false; reason: string };

function fleetInput(
  p: OnpremTerms,
  capacity: Extract<ReplicaCapacity, { ok: true }>,
  server: ServerSpec,
  terms: DeploymentTerms,
  scaling: FleetInput['scaling'],
): FleetInput {
  return {
    replicaRequestsPerSAtSlo: capacity.requestsPerSAtSlo,
    replicaRequestsPerSSaturated: capacity.requestsPerSSaturated,
    replicasPerUnit: replicasPerServer(server.gpus, capacity.tp),
    targetUtilization: p.targetUtilization,
    minReplicas: p.minReplicas,
    reserveReplicas: terms.reserveReplicas,
    reserveHeadroom: terms.reserveHeadroom,
    loadHours: loadHours(terms),
    scaling,
  };
}

/**
 * Cost of owned GPUs in a month. Servers are bought whole for peak (the reserve included) and kept;
 * `heldServers` (bought for an earlier month's peak) can be more than the month needs. The monthly
 * view spreads the hardware as straight-line depreciation over its life plus a capital charge at
 * the discount rate (the standard annuity less depreciation); `runUsd` is what is paid each month
 * without it. Power follows utilization (× server overhead × PUE); with `autoscale` the servers
 * demand does not need are powered down. Colocation is per GPU owned, monitoring per server.
 */
export function onpremCost(
  p: OnpremTerms,
  gpu: Gpu,
  capacity: Extract<ReplicaCapacity, { ok: true }>,
  w: Workload,
  rates: WorkloadRates,
  terms: DeploymentTerms,
  discountRateAnnual: number,
  heldServers = 0,
): OnpremCost {
  const server = serverSpec(p, gpu);
  if ('reason' in server) return { ok: false, reason: server.reason };
  const tdpW = gpu.tdpW as number;
  const fleet = sizeFleet(fleetInput(p, capacity, server, terms, 'fixed'), w, rates);
  const powered =
    p.scaling === 'autoscale'
      ? sizeFleet(fleetInput(p, capacity, server, terms, 'autoscale'), w, rates)
      : fleet;
  const servers = Math.max(fleet.unitsPeak, heldServers);
  const gpus = servers * server.gpus;
  const capexUsd = servers * server.usd;
  const depreciationUsd = capexUsd / p.amortizationMonths;
  const utilization =
    servers > 0 ? Math.min(1, fleet.usedUnitHours / (servers * HOURS_PER_MONTH)) : 0;
  const kwh = energyKwh({
    gpuHours: Math.min(powered.paidUnitHours, servers * HOURS_PER_MONTH) * server.gpus,
    tdpW,
    utilization: powered.utilization,
    serverOverheadFraction: server.overheadFraction,
    pue: p.pue,
  });
  const b = emptySelfHostBreakdown();
  b.gpuUsd = depreciationUsd * utilization;
  b.idleUsd = depreciationUsd - b.gpuUsd;
  b.capitalChargeUsd = capitalChargeUsdPerMonth(capexUsd, p.amortizationMonths, discountRateAnnual);
  b.powerUsd = kwh * p.powerUsdPerKwh;
  b.colocationUsd =
    p.colocationUsdPerGpuMonth === undefined
      ? servers * server.ratedKw * p.colocationUsdPerKwMonth
      : gpus * p.colocationUsdPerGpuMonth;
  const running = runningCosts(terms, rates, servers, gpus, b);
  const runUsd = b.powerUsd + b.colocationUsd + running;
  return {
    ok: true,
    monthlyUsd: depreciationUsd + b.capitalChargeUsd + runUsd,
    runUsd,
    breakdown: b,
    fleet,
    powered,
    server,
    serversPeak: servers,
    gpusBought: gpus,
    capexUsd,
    depreciationUsd,
    energyKwh: kwh,
  };
}
