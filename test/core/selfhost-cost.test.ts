import { describe, expect, it } from 'vitest';
import type { ReplicaCapacity } from '../../core/selfhost/capacity.ts';
import { cloudCost } from '../../core/selfhost/cloud-cost.ts';
import { energyKwh } from '../../core/selfhost/energy.ts';
import { sizeFleet } from '../../core/selfhost/fleet.ts';
import { onpremCost } from '../../core/selfhost/onprem-cost.ts';
import { Instance } from '../../core/schema/catalog.ts';
import { OnpremPlacement } from '../../core/schema/placement.ts';
import { workloadRates } from '../../core/workload/derive.ts';
import { testGpu, workload } from '../support/fixtures.ts';

// 100M requests a month, 24×7, no batch, no response cache: 100e6 ÷ (730 × 3,600) = 38.052 req/s
const w = workload({
  requests: { count: 100e6, per: 'month' },
  peakToAverage: 2,
  batchShare: 0,
  responseCacheHitRate: 0,
});
const rates = workloadRates(w);
const AVG = 100e6 / (730 * 3600);

const capacity = (
  tp: number,
  rpsAtSlo: number,
  rpsSaturated = rpsAtSlo * 2,
): Extract<ReplicaCapacity, { ok: true }> => ({
  ok: true,
  tp,
  precision: 'fp8',
  kvPrecision: 'fp8',
  maxConcurrency: 64,
  sloConcurrency: 32,
  requestsPerSAtSlo: rpsAtSlo,
  requestsPerSSaturated: rpsSaturated,
  ttftMs: 200,
  tpotMs: 20,
  e2eMs: 4000,
  weightsGBPerGpu: 10,
});

