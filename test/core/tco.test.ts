import { describe, expect, it } from 'vitest';
import { capexSchedule, planBlocks } from '../../core/roi/blocks.ts';
import { annuityUsdPerMonth, capitalChargeUsdPerMonth } from '../../core/roi/capital.ts';
import { computeRoi, constantRoi, serviceSchedule } from '../../core/roi/roi.ts';
import { Gpu, Instance } from '../../core/schema/catalog.ts';
import { Operations } from '../../core/schema/operations.ts';
import { CloudPlacement, OnpremPlacement } from '../../core/schema/placement.ts';
import { ValueAssumptions } from '../../core/schema/value.ts';
import { replicaCapacity, selfHostP95Shape, selfHostShape } from '../../core/selfhost/capacity.ts';
import { cloudCost } from '../../core/selfhost/cloud-cost.ts';
import { deploymentTerms } from '../../core/selfhost/deployment.ts';
import { demandProfile, sizeFleet, type FleetInput } from '../../core/selfhost/fleet.ts';
import { apiSavingsLine, explainSelfHostCost } from '../../core/report/selfhost-explain.ts';
import { indexCatalog } from '../../core/sweep/catalog-index.ts';
import { makeContext } from '../../core/sweep/context.ts';
import { evaluateCandidate } from '../../core/sweep/sweep.ts';
import { workloadRates } from '../../core/workload/derive.ts';
import {
  bareTerms,
  fleetInput,
  okCapacity,
  testGpu,
  testModel,
  workload,
} from '../support/fixtures.ts';

const capacity = okCapacity;
/** Replicas of 5 req/s at the SLO, autoscaled, no reserve, instant start. */
const fleet5 = (over: Partial<FleetInput> = {}): FleetInput =>
  fleetInput({
    replicaRequestsPerSAtSlo: 5,
    replicaRequestsPerSSaturated: 10,
    scaling: 'autoscale',
    ...over,
  });

/** One billed request a second on average, 24 × 7: 730 h × 3,600 s = 2,628,000 a month. */
const oneRps = (over: Parameters<typeof workload>[0] = {}) =>
  workload({
    requests: { count: 730 * 3600, per: 'month' },
    responseCacheHitRate: 0,
    batchShare: 0,
    ...over,
  });

