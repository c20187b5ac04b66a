/**
 * A rented fleet on a committed base: some instances committed for a 1- or 3-year term (paid every
 * hour of it, partly upfront where the instance prices that), the rest of the demand served on
 * demand or on spot. A unit is worth committing when the share of the month it would otherwise run
 * on demand is above the term's break-even utilization: its effective committed rate ÷ the rate of
 * what it replaces.
 */
import type { DeploymentTerms } from '../selfhost/deployment.ts';
import { loadHours } from '../selfhost/deployment.ts';
import type { FleetLevels } from '../selfhost/fleet.ts';
import type { Instance } from '../schema/catalog.ts';
import type { BurstPricing, CommitTerm, Payment } from '../schema/procurement.ts';
import { HOURS_PER_MONTH } from '../units.ts';

/** One way to pay for a committed instance: upfront, hourly, and what that makes an hour. */
export interface CommitRate {
  term: CommitTerm;
  payment: Payment;
  termMonths: number;
  /** Paid at the start of the term per instance, USD. */
  upfrontUsd: number;
  /** Paid every hour of the term per instance, USD. */
  usdPerHour: number;
  /** upfront ÷ the term's hours + the hourly rate. */
  effectiveUsdPerHour: number;
  source: string;
  asOf: string;
}

/** Months a committed term runs. */
export function termMonths(term: CommitTerm): number {
  return term === 'commit3y' ? 36 : 12;
}

/**
 * Every way the instance prices a term: the no-upfront rate (`usdPerHour[term]`) and any upfront
 * options, cheapest effective rate first. Empty when the term is not priced.
 */
export function commitRates(instance: Instance, term: CommitTerm): CommitRate[] {
  const months = termMonths(term);
  const hours = months * HOURS_PER_MONTH;
  const out: CommitRate[] = [];
  const noUpfront = instance.usdPerHour[term];
  if (noUpfront !== undefined) {
    out.push({
      term,
      payment: 'noUpfront',
      termMonths: months,
      upfrontUsd: 0,
      usdPerHour: noUpfront,
      effectiveUsdPerHour: noUpfront,
      source: instance.source,
      asOf: instance.asOf,
    });
  }
  for (const o of instance.commitmentOptions ?? []) {
    if (o.term !== term) continue;
    out.push({
      term,
      payment: o.payment,
      termMonths: months,
      upfrontUsd: o.upfrontUsd,
      usdPerHour: o.usdPerHour,
      effectiveUsdPerHour: o.upfrontUsd / hours + o.usdPerHour,
      source: o.source,
      asOf: o.asOf,
    });
  }
  return out.sort((a, b) => a.effectiveUsdPerHour - b.effectiveUsdPerHour);
}

/**
 * The payment option to plan with. Undiscounted objectives take the lowest effective rate; NPV
 * takes the lowest present cost of a unit's term at the annual discount rate (an upfront sum is
 * paid at the start, hourly charges month by month), so a high rate can favour paying as you go.
 */
export function chosenRate(
  rates: readonly CommitRate[],
  byPresentValue: boolean,
  discountRateAnnual: number,
): CommitRate | undefined {
  if (!byPresentValue || rates.length < 2) return rates[0];
  const monthly = 1 / Math.pow(1 + discountRateAnnual, 1 / 12);
  let best: CommitRate | undefined;
  let bestPv = Number.POSITIVE_INFINITY;
  for (const r of rates) {
    // Σ_{m=1..T} d^m: each month's hourly charges at the month's end.
    const annuity = (monthly * (1 - Math.pow(monthly, r.termMonths))) / (1 - monthly);
    const pv = r.upfrontUsd + r.usdPerHour * HOURS_PER_MONTH * annuity;
    if (pv < bestPv) {
      best = r;
      bestPv = pv;
    }
  }
  return best;
}

/**
 * What an hour of burst capacity costs: the on-demand rate, or spot with its interruptions (each
 * moves an instance's work to on-demand for the fallback hours and pays a reload). Undefined when
 * spot is asked for and the instance has no spot price.
 */