describe('fleet sizing', () => {
  it('a fixed fleet keeps peak units all month', () => {
    // peak 76.10 req/s ÷ (10 × 0.8) = 9.51 → 10 units × 730 h
    const f = sizeFleet(
      {
        unitRequestsPerSAtSlo: 10,
        unitRequestsPerSSaturated: 20,
        targetUtilization: 0.8,
        minUnits: 1,
        scaling: 'fixed',
      },
      w,
      rates,
    );
    expect(rates.avgBilledPerSecond).toBeCloseTo(AVG, 9);
    expect(f.unitsPeak).toBe(10);
    expect(f.paidUnitHours).toBe(7300);
    // work: 100e6 requests ÷ (10 req/s × 3,600) = 2,777.8 unit-hours → 38.05% utilized
    expect(f.usedUnitHours).toBeCloseTo(100e6 / 36_000, 6);
    expect(f.utilization).toBeCloseTo(100e6 / 36_000 / 7300, 9);
  });

  const autoscale = {
    unitRequestsPerSAtSlo: 10,
    unitRequestsPerSSaturated: 20,
    targetUtilization: 0.8,
    minUnits: 1,
    scaling: 'autoscale' as const,
  };

  it('an autoscaled fleet runs the whole units each moment of demand needs', () => {
    // Peak ÷ average = 2: demand spreads evenly from 0 to 2 × 38.052 req/s. At the 24 mid-points
    // (j + ½)/24 it is 76.104·(j + ½)/24 req/s, needing ⌈that ÷ 8⌉ units (at least 1):
    // 1,1,1,2,2,3,3,3,4,4,5,5,5,6,6,7,7,7,8,8,9,9,9,10 = 125 → 5.208 units × 730 h = 3,802 h.
    let units = 0;
    for (let j = 0; j < 24; j++) units += Math.max(1, Math.ceil((2 * AVG * (j + 0.5)) / 24 / 8));
    expect(units).toBe(125);
    const f = sizeFleet(autoscale, w, rates);
    expect(f.paidUnitHours).toBeCloseTo((125 / 24) * 730, 6);
    expect(f.unitsPeak).toBe(10);
  });

  it('an autoscaled fleet under flat load costs what a fixed one does', () => {
    const flat = workload({ ...w, peakToAverage: 1 });
    const r = workloadRates(flat);
    // 38.052 ÷ 8 = 4.76 → 5 units all month either way.
    expect(sizeFleet(autoscale, flat, r).paidUnitHours).toBeCloseTo(5 * 730, 9);
    expect(sizeFleet({ ...autoscale, scaling: 'fixed' }, flat, r).paidUnitHours).toBe(5 * 730);
  });

  it('a spiky load (peak 6× average) idles low most of the time', () => {
    // Demand = 228.31 · u^5 req/s at u = (j + ½)/24; units = ⌈demand ÷ 8⌉, at least 1.
    const spiky = workload({ ...w, peakToAverage: 6 });
    const r = workloadRates(spiky);
    let units = 0;
    for (let j = 0; j < 24; j++) {
      units += Math.max(1, Math.ceil((6 * AVG * ((j + 0.5) / 24) ** 5) / 8));
    }
    const f = sizeFleet(autoscale, spiky, r);
    expect(f.unitsPeak).toBe(29); // ⌈228.31 ÷ 8⌉
    expect(f.paidUnitHours).toBeCloseTo((units / 24) * 730, 6);
    // Well under a fixed fleet's 29 × 730 h, above the 4.76-unit average's bare minimum.
    expect(f.paidUnitHours).toBeLessThan(29 * 730 * 0.5);
    expect(f.paidUnitHours).toBeGreaterThan((AVG / 8) * 730);
  });

  it('business hours: the floor runs off-hours, demand runs in-hours', () => {
    // 10 h × 5 d = 217.26 active h; 100e6 ÷ (217.26 × 3,600) = 127.86 req/s average
    const bw = workload({
      requests: { count: 100e6, per: 'month' },
      peakToAverage: 2,
      schedule: { hoursPerDay: 10, daysPerWeek: 5 },
      batchShare: 0,
      responseCacheHitRate: 0,
    });
    const r = workloadRates(bw);
    const active = 10 * 5 * (365 / 7 / 12);
    expect(r.activeHoursPerMonth).toBeCloseTo(active, 9);
    const f = sizeFleet(
      {
        unitRequestsPerSAtSlo: 10,
        unitRequestsPerSSaturated: 20,
        targetUtilization: 0.8,
        minUnits: 1,
        scaling: 'autoscale',
      },
      bw,
      r,
    );
    // In-hours demand spreads evenly 0 → 255.72 req/s; units at the 24 mid-points, at least 1.
    const avg = 100e6 / (active * 3600);
    let units = 0;
    for (let j = 0; j < 24; j++) units += Math.max(1, Math.ceil((2 * avg * (j + 0.5)) / 24 / 8));
    expect(f.paidUnitHours).toBeCloseTo((units / 24) * active + 1 * (730 - active), 6);
  });

  it('offline batch work fills idle capacity before adding units', () => {
    const bw = workload({
      requests: { count: 100e6, per: 'month' },
      peakToAverage: 2,
      batchShare: 0.3,
      responseCacheHitRate: 0,
    });
    const f = sizeFleet(
      {
        unitRequestsPerSAtSlo: 10,
        unitRequestsPerSSaturated: 20,
        targetUtilization: 0.8,
        minUnits: 1,
        scaling: 'fixed',
      },
      bw,
      workloadRates(bw),
    );
    // interactive peak = 76.10 × 0.7 = 53.27 → ⌈53.27 ÷ 8⌉ = 7 units; batch 30e6 ÷ (20 × 3,600) = 416.7 h fits in idle time
    expect(f.unitsPeak).toBe(7);
    expect(f.batchOverflowUnitHours).toBe(0);
    expect(f.usedUnitHours).toBeCloseTo(70e6 / 36_000 + 30e6 / 72_000, 6);
  });

  it('zero volume keeps only the floor', () => {
    const zero = workload({ requests: { count: 0, per: 'month' } });
    const f = sizeFleet(
      {
        unitRequestsPerSAtSlo: 10,
        unitRequestsPerSSaturated: 20,
        targetUtilization: 0.8,
        minUnits: 0,
        scaling: 'autoscale',
      },
      zero,
      workloadRates(zero),
    );
    expect(f.unitsPeak).toBe(0);
    expect(f.paidUnitHours).toBe(0);
    expect(f.utilization).toBe(0);
  });
});