describe('hardware is cash when bought', () => {
  it('an 8-GPU server bought at the decision: cash at month 0 in NPV and payback', () => {
    // $20,000 of value and $5,000 of run cost a month, $10,000 setup, a $240,000 server paid at
    // the start of month 1, no discounting: cumulative 15,000·m − 250,000 ≥ 0 first at m = 17.
    // (Spread as rent, $240,000 ÷ 36 = $6,667 a month, it would pay back in month 2.)
    const base = {
      valueUsdInMonth: () => 20_000,
      costUsdInMonth: () => 5_000,
      setupUsd: 10_000,
      weeksToLaunch: 0,
      horizonMonths: 36,
      discountRateAnnual: 0,
      capexUsdAtStartOf: (m: number) => (m === 1 ? 240_000 : 0),
    };
    const r = computeRoi({ ...base, withSeries: true });
    expect(r.paybackMonth).toBe(17);
    expect(r.cumulative?.[0]?.costUsd).toBe(10_000 + 240_000 + 5_000);
    expect(r.capexUsd).toBe(240_000);
    // TCO = 10,000 + 240,000 − 0 (no book value left at 36 months of a 36-month life) + 36 × 5,000
    expect(r.tcoUsd).toBe(430_000);
    expect(r.npvUsd).toBe(36 * 15_000 - 250_000);
    // At 10 % a year the capex is not discounted (paid at the start), the months are.
    const d = computeRoi({ ...base, discountRateAnnual: 0.1 });
    let npv = -250_000;
    for (let m = 1; m <= 36; m++) npv += 15_000 / 1.1 ** (m / 12);
    expect(d.npvUsd).toBeCloseTo(npv, 6);
  });

  it('the closed form with a purchase schedule equals the month-by-month computation', () => {
    for (const [horizon, life, weeks] of [
      [36, 36, 0],
      [24, 36, 6],
      [60, 36, 10],
    ] as const) {
      const loop = computeRoi({
        valueUsdInMonth: () => 20_000,
        costUsdInMonth: () => 5_000,
        setupUsd: 10_000,
        weeksToLaunch: weeks,
        horizonMonths: horizon,
        discountRateAnnual: 0.08,
        capexUsdAtStartOf: (m) => (m === 1 || m === 1 + life || m === 1 + 2 * life ? 240_000 : 0),
        residualUsd: 240_000 * capexSchedule(life, horizon, 0).unusedAtHorizon,
      });
      const closed = constantRoi(
        serviceSchedule(weeks, horizon, 0.08),
        20_000,
        5_000,
        10_000,
        undefined,
        { usd: 240_000, schedule: capexSchedule(life, horizon, 0.08) },
      );
      expect(closed.paybackMonth).toBe(loop.paybackMonth);
      expect(closed.npvUsd).toBeCloseTo(loop.npvUsd, 6);
      expect(closed.tcoUsd).toBeCloseTo(loop.tcoUsd, 6);
      expect(closed.residualUsd).toBeCloseTo(loop.residualUsd, 6);
    }
  });

  it('residual value: a 36-month life over a 24-month horizon leaves a third of the capex', () => {
    // Bought at month 1, owned 24 of 36 months: book value 240,000 × 12/36 = 80,000.
    const s = capexSchedule(36, 24, 0);
    expect(s.totalTaken).toBe(1);
    expect(s.unusedAtHorizon).toBeCloseTo(12 / 36, 12);
    const r = constantRoi(serviceSchedule(0, 24, 0), 0, 5_000, 10_000, undefined, {
      usd: 240_000,
      schedule: s,
    });
    // TCO = 10,000 setup + 240,000 capex − 80,000 book value + 24 × 5,000 run = 290,000
    expect(r.residualUsd).toBeCloseTo(80_000, 6);
    expect(r.tcoUsd).toBeCloseTo(290_000, 6);
    // Cash paid is the whole capex; the book value is credited, not paid back.
    expect(r.totalCostUsd).toBeCloseTo(370_000, 6);
  });

  it('a refresh is bought at the end of life: 60 months of a 36-month life buy twice', () => {
    // Bought at months 1 and 37; the second is owned months 37–60 = 24 of its 36, so 12/36 is left.
    const s = capexSchedule(36, 60, 0);
    expect(Array.from(s.takenUnits).flatMap((u, m) => (u > 0 ? [m] : []))).toEqual([1, 37]);
    expect(s.unusedAtHorizon).toBeCloseTo(12 / 36, 12);
  });

  it('the capital charge is the standard annuity less straight-line depreciation', () => {
    // $120,000 over 36 months at 10 % a year: r = 1.1^(1/12) − 1 = 0.0079741404;
    // annuity = 120,000 × r ÷ (1 − (1 + r)^−36) = $3,847.82; depreciation 120,000 ÷ 36 = $3,333.33.
    const r = 1.1 ** (1 / 12) - 1;
    expect(r).toBeCloseTo(0.0079741404, 9);
    const annuity = (120_000 * r) / (1 - (1 + r) ** -36);
    expect(annuity).toBeCloseTo(3847.82, 2);
    expect(annuityUsdPerMonth(120_000, 36, 0.1)).toBeCloseTo(annuity, 9);
    expect(capitalChargeUsdPerMonth(120_000, 36, 0.1)).toBeCloseTo(annuity - 120_000 / 36, 9);
    // At a zero rate there is no charge: the annuity is the depreciation.
    expect(capitalChargeUsdPerMonth(120_000, 36, 0)).toBe(0);
  });
});

