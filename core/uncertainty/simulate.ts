import type { ReplicaCapacity } from '../selfhost/capacity.ts';
import { quantile } from '../stats/sample-quantile.ts';
import type { ObjectPairCache } from '../sweep/object-cache.ts';
import { writeApiColumns } from '../sweep/evaluate-api.ts';
import { writeCandidate, type SweepResult } from '../sweep/sweep.ts';
import { allocateColumns, KIND_CODE, objectiveKeys, type SweepColumns } from '../sweep/table.ts';
import type { CandidateResult } from '../sweep/types.ts';
import type { Placement } from '../schema/placement.ts';
import { drawFutures, futureAt, futureContexts, type Futures } from './futures.ts';
import { rangeSummary, type RangeSummary, type SimulationSetup } from './setup.ts';
import { tornadoes, type Tornado } from './tornado.ts';

/** How many of the best candidates under the objective are simulated (with each kind's best). */
export const SHORTLIST_SIZE = 50;

/** The 10th, 50th and 90th percentiles of a result over the simulated futures. */
export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

/** A simulated candidate's spread, and how often it is the best choice. */
export interface CandidateUncertainty {
  monthlyUsd: Percentiles | null;
  /** Horizon cost (the `tco` objective). */
  tcoUsd: Percentiles | null;
  /** Null when the scenario sets no value per request. */
  npvUsd: Percentiles | null;
  ttftMs: Percentiles | null;
  /** Share of futures (with any feasible candidate) in which it is the best under the objective. */
  winProbability: number;
  /** Share of futures in which it meets every constraint (budget, SLOs, fit). */
  feasibleShare: number;
}

export interface SimulatedCandidate {
  id: string;
  label: string;
  kind: Placement['kind'];
  /** Its index in the point evaluation's columns. */
  index: number;
  uncertainty: CandidateUncertainty;
}

export interface UncertaintyResult {
  samples: number;
  seed: number;
  distribution: SimulationSetup['distribution'];
  objective: SimulationSetup['objective'];
  recommendBy: SimulationSetup['recommendBy'];
  ranges: RangeSummary[];
  /** The shortlist in rank order (the point estimate's), each with its spread. */
  candidates: SimulatedCandidate[];
  /** Share of futures in which no simulated candidate is feasible (win probabilities exclude them). */
  noWinnerShare: number;
  /**
   * The lowest P90 horizon cost among candidates feasible in at least 90 % of futures: the pick
   * that is least bad when things go badly.
   */
  robust: { id: string; p90TcoUsd: number } | null;
  /** The recommendation under `recommendBy`: the point estimate's, or the robust pick. */
  recommendedId: string | null;
  /** The recommendation's swing per input, and the gap between #1 and #2. */
  tornado: Tornado | null;
  gapTornado: Tornado | null;
}

/** A simulation run in slices (the app's worker reports progress between them). */
export interface Simulation {
  readonly total: number;
  readonly done: number;
  /** Runs up to `count` more futures; true when all have run. */
  run(count: number): boolean;
  /** The summary of the futures run so far (all of them once `run` returned true). */
  result(): UncertaintyResult;
}

export interface SimulationOptions {
  shortlistSize?: number;
  /** Best layouts by request shape, kept across runs (the app's worker keeps one). */
  bestCapacityCache?: Map<string, ObjectPairCache<ReplicaCapacity>>;
}

/**
 * The candidates worth simulating: the best `size` feasible ones in rank order, then the best
 * feasible one of each placement kind not among them.
 */
export function shortlist(result: SweepResult, size = SHORTLIST_SIZE): number[] {
  const c = result.columns;
  const out: number[] = [];
  const kindsSeen = new Set<number>();
  for (const i of result.order) {
    if (c.feasible[i] !== 1) break;
    const kind = c.kind[i] as number;
    if (out.length < size || !kindsSeen.has(kind)) out.push(i);
    kindsSeen.add(kind);
    if (out.length >= size && kindsSeen.size === Object.keys(KIND_CODE).length) break;
  }
  return out;
}

