import { noFitReason } from '../perf/estimate.ts';
import { PERF_PARAMETERS, type PerfParameters } from '../perf/efficiency.ts';
import { defaultKvPrecision } from '../perf/precision.ts';
import { admittedConcurrency, replicaSpec, type ReplicaSpec } from '../perf/replica.ts';
import { operatingPoint, type OperatingPoint, type RequestShape } from '../perf/serving.ts';
import { largestConcurrencyMeetingSlo, type LatencySlo } from '../perf/slo.ts';
import type { Gpu, OpenModel } from '../schema/catalog.ts';
import type { Engine, Precision } from '../schema/common.ts';
import type { Workload } from '../schema/workload.ts';
import { BYTES_PER_GB } from '../units.ts';
import { prefixTokensCosted } from '../workload/derive.ts';
import { cachedTaskTurns, meanTurn } from '../workload/task.ts';

/**
 * GiB as this module's own constant: run by tsx (the CLI, `npm run bench`) the modules are
 * CommonJS, where each read of an import is a getter call, and every sizing reads it.
 */
const GIB = BYTES_PER_GB;

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

/**
 * A request of these sizes as a self-hosted engine sees it: prefix-cache hits skip prefill (the
 * shared prefix at its hit rate, or a task's carried context where that is more).
 */
function engineShape(
  w: Workload,
  inputTokens: number,
  outputTokens: number,
  carriedCachedTokens = 0,
): RequestShape {
  const cachedTokens = Math.max(prefixTokensCosted(w) * w.promptCache.hitRate, carriedCachedTokens);
  return { inputTokens, prefillTokens: Math.max(1, inputTokens - cachedTokens), outputTokens };
}

/**
 * The request shape a self-hosted engine sees at the mean sizes, with the hidden reasoning tokens
 * decoded like output. A task's calls are taken at its mean turn, the carried context
 * prefix-cached at the task's cached share: an approximation of turns that grow one by one.
 */
export function selfHostShape(w: Workload, reasoningTokens = 0): RequestShape {
  const output = w.outputTokens.mean + reasoningTokens;
  if (w.task === undefined) return engineShape(w, w.inputTokens.mean, output);
  const turn = meanTurn(w);
  return engineShape(w, turn.inputTokens, output, turn.carriedTokens * w.task.cachedShare);
}

/**
 * The request shape at the workload's p95 prompt and output sizes (the same cached prefix), or
 * null when it gives neither; for a task, its largest turn (the SLOs then hold on every turn).
 */
export function selfHostP95Shape(w: Workload, reasoningTokens = 0): RequestShape | null {
  const output = (w.outputTokens.p95 ?? w.outputTokens.mean) + reasoningTokens;
  if (w.task !== undefined) {
    const turns = cachedTaskTurns(w);
    const last = turns.reduce((a, b) => (b.inputTokens > a.inputTokens ? b : a));
    return engineShape(w, last.inputTokens, output, last.carriedTokens * w.task.cachedShare);
  }
  if (w.inputTokens.p95 === undefined && w.outputTokens.p95 === undefined) return null;
  return engineShape(w, w.inputTokens.p95 ?? w.inputTokens.mean, output);
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
  const kvPrecision = r.kvPrecision ?? defaultKvPrecision(r.precision);
  const tensorParallel = layoutCapacity(r, kvPrecision, shape, slo, networkMs, false, sloShape);
  if (r.model.arch.moe === undefined || tp === 1) return settled(tensorParallel);
  if (tensorParallel.ok && !mayServeMore(r, kvPrecision, shape, tensorParallel.requestsPerSAtSlo)) {
    return tensorParallel;
  }
  const dataParallel = layoutCapacity(r, kvPrecision, shape, slo, networkMs, true, sloShape);
  if (!dataParallel.ok) return settled(tensorParallel);
  if (!tensorParallel.ok) return dataParallel;
  return dataParallel.requestsPerSAtSlo > tensorParallel.requestsPerSAtSlo
    ? dataParallel
    : tensorParallel;
}

/**
 * Whether attention data-parallel could serve more than `requestsPerS` at the SLO: it never
 * serves more at the SLO than flat out, so when its saturated rate is no higher its SLO search
 * is skipped (the common case where the data-parallel layout does not pay).
 */
function mayServeMore(
  r: ReplicaRequest,
  kvPrecision: Precision,
  shape: RequestShape,
  requestsPerS: number,
): boolean {
  const spec = cachedSpec(r, kvPrecision, true);
  const maxConc = admittedConcurrency(spec, shape.inputTokens, shape.outputTokens);
  return (
    maxConc >= 1 &&
    operatingPoint(spec, shape, maxConc, maxConc, pointScratch).requestsPerS > requestsPerS
  );
}

