import type { Workload } from '../schema/workload.ts';
import { HOURS_PER_MONTH, SECONDS_PER_HOUR, WEEKS_PER_MONTH } from '../units.ts';
import type { WorkloadRates } from '../workload/derive.ts';

export interface FleetInput {
  /** Requests per second one replica serves at the SLO concurrency. */
  replicaRequestsPerSAtSlo: number;
  /** Requests per second one replica serves flat out, for offline batch work. */
  replicaRequestsPerSSaturated: number;
  /**
   * Replicas one unit holds: the unit is what is rented or bought (an instance, a server). Below 1
   * when a replica spans several units (½: a replica on two servers).
   */
  replicasPerUnit: number;
  /** Share of the SLO capacity used at peak, leaving headroom for bursts. */
  targetUtilization: number;
  /** Autoscaling floor: replicas serving at all times. */
  minReplicas: number;
  /** Spare replicas kept warm above what demand needs (N+1: one), while there is traffic. */
  reserveReplicas: number;
  /** Extra capacity as a share of demand (a headroom reserve instead of spare replicas). */
  reserveHeadroom: number;
  /** Hours to bring up a new replica (weights load and engine start); paid, not serving. */
  loadHours: number;
  scaling: 'fixed' | 'autoscale';
}

export interface FleetSizing {
  /** Units running at peak (interactive load plus any batch overflow for a fixed fleet). */
  unitsPeak: number;
  /** Replicas at peak, the reserve included. */
  replicasPeak: number;
  /** Replicas of `replicasPeak` that are reserve (N+1's spare, or the headroom share). */
  reserveReplicas: number;
  /** Units the fleet never goes below (the floor and the reserve), warm all month. */
  unitsWarm: number;
  /** Unit-hours paid for in a month. */
  paidUnitHours: number;
  /** Unit-hours paid while new replicas load their weights (autoscaling up, or up from zero). */
  warmUpUnitHours: number;
  /** Unit-hours of work done: interactive at the SLO rate, batch at the saturated rate. */
  usedUnitHours: number;
  utilization: number;
  /** Batch unit-hours that did not fit in spare capacity and were added. */
  batchOverflowUnitHours: number;
  /** The units each hour of the month runs, for planning a committed base; when asked for. */
  levels: FleetLevels | null;
}

/**
 * How many units a fleet runs through the month: what a committed base is planned on. Units at
 * or below a committed base are never stopped, so they neither idle on demand nor warm up.
 */
export interface FleetLevels {
  /** Units at each level of the active hours, ascending; `weights` are their shares of those hours. */
  units: Float64Array;
  weights: Float64Array;
  activeHours: number;
  /** Hours outside the active ones, when only the warm units run. */
  offHours: number;
  warmUnits: number;
  /** The units the day's climb starts from; every unit above them is started (and loads) daily. */
  lowUnits: number;
  peakUnits: number;
  /** Hours a unit started in the day's climb is paid while it loads, over a month. */
  warmUpHoursPerUnit: number;
  /** Unit-hours of interactive work and of offline batch work (at saturated throughput). */
  interactiveHours: number;
  batchHours: number;
}

/** Points of the active-hour demand profile an autoscaled fleet is averaged over. */
const PROFILE_POINTS = 24;
/** Keeps ceil() from adding a unit for floating-point noise (e.g. 8.000000000001 units). */
const CEIL_SLACK = 1e-9;

/** Demand ÷ average at moments of the active hours, each with the share of time it holds. */
export interface DemandProfile {
  /** Share of the active hours at each level; sums to 1. */
  readonly weights: Float64Array;
  /** Demand ÷ average at each level, ascending; the last is the peak ratio itself. */
  readonly ratios: Float64Array;
}

/** The last profile: a sweep (and every month of a growing workload) shares one ratio. */
let lastProfile: { ratio: number; profile: DemandProfile } | undefined;

/**
 * The spread of demand over the active hours for a peak ÷ average ratio r, as weighted levels whose
 * mean is exactly 1 and whose top is exactly r (the fleet is sized for the stated peak).
 *
 * The shape: r ≤ 2, uniform between 2 − r and r; beyond 2 a uniform spread would go below zero, so
 * demand is r · u^(r − 1) for u uniform on [0, 1] (mostly well below average, a short peak). The
 * peak is a level of its own holding 1/24 of the time (at most 1/(2r), so it never carries more
 * than half the volume); the other 23 levels are the shape's means over equal slices of the rest,
 * scaled so the whole mean stays 1. Flat load (r = 1) is 1 throughout.
 */
