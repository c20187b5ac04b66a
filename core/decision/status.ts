import type { Workload } from '../schema/workload.ts';
import type { CheckStatus } from '../sweep/types.ts';
import { exclusionCode } from './exclusions.ts';

/** Whether the workload sets any latency SLO. */
export function hasSlo(w: Workload): boolean {
  return w.slo.ttftMs !== undefined || w.slo.tpotMs !== undefined || w.slo.e2eMs !== undefined;
}

/** A candidate's quality against the workload's minimum. */
export function qualityStatus(w: Workload, quality: number | null): CheckStatus {
  const min = w.minQuality;
  if (min === undefined) return 'none';
  if (quality === null) return 'unknown';
  return quality >= min.score ? 'pass' : 'fail';
}

/**
 * Whether the latency figures the SLOs need are known: TTFT for a TTFT SLO, time per output
 * token for a TPOT SLO, both for an end-to-end one.
 */
export function latencyKnown(w: Workload, ttftMs: number | null, tpotMs: number | null): boolean {
  const slo = w.slo;
  if ((slo.ttftMs !== undefined || slo.e2eMs !== undefined) && ttftMs === null) return false;
  if ((slo.tpotMs !== undefined || slo.e2eMs !== undefined) && tpotMs === null) {
    // A one-token answer has no time per output token; its end-to-end time is its TTFT.
    return w.outputTokens.mean <= 1 && slo.tpotMs === undefined;
  }
  return true;
}

/** A candidate's latency against the workload's SLOs (a miss among its reasons is a fail). */
export function latencyStatus(
  w: Workload,
  reasons: readonly string[],
  ttftMs: number | null,
  tpotMs: number | null,
): CheckStatus {
  if (!hasSlo(w)) return 'none';
  for (const r of reasons) {
    const code = exclusionCode(r);
    if (code === 'slo-ttft' || code === 'slo-tpot' || code === 'slo-e2e') return 'fail';
  }
  return latencyKnown(w, ttftMs, tpotMs) ? 'pass' : 'unknown';
}
