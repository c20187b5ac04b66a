import { z } from 'zod';
import { Objective } from '../decision/objective.ts';
import { Engine, Id, IsoDate, Positive } from './common.ts';
import {
  Discount,
  Gpu,
  Instance,
  Model,
  Offering,
  PricingModel,
  Provider,
  Region,
} from './catalog.ts';
import { Operations } from './operations.ts';
import { OnpremPlacement, Placement, ScalingPolicy } from './placement.ts';
import { resolveRanges } from '../uncertainty/ranges.ts';
import { Uncertainty } from './uncertainty.ts';
import { ValueAssumptions } from './value.ts';
import { Workload } from './workload.ts';

export const SCENARIO_SCHEMA_VERSION = 1;

/** Filters that pick candidates from the catalog; an empty list means "all". */
export const CandidateSweep = z.strictObject({
  api: z
    .strictObject({
      providers: z.array(Id).default([]),
      families: z.array(z.string()).default([]),
      models: z.array(Id).default([]),
    })
    .optional(),
  cloud: z
    .strictObject({
      models: z.array(Id).default([]),
      families: z.array(z.string()).default([]),
      clouds: z.array(Id).default([]),
      gpus: z.array(Id).default([]),
      pricing: z.array(PricingModel).min(1).default(['onDemand']),
      engine: Engine.default('vllm'),
      scaling: ScalingPolicy.default('autoscale'),
      minReplicas: z.number().int().nonnegative().max(10_000).default(1),
      /** Share of a replica's SLO capacity used at peak (headroom for bursts). */
      targetUtilization: z.number().min(0.05).max(1).default(0.8),
      /** Every region of each instance type, or only the cheapest one the workload may use. */
      regionChoice: z.enum(['every', 'cheapest']).default('every'),
    })
    .optional(),
  onprem: z
    .strictObject({
      models: z.array(Id).default([]),
      families: z.array(z.string()).default([]),
      gpus: z.array(Id).default([]),
      engine: Engine.default('vllm'),
      assumptions: OnpremPlacement.omit({ kind: true, gpuId: true, modelId: true })
        .partial()
        .default({}),
    })
    .optional(),
});
export type CandidateSweep = z.infer<typeof CandidateSweep>;

export const InlineCatalog = z.strictObject({
  providers: z.array(Provider).default([]),
  models: z.array(Model).default([]),
  offerings: z.array(Offering).default([]),
  gpus: z.array(Gpu).default([]),
  instances: z.array(Instance).default([]),
  regions: z.array(Region).default([]),
});
export type InlineCatalog = z.infer<typeof InlineCatalog>;

export const Constraints = z.strictObject({
  /** Candidates above this monthly cost are infeasible. */
  maxMonthlyUsd: Positive.max(1e18).optional(),
});

export const Scenario = z
  .strictObject({
    schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
    name: z.string().min(1).max(200),
    description: z.string().max(5000).default(''),
    /** What "best" means: ranking, the recommendation, charts and reports follow it. */
    objective: Objective.default('tco'),
    workload: Workload,
    value: ValueAssumptions.default(ValueAssumptions.parse({})),
    /** Running costs and availability of self-hosted placements: staff, storage, egress, reserve. */
    operations: Operations.default(Operations.parse({})),
    candidates: z.array(Placement).max(10_000).default([]),
    sweep: CandidateSweep.optional(),
    constraints: Constraints.default({}),
    /** Offerings, models, GPUs or instances defined in the file (custom or negotiated prices). */
    catalog: InlineCatalog.optional(),
    discounts: z.array(Discount).default([]),
    /**
     * Evaluate with the prices the catalog knew to hold on this day (a past date re-runs an old
     * decision). Unset: the day it is evaluated.
     */
    asOf: IsoDate.optional(),
    /**
     * The horizon's first month starts on this day, and a known price change (a promotion's end)
     * applies in the months it covers. Unset: the as-of day.
     */
    startDate: IsoDate.optional(),
    /** Ranges on inputs and how their futures are simulated; absent: point values only. */
    uncertainty: Uncertainty.optional(),
  })
  .refine((s) => s.objective !== 'npv' || s.value.perRequest !== undefined, {
    message: 'the npv objective needs a value per request (value.perRequest)',
    path: ['objective'],
  })
  .superRefine((s, ctx) => {
    if (s.uncertainty === undefined) return;
    const resolved = resolveRanges(s.uncertainty, s);
    if (resolved.ok) return;
    for (const issue of resolved.issues) ctx.addIssue({ code: 'custom', ...issue });
  });
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
