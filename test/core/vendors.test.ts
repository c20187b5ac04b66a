import { describe, expect, it } from 'vitest';
import { vendorView } from '../../core/procurement/vendors.ts';
import { Instance, Model, Provider, type Catalog } from '../../core/schema/catalog.ts';
import { Operations } from '../../core/schema/operations.ts';
import { CloudPlacement, type Placement } from '../../core/schema/placement.ts';
import { ValueAssumptions } from '../../core/schema/value.ts';
import { indexCatalog } from '../../core/sweep/catalog-index.ts';
import { makeContext } from '../../core/sweep/context.ts';
import { evaluateCandidate, sweep } from '../../core/sweep/sweep.ts';
import { offering, testGpu, testModel, workload } from '../support/fixtures.ts';

const SRC = { source: 'test', asOf: '2026-01-01' };
const provider = (id: string, kind: 'api' | 'cloud' = 'api') =>
  Provider.parse({ ...SRC, id, name: id.toUpperCase(), kind });
// One proprietary model sold by two vendors ($3/$15 and $2.5/$10 per 1M); the open 7B on a
// rented instance at $4/h.
const closed = Model.parse({
  ...SRC,
  id: 'closed',
  name: 'Closed',
  developer: 'x',
  family: 'closed',
  openWeights: false,
});
const noCache = { style: 'none', minPrefixTokens: 0, ttlMinutes: 5, appliesToBatch: true } as const;
const catalog: Catalog = {
  providers: [provider('a'), provider('b'), provider('cloudy', 'cloud')],
  models: [closed, testModel()],
  offerings: [
    offering({
      id: 'a/closed',
      provider: 'a',
      modelId: 'closed',
      batch: undefined,
      cache: noCache,
    }),
    offering({
      id: 'b/closed',
      provider: 'b',
      modelId: 'closed',
      usdPerMTok: { input: 2.5, output: 10 },
      batch: undefined,
      cache: noCache,
    }),
  ],
  gpus: [testGpu()],
  instances: [
    Instance.parse({
      ...SRC,
      id: 'cloudy:1x:r1',
      cloud: 'cloudy',
      instanceType: '1x',
      gpuId: 'test-gpu',
      gpuCount: 1,
      regionId: 'cloudy:r1',
      usdPerHour: { onDemand: 4, commit1y: 3 },
    }),
  ],
  regions: [],
  quality: [],
  discounts: [{ provider: 'b', fraction: 0.1, note: 'org-wide' }],
};
// 1M requests a month of 1,000 + 200 tokens: a → 1,000 × $3 + 200 × $15 = $6,000 a month, b →
// 1,000 × $2.5 + 200 × $10 = $4,500, at list.
const w = workload({
  requests: { count: 1_000_000, per: 'month' },
  inputTokens: { mean: 1000 },
  outputTokens: { mean: 200 },
  promptCache: { prefixTokens: 0, hitRate: 0 },
  responseCacheHitRate: 0,
  batchShare: 0,
});
const value = ValueAssumptions.parse({
  setupUsd: { api: 0, cloud: 0, onprem: 0 },
  weeksToLaunch: { api: 0, cloud: 0, onprem: 0 },
  horizonMonths: 12,
});
const placements: Placement[] = [
  { kind: 'api', offeringId: 'a/closed' },
  { kind: 'api', offeringId: 'b/closed' },
  CloudPlacement.parse({ kind: 'cloud', instanceId: 'cloudy:1x:r1', modelId: 'test-7b' }),
];
const view = (discounts: Parameters<typeof indexCatalog>[2] = []) => {
  const index = indexCatalog(catalog, undefined, discounts);
  const ctx = makeContext(index, w, value, { operations: Operations.parse({}) });
  return vendorView(ctx, sweep(ctx, placements), placements);
};

