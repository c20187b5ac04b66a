import { describe, expect, it } from 'vitest';
import { burstHours, commitRates, committedLevel } from '../../core/commitments/cloud.ts';
import { Instance, type Catalog } from '../../core/schema/catalog.ts';
import { Operations } from '../../core/schema/operations.ts';
import { CloudPlacement } from '../../core/schema/placement.ts';
import { ValueAssumptions } from '../../core/schema/value.ts';
import { cloudCost } from '../../core/selfhost/cloud-cost.ts';
import { sizeFleet } from '../../core/selfhost/fleet.ts';
import { indexCatalog } from '../../core/sweep/catalog-index.ts';
import { makeContext } from '../../core/sweep/context.ts';
import { evaluateCandidate } from '../../core/sweep/sweep.ts';
import { WEEKS_PER_MONTH } from '../../core/units.ts';
import { workloadRates } from '../../core/workload/derive.ts';
import {
  bareTerms,
  fleetInput,
  okCapacity,
  testGpu,
  testModel,
  workload,
} from '../support/fixtures.ts';

/**
 * An 8-GPU instance at $40/h on demand; a 1-year term at $28/h with no upfront, or $43,800 upfront
 * + $23/h, or $210,240 all upfront; a 3-year term at $20/h, or $394,200 all upfront.
 */
const instance = Instance.parse({
  id: 'test:8x:r1',
  cloud: 'test',
  instanceType: '8x',
  gpuId: 'test-gpu',
  gpuCount: 8,
  regionId: 'test:r1',
  usdPerHour: { onDemand: 40, spot: 16, commit1y: 28, commit3y: 20 },
  commitmentOptions: [
    {
      term: 'commit1y',
      payment: 'partialUpfront',
      upfrontUsd: 43_800,
      usdPerHour: 23,
      source: 'test',
      asOf: '2026-01-01',
    },
    {
      term: 'commit1y',
      payment: 'allUpfront',
      upfrontUsd: 210_240,
      usdPerHour: 0,
      source: 'test',
      asOf: '2026-01-01',
    },
    {
      term: 'commit3y',
      payment: 'allUpfront',
      upfrontUsd: 394_200,
      usdPerHour: 0,
      source: 'test',
      asOf: '2026-01-01',
    },
  ],
  source: 'test',
  asOf: '2026-01-01',
});

describe('a reserved instance’s break-even utilization', () => {
  it('is its effective committed rate ÷ the on-demand rate', () => {
    // 1 year = 8,760 h. No upfront: 28 ÷ 40 = 0.70. Partial: 43,800 ÷ 8,760 + 23 = 5 + 23 = $28/h
    // → 0.70. All upfront: 210,240 ÷ 8,760 = $24/h → 0.60.
    const oneYear = commitRates(instance, 'commit1y');
    expect(oneYear.map((r) => [r.payment, r.effectiveUsdPerHour / 40])).toEqual([
      ['allUpfront', 0.6],
      ['noUpfront', 0.7],
      ['partialUpfront', 0.7],
    ]);
    // 3 years = 26,280 h: all upfront 394,200 ÷ 26,280 = $15/h → 0.375; no upfront 20 ÷ 40 = 0.5.
    const threeYears = commitRates(instance, 'commit3y');
    expect(threeYears.map((r) => r.effectiveUsdPerHour / 40)).toEqual([0.375, 0.5]);
  });
});

// 100M requests a month; replicas of 2.5 req/s at the SLO (tp 2: 4 per instance), 80 % target:
// an instance serves 4 × 2.5 × 0.8 = 8 req/s. No running costs, no reserve, instant start.
const bare = bareTerms();
const capacity = okCapacity(2, 2.5);
const placement = (pricing: 'onDemand' | 'commit1y' | 'commit3y') => ({
  pricing,
  targetUtilization: 0.8,
  minReplicas: 1,
  scaling: 'autoscale' as const,
});

