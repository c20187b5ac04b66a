import type { Workload } from '../schema/workload.ts';
import { HOURS_PER_MONTH, SECONDS_PER_HOUR, WEEKS_PER_MONTH } from '../units.ts';
import type { WorkloadRates } from '../workload/derive.ts';

/**
 * The calendar constants as this module's own: run by tsx (the CLI, `npm run bench`) the modules
 * are CommonJS, where each read of an import is a getter call, and a sizing read them five times.
 */
const MONTH_HOURS = HOURS_PER_MONTH;
const HOUR_SECONDS = SECONDS_PER_HOUR;
const MONTH_WEEKS = WEEKS_PER_MONTH;

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

/**
 * The last profile: a sweep (and every month of a growing workload) shares one ratio. With it,
 * what a fleet at the same units on every level sums to (Σ weight × units, added level by level
 * as the sizing does), by units: most fleets are such, and the sum is the same for all of them.
 */
let lastProfile: { ratio: number; profile: DemandProfile; flatSums: number[] } | undefined;
/** Flat fleets up to this many units keep their level sum. */
const FLAT_SUMS_KEPT = 1024;

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
  return keptProfile(ratio).profile;
}

function keptProfile(ratio: number): NonNullable<typeof lastProfile> {
  if (lastProfile?.ratio === ratio) return lastProfile;
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
  lastProfile = { ratio, profile: { weights, ratios }, flatSums: [] };
  return lastProfile;
}

/** Σ weight × `units` over the profile's levels, in the order the sizing adds them. */
function flatLevelsSum(kept: NonNullable<typeof lastProfile>, units: number): number {
  const known = kept.flatSums[units];
  if (known !== undefined) return known;
  const weights = kept.profile.weights;
  let sum = 0;
  for (let j = 0; j < weights.length; j++) sum += (weights[j] as number) * units;
  if (Number.isInteger(units) && units >= 0 && units < FLAT_SUMS_KEPT) kept.flatSums[units] = sum;
  return sum;
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
  const activeHours = Math.min(MONTH_HOURS, rates.activeHoursPerMonth);
  const offHours = MONTH_HOURS - activeHours;
  const reserve = peakRps > 0 ? f.reserveReplicas : 0;

  const floor = f.minReplicas;
  const headroom = f.reserveHeadroom;
  const servingPeak = servingReplicas(peakRps, replicaRps, floor, headroom);
  const replicasPeak = servingPeak + reserve;
  let unitsPeak = unitsFor(replicasPeak, perUnit);
  const unitsWarm = unitsFor(f.minReplicas + reserve, perUnit);
  let paid: number;
  let warmUp = 0;
  let levels: FleetLevels | null = null;
  if (f.scaling === 'fixed') {
    paid = unitsPeak * MONTH_HOURS;
  } else {
    const kept = keptProfile(w.peakToAverage);
    const { weights, ratios } = kept.profile;
    const rampHours = w.schedule.hoursPerDay / 2;
    const lead = (peakRps - avgRps * (ratios[0] as number)) * Math.min(1, f.loadHours / rampHours);
    const levelUnits = withLevels ? new Float64Array(weights.length) : null;
    // Levels ascend and no level's demand is above the peak's, so once a level needs the peak's
    // units every level above it does too: those are not sized again (most fleets are small
    // enough that the floor and reserve already fill their peak units at the lowest level, and
    // then the levels' sum is the profile's for those units).
    // Replicas change only a few times over the levels: their units are worked out when they do.
    let replicasBefore =
      servingReplicas(
        Math.min(peakRps, avgRps * (ratios[0] as number) + lead),
        replicaRps,
        floor,
        headroom,
      ) + reserve;
    let units = unitsFor(replicasBefore, perUnit);
    let unitsSum = 0;
    let unitsLow = units;
    if (units === unitsPeak) {
      unitsSum = flatLevelsSum(kept, units);
      levelUnits?.fill(units);
    } else {
      for (let j = 0; j < weights.length; j++) {
        if (j > 0 && units !== unitsPeak) {
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
    }
    // Outside the active hours only the warm units run; the day's climb starts from there.
    if (offHours > 0) unitsLow = unitsWarm;
    const activeDays = w.schedule.daysPerWeek * MONTH_WEEKS;
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
  const interactiveHours = interactiveRequests / (unitRps * HOUR_SECONDS);
  const batchRequests = rates.billedRequestsPerMonth * w.batchShare;
  const batchHours =
    batchRequests > 0
      ? batchRequests / (f.replicaRequestsPerSSaturated * perUnit * HOUR_SECONDS)
      : 0;
  const spare = Math.max(0, paid - warmUp - interactiveHours);
  const overflow = Math.max(0, batchHours - spare);
  if (overflow > 0) {
    if (f.scaling === 'fixed') {
      const extraUnits = Math.ceil(overflow / MONTH_HOURS - CEIL_SLACK);
      unitsPeak += extraUnits;
      paid += extraUnits * MONTH_HOURS;
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
      activeHours: MONTH_HOURS,
      offHours: 0,
      warmUnits: unitsPeak,
      lowUnits: unitsPeak,
      peakUnits: unitsPeak,
      warmUpHoursPerUnit: 0,
      interactiveHours: 0,
      batchHours: 0,
    };
  }
  // Without a headroom share the peak's serving replicas are those sized above.
  const servingWithout =
    headroom === 0 ? servingPeak : servingReplicas(peakRps, replicaRps, floor, 0);
  const reserveReplicas = replicasPeak - servingWithout;
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
