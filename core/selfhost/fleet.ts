import type { Workload } from '../schema/workload.ts';
import { HOURS_PER_MONTH, SECONDS_PER_HOUR } from '../units.ts';
import type { WorkloadRates } from '../workload/derive.ts';

export interface FleetInput {
  /** Requests per second one unit (instance or replica) serves at the SLO concurrency. */
  unitRequestsPerSAtSlo: number;
  /** Requests per second one unit serves flat out, for offline batch work. */
  unitRequestsPerSSaturated: number;
  /** Share of the SLO capacity used at peak, leaving headroom for bursts. */
  targetUtilization: number;
  minUnits: number;
  scaling: 'fixed' | 'autoscale';
}

export interface FleetSizing {
  /** Units running at peak (interactive load plus any batch overflow for a fixed fleet). */
  unitsPeak: number;
  /** Unit-hours paid for in a month. */
  paidUnitHours: number;
  /** Unit-hours of work done: interactive at the SLO rate, batch at the saturated rate. */
  usedUnitHours: number;
  utilization: number;
  /** Batch unit-hours that did not fit in spare capacity and were added. */
  batchOverflowUnitHours: number;
}

/** Points of the active-hour demand profile an autoscaled fleet is averaged over. */
const PROFILE_POINTS = 24;
/** Keeps ceil() from adding a unit for floating-point noise (e.g. 8.000000000001 units). */
const CEIL_SLACK = 1e-9;

/** Whole units for a demand, never fewer than the floor; none only when there is no demand. */
function unitsFor(demandRps: number, unitRps: number, minUnits: number): number {
  if (demandRps <= 0) return minUnits;
  return Math.max(minUnits, 1, Math.ceil(demandRps / unitRps - CEIL_SLACK));
}

/** The last profile shape: a sweep (and every month of a growing workload) shares one ratio. */
let lastShape: { ratio: number; points: readonly number[] } | undefined;

/**
 * Demand ÷ average at equally likely moments of the active hours, for a peak ÷ average ratio r.
 * r ≤ 2: uniform between 2 − r and r. Beyond 2 a uniform spread would go below zero, so demand is
 * r · u^(r − 1) for u uniform on [0, 1], whose mean is 1: most of the time well below average,
 * with a short peak. Flat load (r = 1) is 1 throughout.
 */
export function demandProfileShape(ratio: number): readonly number[] {
  if (lastShape?.ratio === ratio) return lastShape.points;
  const points: number[] = [];
  for (let j = 0; j < PROFILE_POINTS; j++) {
    const u = (j + 0.5) / PROFILE_POINTS;
    points.push(ratio <= 2 ? 2 - ratio + u * 2 * (ratio - 1) : ratio * u ** (ratio - 1));
  }
  lastShape = { ratio, points };
  return points;
}

/**
 * Units needed and unit-hours paid. Interactive traffic is sized for its peak at the target
 * utilization. A fixed fleet keeps peak units all month. An autoscaled one runs, at each moment of
 * the active hours, the whole units that moment's demand needs (never fewer than the floor), and
 * the floor outside them. Offline batch work runs at saturated throughput in capacity the
 * interactive load leaves idle, and only what does not fit adds unit-hours.
 */
export function sizeFleet(f: FleetInput, w: Workload, rates: WorkloadRates): FleetSizing {
  const interactiveShare = 1 - w.batchShare;
  const peakRps = rates.peakBilledPerSecond * interactiveShare;
  const avgRps = rates.avgBilledPerSecond * interactiveShare;
  const unitRps = f.unitRequestsPerSAtSlo * f.targetUtilization;
  const activeHours = Math.min(HOURS_PER_MONTH, rates.activeHoursPerMonth);
  const offHours = HOURS_PER_MONTH - activeHours;

  let unitsPeak = unitsFor(peakRps, unitRps, f.minUnits);
  let paid: number;
  if (f.scaling === 'fixed') {
    paid = unitsPeak * HOURS_PER_MONTH;
  } else {
    const shape = demandProfileShape(w.peakToAverage);
    let unitsSum = 0;
    for (const share of shape) unitsSum += unitsFor(avgRps * share, unitRps, f.minUnits);
    paid = (unitsSum / shape.length) * activeHours + f.minUnits * offHours;
  }

  const interactiveRequests = rates.billedRequestsPerMonth * interactiveShare;
  const interactiveHours = interactiveRequests / (f.unitRequestsPerSAtSlo * SECONDS_PER_HOUR);
  const batchRequests = rates.billedRequestsPerMonth * w.batchShare;
  const batchHours =
    batchRequests > 0 ? batchRequests / (f.unitRequestsPerSSaturated * SECONDS_PER_HOUR) : 0;
  const spare = Math.max(0, paid - interactiveHours);
  const overflow = Math.max(0, batchHours - spare);
  if (overflow > 0) {
    if (f.scaling === 'fixed') {
      const extraUnits = Math.ceil(overflow / HOURS_PER_MONTH - CEIL_SLACK);
      unitsPeak += extraUnits;
      paid += extraUnits * HOURS_PER_MONTH;
    } else {
      paid += overflow;
    }
  }
  const used = interactiveHours + batchHours;
  return {
    unitsPeak,
    paidUnitHours: paid,
    usedUnitHours: used,
    utilization: paid > 0 ? Math.min(1, used / paid) : 0,
    batchOverflowUnitHours: overflow,
  };
}