describe('a committed base on a rented fleet', () => {
  it('a flat 24/7 workload commits its whole base and beats on-demand by the catalog’s discount', () => {
    // Flat: 100e6 ÷ (730 × 3,600) = 38.05 req/s at every hour → ⌈38.05 ÷ 8⌉ = 5 instances all
    // month. Each runs 100 % of the hours > 0.7 break-even: all 5 committed.
    const w = workload({
      requests: { count: 100e6, per: 'month' },
      peakToAverage: 1,
      batchShare: 0,
      responseCacheHitRate: 0,
    });
    const rates = workloadRates(w);
    const committed = cloudCost(placement('commit1y'), instance, capacity, w, rates, bare);
    const onDemand = cloudCost(placement('onDemand'), instance, capacity, w, rates, bare);
    if (!committed.ok || !onDemand.ok) throw new Error('not priced');
    // Planned with the cheapest 1-year option: all upfront, $24/h effective.
    expect(committed.commitment?.units).toBe(5);
    expect(committed.commitment?.burstHours).toBe(0);
    expect(onDemand.monthlyUsd).toBeCloseTo(5 * 730 * 40, 6); // $146,000
    expect(committed.monthlyUsd).toBeCloseTo(5 * 730 * 24, 6); // $87,600
    // The catalog's discount on that option: 1 − 24/40 = 40 %.
    expect(1 - committed.monthlyUsd / onDemand.monthlyUsd).toBeCloseTo(0.4, 12);
  });

  it('a business-hours workload commits less: only the units that run all month', () => {
    // 10 h × 5 d: 10 × 5 × 52.14/12 = 217.26 active hours. 100e6 ÷ (217.26 × 3,600) = 127.9 req/s
    // → ⌈127.9 ÷ 8⌉ = 16 instances in the active hours (flat), and the warm floor (1 replica → 1
    // instance) the other 512.74 h. Instance 1 runs all 730 h: committed; instances 2–16 run
    // 217.26/730 = 29.8 % of the month < 60 % (the all-upfront break-even): on demand.
    const w = workload({
      requests: { count: 100e6, per: 'month' },
      peakToAverage: 1,
      schedule: { hoursPerDay: 10, daysPerWeek: 5 },
      batchShare: 0,
      responseCacheHitRate: 0,
    });
    const rates = workloadRates(w);
    const active = 10 * 5 * WEEKS_PER_MONTH;
    const c = cloudCost(placement('commit1y'), instance, capacity, w, rates, bare);
    const od = cloudCost(placement('onDemand'), instance, capacity, w, rates, bare);
    if (!c.ok || !od.ok) throw new Error('not priced');
    expect(c.commitment?.units).toBe(1);
    expect(c.instancesPeak).toBe(16);
    // 1 × 730 × $24 committed + 15 × 217.26 h × $40 on demand = 17,520 + 130,357.14
    expect(c.monthlyUsd).toBeCloseTo(730 * 24 + 15 * active * 40, 6);
    // On demand: (16 × 217.26 + 1 × 512.74) × $40
    expect(od.monthlyUsd).toBeCloseTo((16 * active + (730 - active)) * 40, 6);
    expect(c.monthlyUsd).toBeLessThan(od.monthlyUsd);
  });

  it('a unit is committed when its share of the month is above the break-even', () => {
    // A fixed fleet: 100e6 ÷ (730 × 3,600) = 38.05 req/s ÷ (10 × 0.8) = 4.76 → 5 units, every
    // hour: all 5 pay at any break-even below 1; 4 committed leave 1 × 730 h to burst.
    const w = workload({ requests: { count: 100e6, per: 'month' }, batchShare: 0 });
    const fixed = sizeFleet(fleetInput(), w, workloadRates(w), true);
    expect(committedLevel([fixed.levels!], 0.99)).toBe(5);
    expect(burstHours(fixed.levels!, 5)).toBe(0);
    expect(burstHours(fixed.levels!, 4)).toBe(730);
    // Half the term gone (a second month with no demand): each unit runs 50 % of it.
    const none = { ...fixed.levels!, units: new Float64Array([0]), warmUnits: 0, peakUnits: 0 };
    expect(committedLevel([fixed.levels!, none], 0.49)).toBe(5);
    expect(committedLevel([fixed.levels!, none], 0.51)).toBe(0);
  });
});

// Rows through the whole engine: one 7B model on the test GPU, the 8-GPU instance above.
const catalog: Catalog = {
  providers: [],
  models: [testModel()],
  offerings: [],
  gpus: [testGpu()],
  instances: [instance],
  regions: [],
  quality: [],
  discounts: [],
};
const operations = Operations.parse({ egressUsdPerGB: 0 });
const value = ValueAssumptions.parse({
  setupUsd: { api: 0, cloud: 0, onprem: 0 },
  weeksToLaunch: { api: 0, cloud: 0, onprem: 0 },
  horizonMonths: 36,
});
const flat = (over: Parameters<typeof workload>[0] = {}) =>
  workload({
    requests: { count: 200_000_000, per: 'month' },
    peakToAverage: 1,
    batchShare: 0,
    responseCacheHitRate: 0,
    promptCache: { prefixTokens: 0, hitRate: 0 },
    ...over,
  });
