import type { LatencySlo } from '../perf/slo.ts';
import type { RequestShape } from '../perf/serving.ts';
import {
  replicaCapacity,
  type ReplicaCapacity,
  type ReplicaRequest,
} from '../selfhost/capacity.ts';
import type { EvalContext } from './context.ts';

/** Replica capacity through the context's cache (keyed by everything that changes it). */
export function cachedCapacity(
  ctx: EvalContext,
  r: ReplicaRequest,
  shape: RequestShape,
  slo: LatencySlo,
  networkMs: number,
): ReplicaCapacity {
  const key = [
    r.model.id,
    r.gpu.id,
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
    Math.round(networkMs),
  ].join('|');
  let hit = ctx.capacityCache.get(key);
  if (hit === undefined) {
    hit = replicaCapacity(
      { ...r, ...(ctx.parameters ? { parameters: ctx.parameters } : {}) },
      shape,
      slo,
      Math.round(networkMs),
    );
    ctx.capacityCache.set(key, hit);
  }
  return hit;
}

/** Tensor-parallel degrees worth trying on `gpus` GPUs: powers of two that divide it. */
export function tpOptions(gpus: number): number[] {
  const out: number[] = [];
  for (let tp = 1; tp <= gpus; tp *= 2) if (gpus % tp === 0) out.push(tp);
  return out;
}
