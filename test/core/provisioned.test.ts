import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../core/schema/catalog.ts';
import { provisionedDemand } from '../../core/pricing/provisioned.ts';
import { ValueAssumptions } from '../../core/schema/value.ts';
import { ApiPlacement } from '../../core/schema/placement.ts';
import { indexCatalog } from '../../core/sweep/catalog-index.ts';
import { makeContext } from '../../core/sweep/context.ts';
import { evaluateCandidate, sweep } from '../../core/sweep/sweep.ts';
import { workloadRates } from '../../core/workload/derive.ts';
import { offering, workload } from '../support/fixtures.ts';

/**
 * GPT-4o-like prices ($2.50 input, $10 output per 1M tokens, no cache) with Azure's published
 * PTU terms for it: 2,500 input tokens a minute per PTU, an output token counts as 4, at least 15
 * PTUs in steps of 5, $260 per PTU-month on a 1-month reservation, $1 per PTU-hour without one.
 */
const ptu = offering({
  id: 'azure/gpt-4o',
  provider: 'azure',
  modelId: 'gpt-4o',
  usdPerMTok: { input: 2.5, output: 10 },
  batch: undefined,
  cache: { style: 'none', minPrefixTokens: 0, ttlMinutes: 5, appliesToBatch: true },
  provisioned: {
    unit: 'ptu',
    deployment: 'global',
    inputTokensPerMinutePerUnit: 2500,
    outputTokenWeight: 4,
    cachedInputWeight: 0,
    minUnits: 15,
    unitIncrement: 5,
    prices: [
      { term: 'hourly', usd: 1, per: 'hour', source: 'test', asOf: '2026-01-01' },
      { term: '1-month', usd: 260, per: 'month', source: 'test', asOf: '2026-01-01' },
    ],
    source: 'test',
    asOf: '2026-01-01',
  },
});
/** A Bedrock-like offering: model units, no published capacity or price. */
const mu = offering({
  id: 'bedrock/model',
  provider: 'bedrock',
  modelId: 'gpt-4o',
  usdPerMTok: { input: 2.5, output: 10 },
  batch: undefined,
  cache: { style: 'none', minPrefixTokens: 0, ttlMinutes: 5, appliesToBatch: true },
  provisioned: { unit: 'model-unit', prices: [], source: 'test', asOf: '2026-01-01' },
});
const catalog: Catalog = {
  providers: [],
  models: [],
  offerings: [ptu, mu],
  gpus: [],
  instances: [],
  regions: [],
  quality: [],
  discounts: [],
};
const value = ValueAssumptions.parse({ weeksToLaunch: { api: 0, cloud: 0, onprem: 0 } });

/** V requests a month, flat 24/7, 1,000 prompt + 200 output tokens, no caches, no batch. */
const ctxAt = (requests: number, peakToAverage = 1) =>
  makeContext(
    indexCatalog(catalog),
    workload({
      requests: { count: requests, per: 'month' },
      peakToAverage,
      inputTokens: { mean: 1000 },
      outputTokens: { mean: 200 },
      promptCache: { prefixTokens: 0, hitRate: 0 },
      responseCacheHitRate: 0,
      batchShare: 0,
    }),
    value,
  );
const payg = ApiPlacement.parse({ kind: 'api', offeringId: 'azure/gpt-4o' });
const monthly = ApiPlacement.parse({
  kind: 'api',
  offeringId: 'azure/gpt-4o',
  provisioned: { term: '1-month' },
});

