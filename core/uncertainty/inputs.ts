import type { z } from 'zod';
import { requestValueUsd } from '../roi/value.ts';
import type { Placement } from '../schema/placement.ts';
import { numberFieldRules, type NumberFieldRules } from '../schema/field-rules.ts';
import { RevenueValue, ValueAssumptions } from '../schema/value.ts';
import type { UncertainInputId } from '../schema/uncertainty.ts';
import { Workload } from '../schema/workload.ts';
import { withOutputMean, withPromptMean } from '../workload/derive.ts';

type Kind = Placement['kind'];

/** A workload and value assumptions: what one simulated future changes. */
export interface Assumptions {
  workload: Workload;
  value: ValueAssumptions;
}

/** How an uncertain input is read, written, named and bounded. */
export interface UncertainInput {
  id: UncertainInputId;
  /** How the input reads in the app and reports, with its unit. */
  label: (a: Assumptions) => string;
  /** The scenario field it stands for, as a path (for messages). */
  path: string;
  /** The field's label and bounds as its schema states them (the range form's fields follow). */
  rules: () => NumberFieldRules;
  /** The field's own schema: a range's low, likely and high must each pass it. */
  schema: () => z.ZodType;
  /** The value the scenario states (the likely value by default); undefined when it states none. */
  point: (a: Assumptions) => number | undefined;
  /** The assumptions (or a whole scenario) with this input set to `x`. */
  apply: <A extends Assumptions>(a: A, x: number) => A;
  /** Whether it changes a self-hosted replica's capacity (the request shape), not only its cost. */
  shapesReplicas: boolean;
  /** How a value of it reads in a fraction (0.4) or as it is. */
  percent: boolean;
}

const KIND_NAMES: Record<Kind, string> = {
  api: 'hosted API',
  cloud: 'rented GPUs',
  onprem: 'owned GPUs',
};

const workloadField = (
  id: UncertainInputId,
  at: string[],
  label: string,
  schema: () => z.ZodType,
  get: (w: Workload) => number,
  set: (w: Workload, x: number) => Workload,
  extra: Partial<Pick<UncertainInput, 'shapesReplicas' | 'percent'>> = {},
): UncertainInput => ({
  id,
  label: () => label,
  path: `workload.${at.join('.')}`,
  rules: () => numberFieldRules(Workload, at),
  schema,
  point: (a) => get(a.workload),
  apply: (a, x) => ({ ...a, workload: set(a.workload, x) }),
  shapesReplicas: extra.shapesReplicas ?? false,
  percent: extra.percent ?? false,
});

const valueField = (
  id: UncertainInputId,
  at: string[],
  label: string,
  schema: () => z.ZodType,
  get: (v: ValueAssumptions) => number | undefined,
  set: (v: ValueAssumptions, x: number) => ValueAssumptions,
  percent = false,
): UncertainInput => ({
  id,
  label: () => label,
  path: `value.${at.join('.')}`,
  rules: () => numberFieldRules(ValueAssumptions, at),
  schema,
  point: (a) => get(a.value),
  apply: (a, x) => ({ ...a, value: set(a.value, x) }),
  shapesReplicas: false,
  percent,
});

const workloadShape = () => Workload.shape;
const valueShape = () => ValueAssumptions.shape;

const setupField = (kind: Kind): UncertainInput =>
  valueField(
    `${kind}SetupUsd`,
    ['setupUsd', kind],
    `Setup cost, ${KIND_NAMES[kind]} (USD)`,
    () => valueShape().setupUsd.unwrap().shape[kind],
    (v) => v.setupUsd[kind],
    (v, x) => ({ ...v, setupUsd: { ...v.setupUsd, [kind]: x } }),
  );

