import { z } from 'zod';
import { Fraction, NonNegative, PositiveInt } from './common.ts';

// Bounds far above any real value keep every product of them finite.
export const RevenueValue = z
  .strictObject({
    kind: z.literal('revenue').describe('Value counted as revenue per request.'),
    usdPerRequest: NonNegative.max(1e6).meta({
      title: 'Revenue',
      description: 'Revenue per successful request, USD.',
    }),
  })
  .describe('Each request earns revenue.');

export const TimeSavedValue = z
  .strictObject({
    kind: z.literal('timeSaved').describe('Value counted as people’s time saved.'),
    minutesSavedPerRequest: NonNegative.max(10_000).meta({
      title: 'Minutes saved',
      description: 'Minutes of work a successful request saves.',
    }),
    loadedUsdPerHour: NonNegative.max(10_000).meta({
      title: 'Loaded rate',
      description: 'Loaded cost of an hour of that work, USD.',
    }),
  })
  .describe('Each request saves people’s time, valued at a loaded hourly rate.');

export const RequestValue = z
  .discriminatedUnion('kind', [RevenueValue, TimeSavedValue])
  .describe('What a successful request is worth.');
export type RequestValue = z.infer<typeof RequestValue>;

const KIND_LABELS = { api: 'Hosted API', cloud: 'Rented GPUs', onprem: 'Owned GPUs' } as const;

/** One number per placement kind; `what` names it in each field's title ("Hosted API setup"). */
function byKind(what: string, description: string, max: number) {
  const field = (kind: keyof typeof KIND_LABELS) =>
    NonNegative.max(max).meta({
      title: `${KIND_LABELS[kind]} ${what}`,
      description: `${description} (${KIND_LABELS[kind].toLowerCase()}).`,
    });
  return z.strictObject({ api: field('api'), cloud: field('cloud'), onprem: field('onprem') });
}

export const ValueAssumptions = z.strictObject({
  /** Unset is unknown, not zero: a made-up value would make every candidate look like a fortune. */
  perRequest: RequestValue.optional().describe(
    'What a successful request is worth; unset means unknown: no NPV, payback or ROI is shown.',
  ),
  successRate: Fraction.default(1).meta({
    title: 'Success rate',
    description: 'Share of requests that achieve the outcome the value is counted on (0–1).',
  }),
  setupUsd: byKind(
    'setup',
    'One-off cost to launch, USD: integration, evaluation, procurement',
    1e10,
  )
    .default({ api: 0, cloud: 0, onprem: 0 })
    .describe('One-off cost to launch, per placement kind, USD.'),
  weeksToLaunch: byKind('launch', 'Weeks from decision to the first served request', 520)
    .default({ api: 0, cloud: 0, onprem: 0 })
    .describe('Weeks from decision to the first served request, per placement kind.'),
  horizonMonths: PositiveInt.max(120).default(36).meta({
    title: 'Horizon',
    description: 'Months the total cost, NPV and ROI are counted over.',
  }),
  discountRateAnnual: z.number().min(0).max(1).default(0.1).meta({
    title: 'Discount rate',
    description: 'Annual discount rate for NPV (0–1).',
  }),
});
export type ValueAssumptions = z.infer<typeof ValueAssumptions>;
