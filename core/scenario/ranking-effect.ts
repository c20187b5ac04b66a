/**
 * What a catalog change does to a scenario's ranking: the pick before and after, and how the
 * leading candidates move. Pure: both rankings come from the same scenario evaluated against the
 * catalog as it is and as an import would leave it.
 */
import type { CandidateResult } from '../sweep/types.ts';

/** One candidate's place and monthly cost before and after (null: absent or infeasible there). */
export interface RankMove {
  id: string;
  label: string;
  rankBefore: number | null;
  rankAfter: number | null;
  monthlyUsdBefore: number | null;
  monthlyUsdAfter: number | null;
}

export interface RankingEffect {
  /** The recommended candidate before and after (null: nothing feasible). */
  pickBefore: RankMove | null;
  pickAfter: RankMove | null;
  pickChanged: boolean;
  /** The candidates in the top `top` before or after whose rank or cost changed, by new rank. */
  moved: RankMove[];
  feasibleBefore: number;
  feasibleAfter: number;
}

/** Compares two rankings of one scenario (rows in rank order, as `rankedRows()` gives them). */
export function rankingEffect(
  before: readonly CandidateResult[],
  after: readonly CandidateResult[],
  top = 10,
): RankingEffect {
  const old = new Map(before.map((r) => [r.id, r]));
  const fresh = new Map(after.map((r) => [r.id, r]));
  const move = (id: string): RankMove => {
    const a = old.get(id);
    const b = fresh.get(id);
    const rank = (r: CandidateResult | undefined) => (r?.feasible === true ? r.rank : null);
    const usd = (r: CandidateResult | undefined) => r?.monthlyUsd ?? null;
    return {
      id,
      label: (b ?? a)?.label ?? id,
      rankBefore: rank(a),
      rankAfter: rank(b),
      monthlyUsdBefore: usd(a),
      monthlyUsdAfter: usd(b),
    };
  };
  const leading = (rows: readonly CandidateResult[]) =>
    rows.filter((r) => r.feasible && r.rank !== null && r.rank <= top).map((r) => r.id);
  const ids = [...new Set([...leading(after), ...leading(before)])];
  const moved = ids
    .map(move)
    .filter((m) => m.rankBefore !== m.rankAfter || m.monthlyUsdBefore !== m.monthlyUsdAfter)
    .sort(
      (a, b) =>
        (a.rankAfter ?? Infinity) - (b.rankAfter ?? Infinity) ||
        (a.rankBefore ?? Infinity) - (b.rankBefore ?? Infinity),
    );
  const pick = (rows: readonly CandidateResult[]) => rows.find((r) => r.recommended)?.id;
  const pickBefore = pick(before);
  const pickAfter = pick(after);
  return {
    pickBefore: pickBefore === undefined ? null : move(pickBefore),
    pickAfter: pickAfter === undefined ? null : move(pickAfter),
    pickChanged: pickBefore !== pickAfter,
    moved,
    feasibleBefore: before.filter((r) => r.feasible).length,
    feasibleAfter: after.filter((r) => r.feasible).length,
  };
}

/** The effect as lines for a terminal. */
export function rankingEffectLines(e: RankingEffect): string[] {
  const usd = (v: number | null) => (v === null ? '—' : `$${v.toFixed(2)}`);
  const rank = (v: number | null) => (v === null ? '—' : `#${v}`);
  const lines = [
    e.pickChanged
      ? `pick: ${e.pickBefore?.label ?? 'none'} → ${e.pickAfter?.label ?? 'none'}`
      : `pick unchanged: ${e.pickAfter?.label ?? 'none'} (${usd(e.pickAfter?.monthlyUsdBefore ?? null)} → ${usd(e.pickAfter?.monthlyUsdAfter ?? null)} a month)`,
    `feasible candidates: ${e.feasibleBefore} → ${e.feasibleAfter}`,
  ];
  for (const m of e.moved) {
    lines.push(
      `  ${rank(m.rankBefore)} → ${rank(m.rankAfter)}  ${m.label}  ${usd(m.monthlyUsdBefore)} → ${usd(m.monthlyUsdAfter)}`,
    );
  }
  return lines;
}
