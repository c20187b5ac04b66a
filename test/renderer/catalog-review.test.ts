import { describe, expect, it } from 'vitest';
import { emptyDiff } from '../../core/catalog-import/diff.ts';
import type { Finding } from '../../core/catalog-check/rules.ts';
import type { RankingEffect } from '../../core/scenario/ranking-effect.ts';
import type { ImportSummary } from '../../core/contract/shapes.ts';
import { filterFindings, ruleCounts } from '../../renderer/features/catalog/checks.ts';
import {
  addedKeys,
  changeLines,
  countsLine,
  rankingLines,
} from '../../renderer/features/catalog/import-review.ts';
import { defaultImportAsOf } from '../../core/catalog-import/import-date.ts';

function summary(): ImportSummary {
  const diff = emptyDiff();
  diff.added.push({ table: 'models', key: 'gpt-9', asOf: '2026-12-02' });
  diff.added.push({ table: 'offerings', key: 'openai/gpt-9', asOf: '2026-12-02' });
  diff.changed.push({
    table: 'offerings',
    key: 'openai/gpt-5.6',
    oldAsOf: '2026-08-21',
    newAsOf: '2026-12-02',
    fields: [
      { field: 'usdPerMTok.input', old: 5, new: 4 },
      {
        field: 'pricePeriods',
        old: undefined,
        new: [
          { validTo: '2026-12-01', usdPerMTok: { input: 5, output: 30 }, source: 's', asOf: 'x' },
        ],
      },
    ],
  });
  diff.confirmed = 3;
  diff.unchanged = 10;
  return {
    format: 'genai-prices',
    asOf: '2026-12-02',
    dryRun: true,
    imported: {},
    updated: {},
    unchanged: 10,
    skipped: {},
    leftOut: ['entry "x": tier-order: …'],
    diff,
    counts: { added: 2, changed: 1, removed: 0 },
  };
}

describe('import review', () => {
  it('says what the import does in one line', () => {
    expect(countsLine(summary())).toBe(
      'adds 2, changes 1, leaves out 1 (3 re-dated, 10 as they were)',
    );
  });

  it('lists each changed field old → new, with both dates, and price periods in words', () => {
    expect(changeLines(summary().diff)).toEqual([
      {
        key: 'openai/gpt-5.6',
        dates: 'as of 2026-08-21 → 2026-12-02',
        fields: [
          { field: 'usdPerMTok.input', from: '5', to: '4' },
          { field: 'pricePeriods', from: '—', to: '1 period: … → 2026-12-01 at 5/30 $/MTok' },
        ],
      },
    ]);
    expect(addedKeys(summary().diff, 10)).toBe('model gpt-9, openai/gpt-9');
  });

  it('puts the ranking effect in words', () => {
    const move = (id: string, a: number | null, b: number | null, x: number, y: number) => ({
      id,
      label: id,
      rankBefore: a,
      rankAfter: b,
      monthlyUsdBefore: x,
      monthlyUsdAfter: y,
    });
    const e: RankingEffect = {
      pickBefore: move('A', 1, 2, 100, 100),
      pickAfter: move('B', 2, 1, 120, 90),
      pickChanged: true,
      moved: [move('B', 2, 1, 120, 90), move('A', 1, 2, 100, 100)],
      feasibleBefore: 2,
      feasibleAfter: 2,
    };
    const lines = rankingLines(e);
    expect(lines.headline).toBe('The pick changes: A → B');
    expect(lines.moves[0]).toBe('#2 → #1  B: $120.00 → $90.00 a month');
  });
});

describe('checks panel', () => {
  const f = (rule: Finding['rule'], level: Finding['level'], message: string): Finding => ({
    rule,
    level,
    table: 'offerings',
    key: 'k',
    message,
  });
  const findings = [
    f('tier-order', 'error', "offering 'a': tier-order: …"),
    f('stale', 'warning', "offering 'b': stale: …"),
  ];

  it('filters by level, rule and text', () => {
    expect(filterFindings(findings, { level: 'error', rule: 'all', text: '' })).toHaveLength(1);
    expect(filterFindings(findings, { level: 'all', rule: 'stale', text: '' })).toHaveLength(1);
    expect(filterFindings(findings, { level: 'all', rule: 'all', text: "'B'" })).toHaveLength(1);
  });

  it('lists every rule with its count, zero included', () => {
    const counts = ruleCounts({ stale: 5 });
    expect(counts.find((c) => c.rule === 'stale')).toMatchObject({ level: 'warning', count: 5 });
    expect(counts.find((c) => c.rule === 'tier-order')).toMatchObject({ level: 'error', count: 0 });
  });
});

describe('the day an import is dated by', () => {
  it('is the day an undated file was last modified, today when unknown or in the future', () => {
    expect(defaultImportAsOf('litellm', '2026-10-01', '2026-12-02')).toBe('2026-10-01');
    expect(defaultImportAsOf('genai-prices', '2026-12-02', '2026-12-02')).toBe('2026-12-02');
    expect(defaultImportAsOf('litellm', undefined, '2026-12-02')).toBe('2026-12-02');
    // A clock that ran ahead on the machine that saved it.
    expect(defaultImportAsOf('litellm', '2026-12-05', '2026-12-02')).toBe('2026-12-02');
  });

  it('is left to the rows of a file that dates its own (CSV, a catalog export)', () => {
    expect(defaultImportAsOf('csv', '2026-10-01', '2026-12-02')).toBeUndefined();
    expect(defaultImportAsOf('json', '2026-10-01', '2026-12-02')).toBeUndefined();
  });
});