export function demandProfile(ratio: number): DemandProfile {
  if (lastProfile?.ratio === ratio) return lastProfile.profile;
  const r = ratio;
  const topWeight = Math.min(1 / PROFILE_POINTS, 1 / (2 * r));
  // Q(u) = ∫₀ᵘ shape: the volume below the u-th quantile of time.
  const volumeBelow = (u: number) => (r <= 2 ? (2 - r) * u + (r - 1) * u * u : u ** r);
  const scale = (1 - topWeight * r) / volumeBelow(1 - topWeight);
  const weights = new Float64Array(PROFILE_POINTS);
  const ratios = new Float64Array(PROFILE_POINTS);
  const slice = (1 - topWeight) / (PROFILE_POINTS - 1);
  for (let j = 0; j < PROFILE_POINTS - 1; j++) {
    const a = j * slice;
    const b = (j + 1) * slice;
    weights[j] = slice;
    ratios[j] = (scale * (volumeBelow(b) - volumeBelow(a))) / slice;
  }
  weights[PROFILE_POINTS - 1] = topWeight;
  ratios[PROFILE_POINTS - 1] = r;
  const profile = { weights, ratios };
  lastProfile = { ratio, profile };
  return profile;
}

/** Replicas serving a demand with a headroom share on top, never fewer than the floor. */
function servingReplicas(demandRps: number, replicaRps: number, floor: number, headroom: number) {
  const serving =
    demandRps <= 0 ? 0 : Math.ceil((demandRps * (1 + headroom)) / replicaRps - CEIL_SLACK);
  return Math.max(floor, serving);
}

/** Whole units for a number of replicas. */
function unitsFor(replicas: number, replicasPerUnit: number): number {
  return replicas <= 0 ? 0 : Math.ceil(replicas / replicasPerUnit - CEIL_SLACK);
}

/**
 * Units needed and unit-hours paid. Interactive traffic is sized for its peak at the target
 * utilization, plus the reserve. A fixed fleet keeps peak units all month. An autoscaled one runs,
 * at each level of the demand profile, the whole units that demand needs (never fewer than the
 * floor, always with the reserve), and the floor and reserve outside the active hours. A new
 * replica serves only after its load time: each level is sized for the demand it will reach by
 * then (demand taken to rise from its low to its peak over half the active day), and every
 * replica started in the day's climb (from zero, for a fleet that scales to zero) is paid for its
 * load time. Offline batch work runs at saturated throughput in capacity the interactive load
 * leaves idle, and only what does not fit adds unit-hours.
 */
