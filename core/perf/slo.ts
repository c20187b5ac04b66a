import type { ReplicaSpec } from './replica.ts';
import { operatingPoint, type OperatingPoint, type RequestShape } from './serving.ts';

export interface LatencySlo {
  ttftMs?: number | undefined;
  tpotMs?: number | undefined;
  e2eMs?: number | undefined;
  /**
   * Output tokens streamed before the one the TTFT objective means: hidden reasoning, when the
   * objective is the first visible token (its TTFT is then TTFT + these × TPOT). 0 or unset: the
   * first token.
   */
  ttftAfterTokens?: number | undefined;
}

/** TTFT as the objective means it: to the first token, or past the reasoning streamed first. */
function sloTtftMs(p: { ttftS: number; tpotS: number }, slo: LatencySlo, extraMs: number): number {
  return (p.ttftS + (slo.ttftAfterTokens ?? 0) * p.tpotS) * 1000 + extraMs;
}

export type SloSearch =
  | {
      ok: true;
      batch: number;
      point: OperatingPoint;
      /** The point at the largest batch that fits, SLO or not (flat out). */
      atMax: OperatingPoint;
    }
  | { ok: false; reason: string; point: OperatingPoint };

/** Whether an operating point meets the SLOs, with `extraMs` (network) added to TTFT and E2E. */
export function meetsSlo(p: OperatingPoint, slo: LatencySlo, extraMs: number): boolean {
  if (slo.ttftMs !== undefined && sloTtftMs(p, slo, extraMs) > slo.ttftMs) return false;
  if (slo.tpotMs !== undefined && p.tpotS * 1000 > slo.tpotMs) return false;
  if (slo.e2eMs !== undefined && p.e2eS * 1000 + extraMs > slo.e2eMs) return false;
  return true;
}

/**
 * The largest concurrency per replica that fits in memory and meets every SLO. Latency grows with
 * the batch, so the feasible batches form a prefix [1, b*]: binary search finds b*.
 */
export function largestConcurrencyMeetingSlo(
  s: ReplicaSpec,
  shape: RequestShape,
  maxBatch: number,
  slo: LatencySlo,
  extraMs = 0,
): SloSearch {
  const atOne = operatingPoint(s, shape, 1, maxBatch);
  if (!meetsSlo(atOne, slo, extraMs))
    return { ok: false, reason: sloMiss(atOne, slo, extraMs), point: atOne };
  let lo = 1;
  let loPoint = atOne;
  let hi = maxBatch;
  const atMax = operatingPoint(s, shape, hi, maxBatch);
  if (meetsSlo(atMax, slo, extraMs)) return { ok: true, batch: hi, point: atMax, atMax };
  // Invariant: lo meets the SLO, hi does not. A probe is written into the point no longer needed
  // (the one that missed, or the previous lo): a search makes three points, not one per probe.
  let spare: OperatingPoint | undefined;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const p = operatingPoint(s, shape, mid, maxBatch, spare);
    if (meetsSlo(p, slo, extraMs)) {
      lo = mid;
      spare = loPoint;
      loPoint = p;
    } else {
      hi = mid;
      spare = p;
    }
  }
  return { ok: true, batch: lo, point: loPoint, atMax };
}

/** Names the SLO a single request already misses, with both numbers. */
function sloMiss(
  p: { ttftS: number; tpotS: number; e2eS: number },
  slo: LatencySlo,
  extraMs: number,
): string {
  const ttft = sloTtftMs(p, slo, extraMs);
  if (slo.ttftMs !== undefined && ttft > slo.ttftMs) {
    const visible = (slo.ttftAfterTokens ?? 0) > 0 ? ' (first visible token, after reasoning)' : '';
    return `misses the TTFT SLO${visible} even alone: ${ttft.toFixed(0)} ms > ${slo.ttftMs} ms`;
  }
  const tpot = p.tpotS * 1000;
  if (slo.tpotMs !== undefined && tpot > slo.tpotMs) {
    return `misses the TPOT SLO even alone: ${tpot.toFixed(1)} ms > ${slo.tpotMs} ms`;
  }
  const e2e = p.e2eS * 1000 + extraMs;
  return `misses the end-to-end SLO even alone: ${e2e.toFixed(0)} ms > ${slo.e2eMs ?? 0} ms`;
}
