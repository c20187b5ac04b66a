import type { Roi } from '../roi/roi.ts';
import {
  emptySelfHostBreakdown,
  type SelfHostBreakdown,
  type SpotSplit,
} from '../selfhost/cloud-cost.ts';
import type { DeploymentTerms } from '../selfhost/deployment.ts';
import type { Engine, Precision, ResidencyZone } from '../schema/common.ts';
import type { Placement } from '../schema/placement.ts';

export interface EvaluateOptions {
  /** Also compute the month-by-month ROI series (charts). */
  withSeries?: boolean;
  /**
   * Receives the candidate's ROI as the engine computed it, even when the scenario sets no value
   * per request (the row's `roi` is then null): its costs month by month, for projections.
   */
  roiOut?: (roi: Roi) => void;
}

/** Monthly USD by what it pays for; a placement fills the parts that apply to it. */
export interface CostBreakdown extends SelfHostBreakdown {
  inputUsd: number;
  cachedInputUsd: number;
  cacheWriteUsd: number;
  outputUsd: number;
  cacheStorageUsd: number;
}

/** How each placement kind reads in the app and the reports. */
export const PLACEMENT_LABELS: Record<Placement['kind'], string> = {
  api: 'Hosted API',
  cloud: 'Rented GPUs',
  onprem: 'Owned GPUs',
};

/** How each cost component reads. */
export const BREAKDOWN_LABELS: Record<keyof CostBreakdown, string> = {
  inputUsd: 'Input tokens',
  cachedInputUsd: 'Cached input',
  cacheWriteUsd: 'Cache writes',
  outputUsd: 'Output tokens',
  cacheStorageUsd: 'Cache storage',
  gpuUsd: 'GPU time',
  idleUsd: 'Idle capacity',
  capitalChargeUsd: 'Capital charge',
  powerUsd: 'Power',
  colocationUsd: 'Colocation',
  staffUsd: 'Operations staff',
  storageUsd: 'Weights storage',
  egressUsd: 'Egress',
  monitoringUsd: 'Monitoring',
};

export const BREAKDOWN_KEYS = [
  'inputUsd',
  'cachedInputUsd',
  'cacheWriteUsd',
  'outputUsd',
  'cacheStorageUsd',
  'gpuUsd',
  'idleUsd',
  'capitalChargeUsd',
  'powerUsd',
  'colocationUsd',
  'staffUsd',
  'storageUsd',
  'egressUsd',
  'monitoringUsd',
] as const satisfies readonly (keyof CostBreakdown)[];

export function emptyBreakdown(): CostBreakdown {
  return {
    inputUsd: 0,
    cachedInputUsd: 0,
    cacheWriteUsd: 0,
    outputUsd: 0,
    cacheStorageUsd: 0,
    ...emptySelfHostBreakdown(),
  };
}

export interface SelfHostDetail {
  gpuId: string;
  tp: number;
  precision: Precision;
  kvPrecision: Precision;
  engine: Engine;
  replicasPeak: number;
  gpusPeak: number;
  instancesPeak: number | null;
  utilization: number;
  sloConcurrency: number;
  maxConcurrency: number;
  weightsGBPerGpu: number;
  /** Replicas of `replicasPeak` kept as the availability reserve (production N+1: one). */
  reserveReplicas: number;
  /** Units (instances or servers) warm at all times: the floor and the reserve. */
  warmUnits: number;
  /** Unit-hours a month paid while new replicas load (scaling up, or up from zero). */
  warmUpUnitHours: number;
  /** Latency of a p95-size request at the chosen concurrency, when the workload gives p95 sizes. */
  p95: { ttftMs: number; tpotMs: number; e2eMs: number } | null;
  /** Owned: servers bought for peak, GPUs in each, GPUs bought (= servers × GPUs per server). */
  serversPeak: number | null;
  gpusPerServer: number | null;
  gpusBought: number | null;
  /** Owned: how the hardware is paid for. */
  owned: OwnedDetail | null;
  /** Rented: the commitment's term when the pricing is committed. */
  commitmentMonths: number | null;
  /** Rented on spot: the on-demand part and the interruption fallback. */
  spot: SpotSplit | null;
  /** The running costs' and availability's terms this candidate was costed with. */
  deployment: DeploymentTerms;
}

/** How owned hardware is paid: cash when bought, shown monthly as depreciation + capital charge. */
export interface OwnedDetail {
  serverUsd: number;
  /** Whether the server price is the catalog's (with its source) or the placement's. */
  serverPriceFrom: 'catalog' | 'placement';
  capexUsd: number;
  lifeMonths: number;
  depreciationUsd: number;
  /** The standard annuity on the capex over its life at the discount rate. */
  annuityUsd: number;
  discountRateAnnual: number;
  /** Server power beyond the GPUs, as a share of the GPUs' TDP. */
  serverOverheadFraction: number;
  /** A server's rated power (GPUs at TDP and the rest), kW: what colocation is priced on. */
  serverRatedKw: number;
  /** Hardware bought over the horizon (growth, refreshes), and its book value left at the end. */
  horizonCapexUsd: number;
  residualUsd: number;
}

export interface ApiDetail {
  /** Where the latency figures come from: a published median, the user's own measurement, or none. */
  latencySource: 'published' | 'measured' | null;
  effectiveCacheHitRate: number;
  longContext: 'none' | 'whole-request' | 'tokens-above';
  /** Share of billed requests whose prompt passes a long-context tier. */
  longContextShare: number;
  discount: number;
}

/** A check's outcome; `unknown` is never a silent pass or a silent drop. */
export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'none';

/** One candidate evaluated for one workload: the row of the comparison. */
export interface CandidateResult {
  /** Stable key: the same placement always gets the same id. */
  id: string;
  kind: Placement['kind'];
  label: string;
  modelId: string;
  modelName: string;
  /** API provider, cloud, or 'onprem'. */
  provider: string;
  regionId: string | null;
  residency: ResidencyZone | 'own';
  placement: Placement;
  feasible: boolean;
  /** Why the candidate is infeasible; empty when feasible. */
  reasons: string[];
  /** What the user should know but does not rule it out (unpublished latency, stale price). */
  warnings: string[];
  /** Steady-state run rate: the first full month of service at the stated volume. */
  monthlyUsd: number | null;
  /**
   * Total cost over the planning horizon, undiscounted: one-off setup, every month's run cost with
   * growth, commitments and hardware. The default objective ranks by it.
   */
  tcoUsd: number | null;
  /** All-in horizon cost per successful outcome served over the horizon. */
  perOutcomeUsd: number | null;
  perRequestUsd: number | null;
  perMTokUsd: number | null;
  /** Cost per successful outcome (per request ÷ success rate). */
  perSuccessUsd: number | null;
  breakdown: CostBreakdown;
  setupUsd: number;
  weeksToLaunch: number;
  ttftMs: number | null;
  tpotMs: number | null;
  e2eMs: number | null;
  quality: number | null;
  /** Against the minimum quality: met, missed, no score to check (`unknown`), or no minimum set. */
  qualityStatus: CheckStatus;
  /** Against the latency SLOs: met, missed, no figure to check (`unknown`), or no SLO set. */
  latencyStatus: CheckStatus;
  selfHost: SelfHostDetail | null;
  api: ApiDetail | null;
  energyKwhPerMonth: number | null;
  co2KgPerMonth: number | null;
  /** Net value, payback and NPV: null when the scenario sets no value per request. */
  roi: Roi | null;
  /** Filled by ranking: 1 = best feasible under the scenario's objective. */
  rank: number | null;
  recommended: boolean;
  pareto: boolean;
}