export function sizeFleet(
  f: FleetInput,
  w: Workload,
  rates: WorkloadRates,
  withLevels = false,
  out?: FleetSizing,
): FleetSizing {
  const interactiveShare = 1 - w.batchShare;
  const peakRps = rates.peakBilledPerSecond * interactiveShare;
  const avgRps = rates.avgBilledPerSecond * interactiveShare;
  const replicaRps = f.replicaRequestsPerSAtSlo * f.targetUtilization;
  const perUnit = f.replicasPerUnit;
  const activeHours = Math.min(HOURS_PER_MONTH, rates.activeHoursPerMonth);
  const offHours = HOURS_PER_MONTH - activeHours;
  const reserve = peakRps > 0 ? f.reserveReplicas : 0;

  const floor = f.minReplicas;
  const headroom = f.reserveHeadroom;
  const replicasPeak = servingReplicas(peakRps, replicaRps, floor, headroom) + reserve;
  let unitsPeak = unitsFor(replicasPeak, perUnit);
  const unitsWarm = unitsFor(f.minReplicas + reserve, perUnit);
  let paid: number;
  let warmUp = 0;
  let levels: FleetLevels | null = null;
  if (f.scaling === 'fixed') {
    paid = unitsPeak * HOURS_PER_MONTH;
  } else {
    const { weights, ratios } = demandProfile(w.peakToAverage);
    const rampHours = w.schedule.hoursPerDay / 2;
    const lead = (peakRps - avgRps * (ratios[0] as number)) * Math.min(1, f.loadHours / rampHours);
    const levelUnits = withLevels ? new Float64Array(weights.length) : null;
    let unitsSum = 0;
    let unitsLow = Number.POSITIVE_INFINITY;
    // Levels ascend and no level's demand is above the peak's, so once a level needs the peak's
    // units every level above it does too: those are not sized again (most fleets are small
    // enough that the floor and reserve already fill their peak units at the lowest level).
    // Replicas change only a few times over the levels: their units are worked out when they do.
    let units = -1;
    let replicasBefore = -1;
    for (let j = 0; j < weights.length; j++) {
      if (units !== unitsPeak) {
        const demand = Math.min(peakRps, avgRps * (ratios[j] as number) + lead);
        const replicas = servingReplicas(demand, replicaRps, floor, headroom) + reserve;
        if (replicas !== replicasBefore) {
          units = unitsFor(replicas, perUnit);
          replicasBefore = replicas;
        }
      }
      unitsSum += (weights[j] as number) * units;
      if (units < unitsLow) unitsLow = units;
      if (levelUnits !== null) levelUnits[j] = units;
    }
    // Outside the active hours only the warm units run; the day's climb starts from there.
    if (offHours > 0) unitsLow = unitsWarm;
    const activeDays = w.schedule.daysPerWeek * WEEKS_PER_MONTH;
    warmUp = Math.max(0, unitsPeak - unitsLow) * f.loadHours * activeDays;
    paid = unitsSum * activeHours + unitsWarm * offHours + warmUp;
    if (levelUnits !== null) {
      levels = {
        units: levelUnits,
        weights,
        activeHours,
        offHours,
        warmUnits: unitsWarm,
        lowUnits: unitsLow,
        peakUnits: unitsPeak,
        warmUpHoursPerUnit: f.loadHours * activeDays,
        interactiveHours: 0,
        batchHours: 0,
      };
    }
  }

  const unitRps = f.replicaRequestsPerSAtSlo * perUnit;
  const interactiveRequests = rates.billedRequestsPerMonth * interactiveShare;
  const interactiveHours = interactiveRequests / (unitRps * SECONDS_PER_HOUR);
  const batchRequests = rates.billedRequestsPerMonth * w.batchShare;
  const batchHours =
    batchRequests > 0
      ? batchRequests / (f.replicaRequestsPerSSaturated * perUnit * SECONDS_PER_HOUR)
      : 0;
  const spare = Math.max(0, paid - warmUp - interactiveHours);
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
  if (levels !== null) {
    levels.interactiveHours = interactiveHours;
    levels.batchHours = batchHours;
  } else if (withLevels) {
    // A fixed fleet runs its peak units (batch overflow included) every hour.
    levels = {
      units: new Float64Array([unitsPeak]),
      weights: new Float64Array([1]),
      activeHours: HOURS_PER_MONTH,
      offHours: 0,
      warmUnits: unitsPeak,
      lowUnits: unitsPeak,
      peakUnits: unitsPeak,
      warmUpHoursPerUnit: 0,
      interactiveHours: 0,
      batchHours: 0,
    };
  }
  const reserveReplicas = replicasPeak - servingReplicas(peakRps, replicaRps, f.minReplicas, 0);
  const utilization = paid > 0 ? Math.min(1, used / paid) : 0;
  if (out === undefined) {
    return {
      unitsPeak,
      replicasPeak,
      reserveReplicas,
      unitsWarm,
      paidUnitHours: paid,
      warmUpUnitHours: warmUp,
      usedUnitHours: used,
      utilization,
      batchOverflowUnitHours: overflow,
      levels,
    };
  }
  // Into the caller's sizing (a growth series sizes one fleet month after month).
  out.unitsPeak = unitsPeak;
  out.replicasPeak = replicasPeak;
  out.reserveReplicas = reserveReplicas;
  out.unitsWarm = unitsWarm;
  out.paidUnitHours = paid;
  out.warmUpUnitHours = warmUp;
  out.usedUnitHours = used;
  out.utilization = utilization;
  out.batchOverflowUnitHours = overflow;
  out.levels = levels;
  return out;
}
