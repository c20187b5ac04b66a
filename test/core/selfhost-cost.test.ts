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

  it('an autoscaled fleet follows the average (+½ unit for whole steps)', () => {
    // average 38.052 ÷ 8 = 4.7565 units + 0.5 = 5.2565 units × 730 h = 3,837.3 h
    const f = sizeFleet(
      {
        unitRequestsPerSAtSlo: 10,
        unitRequestsPerSSaturated: 20,
        targetUtilization: 0.8,
        minUnits: 1,
        scaling: 'autoscale',
      },
      w,
      rates,
    );
    expect(f.paidUnitHours).toBeCloseTo((AVG / 8 + 0.5) * 730, 6);
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
    const avgUnits = 100e6 / (active * 3600) / 8 + 0.5;
    expect(f.paidUnitHours).toBeCloseTo(avgUnits * active + 1 * (730 - active), 6);
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
