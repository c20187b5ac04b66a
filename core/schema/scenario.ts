import { z } from 'zod';
import { Objective } from '../decision/objective.ts';
import { Engine, Id, IsoDate, Positive } from './common.ts';
import {
  Gpu,
  Instance,
  Model,
  Offering,
  PricingModel,
  Provider,
  Region,
  ScenarioDiscount,
} from './catalog.ts';
import { BurstPricing } from './procurement.ts';
import { Operations } from './operations.ts';
import { Budget, Pooling, PortfolioWorkload } from './portfolio.ts';
import { LeverAssumptions } from './levers.ts';
import { OnpremPlacement, ScalingPolicy } from './placement.ts';
import { CandidatePlacement } from './route.ts';
import { Effort } from './reasoning.ts';
import { resolveRanges } from '../uncertainty/ranges.ts';
import { Uncertainty } from './uncertainty.ts';
import { ValueAssumptions } from './value.ts';
import { Workload } from './workload.ts';
import { growthIssue } from './growth-limit.ts';

/** The version this Modelwise writes; older files are upgraded on reading (core/scenario/migrate.ts). */
export const SCENARIO_SCHEMA_VERSION = 2;

const ids = (what: string) =>
  z
    .array(Id.describe(`A ${what} id.`))
    .default([])
    .describe(`Only these ${what}s; empty means all.`);
const families = () =>
  z
    .array(z.string().describe('A model family name.'))
    .default([])
    .describe('Only models of these families; empty means all.');

/** Filters that pick candidates from the catalog; an empty list means "all". */
export const CandidateSweep = z
  .strictObject({
    api: z
      .strictObject({
        providers: ids('provider'),
        families: families(),
        models: ids('model'),
        provisioned: z
          .boolean()
          .default(false)
          .describe(
            'Also every priced provisioned-throughput term of the offerings swept, each a candidate.',
          ),
      })
      .optional()
      .describe('Sweep hosted API offerings; absent: none.'),
    cloud: z
      .strictObject({
        models: ids('model'),
        families: families(),
        clouds: ids('cloud'),
        gpus: ids('GPU'),
        pricing: z
          .array(PricingModel)
          .min(1)
          .default(['onDemand'])
          .describe('The instance prices to compare (each one a candidate).'),
        burst: BurstPricing.default('onDemand'),
        engine: Engine.default('vllm').describe('The serving engine.'),
        scaling: ScalingPolicy.default('autoscale'),
        minReplicas: z.number().int().nonnegative().max(10_000).default(1).meta({
          title: 'Autoscaling floor',
          description: 'Replicas kept running at all times.',
        }),
        targetUtilization: z.number().min(0.05).max(1).default(0.8).meta({
          title: 'Target utilization',
          description:
            'Share of a replica’s SLO capacity used at peak (0.05–1): headroom for bursts.',
        }),
        regionChoice: z
          .enum(['every', 'cheapest'])
          .default('every')
          .describe(
            'Every region of each instance type, or only the cheapest one the workload may use.',
          ),
      })
      .optional()
      .describe('Sweep open-weight models on rented cloud GPU instances; absent: none.'),
    onprem: z
      .strictObject({
        models: ids('model'),
        families: families(),
        gpus: ids('GPU'),
        engine: Engine.default('vllm').describe('The serving engine.'),
        assumptions: OnpremPlacement.omit({ kind: true, gpuId: true, modelId: true })
          .partial()
          .default({})
          .describe('Owned-GPU assumptions for every swept candidate; unset ones take defaults.'),
      })
      .optional()
      .describe('Sweep open-weight models on owned GPUs; absent: none.'),
    efforts: z
      .array(Effort)
      .max(7)
      .optional()
      .describe(
        'Reasoning efforts to compare: a reasoning model becomes one candidate per listed level it offers (others one candidate at the workload’s effort); empty: the workload’s effort only.',
      ),
  })
  .describe('Catalog candidates to compare, picked by filters.');
export type CandidateSweep = z.infer<typeof CandidateSweep>;

export const InlineCatalog = z
  .strictObject({
    providers: z.array(Provider).default([]).describe('Providers defined in the file.'),
    models: z.array(Model).default([]).describe('Models defined in the file.'),
    offerings: z
      .array(Offering)
      .default([])
      .describe('API offerings defined in the file (custom or negotiated prices).'),
    gpus: z.array(Gpu).default([]).describe('GPUs defined in the file.'),
    instances: z.array(Instance).default([]).describe('Cloud instances defined in the file.'),
    regions: z.array(Region).default([]).describe('Regions defined in the file.'),
  })
  .describe('Catalog rows defined in the file; they add to (or replace, by id) the local catalog.');
