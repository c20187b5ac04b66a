import type { RequestValue, ValueAssumptions } from '../schema/value.ts';

/** USD of value one request creates, before the success rate. */
export function requestValueUsd(v: RequestValue): number {
  return v.kind === 'revenue'
    ? v.usdPerRequest
    : (v.minutesSavedPerRequest / 60) * v.loadedUsdPerHour;
}

/** Whether the scenario says what a request is worth (ROI, NPV and payback need it). */
export function hasRequestValue(a: ValueAssumptions): boolean {
  return a.perRequest !== undefined;
}

/** USD of value per request counted on outcomes: value × success rate; 0 when no value is set. */
export function valuePerRequestUsd(a: ValueAssumptions): number {
  return a.perRequest === undefined ? 0 : requestValueUsd(a.perRequest) * a.successRate;
}