describe('persistent capacity', () => {
  it('blocks are kept for their term and renewed only as far as still needed', () => {
    // Needs by month 1…6: 2, 2, 3, 3, 5, 1 with a 3-month term (a block taken in month m is held
    // in months m, m + 1, m + 2). m1: take 2 (months 1–3). m3: take 1 (3–5). m4: the first 2
    // end, hold 1, need 3 → take 2 (4–6). m5: need 5, hold 3 → take 2 (5–7). m6: the 1 ends,
    // hold 4 though 1 is needed. At the horizon (6) the m5 block has month 7 left: 2 unit-months.
    const needs = [0, 2, 2, 3, 3, 5, 1];
    const plan = planBlocks((m) => needs[m]!, 3, 6);
    expect(Array.from(plan.takenUnits)).toEqual([0, 2, 0, 1, 2, 2, 0]);
    expect(Array.from(plan.heldUnits)).toEqual([0, 2, 2, 3, 3, 5, 4]);
    expect(plan.unitMonthsAfterHorizon).toBe(2 * 1);
    expect(plan.unitsUnusedAtHorizon).toBeCloseTo((2 * 1) / 3, 12);
  });

  // A catalog of one test GPU (an 8-GPU server), one 7B model, one single-GPU instance type.
  const gpu = testGpu({
    server: { gpus: 8, usd: 240_000, nonGpuPowerW: 1000, source: 'test', asOf: '2026-01-01' },
  });
  const instance = Instance.parse({
    id: 'test:1x:r1',
    cloud: 'test',
    instanceType: '1x',
    gpuId: 'test-gpu',
    gpuCount: 1,
    regionId: 'test:r1',
    usdPerHour: { onDemand: 4, spot: 1.2, commit1y: 3, commit3y: 2 },
    source: 'test',
    asOf: '2026-01-01',
  });
  const index = indexCatalog({
    providers: [],
    models: [testModel()],
    offerings: [],
    gpus: [gpu],
    instances: [instance],
    regions: [],
    quality: [],
    discounts: [],
  });
  // No egress, so a month's cost depends on the capacity held, not on the traffic.
  const operations = Operations.parse({ egressUsdPerGB: 0 });
  // A value per request, so rows carry their ROI (its cash series) as well as their TCO.
  const value = ValueAssumptions.parse({
    perRequest: { kind: 'revenue', usdPerRequest: 0.001 },
    setupUsd: { api: 0, cloud: 40_000, onprem: 150_000 },
    horizonMonths: 36,
    discountRateAnnual: 0.1,
  });
  const w = (over: Parameters<typeof workload>[0] = {}) =>
    workload({
      requests: { count: 20_000_000, per: 'month' },
      peakToAverage: 2,
      batchShare: 0,
      responseCacheHitRate: 0,
      promptCache: { prefixTokens: 0, hitRate: 0 },
      ...over,
    });
  const cloud = (pricing: 'onDemand' | 'commit3y' | 'spot', committedUnits?: number) =>
    CloudPlacement.parse({
      kind: 'cloud',
      instanceId: 'test:1x:r1',
      modelId: 'test-7b',
      pricing,
      committedUnits,
    });

  it('shrinking demand keeps a 3-year commitment paid every month of its term', () => {
    // −15 % a month with the month-1 fleet committed for 3 years: the committed instances stay
    // paid for all 36 months and nothing bursts: TCO = $40,000 setup + 36 × the month-1 cost.
    const shrinking = makeContext(index, w({ monthlyGrowthPct: -15 }), value, { operations });
    const steady = makeContext(index, w(), value, { operations });
    const peak = evaluateCandidate(steady, cloud('onDemand')).selfHost!.instancesPeak!;
    const committed = evaluateCandidate(shrinking, cloud('commit3y', peak));
    expect(committed.feasible).toBe(true);
    const month1 = evaluateCandidate(steady, cloud('commit3y', peak)).monthlyUsd!;
    expect(committed.tcoUsd).toBeCloseTo(40_000 + 36 * month1, 4);
    // On demand the fleet follows the load down to its warm floor: its months get cheaper.
    const onDemand = evaluateCandidate(shrinking, cloud('onDemand'), { withSeries: true });
    const paid = onDemand.roi!.cumulative!.map((c) => c.costUsd);
    const month = (m: number) => paid[m - 1]! - (m === 1 ? 40_000 : paid[m - 2]!);
    expect(month(12)).toBeLessThan(month(1));
    expect(onDemand.tcoUsd! - 40_000).toBeLessThan(committed.tcoUsd! - 40_000);
    // Left to choose, the engine looks at the term ahead and commits less than that.
    const chosen = evaluateCandidate(shrinking, cloud('commit3y'));
    expect(chosen.tcoUsd!).toBeLessThan(committed.tcoUsd!);
  });

  it('shrinking demand keeps owned servers: bought once, never sold', () => {
    // Capex is paid once at the decision; every month's run cost holds the same servers.
    const shrinking = makeContext(index, w({ monthlyGrowthPct: -15 }), value, { operations });
    const owned = OnpremPlacement.parse({ kind: 'onprem', gpuId: 'test-gpu', modelId: 'test-7b' });
    const row = evaluateCandidate(shrinking, owned);
    expect(row.feasible).toBe(true);
    const s = row.selfHost!;
    expect(s.owned!.horizonCapexUsd).toBe(s.serversPeak! * 240_000);
    expect(s.owned!.residualUsd).toBe(0);
    expect(row.roi!.capexUsd).toBe(s.serversPeak! * 240_000);
  });

  it('growing demand buys servers at the start of the month that needs them', () => {
    // +25 % a month for a year from a volume one server serves: the plan buys more servers later,
    // and their book value is left at the horizon.
    const small = { ...value, horizonMonths: 12 };
    const ctx = makeContext(index, w({ monthlyGrowthPct: 25 }), small, { operations });
    const owned = OnpremPlacement.parse({ kind: 'onprem', gpuId: 'test-gpu', modelId: 'test-7b' });
    const row = evaluateCandidate(ctx, owned, { withSeries: true });
    const first = row.selfHost!.serversPeak!;
    expect(row.roi!.capexUsd).toBeGreaterThan(first * 240_000);
    expect(row.roi!.residualUsd).toBeGreaterThan(0);
    // The cash series jumps by whole servers.
    const cash = row.roi!.cumulative!.map((c) => c.costUsd);
    const bought = row.roi!.capexUsd / 240_000;
    expect(Number.isInteger(bought)).toBe(true);
    expect(cash[11]! - cash[0]!).toBeGreaterThan((bought - first) * 240_000);
  });

  it('a time-boxed experiment still owes the rest of its commitment', () => {
    // A 6-month experiment with its peak fleet on a 3-year commitment: the horizon is the 6-month
    // box, and the 30 months left on the instances ($2/h × 730 h each) are owed at its end.
    const boxed = makeContext(index, w({ stage: 'experiment', timeBoxMonths: 6 }), value, {
      operations,
    });
    const peak = evaluateCandidate(boxed, cloud('onDemand')).selfHost!.instancesPeak!;
    const row = evaluateCandidate(boxed, cloud('commit3y', peak));
    const stranded = peak * 30 * 730 * 2;
    expect(row.tcoUsd).toBeCloseTo(40_000 + 6 * row.monthlyUsd! + stranded, 4);
    // Left to choose, a 3-year term that a 6-month service would use a sixth of is not taken.
    expect(evaluateCandidate(boxed, cloud('commit3y')).commitment!.committedUnits).toBe(0);
  });

  it('an autoscaled committed fleet commits its base and bursts the rest on demand', () => {
    const ctx = makeContext(index, w(), value, { operations });
    const row = evaluateCandidate(ctx, cloud('commit3y'));
    const c = row.commitment!;
    expect(c.committedUnits).toBeGreaterThan(0);
    expect(c.committedUnits).toBeLessThan(row.selfHost!.instancesPeak!);
    expect(
      explainSelfHostCost(row)
        .map((f) => f.value)
        .join(' '),
    ).toMatch(/3-year term: \d+ instances? committed/);
  });
});

