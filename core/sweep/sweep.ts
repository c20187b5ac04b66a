import type { CandidatePlacement } from '../schema/route.ts';
import { evaluateRoute } from '../levers/route.ts';
import { candidateId } from './candidate-id.ts';
import type { EvalContext } from './context.ts';
import { evaluateApi, writeApiColumns } from './evaluate-api.ts';
import { evaluateCloud, writeCloudColumns } from './evaluate-cloud.ts';
import { evaluateOnprem } from './evaluate-onprem.ts';
import {
  allocateColumns,
  objectiveKeys,
  paretoIndices,
  rankOrder,
  writeRow,
  type SweepColumns,
} from './table.ts';
import type { CandidateResult, EvaluateOptions } from './types.ts';

/** Evaluates one placement for the context's workload into a full row. */
export function evaluateCandidate(
  ctx: EvalContext,
  p: CandidatePlacement,
  options: EvaluateOptions = {},
): CandidateResult {
  switch (p.kind) {
    case 'route':
      return evaluateRoute(ctx, p, evaluateCandidate);
    case 'api':
      return evaluateApi(ctx, p, options);
    case 'cloud':
      return evaluateCloud(ctx, p, options);
    case 'onprem':
      return evaluateOnprem(ctx, p, options);
  }
}

/**
 * Evaluates placement i of the columns into them: rented-GPU and hosted-API candidates straight to
 * columns (their rows are built when shown), on-premises ones as rows (kept for the table).
 */
export function writeCandidate(ctx: EvalContext, columns: SweepColumns, i: number): void {
  const p = columns.placements[i] as CandidatePlacement;
  if (p.kind === 'cloud') writeCloudColumns(ctx, columns, i, p);
  else if (p.kind === 'api') writeApiColumns(ctx, columns, i, p);
  else writeRow(columns, i, evaluateCandidate(ctx, p));
}

export interface SweepResult {
  readonly columns: SweepColumns;
  /** Indices in rank order: feasible by the objective, then the infeasible. */
  readonly order: Int32Array;
  /** 1-based rank per index; 0 for infeasible candidates. */
  readonly rank: Int32Array;
  readonly pareto: Uint8Array;
  /** Index of the best feasible candidate under the objective, or -1. */
  readonly recommended: number;
  readonly feasibleCount: number;
  /** The full row for an index (built once, then kept). */
  row(i: number): CandidateResult;
  /** Every row in rank order (reports, the CLI); builds what is not built yet. */
  rankedRows(): CandidateResult[];
  /** The index of the candidate with this id, or -1, without building any row. */
  indexOf(id: string): number;
}

/**
 * Evaluates every placement, applies the constraints, ranks, and marks the Pareto frontier. Rented-
 * GPU candidates (most of a full sweep) go straight to columns; full rows are built on demand.
 */
export function sweep(ctx: EvalContext, placements: readonly CandidatePlacement[]): SweepResult {
  const columns = allocateColumns(placements);
  for (let i = 0; i < placements.length; i++) writeCandidate(ctx, columns, i);
  const keys = objectiveKeys(columns, ctx.objective);
  const order = rankOrder(columns, keys);
  const rank = new Int32Array(columns.size);
  let feasibleCount = 0;
  for (const i of order) {
    if (columns.feasible[i] !== 1) break;
    rank[i] = ++feasibleCount;
  }
  const pareto = new Uint8Array(columns.size);
  for (const i of paretoIndices(columns, order, keys)) pareto[i] = 1;
  const recommended = feasibleCount > 0 ? (order[0] as number) : -1;

  const row = (i: number): CandidateResult => {
    let r = columns.rows[i];
    if (r === undefined) {
      r = evaluateCandidate(ctx, placements[i] as CandidatePlacement);
      columns.rows[i] = r;
    }
    r.rank = rank[i] === 0 ? null : (rank[i] as number);
    r.recommended = i === recommended;
    r.pareto = pareto[i] === 1;
    return r;
  };
  let ids: Map<string, number> | undefined;
  return {
    columns,
    order,
    rank,
    pareto,
    recommended,
    feasibleCount,
    row,
    rankedRows: () => Array.from(order, (i) => row(i)),
    indexOf: (id) => {
      ids ??= idIndex(placements, ctx.workload.precision);
      return ids.get(id) ?? -1;
    },
  };
}

/**
 * Candidate ids to indices, kept per placements and default precision: a what-if re-evaluates the
 * same placements, and a chart looks its pair up in every evaluation (thousands of ids to build).
 */
const idIndexes = new WeakMap<readonly CandidatePlacement[], Map<string, Map<string, number>>>();

function idIndex(placements: readonly CandidatePlacement[], precision: string) {
  let byPrecision = idIndexes.get(placements);
  if (byPrecision === undefined) idIndexes.set(placements, (byPrecision = new Map()));
  let ids = byPrecision.get(precision);
  if (ids === undefined) {
    ids = new Map(placements.map((p, i) => [candidateId(p, precision), i]));
    byPrecision.set(precision, ids);
  }
  return ids;
}
