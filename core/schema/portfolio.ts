import { z } from 'zod';
import { Fraction, Positive } from './common.ts';
import { RequestValue } from './value.ts';
import { Workload } from './workload.ts';

/** A workload's id in a portfolio: short, lowercase, unique (`support-bot`). */
export const WorkloadId = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and -');

const Label = (what: string) => z.string().trim().max(100).describe(what);

/** What one workload's successful request is worth: per workload (the rest of `value` is shared). */
export const WorkloadValue = z
  .strictObject({
    perRequest: RequestValue.optional().describe(
      'What a successful request is worth; unset means unknown: no NPV, payback or ROI is shown.',
    ),
    successRate: Fraction.default(1).meta({
      title: 'Success rate',
      description: 'Share of requests that achieve the outcome the value is counted on (0–1).',
    }),
  })
  .describe('What this workload’s requests are worth.');
export type WorkloadValue = z.infer<typeof WorkloadValue>;

export const UnitTargets = z
  .strictObject({
    usdPer1kRequests: Positive.max(1e9).optional().meta({
      title: 'Cost per 1k requests',
      description: 'The most 1,000 requests may cost, USD.',
    }),
    usdPerSuccessfulOutcome: Positive.max(1e9).optional().meta({
      title: 'Cost per successful outcome',
      description:
        'The most one successful outcome may cost, USD (cost per request ÷ success rate).',
    }),
  })
  .describe('Unit-economics targets checked against the workload’s monthly cost.');
export type UnitTargets = z.infer<typeof UnitTargets>;

export const PortfolioWorkload = z
  .strictObject({
    id: WorkloadId.describe('The workload’s id: unique in the portfolio.'),
    name: z.string().trim().min(1).max(200).describe('The workload’s name.'),
    owner: Label(
      'The team or cost centre that owns (and pays for) the workload; blank: none.',
    ).default(''),
    tags: z
      .array(z.string().trim().min(1).max(60).describe('A tag (product, use case, environment).'))
      .max(20)
      .default([])
      .describe('Free-form tags: product, use case, environment.'),
    workload: Workload.describe('What the workload serves: volume, sizes, caching, SLO, stage.'),
    value: WorkloadValue.default({ successRate: 1 }),
    unitTargets: UnitTargets.optional(),
    idleShutdown: z.boolean().default(false).meta({
      title: 'Idle shutdown',
      description:
        'Rented GPUs run only in the active hours (no warm floor outside them): for experiments.',
    }),
  })
  .describe('One workload of the portfolio, with its owner, tags and value.');
export type PortfolioWorkload = z.infer<typeof PortfolioWorkload>;
export type PortfolioWorkloadInput = z.input<typeof PortfolioWorkload>;

export const Budget = z
  .strictObject({
    owner: Label('The team whose workloads the budget covers.').optional(),
    workloadId: WorkloadId.optional().describe('The one workload the budget covers.'),
    monthlyUsd: Positive.max(1e12).meta({
      title: 'Monthly budget',
      description: 'What may be spent a month, USD.',
    }),
    thresholds: z
      .array(z.number().finite().min(0.01).max(10).describe('A share of the budget (0.8: 80 %).'))
      .min(1)
      .max(5)
      .default([0.8, 1])
      .describe('Alert thresholds as shares of the budget: 0.8 and 1 alert at 80 % and 100 %.'),
  })
  .describe('A monthly budget for a team or one workload, with alert thresholds.')
  .refine((b) => (b.owner === undefined) !== (b.workloadId === undefined), {
    message: 'a budget covers either an owner or a workloadId (one of them)',
    path: ['owner'],
  });
export type Budget = z.infer<typeof Budget>;

export const IDLE_ALLOCATIONS = ['proportional', 'owner', 'unallocated'] as const;

export const Pooling = z
  .strictObject({
    enabled: z.boolean().default(true).meta({
      title: 'Shared pools',
      description:
        'Let workloads on the same rented model and instance share one fleet where it is cheaper.',
    }),
    idleAllocation: z.enum(IDLE_ALLOCATIONS).default('proportional').meta({
      title: 'Idle capacity goes to',
      description:
        'proportional: the members by the GPU-seconds they use; owner: one team; unallocated: shown on its own.',
    }),
    idleOwner: Label('The team that carries the idle capacity (idleAllocation owner).').optional(),
  })
  .describe('Shared GPU pools and how their idle capacity is shown back.')
  .refine((p) => p.idleAllocation !== 'owner' || (p.idleOwner ?? '') !== '', {
    message: 'idle allocation to an owner needs idleOwner',
    path: ['idleOwner'],
  });
export type Pooling = z.infer<typeof Pooling>;