describe('availability', () => {
  const ops = Operations.parse({});
  const p = CloudPlacement.parse({ kind: 'cloud', instanceId: 'x', modelId: 'm' });

  it('N+1 for production, none for an experiment', () => {
    // Peak 2 req/s on replicas of 5 × 0.8 = 4 req/s: 1 replica serves it; production adds 1.
    const prod = deploymentTerms(ops, true, p, oneRps(), 10);
    const exp = deploymentTerms(ops, false, p, oneRps(), 10);
    expect(prod.reserveReplicas).toBe(1);
    expect(exp.reserveReplicas).toBe(0);
    const w = oneRps({ peakToAverage: 2 });
    const f = (reserve: number) =>
      sizeFleet(fleet5({ reserveReplicas: reserve, scaling: 'fixed' }), w, workloadRates(w));
    expect(f(prod.reserveReplicas).replicasPeak).toBe(2);
    expect(f(prod.reserveReplicas).reserveReplicas).toBe(1);
    expect(f(exp.reserveReplicas).replicasPeak).toBe(1);
    // Through a whole evaluation: a workload with no stage is production.
    const gpu = testGpu({
      server: { gpus: 8, usd: 240_000, source: 'test', asOf: '2026-01-01' },
    });
    const index = indexCatalog({
      providers: [],
      models: [testModel()],
      offerings: [],
      gpus: [gpu],
      instances: [],
      regions: [],
      quality: [],
      discounts: [],
    });
    const owned = OnpremPlacement.parse({
      kind: 'onprem',
      gpuId: 'test-gpu',
      modelId: 'test-7b',
      tp: 1,
    });
    const value = ValueAssumptions.parse({});
    const production = evaluateCandidate(makeContext(index, oneRps(), value), owned);
    const experiment = evaluateCandidate(
      makeContext(index, oneRps({ stage: 'experiment' }), value),
      owned,
    );
    expect(production.selfHost!.reserveReplicas).toBe(1);
    expect(experiment.selfHost!.reserveReplicas).toBe(0);
    expect(production.selfHost!.replicasPeak).toBe(experiment.selfHost!.replicasPeak + 1);
  });

  it('a headroom reserve scales demand instead of adding replicas', () => {
    // Peak 20 req/s × (1 + 0.5) = 30 req/s on 4 req/s replicas: 7.5 → 8, of which ⌈20 ÷ 4⌉ = 5 serve.
    const w = oneRps({ peakToAverage: 20 });
    const f = sizeFleet(fleet5({ reserveHeadroom: 0.5, scaling: 'fixed' }), w, workloadRates(w));
    expect(f.replicasPeak).toBe(8);
    expect(f.reserveReplicas).toBe(8 - 5);
  });

  it('a new replica is paid for its load time, and a fleet that scales to zero pays it daily', () => {
    // 10 h × 5 d a week; the floor is 0 so each day starts from zero. Peak 2 × average; load
    // 0.5 h. Average in-hours demand: 2,628,000 ÷ (217.26 h × 3,600) = 3.36 req/s, peak 6.72.
    // Each level is sized for the demand it reaches within the load time: demand rises from its
    // low (level 0) to the peak over half the 10-hour day, so + (peak − low) × 0.5 ÷ 5.
    const w = oneRps({ peakToAverage: 2, schedule: { hoursPerDay: 10, daysPerWeek: 5 } });
    const rates = workloadRates(w);
    const f = sizeFleet(fleet5({ minReplicas: 0, loadHours: 0.5 }), w, rates);
    const avg = rates.avgBilledPerSecond;
    const ratios = demandProfile(2).ratios;
    const weights = demandProfile(2).weights;
    const lead = (2 * avg - avg * ratios[0]!) * (0.5 / 5);
    let unitHours = 0;
    for (let j = 0; j < 24; j++) {
      const demand = Math.min(2 * avg, avg * ratios[j]! + lead);
      unitHours += weights[j]! * Math.ceil(demand / 4) * rates.activeHoursPerMonth;
    }
    // Peak ⌈6.72 ÷ 4⌉ = 2 units, started from zero every active day: 2 × 0.5 h × 5 × 52.14 ÷ 12.
    const warmUp = 2 * 0.5 * 5 * (365 / 7 / 12);
    expect(f.unitsPeak).toBe(2);
    expect(f.warmUpUnitHours).toBeCloseTo(warmUp, 9);
    expect(f.paidUnitHours).toBeCloseTo(unitHours + warmUp, 6);
  });
});