describe('cloud cost', () => {
  const instance = Instance.parse({
    id: 'test:8x:r1',
    cloud: 'test',
    instanceType: '8x',
    gpuId: 'test-gpu',
    gpuCount: 8,
    regionId: 'test:r1',
    usdPerHour: { onDemand: 40, commit1y: 28 },
    source: 'test',
    asOf: '2026-01-01',
  });
  const placement = {
    pricing: 'onDemand' as const,
    targetUtilization: 0.8,
    minReplicas: 1,
    scaling: 'fixed' as const,
  };

  it('an instance holds ⌊GPUs ÷ tp⌋ replicas and is the unit that scales', () => {
    // tp 2 → 4 replicas × 2.5 req/s = 10 req/s per instance → 10 instances at peak (as above)
    const c = cloudCost(placement, instance, capacity(2, 2.5), w, rates);
    if (!c.ok) throw new Error(c.reason);
    expect(c.replicasPerInstance).toBe(4);
    expect(c.instancesPeak).toBe(10);
    expect(c.gpusPeak).toBe(80);
    expect(c.monthlyUsd).toBe(10 * 730 * 40); // $292,000
    expect(c.breakdown.gpuUsd + c.breakdown.idleUsd).toBeCloseTo(292_000, 6);
  });

  it('committed pricing is paid every hour, sized for peak', () => {
    const c = cloudCost(
      { ...placement, pricing: 'commit1y', scaling: 'autoscale' },
      instance,
      capacity(2, 2.5),
      w,
      rates,
    );
    if (!c.ok) throw new Error(c.reason);
    expect(c.monthlyUsd).toBe(10 * 730 * 28);
  });

  it('a pricing model the instance does not publish is refused by name', () => {
    const c = cloudCost({ ...placement, pricing: 'spot' }, instance, capacity(2, 2.5), w, rates);
    expect(c).toEqual({ ok: false, reason: 'no spot price published for 8x in test:r1' });
  });
});

describe('owned GPUs', () => {
  it('amortized capex + power × PUE + colocation + staff', () => {
    const p = OnpremPlacement.parse({
      kind: 'onprem',
      gpuId: 'test-gpu',
      modelId: 'm',
      amortizationMonths: 36,
      powerUsdPerKwh: 0.1,
      pue: 1.4,
      serverOverheadFraction: 0.3,
      colocationUsdPerGpuMonth: 150,
      staffUsdPerMonth: 5000,
    });
    // 1 req/s per replica (tp 1) → ⌈76.10 ÷ 0.8⌉ = 96 GPUs
    const c = onpremCost(p, testGpu(), capacity(1, 1), w, rates);
    if (!c.ok) throw new Error(c.reason);
    expect(c.gpus).toBe(96);
    const util = 100e6 / 3600 / (96 * 730);
    // power: 96 GPUs × 730 h × 500 W × (0.3 + 0.7 × util) × 1.3 × 1.4 ÷ 1,000 kWh × $0.10
    const kwh = (96 * 730 * 500 * (0.3 + 0.7 * util) * 1.3 * 1.4) / 1000;
    expect(c.energyKwh).toBeCloseTo(kwh, 6);
    const expected = (96 * 20_000) / 36 + kwh * 0.1 + 96 * 150 + 5000;
    expect(c.monthlyUsd).toBeCloseTo(expected, 6);
  });

  it('autoscaled owned GPUs keep the hardware but draw power only while running', () => {
    const p = OnpremPlacement.parse({
      kind: 'onprem',
      gpuId: 'test-gpu',
      modelId: 'm',
      powerUsdPerKwh: 0.1,
      pue: 1.4,
      serverOverheadFraction: 0.3,
      scaling: 'autoscale',
    });
    const c = onpremCost(p, testGpu(), capacity(1, 1), w, rates);
    if (!c.ok) throw new Error(c.reason);
    // Still 96 GPUs bought for peak; running replicas follow demand 0 → 76.10 req/s at 0.8 req/s each.
    expect(c.gpus).toBe(96);
    let units = 0;
    for (let j = 0; j < 24; j++) units += Math.ceil((2 * AVG * (j + 0.5)) / 24 / 0.8);
    const runningHours = (units / 24) * 730;
    const util = 100e6 / 3600 / runningHours;
    const kwh = (runningHours * 500 * (0.3 + 0.7 * util) * 1.3 * 1.4) / 1000;
    expect(c.energyKwh).toBeCloseTo(kwh, 6);
    expect(c.breakdown.powerUsd).toBeCloseTo(kwh * 0.1, 6);
    // Less than the always-on fleet's energy, same hardware.
    const fixed = onpremCost({ ...p, scaling: 'fixed' }, testGpu(), capacity(1, 1), w, rates);
    if (!fixed.ok) throw new Error(fixed.reason);
    expect(c.energyKwh).toBeLessThan(fixed.energyKwh * 0.8);
    expect(c.capexUsd).toBe(fixed.capexUsd);
  });

  it('energy helper: kWh for GPU-hours at a utilization', () => {
    // 100 GPU-h × 700 W × (0.3 + 0.7 × 0.5) × 1.3 × 1.2 ÷ 1000 = 70.98 kWh
    expect(
      energyKwh({
        gpuHours: 100,
        tdpW: 700,
        utilization: 0.5,
        serverOverheadFraction: 0.3,
        pue: 1.2,
      }),
    ).toBeCloseTo(70.98, 9);
  });
});
