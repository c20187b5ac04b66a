import type { Workload } from '../schema/workload.ts';
import { DAYS_PER_MONTH, SECONDS_PER_HOUR, WEEKS_PER_MONTH } from '../units.ts';

/** The workload's volume and timing in the units every model below works in. */
export interface WorkloadRates {
  requestsPerMonth: number;
  /** Requests that reach a model: the response cache answers the rest for free. */
  billedRequestsPerMonth: number;
  /** Hours a month in which traffic arrives (24 × 7 → 730). */
  activeHoursPerMonth: number;
  /** Billed requests per second, averaged over the active hours. */
  avgBilledPerSecond: number;
  /** Billed requests per second at peak. */
  peakBilledPerSecond: number;
}

/** Monthly request count from a per-day or per-month volume. */
export function requestsPerMonth(w: Pick<Workload, 'requests' | 'schedule'>): number {
  if (w.requests.per === 'month') return w.requests.count;
  // A per-day volume counts only the days traffic arrives on (5 of 7 for business days).
  return w.requests.count * DAYS_PER_MONTH * (w.schedule.daysPerWeek / 7);
}

export function activeHoursPerMonth(w: Pick<Workload, 'schedule'>): number {
  return w.schedule.hoursPerDay * w.schedule.daysPerWeek * WEEKS_PER_MONTH;
}

/** Volume and rates of the workload as stated (growth is applied month by month by the ROI). */
export function workloadRates(w: Workload): WorkloadRates {
  const monthly = requestsPerMonth(w);
  const billed = monthly * (1 - w.responseCacheHitRate);
  const activeHours = activeHoursPerMonth(w);
  const avg = billed / (activeHours * SECONDS_PER_HOUR);
  return {
    requestsPerMonth: monthly,
    billedRequestsPerMonth: billed,
    activeHoursPerMonth: activeHours,
    avgBilledPerSecond: avg,
    peakBilledPerSecond: avg * w.peakToAverage,
  };
}

/** The same workload at a different monthly volume (what-if sliders, break-even search). */
export function withMonthlyVolume(w: Workload, requestsMonthly: number): Workload {
  return { ...w, requests: { count: requestsMonthly, per: 'month' } };
}

/**
 * How a token size's p95 follows a new mean: `keep` it (raised to the mean if it falls below), as
 * a form field editing only the mean does; or `scale` it with the mean, keeping the spread's shape,
 * as a what-if on "prompts twice as long" does.
 */
export type P95Follow = 'keep' | 'scale';

function resized(
  t: Workload['inputTokens'],
  mean: number,
  follow: P95Follow,
): Workload['inputTokens'] {
  if (t.p95 === undefined) return { mean };
  if (follow === 'keep') return { mean, p95: Math.max(mean, t.p95) };
  const scaled = t.p95 * (mean / t.mean);
  // Whole numbers stay whole: a slider's 2,793-token prompt scales a 4,000-token p95 to 5,587 tokens,
  // not 5,586.67 (a simulated fractional mean keeps the exact ratio).
  const p95 = Number.isInteger(mean) && Number.isInteger(t.p95) ? Math.round(scaled) : scaled;
  return { mean, p95: Math.max(mean, p95) };
}

/**
 * The workload with a new mean prompt size; p95 ≥ mean. The stated cacheable prefix is kept as it
 * is: while it is longer than the prompt it is costed as the whole prompt (`prefixTokensCosted`),
 * and it comes back when the prompt grows again.
 */
export function withPromptMean(w: Workload, mean: number, follow: P95Follow): Workload {
  return { ...w, inputTokens: resized(w.inputTokens, mean, follow) };
}

/**
 * The cacheable prefix every cost and capacity model uses: the stated prefix, cut to the mean
 * prompt while the prompt is shorter (a prefix is part of the prompt). The stated figure is never
 * overwritten, so shrinking the prompt and growing it back restores the cache it had.
 */
export function prefixTokensCosted(w: Pick<Workload, 'promptCache' | 'inputTokens'>): number {
  return Math.min(w.promptCache.prefixTokens, w.inputTokens.mean);
}

/** The workload with a new mean output size; p95 ≥ mean. */
export function withOutputMean(w: Workload, mean: number, follow: P95Follow): Workload {
  return { ...w, outputTokens: resized(w.outputTokens, mean, follow) };
}
