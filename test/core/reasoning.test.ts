import { describe, expect, it } from 'vitest';
import { exclusionCode } from '../../core/decision/exclusions.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { Scenario, type ScenarioInput } from '../../core/schema/scenario.ts';
import type { CandidateResult } from '../../core/sweep/types.ts';
import { testGpu, testModel } from '../support/fixtures.ts';
import {
  EMPTY_CATALOG,
  reasoningCatalogRows,
  reasoningFacts,
} from '../support/reasoning-fixtures.ts';

/** 1M requests a month of 1,000 prompt and 400 visible output tokens, no caches, no batch. */
function scenario(over: Partial<ScenarioInput> = {}, workload: object = {}): Scenario {
  return Scenario.parse({
    schemaVersion: 1,
    name: 'reasoning',
    workload: {
      requests: { count: 1_000_000, per: 'month' },
      inputTokens: { mean: 1000 },
      outputTokens: { mean: 400 },
      ...workload,
    },
    value: { horizonMonths: 12 },
    catalog: reasoningCatalogRows(),
    candidates: [
      { kind: 'api', offeringId: 'test/test-reasoner' },
      { kind: 'api', offeringId: 'test/test-plain' },
    ],
    ...over,
  });
}

function rows(s: Scenario): Map<string, CandidateResult> {
  const e = evaluateScenario(EMPTY_CATALOG, s);
  if (!e.ok) throw new Error(e.error);
  return new Map(e.result.rankedRows().map((r) => [r.id, r]));
}

