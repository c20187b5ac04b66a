import { describe, expect, it } from 'vitest';
import { greatCircleKm, networkRttMs } from '../../core/network.ts';
import { indexQuality, qualityScore } from '../../core/quality.ts';
import type { z } from 'zod';
import {
  Discount,
  Instance,
  Offering,
  Provider,
  Region,
  type Catalog,
} from '../../core/schema/catalog.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import { OnpremPlacement } from '../../core/schema/placement.ts';
import { Workload } from '../../core/schema/workload.ts';
import {
  indexCatalog,
  negotiatedTermsFor,
  type CatalogIndex,
} from '../../core/sweep/catalog-index.ts';
import { cheapestRegions } from '../../core/sweep/candidates.ts';
import {
  requestsPerMonth,
  withOutputMean,
  withPromptMean,
  prefixTokensCosted,
  workloadRates,
} from '../../core/workload/derive.ts';
import { offering, workload } from '../support/fixtures.ts';

/** The share off an offering's list prices that its negotiated terms give (0 without any). */
const discountFor = (index: CatalogIndex, o: { id: string; provider: string }) =>
  negotiatedTermsFor(index, o.provider, o.id)?.fraction ?? 0;

describe('workload volume', () => {
  it('a per-day volume counts the days traffic arrives on', () => {
    // 50,000 a day × 365/12 days = 1,520,833.3 a month (24×7)
    expect(requestsPerMonth(workload({ requests: { count: 50_000, per: 'day' } }))).toBeCloseTo(
      1_520_833.33,
      2,
    );
    // business days: × 5/7 → 1,086,309.5
    const weekdays = workload({
      requests: { count: 50_000, per: 'day' },
      schedule: { hoursPerDay: 10, daysPerWeek: 5 },
    });
    expect(requestsPerMonth(weekdays)).toBeCloseTo(((50_000 * 365) / 12) * (5 / 7), 6);
  });

  it('rates: billed requests skip the response cache; peak = average × peak ratio', () => {
    // 1.5M × 0.9 = 1.35M billed; over 730 h: 513.7 per minute → 8.5616 per second; × 3 at peak
    const r = workloadRates(workload({ peakToAverage: 3 }));
    expect(r.billedRequestsPerMonth).toBe(1_350_000);
    expect(r.avgBilledPerSecond).toBeCloseTo(1_350_000 / (730 * 3600), 12);
    expect(r.peakBilledPerSecond).toBeCloseTo((3 * 1_350_000) / (730 * 3600), 12);
  });
});

describe('network round trip', () => {
  it('great-circle distance London → New York is about 5,570 km', () => {
    expect(greatCircleKm(51.51, -0.13, 40.71, -74.01)).toBeCloseTo(5_570, -1);
    expect(greatCircleKm(10, 10, 10, 10)).toBe(0);
  });

  it('RTT = 5 ms + 2 × 1.5 × distance ÷ 200 km/ms', () => {
    // 1,000 km: 5 + 3,000 / 200 = 20 ms
    expect(networkRttMs(1000)).toBe(20);
  });
});

describe('quality under quantization', () => {
  const index = indexQuality([
    { modelId: 'm', benchmark: 'lmarena-text', score: 1300, source: 's', asOf: '2025-08-04' },
    { modelId: 'm', benchmark: 'aider-polyglot', score: 60, source: 's', asOf: '2025-10-04' },
  ]);
  it('loses the published share per precision', () => {
    expect(qualityScore(index, 'm', 'lmarena-text')).toBe(1300);
    expect(qualityScore(index, 'm', 'lmarena-text', 'bf16')).toBe(1300);
    // INT4: 1,300 × (1 − 0.015) = 1,280.5; FP8: 60 × 0.998 = 59.88
    expect(qualityScore(index, 'm', 'lmarena-text', 'int4')).toBeCloseTo(1280.5, 9);
    expect(qualityScore(index, 'm', 'aider-polyglot', 'fp8')).toBeCloseTo(59.88, 9);
    expect(qualityScore(index, 'other', 'lmarena-text')).toBeNull();
  });
});

