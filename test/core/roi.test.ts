import { describe, expect, it } from 'vitest';
import { breakEvenVolumes } from '../../core/roi/break-even.ts';
import { computeRoi } from '../../core/roi/roi.ts';
import { requestValueUsd } from '../../core/roi/value.ts';
import { ValueAssumptions } from '../../core/schema/value.ts';
import type { Workload } from '../../core/schema/workload.ts';
import { indexCatalog } from '../../core/sweep/catalog-index.ts';
import { makeContext } from '../../core/sweep/context.ts';
import { candidateRoi } from '../../core/sweep/result.ts';
import type { WorkloadRates } from '../../core/workload/derive.ts';
import { workload } from '../support/fixtures.ts';

describe('ROI', () => {
  const base = {
    valueUsdInMonth: () => 10_000,
    costUsdInMonth: () => 4_000,
    setupUsd: 20_000,
    weeksToLaunch: 0,
    horizonMonths: 12,
    discountRateAnnual: 0,
  };

  it('payback, NPV and ROI over the horizon', () => {
    // net $6,000 a month against $20,000 setup: cumulative −14k, −8k, −2k, +4k → month 4
    const r = computeRoi(base);
    expect(r.netMonthlyUsd).toBe(6_000);
    expect(r.paybackMonth).toBe(4);
    expect(r.npvUsd).toBe(12 * 6_000 - 20_000);
    // ROI = (120,000 − 48,000 − 20,000) ÷ (48,000 + 20,000)
    expect(r.roi).toBeCloseTo(52_000 / 68_000, 12);
  });

  it('the series says what each month paid: run cost, hardware, a stranded term, requests served', () => {
    const r = computeRoi({
      ...base,
      horizonMonths: 3,
      capexUsdAtStartOf: (m) => (m === 2 ? 50_000 : 0),
      strandedUsd: 7_000,
      requestsInMonth: (m) => 1_000 * m,
      withSeries: true,
    });
    const months = r.cumulative!;
    expect(months.map((p) => p.runUsd)).toEqual([4_000, 4_000, 4_000]);
    expect(months.map((p) => p.capexUsd)).toEqual([0, 50_000, 0]);
    expect(months.map((p) => p.strandedUsd)).toEqual([0, 0, 7_000]);
    expect(months.map((p) => p.requests)).toEqual([1_000, 2_000, 3_000]);
    // Cumulative cash: 20,000 setup + 3 × 4,000 run + 50,000 hardware + 7,000 stranded = 89,000.
    expect(months[2]!.costUsd).toBe(89_000);
  });

  it('discounts month m by (1 + r)^(m/12)', () => {
    const r = computeRoi({ ...base, discountRateAnnual: 0.1 });
    let npv = -20_000;
    for (let m = 1; m <= 12; m++) npv += 6_000 / Math.pow(1.1, m / 12);
    expect(r.npvUsd).toBeCloseTo(npv, 9);
  });

  it('launch weeks delay value and run cost, and partly serve the launch month', () => {
    // 6 weeks = 6 ÷ (365 ÷ 7 ÷ 12) = 1.3808 months: month 1 unserved, month 2 61.9% served
    const r = computeRoi({ ...base, weeksToLaunch: 6, withSeries: true });
    const launch = 6 / (365 / 7 / 12);
    expect(r.cumulative?.[0]).toEqual({
      month: 1,
      valueUsd: 0,
      costUsd: 20_000,
      runUsd: 0,
      capexUsd: 0,
      strandedUsd: 0,
      requests: null,
    });
    expect(r.cumulative?.[1]?.valueUsd).toBeCloseTo(10_000 * (2 - launch), 9);
    // Month 2's own run cost is its served share: $4,000 × (2 − 1.3808) = $2,476.71.
    expect(r.cumulative?.[1]?.runUsd).toBeCloseTo(4_000 * (2 - launch), 9);
    expect(r.timeToValueWeeks).toBe(6);
    expect(r.netMonthlyUsd).toBe(6_000); // first fully served month
  });

  it('never paying back within the horizon gives null', () => {
    const r = computeRoi({ ...base, valueUsdInMonth: () => 3_000 });
    expect(r.paybackMonth).toBeNull();
    expect(r.netMonthlyUsd).toBe(-1_000);
  });

  it('value per request: minutes saved × loaded hourly rate', () => {
    expect(
      requestValueUsd({ kind: 'timeSaved', minutesSavedPerRequest: 3, loadedUsdPerHour: 80 }),
    ).toBe(4);
    expect(requestValueUsd({ kind: 'revenue', usdPerRequest: 0.05 })).toBe(0.05);
  });
});