describe('spot', () => {
  const instance = Instance.parse({
    id: 'test:8x:r1',
    cloud: 'test',
    instanceType: '8x',
    gpuId: 'test-gpu',
    gpuCount: 8,
    regionId: 'test:r1',
    usdPerHour: { onDemand: 40, spot: 12 },
    source: 'test',
    asOf: '2026-01-01',
  });
  // 100M requests a month, peak 2×: 76.10 req/s at peak.
  const w = workload({
    requests: { count: 100e6, per: 'month' },
    peakToAverage: 2,
    batchShare: 0,
    responseCacheHitRate: 0,
  });
  const terms = bareTerms({
    loadSeconds: 360,
    spotInterruptionsPerMonth: 0.2,
    spotFallbackHours: 24,
  });

  it('the warm floor and reserve stay on demand; interruptions fall back to on-demand, priced', () => {
    // tp 2 → 4 replicas an instance at 2.5 × 0.8 = 2 req/s each: ⌈76.10 ÷ 2⌉ = 39 + 1 reserve = 40
    // replicas = 10 instances, all month (fixed). Warm: 1 floor + 1 reserve = 2 replicas → 1
    // instance on demand; 9 on spot = 6,570 h. Interruptions 6,570 ÷ 730 × 0.2 = 1.8 a month,
    // each 24 h on demand instead of spot (24 × (40 − 12) = 672) and a 0.1 h reload at 40 = 4.
    const c = cloudCost(
      { pricing: 'spot', targetUtilization: 0.8, minReplicas: 1, scaling: 'fixed' },
      instance,
      capacity(2, 2.5),
      w,
      workloadRates(w),
      terms,
    );
    if (!c.ok) throw new Error(c.reason);
    expect(c.instancesPeak).toBe(10);
    expect(c.spot?.onDemandInstances).toBe(1);
    expect(c.spot?.spotInstanceHours).toBeCloseTo(6570, 9);
    expect(c.spot?.interruptions).toBeCloseTo(1.8, 12);
    expect(c.spot?.fallbackUsd).toBeCloseTo(1.8 * 676, 9); // $1,216.80
    // 730 × 40 + 6,570 × 12 + 1,216.80 = 29,200 + 78,840 + 1,216.80 = $109,256.80
    expect(c.monthlyUsd).toBeCloseTo(109_256.8, 6);
  });

  it('a one-instance fleet on spot is all on demand: spot cannot carry the SLO alone', () => {
    const small = workload({ requests: { count: 1e6, per: 'month' }, batchShare: 0 });
    const c = cloudCost(
      { pricing: 'spot', targetUtilization: 0.8, minReplicas: 1, scaling: 'fixed' },
      instance,
      capacity(2, 2.5),
      small,
      workloadRates(small),
      terms,
    );
    if (!c.ok) throw new Error(c.reason);
    expect(c.instancesPeak).toBe(1);
    expect(c.monthlyUsd).toBe(730 * 40);
  });
});