describe('cheapest allowed region per instance type', () => {
  const region = (id: string, residency: 'eu' | 'us') =>
    Region.parse({
      id,
      cloud: 'c',
      code: id,
      name: id,
      country: 'XX',
      latitude: 0,
      longitude: 0,
      residency,
      source: 's',
      asOf: '2026-01-01',
    });
  const inst = (id: string, type: string, regionId: string, onDemand: number) =>
    Instance.parse({
      id,
      cloud: 'c',
      instanceType: type,
      gpuId: 'g',
      gpuCount: 1,
      regionId,
      usdPerHour: { onDemand },
      source: 's',
      asOf: '2026-01-01',
    });
  const instances = [
    inst('c:a:us1', 'a', 'us1', 1.0),
    inst('c:a:eu1', 'a', 'eu1', 1.4),
    inst('c:a:eu2', 'a', 'eu2', 1.2),
    inst('c:b:us1', 'b', 'us1', 3),
  ];
  const index = indexCatalog({
    providers: [],
    models: [],
    offerings: [],
    gpus: [],
    instances,
    regions: [region('us1', 'us'), region('eu1', 'eu'), region('eu2', 'eu')],
    quality: [],
    discounts: [],
  });

  it('picks the cheapest region the workload may use', () => {
    expect(
      cheapestRegions(index, instances, 'onDemand', { residency: [], regions: [] }).map(
        (i) => i.id,
      ),
    ).toEqual(['c:a:us1', 'c:b:us1']);
    expect(
      cheapestRegions(index, instances, 'onDemand', { residency: ['eu'], regions: [] }).map(
        (i) => i.id,
      ),
    ).toEqual(['c:a:eu2', 'c:b:us1']);
    expect(
      cheapestRegions(index, instances, 'onDemand', { residency: [], regions: ['eu1'] }).map(
        (i) => i.id,
      ),
    ).toEqual(['c:a:eu1', 'c:b:us1']);
  });
});

describe('negotiated discounts', () => {
  const o = offering();
  const catalogWith = (discounts: Catalog['discounts']): Catalog => ({
    providers: [],
    models: [],
    offerings: [o],
    gpus: [],
    instances: [],
    regions: [],
    quality: [],
    discounts,
  });
  const d = (fraction: number, on: { provider: string } | { offeringId: string }) =>
    Discount.parse({ fraction, ...on });

  it('within one source, the offering’s own discount beats its provider’s', () => {
    const index = indexCatalog(
      catalogWith([d(0.1, { provider: 'test' }), d(0.25, { offeringId: o.id })]),
    );
    expect(discountFor(index, o)).toBe(0.25);
  });

  it('a scenario discount, even provider-wide, beats any catalog discount', () => {
    const catalog = catalogWith([d(0.1, { offeringId: o.id })]);
    expect(discountFor(indexCatalog(catalog, undefined, [d(0.2, { provider: 'test' })]), o)).toBe(
      0.2,
    );
    expect(
      discountFor(
        indexCatalog(catalog, undefined, [
          d(0.2, { provider: 'test' }),
          d(0.3, { offeringId: o.id }),
        ]),
        o,
      ),
    ).toBe(0.3);
    // Another provider's scenario discount leaves the catalog's in place.
    expect(discountFor(indexCatalog(catalog, undefined, [d(0.2, { provider: 'other' })]), o)).toBe(
      0.1,
    );
    expect(discountFor(indexCatalog(catalogWith([])), o)).toBe(0);
    // The terms say which applies: this scenario's, over the catalog's default.
    const both = indexCatalog(catalog, undefined, [d(0.2, { provider: 'test' })]);
    expect(negotiatedTermsFor(both, 'test', o.id)).toMatchObject({
      source: 'scenario',
      scope: 'provider',
    });
    expect(negotiatedTermsFor(indexCatalog(catalog), 'test', o.id)).toMatchObject({
      source: 'catalog',
      scope: 'offering',
    });
  });
});

