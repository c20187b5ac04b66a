import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';

// Every scenario in examples/ is a story users bring: each must run in the CLI as shipped.
useDataDirEnv(beforeAll, afterAll);
const EXAMPLES = 'examples';
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
const cost = (file: string, ...args: string[]) =>
  JSON.parse(run(['cost', '--scenario', join(EXAMPLES, file), '--format', 'json', ...args]));

describe('examples/', () => {
  it('holds the stories', () => {
    expect(files).toEqual(expect.arrayContaining(['chatbot.json', 'launch-promotion.json']));
  });

  it('launch-promotion.json: a promotion ending in the horizon counts for the months it covers', () => {
    const out = cost('launch-promotion.json');
    const sonnet5 = out.candidates.find(
      (c: { id: string }) => c.id === 'api:anthropic/claude-sonnet-5',
    );
    // As of 2026-08-01: 1e6 requests × (1,000 × $2 + 200 × $10) / 1e6 = $4,000 a month.
    expect(sonnet5.monthlyUsd).toBeCloseTo(4000, 6);
    // August at the launch price, then 11 months at $3/$15: 4,000 + 11 × 6,000 = $70,000 —
    // $2,000 under Sonnet 4.5's 12 × $6,000, so it is the pick.
    expect(sonnet5.tcoUsd).toBeCloseTo(70_000, 6);
    expect(out.recommended).toBe('api:anthropic/claude-sonnet-5');
    // Priced today instead, the promotion is over: $6,000 a month.
    const today = cost('launch-promotion.json', '--as-of', '2026-11-27');
    expect(
      today.candidates.find((c: { id: string }) => c.id === 'api:anthropic/claude-sonnet-5')
        .monthlyUsd,
    ).toBeCloseTo(6000, 6);
  });

  it.each(files)('%s runs in the CLI and recommends a feasible candidate', (file) => {
    const out = cost(file);
    expect(out.recommended).not.toBeNull();
    const rec = out.candidates.find((c: { id: string }) => c.id === out.recommended);
    expect(rec.feasible).toBe(true);
    expect(rec.rank).toBe(1);
    expect(out.explanation.sentences.length).toBeGreaterThan(1);
  });
});
