import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';

// The reasoning and agent stories as shipped, checked by hand against the seed's prices.
useDataDirEnv(beforeAll, afterAll);

interface Row {
  id: string;
  feasible: boolean;
  reasons: string[];
  effort: string | null;
  reasoningTokensPerRequest: number;
  reasoningShareOfCost: number | null;
  perRequestUsd: number | null;
  monthlyUsd: number | null;
  quality: number | null;
  costPerTaskUsd: number | null;
  costPerSuccessfulTaskUsd: number | null;
  taskSeconds: number | null;
  costDoublesAtTurn: number | null;
  ttftMs: number | null;
  ttftVisibleMs: number | null;
  task: { perTurn: { usd: number }[] | null } | null;
}

type Output = { candidates: Row[]; exclusions: { code: string; count: number }[] };

/** The CLI's JSON for an example, run once (inside a test: the data folder is set up by then). */
function cost(file: string): () => Output {
  let out: Output | undefined;
  return () =>
    (out ??= JSON.parse(run(['cost', '--scenario', `examples/${file}`, '--format', 'json'])));
}

const find = (rows: Row[], id: string) => {
  const r = rows.find((c) => c.id === id);
  if (r === undefined) throw new Error(`no candidate ${id}`);
  return r;
};

describe('examples/reasoning.json', () => {
  const example = cost('reasoning.json');

  it('prices GPT-5 at medium effort with its reasoning billed as output', () => {
    const out = example();
    const r = find(out.candidates, 'api:openai/gpt-5@medium');
    // 2.61 × 600 visible = 1,566 reasoning tokens. OpenAI GPT-5: $1.25 in, $0.125 cached, $10 out.
    // Hit (80%): 4,000 × 1.25 + 2,000 × 0.125 + (600 + 1,566) × 10 = 5,000 + 250 + 21,660 = 26,910 µ$
    // Miss: 6,000 × 1.25 + 21,660 = 29,160 µ$ → 0.8 × 26,910 + 0.2 × 29,160 = 27,360 µ$.
    expect(r.reasoningTokensPerRequest).toBeCloseTo(1566, 9);
    expect(r.perRequestUsd).toBeCloseTo(0.02736, 9);
    // 20,000 a day × 365 / 12 = 608,333.3 requests → $16,644 a month; reasoning 15,660 µ$ of it.
    expect(r.monthlyUsd).toBeCloseTo(((20_000 * 365) / 12) * 0.02736, 6);
    expect(r.reasoningShareOfCost).toBeCloseTo(15_660 / 27_360, 9);
    expect(r.quality).toBe(86.7);
  });

  it('compares GPT-5’s effort levels and GPT-4.1; a level with no figure is an unknown', () => {
    const out = example();
    const ids = out.candidates.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'api:openai/gpt-5@minimal',
        'api:openai/gpt-5@low',
        'api:openai/gpt-5@high',
        'api:openai/gpt-4.1',
      ]),
    );
    const high = find(out.candidates, 'api:openai/gpt-5@high');
    // 5.45 × 600 = 3,270 reasoning tokens; Aider polyglot 88.0 at high.
    expect(high.reasoningTokensPerRequest).toBeCloseTo(3270, 9);
    expect(high.quality).toBe(88);
    expect(find(out.candidates, 'api:openai/gpt-4.1').reasoningTokensPerRequest).toBe(0);
    const minimal = find(out.candidates, 'api:openai/gpt-5@minimal');
    expect(minimal.feasible).toBe(false);
    expect(minimal.reasons[0]).toMatch(/^reasoning tokens unknown/);
    expect(out.exclusions.find((e) => e.code === 'reasoning-unknown')?.count).toBeGreaterThan(0);
  });
});

describe('examples/reasoning.json as the report shows it', () => {
  it('a level with no published reasoning figure reads unknown, not 0', () => {
    const md = run(['cost', '--scenario', 'examples/reasoning.json', '--format', 'md']);
    // The ranked comparison's row (the placement cell follows the label there).
    const row = (label: string) =>
      md.split('\n').find((l) => l.includes(`| ${label} | Hosted API |`)) ?? '';
    // GPT-5 at minimal effort: no published figure, excluded as unknown (and priced at 0 reasoning
    // tokens only for its excluded row's cost): the cell says unknown.
    expect(row('OpenAI API · GPT-5 · minimal reasoning')).toContain('| unknown (minimal) |');
    expect(row('OpenAI API · GPT-5 · minimal reasoning')).not.toContain('| 0 (minimal) |');
    // GPT-5 at low: 0.92 × 600 visible = 552 tokens, from the catalog.
    expect(row('OpenAI API · GPT-5 · low reasoning')).toContain('| 552 (low) |');
    // Gemini 2.5 Flash with thinking off: truly none.
    expect(row('Google Gemini API · Gemini 2.5 Flash · no reasoning')).toContain('| 0 (none) |');
  });
});

describe('examples/agent.json', () => {
  const example = cost('agent.json');

  it('prices GPT-5’s 12 turns, each at its own context size', () => {
    const out = example();
    const r = find(out.candidates, 'api:openai/gpt-5');
    // Turns: 21,000 tokens, then + (400 visible + 3,000 tool) each → turn 12 reads 58,400.
    // Reasoning each turn: 2.61 × 400 = 1,044; output (400 + 1,044) × $10 = 14,440 µ$ a turn.
    // Turn 1: 90% of the 20,000-token system prompt cached: 3,000 × 1.25 + 18,000 × 0.125
    //   + 14,440 = 20,440 µ$.
    // Turns 2–12 read the previous prompt from the cache and pay the 3,400 new tokens:
    //   11 × (3,400 × 1.25 + 14,440) + 0.125 × Σ previous prompts (11 × 21,000 + 3,400 × 55 =
    //   418,000) = 205,590 + 52,250 = 257,840 µ$. A task: 278,280 µ$.
    expect(r.reasoningTokensPerRequest).toBeCloseTo(1044, 9);
    expect(r.task?.perTurn?.[0]?.usd).toBeCloseTo(0.02044, 9);
    expect(r.costPerTaskUsd).toBeCloseTo(0.27828, 9);
    // 65% of tasks succeed: $0.27828 ÷ 0.65 = $0.42812 per successful task.
    expect(r.costPerSuccessfulTaskUsd).toBeCloseTo(0.27828 / 0.65, 9);
    // No published latency for the hosted APIs: the task's time is unknown, not guessed.
    expect(r.taskSeconds).toBeNull();
  });

  it('GPT-4.1’s cost per turn doubles at the last turn; self-hosted tasks have a duration', () => {
    const out = example();
    // GPT-4.1: $2 in, $0.50 cached, $8 out. Turn 1: 3,000 × 2 + 18,000 × 0.5 + 400 × 8 = 18,200 µ$;
    // turn 12: 3,400 × 2 + 55,000 × 0.5 + 3,200 = 37,500 ≥ 2 × 18,200 (turn 11: 35,800 is not).
    expect(find(out.candidates, 'api:openai/gpt-4.1').costDoublesAtTurn).toBe(12);
    const selfHosted = out.candidates.find((c) => c.id.startsWith('cloud:') && c.feasible)!;
    expect(selfHosted.taskSeconds).toBeGreaterThan(0);
    expect(selfHosted.costPerTaskUsd).toBeCloseTo(selfHosted.perRequestUsd!, 12);
  });
});