/**
 * Simulates the shortlisted candidates over the scenario's futures: each future (one draw of every
 * uncertain input) is shared by all of them, so a high-volume future is high-volume for every
 * candidate. Per candidate: P10/P50/P90 of monthly cost, horizon cost, NPV and TTFT, and the share
 * of futures in which it is the best under the objective (ties split evenly).
 */
export function startSimulation(
  setup: SimulationSetup,
  options: SimulationOptions = {},
): Simulation {
  const { evaluation } = setup;
  const indices = shortlist(evaluation.result, options.shortlistSize);
  const placements = indices.map((i) => evaluation.result.columns.placements[i] as Placement);
  const futures = drawFutures(setup.ranges, setup.distribution, setup.samples, setup.seed);
  const layouts = options.bestCapacityCache ?? new Map();
  const n = placements.length;
  const total = futures.count;
  const metrics = {
    monthlyUsd: new Float64Array(n * total).fill(Number.NaN),
    tcoUsd: new Float64Array(n * total).fill(Number.NaN),
    npvUsd: new Float64Array(n * total).fill(Number.NaN),
    ttftMs: new Float64Array(n * total).fill(Number.NaN),
  };
  const columns = allocateColumns(placements);
  const wins = new Float64Array(n);
  const feasible = new Int32Array(n);
  let withWinner = 0;
  let done = 0;

  const runFuture = (s: number) => {
    const contexts = futureContexts(evaluation.context, futureAt(setup.base, futures, s), layouts);
    // One set of columns for every future: rows are rebuilt, numbers overwritten or reset.
    resetColumns(columns);
    for (let j = 0; j < n; j++) {
      const p = placements[j]!;
      // Hosted APIs straight to columns (no row, no label): the futures need only their numbers.
      if (p.kind === 'api') writeApiColumns(contexts.api, columns, j, p);
      else writeCandidate(contexts.selfHost, columns, j);
    }
    const keys = objectiveKeys(columns, setup.objective);
    let best = Number.POSITIVE_INFINITY;
    let ties = 0;
    for (let j = 0; j < n; j++) {
      const at = j * total + s;
      metrics.monthlyUsd[at] = columns.monthlyUsd[j]!;
      metrics.tcoUsd[at] = columns.tcoUsd[j]!;
      metrics.npvUsd[at] = columns.npvUsd[j]!;
      metrics.ttftMs[at] = columns.ttftMs[j]!;
      if (columns.feasible[j] !== 1) continue;
      feasible[j]!++;
      const key = keys[j]!;
      if (key < best) {
        best = key;
        ties = 1;
      } else if (key === best && key !== Number.POSITIVE_INFINITY) ties++;
    }
    if (ties === 0) return;
    withWinner++;
    for (let j = 0; j < n; j++) {
      if (columns.feasible[j] === 1 && keys[j] === best) wins[j]! += 1 / ties;
    }
  };

  return {
    total,
    get done() {
      return done;
    },
    run(count) {
      const end = Math.min(total, done + count);
      for (; done < end; done++) runFuture(done);
      return done === total;
    },
    result() {
      const row = (j: number) => evaluation.result.row(indices[j] as number);
      const candidates = indices.map((index, j): SimulatedCandidate => {
        const r = row(j);
        const spread = (m: Float64Array) => percentiles(m.subarray(j * total, j * total + done));
        return {
          id: r.id,
          label: r.label,
          kind: r.kind,
          index,
          uncertainty: {
            monthlyUsd: spread(metrics.monthlyUsd),
            tcoUsd: spread(metrics.tcoUsd),
            npvUsd: spread(metrics.npvUsd),
            ttftMs: spread(metrics.ttftMs),
            winProbability: withWinner === 0 ? 0 : wins[j]! / withWinner,
            feasibleShare: done === 0 ? 0 : feasible[j]! / done,
          },
        };
      });
      return summarize(setup, futures, candidates, done, withWinner, layouts);
    },
  };
}

