import { describe, expect, it } from 'vitest';
import { addToDiff, diffLines, emptyDiff, fieldChanges } from '../../core/catalog-import/diff.ts';
import { rankingEffect } from '../../core/scenario/ranking-effect.ts';
import type { CandidateResult } from '../../core/sweep/types.ts';

const row = (input: number, asOf = '2026-07-24', source = 'LiteLLM') => ({
  id: 'openai/gpt-x',
  usdPerMTok: { input, output: 8 },
  longContext: [],
  source,
  asOf,
});

describe('import diff', () => {
  it('names each changed field with both values, provenance apart', () => {
    expect(fieldChanges(row(2), row(1.25, '2026-12-02', 'genai-prices'))).toEqual([
      { field: 'usdPerMTok.input', old: 2, new: 1.25 },
    ]);
  });

  it('sorts rows into added, changed (with both as-of dates), re-dated and unchanged', () => {
    const diff = emptyDiff();
    addToDiff(diff, 'offerings', 'a', undefined, row(1));
    addToDiff(diff, 'offerings', 'b', row(2), row(1.25, '2026-12-02'));
    addToDiff(diff, 'offerings', 'c', row(2), row(2, '2026-12-02'));
    addToDiff(diff, 'offerings', 'd', row(2), row(2));
    diff.removed.push({ table: 'offerings', key: 'e', asOf: '2026-07-24', lastDay: '2026-12-01' });
    expect(diffLines(diff)).toEqual([
      'added 1',
      "  + offerings 'a' (as of 2026-07-24)",
      'changed 1',
      "  ~ offerings 'b' (as of 2026-07-24 → 2026-12-02)",
      '      usdPerMTok.input: 2 → 1.25',
      'removed 1',
      "  - offerings 'e' (as of 2026-07-24; its prices end 2026-12-01)",
      're-dated 1, unchanged 1',
    ]);
  });
});

describe('ranking effect of a catalog change', () => {
  const result = (id: string, rank: number | null, monthlyUsd: number, recommended = false) =>
    ({
      id,
      label: id.toUpperCase(),
      rank,
      feasible: rank !== null,
      monthlyUsd,
      recommended,
    }) as CandidateResult;

  it('says when the pick changes and how the leaders move', () => {
    const before = [result('a', 1, 100, true), result('b', 2, 120), result('c', 3, 150)];
    const after = [result('b', 1, 90, true), result('a', 2, 100), result('c', 3, 150)];
    const e = rankingEffect(before, after);
    expect(e.pickChanged).toBe(true);
    expect(e.pickBefore?.id).toBe('a');
    expect(e.pickAfter).toMatchObject({ id: 'b', monthlyUsdBefore: 120, monthlyUsdAfter: 90 });
    expect(e.moved.map((m) => [m.id, m.rankBefore, m.rankAfter])).toEqual([
      ['b', 2, 1],
      ['a', 1, 2],
    ]);
  });
});
