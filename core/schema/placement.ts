import { z } from 'zod';
import {
  Engine,
  Fraction,
  Id,
  NonNegative,
  Positive,
  PositiveInt,
  Precision,
  ResidencyZone,
} from './common.ts';
import { PricingModel } from './catalog.ts';
import { BurstPricing, ProvisionedChoice } from './procurement.ts';
import { Effort } from './reasoning.ts';

/** A candidate's own reasoning effort: effort levels of one model compare as separate candidates. */
const CandidateEffort = Effort.optional().describe(
  'The reasoning effort this candidate runs at (one of its model’s levels); unset: the workload’s.',
);

export const ApiPlacement = z
  .strictObject({
    kind: z.literal('api').describe('A hosted API offering.'),
    offeringId: Id.describe('The offering (model × provider × region × tier) in the catalog.'),
    negotiatedDiscount: z
      .number()
      .min(0)
      .max(0.95)
      .optional()
      .describe('Negotiated discount on list prices (0–0.95); overrides any catalog discount.'),
    provisioned: ProvisionedChoice.optional(),
    effort: CandidateEffort,
  })
  .describe('A hosted API candidate.');

/** How replicas follow demand: `fixed` keeps peak capacity all month; `autoscale` follows load. */
export const ScalingPolicy = z
  .enum(['fixed', 'autoscale'])
  .describe(
    'How replicas follow demand: fixed keeps peak capacity all month; autoscale follows load.',
  );

const SelfHostCommon = {
  modelId: Id.describe('The open-weight model served (a catalog model with its architecture).'),
  effort: CandidateEffort,
  tp: PositiveInt.max(64)
    .optional()
    .describe(
      'Tensor-parallel degree, the GPUs of one replica. Unset: the layout that costs least (owned GPUs) or serves the most requests per GPU (rented instances).',
    ),
  precision: Precision.optional().describe('Weight precision; unset: the workload’s.'),
  kvPrecision: Precision.optional().describe('KV-cache precision; unset: the workload’s rule.'),
  engine: Engine.default('vllm').describe('The serving engine.'),
  targetUtilization: z.number().min(0.05).max(1).default(0.8).meta({
    title: 'Target utilization',
    description:
      'Share of a replica’s SLO-feasible throughput used at peak (0.05–1): headroom for bursts.',
  }),
  minReplicas: z.number().int().nonnegative().max(10_000).default(1).meta({
    title: 'Autoscaling floor',
    description: 'Replicas kept running at all times.',
  }),
  scaling: ScalingPolicy.default('autoscale'),
  reserveReplicas: z
    .number()
    .int()
    .nonnegative()
    .max(1000)
    .optional()
    .describe('Spare replicas kept warm; overrides the scenario’s operations.availability.'),
  staffFte: NonNegative.max(1000)
    .optional()
    .describe(
      'Share of an operations engineer this deployment takes; overrides operations.staff.fte.',
    ),
  egressUsdPerGB: NonNegative.max(100)
    .optional()
    .describe('Internet egress, USD per GB, here; overrides operations.egressUsdPerGB.'),
};

export const CloudPlacement = z
  .strictObject({
    kind: z.literal('cloud').describe('Rented cloud GPU instances.'),
    instanceId: Id.describe('The cloud instance (type × region) in the catalog.'),
    pricing: PricingModel.default('onDemand').describe('Which of the instance’s prices to pay.'),
    burst: BurstPricing.optional(),
    committedUnits: z
      .number()
      .int()
      .nonnegative()
      .max(100_000)
      .optional()
      .describe(
        'With a 1-/3-year commitment: instances committed; unset: as many as pay for themselves (the rest on demand or spot).',
      ),
    ...SelfHostCommon,
  })
  .describe('A candidate on rented cloud GPUs.');

// Bounds far above any real value keep every product of them finite.
export const OnpremPlacement = z
  .strictObject({
    kind: z.literal('onprem').describe('Owned GPUs on premises.'),
    gpuId: Id.describe('The GPU in the catalog.'),
    ...SelfHostCommon,
    gpusPerServer: PositiveInt.max(72)
      .optional()
      .describe('GPUs per server bought; unset: the catalog’s server for the GPU.'),
    serverUsd: Positive.max(100_000_000)
      .optional()
      .describe(
        'Price of one whole server (GPUs, CPUs, memory, network, storage), USD; unset: the catalog’s.',
      ),
    capexUsdPerGpu: Positive.max(10_000_000)
      .optional()
      .describe(
        'Purchase price per GPU including its share of the server, USD: the server price is this × its GPUs.',
      ),
    serverNonGpuPowerW: NonNegative.max(1_000_000)
      .optional()
      .describe('Server power beyond the GPUs at load, watts; unset: the catalog’s server.'),
    amortizationMonths: PositiveInt.max(240).default(36).meta({
      title: 'Amortization',
      description: 'Life of the hardware, months: straight-line depreciation, refresh at its end.',
    }),
    powerUsdPerKwh: NonNegative.max(5).default(0.12).meta({
      title: 'Electricity',
      description: 'Electricity price, USD per kWh.',
    }),
    pue: z.number().min(1).max(3).default(1.4).meta({
      title: 'PUE',
      description: 'Power usage effectiveness of the site (1–3): facility power ÷ IT power.',
    }),
    serverOverheadFraction: Fraction.default(0.3).describe(
      'Server power beyond the GPUs as a share of GPU power, where no server power is known.',
    ),
    colocationUsdPerKwMonth: NonNegative.max(100_000).default(184.06).meta({
      title: 'Colocation',
      description:
        'Colocation (space, cooling, power capacity) per kW of server rating per month, USD.',
    }),
    colocationUsdPerGpuMonth: NonNegative.max(100_000)
      .optional()
      .describe('Colocation per GPU per month instead of per kW, when a contract prices it so.'),
    staffUsdPerMonth: NonNegative.max(10_000_000).optional().meta({
      title: 'Staff',
      description:
        'Operations staff cost per month for this deployment, USD; unset: FTE × loaded cost (operations).',
    }),
    /** Owned GPUs run all month whatever the load: scaling only changes power draw. */
    scaling: ScalingPolicy.default('fixed').describe(
      'Owned GPUs are paid for all month whatever the load: autoscale only lowers the power drawn.',
    ),
    gridGCo2PerKwh: NonNegative.max(5000)
      .default(460)
      .describe('Grid carbon intensity at the site, gCO2e per kWh (default: IEA world average).'),
    residency: ResidencyZone.optional().describe(
      'Residency zone of the site; unset satisfies any residency (it is your own).',
    ),
  })
  .describe('A candidate on owned GPUs.');

export const Placement = z
  .discriminatedUnion('kind', [ApiPlacement, CloudPlacement, OnpremPlacement])
  .describe('One candidate placement: api, cloud or onprem.');
export type Placement = z.infer<typeof Placement>;
export type ApiPlacement = z.infer<typeof ApiPlacement>;
export type CloudPlacement = z.infer<typeof CloudPlacement>;
export type OnpremPlacement = z.infer<typeof OnpremPlacement>;
export type SelfHostPlacement = CloudPlacement | OnpremPlacement;
