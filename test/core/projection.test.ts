import { describe, expect, it } from 'vitest';
import { apiCost, apiTokensPerMonth } from '../../core/pricing/api-cost.ts';
import { ValueAssumptions } from '../../core/schema/value.ts';
import { indexCatalog } from '../../core/sweep/catalog-index.ts';
import { makeContext } from '../../core/sweep/context.ts';
import { projectMonths } from '../../core/sweep/projection.ts';
import { workloadRates } from '../../core/workload/derive.ts';
import { offering, workload } from '../support/fixtures.ts';

const catalog = (o = offering()) => ({
  providers: [],
  models: [],
  offerings: [o],
  gpus: [],
  instances: [],
  regions: [],
  quality: [],
  discounts: [],
});

describe('tokens a month by how they are billed', () => {
  it('splits DESIGN.md’s worked example as its dollars are split', () => {
    const w = workload();
    const rates = workloadRates(w);
    const t = apiTokensPerMonth(offering(), w, rates);
    // 1,500,000 requests, 10 % answered by the response cache: 1,350,000 billed.
    // Every billed prompt has 600 uncached tokens: 1.35M × 600 = 810M.
    expect(t.inputTokens).toBeCloseTo(810e6, 0);
    // 60 % hit the prompt cache and read the 1,200-token prefix: 1.35M × 0.6 × 1,200 = 972M.
    expect(t.cachedInputTokens).toBeCloseTo(972e6, 0);
    // 40 % miss and write it: 1.35M × 0.4 × 1,200 = 648M.
    expect(t.cacheWriteTokens).toBeCloseTo(648e6, 0);
    // 350 output tokens each: 472.5M.
    expect(t.outputTokens).toBeCloseTo(472.5e6, 0);
    // At the blended prices (80 % standard, 20 % batch at half price) they make the $11,015.19:
    // 810 × 2.70 + 972 × 0.27 + 648 × 3.375 + 472.5 × 13.50 = 2,187 + 262.44 + 2,187 + 6,378.75.
    expect(apiCost(offering(), w, rates).monthlyUsd).toBeCloseTo(11_015.19, 2);
  });

  it('counts input as input where a cache write costs the input price', () => {
    const o = offering({
      usdPerMTok: { input: 3, output: 15, cacheRead: 0.3 },
      cache: { style: 'automatic', minPrefixTokens: 1024, ttlMinutes: 5 },
    });
    const w = workload();
    const t = apiTokensPerMonth(o, w, workloadRates(w));
    // Misses send the prefix as plain input: 1.35M × (600 + 0.4 × 1,200) = 1,458M.
    expect(t.inputTokens).toBeCloseTo(1458e6, 0);
    expect(t.cacheWriteTokens).toBe(0);
  });

  it('counts a reasoning model’s hidden tokens apart from the visible output', () => {
    const w = workload();
    const t = apiTokensPerMonth(offering(), w, workloadRates(w), { reasoningTokens: 1_000 });
    // 1,000 hidden tokens on each of the 1.35M billed requests: 1,350M, billed as output; the
    // visible output stays 1.35M × 350 = 472.5M.
    expect(t.reasoningTokens).toBeCloseTo(1350e6, 0);
    expect(t.outputTokens).toBeCloseTo(472.5e6, 0);
    expect(apiTokensPerMonth(offering(), w, workloadRates(w)).reasoningTokens).toBe(0);
  });
});

describe('a candidate month by month', () => {
  const value = ValueAssumptions.parse({
    setupUsd: { api: 2_000, cloud: 0, onprem: 0 },
    horizonMonths: 3,
    discountRateAnnual: 0,
  });

  it('keeps the engine’s series without a value per request, and the row’s ROI hidden', () => {
    const w = workload({ monthlyGrowthPct: 10 });
    const ctx = makeContext(indexCatalog(catalog()), w, value);
    const p = projectMonths(ctx, { kind: 'api', offeringId: 'test/model' });
    expect(p).not.toBeNull();
    expect(p!.row.roi).toBeNull();
    const months = p!.months;
    // Month 1 at the stated volume ($11,015.19), then +10 % volume a month (no cache TTL effect
    // at this volume, so cost follows volume): 12,116.71, 13,328.38.
    expect(months.map((m) => m.runUsd)).toEqual([
      expect.closeTo(11_015.19, 2),
      expect.closeTo(11_015.19 * 1.1, 2),
      expect.closeTo(11_015.19 * 1.21, 2),
    ]);
    expect(months.map((m) => m.requests)).toEqual([
      expect.closeTo(1.5e6, 3),
      expect.closeTo(1.65e6, 3),
      expect.closeTo(1.815e6, 3),
    ]);
    // The running total starts with the $2,000 setup.
    expect(months[2]!.costUsd).toBeCloseTo(2_000 + 11_015.19 * 3.31, 1);
    // The horizon's total is the candidate's TCO.
    expect(months[2]!.costUsd).toBeCloseTo(p!.row.tcoUsd!, 6);
  });
});
