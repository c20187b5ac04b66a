import type { RequestValue, ValueAssumptions } from '../schema/value.ts';

/** USD of value one request creates, before the success rate. */
export function requestValueUsd(v: RequestValue): number {
  return v.kind === 'revenue'
    ? v.usdPerRequest
    : (v.minutesSavedPerRequest / 60) * v.loadedUsdPerHour;
}

/** USD of value per request counted on outcomes: value × success rate. */
export function valuePerRequestUsd(a: ValueAssumptions): number {
  return requestValueUsd(a.perRequest) * a.successRate;
}