// Pay-as-you-go: 1,000 × $2.50 + 200 × $10 = 4,500 µ$ = $0.0045 a request.
// Capacity: 1,000 + 4 × 200 = 1,800 input-equivalent tokens a request.
describe('a PTU plan against pay-as-you-go', () => {
  it('above break-even it beats pay-as-you-go by the hand-computed amount', () => {
    // 100M requests: 1.8e11 tokens a month ÷ 43,800 minutes = 4,109,589 a minute ÷ 2,500 =
    // 1,643.8 PTUs. Every PTU fully used serves 2,500 × 43,800 = 109.5M tokens worth $273.75 of
    // pay-as-you-go ($2.5 per 1M tokens: $450,000 ÷ 1.8e11) against its $260: 1,640 PTUs
    // (15 + 325 × 5) carry 4.1M a minute; the rest, (1.8e11 − 1.7958e11) = 4.2e8 tokens, would
    // not pay a 5-PTU step ($1,300 for $1,050 of tokens) and overflow: $1,050.
    // 1,640 × $260 + $1,050 = $427,450 against 100M × $0.0045 = $450,000.
    const ctx = ctxAt(100e6);
    const pt = evaluateCandidate(ctx, monthly);
    const api = evaluateCandidate(ctx, payg);
    expect(api.monthlyUsd).toBeCloseTo(450_000, 6);
    expect(pt.monthlyUsd).toBeCloseTo(427_450, 6);
    expect(api.monthlyUsd! - pt.monthlyUsd!).toBeCloseTo(22_550, 6);
    const c = pt.commitment!;
    expect(c.kind).toBe('provisioned');
    expect(c.term).toBe('1-month');
    expect(c.unit).toBe('ptu');
    expect(c.committedUnits).toBe(1640);
    expect(c.peakUnits).toBe(1645);
    expect(c.monthlyCommittedUsd).toBeCloseTo(1640 * 260, 6);
    expect(pt.breakdown.provisionedUsd).toBeCloseTo(426_400, 6);
    expect(pt.breakdown.inputUsd + pt.breakdown.outputUsd).toBeCloseTo(1_050, 6);
    // Break-even utilization: $260 ÷ $273.75 = 0.94977; the PTUs are fully used.
    expect(c.breakEvenUtilization).toBeCloseTo(260 / 273.75, 9);
    expect(c.utilization).toBeCloseTo(1, 9);
    expect(c.uncommittedMonthlyUsd).toBeCloseTo(450_000, 6);
    // The smallest deployment (15 × $260 = $3,900) pays once its tokens are worth that:
    // 3,900 ÷ $2.5e-6 = 1.56e9 tokens ÷ 1,800 = 866,667 requests a month.
    expect(c.breakEvenRequestsPerMonth).toBeCloseTo(1.56e9 / 1800, 3);
    // Both are candidates ranked under the objective: the PTU plan wins here.
    const ranked = sweep(ctx, [payg, monthly]);
    expect(ranked.row(ranked.recommended).id).toBe('api:azure/gpt-4o:provisioned:1-month');
  });

  it('below break-even it loses', () => {
    // 500,000 requests: 9e8 tokens a month, under the 15-PTU minimum's 1.6425e9: 15 × $260 =
    // $3,900 against 500,000 × $0.0045 = $2,250.
    const ctx = ctxAt(500_000);
    const pt = evaluateCandidate(ctx, monthly);
    const api = evaluateCandidate(ctx, payg);
    expect(pt.commitment!.committedUnits).toBe(15);
    expect(pt.monthlyUsd).toBeCloseTo(3_900, 6);
    expect(api.monthlyUsd).toBeCloseTo(2_250, 6);
    expect(pt.monthlyUsd! - api.monthlyUsd!).toBeCloseTo(1_650, 6);
    const ranked = sweep(ctx, [payg, monthly]);
    expect(ranked.row(ranked.recommended).id).toBe('api:azure/gpt-4o');
    // 9e8 tokens ÷ (15 × 109.5M) = 54.8 % used.
    expect(pt.commitment!.utilization).toBeCloseTo(9e8 / (15 * 2500 * 43_800), 9);
  });

  it('hourly PTUs at 730 h a month cost more than the reservation', () => {
    // $1 × 730 h = $730 a PTU-month > $273.75 of tokens: no PTU pays; the minimum 15 × $730.
    const pt = evaluateCandidate(ctxAt(100e6), { ...monthly, provisioned: { term: 'hourly' } });
    expect(pt.commitment!.committedUnits).toBe(15);
    expect(pt.commitment!.breakEvenUtilization).toBeCloseTo(730 / 273.75, 9);
  });
});

