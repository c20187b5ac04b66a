import { describe, expect, it } from 'vitest';
import { cloudCost } from '../../core/selfhost/cloud-cost.ts';
import { energyKwh } from '../../core/selfhost/energy.ts';
import { sizeFleet } from '../../core/selfhost/fleet.ts';
import { onpremCost } from '../../core/selfhost/onprem-cost.ts';
import { Instance } from '../../core/schema/catalog.ts';
import { OnpremPlacement } from '../../core/schema/placement.ts';
import { workloadRates } from '../../core/workload/derive.ts';
import { bareTerms, fleetInput, okCapacity, testGpu, workload } from '../support/fixtures.ts';

// 100M requests a month, 24×7, no batch, no response cache: 100e6 ÷ (730 × 3,600) = 38.052 req/s
const w = workload({
  requests: { count: 100e6, per: 'month' },
  peakToAverage: 2,
  batchShare: 0,
  responseCacheHitRate: 0,
});
const rates = workloadRates(w);
const AVG = 100e6 / (730 * 3600);

const capacity = okCapacity;
const bare = bareTerms();

/**
 * Demand ÷ average at the 24 levels of the active hours for a peak ÷ average ratio r, written out
 * by hand: the peak holds w = min(1/24, 1/(2r)) of the time at exactly r; the other 23 levels hold
 * (1 − w)/23 each at the shape's mean over their slice, scaled by (1 − w·r) ÷ Q(1 − w) so the mean
 * stays 1. Q(u) = u^r beyond r = 2, (2 − r)u + (r − 1)u² up to it.
 */
function handProfile(r: number): { weight: number; ratio: number }[] {
  const w = Math.min(1 / 24, 1 / (2 * r));
  const Q = (u: number) => (r <= 2 ? (2 - r) * u + (r - 1) * u * u : u ** r);
  const scale = (1 - w * r) / Q(1 - w);
  const slice = (1 - w) / 23;
  const levels = [];
  for (let j = 0; j < 23; j++) {
    const a = j * slice;
    const b = a + slice;
    levels.push({ weight: slice, ratio: (scale * (Q(b) - Q(a))) / slice });
  }
  levels.push({ weight: w, ratio: r });
  return levels;
}

