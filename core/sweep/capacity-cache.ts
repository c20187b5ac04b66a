import type { LatencySlo } from '../perf/slo.ts';
import type { RequestShape } from '../perf/serving.ts';
import type { Gpu, OpenModel } from '../schema/catalog.ts';
import { ENGINES, PRECISIONS } from '../schema/common.ts';
import type { CloudPlacement, OnpremPlacement } from '../schema/placement.ts';
import { EFFORTS } from '../schema/reasoning.ts';
import {
  replicaCapacity,
  type ReplicaCapacity,
  type ReplicaRequest,
} from '../selfhost/capacity.ts';
import type { EvalContext } from './context.ts';
import { callsPerRequest } from '../workload/task.ts';
import { candidateReasoning, shapesFor, sloFor } from './reasoning-row.ts';

export type OkCapacity = Extract<ReplicaCapacity, { ok: true }>;

/**
 * Replica capacity through the context's cache: keyed by the model and GPU rows themselves (a
 * scenario's own row under a catalog id is a different row) and everything else that changes it.
 */
export function cachedCapacity(
  ctx: EvalContext,
  r: ReplicaRequest,
  shape: RequestShape,
  slo: LatencySlo,
  networkMs: number,
  sloShape: RequestShape | null = null,
): ReplicaCapacity {
  const rtt = Math.round(networkMs);
  const shaped = shapeKey(shape, slo, sloShape);
  const layout = layoutCode(r.tp, r.precision, r.kvPrecision, r.engine, rtt, undefined);
  // A number where the layout and the shape's id fit one; else the key as words.
  const key =
    layout !== null && layout < 2 ** 32 && shaped.id < 2 ** 20
      ? shaped.id * 2 ** 32 + layout
      : `${r.tp}|${r.precision}|${r.kvPrecision ?? ''}|${r.engine}|${rtt}|${shaped.key}`;
  let hit = ctx.capacityCache.get(r.model, r.gpu, key);
  if (hit === undefined) {
    // The request is the caller's own (made for this look-up): no copy unless parameters join it.
    hit = replicaCapacity(
      ctx.parameters ? { ...r, parameters: ctx.parameters } : r,
      shape,
      slo,
      rtt,
      sloShape,
    );
    ctx.capacityCache.set(r.model, r.gpu, key, hit);
  }
  return hit;
}

/**
 * The part of a capacity's key from its request shapes and SLO, as words and as a small number
 * (one per distinct shape), kept for the last three objects.
 */
function shapeKey(
  shape: RequestShape,
  slo: LatencySlo,
  sloShape: RequestShape | null,
): { key: string; id: number } {
  const last = lastShapeKey;
  if (
    last !== undefined &&
    last.shape === shape &&
    last.slo === slo &&
    last.sloShape === sloShape
  ) {
    return last.shaped;
  }
  const key = [
    shape.inputTokens,
    shape.prefillTokens,
    shape.outputTokens,
    slo.ttftMs ?? '',
    slo.tpotMs ?? '',
    slo.e2eMs ?? '',
    slo.ttftAfterTokens ?? '',
    sloShape === null
      ? ''
      : `${sloShape.inputTokens},${sloShape.prefillTokens},${sloShape.outputTokens}`,
  ].join('|');
  let id = SHAPE_IDS.get(key);
  if (id === undefined) SHAPE_IDS.set(key, (id = SHAPE_IDS.size));
  const shaped = { key, id };
  lastShapeKey = { shape, slo, sloShape, shaped };
  return shaped;
}

/** A number per distinct shape key, for numeric cache keys. */
const SHAPE_IDS = new Map<string, number>();

/** A sweep's capacities share the context's shapes and SLO: the key part made last. */
let lastShapeKey:
  | {
      shape: RequestShape;
      slo: LatencySlo;
      sloShape: RequestShape | null;
      shaped: { key: string; id: number };
    }
  | undefined;

const PRECISION_CODES = new Map<string, number>(PRECISIONS.map((p, i) => [p, i + 1]));
const ENGINE_CODES = new Map<string, number>(ENGINES.map((e, i) => [e, i]));
const EFFORT_CODES = new Map<string, number>(EFFORTS.map((e, i) => [e, i + 1]));

/**
 * A layout tried as one number (tensor-parallel degrees as bits, precisions, engine, reasoning
 * effort, network delay in whole ms), or null when one does not fit its bits: a cache looked up
 * thousands of times a sweep then builds and hashes no key string. `tps` is one degree or several.
 */
function layoutCode(
  tps: number | readonly number[],
  precision: string,
  kvPrecision: string | undefined,
  engine: string,
  rtt: number,
  effort: string | undefined,
): number | null {
  let mask = 0;
  let lastBit = -1;
  // One degree is read as itself, not wrapped in an array: every capacity looked up asks for one.
  const count = typeof tps === 'number' ? 1 : tps.length;
  for (let i = 0; i < count; i++) {
    const tp = typeof tps === 'number' ? tps : (tps[i] as number);
    // Ascending powers of two (as tried: the order breaks ties), else the key in words.
    const bit = Math.log2(tp);
    if (!Number.isInteger(bit) || bit <= lastBit || bit > 15) return null;
    mask |= 1 << bit;
    lastBit = bit;
  }
  const p = PRECISION_CODES.get(precision);
  const kv = kvPrecision === undefined ? 0 : PRECISION_CODES.get(kvPrecision);
  const e = ENGINE_CODES.get(engine);
  const r = effort === undefined ? 0 : EFFORT_CODES.get(effort);
  if (p === undefined || kv === undefined || e === undefined || r === undefined) return null;
  if (!Number.isInteger(rtt) || rtt < 0 || rtt >= 2 ** 12) return null;
  // 16 bits of degrees, 3 + 3 of precisions, 2 of engine, 3 of effort, 12 of delay: 39 bits.
  return ((((mask * 8 + p) * 8 + kv) * 4 + e) * 8 + r) * 2 ** 12 + rtt;
}

