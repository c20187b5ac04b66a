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
      weightsGBPerGpu: number;
    }
  | { ok: false; reason: string; tp: number };

/** The request shape a self-hosted engine sees: prefix-cache hits skip their prefill. */
export function selfHostShape(w: Workload): RequestShape {
  const cachedTokens = w.promptCache.prefixTokens * w.promptCache.hitRate;
  return {
    inputTokens: w.inputTokens.mean,
    prefillTokens: Math.max(1, w.inputTokens.mean - cachedTokens),
    outputTokens: w.outputTokens.mean,
  };
}

/**
 * Sizes one replica for a workload: does it fit, what concurrency meets the SLOs (with the network
 * round trip added to TTFT and E2E), and what it serves there and flat out. A mixture-of-experts
 * model over several GPUs is sized in both layouts (tensor parallel, attention data-parallel) and
 * keeps the one serving more requests at the SLO.
 */
export function replicaCapacity(
  r: ReplicaRequest,
  shape: RequestShape,
  slo: LatencySlo,
  networkMs: number,
): ReplicaCapacity {
  const tp = r.tp;
  if (r.model.arch.attentionHeads % tp !== 0) {
    return {
      ok: false,
      tp,
      reason: `tp ${tp} does not divide ${r.model.arch.attentionHeads} attention heads`,
    };
  }
  const tensorParallel = layoutCapacity(r, shape, slo, networkMs, false);
  if (r.model.arch.moe === undefined || tp === 1) return tensorParallel;
  const dataParallel = layoutCapacity(r, shape, slo, networkMs, true);
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
  const search = largestConcurrencyMeetingSlo(spec, shape, maxConc, slo, networkMs);
  if (!search.ok) return { ok: false, tp, reason: search.reason };
  const saturated = operatingPoint(spec, shape, maxConc, maxConc);
  return {
    ok: true,
    tp,
    precision: r.precision,
    kvPrecision,
    maxConcurrency: maxConc,
    sloConcurrency: search.batch,
    requestsPerSAtSlo: search.point.requestsPerS,
    requestsPerSSaturated: saturated.requestsPerS,
    ttftMs: search.point.ttftS * 1000 + networkMs,
    tpotMs: search.point.tpotS * 1000,
    e2eMs: search.point.e2eS * 1000 + networkMs,
    weightsGBPerGpu: spec.weightBytesPerGpu / BYTES_PER_GB,
  };
}
