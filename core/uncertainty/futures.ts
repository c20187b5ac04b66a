import type { ReplicaCapacity } from '../selfhost/capacity.ts';
import {
  contextFor,
  NO_PRICE_CHANGE,
  type EvalContext,
  type PriceChanges,
} from '../sweep/context.ts';
import type { ObjectPairCache } from '../sweep/object-cache.ts';
import { hashString, latinHypercubeColumn } from '../stats/latin-hypercube.ts';
import {
  threePointQuantiles,
  type ThreePoint,
  type ThreePointDistribution,
} from '../stats/distributions.ts';
import type { Assumptions } from './inputs.ts';
import { applyRange, type ResolvedRange } from './ranges.ts';

/**
 * Steps between the likely value and each end of a range at which self-hosted replicas are sized:
 * 3 gives 7 levels (low, ⅓ and ⅔ of the way to likely, likely, and the same towards high).
 */
const REPLICA_STEPS_PER_SIDE = 3;

/** The simulated futures: one value per range and sample, drawn once, shared by every candidate. */
export interface Futures {
  readonly count: number;
  readonly ranges: readonly ResolvedRange[];
  /** values[r][i]: range r's value in future i. */
  readonly values: readonly Float64Array[];
  /** For ranges that change a replica's request shape, the levels replicas are sized at. */
  readonly levels: readonly (Float64Array | null)[];
}

/**
 * Draws `count` futures by Latin hypercube sampling: each range's column has one draw in each of
 * `count` equally likely strata of its distribution, in a random order. Each range has its own
 * stream (seeded by the seed and its id), so its column does not depend on which other inputs are
 * uncertain; ranges are independent of one another.
 */
export function drawFutures(
  ranges: readonly ResolvedRange[],
  distribution: ThreePointDistribution,
  count: number,
  seed: number,
): Futures {
  const values = ranges.map((r) =>
    threePointQuantiles(distribution, r, latinHypercubeColumn(count, seed, hashString(r.id))),
  );
  const levels = ranges.map((r) =>
    'input' in r.target && r.target.input.shapesReplicas ? replicaLevels(r) : null,
  );
  return { count, ranges, values, levels };
}

/** The levels between low and high a replica is sized at: evenly spaced on each side of likely. */
export function replicaLevels(t: ThreePoint): Float64Array {
  const steps = REPLICA_STEPS_PER_SIDE;
  const out: number[] = [];
  for (let k = 0; k < steps; k++) out.push(t.low + ((t.likely - t.low) * k) / steps);
  out.push(t.likely);
  for (let k = 1; k <= steps; k++) out.push(t.likely + ((t.high - t.likely) * k) / steps);
  return Float64Array.from(out);
}

/** The level nearest to x (the lower one on a tie). */
export function nearestLevel(levels: Float64Array, x: number): number {
  let best = levels[0] as number;
  for (let k = 1; k < levels.length; k++) {
    const level = levels[k] as number;
    if (Math.abs(level - x) < Math.abs(best - x)) best = level;
  }
  return best;
}

/** One future: the assumptions, the same with replica shapes on their levels, and the prices. */
export interface Future {
  /** Every input at its sampled value: hosted APIs are costed with these. */
  assumptions: Assumptions;
  /**
   * Prompt and output sizes and the prompt-cache hit rate on their nearest replica levels:
   * self-hosted candidates are sized with these (the same object when none of them is uncertain).
   */
  replicaAssumptions: Assumptions;
  prices: PriceChanges;
}

/** Future i of the draw, on top of the base assumptions. */
export function futureAt(base: Assumptions, futures: Futures, i: number): Future {
  let exact = base;
  let prices: PriceChanges = { ...NO_PRICE_CHANGE };
  const shaped: { range: ResolvedRange; value: number; level: number }[] = [];
  for (let r = 0; r < futures.ranges.length; r++) {
    const range = futures.ranges[r] as ResolvedRange;
    const value = (futures.values[r] as Float64Array)[i] as number;
    const levels = futures.levels[r];
    if (levels !== null && levels !== undefined) {
      shaped.push({ range, value, level: nearestLevel(levels, value) });
      continue;
    }
    const next = applyRange(range, exact, prices, value);
    exact = next.assumptions;
    prices = next.prices;
  }
  if (shaped.length === 0) return { assumptions: exact, replicaAssumptions: exact, prices };
  let sampled = exact;
  let leveled = exact;
  for (const s of shaped) {
    sampled = applyRange(s.range, sampled, prices, s.value).assumptions;
    leveled = applyRange(s.range, leveled, prices, s.level).assumptions;
  }
  return { assumptions: sampled, replicaAssumptions: leveled, prices };
}

/** The contexts a future is evaluated in: hosted APIs with exact values, self-hosted on levels. */
export function futureContexts(
  ctx: EvalContext,
  f: Future,
  bestCapacityCache: Map<string, ObjectPairCache<ReplicaCapacity>>,
): { api: EvalContext; selfHost: EvalContext } {
  const at = (a: Assumptions) =>
    contextFor(ctx, a.workload, a.value, { priceChange: f.prices, bestCapacityCache });
  const api = at(f.assumptions);
  return {
    api,
    selfHost: f.replicaAssumptions === f.assumptions ? api : at(f.replicaAssumptions),
  };
}