describe('break-even volume', () => {
  const near = (actual: number, expected: number) =>
    expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-6);

  it('a linear API cost meets a flat self-host cost where 0.01 × v = 5,000', () => {
    const r = breakEvenVolumes(
      (v) => 0.01 * v,
      () => 5_000,
    );
    expect(r.cheaperBelow).toBe('a');
    expect(r.crossings).toHaveLength(1);
    near(r.crossings[0]!.requestsPerMonth, 500_000);
    expect(r.crossings[0]!.cheaperAbove).toBe('b');
  });

  it('finds every crossing of a step cost, including two a fraction of a percent apart', () => {
    // API $0.005/request. Self-host $4,990 up to 1M requests, then a second replica: $6,000.
    // 0.005 × v = 4,990 at v = 998,000 (self-host cheaper above); at 1,000,000 the step lifts
    // self-host to $6,000 above the API's $5,000 (API cheaper above); 0.005 × v = 6,000 at
    // v = 1,200,000 (self-host cheaper again). The first two are 0.2 % apart.
    const selfHost = (v: number) => (v <= 1e6 ? 4_990 : 6_000);
    const r = breakEvenVolumes((v) => 0.005 * v, selfHost);
    expect(r.cheaperBelow).toBe('a');
    expect(r.crossings.map((c) => c.cheaperAbove)).toEqual(['b', 'a', 'b']);
    near(r.crossings[0]!.requestsPerMonth, 998_000);
    near(r.crossings[1]!.requestsPerMonth, 1_000_000);
    near(r.crossings[2]!.requestsPerMonth, 1_200_000);
  });

  it('whole replicas against a line: a crossing at each step while the line is between them', () => {
    // Self-host $3,000 per started 1M requests; API $0.004/request. API cheaper below 750k; the
    // step at 1M (API $4,000 < $6,000); 1.5M (API = $6,000); the step at 2M ($8,000 < $9,000);
    // 2.25M ($9,000). From 3M on, n replicas cost $3,000·n ≤ the API's $4,000·(n − 1).
    const selfHost = (v: number) => 3_000 * Math.max(1, Math.ceil(v / 1e6));
    const r = breakEvenVolumes((v) => 0.004 * v, selfHost);
    const at = r.crossings.map((c) => c.requestsPerMonth);
    expect(at).toHaveLength(5);
    [750_000, 1_000_000, 1_500_000, 2_000_000, 2_250_000].forEach((v, k) => near(at[k]!, v));
  });

  it('no crossing in range gives none', () => {
    const r = breakEvenVolumes(
      (v) => 0.01 * v,
      (v) => 0.02 * v,
    );
    expect(r).toEqual({ crossings: [], cheaperBelow: 'a' });
  });

  it('curves that touch without changing places have no crossing', () => {
    // b = a at exactly 1M and above a elsewhere: |v − 1M| × 0.001 + 0.01·v ≥ 0.01·v.
    const r = breakEvenVolumes(
      (v) => 0.01 * v,
      (v) => 0.01 * v + Math.abs(v - 1e6) * 0.001,
    );
    expect(r.crossings).toEqual([]);
  });
});

describe('closed-form ROI without growth', () => {
  it('equals the month-by-month computation', async () => {
    const { constantRoi, serviceSchedule } = await import('../../core/roi/roi.ts');
    for (const [weeks, setup, value, cost] of [
      [0, 20_000, 10_000, 4_000],
      [6, 5_000, 3_000, 2_500],
      [10, 50_000, 1_000, 2_000],
      [0, 0, 100, 50],
    ] as const) {
      const loop = computeRoi({
        valueUsdInMonth: () => value,
        costUsdInMonth: () => cost,
        setupUsd: setup,
        weeksToLaunch: weeks,
        horizonMonths: 24,
        discountRateAnnual: 0.08,
      });
      const closed = constantRoi(serviceSchedule(weeks, 24, 0.08), value, cost, setup);
      expect(closed.paybackMonth).toBe(loop.paybackMonth);
      expect(closed.npvUsd).toBeCloseTo(loop.npvUsd, 6);
      expect(closed.roi ?? 0).toBeCloseTo(loop.roi ?? 0, 12);
      expect(closed.netMonthlyUsd).toBeCloseTo(loop.netMonthlyUsd, 9);
      expect(closed.totalCostUsd).toBeCloseTo(loop.totalCostUsd, 6);
    }
  });
});

describe('ROI with monthly growth', () => {
  const emptyCatalog = {
    providers: [],
    models: [],
    offerings: [],
    gpus: [],
    instances: [],
    regions: [],
    quality: [],
    discounts: [],
  };
  // 1M requests a month at launch, +10% a month; $0.02 of value and $0.005 of cost per request.
  const w = workload({
    requests: { count: 1_000_000, per: 'month' },
    monthlyGrowthPct: 10,
    responseCacheHitRate: 0,
  });
  const value = ValueAssumptions.parse({
    perRequest: { kind: 'revenue', usdPerRequest: 0.02 },
    setupUsd: { api: 1_000, cloud: 0, onprem: 0 },
    // Exactly two months: months 1–2 unserved, month 3 the first served.
    weeksToLaunch: { api: 2 * (365 / 7 / 12), cloud: 0, onprem: 0 },
    horizonMonths: 6,
    discountRateAnnual: 0,
  });
  const ctx = makeContext(indexCatalog(emptyCatalog), w, value);
  const costAt = () => (_w: Workload, r: WorkloadRates) => r.requestsPerMonth * 0.005;

  it('compounds from the first month served, not from the decision', () => {
    const roi = candidateRoi(ctx, 'api', { runUsd: 5_000, costAt }, true);
    // Served months 3–6 carry 1M, 1.1M, 1.21M, 1.331M requests = 4.641M.
    const served = 1 + 1.1 + 1.21 + 1.331;
    expect(roi.totalValueUsd).toBeCloseTo(served * 1e6 * 0.02, 6);
    expect(roi.totalCostUsd).toBeCloseTo(1_000 + served * 1e6 * 0.005, 6);
    expect(roi.cumulative?.[1]).toMatchObject({
      month: 2,
      valueUsd: 0,
      costUsd: 1_000,
      requests: 0,
    });
    // The series counts each month's requests: 1M in month 3, 1.1M in month 4.
    expect(roi.cumulative?.[3]?.requests).toBeCloseTo(1.1e6, 3);
    // The first served month earns 1M × ($0.02 − $0.005) = $15,000.
    expect(roi.netMonthlyUsd).toBeCloseTo(15_000, 6);
  });
});
