import { roleLabel, type Explanation } from '../decision/explain.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/** The two candidates the cost-vs-volume chart compares (indices into the sweep). */
export interface Pair {
  a: number;
  b: number;
}

/** The menus' picks by id; null (or an id no longer in the results) takes the default. */
export interface PairPicks {
  a: string | null;
  b: string | null;
}

/**
 * The pair to draw: the picks where they are in the results, else the recommendation against the
 * best feasible candidate of another placement kind (or, with only one kind feasible, the next
 * best). Never one candidate against itself; null when there is nothing to compare.
 */
export function resolvePair(evaluation: Ok, picks: PairPicks): Pair | null {
  const { result } = evaluation;
  const c = result.columns;
  const picked = (id: string | null) => (id === null ? -1 : result.indexOf(id));
  const a = picked(picks.a) >= 0 ? picked(picks.a) : result.recommended;
  if (a < 0) return null;
  const pb = picked(picks.b);
  if (pb >= 0 && pb !== a) return { a, b: pb };
  const feasible = Array.from(result.order.subarray(0, result.feasibleCount));
  const b =
    feasible.find((i) => c.kind[i] !== c.kind[a]) ?? feasible.find((i) => i !== a) ?? undefined;
  return b === undefined ? null : { a, b };
}

export interface PairOption {
  id: string;
  index: number;
  text: string;
}

/**
 * The menus' choices: the recommendation, the explanation's alternatives (runner-up, best of each
 * other placement), then feasible candidates in rank order up to `limit`, and any `extra` ids (rows
 * picked in the table, the current pair) wherever they rank.
 */
export function pairOptions(
  evaluation: Ok,
  why: Explanation | null,
  extra: readonly string[] = [],
  limit = 40,
): PairOption[] {
  const { result } = evaluation;
  const out: PairOption[] = [];
  const seen = new Set<number>();
  const add = (index: number, role?: string) => {
    if (index < 0 || seen.has(index)) return;
    seen.add(index);
    const row = result.row(index);
    const rank = row.rank === null ? 'excluded' : `#${row.rank}`;
    const prefix = role === undefined ? rank : `${role} (${rank})`;
    out.push({ id: row.id, index, text: `${prefix} · ${row.label}` });
  };
  add(result.recommended, '★ Recommended');
  for (const alt of why?.alternatives ?? []) add(result.indexOf(alt.id), roleLabel(alt.role));
  for (const i of result.order.subarray(0, Math.min(limit, result.feasibleCount))) add(i);
  for (const id of extra) add(result.indexOf(id));
  return out;
}
