import type { CandidateCommitment, CandidateNegotiated } from '../commitments/types.ts';
import type { Roi } from '../roi/roi.ts';
import {
  emptySelfHostBreakdown,
  type SelfHostBreakdown,
  type SpotSplit,
} from '../selfhost/cloud-cost.ts';
import type { DeploymentTerms } from '../selfhost/deployment.ts';
import type { Engine, Precision, ResidencyZone } from '../schema/common.ts';
import type { Placement } from '../schema/placement.ts';
import type { CandidateKind, CandidatePlacement } from '../schema/route.ts';
import type { Effort, ModelReasoning } from '../schema/reasoning.ts';
import type { TurnCost } from '../pricing/api-cost.ts';
import type { ReasoningSource } from '../workload/reasoning.ts';

export interface EvaluateOptions {
  /** Also compute the month-by-month ROI series (charts). */
  withSeries?: boolean;
  /**
   * Receives the candidate's ROI as the engine computed it, even when the scenario sets no value
   * per request (the row's `roi` is then null): its costs month by month, for projections.
   */
  roiOut?: (roi: Roi) => void;
  /**
   * Only what ranking reads (costs, the objective): no commitment detail and risk. What-ifs at
   * other volumes evaluate hundreds of rows this way.
   */
  brief?: boolean;
}

/** Monthly USD by what it pays for; a placement fills the parts that apply to it. */
export interface CostBreakdown extends SelfHostBreakdown {
  inputUsd: number;
  cachedInputUsd: number;
  cacheWriteUsd: number;
  /** Visible output tokens. */
  outputUsd: number;
  /** Hidden reasoning tokens (billed as output). */
  reasoningUsd: number;
  cacheStorageUsd: number;
  /** A route's router (or cascade judge): its own cost per request. */
  routerUsd: number;
  /** Provisioned-throughput units (hosted APIs bought by the unit). */
  provisionedUsd: number;
}

/** How each placement kind reads in the app and the reports. */
export const PLACEMENT_LABELS: Record<CandidateKind, string> = {
  api: 'Hosted API',
  cloud: 'Rented GPUs',
  onprem: 'Owned GPUs',
  route: 'Route',
};

/** How each cost component reads. */
export const BREAKDOWN_LABELS: Record<keyof CostBreakdown, string> = {
  inputUsd: 'Input tokens',
  cachedInputUsd: 'Cached input',
  cacheWriteUsd: 'Cache writes',
  outputUsd: 'Output tokens',
  reasoningUsd: 'Reasoning tokens',
  cacheStorageUsd: 'Cache storage',
  provisionedUsd: 'Provisioned units',
  gpuUsd: 'GPU time',
  idleUsd: 'Idle capacity',
  capitalChargeUsd: 'Capital charge',
  powerUsd: 'Power',
  colocationUsd: 'Colocation',
  staffUsd: 'Operations staff',
  storageUsd: 'Weights storage',
  egressUsd: 'Egress',
  monitoringUsd: 'Monitoring',
  routerUsd: 'Router',
};

export const BREAKDOWN_KEYS = [
  'inputUsd',
  'cachedInputUsd',
  'cacheWriteUsd',
  'outputUsd',
  'reasoningUsd',
  'cacheStorageUsd',
  'provisionedUsd',
  'gpuUsd',
  'idleUsd',
  'capitalChargeUsd',
  'powerUsd',
  'colocationUsd',
  'staffUsd',
  'storageUsd',
  'egressUsd',
  'monitoringUsd',
  'routerUsd',
] as const satisfies readonly (keyof CostBreakdown)[];

