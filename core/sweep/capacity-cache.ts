import type { LatencySlo } from '../perf/slo.ts';
import type { RequestShape } from '../perf/serving.ts';
import {
  replicaCapacity,
  type ReplicaCapacity,
  type ReplicaRequest,
} from '../selfhost/capacity.ts';
import type { EvalContext } from './context.ts';

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
  ].join('|');
  let hit = ctx.capacityCache.get(r.model, r.gpu, key);
  if (hit === undefined) {
    hit = replicaCapacity(
      { ...r, ...(ctx.parameters ? { parameters: ctx.parameters } : {}) },
      shape,
      slo,
      rtt,
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
