import type { Explanation } from '../../../core/decision/explain.ts';
import { latencyKnown } from '../../../core/decision/status.ts';
import type { ScenarioEvaluation } from '../../../core/scenario/evaluate.ts';
import { KIND_CODE } from '../../../core/sweep/table.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/**
 * Candidates out only for an unknown, by the unknown ("include them" brings back the ones with
 * that unknown alone; those lacking both need both switches).
 */
export function unknownCounts(why: Explanation): { quality: number; latency: number } {
  const u = why.unknownOnly;
  return { quality: u.quality + u.both, latency: u.latency + u.both };
}

/**
 * Feasible candidates ranked with an unknown the user chose to include: no score on the minimum
 * quality's benchmark, or a hosted API with no latency figure for the SLOs.
 */
export function includedUnknowns(evaluation: Ok): { quality: number; latency: number } {
  const { result, context } = evaluation;
  const w = context.workload;
  const c = result.columns;
  const out = { quality: 0, latency: 0 };
  const nullOf = (x: number) => (Number.isNaN(x) ? null : x);
  for (let i = 0; i < c.size; i++) {
    if (c.feasible[i] !== 1) continue;
    if (w.minQuality?.includeUnknown && Number.isNaN(c.quality[i] as number)) out.quality++;
    if (
      w.slo.includeUnknown &&
      c.kind[i] === KIND_CODE.api &&
      !latencyKnown(w, nullOf(c.ttftMs[i] as number), nullOf(c.tpotMs[i] as number))
    ) {
      out.latency++;
    }
  }
  return out;
}
