import { describe, expect, it } from 'vitest';
import { apiCost } from '../../core/pricing/api-cost.ts';
import { workloadRates } from '../../core/workload/derive.ts';
import type { Offering } from '../../core/schema/catalog.ts';
import { offering, workload } from '../support/fixtures.ts';

const cost = (o = offering(), w = workload(), discount = 0) =>
  apiCost(o, w, workloadRates(w), discount);

describe('API cost: DESIGN.md worked example', () => {
  it('prices 1.5M requests/month at $11,015.19', () => {
    // Billed 1,350,000. Standard hit 600×3 + 1200×0.30 + 350×15 = 7,410 µ$;
    // miss 600×3 + 1200×3.75 + 350×15 = 11,550 µ$; expected 0.6×7,410 + 0.4×11,550 = 9,066 µ$.
    // Batch at half price: 4,533 µ$. Blend 0.8×9,066 + 0.2×4,533 = 8,159.4 µ$ per billed request.
    const c = cost();
    expect(c.perBilledRequestUsd).toBeCloseTo(0.0081594, 10);
    expect(c.monthlyUsd).toBeCloseTo(11_015.19, 2);
    expect(c.effectiveCacheHitRate).toBeCloseTo(0.6, 12);
  });

  it('breaks the month down by token type', () => {
    const b = cost().breakdown;
    // input: standard 600×3 ×0.8 + batch 600×1.5 ×0.2 = 1,440 + 180 = 1,620 µ$ per billed request
    expect(b.inputUsd).toBeCloseTo(1.35e6 * 1620e-6, 6);
    // cached: hits 0.6 × 1200 × (0.8×0.30 + 0.2×0.15) = 194.4 µ$
    expect(b.cachedInputUsd).toBeCloseTo(1.35e6 * 194.4e-6, 6);
    // writes: misses 0.4 × 1200 × (0.8×3.75 + 0.2×1.875) = 1,620 µ$
    expect(b.cacheWriteUsd).toBeCloseTo(1.35e6 * 1620e-6, 6);
    // output: 350 × (0.8×15 + 0.2×7.5) = 4,725 µ$
    expect(b.outputUsd).toBeCloseTo(1.35e6 * 4725e-6, 6);
    expect(b.inputUsd + b.cachedInputUsd + b.cacheWriteUsd + b.outputUsd).toBeCloseTo(11_015.19, 2);
  });

  it('multiplies regional uplift and negotiated discount', () => {
    // 11,015.19 × 1.1 × (1 − 0.15) = 10,299.2027
    const c = cost(offering({ regionalUplift: 1.1 }), workload(), 0.15);
    expect(c.monthlyUsd).toBeCloseTo(8_159.4e-6 * 1.35e6 * 1.1 * 0.85, 4);
  });

  it('costs nothing at zero volume', () => {
    const c = cost(offering(), workload({ requests: { count: 0, per: 'month' } }));
    expect(c.monthlyUsd).toBe(0);
    expect(c.perRequestUsd).toBe(0);
  });

  it('a 100% prompt-cache hit rate bills the whole prefix at the read price', () => {
    // Standard: 600×3 + 1200×0.30 + 350×15 = 7,410 µ$, no batch, no response cache.
    const w = workload({
      batchShare: 0,
      responseCacheHitRate: 0,
      promptCache: { prefixTokens: 1200, hitRate: 1 },
    });
    const c = cost(offering(), w);
    expect(c.perBilledRequestUsd).toBeCloseTo(0.00741, 12);
    expect(c.breakdown.cacheWriteUsd).toBe(0);
  });

  it('a 100% response-cache hit rate costs nothing', () => {
    const c = cost(offering(), workload({ responseCacheHitRate: 1 }));
    expect(c.monthlyUsd).toBe(0);
  });

  it('a prefix below the minimum cacheable size is not cached (and not written)', () => {
    // 1,000-token prefix under a 1,024 minimum: 1,800×3 + 350×15 = 10,650 µ$ standard.
    const w = workload({
      batchShare: 0,
      responseCacheHitRate: 0,
      promptCache: { prefixTokens: 1000, hitRate: 0.9 },
    });
    const c = cost(offering(), w);
    expect(c.effectiveCacheHitRate).toBe(0);
    expect(c.perBilledRequestUsd).toBeCloseTo(0.01065, 12);
  });

  it('automatic caches write the prefix at the input price', () => {
    // No write price: miss = 1,800×3 + 350×15 = 10,650; hit = 7,410; 0.5/0.5 → 9,030 µ$.
    const o = offering({
      usdPerMTok: { input: 3, output: 15, cacheRead: 0.3 },
      cache: { style: 'automatic', minPrefixTokens: 1024, ttlMinutes: 5 },
    });
    const w = workload({
      batchShare: 0,
      responseCacheHitRate: 0,
      promptCache: { prefixTokens: 1200, hitRate: 0.5 },
    });
    const c = cost(o, w);
    expect(c.perBilledRequestUsd).toBeCloseTo(0.00903, 12);
    expect(c.breakdown.cacheWriteUsd).toBe(0);
  });

  it('a TTL cache hits less at low volume', () => {
    // 10 billed requests/day, 24×7: λ = 10 / 1440 per minute; P(warm) = 1 − e^(−λ·5) = 0.034131
    const w = workload({ requests: { count: 10, per: 'day' }, responseCacheHitRate: 0 });
    const c = cost(offering(), w);
    expect(c.effectiveCacheHitRate).toBeCloseTo(0.6 * (1 - Math.exp((-10 / 1440) * 5)), 9);
    expect(c.effectiveCacheHitRate).toBeLessThan(0.03);
  });
});

