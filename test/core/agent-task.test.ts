import { describe, expect, it } from 'vitest';
import { exclusionCode } from '../../core/decision/exclusions.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import type { CandidateResult } from '../../core/sweep/types.ts';
import { taskTurns } from '../../core/workload/task.ts';
import { EMPTY_CATALOG } from '../support/reasoning-fixtures.ts';
import { workload } from '../support/fixtures.ts';

/** $3 input, $15 output, $0.30 cache read; OpenAI-style automatic cache (writes at input price). */
function agentOffering(over: object = {}) {
  return {
    id: 'test/agent',
    provider: 'test',
    modelId: 'test-agent',
    residency: 'global',
    usdPerMTok: { input: 3, output: 15, cacheRead: 0.3 },
    cache: { style: 'automatic', minPrefixTokens: 1024, ttlMinutes: 5 },
    source: 'test fixture',
    asOf: '2026-01-01',
    ...over,
  };
}

/**
 * 1,000 tasks a month of 5 turns: a 2,000-token opening prompt, 200 visible output tokens a turn,
 * a 1,000-token tool result after each turn but the last, 10 s of tool time between turns.
 */
function agent(task: object = {}, offering: object = {}, model: object = {}) {
  const s = Scenario.parse({
    schemaVersion: 1,
    name: 'agent',
    workload: {
      requests: { count: 1000, per: 'month' },
      inputTokens: { mean: 2000 },
      outputTokens: { mean: 200 },
      task: { turns: 5, toolTokensPerTurn: 1000, toolSecondsPerTurn: 10, ...task },
    },
    value: { horizonMonths: 12 },
    catalog: {
      models: [
        {
          id: 'test-agent',
          name: 'Test Agent',
          developer: 'test',
          family: 'test',
          openWeights: false,
          contextTokens: 200_000,
          source: 'test fixture',
          asOf: '2026-01-01',
          ...model,
        },
      ],
      offerings: [agentOffering(offering)],
    },
    candidates: [{ kind: 'api', offeringId: 'test/agent' }],
  });
  const e = evaluateScenario(EMPTY_CATALOG, s);
  if (!e.ok) throw new Error(e.error);
  return e.result.row(0) as CandidateResult;
}

describe('an agent task’s turns', () => {
  it('grow by the previous output and tool result, each carrying the previous prompt', () => {
    const w = workload({
      inputTokens: { mean: 2000 },
      outputTokens: { mean: 200 },
      promptCache: { prefixTokens: 0, hitRate: 0 },
      task: { turns: 5, toolTokensPerTurn: 1000 },
    });
    // 2,000, then + (200 + 1,000) a turn: 3,200, 4,400, 5,600, 6,800.
    expect(taskTurns(w).map((t) => [t.inputTokens, t.carriedTokens])).toEqual([
      [2000, 0],
      [3200, 2000],
      [4400, 3200],
      [5600, 4400],
      [6800, 5600],
    ]);
  });

  it('keep the last N turns when the context limit is reached', () => {
    const w = workload({
      inputTokens: { mean: 2000 },
      outputTokens: { mean: 200 },
      promptCache: { prefixTokens: 0, hitRate: 0 },
      task: { turns: 5, toolTokensPerTurn: 1000, contextLimitTokens: 5000, keepLastTurns: 2 },
    });
    // Turn 4 would be 5,600 > 5,000: the history keeps the last 2 turns, 2,000 + 2 × 1,200 =
    // 4,400, and only the opening prompt is still a prefix of the one before; turn 5 again.
    expect(taskTurns(w).map((t) => [t.inputTokens, t.carriedTokens, t.cut])).toEqual([
      [2000, 0, false],
      [3200, 2000, false],
      [4400, 3200, false],
      [4400, 2000, true],
      [4400, 2000, true],
    ]);
  });
});