const cloud = (pricing: 'onDemand' | 'commit1y' | 'commit3y', over: object = {}) =>
  CloudPlacement.parse({
    kind: 'cloud',
    instanceId: 'test:8x:r1',
    modelId: 'test-7b',
    pricing,
    ...over,
  });

describe('the commitment a row carries', () => {
  it('a flat 24/7 fleet: every instance committed, busy all the time, and its risk', () => {
    const ctx = makeContext(indexCatalog(catalog), flat(), value, { operations });
    const row = evaluateCandidate(ctx, cloud('commit3y'));
    const od = evaluateCandidate(ctx, cloud('onDemand'));
    const c = row.commitment!;
    expect(c.kind).toBe('reserved');
    expect(c.term).toBe('3-year');
    expect(c.payment).toBe('allUpfront');
    expect(c.committedUnits).toBe(row.selfHost!.instancesPeak);
    expect(c.committedUnits).toBe(od.selfHost!.instancesPeak);
    // All upfront: $394,200 per instance at the decision, nothing a month.
    expect(c.upfrontUsd).toBe(c.committedUnits * 394_200);
    expect(c.monthlyCommittedUsd).toBe(0);
    expect(c.breakEvenUtilization).toBeCloseTo(15 / 40, 12);
    expect(c.utilization).toBeCloseTo(1, 12);
    // Without it, the month is all on demand: the on-demand row's month.
    expect(c.uncommittedMonthlyUsd).toBeCloseTo(od.monthlyUsd!, 6);
    // Savings a month (on demand − the hourly charges, none) recover the upfront sum:
    // n × 394,200 ÷ (n × 730 × 40) = 13.5 months.
    expect(c.monthsToRecoverUpfront).toBeCloseTo(394_200 / (730 * 40), 9);
    // Every option with its break-even: 3-year all upfront 0.375 and no upfront 0.5, 1-year …
    expect(c.options.map((o) => [o.term, o.payment, o.breakEvenUtilization])).toEqual([
      ['1-year', 'allUpfront', 0.6],
      ['1-year', 'noUpfront', 0.7],
      ['1-year', 'partialUpfront', 0.7],
      ['3-year', 'allUpfront', 0.375],
      ['3-year', 'noUpfront', 0.5],
    ]);
    // At half the volume the committed instances still cost the same; the stressed horizon cost is
    // the plan's (nothing on demand either way), and the instances half the volume does not need
    // idle: each one's $394,200 paid up front is stranded.
    const half = evaluateCandidate(
      makeContext(
        indexCatalog(catalog),
        flat({ requests: { count: 100e6, per: 'month' } }),
        value,
        {
          operations,
        },
      ),
      cloud('onDemand'),
    );
    expect(c.committedUnits!).toBeGreaterThan(half.selfHost!.instancesPeak!);
    expect(c.stressed50Usd!).toBeCloseTo(row.tcoUsd!, 6);
    expect(c.stranded50Usd!).toBeCloseTo(
      (c.committedUnits! - half.selfHost!.instancesPeak!) * 394_200,
      6,
    );
    expect(c.stopsPayingMonth).toBeNull();
  });

  it('with shrinking demand, says the month the held commitment stops paying', () => {
    // −10 % a month under a 3-year term: the instances committed in month 1 are held while the
    // load falls; once fewer than 37.5 % of their hours are needed, on demand would be cheaper.
    const ctx = makeContext(indexCatalog(catalog), flat({ monthlyGrowthPct: -10 }), value, {
      operations,
    });
    const row = evaluateCandidate(ctx, cloud('commit3y', { committedUnits: 4 }));
    const c = row.commitment!;
    expect(c.committedUnits).toBe(4);
    expect(c.stopsPayingMonth).not.toBeNull();
    expect(c.stopsPayingMonth!).toBeGreaterThan(1);
    expect(c.stopsPayingMonth!).toBeLessThanOrEqual(36);
  });

  it('a term longer than a time-boxed experiment is not committed', () => {
    // A 6-month experiment on a 1-year term at 60 % break-even: a unit would run 6 of the 12
    // months it is paid for (50 %), so nothing is committed and the candidate runs on demand.
    const box = flat({ stage: 'experiment', timeBoxMonths: 6 });
    const ctx = makeContext(indexCatalog(catalog), box, value, { operations });
    const row = evaluateCandidate(ctx, cloud('commit1y'));
    expect(row.feasible).toBe(true);
    expect(row.commitment!.committedUnits).toBe(0);
    expect(row.warnings.join()).toMatch(/nothing committed/);
  });
});
