import { describe, expect, it } from 'vitest';
import {
  addMonths,
  endOffering,
  mergePriceHistory,
  monthlyPriceFactors,
  offeringAt,
  unpricedReason,
} from '../../core/pricing/price-history.ts';
import { Offering } from '../../core/schema/catalog.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { offering } from '../support/fixtures.ts';

/** Claude Sonnet 5's launch: $2/$10 through 2026-08-31, then $3/$15 (genai-prices, anthropic.com). */
const promo = Offering.parse({
  ...offering({ id: 'anthropic/claude-sonnet-5', batch: undefined }),
  usdPerMTok: { input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 },
  validTo: '2026-08-31',
  pricePeriods: [
    {
      validFrom: '2026-09-01',
      usdPerMTok: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
      source: 'standard price from 2026-09-01',
      asOf: '2026-08-21',
    },
  ],
});

describe('an offering at a date', () => {
  it('is the row itself on the days its own prices hold, the period on the others', () => {
    expect(offeringAt(promo, '2026-08-31')).toBe(promo);
    const standard = offeringAt(promo, '2026-09-01');
    expect(standard?.usdPerMTok).toEqual({
      input: 3,
      output: 15,
      cacheRead: 0.3,
      cacheWrite: 3.75,
    });
    expect(standard?.source).toBe('standard price from 2026-09-01');
    // A whole row: the promotional prices are now one of its periods.
    expect(Offering.safeParse(standard).success).toBe(true);
    expect(offeringAt(standard!, '2026-08-01')?.usdPerMTok.input).toBe(2);
    // Kept: the pricing caches keyed by the row object stay warm.
    expect(offeringAt(promo, '2026-09-01')).toBe(standard);
  });

  it('a row without history is itself on any day', () => {
    const plain = offering();
    expect(offeringAt(plain, '1999-01-01')).toBe(plain);
  });

  it('has no price before the first one known or after it ended, and says which', () => {
    const late = Offering.parse({ ...offering(), validFrom: '2026-03-01', validTo: '2026-10-31' });
    expect(offeringAt(late, '2026-02-28')).toBeUndefined();
    expect(unpricedReason(late, '2026-02-28')).toBe(
      'not offered on 2026-02-28: no price known before 2026-03-01',
    );
    expect(unpricedReason(late, '2026-11-01')).toBe(
      'not offered on 2026-11-01: its prices end 2026-10-31',
    );
  });

  it('refuses periods that overlap, naming the period', () => {
    const parsed = Offering.safeParse({
      ...promo,
      pricePeriods: [{ ...promo.pricePeriods![0]!, validFrom: '2026-08-31' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/two price periods overlap/);
    expect(parsed.error?.issues[0]?.path).toEqual(['pricePeriods', 0]);
  });
});

describe('per-month price factors over a horizon', () => {
  // Cost is linear in the prices here: every standard price is 1.5× the promotional one.
  const cost = (o: Offering) => o.usdPerMTok.input * 1000 + o.usdPerMTok.output * 100;

  it('apply a promotion’s end in the months it covers, by day', () => {
    const f = monthlyPriceFactors(promo, '2026-07-15', 3, cost);
    expect(f).toBeDefined();
    // Month 1, 07-15 → 08-15: all at the promotional price.
    expect(f![1]).toBeCloseTo(1, 12);
    // Month 2, 08-15 → 09-15 (31 days): 17 days at 1×, 14 days at 1.5× → (17 + 21) / 31.
    expect(f![2]).toBeCloseTo(38 / 31, 12);
    // Month 3, 09-15 → 10-15: all at the standard price.
    expect(f![3]).toBeCloseTo(1.5, 12);
  });

  it('are not there when no price changes within the horizon', () => {
    // Evaluated as of 2026-09-10 the standard price is the row's; it holds all horizon long.
    const standard = offeringAt(promo, '2026-09-10')!;
    expect(monthlyPriceFactors(standard, '2026-09-10', 12, cost)).toBeUndefined();
    // The promotional row priced from then on costs 1.5× in every month.
    expect([...monthlyPriceFactors(promo, '2026-09-10', 2, cost)!]).toEqual([1, 1.5, 1.5]);
    expect(monthlyPriceFactors(offering(), '2026-01-01', 12, cost)).toBeUndefined();
  });

  it('count months by the calendar', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });
});

describe('an import over a stored row keeps its history', () => {
  const stored = offering({
    id: 'openai/gpt-x',
    batch: undefined,
    source: 'old file',
    asOf: '2026-07-24',
  });

  it('new prices start on the import day; the old ones end the day before', () => {
    const incoming = offering({
      id: 'openai/gpt-x',
      batch: undefined,
      usdPerMTok: { input: 2, output: 8, cacheRead: 0.2, cacheWrite: 2.5 },
      source: 'new file',
      asOf: '2026-12-02',
    });
    const merged = mergePriceHistory(stored, incoming, '2026-12-02');
    expect(merged.validFrom).toBe('2026-12-02');
    expect(merged.usdPerMTok.input).toBe(2);
    expect(merged.pricePeriods).toEqual([
      {
        validTo: '2026-12-01',
        usdPerMTok: stored.usdPerMTok,
        longContext: [],
        source: 'old file',
        asOf: '2026-07-24',
      },
    ]);
    expect(offeringAt(merged, '2026-11-30')?.usdPerMTok.input).toBe(3);
    expect(Offering.safeParse(merged).success).toBe(true);
  });

  it('the same prices keep the stored history and take the new source', () => {
    const first = mergePriceHistory(
      stored,
      offering({
        id: 'openai/gpt-x',
        batch: undefined,
        usdPerMTok: { input: 2, output: 8 },
        asOf: '2026-12-02',
      }),
      '2026-12-02',
    );
    const again = mergePriceHistory(
      first,
      offering({
        id: 'openai/gpt-x',
        batch: undefined,
        usdPerMTok: { input: 2, output: 8 },
        source: 'newer',
        asOf: '2027-01-05',
      }),
      '2027-01-05',
    );
    expect(again.validFrom).toBe('2026-12-02');
    expect(again.pricePeriods).toEqual(first.pricePeriods);
    expect(again.source).toBe('newer');
  });

  it('a known change to come survives an import that does not know it', () => {
    const incoming = Offering.parse({
      ...promo,
      usdPerMTok: { input: 1.5, output: 7.5, cacheRead: 0.15, cacheWrite: 1.875 },
      validTo: undefined,
      pricePeriods: undefined,
      source: 'a cut promotion',
      asOf: '2026-08-01',
    });
    const merged = mergePriceHistory(promo, incoming, '2026-08-01');
    expect(offeringAt(merged, '2026-07-31')?.usdPerMTok.input).toBe(2);
    expect(offeringAt(merged, '2026-08-01')?.usdPerMTok.input).toBe(1.5);
    expect(merged.validTo).toBe('2026-08-31');
    expect(offeringAt(merged, '2026-09-01')?.usdPerMTok.input).toBe(3);
    expect(Offering.safeParse(merged).success).toBe(true);
  });

  it('an offering its source no longer lists ends, and comes back when listed again', () => {
    const ended = endOffering(stored, '2026-12-01');
    expect(offeringAt(ended, '2026-12-02')).toBeUndefined();
    const back = mergePriceHistory(ended, { ...stored, asOf: '2027-01-05' }, '2027-01-05');
    expect(back.validTo).toBeUndefined();
  });
});

describe('a scenario evaluated with dated prices', () => {
  const empty = {
    providers: [],
    models: [],
    offerings: [],
    gpus: [],
    instances: [],
    regions: [],
    quality: [],
    discounts: [],
  };
  const scenario = (over: Record<string, unknown>) =>
    Scenario.parse({
      schemaVersion: 1,
      name: 'dated',
      workload: {
        requests: { count: 1_000_000, per: 'month' },
        inputTokens: { mean: 1000 },
        outputTokens: { mean: 100 },
      },
      value: { horizonMonths: 3 },
      catalog: { offerings: [promo] },
      candidates: [{ kind: 'api', offeringId: promo.id }],
      ...over,
    });
  const only = (s: Scenario) => {
    const evaluated = evaluateScenario(empty, s);
    if (!evaluated.ok) throw new Error(evaluated.error);
    return evaluated.result.rankedRows()[0]!;
  };

  it('pays the promotion until it ends and the standard price after, month by month', () => {
    const r = only(scenario({ asOf: '2026-07-15' }));
    // Promotion: 1e6 requests × (1,000 × $2 + 100 × $10) / 1e6 = $3,000 a month.
    expect(r.monthlyUsd).toBeCloseTo(3000, 6);
    // Standard: 1e6 × (1,000 × $3 + 100 × $15) / 1e6 = $4,500. Months from 07-15: $3,000;
    // 08-15 → 09-15 is 17 days promotional, 14 standard: (17 × 3,000 + 14 × 4,500) / 31;
    // then $4,500.
    const expected = 3000 + (17 * 3000 + 14 * 4500) / 31 + 4500;
    expect(r.tcoUsd).toBeCloseTo(expected, 6);
  });

  it('as of a past date uses the prices that held then', () => {
    expect(only(scenario({ asOf: '2026-10-01' })).monthlyUsd).toBeCloseTo(4500, 6);
    expect(only(scenario({ asOf: '2026-08-01' })).monthlyUsd).toBeCloseTo(3000, 6);
    // The start date and the as-of date are separate: an old decision priced as it was known.
    const r = only(scenario({ asOf: '2026-08-01', startDate: '2026-09-01' }));
    expect(r.tcoUsd).toBeCloseTo(3 * 4500, 6);
  });

  it('an offering not yet offered on the day is infeasible when named, and left out of sweeps', () => {
    const late = Offering.parse({ ...offering({ id: 'test/late' }), validFrom: '2026-03-01' });
    const named = only(
      scenario({
        asOf: '2026-02-01',
        catalog: { offerings: [late] },
        candidates: [{ kind: 'api', offeringId: 'test/late' }],
      }),
    );
    expect(named.feasible).toBe(false);
    expect(named.reasons).toContain('not offered on 2026-02-01: no price known before 2026-03-01');
    const swept = evaluateScenario(
      empty,
      scenario({
        asOf: '2026-02-01',
        catalog: { offerings: [late, promo] },
        candidates: [],
        sweep: { api: {} },
      }),
    );
    if (!swept.ok) throw new Error(swept.error);
    expect(swept.result.rankedRows().map((c) => c.id)).toEqual([`api:${promo.id}`]);
  });
});