describe('API cost: long-context tiers', () => {
  const tiered = (rule: 'whole-request' | 'tokens-above') =>
    offering({
      usdPerMTok: { input: 3, output: 15 },
      batch: undefined,
      cache: { style: 'none' },
      longContext: [{ aboveInputTokens: 200_000, rule, usdPerMTok: { input: 6, output: 22.5 } }],
    });
  const longPrompt = (mean: number) =>
    workload({
      inputTokens: { mean },
      promptCache: { prefixTokens: 0, hitRate: 0 },
      batchShare: 0,
      responseCacheHitRate: 0,
      requests: { count: 1000, per: 'month' },
    });

  it('a prompt exactly at the threshold stays at base prices', () => {
    // 200,000×3 + 350×15 = 605,250 µ$
    const c = cost(tiered('whole-request'), longPrompt(200_000));
    expect(c.longContext).toBe('none');
    expect(c.perBilledRequestUsd).toBeCloseTo(0.60525, 10);
  });

  it('whole-request re-prices every token above the threshold', () => {
    // 200,001×6 + 350×22.5 = 1,207,881 µ$
    const c = cost(tiered('whole-request'), longPrompt(200_001));
    expect(c.longContext).toBe('whole-request');
    expect(c.perBilledRequestUsd).toBeCloseTo(1.207881, 10);
  });

  it('tokens-above re-prices only the prompt tokens beyond the threshold', () => {
    // 200,000×3 + 50,000×6 + 350×15 = 905,250 µ$
    const c = cost(tiered('tokens-above'), longPrompt(250_000));
    expect(c.perBilledRequestUsd).toBeCloseTo(0.90525, 10);
  });

  it('batch applies on top of the long-context price', () => {
    // whole-request tier ×0.5 batch factor: (250,000×6 + 350×22.5) × 0.5 = 753,937.5 µ$
    const o = offering({
      usdPerMTok: { input: 3, output: 15 },
      batch: { input: 1.5, output: 7.5 },
      cache: { style: 'none' },
      longContext: [
        {
          aboveInputTokens: 200_000,
          rule: 'whole-request',
          usdPerMTok: { input: 6, output: 22.5 },
        },
      ],
    });
    const c = cost(o, { ...longPrompt(250_000), batchShare: 1 });
    expect(c.perBilledRequestUsd).toBeCloseTo(0.7539375, 10);
  });
});

