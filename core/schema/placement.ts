import { z } from 'zod';
import {
  Engine,
  Fraction,
  Id,
  LIMITS,
  NonNegative,
  Positive,
  PositiveInt,
  Precision,
  ResidencyZone,
} from './common.ts';
import { PricingModel } from './catalog.ts';

export const ApiPlacement = z.strictObject({
  kind: z.literal('api'),
  offeringId: Id,
  /** Negotiated discount on list prices; overrides any catalog discount. */
  negotiatedDiscount: z.number().min(0).max(0.95).optional(),
});

/** How replicas follow demand: `fixed` keeps peak capacity all month; `autoscale` follows load. */
export const ScalingPolicy = z.enum(['fixed', 'autoscale']);

const SelfHostCommon = {
  modelId: Id,
  /**
   * Tensor-parallel degree; the GPUs of a replica. Unset: the layout that costs least (owned GPUs)
   * or serves the most requests per GPU (rented instances, whose price is per GPU).
   */
  tp: PositiveInt.max(64).optional(),
  precision: Precision.optional(),
  kvPrecision: Precision.optional(),
  engine: Engine.default('vllm'),
  /** Share of a replica's SLO-feasible throughput used at peak (headroom for bursts). */
  targetUtilization: z.number().min(0.05).max(1).default(0.8),
  /** Autoscaling floor: replicas kept running at all times. */
  minReplicas: z.number().int().nonnegative().max(10_000).default(1),
  scaling: ScalingPolicy.default('autoscale'),
  /** Spare replicas kept warm; overrides the scenario's reserve (operations.availability). */
  reserveReplicas: z.number().int().nonnegative().max(1000).optional(),
  /** Share of an operations engineer this deployment takes; overrides operations.staff.fte. */
  staffFte: NonNegative.max(1000).optional(),
  /** Internet egress USD per GB here; overrides operations.egressUsdPerGB. */
  egressUsdPerGB: NonNegative.max(100).optional(),
};

export const CloudPlacement = z.strictObject({
  kind: z.literal('cloud'),
  instanceId: Id,
  pricing: PricingModel.default('onDemand'),
  ...SelfHostCommon,
});

export const OnpremPlacement = z.strictObject({
  kind: z.literal('onprem'),
  gpuId: Id,
  ...SelfHostCommon,
  /** GPUs per server bought; defaults to the catalog's server for the GPU. */
  gpusPerServer: PositiveInt.max(72).optional(),
  /** Price of one whole server (GPUs, CPUs, memory, network, storage); defaults to the catalog's. */
  serverUsd: Positive.max(LIMITS.usdPerGpu * 72).optional(),
  /** Purchase price per GPU including its share of the server: server price = this × GPUs in it. */
  capexUsdPerGpu: Positive.max(LIMITS.usdPerGpu).optional(),
  /** Server power beyond the GPUs at load, watts; defaults to the catalog's server. */
  serverNonGpuPowerW: NonNegative.max(1e6).optional(),
  /** Life of the hardware: straight-line depreciation, refresh at its end. */
  amortizationMonths: PositiveInt.max(240).default(36),
  powerUsdPerKwh: NonNegative.max(100).default(0.12),
  pue: z.number().min(1).max(3).default(1.4),
  /** Server power beyond the GPUs as a share of GPU power, where no server power is known. */
  serverOverheadFraction: Fraction.default(0.3),
  /** Colocation (space, cooling, power capacity) per kW of server rating per month. */
  colocationUsdPerKwMonth: NonNegative.default(184.06),
  /** Colocation per GPU per month instead of per kW, when a contract prices it so. */
  colocationUsdPerGpuMonth: NonNegative.max(1e6).optional(),
  /** Operations staff cost per month for this deployment; overrides FTE × loaded cost. */
  staffUsdPerMonth: NonNegative.max(1e9).optional(),
  /** Owned GPUs run all month whatever the load: scaling only changes power draw. */
  scaling: ScalingPolicy.default('fixed'),
  /** Grid carbon intensity at the site, gCO2e/kWh (default: IEA world average, ~460). */
  gridGCo2PerKwh: NonNegative.max(5000).default(460),
  /** Residency zone of the site; unset means it satisfies any residency (it is your own). */
  residency: ResidencyZone.optional(),
});

export const Placement = z.discriminatedUnion('kind', [
  ApiPlacement,
  CloudPlacement,
  OnpremPlacement,
]);
export type Placement = z.infer<typeof Placement>;
export type ApiPlacement = z.infer<typeof ApiPlacement>;
export type CloudPlacement = z.infer<typeof CloudPlacement>;
export type OnpremPlacement = z.infer<typeof OnpremPlacement>;
export type SelfHostPlacement = CloudPlacement | OnpremPlacement;