describe('a PTU plan with no requests', () => {
  it('has no break-even utilization (null, never NaN): no pay-as-you-go spend to compare with', () => {
    // 0 requests: pay-as-you-go costs $0, so $260 a PTU-month ÷ $0 of tokens has no value.
    const pt = evaluateCandidate(ctxAt(0), monthly);
    const c = pt.commitment!;
    expect(c.breakEvenUtilization).toBeNull();
    for (const o of c.options) expect(o.breakEvenUtilization).toBeNull();
    // The minimum deployment is still what it costs: 15 × $260 = $3,900.
    expect(pt.monthlyUsd).toBeCloseTo(3_900, 6);
  });

  it('names the same break-even volume whatever the stated volume, however small', () => {
    // The break-even is where the smallest deployment's tokens are worth its price: it does not
    // depend on the volume stated (pay-as-you-go per token is the same). At 1e-305 requests a
    // month and less, taken as a multiple of the stated volume (past 1e308) it overflowed to Infinity
    // with a peaked profile; worked in absolute traffic it is the 500,000-request answer.
    const at = (v: number) =>
      evaluateCandidate(ctxAt(v, 3), monthly).commitment!.breakEvenRequestsPerMonth;
    const reference = at(500_000)!;
    expect(reference).toBeGreaterThan(866_666);
    expect(at(1e-305)).toBeCloseTo(reference, 3);
    // Flat (peak = average): 1.56e9 tokens ÷ 1,800 a request, as above.
    expect(
      evaluateCandidate(ctxAt(1e-300), monthly).commitment!.breakEvenRequestsPerMonth,
    ).toBeCloseTo(1.56e9 / 1800, 3);
  });
});

describe('a vendor that publishes no throughput per unit', () => {
  it('needs the user’s figures, and says they are the user’s', () => {
    const ctx = ctxAt(10e6);
    const missing = evaluateCandidate(ctx, {
      kind: 'api',
      offeringId: 'bedrock/model',
      provisioned: { term: '1-month' },
    });
    expect(missing.feasible).toBe(false);
    expect(missing.reasons.join()).toMatch(/give your price per unit-hour/);
    // With a quote of $40 per model-unit-hour and 100,000 tokens a minute per unit (no output
    // weighting published: an output token counts as 1): 10M × 1,200 = 1.2e10 tokens a month at
    // $45,000 pay-as-you-go ($3.75 per 1M). A unit costs 40 × 730 = $29,200 a month and serves
    // 100,000 × 43,800 = 4.38e9 tokens worth $16,425: none pays, so the minimum (1 unit) serves
    // what it can and the rest overflows.
    const yours = evaluateCandidate(ctx, {
      kind: 'api',
      offeringId: 'bedrock/model',
      provisioned: { term: '1-month', usdPerUnitHour: 40, inputTokensPerMinutePerUnit: 100_000 },
    });
    expect(yours.feasible).toBe(true);
    expect(yours.commitment!.yours).toBe(true);
    expect(yours.commitment!.committedUnits).toBe(1);
    // 1 × $29,200 + (1.2e10 − 4.38e9) × $3.75e-6 = 29,200 + 28,575 = $57,775
    expect(yours.monthlyUsd).toBeCloseTo(57_775, 6);
    expect(yours.commitment!.options.at(-1)).toMatchObject({ yours: true, term: '1-month' });
  });
});

describe('hidden reasoning on provisioned units', () => {
  it('counts against the capacity as output tokens, and is priced as output pay-as-you-go', () => {
    // 1M requests, 1,000 prompt + 200 visible + 300 reasoning tokens: capacity 1,000 + 4 × (200 +
    // 300) = 3,000 input-equivalent tokens a request → 3e9 a month; pay-as-you-go 1,000 × $2.50 +
    // 500 × $10 = 7,500 µ$ a request → $7,500 a month.
    const w = ctxAt(1e6).workload;
    const d = provisionedDemand(ptu, w, workloadRates(w), ptu.provisioned!, {
      reasoningTokens: 300,
    });
    expect(d.tokensPerMonth).toBeCloseTo(3e9, 0);
    expect(d.interactiveUsd).toBeCloseTo(7_500, 6);
  });
});
