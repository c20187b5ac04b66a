import { onpremCost, type OnpremCost } from '../selfhost/onprem-cost.ts';
import { co2Kg } from '../selfhost/energy.ts';
import type { Gpu, OpenModel } from '../schema/catalog.ts';
import type { OnpremPlacement } from '../schema/placement.ts';
import { bestCapacity, type OkCapacity } from './capacity-cache.ts';
import type { EvalContext } from './context.ts';
import type { CostAtVolume } from './result.ts';
import {
  infeasibleRow,
  noOpenWeights,
  openModel,
  sizedRow,
  type Identity,
} from './selfhost-row.ts';
import type { CandidateResult, EvaluateOptions } from './types.ts';

const ONPREM_TP_OPTIONS = [1, 2, 4, 8];

type OnpremSizing =
  | { ok: true; capacity: OkCapacity; cost: Extract<OnpremCost, { ok: true }> }
  | { ok: false; reason: string };

/**
 * Owned GPUs: the tensor-parallel degree that costs least at the workload's volume (the smallest
 * on a tie). One replica is the unit bought, so a wider layout that serves more per GPU can still
 * buy GPUs a small workload never needs. With none feasible, the most capable failure.
 */
function onpremSizing(
  ctx: EvalContext,
  p: OnpremPlacement,
  model: OpenModel,
  gpu: Gpu,
): OnpremSizing {
  const tps = p.tp ? [p.tp] : ONPREM_TP_OPTIONS;
  let best: Extract<OnpremSizing, { ok: true }> | undefined;
  let costFailure: string | undefined;
  for (const tp of tps) {
    const capacity = bestCapacity(ctx, model, gpu, [tp], p, 0);
    if (!capacity.ok) continue;
    const cost = onpremCost(p, gpu, capacity, ctx.workload, ctx.rates);
    if (!cost.ok) {
      costFailure = cost.reason;
      continue;
    }
    if (best === undefined || cost.monthlyUsd < best.cost.monthlyUsd) {
      best = { ok: true, capacity, cost };
    }
  }
  if (best !== undefined) return best;
  if (costFailure !== undefined) return { ok: false, reason: costFailure };
  const failure = bestCapacity(ctx, model, gpu, tps, p, 0);
  return { ok: false, reason: failure.ok ? 'no feasible layout' : failure.reason };
}

/** The owned layout's monthly cost at any volume: the same capacity, a re-sized fleet. */
function onpremCostAt(p: OnpremPlacement, gpu: Gpu, capacity: OkCapacity): CostAtVolume {
  return (w, rates) => {
    const c = onpremCost(p, gpu, capacity, w, rates);
    return c.ok ? c.monthlyUsd : Number.POSITIVE_INFINITY;
  };
}

/** Evaluates an owned-GPU candidate. */
export function evaluateOnprem(
  ctx: EvalContext,
  p: OnpremPlacement,
  options: EvaluateOptions = {},
): CandidateResult {
  const gpu = ctx.index.gpus.get(p.gpuId);
  if (gpu === undefined) throw new Error(`unknown GPU '${p.gpuId}'`);
  const model = ctx.index.models.get(p.modelId);
  const identity: Identity = { placement: p, model, gpu };
  const open = openModel(model);
  if (open === undefined) return infeasibleRow(ctx, identity, noOpenWeights(p.modelId));
  const sizing = onpremSizing(ctx, p, open, gpu);
  if (!sizing.ok) return infeasibleRow(ctx, identity, sizing.reason);
  const { capacity, cost } = sizing;
  return sizedRow(ctx, identity, open, capacity, cost.monthlyUsd, cost.breakdown, options, {
    replicasPeak: cost.fleet.unitsPeak,
    gpusPeak: cost.gpus,
    instancesPeak: null,
    utilization: cost.fleet.utilization,
    energyKwh: cost.energyKwh,
    co2Kg: co2Kg(cost.energyKwh, p.gridGCo2PerKwh),
    warnings: [],
    costAt: () => onpremCostAt(p, gpu, capacity),
  });
}

/**
 * Monthly cost of an owned-GPU candidate at another volume: the layout chosen at the workload's
 * own volume (the candidate is that layout); null when it cannot be costed.
 */
export function onpremCostAtVolume(ctx: EvalContext, p: OnpremPlacement): CostAtVolume | null {
  const gpu = ctx.index.gpus.get(p.gpuId);
  const open = openModel(ctx.index.models.get(p.modelId));
  if (gpu === undefined || open === undefined) return null;
  const sizing = onpremSizing(ctx, p, open, gpu);
  return sizing.ok ? onpremCostAt(p, gpu, sizing.capacity) : null;
}
