import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import { KIND_CODE } from '../sweep/table.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/**
 * The candidates the charts follow: the ones picked in the table, else the recommendation and the
 * cheapest feasible candidate of each other placement kind (API vs rented vs owned).
 */
export function chosenIndices(evaluation: Ok, selectedIds: readonly string[], limit = 4): number[] {
  const { result } = evaluation;
  const c = result.columns;
  if (selectedIds.length > 0) {
    // Picked rows in rank order (feasible first); ids no longer in the results drop out.
    const place = (i: number) => result.rank[i] || Number.POSITIVE_INFINITY;
    const picked = [...new Set(selectedIds)]
      .map((id) => result.indexOf(id))
      .filter((i) => i >= 0)
      .sort((a, b) => place(a) - place(b));
    if (picked.length > 0) return picked.slice(0, limit);
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