describe('API cost: several long-context tiers', () => {
  const flat = (mean: number, p95?: number) =>
    workload({
      inputTokens: p95 === undefined ? { mean } : { mean, p95 },
      promptCache: { prefixTokens: 0, hitRate: 0 },
      batchShare: 0,
      responseCacheHitRate: 0,
      requests: { count: 1000, per: 'month' },
    });
  const withTiers = (longContext: Offering['longContext']) =>
    offering({ usdPerMTok: { input: 3, output: 15 }, cache: { style: 'none' }, longContext });

  it('tokens-above tiers stack like tax brackets', () => {
    // 128,000×3 + 384,000×6 + 88,000×9 + 350×15 = 3,485,250 µ$
    const o = withTiers([
      { aboveInputTokens: 512_000, rule: 'tokens-above', usdPerMTok: { input: 9 } },
      { aboveInputTokens: 128_000, rule: 'tokens-above', usdPerMTok: { input: 6 } },
    ]);
    const c = cost(o, flat(600_000));
    expect(c.longContext).toBe('tokens-above');
    expect(c.perBilledRequestUsd).toBeCloseTo(3.48525, 10);
  });

  it('the highest whole-request tier passed prices the whole request', () => {
    // 600,000×9 + 350×45 = 5,415,750 µ$
    const o = withTiers([
      { aboveInputTokens: 128_000, rule: 'whole-request', usdPerMTok: { input: 6, output: 30 } },
      { aboveInputTokens: 512_000, rule: 'whole-request', usdPerMTok: { input: 9, output: 45 } },
    ]);
    expect(cost(o, flat(600_000)).perBilledRequestUsd).toBeCloseTo(5.41575, 10);
    // Between the thresholds the lower tier applies: 300,000×6 + 350×30 = 1,810,500 µ$
    expect(cost(o, flat(300_000)).perBilledRequestUsd).toBeCloseTo(1.8105, 10);
  });

  it('a tokens-above tier beyond a whole-request tier adds its bracket on top', () => {
    // 1,000,000×6 + 200,000×8 + 350×22.5 = 7,607,875 µ$
    const o = withTiers([
      { aboveInputTokens: 200_000, rule: 'whole-request', usdPerMTok: { input: 6, output: 22.5 } },
      { aboveInputTokens: 1_000_000, rule: 'tokens-above', usdPerMTok: { input: 8 } },
    ]);
    expect(cost(o, flat(1_200_000)).perBilledRequestUsd).toBeCloseTo(7.607875, 10);
    // A longer prompt never costs less.
    let previous = 0;
    for (let prompt = 100_000; prompt <= 1_400_000; prompt += 50_000) {
      const usd = cost(o, flat(prompt)).perBilledRequestUsd;
      expect(usd).toBeGreaterThan(previous);
      previous = usd;
    }
  });

  it('prices the share of prompts past a tier when the p95 passes it', () => {
    const o = withTiers([
      { aboveInputTokens: 199_999, rule: 'whole-request', usdPerMTok: { input: 6, output: 30 } },
    ]);
    const meanOnly = cost(o, flat(100_000));
    // Mean path: 100,000×3 + 350×15 = 305,250 µ$.
    expect(meanOnly.perBilledRequestUsd).toBeCloseTo(0.30525, 10);
    expect(meanOnly.longContextShare).toBe(0);
    // A p95 below the threshold changes nothing.
    expect(cost(o, flat(100_000, 150_000)).perBilledRequestUsd).toBeCloseTo(0.30525, 10);
    // With the p95 at 200,000 just past the threshold, the top 5% of prompts pay double on every
    // token: at least 0.05 × (199,999×3 + 350×15) = 30,262 µ$ more than the mean path.
    const spread = cost(o, flat(100_000, 200_000));
    expect(spread.longContext).toBe('none');
    expect(spread.longContextShare).toBeCloseTo(0.05, 12);
    expect(spread.perBilledRequestUsd).toBeGreaterThan(0.30525 + 0.030262);
    expect(spread.perBilledRequestUsd).toBeLessThan(0.30525 * 1.2);
  });
});