describe('a reasoning model on a hosted API', () => {
  it('bills billed requests × (visible + reasoning output) × the output price, plus input', () => {
    const r = rows(scenario()).get('api:test/test-reasoner')!;
    // Default level low: 2.5 × 400 visible = 1,000 reasoning tokens a request.
    expect(r.effort).toBe('low');
    expect(r.reasoningTokensPerRequest).toBe(1000);
    // 1,000 × $1.25 + (400 + 1,000) × $10 = 1,250 + 14,000 = 15,250 µ$ a request
    // × 1,000,000 requests = $15,250 a month; reasoning 1,000 × $10 × 1e6 / 1e6 = $10,000.
    expect(r.monthlyUsd).toBeCloseTo(15_250, 6);
    expect(r.breakdown.inputUsd).toBeCloseTo(1_250, 6);
    expect(r.breakdown.outputUsd).toBeCloseTo(4_000, 6);
    expect(r.breakdown.reasoningUsd).toBeCloseTo(10_000, 6);
    expect(r.reasoningShareOfCost).toBeCloseTo(10_000 / 15_250, 12);
    // Tokens a request: 1,000 + 400 + 1,000 = 2,400 → $15,250 / 2.4e9 tokens × 1e6 = $6.354 per 1M.
    expect(r.perMTokUsd).toBeCloseTo((15_250 / 2.4e9) * 1e6, 9);
  });

  it('bills only the requests that reach the model, and a plain model reasons not at all', () => {
    const m = rows(scenario({}, { responseCacheHitRate: 0.1 }));
    // 900,000 billed × 15,250 µ$ = $13,725.
    expect(m.get('api:test/test-reasoner')!.monthlyUsd).toBeCloseTo(13_725, 6);
    const plain = m.get('api:test/test-plain')!;
    expect(plain.reasoningTokensPerRequest).toBe(0);
    expect(plain.effort).toBeNull();
    expect(plain.reasoningShareOfCost).toBe(0);
    // 900,000 × (1,000 × 1.25 + 400 × 10) µ$ = 900,000 × 5,250 µ$ = $4,725.
    expect(plain.monthlyUsd).toBeCloseTo(4_725, 6);
  });

  it('takes the workload’s effort, the nearest level the model has, or your own tokens', () => {
    const at = (reasoning: object) =>
      rows(scenario({}, { reasoning })).get('api:test/test-reasoner')!;
    // high: 3,000 tokens → 1,250 + 3,400 × 10 = 35,250 µ$ → $35,250.
    expect(at({ effort: 'high' }).monthlyUsd).toBeCloseTo(35_250, 6);
    // none: off → 1,250 + 400 × 10 = $5,250.
    const off = at({ effort: 'none' });
    expect(off.monthlyUsd).toBeCloseTo(5_250, 6);
    expect(off.reasoningTokensPerRequest).toBe(0);
    // xhigh is not offered: the nearest, high, runs, and the row says so.
    const nearest = at({ effort: 'xhigh' });
    expect(nearest.effort).toBe('high');
    expect(nearest.warnings).toContain('offers no xhigh reasoning effort: high used');
    // Your own figure: 2,000 tokens → 1,250 + 2,400 × 10 = $25,250.
    const yours = at({ tokensPerRequest: 2000 });
    expect(yours.monthlyUsd).toBeCloseTo(25_250, 6);
    expect(yours.reasoning?.from).toBe('yours');
    // Per model, over the workload's: 500 tokens → 1,250 + 900 × 10 = $10,250.
    const own = at({
      tokensPerRequest: 2000,
      perModel: [{ modelId: 'test-reasoner', tokensPerRequest: 500 }],
    });
    expect(own.monthlyUsd).toBeCloseTo(10_250, 6);
  });

  it('a level with no published figure is a visible unknown: excluded, or counted at 0 when included', () => {
    const facts = reasoningFacts();
    const { tokens: _gone, ...low } = facts.levels[1]!;
    const catalog = reasoningCatalogRows({
      ...facts,
      levels: [facts.levels[0]!, low, facts.levels[2]!],
    });
    const out = rows(scenario({ catalog })).get('api:test/test-reasoner')!;
    expect(out.feasible).toBe(false);
    expect(out.reasons).toEqual([
      'reasoning tokens unknown: no published figure at low effort (set your own, or include unknowns)',
    ]);
    expect(exclusionCode(out.reasons[0]!)).toBe('reasoning-unknown');
    const included = rows(scenario({ catalog }, { reasoning: { includeUnknown: true } })).get(
      'api:test/test-reasoner',
    )!;
    expect(included.feasible).toBe(true);
    expect(included.reasoningTokensPerRequest).toBe(0);
    expect(included.reasoning?.from).toBe('unknown');
    expect(included.warnings).toContain(
      'reasoning tokens unknown at low effort: counted as 0 (included; set your own)',
    );
    // Your own figure makes it known.
    const yours = rows(scenario({ catalog }, { reasoning: { tokensPerRequest: 800 } })).get(
      'api:test/test-reasoner',
    )!;
    expect(yours.feasible).toBe(true);
    expect(yours.reasoningTokensPerRequest).toBe(800);
  });

  it('compares effort levels of one model as candidates, each with its published quality', () => {
    const s = scenario({
      candidates: [],
      sweep: { api: {}, efforts: ['none', 'low', 'high'] },
    });
    const m = rows(s);
    // The reasoner offers all three; the plain model is one candidate at no effort.
    expect([...m.keys()].sort()).toEqual([
      'api:test/test-plain',
      'api:test/test-reasoner@high',
      'api:test/test-reasoner@low',
      'api:test/test-reasoner@none',
    ]);
    expect(m.get('api:test/test-reasoner@high')!.label).toBe(
      'test · Test Reasoner · high reasoning',
    );
    expect(m.get('api:test/test-reasoner@high')!.monthlyUsd).toBeCloseTo(35_250, 6);
    expect(m.get('api:test/test-reasoner@none')!.monthlyUsd).toBeCloseTo(5_250, 6);
    const q = rows(
      scenario(
        {
          candidates: [],
          sweep: { api: {}, efforts: ['none', 'low', 'high'] },
        },
        { minQuality: { benchmark: 'aider-polyglot', score: 50, includeUnknown: true } },
      ),
    );
    // Published per level: 60 at low, 70 at high; none has no score (unknown, not the default's).
    expect(q.get('api:test/test-reasoner@low')!.quality).toBe(60);
    expect(q.get('api:test/test-reasoner@high')!.quality).toBe(70);
    expect(q.get('api:test/test-reasoner@none')!.quality).toBeNull();
  });
});