/**
 * Tensor-parallel degrees worth trying on `gpus` GPUs: powers of two that divide it. One list per
 * count, shared (read only): a sweep asks for one per instance shape sized.
 */
export function tpOptions(gpus: number): readonly number[] {
  let out = TP_OPTIONS.get(gpus);
  if (out === undefined) {
    const degrees: number[] = [];
    for (let tp = 1; tp <= gpus; tp *= 2) if (gpus % tp === 0) degrees.push(tp);
    TP_OPTIONS.set(gpus, (out = Object.freeze(degrees)));
  }
  return out;
}

const TP_OPTIONS = new Map<number, readonly number[]>();

/** The short part of a capacity's cache key: layouts tried, precisions, engine, network delay. */
function layoutKey(
  ctx: EvalContext,
  tps: readonly number[],
  p: CloudPlacement | OnpremPlacement,
  networkMs: number,
): string {
  const w = ctx.workload;
  return `${tps.join(',')}|${p.precision ?? w.precision}|${p.kvPrecision ?? w.kvPrecision ?? ''}|${p.engine}|${Math.round(networkMs)}|${p.effort ?? ''}`;
}

/**
 * The tensor-parallel degree serving the most requests per GPU at the SLO, among `tps`; or the most
 * capable failure to explain. Cached per workload shape (the context's), model, GPU and layout.
 * The candidate's reasoning tokens are decoded with its output, unless `reasoningTokens` says
 * otherwise (0: the same replica with reasoning off, for reasoning's share of the cost).
 */
export function bestCapacity(
  ctx: EvalContext,
  model: OpenModel,
  gpu: Gpu,
  tps: readonly number[],
  p: CloudPlacement | OnpremPlacement,
  networkMs: number,
  reasoningTokens?: number,
): ReplicaCapacity {
  const w = ctx.workload;
  const precision = p.precision ?? w.precision;
  const kvPrecision = p.kvPrecision ?? w.kvPrecision;
  const code =
    reasoningTokens === undefined
      ? layoutCode(tps, precision, kvPrecision, p.engine, Math.round(networkMs), p.effort)
      : null;
  const key =
    code ??
    layoutKey(ctx, tps, p, networkMs) +
      (reasoningTokens === undefined ? '' : `|r${reasoningTokens}`);
  const hit = ctx.bestCapacity.get(model, gpu, key);
  if (hit !== undefined) return hit;
  // Hidden reasoning is decoded like output: it lengthens every request the replica serves.
  const reasoning = reasoningTokens ?? candidateReasoning(ctx, model, p.effort).tokensPerRequest;
  const { shape, p95Shape } = shapesFor(ctx, reasoning);
  const slo = sloFor(ctx, reasoning);
  let best: OkCapacity | undefined;
  let failure: ReplicaCapacity | undefined;
  // One request for every degree tried: a sizing reads it and keeps none of it.
  const request: ReplicaRequest = { model, gpu, tp: 1, precision, kvPrecision, engine: p.engine };
  for (const tp of tps) {
    request.tp = tp;
    const c = cachedCapacity(ctx, request, shape, slo, networkMs, p95Shape);
    if (!c.ok) failure = c;
    else if (best === undefined || c.requestsPerSAtSlo / tp > best.requestsPerSAtSlo / best.tp)
      best = c;
  }
  const found = best ??
    failure ?? { ok: false as const, tp: tps[0] ?? 1, reason: 'no tensor-parallel layout to try' };
  const result = perRequest(found, callsPerRequest(w));
  ctx.bestCapacity.set(model, gpu, key, result);
  return result;
}

/**
 * A replica's capacity in the workload's requests: a task is `calls` model calls, so a replica
 * serving N calls a second serves N ÷ calls tasks. Latencies stay those of one call (a turn).
 */
function perRequest(c: ReplicaCapacity, calls: number): ReplicaCapacity {
  if (calls === 1 || !c.ok) return c;
  return {
    ...c,
    requestsPerSAtSlo: c.requestsPerSAtSlo / calls,
    requestsPerSSaturated: c.requestsPerSSaturated / calls,
  };
}

/**
 * Share of a replica's capacity that the candidate's reasoning takes: 1 − what a replica serves
 * with it ÷ what the same layout serves with reasoning off. What a fleet that follows demand pays
 * for reasoning; an owned or committed fleet pays for whole units, so read it as a share of the
 * capacity. 0 without reasoning; null when the layout without it cannot be sized.
 */
export function reasoningShareOfCapacity(
  ctx: EvalContext,
  model: OpenModel,
  gpu: Gpu,
  p: CloudPlacement | OnpremPlacement,
  capacity: OkCapacity,
  networkMs: number,
): number | null {
  if (candidateReasoning(ctx, model, p.effort).tokensPerRequest === 0) return 0;
  const off = bestCapacity(ctx, model, gpu, [capacity.tp], p, networkMs, 0);
  if (!off.ok || off.requestsPerSAtSlo <= 0) return null;
  return Math.max(0, 1 - capacity.requestsPerSAtSlo / off.requestsPerSAtSlo);
}