export type InlineCatalog = z.infer<typeof InlineCatalog>;

export const Constraints = z
  .strictObject({
    maxMonthlyUsd: Positive.max(1e12).optional().meta({
      title: 'Budget',
      description: 'Candidates above this monthly cost, USD, are infeasible.',
    }),
  })
  .describe('Limits every candidate must keep.');

/** The fields a portfolio's workloads share, as in a file (schema version 2): its heading. */
const SHARED_HEAD = {
  $schema: z
    .string()
    .max(2000)
    .optional()
    .describe(
      'The JSON Schema this file follows, for editors that validate it; Modelwise ignores the value.',
    ),
  name: z.string().min(1).max(200).describe('The scenario’s name.'),
  description: z.string().max(5000).default('').describe('Notes on the scenario.'),
  objective: Objective.default('tco').describe(
    'What "best" means: ranking, the recommendation, charts and reports follow it.',
  ),
};

/** The assumptions after the workloads, as a file lists them. */
const SHARED_TAIL = {
  operations: Operations.default(Operations.parse({})).describe(
    'Running costs and availability of self-hosted placements: staff, storage, egress, reserve.',
  ),
  candidates: z
    .array(CandidatePlacement)
    .max(10_000)
    .default([])
    .describe('Candidates named one by one (in addition to the sweep), routes among them.'),
  sweep: CandidateSweep.optional(),
  constraints: Constraints.default({}),
  catalog: InlineCatalog.optional(),
  discounts: z
    .array(ScenarioDiscount)
    .max(1000)
    .default([])
    .describe(
      'Negotiated terms that apply in this scenario, over the catalog’s discounts (which stay the organization-wide defaults).',
    ),
  asOf: IsoDate.optional().describe(
    'Evaluate with the prices the catalog knew to hold on this day (a past date re-runs an old decision); unset: the day it is evaluated.',
  ),
  startDate: IsoDate.optional().describe(
    'The horizon’s first month starts on this day, so a known price change (a promotion’s end) applies in the months it covers; unset: the as-of day.',
  ),
  levers: LeverAssumptions.optional().describe(
    'Assumptions of the savings list’s levers (routing, trimming, fine-tuning); absent: their defaults.',
  ),
  uncertainty: Uncertainty.optional().describe(
    'Ranges on inputs and how their futures are simulated; absent: point values only.',
  ),
};

/** Every field of one workload's scenario but its snapshots. */
const scenarioFields = {
  ...SHARED_HEAD,
  schemaVersion: z
    .number()
    .int()
    .min(1)
    .max(SCENARIO_SCHEMA_VERSION)
    .describe('The file format version the scenario was read from.'),
  workload: Workload.describe('The workload every candidate is sized and priced for.'),
  value: ValueAssumptions.default(ValueAssumptions.parse({})).describe(
    'What requests are worth and what launching costs: the ROI inputs.',
  ),
  ...SHARED_TAIL,
};

/** A scenario without its snapshots: what a snapshot holds (a type only; parsing uses Scenario). */
type ScenarioCoreSchema = z.ZodObject<typeof scenarioFields, z.core.$strict>;
export type ScenarioCore = z.output<ScenarioCoreSchema>;
type ScenarioCoreInput = z.input<ScenarioCoreSchema>;

/** Enough for a long workshop; a file with more is refused, not truncated. */
const MAX_SNAPSHOTS = 100;

/**
 * The state of a workload's scenario captured during a session (a workshop's baseline, "after ×10
 * volume"), kept in the scenario file so a later session can compare with it and return to it.
 * It holds what the workshop edits and evaluates: one workload with the shared assumptions as
 * they were (in a file of several, `workloadId` says which workload it was taken on).
 */
export const Snapshot = z
  .strictObject({
    name: z.string().min(1).max(200).describe('What the snapshot is called in the strip.'),
    takenAt: z.iso
      .datetime({ offset: true })
      .describe('When it was taken (ISO 8601 date and time).'),
    workloadId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe(
        'The id of the workload it was taken on; absent: the file’s first (a file of one workload).',
      ),
    scenario: z
      .lazy(
        (): z.ZodType<ScenarioCore, ScenarioCoreInput> =>
          // The whole scenario schema, so a snapshot is checked like a workload's scenario; its
          // own snapshots are refused below.
          Scenario as unknown as z.ZodType<ScenarioCore, ScenarioCoreInput>,
      )
      .describe(
        'The workload’s scenario as it was when the snapshot was taken (without snapshots of its own).',
      ),
  })
  .refine((s) => !('snapshots' in s.scenario) || s.scenario.snapshots === undefined, {
    message: 'a snapshot holds no snapshots of its own',
    path: ['scenario', 'snapshots'],
  })
  .meta({ id: 'Snapshot', description: 'A named, timed copy of a workload’s scenario.' });