describe('time to the first visible token', () => {
  /** The offerings publish 500 ms to the first token and 100 tokens/s (10 ms a token). */
  function timed(visibility: 'hidden' | 'streamed', slo: object, reasoning: object = {}) {
    const catalog = reasoningCatalogRows(reasoningFacts({ visibility }));
    for (const o of catalog.offerings) {
      Object.assign(o, { publishedTtftMs: 500, publishedOutputTokPerS: 100 });
    }
    return rows(scenario({ catalog }, { slo, reasoning })).get('api:test/test-reasoner')!;
  }

  it('comes after the reasoning where it streams first', () => {
    const streamed = timed('streamed', {});
    // The published 500 ms is the first (reasoning) token; the answer's first token comes after
    // 1,000 reasoning tokens × 10 ms: 10,500 ms. End to end: 10,500 + (400 − 1) × 10 = 14,490 ms.
    expect(streamed.ttftMs).toBeCloseTo(500, 9);
    expect(streamed.ttftVisibleMs).toBeCloseTo(10_500, 9);
    expect(streamed.e2eMs).toBeCloseTo(14_490, 9);
  });

  it('a hidden reasoner’s published figure already holds its default level’s reasoning', () => {
    // Nothing streams before the answer, so the published 500 ms (taken at the default, low) is
    // the first visible token, and the first token too.
    const atDefault = timed('hidden', {});
    expect(atDefault.ttftMs).toBeCloseTo(500, 9);
    expect(atDefault.ttftVisibleMs).toBeCloseTo(500, 9);
    // At high: 3,000 − 1,000 more reasoning tokens × 10 ms = 500 + 20,000 = 20,500 ms.
    const high = timed('hidden', {}, { effort: 'high' });
    expect(high.ttftVisibleMs).toBeCloseTo(20_500, 9);
    expect(high.ttftMs).toBeCloseTo(20_500, 9);
    // With reasoning off the default's figure stays, an upper bound (how much it held is unknown).
    expect(timed('hidden', {}, { effort: 'none' }).ttftVisibleMs).toBeCloseTo(500, 9);
  });

  it('a TTFT SLO means the first visible token unless it says the first token', () => {
    const visible = timed('streamed', { ttftMs: 2000 });
    expect(visible.feasible).toBe(false);
    expect(visible.reasons).toContain(
      'misses the TTFT SLO (first visible token): 10500 ms > 2000 ms (published median)',
    );
    expect(exclusionCode(visible.reasons[0]!)).toBe('slo-ttft');
    const first = timed('streamed', { ttftMs: 2000, ttftOf: 'first' });
    expect(first.feasible).toBe(true);
    expect(first.latencyStatus).toBe('pass');
  });
});