describe('API cost: service tiers and cache styles', () => {
  const plain = (over: Parameters<typeof offering>[0] = {}) =>
    offering({
      usdPerMTok: { input: 2, output: 8, cacheRead: 0.5 },
      batch: undefined,
      cache: { style: 'automatic', minPrefixTokens: 1024, ttlMinutes: 5 },
      ...over,
    });
  const w = (over: Parameters<typeof workload>[0] = {}) =>
    workload({
      requests: { count: 1_000_000, per: 'month' },
      inputTokens: { mean: 2000 },
      outputTokens: { mean: 500 },
      promptCache: { prefixTokens: 0, hitRate: 0 },
      responseCacheHitRate: 0,
      batchShare: 0,
      ...over,
    });

  it('priority requests pay the priority prices', () => {
    // 30% priority at 1.7×: standard 2,000×2 + 500×8 = 8,000 µ$; priority 2,000×3.4 + 500×13.6 = 13,600 µ$.
    // Blend 0.7 × 8,000 + 0.3 × 13,600 = 9,680 µ$.
    const c = cost(plain({ priority: { input: 3.4, output: 13.6 } }), w({ priorityShare: 0.3 }));
    expect(c.perBilledRequestUsd).toBeCloseTo(0.00968, 12);
  });

  it('a batch tier that does not take cache discounts bills the prefix at the batch input price', () => {
    // All batch, half price; 1,500-token prefix, 100% hits — but no cache on batch:
    // 2,000 × 1 + 500 × 4 = 4,000 µ$ (with the cache it would be 500×1 + 1,500×0.25 + 500×4 = 2,875).
    const o = plain({
      batch: { input: 1, output: 4 },
      cache: { style: 'automatic', minPrefixTokens: 1024, ttlMinutes: 5, appliesToBatch: false },
    });
    const c = cost(o, w({ batchShare: 1, promptCache: { prefixTokens: 1500, hitRate: 1 } }));
    expect(c.perBilledRequestUsd).toBeCloseTo(0.004, 12);
    const withCache = cost(
      { ...o, cache: { ...o.cache, appliesToBatch: true } },
      w({ batchShare: 1, promptCache: { prefixTokens: 1500, hitRate: 1 } }),
    );
    expect(withCache.perBilledRequestUsd).toBeCloseTo(0.002875, 12);
  });

  it('storage-billed caches add prefix × hours × the storage price', () => {
    // 2 prefixes of 100,000 tokens kept 730 h at $1 per 1M token-hours = 0.2 × 730 = $146 a month.
    // A 120,000-token prompt whose first 100,000 tokens are the cached prefix.
    const o = plain({
      cache: { style: 'storage', minPrefixTokens: 4096, ttlMinutes: 60, storageUsdPerMTokHour: 1 },
    });
    const c = cost(
      o,
      w({
        inputTokens: { mean: 120_000 },
        promptCache: { prefixTokens: 100_000, hitRate: 1, distinctPrefixes: 2 },
      }),
    );
    expect(c.breakdown.cacheStorageUsd).toBeCloseTo(146, 9);
    // per request: 20,000 × 2 + 100,000 × 0.5 + 500 × 8 = 94,000 µ$ → $94,000 a month, + $146
    expect(c.monthlyUsd).toBeCloseTo(94_000 + 146, 6);
    // storage caches are kept warm on purpose: no TTL fall-off
    expect(c.effectiveCacheHitRate).toBe(1);
  });
});
