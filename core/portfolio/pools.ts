import { SECONDS_PER_HOUR, WEEKS_PER_MONTH } from '../units.ts';
import type { Workload } from '../schema/workload.ts';
import { activeSlots, HOURS_PER_WEEK } from './week.ts';

/** Keeps ceil() from adding a replica for floating-point noise. */
const CEIL_SLACK = 1e-9;

/** What a pool needs to know of one member: its load, at the pool's (strictest) SLO. */
export interface PoolMemberLoad {
  id: string;
  schedule: Workload['schedule'];
  /**
   * Replicas (a fraction) the member needs in every one of its active hours: its peak interactive
   * rate at the target utilization, its batch work spread over the active hours at the saturated
   * rate, and any headroom reserve on top. Every active hour is sized for the peak, so each
   * member's SLO holds whenever in its hours the peak falls.
   */
  replicasActive: number;
  /** Spare replicas kept warm (production N+1: 1; an experiment: 0). */
  reserveReplicas: number;
  /** Replicas kept at all times (the autoscaling floor; 0 with idle shutdown). */
  floorReplicas: number;
  /** GPU-seconds of work a month: requests ÷ a replica's rate × the replica's GPUs. */
  usedGpuSeconds: number;
}

/** The unit a pool rents: an instance of the shared type. */
export interface PoolUnit {
  replicasPerUnit: number;
  gpusPerUnit: number;
  usdPerHour: number;
  /** Committed or fixed capacity holds its peak units every hour. */
  fixed: boolean;
}

export interface PoolSizing {
  /** Units running in each hour of the week. */
  unitsByHour: number[];
  unitsPeak: number;
  /** The fleet's rent a month (every hour of the week × weeks a month). */
  fleetUsd: number;
  /** GPU-seconds paid for a month. */
  paidGpuSeconds: number;
}

function unitsFor(replicas: number, perUnit: number): number {
  return replicas <= 0 ? 0 : Math.ceil(replicas / perUnit - CEIL_SLACK);
}

/**
 * One fleet serving `members` together, hour by hour of the week: their demands add before
 * rounding to whole replicas, the reserve is the largest member's (one spare covers the pool), the
 * floor the highest. A single member is its own separate fleet on the same terms.
 */
export function sizePool(members: readonly PoolMemberLoad[], unit: PoolUnit): PoolSizing {
  const active = members.map((m) => activeSlots(m.schedule));
  const floor = Math.max(0, ...members.map((m) => m.floorReplicas));
  const reserve = Math.max(0, ...members.map((m) => m.reserveReplicas));
  let unitsByHour: number[] = [];
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    let demand = 0;
    members.forEach((m, i) => {
      if (active[i]![h]) demand += m.replicasActive;
    });
    const serving = demand <= 0 ? 0 : Math.ceil(demand - CEIL_SLACK);
    unitsByHour.push(unitsFor(Math.max(floor, serving) + reserve, unit.replicasPerUnit));
  }
  const unitsPeak = Math.max(0, ...unitsByHour);
  if (unit.fixed) unitsByHour = unitsByHour.map(() => unitsPeak);
  const unitHoursWeek = unitsByHour.reduce((a, b) => a + b, 0);
  const unitHoursMonth = unitHoursWeek * WEEKS_PER_MONTH;
  return {
    unitsByHour,
    unitsPeak,
    fleetUsd: unitHoursMonth * unit.usdPerHour,
    paidGpuSeconds: unitHoursMonth * unit.gpusPerUnit * SECONDS_PER_HOUR,
  };
}

export interface PoolSaving {
  /** Σ of each member's own fleet, and the pool's, a month (the same hour-of-week model). */
  separateFleetUsd: number;
  pooledFleetUsd: number;
  /** What pooling saves a month: never below 0 (a pool never needs more than its members apart). */
  savingUsd: number;
  pooled: PoolSizing;
}

/** The pool against its members' separate fleets, on the same terms. */
export function poolSaving(members: readonly PoolMemberLoad[], unit: PoolUnit): PoolSaving {
  const pooled = sizePool(members, unit);
  const separateFleetUsd = members.reduce((sum, m) => sum + sizePool([m], unit).fleetUsd, 0);
  return {
    separateFleetUsd,
    pooledFleetUsd: pooled.fleetUsd,
    savingUsd: Math.max(0, separateFleetUsd - pooled.fleetUsd),
    pooled,
  };
}
