import { z } from 'zod';
import { Fraction, NonNegative, PositiveInt } from './common.ts';

export const RequestValue = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('revenue'), usdPerRequest: NonNegative.max(1e6) }),
  z.strictObject({
    kind: z.literal('timeSaved'),
    minutesSavedPerRequest: NonNegative.max(1e6),
    loadedUsdPerHour: NonNegative.max(1e6),
  }),
]);
export type RequestValue = z.infer<typeof RequestValue>;

/** USD, or weeks, per placement kind; a trillion at most keeps every total finite. */
const SetupByKind = z.strictObject({
  api: NonNegative.max(1e12),
  cloud: NonNegative.max(1e12),
  onprem: NonNegative.max(1e12),
});

export const ValueAssumptions = z.strictObject({
  /**
   * What a request is worth; unset means unknown: no NPV, payback or ROI is shown (a made-up
   * value would make every candidate look like a fortune).
   */
  perRequest: RequestValue.optional(),
  /** Share of requests that achieve the outcome the value is counted on. */
  successRate: Fraction.default(1),
  /** One-off cost to launch, per placement kind (integration, evaluation, procurement). */
  setupUsd: SetupByKind.default({ api: 0, cloud: 0, onprem: 0 }),
  /** Weeks from decision to the first served request, per placement kind. */
  weeksToLaunch: SetupByKind.default({ api: 0, cloud: 0, onprem: 0 }),
  horizonMonths: PositiveInt.max(120).default(36),
  /** Annual discount rate for NPV. */
  discountRateAnnual: z.number().min(0).max(1).default(0.1),
});
export type ValueAssumptions = z.infer<typeof ValueAssumptions>;
