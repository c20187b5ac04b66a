import { noFitReason } from '../perf/estimate.ts';
import type { PerfParameters } from '../perf/efficiency.ts';
import { defaultKvPrecision } from '../perf/precision.ts';
import { admittedConcurrency, replicaSpec } from '../perf/replica.ts';
import { operatingPoint, type RequestShape } from '../perf/serving.ts';
import { largestConcurrencyMeetingSlo, type LatencySlo } from '../perf/slo.ts';
import type { Gpu, OpenModel } from '../schema/catalog.ts';
import type { Engine, Precision } from '../schema/common.ts';
import type { Workload } from '../schema/workload.ts';
import { BYTES_PER_GB } from '../units.ts';

export interface ReplicaRequest {
  model: OpenModel;
  gpu: Gpu;
  tp: number;
  precision: Precision;
  kvPrecision?: Precision | undefined;
  engine: Engine;
  parameters?: PerfParameters;
}

/** What one replica can serve for a workload: at the SLO, and flat out (offline batch work). */
export type ReplicaCapacity =
  | {
      ok: true;
      tp: number;
      precision: Precision;
      kvPrecision: Precision;
      maxConcurrency: number;
      /** Concurrency per replica chosen to meet the SLOs. */
      sloConcurrency: number;
      requestsPerSAtSlo: number;
      /** Throughput at the largest concurrency that fits (no SLO): for offline batch work. */
      requestsPerSSaturated: number;
      ttftMs: number;
      tpotMs: number;
      e2eMs: number;
      /** Latency of a p95-size request at the same concurrency, when the SLO was checked there. */
      p95: { ttftMs: number; tpotMs: number; e2eMs: number } | null;
      weightsGBPerGpu: number;
    }
  | { ok: false; reason: string; tp: number };

/** A request of these sizes as a self-hosted engine sees it: prefix-cache hits skip prefill. */
function engineShape(w: Workload, inputTokens: number, outputTokens: number): RequestShape {
  const cachedTokens = w.promptCache.prefixTokens * w.promptCache.hitRate;
  return { inputTokens, prefillTokens: Math.max(1, inputTokens - cachedTokens), outputTokens };
}

/** The request shape a self-hosted engine sees at the mean sizes. */
export function selfHostShape(w: Workload): RequestShape {
  return engineShape(w, w.inputTokens.mean, w.outputTokens.mean);
}

/**
 * The request shape at the workload's p95 prompt and output sizes (the same cached prefix), or
 * null when it gives neither.
 */
export function selfHostP95Shape(w: Workload): RequestShape | null {
  if (w.inputTokens.p95 === undefined && w.outputTokens.p95 === undefined) return null;
  return engineShape(
    w,
    w.inputTokens.p95 ?? w.inputTokens.mean,
    w.outputTokens.p95 ?? w.outputTokens.mean,
  );
}

/**
 * Sizes one replica for a workload: does it fit, what concurrency meets the SLOs (with the network
 * round trip added to TTFT and E2E), and what it serves there and flat out. A mixture-of-experts
 * model over several GPUs is sized in both layouts (tensor parallel, attention data-parallel) and
 * keeps the one serving more requests at the SLO. With `sloShape` (the p95 sizes), the SLOs are
 * checked on a batch of requests that size — a conservative reading of "a p95-size request meets
 * the SLO" — while throughput and the mean latencies stay at `shape`.
 */
export function replicaCapacity(
  r: ReplicaRequest,
  shape: RequestShape,
  slo: LatencySlo,
  networkMs: number,
  sloShape: RequestShape | null = null,
): ReplicaCapacity {
  const tp = r.tp;
  if (r.model.arch.attentionHeads % tp !== 0) {
    return {
      ok: false,
      tp,
      reason: `tp ${tp} does not divide ${r.model.arch.attentionHeads} attention heads`,
    };
  }
  const tensorParallel = layoutCapacity(r, shape, slo, networkMs, false, sloShape);
  if (r.model.arch.moe === undefined || tp === 1) return tensorParallel;
  const dataParallel = layoutCapacity(r, shape, slo, networkMs, true, sloShape);
  if (!dataParallel.ok) return tensorParallel;
  if (!tensorParallel.ok) return dataParallel;
  return dataParallel.requestsPerSAtSlo > tensorParallel.requestsPerSAtSlo
    ? dataParallel
    : tensorParallel;
}

function layoutCapacity(
  r: ReplicaRequest,
  shape: RequestShape,
  slo: LatencySlo,
  networkMs: number,
  attentionDataParallel: boolean,
  sloShape: RequestShape | null,
): ReplicaCapacity {
  const tp = r.tp;
  const kvPrecision = r.kvPrecision ?? defaultKvPrecision(r.precision);
  const spec = replicaSpec({
    model: r.model,
    gpu: r.gpu,
    tp,
    precision: r.precision,
    kvPrecision,
    engine: r.engine,
    attentionDataParallel,
    ...(r.parameters ? { parameters: r.parameters } : {}),
  });
  const context = shape.inputTokens + shape.outputTokens;
  const maxConc = admittedConcurrency(spec, shape.inputTokens, shape.outputTokens);
  if (maxConc < 1) return { ok: false, tp, reason: noFitReason(spec, context) };
  const search = largestConcurrencyMeetingSlo(spec, sloShape ?? shape, maxConc, slo, networkMs);
  if (!search.ok) {
    return { ok: false, tp, reason: sloShape ? `at p95 sizes: ${search.reason}` : search.reason };
  }
  const point =
    sloShape === null ? search.point : operatingPoint(spec, shape, search.batch, maxConc);
  const saturated = operatingPoint(spec, shape, maxConc, maxConc);
  const p95 = sloShape === null ? null : search.point;
  return {
    ok: true,
    tp,
    precision: r.precision,
    kvPrecision,
    maxConcurrency: maxConc,
    sloConcurrency: search.batch,
    requestsPerSAtSlo: point.requestsPerS,
    requestsPerSSaturated: saturated.requestsPerS,
    ttftMs: point.ttftS * 1000 + networkMs,
    tpotMs: point.tpotS * 1000,
    e2eMs: point.e2eS * 1000 + networkMs,
    p95:
      p95 === null
        ? null
        : {
            ttftMs: p95.ttftS * 1000 + networkMs,
            tpotMs: p95.tpotS * 1000,
            e2eMs: p95.e2eS * 1000 + networkMs,
          },
    weightsGBPerGpu: spec.weightBytesPerGpu / BYTES_PER_GB,
  };
}
