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
    expect(files).toEqual(
      expect.arrayContaining([
        'chatbot.json',
        'launch-promotion.json',
        'uncertainty.json',
        'api-latency.json',
      ]),
    );
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
    // The two differ only in August: the runner-up's lines are month 1's, not every month's
    // (1e6 × 1,000 × ($3 − $2) / 1e6 = +$1,000 input; 1e6 × 200 × ($15 − $10) / 1e6 = +$1,000 output).
    expect(out.explanation.sentences[1]).toContain(
      'Mostly input tokens +$1,000 in month 1 and output tokens +$1,000 in month 1.',
    );
    expect(out.explanation.alternatives[0].components[0].basis).toBe('firstMonth');
    // Read with later prices, the horizon still starts on 2026-08-01 (the scenario's startDate):
    // its first month is August at the launch price, so the Monthly cost stays $4,000 and the
    // horizon $70,000 (test/cli/first-month.test.ts has the cases where the first month moves).
    const later = cost('launch-promotion.json', '--as-of', '2026-11-27');
    const later5 = later.candidates.find(
      (c: { id: string }) => c.id === 'api:anthropic/claude-sonnet-5',
    );
    expect(later5.monthlyUsd).toBeCloseTo(4000, 6);
    expect(later5.tcoUsd).toBeCloseTo(70_000, 6);
  });

  it('api-latency.json: APIs are checked against published medians; none is passed unknown', () => {
    const out = cost('api-latency.json');
    const byId = (id: string) => out.candidates.find((c: { id: string }) => c.id === id);
    // OpenAI's GPT-4.1 mini: a published median TTFT of 930 ms (Artificial Analysis) meets 1 s.
    // Cost by hand: 1,800 × $0.40 + 350 × $1.60 = 1,280 µ$ a request;
    // 200,000 a day × 365 / 12 days × $0.00128 = $7,786.67 a month.
    expect(out.recommended).toBe('api:openai/gpt-4.1-mini');
    expect(byId('api:openai/gpt-4.1-mini')).toMatchObject({
      ttftMs: 930,
      latencyStatus: 'pass',
      api: { latencySource: 'published' },
    });
    expect(byId('api:openai/gpt-4.1-mini').monthlyUsd).toBeCloseTo(7786.67, 2);
    // The same model on Azure: 1,140 ms published, over the SLO, and said so.
    expect(byId('api:azure/gpt-4.1-mini').reasons).toContain(
      'misses the TTFT SLO: 1140 ms > 1000 ms (published median)',
    );
    // An offering with no figure is counted, not passed.
    expect(byId('api:azure/eu/o3-mini-2025-01-31')).toMatchObject({
      feasible: false,
      latencyStatus: 'unknown',
    });
    const unknown = out.exclusions.find((e: { code: string }) => e.code === 'latency-unknown');
    expect(unknown.count).toBeGreaterThan(100);
  });

  it.each(files)('%s runs in the CLI and recommends a feasible candidate', (file) => {
    const out = cost(file);
    if (out.portfolio !== undefined) {
      // A portfolio recommends per workload (test/cli/portfolio.test.ts checks its figures).
      for (const w of out.portfolio.workloads) {
        expect(w.candidateId).not.toBeNull();
        expect(w.explanation.length).toBeGreaterThan(1);
      }
      return;
    }
    expect(out.recommended).not.toBeNull();
    const rec = out.candidates.find((c: { id: string }) => c.id === out.recommended);
    expect(rec.feasible).toBe(true);
    expect(rec.rank).toBe(1);
    expect(out.explanation.sentences.length).toBeGreaterThan(1);
  });

  it('uncertainty.json: the cache hit rate decides between two near-equal hosted models', () => {
    const out = cost('uncertainty.json', '--uncertainty');
    const simulated = out.candidates.filter((c: { uncertainty?: unknown }) => c.uncertainty);
    const win = (c: { uncertainty: { winProbability: number } }) => c.uncertainty.winProbability;
    expect(simulated.reduce((sum: number, c: never) => sum + win(c), 0)).toBeCloseTo(1, 9);
    // GPT-4o mini and Grok 4.1 Fast are within $50 over three years at the likely values: each
    // wins a real share of the futures, and the prompt-cache hit rate moves the lead the most
    // (Grok's cached prefix is 75 % off, GPT-4o mini's 50 %, so high hit rates favour Grok).
    const [first, second] = out.candidates;
    expect(win(first)).toBeGreaterThan(0.2);
    expect(win(second)).toBeGreaterThan(0.2);
    expect(out.gapTornado.versusId).toBe(second.id);
    expect(out.gapTornado.bars[0].input).toBe('promptCacheHitRate');
    expect(out.gapTornado.bars[0].highUsd).toBeLessThan(0);
    expect(out.tornado[0].input).toBe('volume');
  });
});