export function burstUsdPerHour(
  instance: Instance,
  burst: BurstPricing,
  terms: DeploymentTerms,
): number | undefined {
  const onDemand = instance.usdPerHour.onDemand;
  if (burst === 'onDemand') return onDemand;
  const spot = instance.usdPerHour.spot;
  if (spot === undefined) return undefined;
  const perInterruption = terms.spotFallbackHours * (onDemand - spot) + loadHours(terms) * onDemand;
  return spot + (terms.spotInterruptionsPerMonth / HOURS_PER_MONTH) * Math.max(0, perInterruption);
}

/**
 * The share of a month the k-th unit (1-based) of the fleet runs: the active hours at levels that
 * need at least k units, and the hours outside them when the warm units reach k.
 */
export function unitTimeShare(levels: FleetLevels, k: number): number {
  let weight = 0;
  for (let j = levels.units.length - 1; j >= 0; j--) {
    if ((levels.units[j] as number) < k) break;
    weight += levels.weights[j] as number;
  }
  const off = levels.warmUnits >= k ? levels.offHours : 0;
  return (weight * levels.activeHours + off) / HOURS_PER_MONTH;
}

/**
 * How many units to commit over a term whose months run at `months` (a steady workload: one): the
 * largest k whose average share of the term's hours running is above the break-even utilization.
 * Each unit's share falls as k grows, so the count is found by bisection (within `atLeast` …
 * `atMost` when the answer is known to lie there).
 */
export function committedLevel(
  months: readonly FleetLevels[],
  breakEven: number,
  atLeast = 0,
  atMost = Number.POSITIVE_INFINITY,
): number {
  let hi = 0;
  for (const l of months) hi = Math.max(hi, l.peakUnits);
  hi = Math.min(hi, atMost);
  let lo = Math.min(atLeast, hi);
  while (lo < hi) {
    const k = Math.ceil((lo + hi) / 2);
    let share = 0;
    for (const l of months) share += unitTimeShare(l, k);
    if (share / months.length > breakEven + 1e-12) lo = k;
    else hi = k - 1;
  }
  return lo;
}

/** A month of a fleet on a committed base: the committed part and the burst part. */
export interface CommitSplit {
  units: number;
  /** Committed instance-hours (every hour of the month) and their cost at the effective rate. */
  committedHours: number;
  committedUsd: number;
  /** Of `committedUsd`: the hourly charges, and the month's share of the upfront sums. */
  recurringUsd: number;
  upfrontShareUsd: number;
  /** Instance-hours above the base (on demand or spot), with their warm-ups, and their cost. */
  burstHours: number;
  burstUsd: number;
}

/**
 * The burst hours `units` committed save a month: what the fleet would otherwise pay on demand
 * (or spot). Their share of the committed hours is the utilization the workload gives them.
 */
export function savedHours(l: FleetLevels, units: number, burst: number): number {
  return units === 0 ? 0 : burstHours(l, 0) - burst;
}

/**
 * Instance-hours a month needs above `units` committed: the active-hour levels above it, the warm
 * units above it outside the active hours, the warm-up of units started in the day's climb (a
 * committed unit never stops), and offline batch work that the fleet's idle hours (committed ones
 * included) cannot absorb.
 */
export function burstHours(l: FleetLevels, units: number): number {
  let above = 0;
  let running = 0;
  for (let j = 0; j < l.units.length; j++) {
    const u = l.units[j] as number;
    const w = l.weights[j] as number;
    above += w * Math.max(0, u - units);
    running += w * Math.max(u, units);
  }
  above *= l.activeHours;
  running *= l.activeHours;
  above += l.offHours * Math.max(0, l.warmUnits - units);
  running += l.offHours * Math.max(l.warmUnits, units);
  const warmUp = Math.max(0, l.peakUnits - Math.max(l.lowUnits, units)) * l.warmUpHoursPerUnit;
  const spare = Math.max(0, running - l.interactiveHours);
  return above + warmUp + Math.max(0, l.batchHours - spare);
}

