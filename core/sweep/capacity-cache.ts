import type { LatencySlo } from '../perf/slo.ts';
import type { RequestShape } from '../perf/serving.ts';
import type { Gpu, OpenModel } from '../schema/catalog.ts';
import type { CloudPlacement, OnpremPlacement } from '../schema/placement.ts';
import {
  replicaCapacity,
  type ReplicaCapacity,
  type ReplicaRequest,
} from '../selfhost/capacity.ts';
import type { EvalContext } from './context.ts';

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
  const key = [
    r.tp,
    r.precision,
    r.kvPrecision ?? '',
    r.engine,
    shape.inputTokens,
    shape.prefillTokens,
    shape.outputTokens,
    slo.ttftMs ?? '',
    slo.tpotMs ?? '',
    slo.e2eMs ?? '',
    rtt,
    sloShape === null
      ? ''
      : `${sloShape.inputTokens},${sloShape.prefillTokens},${sloShape.outputTokens}`,
  ].join('|');
  let hit = ctx.capacityCache.get(r.model, r.gpu, key);
  if (hit === undefined) {
    hit = replicaCapacity(
      { ...r, ...(ctx.parameters ? { parameters: ctx.parameters } : {}) },
      shape,
      slo,
      rtt,
      sloShape,
    );
    ctx.capacityCache.set(r.model, r.gpu, key, hit);
  }
  return hit;
}

/** Tensor-parallel degrees worth trying on `gpus` GPUs: powers of two that divide it. */
export function tpOptions(gpus: number): number[] {
  const out: number[] = [];
  for (let tp = 1; tp <= gpus; tp *= 2) if (gpus % tp === 0) out.push(tp);
  return out;
}

/** The short part of a capacity's cache key: layouts tried, precisions, engine, network delay. */
function layoutKey(
  ctx: EvalContext,
  tps: readonly number[],
  p: CloudPlacement | OnpremPlacement,
  networkMs: number,
): string {
  const w = ctx.workload;
  return `${tps.join(',')}|${p.precision ?? w.precision}|${p.kvPrecision ?? w.kvPrecision ?? ''}|${p.engine}|${Math.round(networkMs)}`;
}

/**
 * The tensor-parallel degree serving the most requests per GPU at the SLO, among `tps`; or the most
 * capable failure to explain. Cached per workload shape (the context's), model, GPU and layout.
 */
export function bestCapacity(
  ctx: EvalContext,
  model: OpenModel,
  gpu: Gpu,
  tps: readonly number[],
  p: CloudPlacement | OnpremPlacement,
  networkMs: number,
): ReplicaCapacity {
  const key = layoutKey(ctx, tps, p, networkMs);
  const hit = ctx.bestCapacity.get(model, gpu, key);
  if (hit !== undefined) return hit;
  const w = ctx.workload;
  const precision = p.precision ?? w.precision;
  const kvPrecision = p.kvPrecision ?? w.kvPrecision;
  let best: OkCapacity | undefined;
  let failure: ReplicaCapacity | undefined;
  for (const tp of tps) {
    const c = cachedCapacity(
      ctx,
      { model, gpu, tp, precision, kvPrecision, engine: p.engine },
      ctx.shape,
      w.slo,
      networkMs,
      ctx.p95Shape,
    );
    if (!c.ok) failure = c;
    else if (best === undefined || c.requestsPerSAtSlo / tp > best.requestsPerSAtSlo / best.tp)
      best = c;
  }
  const result = best ??
    failure ?? { ok: false as const, tp: tps[0] ?? 1, reason: 'no tensor-parallel layout to try' };
  ctx.bestCapacity.set(model, gpu, key, result);
  return result;
}