describe('the vendor view', () => {
  it('one row per vendor: list against the terms that apply, and which ones', () => {
    const v = view();
    const b = v.rows.find((r) => r.vendor === 'b')!;
    // The catalog's 10 % on b: $4,500 × 12 = $54,000 at list, $48,600 negotiated.
    expect(b.listTcoUsd).toBeCloseTo(54_000, 6);
    expect(b.negotiatedTcoUsd).toBeCloseTo(48_600, 6);
    expect(b.terms).toMatchObject({ fraction: 0.1, source: 'catalog' });
    // The scenario's 15 % on a: $6,000 × 12 = $72,000 at list, × 0.85 = $61,200.
    const scenario = [{ provider: 'a', fraction: 0.15, aboveMonthlyUsd: 0, note: '' }];
    const a = view(scenario).rows.find((r) => r.vendor === 'a')!;
    expect(a.listTcoUsd).toBeCloseTo(72_000, 6);
    expect(a.negotiatedTcoUsd).toBeCloseTo(61_200, 6);
    expect(a.terms).toMatchObject({ fraction: 0.15, source: 'scenario' });
    // A scenario's terms on b replace the catalog's.
    const over = view([{ provider: 'b', fraction: 0.2, aboveMonthlyUsd: 0, note: '' }]).rows.find(
      (r) => r.vendor === 'b',
    )!;
    expect(over.negotiatedTcoUsd).toBeCloseTo(43_200, 6);
    expect(over.terms?.source).toBe('scenario');
  });

  it('says what each vendor could commit to and how locked in its model is', () => {
    const v = view();
    const a = v.rows.find((r) => r.vendor === 'a')!;
    expect(a.commitmentNote).toBe('No provisioned throughput published for this offering');
    expect(a.lockIn.summary).toBe('Proprietary: Closed is sold by 2 vendors (A, B)');
    const cloud = v.rows.find((r) => r.vendor === 'cloudy')!;
    expect(cloud.commitments.map((o) => o.term)).toEqual(['1-year']);
    expect(cloud.commitments[0]!.commitment!.breakEvenUtilization).toBeCloseTo(0.75, 12);
    expect(cloud.lockIn.openWeights).toBe(true);
    // b is cheapest: the whole plan sits with it; its model has one other seller.
    expect(v.concentration?.vendor).toBe('b');
    expect(v.concentration?.summary).toBe(
      'The recommended plan puts 100% of its horizon cost with B; its model is also sold by A.',
    );
  });

  it('a discount above a monthly spend takes its share off only the spend above it', () => {
    // 10 % off b above $2,000 a month: $4,500 − 0.1 × $2,500 = $4,250.
    const index = indexCatalog(catalog, undefined, [
      { provider: 'b', fraction: 0.1, aboveMonthlyUsd: 2000, note: '' },
    ]);
    const ctx = makeContext(index, w, value);
    const row = evaluateCandidate(ctx, { kind: 'api', offeringId: 'b/closed' });
    expect(row.monthlyUsd).toBeCloseTo(4250, 9);
    expect(row.negotiated).toMatchObject({ aboveMonthlyUsd: 2000, source: 'scenario' });
    expect(row.negotiated!.listMonthlyUsd).toBeCloseTo(4500, 9);
    expect(row.negotiated!.effectiveFraction).toBeCloseTo(250 / 4500, 12);
    // On a cloud: 20 % off the instances of `cloudy` takes 20 % off the fleet.
    const cloudTerms = indexCatalog(catalog, undefined, [
      { provider: 'cloudy', fraction: 0.2, aboveMonthlyUsd: 0, note: '' },
    ]);
    const list = evaluateCandidate(makeContext(indexCatalog(catalog), w, value), placements[2]!);
    const deal = evaluateCandidate(makeContext(cloudTerms, w, value), placements[2]!);
    const fleet = (r: typeof list) => r.breakdown.gpuUsd + r.breakdown.idleUsd;
    expect(fleet(deal)).toBeCloseTo(fleet(list) * 0.8, 6);
    expect(deal.negotiated?.source).toBe('scenario');
  });
});
