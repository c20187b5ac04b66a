import { higherIsBetter, type Objective } from '../decision/objective.ts';
import type { CandidatePlacement } from '../schema/route.ts';
import { sortByRank } from './rank-sort.ts';
import type { CandidateResult } from './types.ts';

export const KIND_CODE = { api: 0, cloud: 1, onprem: 2, route: 3 } as const;

/**
 * A sweep's results as columns: tens of thousands of candidates without an object each. NaN
 * marks an unknown number. Full rows (labels, breakdown, details) are built on demand.
 */
export interface SweepColumns {
  readonly size: number;
  readonly placements: readonly CandidatePlacement[];
  readonly kind: Uint8Array;
  readonly feasible: Uint8Array;
  readonly monthlyUsd: Float64Array;
  readonly tcoUsd: Float64Array;
  readonly perOutcomeUsd: Float64Array;
  readonly ttftMs: Float64Array;
  /** Time to the first visible token (after hidden reasoning). */
  readonly ttftVisibleMs: Float64Array;
  /** Hidden reasoning tokens per request (0 for models that do not reason). */
  readonly reasoningTokens: Float64Array;
  readonly tpotMs: Float64Array;
  readonly e2eMs: Float64Array;
  readonly quality: Float64Array;
  readonly gpusPeak: Float64Array;
  readonly utilization: Float64Array;
  readonly netMonthlyUsd: Float64Array;
  readonly npvUsd: Float64Array;
  readonly paybackMonth: Float64Array;
  readonly reasons: (readonly string[])[];
  /** Rows already built (on-premises candidates while sweeping; the others when shown). */
  readonly rows: (CandidateResult | undefined)[];
}

export function allocateColumns(placements: readonly CandidatePlacement[]): SweepColumns {
  const n = placements.length;
  const nan = () => new Float64Array(n).fill(Number.NaN);
  return {
    size: n,
    placements,
    kind: new Uint8Array(n),
    feasible: new Uint8Array(n),
    monthlyUsd: nan(),
    tcoUsd: nan(),
    perOutcomeUsd: nan(),
    ttftMs: nan(),
    ttftVisibleMs: nan(),
    reasoningTokens: nan(),
    tpotMs: nan(),
    e2eMs: nan(),
    quality: nan(),
    gpusPeak: nan(),
    utilization: nan(),
    netMonthlyUsd: nan(),
    npvUsd: nan(),
    paybackMonth: nan(),
    reasons: new Array<readonly string[]>(n),
    // Sparse: rows are built for a few candidates (on-premises ones, those shown); a 60,000-slot
    // array of holes costs a full sweep 0.3 ms to make.
    rows: [],
  };
}

/** NaN for an unknown number, as the columns mark it. */
export const nanOf = (v: number | null | undefined) =>
  v === null || v === undefined ? Number.NaN : v;

/** Copies a built row into the columns. */
export function writeRow(t: SweepColumns, i: number, r: CandidateResult): void {
  t.rows[i] = r;
  t.kind[i] = KIND_CODE[r.kind];
  t.feasible[i] = r.feasible ? 1 : 0;
  t.monthlyUsd[i] = nanOf(r.monthlyUsd);
  t.tcoUsd[i] = nanOf(r.tcoUsd);
  t.perOutcomeUsd[i] = nanOf(r.perOutcomeUsd);
  t.ttftMs[i] = nanOf(r.ttftMs);
  t.ttftVisibleMs[i] = nanOf(r.ttftVisibleMs);
  t.reasoningTokens[i] = r.reasoningTokensPerRequest;
  t.tpotMs[i] = nanOf(r.tpotMs);
  t.e2eMs[i] = nanOf(r.e2eMs);
  t.quality[i] = nanOf(r.quality);
  t.gpusPeak[i] = nanOf(r.selfHost?.gpusPeak);
  t.utilization[i] = nanOf(r.selfHost?.utilization);
  t.netMonthlyUsd[i] = nanOf(r.roi?.netMonthlyUsd);
  t.npvUsd[i] = nanOf(r.roi?.npvUsd);
  t.paybackMonth[i] = nanOf(r.roi?.paybackMonth);
  t.reasons[i] = r.reasons;
}