export function emptyBreakdown(): CostBreakdown {
  // A literal (one spread at the end): spreading the API part in too made every row's breakdown
  // a slow object (2 % of a full sweep's profile, for its 156 owned-GPU rows).
  return {
    inputUsd: 0,
    cachedInputUsd: 0,
    cacheWriteUsd: 0,
    outputUsd: 0,
    reasoningUsd: 0,
    cacheStorageUsd: 0,
    routerUsd: 0,
    provisionedUsd: 0,
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

/** How a candidate reasons: the level, the tokens and where the figure comes from. */
export interface ReasoningDetail {
  effort: Effort;
  from: ReasoningSource;
  /** The catalog's figure as stated (a multiple of visible output, or a count), when it is used. */
  multipleOfOutput: number | null;
  basis: 'coding-task' | 'chat-request' | null;
  /** How the catalog's figure was measured or derived. */
  method: string | null;
  /** What the provider is sent for the level. */
  setting: string;
  visibility: ModelReasoning['visibility'];
  billing: ModelReasoning['billing'];
  /** Where the reasoning facts (and the figure) come from. */
  source: string;
  asOf: string;
}

/** An agent task as the candidate serves it. */
export interface TaskDetail {
  turns: number;
  /**
   * Each turn priced at its own context size (hosted APIs); null when self-hosted, where the
   * fleet is sized at the mean turn (its carried context prefix-cached).
   */
  perTurn: TurnCost[] | null;
  /** The mean turn's prompt and the share of it read from a cache (API) or prefix cache (self-hosted). */
  meanPromptTokens: number;
  largestPromptTokens: number;
  /** Seconds between turns for the cache's TTL: the model's time per turn and the tool's. */
  turnGapSeconds: number | null;
}

/** A check's outcome; `unknown` is never a silent pass or a silent drop. */
export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'none';

/** One candidate evaluated for one workload: the row of the comparison. */
export interface CandidateResult {
  /** Stable key: the same placement always gets the same id. */
  id: string;
  kind: CandidateKind;
  label: string;
  modelId: string;
  modelName: string;
  /** API provider, cloud, or 'onprem'. */
  provider: string;
  regionId: string | null;
  residency: ResidencyZone | 'own';
  placement: CandidatePlacement;
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
  /** Time to the first token streamed (a reasoning token where reasoning streams). */
  ttftMs: number | null;
  /** Time to the first visible (answer) token: after the hidden reasoning. */
  ttftVisibleMs: number | null;
  tpotMs: number | null;
  /** The whole request (a task's turn), reasoning included. */
  e2eMs: number | null;
  /** The reasoning effort the candidate runs at; null for a model that does not reason. */
  effort: Effort | null;
  /** Hidden reasoning tokens per request (per turn of a task); 0 for models that do not reason. */
  reasoningTokensPerRequest: number;
  /**
   * Share of the monthly cost reasoning takes: its output tokens (hosted APIs), the replica
   * capacity it takes (self-hosted); null when uncosted.
   */
  reasoningShareOfCost: number | null;
  reasoning: ReasoningDetail | null;
  /** A task workload's cost per task (requests count tasks); null for request workloads. */
  costPerTaskUsd: number | null;
  /** Cost per task ÷ the success rate. */
  costPerSuccessfulTaskUsd: number | null;
  /** A task's end-to-end time: its turns (reasoning included) and the tools between them. */
  taskSeconds: number | null;
  /** The first turn that costs at least twice the first (hosted APIs). */
  costDoublesAtTurn: number | null;
  task: TaskDetail | null;
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
  /** A route's arms and its mixture; null for a single placement. */
  route: RouteDetail | null;
  /** Committed capacity (reserved instances, provisioned throughput) and its risk; null: none. */
  commitment: CandidateCommitment | null;
  /** Negotiated terms the candidate is priced with; null: list prices. */
  negotiated: CandidateNegotiated | null;
  /** Filled by ranking: 1 = best feasible under the scenario's objective. */
  rank: number | null;
  recommended: boolean;
  pareto: boolean;
}

/** One arm of a route as evaluated at the share of the requests it answers. */
export interface RouteArmResult {
  /** The arm's own candidate id and label, as the arm alone appears in the comparison. */
  id: string;
  label: string;
  kind: Placement['kind'];
  /** Share of all requests this arm answers or attempts (a cascade's small arm: all). */
  share: number;
  monthlyUsd: number | null;
  /** The arm alone over the horizon, its own setup included (the route counts one setup per kind). */
  tcoUsd: number | null;
  /** The arm's own setup, USD. */
  setupUsd: number;
  ttftMs: number | null;
  e2eMs: number | null;
  quality: number | null;
}

/** How a route splits and what it costs against its large arm alone. */
export interface RouteDetail {
  mode: 'router' | 'cascade';
  small: RouteArmResult;
  large: RouteArmResult;
  /** Share of requests answered by the large arm (the router's complement, the cascade's escalations). */
  escalationShare: number;
  routerUsdPerRequest: number;
  routerMonthlyUsd: number;
  routerLatencyMs: number;
  /** p95 of TTFT over the two paths, each path at its mean TTFT. */
  ttftP95Ms: number | null;
  /** The large arm alone at the full volume: what the route is measured against. */
  largeAloneMonthlyUsd: number | null;
  /** The escalation share at which the route costs what the large arm alone does; null if none in 0–1. */
  breakEvenEscalationShare: number | null;
}
