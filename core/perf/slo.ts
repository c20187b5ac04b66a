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
 * How far a point is past its tightest SLO, as a share of that SLO: ≤ 0 meets, > 0 misses (up to
 * rounding: `meetsSlo` decides, this only guides the search).
 */
function sloExcess(p: OperatingPoint, slo: LatencySlo, extraMs: number): number {
  let excess = -Infinity;
  if (slo.ttftMs !== undefined) excess = sloTtftMs(p, slo, extraMs) / slo.ttftMs - 1;
  if (slo.tpotMs !== undefined) excess = Math.max(excess, (p.tpotS * 1000) / slo.tpotMs - 1);
  if (slo.e2eMs !== undefined) {
    excess = Math.max(excess, (p.e2eS * 1000 + extraMs) / slo.e2eMs - 1);
  }
  return excess;
}

/**
 * The largest concurrency per replica that fits in memory and meets every SLO. Latency grows with
 * the batch, so the feasible batches form a prefix [1, b*]. The search keeps a bracket (lo meets,
 * hi misses) and probes where the SLO excess, interpolated between the two, crosses zero
 * (regula falsi, Illinois variant): latency is smooth in the batch, so that lands within a batch or
 * two in a few probes where bisection takes log2(max batch). Whenever two probes have not halved
 * the bracket it bisects, so it never takes more than twice bisection's probes. Any bracketing
 * search returns the same b*.
 */
export function largestConcurrencyMeetingSlo(
  s: ReplicaSpec,
  shape: RequestShape,
  maxBatch: number,
  slo: LatencySlo,
  extraMs = 0,
): SloSearch {
  // Flat out first: most replicas meet the SLO even there, and then every smaller batch does.
  let hi = maxBatch;
  const atMax = operatingPoint(s, shape, hi, maxBatch);
  if (meetsSlo(atMax, slo, extraMs)) return { ok: true, batch: hi, point: atMax, atMax };
  const atOne = operatingPoint(s, shape, 1, maxBatch);
  if (!meetsSlo(atOne, slo, extraMs))
    return { ok: false, reason: sloMiss(atOne, slo, extraMs), point: atOne };
  let lo = 1;
  let loPoint = atOne;
  let loExcess = sloExcess(atOne, slo, extraMs);
  let hiExcess = sloExcess(atMax, slo, extraMs);
  // +n: the last n probes met (lo moved, hi kept); −n: they missed.
  let run = 0;
  let widthOneProbeAgo = Infinity;
  let widthTwoProbesAgo = Infinity;
  // A probe is written into the point no longer needed (the one that missed, or the previous lo):
  // a search makes three points, not one per probe.
  let spare: OperatingPoint | undefined;
  while (hi - lo > 1) {
    const width = hi - lo;
    let mid = lo + Math.floor(width / 2);
    if (2 * width <= widthTwoProbesAgo && hiExcess > loExcess) {
      const root = lo + (width * -loExcess) / (hiExcess - loExcess);
      mid = Math.min(hi - 1, Math.max(lo + 1, Math.floor(root)));
    }
    widthTwoProbesAgo = widthOneProbeAgo;
    widthOneProbeAgo = width;
    const p = operatingPoint(s, shape, mid, maxBatch, spare);
    const excess = sloExcess(p, slo, extraMs);
    if (meetsSlo(p, slo, extraMs)) {
      lo = mid;
      spare = loPoint;
      loPoint = p;
      loExcess = excess;
      run = run > 0 ? run + 1 : 1;
      // Illinois: an end kept twice in a row pulls half as hard, so the next probe lands nearer it.
      if (run >= 2) hiExcess /= 2;
    } else {
      hi = mid;
      spare = p;
      hiExcess = excess;
      run = run < 0 ? run - 1 : -1;
      if (run <= -2) loExcess /= 2;
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