describe('schemas refuse what cannot be true', () => {
  const error = (r: { success: boolean; error?: z.ZodError }) =>
    r.success ? 'accepted' : describeZodError(r.error!);

  it('a date that is not on the calendar', () => {
    const row = { id: 'p', name: 'P', kind: 'api', source: 's' };
    expect(error(Provider.safeParse({ ...row, asOf: '2026-02-31' }))).toBe(
      'asOf: must be a real calendar date (YYYY-MM-DD)',
    );
    expect(error(Provider.safeParse({ ...row, asOf: '9999-99-99' }))).toMatch(
      /^asOf: must be a real/,
    );
    expect(Provider.safeParse({ ...row, asOf: '2028-02-29' }).success).toBe(true);
  });

  it('volumes, prompt sizes and fleets beyond any real workload', () => {
    const w = { inputTokens: { mean: 100 }, outputTokens: { mean: 10 } };
    expect(error(Workload.safeParse({ ...w, requests: { count: 1e308, per: 'month' } }))).toMatch(
      /^requests\.count: Too big/,
    );
    expect(
      error(
        Workload.safeParse({
          requests: { count: 1, per: 'day' },
          ...w,
          inputTokens: { mean: 1e-9 },
        }),
      ),
    ).toMatch(/^inputTokens\.mean: Too small/);
    expect(
      error(
        OnpremPlacement.safeParse({ kind: 'onprem', gpuId: 'g', modelId: 'm', minReplicas: 1e15 }),
      ),
    ).toMatch(/^minReplicas: Too big/);
    expect(
      error(OnpremPlacement.safeParse({ kind: 'onprem', gpuId: 'g', modelId: 'm', tp: 1e6 })),
    ).toMatch(/^tp: Too big/);
  });

  it('a discount on nothing, or on two things', () => {
    expect(error(Discount.safeParse({ fraction: 0.1 }))).toBe(
      'provider: name what the discount is on: a provider or an offeringId',
    );
    expect(error(Discount.safeParse({ fraction: 0.1, provider: 'a', offeringId: 'a/b' }))).toBe(
      'provider: give either provider or offeringId, not both',
    );
  });

  it('two long-context tiers at one threshold', () => {
    const tier = { aboveInputTokens: 200_000, rule: 'whole-request', usdPerMTok: { input: 6 } };
    expect(error(Offering.safeParse({ ...offering(), longContext: [tier, tier] }))).toBe(
      'longContext: two long-context tiers at the same threshold',
    );
  });
});

describe('resizing a workload', () => {
  const w = workload({
    inputTokens: { mean: 1000, p95: 3000 },
    outputTokens: { mean: 200 },
    promptCache: { prefixTokens: 800, hitRate: 0.5 },
  });

  it('a form keeps p95 (raised to the mean) and the stated prefix, costed as the prompt', () => {
    expect(withPromptMean(w, 2000, 'keep').inputTokens).toEqual({ mean: 2000, p95: 3000 });
    const small = withPromptMean(w, 500, 'keep');
    expect(small.inputTokens).toEqual({ mean: 500, p95: 3000 });
    // The 800 tokens stay as stated; the engine caches at most the 500-token prompt.
    expect(small.promptCache.prefixTokens).toBe(800);
    expect(prefixTokensCosted(small)).toBe(500);
    expect(withPromptMean(w, 4000, 'keep').inputTokens).toEqual({ mean: 4000, p95: 4000 });
  });

  it('a what-if scales p95 with the mean; no p95 stays none', () => {
    expect(withPromptMean(w, 2000, 'scale').inputTokens).toEqual({ mean: 2000, p95: 6000 });
    expect(withOutputMean(w, 400, 'scale').outputTokens).toEqual({ mean: 400 });
  });
});