describe('fleet sizing', () => {
  it('a fixed fleet keeps peak units all month', () => {
    // peak 76.10 req/s ÷ (10 × 0.8) = 9.51 → 10 units × 730 h
    const f = sizeFleet(fleetInput(), w, rates);
    expect(rates.avgBilledPerSecond).toBeCloseTo(AVG, 9);
    expect(f.unitsPeak).toBe(10);
    expect(f.paidUnitHours).toBe(7300);
    // work: 100e6 requests ÷ (10 req/s × 3,600) = 2,777.8 unit-hours → 38.05% utilized
    expect(f.usedUnitHours).toBeCloseTo(100e6 / 36_000, 6);
    expect(f.utilization).toBeCloseTo(100e6 / 36_000 / 7300, 9);
  });

  const autoscale = fleetInput({ scaling: 'autoscale' });

  it('an autoscaled fleet runs the whole units each level of demand needs, up to the peak', () => {
    // Peak ÷ average = 2: Q(u) = u², the peak level holds 1/24 at exactly 2, the other 23 levels
    // 1/24 each at (528/529)·(2j + 1)/24 (the slice means, scaled to keep the mean at 1).
    // Units = ⌈38.052 × ratio ÷ 8⌉, at least 1:
    // 1,1,1,2,2,3,3,3,4,4,5,5,5,6,6,7,7,7,8,8,9,9,9 and 10 at the peak = 125 → 125/24 × 730 h.
    let units = 0;
    for (let j = 0; j < 23; j++) {
      units += Math.max(1, Math.ceil((AVG * (528 / 529) * (2 * j + 1)) / 24 / 8));
    }
    units += Math.ceil((2 * AVG) / 8);
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
    // Levels of handProfile(6) (Q(u) = u⁶, the peak 1/24 of the time at 6); units = ⌈demand ÷ 8⌉.
    const spiky = workload({ ...w, peakToAverage: 6 });
    const r = workloadRates(spiky);
    let unitHours = 0;
    for (const l of handProfile(6)) {
      unitHours += l.weight * Math.max(1, Math.ceil((AVG * l.ratio) / 8)) * 730;
    }
    const f = sizeFleet(autoscale, spiky, r);
    expect(f.unitsPeak).toBe(29); // ⌈228.31 ÷ 8⌉
    expect(f.paidUnitHours).toBeCloseTo(unitHours, 6);
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
    const f = sizeFleet(autoscale, bw, r);
    // In-hours demand at the levels of handProfile(2) around 127.86 req/s, at least 1 unit each.
    const avg = 100e6 / (active * 3600);
    let units = 0;
    for (const l of handProfile(2)) units += l.weight * Math.max(1, Math.ceil((avg * l.ratio) / 8));
    expect(f.paidUnitHours).toBeCloseTo(units * active + 1 * (730 - active), 6);
  });

  it('offline batch work fills idle capacity before adding units', () => {
    const bw = workload({
      requests: { count: 100e6, per: 'month' },
      peakToAverage: 2,
      batchShare: 0.3,
      responseCacheHitRate: 0,
    });
    const f = sizeFleet(fleetInput(), bw, workloadRates(bw));
    // interactive peak = 76.10 × 0.7 = 53.27 → ⌈53.27 ÷ 8⌉ = 7 units; batch 30e6 ÷ (20 × 3,600) = 416.7 h fits in idle time
    expect(f.unitsPeak).toBe(7);
    expect(f.batchOverflowUnitHours).toBe(0);
    expect(f.usedUnitHours).toBeCloseTo(70e6 / 36_000 + 30e6 / 72_000, 6);
  });

  it('zero volume keeps only the floor (no reserve for no traffic)', () => {
    const zero = workload({ requests: { count: 0, per: 'month' } });
    const f = sizeFleet(
      fleetInput({ minReplicas: 0, reserveReplicas: 1, scaling: 'autoscale' }),
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
    const c = cloudCost(placement, instance, capacity(2, 2.5), w, rates, bare);
    if (!c.ok) throw new Error(c.reason);
    expect(c.replicasPerInstance).toBe(4);
    expect(c.instancesPeak).toBe(10);
    expect(c.gpusPeak).toBe(80);
    expect(c.monthlyUsd).toBe(10 * 730 * 40); // $292,000
    expect(c.breakdown.gpuUsd + c.breakdown.idleUsd).toBeCloseTo(292_000, 6);
  });

  it('a fixed fleet on a committed term is all committed, paid every hour at its rate', () => {
    const c = cloudCost(
      { ...placement, pricing: 'commit1y', scaling: 'fixed' },
      instance,
      capacity(2, 2.5),
      w,
      rates,
      bare,
    );
    if (!c.ok) throw new Error(c.reason);
    expect(c.monthlyUsd).toBe(10 * 730 * 28);
  });

  it('a pricing model the instance does not publish is refused by name', () => {
    const c = cloudCost(
      { ...placement, pricing: 'spot' },
      instance,
      capacity(2, 2.5),
      w,
      rates,
      bare,
    );
    expect(c).toEqual({ ok: false, reason: 'no spot price published for 8x in test:r1' });
  });
});

describe('owned GPUs', () => {
  // An 8-GPU server at $240,000 drawing 1,000 W beyond its GPUs (8 × 500 W): overhead 0.25,
  // rated 8 × 500 × 1.25 = 5 kW.
  const gpu = testGpu({
    server: { gpus: 8, usd: 240_000, nonGpuPowerW: 1000, source: 'test', asOf: '2026-01-01' },
  });
  const owned = OnpremPlacement.parse({
    kind: 'onprem',
    gpuId: 'test-gpu',
    modelId: 'm',
    amortizationMonths: 36,
    powerUsdPerKwh: 0.1,
    pue: 1.4,
    staffUsdPerMonth: 5000,
  });
  const staffed = { ...bare, staffUsdPerMonth: 5000 };

  it('whole servers: depreciation + capital charge + power × PUE + colocation per kW + staff', () => {
    // 1 req/s per replica (tp 1) → ⌈76.10 ÷ 0.8⌉ = 96 replicas → 96 ÷ 8 = 12 servers, 96 GPUs.
    const c = onpremCost(owned, gpu, capacity(1, 1), w, rates, staffed, 0.1);
    if (!c.ok) throw new Error(c.reason);
    expect(c.serversPeak).toBe(12);
    expect(c.gpusBought).toBe(96);
    expect(c.capexUsd).toBe(12 * 240_000); // $2,880,000
    const util = 100e6 / 3600 / (96 * 730);
    // power: 96 GPUs × 730 h × 500 W × (0.3 + 0.7 × util) × 1.25 × 1.4 ÷ 1,000 kWh × $0.10
    const kwh = (96 * 730 * 500 * (0.3 + 0.7 * util) * 1.25 * 1.4) / 1000;
    expect(c.energyKwh).toBeCloseTo(kwh, 6);
    // depreciation $2,880,000 ÷ 36 = $80,000; annuity at r = 1.1^(1/12) − 1 over 36 months
    const r = 1.1 ** (1 / 12) - 1;
    const annuity = (2_880_000 * r) / (1 - (1 + r) ** -36);
    expect(c.breakdown.capitalChargeUsd).toBeCloseTo(annuity - 80_000, 6);
    // colocation: 12 servers × 5 kW × $184.06
    expect(c.breakdown.colocationUsd).toBeCloseTo(12 * 5 * 184.06, 6);
    const running = kwh * 0.1 + 12 * 5 * 184.06 + 5000;
    expect(c.runUsd).toBeCloseTo(running, 6);
    expect(c.monthlyUsd).toBeCloseTo(annuity + running, 6);
    // The depreciation splits into work and idle by utilization.
    expect(c.breakdown.gpuUsd + c.breakdown.idleUsd).toBeCloseTo(80_000, 6);
  });

  it('autoscaled owned servers keep the hardware but draw power only while running', () => {
    const p = { ...owned, scaling: 'autoscale' as const };
    const c = onpremCost(p, gpu, capacity(1, 1), w, rates, staffed, 0.1);
    if (!c.ok) throw new Error(c.reason);
    // Still 12 servers bought for peak; running servers follow demand at 8 × 0.8 req/s each,
    // over the levels of handProfile(2), at least 1.
    expect(c.serversPeak).toBe(12);
    let servers = 0;
    for (const l of handProfile(2))
      servers += l.weight * Math.max(1, Math.ceil((AVG * l.ratio) / 6.4));
    const runningHours = servers * 730;
    const util = 100e6 / (8 * 3600) / runningHours;
    const kwh = (runningHours * 8 * 500 * (0.3 + 0.7 * util) * 1.25 * 1.4) / 1000;
    expect(c.energyKwh).toBeCloseTo(kwh, 6);
    expect(c.breakdown.powerUsd).toBeCloseTo(kwh * 0.1, 6);
    const fixed = onpremCost(owned, gpu, capacity(1, 1), w, rates, staffed, 0.1);
    if (!fixed.ok) throw new Error(fixed.reason);
    expect(c.energyKwh).toBeLessThan(fixed.energyKwh * 0.8);
    expect(c.capexUsd).toBe(fixed.capexUsd);
  });

  it('a GPU with no server price is refused by name: the bare card is not what a buyer pays', () => {
    const c = onpremCost(owned, testGpu(), capacity(1, 1), w, rates, staffed, 0.1);
    expect(c).toEqual({
      ok: false,
      reason: 'no server price for Test GPU: set serverUsd and gpusPerServer',
    });
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