describe('fleet sizing at the stated peak', () => {
  it('the profile tops out at the stated peak with a mean of 1', () => {
    // At 20: the peak holds 1/40 of the time (1/(2 × 20)) at exactly 20, carrying half the
    // volume; the other levels carry the other half.
    const { weights, ratios } = demandProfile(20);
    expect(Math.max(...ratios)).toBe(20);
    expect(weights[23]).toBe(1 / 40);
    let mean = 0;
    for (let j = 0; j < 24; j++) mean += weights[j]! * ratios[j]!;
    expect(mean).toBeCloseTo(1, 12);
  });

  it('a fleet its floor fills at every level pays those units every hour, to the last bit', () => {
    // Peak 2 req/s on replicas of 5 × 0.8 = 4 req/s: one replica serves it, so a floor of 3 (or
    // 1, or 2) runs at every level of the profile, 24 × 7. Sized one after another, each pays its
    // own units over the 24 levels, added level by level (1 up to rounding) × 730 h.
    const w = oneRps({ peakToAverage: 2 });
    const rates = workloadRates(w);
    const { weights } = demandProfile(2);
    const levelsSum = (units: number) => {
      let sum = 0;
      for (let j = 0; j < 24; j++) sum += weights[j]! * units;
      return sum;
    };
    for (const floor of [3, 1, 3, 2]) {
      const f = sizeFleet(fleet5({ minReplicas: floor }), w, rates);
      expect(f.unitsPeak).toBe(floor);
      expect(f.paidUnitHours).toBe(levelsSum(floor) * 730);
      expect(f.paidUnitHours).toBeCloseTo(floor * 730, 9);
    }
  });

  it('at peak ÷ average 20 the autoscaled fleet runs the 5 replicas the peak needs', () => {
    // Average 1 req/s, peak 20; replicas serve 5 × 0.8 = 4 req/s: ⌈20 ÷ 4⌉ = 5 at the peak
    // (the old profile topped out at 13.4 req/s: 4 replicas, 125 % of their SLO capacity).
    const w = oneRps({ peakToAverage: 20 });
    const rates = workloadRates(w);
    const f = sizeFleet(fleet5(), w, rates);
    expect(f.unitsPeak).toBe(5);
    const { weights, ratios } = demandProfile(20);
    let unitHours = 0;
    let most = 0;
    for (let j = 0; j < 24; j++) {
      const units = Math.max(1, Math.ceil(ratios[j]! / 4));
      // No level runs above its SLO capacity at the target utilization.
      expect(ratios[j]!).toBeLessThanOrEqual(units * 4 + 1e-9);
      most = Math.max(most, units);
      unitHours += weights[j]! * units * 730;
    }
    expect(most).toBe(5);
    expect(f.paidUnitHours).toBeCloseTo(unitHours, 6);
  });
});