/** Unknown (NaN) everywhere: a candidate that cannot be sized in a future writes only its reason. */
function resetColumns(c: SweepColumns): void {
  for (const column of [
    c.monthlyUsd,
    c.tcoUsd,
    c.perOutcomeUsd,
    c.ttftMs,
    c.tpotMs,
    c.e2eMs,
    c.quality,
    c.gpusPeak,
    c.utilization,
    c.netMonthlyUsd,
    c.npvUsd,
    c.paybackMonth,
  ]) {
    column.fill(Number.NaN);
  }
  c.feasible.fill(0);
}

/** Runs every future at once (the CLI, tests). */
export function simulate(
  setup: SimulationSetup,
  options: SimulationOptions = {},
): UncertaintyResult {
  const simulation = startSimulation(setup, options);
  simulation.run(simulation.total);
  return simulation.result();
}

/** P10, P50 and P90 of the finite values (a candidate that cannot be sized in a future has none). */
export function percentiles(values: Float64Array): Percentiles | null {
  const finite = new Float64Array(values.length);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) finite[count++] = v;
  }
  if (count === 0) return null;
  const sorted = finite.subarray(0, count).sort();
  return { p10: quantile(sorted, 0.1), p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
}

/** Feasible in at least this share of futures to be the robust pick (its P90 is then a real future). */
const ROBUST_MIN_FEASIBLE = 0.9;

function summarize(
  setup: SimulationSetup,
  futures: Futures,
  candidates: SimulatedCandidate[],
  done: number,
  withWinner: number,
  layouts: Map<string, ObjectPairCache<ReplicaCapacity>>,
): UncertaintyResult {
  let robust: UncertaintyResult['robust'] = null;
  let robustAt = -1;
  candidates.forEach((c, j) => {
    const p90 = c.uncertainty.tcoUsd?.p90;
    if (p90 === undefined || c.uncertainty.feasibleShare < ROBUST_MIN_FEASIBLE) return;
    if (robust === null || p90 < robust.p90TcoUsd) {
      robust = { id: c.id, p90TcoUsd: p90 };
      robustAt = j;
    }
  });
  const result = setup.evaluation.result;
  const pointPick = result.recommended >= 0 ? result.row(result.recommended) : null;
  const byRobust = setup.recommendBy === 'robust';
  const first: CandidateResult | null = byRobust
    ? robustAt >= 0
      ? result.row(candidates[robustAt]!.index)
      : null
    : pointPick;
  const second = runnerUp(setup, candidates, robustAt);
  const swings =
    first === null
      ? { tornado: null, gapTornado: null }
      : tornadoes(setup, first, second, byRobust ? 'tco' : setup.objective, layouts);
  return {
    samples: done,
    seed: setup.seed,
    distribution: setup.distribution,
    objective: setup.objective,
    recommendBy: setup.recommendBy,
    ranges: futures.ranges.map(rangeSummary),
    candidates,
    noWinnerShare: done === 0 ? 0 : (done - withWinner) / done,
    robust,
    recommendedId: first?.id ?? null,
    ...swings,
  };
}

/** The #2 under the ranking in use: the point estimate's runner-up, or the next-lowest P90. */
function runnerUp(
  setup: SimulationSetup,
  candidates: readonly SimulatedCandidate[],
  robustAt: number,
): CandidateResult | null {
  const result = setup.evaluation.result;
  if (setup.recommendBy !== 'robust') {
    const i = result.order[1];
    return result.feasibleCount >= 2 && i !== undefined ? result.row(i) : null;
  }
  let best = -1;
  let bestP90 = Number.POSITIVE_INFINITY;
  candidates.forEach((c, j) => {
    const p90 = c.uncertainty.tcoUsd?.p90;
    if (j === robustAt || p90 === undefined) return;
    if (c.uncertainty.feasibleShare < ROBUST_MIN_FEASIBLE || p90 >= bestP90) return;
    best = j;
    bestP90 = p90;
  });
  return best < 0 ? null : result.row(candidates[best]!.index);
}
