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

/**
 * Units needed and unit-hours paid. Interactive traffic is sized for its peak at the target
 * utilization. A fixed fleet keeps peak units all month; an autoscaled one averages the active-hour
 * demand (plus half a unit for whole-unit steps) and keeps the floor outside active hours. Offline
 * batch work runs at saturated throughput in capacity the interactive load leaves idle, and only
 * what does not fit adds unit-hours.
 */
export function sizeFleet(f: FleetInput, w: Workload, rates: WorkloadRates): FleetSizing {
  const interactiveShare = 1 - w.batchShare;
  const peakRps = rates.peakBilledPerSecond * interactiveShare;
  const avgRps = rates.avgBilledPerSecond * interactiveShare;
  const unitRps = f.unitRequestsPerSAtSlo * f.targetUtilization;
  const activeHours = Math.min(HOURS_PER_MONTH, rates.activeHoursPerMonth);
  const offHours = HOURS_PER_MONTH - activeHours;

  let unitsPeak = peakRps > 0 ? Math.max(f.minUnits, Math.ceil(peakRps / unitRps)) : f.minUnits;
  let paid: number;
  if (f.scaling === 'fixed') {
    paid = unitsPeak * HOURS_PER_MONTH;
  } else {
    const avgUnits = avgRps > 0 ? Math.min(unitsPeak, avgRps / unitRps + 0.5) : 0;
    paid = Math.max(f.minUnits, avgUnits) * activeHours + f.minUnits * offHours;
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
      const extraUnits = Math.ceil(overflow / HOURS_PER_MONTH);
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
