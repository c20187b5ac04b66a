/**
 * What procurement buys besides list prices: a cloud instance's commitment payment options, a
 * hosted API's provisioned throughput (Azure PTU, Bedrock model units, Vertex GSUs), and how a
 * candidate asks for them.
 */
import { z } from 'zod';
import { Fraction, LIMITS, NonNegative, Positive, PositiveInt, Provenance } from './common.ts';

/** The committed terms an instance prices (its no-upfront rates sit in `usdPerHour`). */
export const COMMIT_TERMS = ['commit1y', 'commit3y'] as const;
export type CommitTerm = (typeof COMMIT_TERMS)[number];

export const UPFRONT_PAYMENTS = ['partialUpfront', 'allUpfront'] as const;
export const PAYMENTS = ['noUpfront', ...UPFRONT_PAYMENTS] as const;
export type Payment = (typeof PAYMENTS)[number];

/**
 * A commitment paid partly or wholly in advance (AWS reserved instances and savings plans): a sum
 * at the start of the term and an hourly rate for every hour of it. The effective rate is
 * upfront ÷ the term's hours + the hourly rate.
 */
export const CommitmentOption = Provenance.extend({
  term: z.enum(COMMIT_TERMS).describe('commit1y (1-year term) or commit3y (3-year term).'),
  payment: z
    .enum(UPFRONT_PAYMENTS)
    .describe('partialUpfront (a sum at the start and an hourly rate) or allUpfront (a sum only).'),
  upfrontUsd: Positive.max(LIMITS.usdPerHour * 26_280).describe(
    'Paid at the start of the term for one instance, USD.',
  ),
  usdPerHour: NonNegative.max(LIMITS.usdPerHour).describe(
    'Paid every hour of the term for one instance, USD (0 when all upfront).',
  ),
})
  .describe('A commitment payment option with an upfront sum, with its own source and date.')
  .refine((o) => o.payment !== 'allUpfront' || o.usdPerHour === 0, {
    message: 'an all-upfront option has no hourly rate (usdPerHour 0)',
    path: ['usdPerHour'],
  });
export type CommitmentOption = z.infer<typeof CommitmentOption>;

/** Provisioned-throughput terms as vendors sell them, shortest first. */
export const PROVISIONED_TERMS = [
  'hourly',
  '1-week',
  '1-month',
  '3-month',
  '6-month',
  '1-year',
] as const;
export type ProvisionedTerm = (typeof PROVISIONED_TERMS)[number];
export const ProvisionedTermSchema = z
  .enum(PROVISIONED_TERMS)
  .describe(
    'hourly (no commitment: Azure hourly PTU, Bedrock no-commit), 1-week, 1-month, 3-month, 6-month or 1-year.',
  );

export const PROVISIONED_UNITS = ['ptu', 'model-unit', 'gsu'] as const;
export type ProvisionedUnit = (typeof PROVISIONED_UNITS)[number];

/** The price of one provisioned unit for a term, as the vendor states it (per hour, week, month or year). */
export const ProvisionedPrice = Provenance.extend({
  term: ProvisionedTermSchema,
  usd: Positive.max(1e7).describe('USD per unit for the stated period.'),
  per: z
    .enum(['hour', 'week', 'month', 'year'])
    .describe('The period the price is for: hour, week, month or year.'),
}).describe('The price of one provisioned unit for a term, with its own source and date.');
export type ProvisionedPrice = z.infer<typeof ProvisionedPrice>;

/**
 * Throughput bought by the unit instead of by the token: how much a unit serves (input tokens a
 * minute, output and cached tokens weighted as the vendor documents), the smallest deployment and
 * step, and the price per term. The row's source and date are the capacity figures'; each price
 * carries its own. A vendor that publishes no capacity (Bedrock model units) leaves it out and the
 * user gives it on the candidate.
 */
export const ProvisionedThroughput = Provenance.extend({
  unit: z
    .enum(PROVISIONED_UNITS)
    .describe('ptu (Azure provisioned throughput unit), model-unit (Bedrock) or gsu (Vertex).'),
  deployment: z
    .string()
    .max(100)
    .default('')
    .describe('The deployment type the prices are for (Azure: global, data zone, regional).'),
  inputTokensPerMinutePerUnit: Positive.max(1e9)
    .optional()
    .describe(
      'Input tokens a minute one unit serves; absent: the vendor publishes none (enter yours on the candidate).',
    ),
  outputTokenWeight: Positive.max(1000)
    .default(1)
    .describe('Input tokens one output token counts as against the capacity.'),
  cachedInputWeight: Fraction.default(1).describe(
    'Input tokens one cached input token counts as (0: cached tokens use no capacity).',
  ),
  minUnits: PositiveInt.max(1e6).default(1).describe('The smallest deployment, units.'),
  unitIncrement: PositiveInt.max(1e6).default(1).describe('Deployments grow in steps of, units.'),
  prices: z
    .array(ProvisionedPrice)
    .max(20)
    .default([])
    .describe('Price per unit for each term the vendor sells; empty: none published.'),
}).describe('Provisioned throughput for an offering: capacity per unit, minimum, step and prices.');
export type ProvisionedThroughput = z.infer<typeof ProvisionedThroughput>;

/** A candidate that buys an offering's provisioned throughput instead of paying per token. */
export const ProvisionedChoice = z
  .strictObject({
    term: ProvisionedTermSchema,
    units: PositiveInt.max(1e6).optional().meta({
      title: 'Units',
      description:
        'Units deployed; unset: the count that costs least (from the minimum deployment to the count that covers peak), the rest overflowing to pay-as-you-go.',
    }),
    usdPerUnitHour: Positive.max(1e5).optional().meta({
      title: 'Price per unit-hour',
      description:
        'Your price per unit-hour (a quote); overrides the catalog’s for the term, or gives one where none is published.',
    }),
    inputTokensPerMinutePerUnit: Positive.max(1e9).optional().meta({
      title: 'Tokens a minute per unit',
      description:
        'Your figure for the input tokens a minute one unit serves (Bedrock publishes none); overrides the catalog’s.',
    }),
  })
  .describe('Buy the offering’s provisioned throughput for a term instead of paying per token.');
export type ProvisionedChoice = z.infer<typeof ProvisionedChoice>;

/** What serves a committed fleet's demand above its committed base. */
export const BurstPricing = z
  .enum(['onDemand', 'spot'])
  .describe(
    'With a 1-/3-year commitment: what serves demand above the committed base, on-demand or spot (unset: on-demand).',
  );
export type BurstPricing = z.infer<typeof BurstPricing>;