describe('a self-hosted reasoning model', () => {
  /** 10M requests a day, flat; an experiment (no reserve), a fixed fleet of 1-GPU instances. */
  function selfHosted(workload: object) {
    const model = { ...testModel(), reasoning: reasoningFacts({ visibility: 'streamed' }) };
    const s = Scenario.parse({
      schemaVersion: 1,
      name: 'self-hosted reasoning',
      workload: {
        requests: { count: 10_000_000, per: 'day' },
        inputTokens: { mean: 1000 },
        outputTokens: { mean: 400 },
        stage: 'experiment',
        precision: 'bf16',
        ...workload,
      },
      catalog: {
        models: [model],
        gpus: [testGpu()],
        regions: [
          {
            id: 'test/r1',
            cloud: 'test',
            code: 'r1',
            name: 'Region 1',
            country: 'US',
            latitude: 0,
            longitude: 0,
            residency: 'us',
            source: 'test fixture',
            asOf: '2026-01-01',
          },
        ],
        instances: [
          {
            id: 'test/1x/r1',
            cloud: 'test',
            instanceType: '1x',
            gpuId: 'test-gpu',
            gpuCount: 1,
            regionId: 'test/r1',
            usdPerHour: { onDemand: 2 },
            source: 'test fixture',
            asOf: '2026-01-01',
          },
        ],
      },
      candidates: [
        { kind: 'cloud', instanceId: 'test/1x/r1', modelId: 'test-7b', scaling: 'fixed' },
      ],
    });
    const e = evaluateScenario(EMPTY_CATALOG, s);
    if (!e.ok) throw new Error(e.error);
    return e.result.row(0);
  }

  /**
   * Replicas by hand from what one replica serves: Little's law, requests in flight ÷ seconds
   * each takes (no SLO: as many as fit in memory), then the fleet: ⌈peak ÷ (0.8 × that)⌉.
   */
  function replicasByHand(r: CandidateResult): number {
    const perReplica = r.selfHost!.sloConcurrency / (r.e2eMs! / 1000);
    const peak = 10_000_000 / 86_400; // 115.74 requests/s, flat
    return Math.ceil(peak / (0.8 * perReplica) - 1e-9);
  }

  it('needs more replicas than with reasoning off, by the hand-computed factor', () => {
    const off = selfHosted({ reasoning: { effort: 'none' } });
    const on = selfHosted({});
    // Default low: 2.5 × 400 = 1,000 reasoning tokens decoded on top of 400 visible ones.
    expect(on.reasoningTokensPerRequest).toBe(1000);
    // Each request holds 2,400 tokens of KV instead of 1,400: fewer fit in memory at once, and
    // each takes 1,399 decode steps instead of 399. Calibration round 3: 388 in flight over
    // 160.8 s = 2.413 requests/s a replica → ⌈115.74 ÷ (0.8 × 2.413)⌉ = 60 replicas; with
    // reasoning 274 over 240.8 s = 1.138 → ⌈115.74 ÷ (0.8 × 1.138)⌉ = 128.
    expect(on.selfHost!.maxConcurrency).toBeLessThan(off.selfHost!.maxConcurrency);
    expect(off.selfHost!.replicasPeak).toBe(replicasByHand(off));
    expect(on.selfHost!.replicasPeak).toBe(replicasByHand(on));
    expect(on.selfHost!.replicasPeak / off.selfHost!.replicasPeak).toBeCloseTo(
      replicasByHand(on) / replicasByHand(off),
      12,
    );
    expect(on.selfHost!.replicasPeak).toBeGreaterThan(1.5 * off.selfHost!.replicasPeak);
    // Reasoning's share: the capacity it takes, 1 − 1.138 ÷ 2.413 = 52.8 %.
    const perReplica = (r: CandidateResult) => r.selfHost!.sloConcurrency / (r.e2eMs! / 1000);
    expect(on.reasoningShareOfCost).toBeCloseTo(1 - perReplica(on) / perReplica(off), 9);
  });

  it('decodes reasoning exactly like visible output: the same fleet as 1,400 visible tokens', () => {
    const on = selfHosted({});
    const plain = selfHosted({ reasoning: { effort: 'none' }, outputTokens: { mean: 1400 } });
    expect(on.selfHost!.replicasPeak).toBe(plain.selfHost!.replicasPeak);
    expect(on.breakdown.gpuUsd).toBeCloseTo(plain.breakdown.gpuUsd, 9);
    // Only the visible output leaves the servers: egress counts 400 tokens a request, not 1,400.
    expect(on.breakdown.egressUsd).toBeCloseTo((plain.breakdown.egressUsd * 400) / 1400, 9);
    // The first token streams at once (reasoning streams); the first visible one comes 1,000
    // tokens later: TTFT + 1,000 × TPOT.
    expect(on.ttftVisibleMs).toBeCloseTo(on.ttftMs! + 1000 * on.tpotMs!, 9);
  });

  it('a visible-TTFT SLO is checked past the reasoning', () => {
    const on = selfHosted({ slo: { ttftMs: 5000 } });
    expect(on.feasible).toBe(false);
    expect(on.reasons[0]).toMatch(
      /^misses the TTFT SLO \(first visible token, after reasoning\) even alone: \d+ ms > 5000 ms$/,
    );
    expect(exclusionCode(on.reasons[0]!)).toBe('slo-ttft');
    const first = selfHosted({ slo: { ttftMs: 5000, ttftOf: 'first' } });
    expect(first.feasible).toBe(true);
    expect(first.ttftMs!).toBeLessThanOrEqual(5000);
  });
});
