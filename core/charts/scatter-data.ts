import type { CandidateKind } from '../schema/route.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import { objectiveCostColumn } from '../sweep/table.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;
export type KindName = CandidateKind;
/** Kinds in the order of their codes in the sweep's columns (KIND_CODE). */
export const KINDS: readonly KindName[] = ['api', 'cloud', 'onprem', 'route'];

export interface ScatterPoints {
  byKind: Record<KindName, { x: number; y: number; index: number }[]>;
  /** Candidates on the cost × latency × quality frontier. */
  pareto: { x: number; y: number; index: number }[];
  /** The cost–latency staircase: each point faster than every cheaper one. */
  frontier: { x: number; y: number; index: number }[];
  /** Feasible candidates with a latency that were left out to keep the chart fast. */
  omitted: number;
  /** Feasible candidates with no latency figure (hosted APIs included as unknown): not drawn. */
  unknownLatency: number;
}

/**
 * Cost under the scenario's objective (x: horizon cost, monthly cost or cost per outcome; horizon
 * cost when ranking by NPV) against end-to-end latency (y) for feasible candidates with a known
 * latency: the best-ranked `limit`, plus every Pareto point, by placement kind; the cost–latency
 * frontier as a line.
 */
export function costLatencyPoints(evaluation: Ok, limit = 400): ScatterPoints {
  const { result } = evaluation;
  const c = result.columns;
  const cost = objectiveCostColumn(c, evaluation.context.objective);
  const byKind: ScatterPoints['byKind'] = { api: [], cloud: [], onprem: [], route: [] };
  const frontier: ScatterPoints['frontier'] = [];
  const pareto: ScatterPoints['pareto'] = [];
  let shown = 0;
  let omitted = 0;
  let unknownLatency = 0;
  for (const i of result.order) {
    if (c.feasible[i] !== 1) break;
    const y = c.e2eMs[i] as number;
    const x = cost[i] as number;
    if (Number.isNaN(y)) {
      unknownLatency++;
      continue;
    }
    const onFrontier = result.pareto[i] === 1;
    const point = { x, y: y / 1000, index: i };
    if (onFrontier) pareto.push(point);
    frontier.push(point);
    if (shown < limit || onFrontier) {
      byKind[KINDS[c.kind[i] as number] as KindName].push(point);
      shown++;
    } else {
      omitted++;
    }
  }
  return { byKind, pareto, frontier: staircase(frontier), omitted, unknownLatency };
}

/** The points faster than every cheaper one: the cost–latency staircase, cheapest first. */
function staircase(points: ScatterPoints['frontier']): ScatterPoints['frontier'] {
  const byCost = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const out: ScatterPoints['frontier'] = [];
  let fastest = Number.POSITIVE_INFINITY;
  for (const p of byCost) {
    if (p.y < fastest) {
      fastest = p.y;
      out.push(p);
    }
  }
  return out;
}