describe('an agent task on a hosted API', () => {
  it('costs the sum over turns of new tokens at input price, carried context at cache-read price, and output', () => {
    const r = agent();
    // Turn k: (prompt − carried) × $3 + carried × $0.30 + 200 × $15 (= 3,000 µ$):
    //   1: 2,000 × 3                 + 3,000 = 9,000 µ$
    //   2: 1,200 × 3 + 2,000 × 0.30 + 3,000 = 7,200
    //   3: 1,200 × 3 + 3,200 × 0.30 + 3,000 = 7,560
    //   4: 1,200 × 3 + 4,400 × 0.30 + 3,000 = 7,920
    //   5: 1,200 × 3 + 5,600 × 0.30 + 3,000 = 8,280
    // A task: 39,960 µ$ = $0.03996; 1,000 tasks = $39.96 a month.
    expect(r.task?.perTurn?.map((t) => t.usd * 1e6)).toEqual([
      expect.closeTo(9000, 6),
      expect.closeTo(7200, 6),
      expect.closeTo(7560, 6),
      expect.closeTo(7920, 6),
      expect.closeTo(8280, 6),
    ]);
    expect(r.costPerTaskUsd).toBeCloseTo(0.03996, 12);
    expect(r.perRequestUsd).toBeCloseTo(0.03996, 12);
    expect(r.monthlyUsd).toBeCloseTo(39.96, 9);
    expect(r.breakdown.cachedInputUsd).toBeCloseTo(1000 * (600 + 960 + 1320 + 1680) * 1e-6, 9);
    // Every request a success by default: per successful task the same.
    expect(r.costPerSuccessfulTaskUsd).toBeCloseTo(0.03996, 12);
    // Cost per turn never reaches twice the first turn's 9,000 µ$.
    expect(r.costDoublesAtTurn).toBeNull();
    expect(r.task?.turnGapSeconds).toBe(10);
  });

  it('with explicit cache writes, each turn writes what the next one reads', () => {
    // Anthropic-style: writes at $3.75. Turns 1–4 write their new tokens for the next turn:
    //   1: 2,000 × 3.75 + 3,000                 = 10,500 µ$
    //   2: 1,200 × 3.75 + 2,000 × 0.30 + 3,000 =  8,100
    //   3: 1,200 × 3.75 + 3,200 × 0.30 + 3,000 =  8,460
    //   4: 1,200 × 3.75 + 4,400 × 0.30 + 3,000 =  8,820
    //   5: 1,200 × 3    + 5,600 × 0.30 + 3,000 =  8,280 (nothing after it to write for)
    // 44,160 µ$ a task.
    const r = agent(
      {},
      {
        usdPerMTok: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
        cache: { style: 'explicit', minPrefixTokens: 1024, ttlMinutes: 5 },
      },
    );
    expect(r.costPerTaskUsd).toBeCloseTo(0.04416, 12);
    expect(r.breakdown.cacheWriteUsd).toBeCloseTo(1000 * (2000 + 3 * 1200) * 3.75e-6, 9);
  });

  it('turns further apart than the cache TTL re-read the whole context, and the cost per turn doubles', () => {
    // 400 s of tool time > the 5-minute TTL: every turn pays its prompt at $3.
    // 2,000, 3,200, 4,400, 5,600, 6,800 × 3 + 5 × 3,000 = 66,000 + 15,000 = 81,000 µ$.
    const r = agent({ toolSecondsPerTurn: 400 });
    expect(r.costPerTaskUsd).toBeCloseTo(0.081, 12);
    // Turn 1: 9,000 µ$; turn 4: 5,600 × 3 + 3,000 = 19,800 ≥ 18,000 (turn 3: 16,200 is not).
    expect(r.costDoublesAtTurn).toBe(4);
  });

  it('a carried context below the provider’s minimum prefix is not cached', () => {
    // An 800-token opening prompt: turn 2 carries 800 < 1,024 (plain input); turn 3 carries
    // 2,000 (cached). Turns: 800, 2,000, 3,200, 4,400, 5,600.
    //   1: 800 × 3 + 3,000 = 5,400;  2: 2,000 × 3 + 3,000 = 9,000
    //   3: 1,200 × 3 + 2,000 × 0.3 + 3,000 = 7,200;  4: 3,600 + 960 + 3,000 = 7,560
    //   5: 3,600 + 1,320 + 3,000 = 7,920 → 37,080 µ$.
    const s = agentScenarioCost({ inputTokens: { mean: 800 } });
    expect(s).toBeCloseTo(0.03708, 12);
  });

  it('pays a long-context tier from the turn whose prompt crosses it on', () => {
    // Whole-request tier above 5,000 prompt tokens: $6 input, $0.60 cache read, $22.50 output.
    // Turns 1–3 stay at base prices (9,000 + 7,200 + 7,560); turns 4 and 5 cross:
    //   4: 1,200 × 6 + 4,400 × 0.60 + 200 × 22.50 = 7,200 + 2,640 + 4,500 = 14,340
    //   5: 1,200 × 6 + 5,600 × 0.60 + 4,500      = 7,200 + 3,360 + 4,500 = 15,060
    // 53,160 µ$ a task.
    const r = agent(
      {},
      {
        longContext: [
          {
            aboveInputTokens: 5000,
            rule: 'whole-request',
            usdPerMTok: { input: 6, output: 22.5, cacheRead: 0.6 },
          },
        ],
      },
    );
    expect(r.task?.perTurn?.map((t) => t.longContext)).toEqual([
      'none',
      'none',
      'none',
      'whole-request',
      'whole-request',
    ]);
    expect(r.costPerTaskUsd).toBeCloseTo(0.05316, 12);
    expect(r.api?.longContextShare).toBeCloseTo(0.4, 12);
  });

  it('is infeasible when its largest turn does not fit the context window', () => {
    const r = agent({}, {}, { contextTokens: 6000 });
    expect(r.feasible).toBe(false);
    // The last turn: 6,800 prompt + 200 output = 7,000 tokens.
    expect(r.reasons).toEqual([
      "the task's largest turn (prompt + output, 7000 tokens) exceeds the 6000-token context window",
    ]);
    expect(exclusionCode(r.reasons[0]!)).toBe('context');
    // Keeping the last 2 turns past 5,000 tokens, the largest is 4,400 + 200: it fits.
    const cut = agent({ contextLimitTokens: 5000, keepLastTurns: 2 }, {}, { contextTokens: 6000 });
    expect(cut.feasible).toBe(true);
  });

  it('takes its turns and tools end to end', () => {
    // 500 ms to the first token and 100 tokens/s: a turn is 500 + 199 × 10 = 2,490 ms.
    // Five turns and four tool runs of 10 s: 5 × 2.49 + 4 × 10 = 52.45 s.
    const r = agent({}, { publishedTtftMs: 500, publishedOutputTokPerS: 100 });
    expect(r.e2eMs).toBeCloseTo(2490, 9);
    expect(r.taskSeconds).toBeCloseTo(52.45, 9);
    // Turns come 2.49 + 10 s apart: well within the TTL, so the cost is the cached one.
    expect(r.task?.turnGapSeconds).toBeCloseTo(12.49, 9);
    expect(r.costPerTaskUsd).toBeCloseTo(0.03996, 12);
  });
});

function agentScenarioCost(workloadOver: object): number {
  const s = Scenario.parse({
    schemaVersion: 1,
    name: 'agent',
    workload: {
      requests: { count: 1000, per: 'month' },
      inputTokens: { mean: 2000 },
      outputTokens: { mean: 200 },
      task: { turns: 5, toolTokensPerTurn: 1000, toolSecondsPerTurn: 10 },
      ...workloadOver,
    },
    catalog: {
      offerings: [agentOffering()],
    },
    candidates: [{ kind: 'api', offeringId: 'test/agent' }],
  });
  const e = evaluateScenario(EMPTY_CATALOG, s);
  if (!e.ok) throw new Error(e.error);
  return e.result.row(0).costPerTaskUsd!;
}