describe('capacity at the p95 sizes', () => {
  it('checking the SLO at p95 prompt and output sizes serves less than at the mean', () => {
    const w = workload({
      inputTokens: { mean: 1800, p95: 6000 },
      outputTokens: { mean: 350, p95: 1200 },
      slo: { ttftMs: 1000, tpotMs: 60 },
    });
    const r = {
      model: testModel(),
      gpu: testGpu(),
      tp: 1,
      precision: 'fp8',
      engine: 'vllm',
    } as const;
    const mean = replicaCapacity(r, selfHostShape(w), w.slo, 0);
    const p95 = replicaCapacity(r, selfHostShape(w), w.slo, 0, selfHostP95Shape(w));
    if (!mean.ok || !p95.ok) throw new Error('capacity failed');
    expect(p95.sloConcurrency).toBeLessThan(mean.sloConcurrency);
    expect(p95.requestsPerSAtSlo).toBeLessThan(mean.requestsPerSAtSlo);
    // Both latencies are reported: the p95 request meets the SLO, the mean one is faster.
    expect(p95.p95!.ttftMs).toBeLessThanOrEqual(1000);
    expect(p95.p95!.tpotMs).toBeLessThanOrEqual(60);
    expect(p95.ttftMs).toBeLessThan(p95.p95!.ttftMs);
    expect(mean.p95).toBeNull();
    // No p95 given: no second shape.
    expect(selfHostP95Shape(workload())).toBeNull();
  });
});

describe('servers in the catalog', () => {
  it('SXM parts are bought on boards: a 6-GPU NVLink server is refused by field', () => {
    const r = Gpu.safeParse({
      ...testGpu(),
      server: { gpus: 6, usd: 200_000, source: 'test', asOf: '2026-01-01' },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['server', 'gpus']);
    expect(r.error?.issues[0]?.message).toBe(
      'SXM/OAM parts ship on 4- or 8-GPU boards: server.gpus must be a multiple of 4',
    );
    // A PCIe card goes in servers of any count.
    const pcie = testGpu({
      interconnect: { kind: 'pcie', busGBps: 32, latencyUs: 20 },
      server: { gpus: 2, usd: 40_000, source: 'test', asOf: '2026-01-01' },
    });
    expect(pcie.server?.gpus).toBe(2);
  });
});

describe('the detail explains each self-hosted cost line', () => {
  const gpu = testGpu({
    server: { gpus: 8, usd: 240_000, nonGpuPowerW: 1000, source: 'test', asOf: '2026-01-01' },
  });
  const index = indexCatalog({
    providers: [],
    models: [testModel()],
    offerings: [],
    gpus: [gpu],
    instances: [],
    regions: [],
    quality: [],
    discounts: [],
  });
  const ctx = makeContext(
    index,
    oneRps(),
    ValueAssumptions.parse({ horizonMonths: 36, discountRateAnnual: 0.1 }),
  );
  const row = evaluateCandidate(
    ctx,
    OnpremPlacement.parse({ kind: 'onprem', gpuId: 'test-gpu', modelId: 'test-7b', tp: 1 }),
  );
  const lines = Object.fromEntries(explainSelfHostCost(row).map((l) => [l.label, l.value]));

  it('servers, depreciation and the annuity with its rate', () => {
    expect(lines['Servers bought']).toMatch(/^1 8-GPU server = 8 GPUs, \$240,000 each/);
    // $240,000 ÷ 36 = $6,667 a month
    expect(lines['Depreciation']).toContain('$240,000 ÷ 36 months, straight line = $6,667 a month');
    expect(lines['Capital charge']).toContain('standard annuity');
    expect(lines['Capital charge']).toContain('(1 + 10.0%)^(1/12) − 1');
  });

  it('staff as FTE × loaded cost, with the owned GPUs’ share', () => {
    // (0.5 + 0.0117 × 8) = 0.594 FTE × $151,400 ÷ 12 = $7,489 a month
    expect(lines['Operations staff']).toBe(
      '(0.5 + 0.0117 × 8 GPUs) = 0.594 FTE × $151,400 a year ÷ 12 = $7,489 a month',
    );
  });

  it('the reserve and the book value rule are said', () => {
    expect(lines['Fleet at peak']).toContain('1 spare replica kept warm for availability');
    expect(lines['Cash over the horizon']).toContain('straight-line over the life');
  });

  it('a hosted API is set against the best self-hosted candidate’s staff', () => {
    const api = { ...row, kind: 'api' as const, selfHost: null };
    expect(apiSavingsLine(api, row)?.value).toMatch(
      /^no GPU operations staff: saves \$7,489 a month/,
    );
    expect(apiSavingsLine(api, null)).toBeNull();
  });
});