const launchField = (kind: Kind): UncertainInput =>
  valueField(
    `${kind}WeeksToLaunch`,
    ['weeksToLaunch', kind],
    `Weeks to launch, ${KIND_NAMES[kind]}`,
    () => valueShape().weeksToLaunch.unwrap().shape[kind],
    (v) => v.weeksToLaunch[kind],
    (v, x) => ({ ...v, weeksToLaunch: { ...v.weeksToLaunch, [kind]: x } }),
  );

/** Every input that may be uncertain, in the order the app lists them. */
export const INPUTS: readonly UncertainInput[] = [
  {
    ...workloadField(
      'volume',
      ['requests', 'count'],
      '',
      () => workloadShape().requests.shape.count,
      (w) => w.requests.count,
      (w, x) => ({ ...w, requests: { count: x, per: w.requests.per } }),
    ),
    label: (a) => `Requests per ${a.workload.requests.per}`,
  },
  workloadField(
    'monthlyGrowthPct',
    ['monthlyGrowthPct'],
    'Monthly growth (%)',
    () => workloadShape().monthlyGrowthPct,
    (w) => w.monthlyGrowthPct,
    (w, x) => ({ ...w, monthlyGrowthPct: x }),
  ),
  workloadField(
    'promptTokens',
    ['inputTokens', 'mean'],
    'Prompt tokens (mean)',
    () => workloadShape().inputTokens.shape.mean,
    (w) => w.inputTokens.mean,
    // A longer mean prompt has a longer p95 too (the spread keeps its shape).
    (w, x) => withPromptMean(w, x, 'scale'),
    { shapesReplicas: true },
  ),
  workloadField(
    'outputTokens',
    ['outputTokens', 'mean'],
    'Output tokens (mean)',
    () => workloadShape().outputTokens.shape.mean,
    (w) => w.outputTokens.mean,
    (w, x) => withOutputMean(w, x, 'scale'),
    { shapesReplicas: true },
  ),
  workloadField(
    'promptCacheHitRate',
    ['promptCache', 'hitRate'],
    'Prompt-cache hit rate',
    () => workloadShape().promptCache.unwrap().shape.hitRate,
    (w) => w.promptCache.hitRate,
    (w, x) => ({ ...w, promptCache: { ...w.promptCache, hitRate: x } }),
    { shapesReplicas: true, percent: true },
  ),
  workloadField(
    'responseCacheHitRate',
    ['responseCacheHitRate'],
    'Response-cache share',
    () => workloadShape().responseCacheHitRate,
    (w) => w.responseCacheHitRate,
    (w, x) => ({ ...w, responseCacheHitRate: x }),
    { percent: true },
  ),
  workloadField(
    'batchShare',
    ['batchShare'],
    'Batch share',
    () => workloadShape().batchShare,
    (w) => w.batchShare,
    (w, x) => ({ ...w, batchShare: x }),
    { percent: true },
  ),
  {
    ...valueField(
      'valuePerRequestUsd',
      ['perRequest'],
      'Value per request (USD)',
      () => RevenueValue.shape.usdPerRequest,
      (v) => (v.perRequest === undefined ? undefined : requestValueUsd(v.perRequest)),
      // Any kind of value becomes its worth in USD: minutes saved × rate is one number per request.
      (v, x) => ({ ...v, perRequest: { kind: 'revenue', usdPerRequest: x } }),
    ),
    // Any kind of value is a USD amount per request: the revenue field's rules.
    path: 'value.perRequest',
    rules: () => numberFieldRules(RevenueValue, ['usdPerRequest']),
  },
  valueField(
    'successRate',
    ['successRate'],
    'Success rate',
    () => valueShape().successRate,
    (v) => v.successRate,
    (v, x) => ({ ...v, successRate: x }),
    true,
  ),
  setupField('api'),
  setupField('cloud'),
  setupField('onprem'),
  launchField('api'),
  launchField('cloud'),
  launchField('onprem'),
];

const BY_ID = new Map(INPUTS.map((i) => [i.id, i]));

export function uncertainInput(id: UncertainInputId): UncertainInput {
  return BY_ID.get(id) as UncertainInput;
}