/** Writes a month's split into `out`: `units` committed at `rate`, the rest at `burstUsdPerHour`. */
export function splitMonth(
  l: FleetLevels,
  units: number,
  rate: CommitRate,
  burstRate: number,
  out: CommitSplit,
): CommitSplit {
  const burst = burstHours(l, units);
  out.units = units;
  out.committedHours = units * HOURS_PER_MONTH;
  out.recurringUsd = out.committedHours * rate.usdPerHour;
  out.upfrontShareUsd = (units * rate.upfrontUsd) / rate.termMonths;
  out.committedUsd = out.recurringUsd + out.upfrontShareUsd;
  out.burstHours = burst;
  out.burstUsd = burst * burstRate;
  return out;
}

/**
 * The share of each month's hours each unit runs, summed month by month, for planning committed
 * terms over a growing (or shrinking) horizon: a unit's average share over any term is then two
 * reads. Months 1…H, and one month standing for every month after the horizon.
 */
export interface TermShares {
  horizonMonths: number;
  maxUnits: number;
  /** cum[k · (H + 1) + t] = Σ_{τ ≤ t} share of unit k in month τ (t = 0…H). */
  cum: Float64Array;
  /** Share of unit k in each month after the horizon. */
  after: Float64Array;
}

/** Units above which a term's shares are searched month by month instead of tabled. */
export const MAX_TABLED_UNITS = 4096;

/** Tables the shares of `levels[1…H]` (index 0 unused) and of the months after the horizon. */
export function termShares(levels: readonly FleetLevels[], after: FleetLevels): TermShares {
  const h = levels.length - 1;
  let max = after.peakUnits;
  for (let t = 1; t <= h; t++) max = Math.max(max, (levels[t] as FleetLevels).peakUnits);
  const cols = h + 1;
  const cum = new Float64Array((max + 1) * cols);
  const row = new Float64Array(max + 1);
  for (let t = 1; t <= h; t++) {
    sharesByUnit(levels[t] as FleetLevels, row);
    for (let k = 1; k <= max; k++)
      cum[k * cols + t] = (cum[k * cols + t - 1] as number) + (row[k] as number);
  }
  const tail = new Float64Array(max + 1);
  sharesByUnit(after, tail);
  return { horizonMonths: h, maxUnits: max, cum, after: tail };
}

/** Writes into `out[k]` (k ≥ 1) the share of the month unit k runs; zero past the month's peak. */
function sharesByUnit(l: FleetLevels, out: Float64Array): void {
  out.fill(0);
  let weight = 0;
  let j = l.units.length - 1;
  for (let k = Math.min(l.peakUnits, out.length - 1); k >= 1; k--) {
    while (j >= 0 && (l.units[j] as number) >= k) weight += l.weights[j--] as number;
    const off = l.warmUnits >= k ? l.offHours : 0;
    out[k] = (weight * l.activeHours + off) / HOURS_PER_MONTH;
  }
}

/**
 * The units worth committing for a term of `termMonths` from month `from`: the largest k whose
 * average share over the term is above the break-even utilization (as committedLevel, tabled).
 */
export function committedOverTerm(
  s: TermShares,
  from: number,
  termMonths: number,
  breakEven: number,
): number {
  const cols = s.horizonMonths + 1;
  const end = from + termMonths - 1;
  const last = Math.min(end, s.horizonMonths);
  const beyond = Math.max(0, end - s.horizonMonths);
  // Bisection on k, written out (no closure: this runs once per month of every candidate).
  let lo = 0;
  let hi = s.maxUnits;
  while (lo < hi) {
    const k = Math.ceil((lo + hi) / 2);
    const inside =
      last >= from
        ? (s.cum[k * cols + last] as number) - (s.cum[k * cols + from - 1] as number)
        : 0;
    if ((inside + beyond * (s.after[k] as number)) / termMonths > breakEven + 1e-12) lo = k;
    else hi = k - 1;
  }
  return lo;
}
