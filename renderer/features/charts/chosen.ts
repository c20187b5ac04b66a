import type { ScenarioEvaluation } from '../../../core/scenario/evaluate.ts';
import { KIND_CODE } from '../../../core/sweep/table.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/**
 * The candidates the charts follow: the ones picked in the table, else the recommendation and the
 * cheapest feasible candidate of each other placement kind (API vs rented vs owned).
 */
export function chosenIndices(evaluation: Ok, selectedIds: readonly string[], limit = 4): number[] {
  const { result } = evaluation;
  const c = result.columns;
  if (selectedIds.length > 0) {
    const wanted = new Set(selectedIds);
    const out: number[] = [];
    for (const i of result.order) {
      if (wanted.has(result.row(i).id)) out.push(i);
      if (out.length === wanted.size) break;
    }
    if (out.length > 0) return out.slice(0, limit);
  }
  const out: number[] = [];
  const seenKinds = new Set<number>();
  for (const i of result.order) {
    if (c.feasible[i] !== 1) break;
    const kind = c.kind[i] as number;
    if (seenKinds.has(kind)) continue;
    seenKinds.add(kind);
    out.push(i);
    if (seenKinds.size === Object.keys(KIND_CODE).length || out.length === limit) break;
  }
  return out;
}