export type Snapshot = z.infer<typeof Snapshot>;

/** The snapshots field, made anew for each schema that has it (so each keeps its description). */
const snapshotsField = () =>
  z
    .array(Snapshot)
    .max(MAX_SNAPSHOTS)
    .optional()
    .describe(
      'States captured during a session, oldest first, to compare with and return to; absent: none.',
    );

/**
 * One workload's scenario: what the engine evaluates. A portfolio file gives one per workload
 * (core/portfolio/derive.ts); every single-workload feature (objective, explanation, TCO,
 * uncertainty, snapshots) works on it.
 */
export const Scenario = z
  .strictObject({
    ...scenarioFields,
    snapshots: snapshotsField(),
  })
  .describe('A Modelwise scenario: a workload, the candidates to compare, and the assumptions.')
  .refine((s) => s.objective !== 'npv' || s.value.perRequest !== undefined, {
    message: 'the npv objective needs a value per request (value.perRequest)',
    path: ['objective'],
  })
  .superRefine((s, ctx) => {
    const growth = growthIssue(s.workload, s.value.horizonMonths);
    if (growth !== null)
      ctx.addIssue({ code: 'custom', message: growth, path: ['workload', 'monthlyGrowthPct'] });
    if (s.uncertainty === undefined) return;
    const resolved = resolveRanges(s.uncertainty, s);
    if (resolved.ok) return;
    for (const issue of resolved.issues) ctx.addIssue({ code: 'custom', ...issue });
  });
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/** The assumptions every workload of a portfolio shares: a request's worth is per workload. */
export const SharedValue = ValueAssumptions.omit({ perRequest: true, successRate: true });

/**
 * A scenario file (schema version 2): one or more workloads, each with its owner, tags and value,
 * over one candidate space and one set of assumptions; shared pools and budgets across them.
 */
export const ScenarioFile = z
  .strictObject({
    ...SHARED_HEAD,
    schemaVersion: z
      .literal(SCENARIO_SCHEMA_VERSION)
      .describe('The scenario file format version; older versions are upgraded on opening.'),
    workloads: z
      .array(PortfolioWorkload)
      .min(1)
      .max(100)
      .describe('The workloads: each evaluated over the candidates, recommended on its own.'),
    value: SharedValue.default(SharedValue.parse({})).describe(
      'What launching costs and the horizon and discount rate the ROI is counted over.',
    ),
    ...SHARED_TAIL,
    pooling: Pooling.default(Pooling.parse({})),
    budgets: z.array(Budget).max(100).default([]).describe('Monthly budgets per team or workload.'),
    snapshots: snapshotsField(),
  })
  .describe('A Modelwise scenario file: workloads, the candidates to compare, and the assumptions.')
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.workloads.forEach((w, i) => {
      if (ids.has(w.id))
        ctx.addIssue({
          code: 'custom',
          message: `'${w.id}' is used twice`,
          path: ['workloads', i, 'id'],
        });
      ids.add(w.id);
      const growth = growthIssue(w.workload, f.value.horizonMonths);
      if (growth !== null)
        ctx.addIssue({
          code: 'custom',
          message: growth,
          path: ['workloads', i, 'workload', 'monthlyGrowthPct'],
        });
      if (f.objective === 'npv' && w.value.perRequest === undefined)
        ctx.addIssue({
          code: 'custom',
          message: `the npv objective needs a value per request (workloads[${i}].value.perRequest)`,
          path: ['objective'],
        });
      if (f.uncertainty !== undefined) {
        const resolved = resolveRanges(f.uncertainty, {
          workload: w.workload,
          value: { ...f.value, ...w.value },
        });
        if (!resolved.ok)
          for (const issue of resolved.issues) ctx.addIssue({ code: 'custom', ...issue });
      }
    });
    (f.snapshots ?? []).forEach((s, i) => {
      if (s.workloadId !== undefined && !ids.has(s.workloadId))
        ctx.addIssue({
          code: 'custom',
          message: `no workload '${s.workloadId}'`,
          path: ['snapshots', i, 'workloadId'],
        });
    });
    f.budgets.forEach((b, i) => {
      if (b.workloadId !== undefined && !ids.has(b.workloadId))
        ctx.addIssue({
          code: 'custom',
          message: `no workload '${b.workloadId}'`,
          path: ['budgets', i, 'workloadId'],
        });
    });
  });
export type ScenarioFile = z.infer<typeof ScenarioFile>;
export type ScenarioFileInput = z.input<typeof ScenarioFile>;