/**
 * The cost a chart plots for an objective: the horizon cost, the monthly cost or the cost per
 * outcome; the horizon cost when ranking by NPV (a value, not a cost).
 */
export function objectiveCostColumn(t: SweepColumns, objective: Objective): Float64Array {
  return objective === 'monthly'
    ? t.monthlyUsd
    : objective === 'perOutcome'
      ? t.perOutcomeUsd
      : t.tcoUsd;
}

/** The objective's own value per candidate (NPV as NPV); NaN where unknown. */
export function objectiveColumn(t: SweepColumns, objective: Objective): Float64Array {
  return objective === 'tco'
    ? t.tcoUsd
    : objective === 'npv'
      ? t.npvUsd
      : objective === 'monthly'
        ? t.monthlyUsd
        : t.perOutcomeUsd;
}

/**
 * The objective's value per candidate, lower is better (NPV negated); NaN (unknown) becomes +∞ so
 * it sorts last.
 */
export function objectiveKeys(t: SweepColumns, objective: Objective): Float64Array {
  const source = objectiveColumn(t, objective);
  const sign = higherIsBetter(objective) ? -1 : 1;
  const keys = new Float64Array(t.size);
  for (let i = 0; i < t.size; i++) {
    const v = source[i] as number;
    keys[i] = v === v ? sign * v : Number.POSITIVE_INFINITY;
  }
  return keys;
}

/**
 * Rank order: feasible first, then the objective (lower cost, or higher NPV), end-to-end latency,
 * quality (higher first), and the order given (stable and deterministic for a given catalog).
 */
export function rankOrder(t: SweepColumns, keys: Float64Array): Int32Array {
  const n = t.size;
  // Candidates with nothing known (no cost, latency or quality: most infeasible ones of a full
  // sweep) compare equal on every key, so they come last, in the order given: kept apart unsorted.
  // Groups: 0 feasible, 1 feasible with nothing known, 2 infeasible, 3 infeasible with nothing known.
  const group = new Uint8Array(n);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const l = t.e2eMs[i] as number;
    const q = t.quality[i] as number;
    // Unknown (NaN) latency and quality count as the worst there is, as the sort has them.
    const unknown =
      keys[i] === Number.POSITIVE_INFINITY &&
      (l !== l || l === Number.POSITIVE_INFINITY) &&
      (q !== q || q === Number.NEGATIVE_INFINITY);
    const g = (t.feasible[i] === 1 ? 0 : 2) + (unknown ? 1 : 0);
    group[i] = g;
    counts[g]!++;
  }
  const next = [0, counts[0]!, counts[0]! + counts[1]!, counts[0]! + counts[1]! + counts[2]!];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[group[i] as number]!++] = i;
  sortByRank(order, 0, counts[0]!, keys, t.e2eMs, t.quality);
  const infeasible = counts[0]! + counts[1]!;
  sortByRank(order, infeasible, infeasible + counts[2]!, keys, t.e2eMs, t.quality);
  return order;
}

/**
 * Indices no other feasible candidate beats on all of the objective, end-to-end latency and
 * quality (lower, lower, higher; unknown latency or quality counts as worst). Walking the rank
 * order, each point is checked only against the frontier found so far.
 */
export function paretoIndices(t: SweepColumns, order: Int32Array, keys: Float64Array): number[] {
  const frontier: number[] = [];
  const fCost: number[] = [];
  const fLat: number[] = [];
  const fQual: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (t.feasible[i] !== 1) break;
    const cost = keys[i] as number;
    const e2e = t.e2eMs[i] as number;
    const q0 = t.quality[i] as number;
    const lat = e2e === e2e ? e2e : Number.POSITIVE_INFINITY;
    const qual = q0 === q0 ? q0 : Number.NEGATIVE_INFINITY;
    let dominated = false;
    for (let f = 0; f < frontier.length; f++) {
      // Equal on all three counts as dominated: the first (cheaper-ranked) stays.
      if (
        (fCost[f] as number) <= cost &&
        (fLat[f] as number) <= lat &&
        (fQual[f] as number) >= qual
      ) {
        dominated = true;
        break;
      }
    }
    if (!dominated) {
      frontier.push(i);
      fCost.push(cost);
      fLat.push(lat);
      fQual.push(qual);
    }
  }
  return frontier;
}