/**
 * Where a sizing works out the points it reads a few numbers from and drops (the mean shape's
 * points when the SLO was checked at p95 sizes): thousands of sizings a what-if step, so none of
 * them allocates one. Read before the next sizing writes them.
 */
const pointScratch = newPoint();
const saturatedScratch = newPoint();

function newPoint(): OperatingPoint {
  return { batch: 0, ttftS: 0, tpotS: 0, e2eS: 0, requestsPerS: 0, outputTokPerS: 0 };
}

/** A layout that holds not even one sequence, its reason written only if it is the answer. */
interface NoFit {
  ok: false;
  tp: number;
  noFit: { spec: ReplicaSpec; contextTokens: number };
}

function settled(c: ReplicaCapacity | NoFit): ReplicaCapacity {
  return 'noFit' in c
    ? { ok: false, tp: c.tp, reason: noFitReason(c.noFit.spec, c.noFit.contextTokens) }
    : c;
}

/**
 * Replica constants by parameters, model and GPU rows and layout: they do not depend on the
 * workload, so a change of prompt or output size (a what-if) or another SLO re-sizes with them.
 */
type SpecsByModel = WeakMap<OpenModel, WeakMap<Gpu, Map<number, ReplicaSpec>>>;
const specs = new WeakMap<PerfParameters, SpecsByModel>();
/** Specs under the default parameters: most sizings, which then look up no parameters. */
const defaultSpecs: SpecsByModel = new WeakMap();
const PRECISION_CODE: Record<Precision, number> = {
  fp16: 0,
  bf16: 1,
  fp8: 2,
  int8: 3,
  int4: 4,
  fp4: 5,
};
const ENGINE_CODE: Record<Engine, number> = { vllm: 0, trtllm: 1, sglang: 2, tgi: 3 };

function cachedSpec(
  r: ReplicaRequest,
  kvPrecision: Precision,
  attentionDataParallel: boolean,
): ReplicaSpec {
  const parameters = r.parameters;
  let byModel = defaultSpecs;
  if (parameters !== undefined) {
    let own = specs.get(parameters);
    if (own === undefined) specs.set(parameters, (own = new WeakMap()));
    byModel = own;
  }
  let byGpu = byModel.get(r.model);
  if (byGpu === undefined) byModel.set(r.model, (byGpu = new WeakMap()));
  let byLayout = byGpu.get(r.gpu);
  if (byLayout === undefined) byGpu.set(r.gpu, (byLayout = new Map()));
  // A number, not a string: building a string key per sizing cost more than the lookup saved.
  const key =
    (((r.tp * 8 + PRECISION_CODE[r.precision]) * 8 + PRECISION_CODE[kvPrecision]) * 4 +
      ENGINE_CODE[r.engine]) *
      2 +
    (attentionDataParallel ? 1 : 0);
  let spec = byLayout.get(key);
  if (spec === undefined) {
    spec = replicaSpec({
      model: r.model,
      gpu: r.gpu,
      tp: r.tp,
      precision: r.precision,
      kvPrecision,
      engine: r.engine,
      attentionDataParallel,
      parameters: parameters ?? PERF_PARAMETERS,
    });
    byLayout.set(key, spec);
  }
  return spec;
}

function layoutCapacity(
  r: ReplicaRequest,
  kvPrecision: Precision,
  shape: RequestShape,
  slo: LatencySlo,
  networkMs: number,
  attentionDataParallel: boolean,
  sloShape: RequestShape | null,
): ReplicaCapacity | NoFit {
  const tp = r.tp;
  const spec = cachedSpec(r, kvPrecision, attentionDataParallel);
  const maxConc = admittedConcurrency(spec, shape.inputTokens, shape.outputTokens);
  if (maxConc < 1) {
    return {
      ok: false,
      tp,
      noFit: { spec, contextTokens: shape.inputTokens + shape.outputTokens },
    };
  }
  const search = largestConcurrencyMeetingSlo(spec, sloShape ?? shape, maxConc, slo, networkMs);
  if (!search.ok) {
    return { ok: false, tp, reason: sloShape ? `at p95 sizes: ${search.reason}` : search.reason };
  }
  const point =
    sloShape === null
      ? search.point
      : operatingPoint(spec, shape, search.batch, maxConc, pointScratch);
  // The search tried the largest batch on the SLO's shape: flat out, when that is the mean's.
  const saturated =
    sloShape === null
      ? search.atMax
      : operatingPoint(spec, shape, maxConc, maxConc, saturatedScratch);
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
    weightsGBPerGpu: spec.weightBytesPerGpu / GIB,
  };
}
