import type { Operations } from '../schema/operations.ts';
import type { OnpremPlacement, SelfHostPlacement } from '../schema/placement.ts';
import type { Workload } from '../schema/workload.ts';
import { BYTES_PER_GB, SECONDS_PER_HOUR } from '../units.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import { callsPerRequest } from '../workload/task.ts';

/**
 * What a self-hosted deployment of one model adds besides its GPUs, resolved from the scenario's
 * operations block and the placement's overrides: the availability reserve, how long a new replica
 * takes to serve, and the running costs.
 */
export interface DeploymentTerms {
  /** Spare replicas kept warm (production N+1), and a headroom share on top of demand. */
  reserveReplicas: number;
  reserveHeadroom: number;
  /** Seconds from starting a replica to serving: weights ÷ load bandwidth + engine start. */
  loadSeconds: number;
  /** Operations staff: share of an engineer and the resulting monthly cost. */
  staffFte: number;
  staffUsdPerMonth: number;
  /** Owned hardware: engineers per GPU owned, and their cost per GPU a month. */
  staffFtePerGpu: number;
  staffUsdPerGpuMonth: number;
  /** Loaded cost of an engineer a year; null when the placement gives its staff cost directly. */
  staffUsdPerFteYear: number | null;
  /** One copy of the weights in object storage. */
  weightsGB: number;
  storageUsdPerMonth: number;
  /** Responses sent out: GB per billed request and USD per GB. */
  egressGBPerRequest: number;
  egressUsdPerGB: number;
  monitoringUsdPerHostMonth: number;
  spotInterruptionsPerMonth: number;
  spotFallbackHours: number;
}

/** Decimal GB per byte: storage and egress are billed in decimal GB. */
const BYTES_PER_DECIMAL_GB = 1e9;
/**
 * Imported constants as this module's own: run by tsx (the CLI, `npm run bench`) the modules are
 * CommonJS, where each read of an import is a getter call, and every costing reads these.
 */
const GIB = BYTES_PER_GB;
const HOUR_SECONDS = SECONDS_PER_HOUR;

/**
 * Resolves the deployment terms for a placement serving a model whose replica holds
 * `weightsGiB` of weights (GiB, as the sizing reports them).
 */
export function deploymentTerms(
  ops: Operations,
  production: boolean,
  p: SelfHostPlacement,
  w: Workload,
  weightsGiB: number,
): DeploymentTerms {
  const a = ops.availability;
  const weightsGB = (weightsGiB * GIB) / BYTES_PER_DECIMAL_GB;
  const staffFte = p.staffFte ?? ops.staff.fte[p.kind];
  const staffOverride = p.kind === 'onprem' ? (p as OnpremPlacement).staffUsdPerMonth : undefined;
  const perGpuFte =
    p.kind === 'onprem' && staffOverride === undefined ? ops.staff.ftePerOwnedGpu : 0;
  return {
    reserveReplicas: p.reserveReplicas ?? (production ? a.reserveReplicas : 0),
    reserveHeadroom: production ? a.reserveHeadroom : 0,
    loadSeconds: weightsGB / a.weightsLoadGBps + a.engineStartS,
    staffFte,
    staffUsdPerMonth: staffOverride ?? (staffFte * ops.staff.usdPerFteYear) / 12,
    staffFtePerGpu: perGpuFte,
    staffUsdPerGpuMonth: (perGpuFte * ops.staff.usdPerFteYear) / 12,
    staffUsdPerFteYear: staffOverride === undefined ? ops.staff.usdPerFteYear : null,
    weightsGB,
    storageUsdPerMonth: weightsGB * ops.storageUsdPerGBMonth,
    // A task answers once per turn: its visible output leaves every turn.
    egressGBPerRequest:
      (w.outputTokens.mean * callsPerRequest(w) * ops.egressBytesPerOutputToken) /
      BYTES_PER_DECIMAL_GB,
    egressUsdPerGB: p.egressUsdPerGB ?? ops.egressUsdPerGB,
    monitoringUsdPerHostMonth: ops.monitoringUsdPerHostMonth,
    spotInterruptionsPerMonth: ops.spot.interruptionsPerMonth,
    spotFallbackHours: ops.spot.fallbackHours,
  };
}

/** Hours a new replica is paid before it serves. */
export function loadHours(t: DeploymentTerms): number {
  return t.loadSeconds / HOUR_SECONDS;
}

/** Running costs of a month besides the GPUs, by what they pay for. */
export interface RunningCosts {
  staffUsd: number;
  storageUsd: number;
  egressUsd: number;
  monitoringUsd: number;
}

/**
 * Writes a month's running costs into `out`: `hosts` monitored (billed at the month's peak count:
 * instances or servers), `ownedGpus` for owned hardware's staff.
 */
export function runningCosts(
  t: DeploymentTerms,
  rates: WorkloadRates,
  hosts: number,
  ownedGpus: number,
  out: RunningCosts,
): number {
  out.staffUsd = t.staffUsdPerMonth + ownedGpus * t.staffUsdPerGpuMonth;
  out.storageUsd = t.storageUsdPerMonth;
  out.egressUsd = rates.billedRequestsPerMonth * t.egressGBPerRequest * t.egressUsdPerGB;
  out.monitoringUsd = hosts * t.monitoringUsdPerHostMonth;
  return out.staffUsd + out.storageUsd + out.egressUsd + out.monitoringUsd;
}
