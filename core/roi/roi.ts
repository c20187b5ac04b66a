import { WEEKS_PER_MONTH } from '../units.ts';
import type { CapexSchedule } from './blocks.ts';

export interface RoiInput {
  /** Value created in month m (1-based) at full service, USD. */
  valueUsdInMonth: (month: number) => number;
  /** Run cost in month m at full service, USD (owned hardware: without its capex). */
  costUsdInMonth: (month: number) => number;
  setupUsd: number;
  /**
   * Cash paid for hardware bought at the start of month m (m = 1 is the decision): owned capacity is
   * paid when bought, not spread over its life.
   */
  capexUsdAtStartOf?: ((month: number) => number) | undefined;
  /** Straight-line book value of owned hardware at the horizon, credited at its end. */
  residualUsd?: number | undefined;
  /** Commitment still owed after the horizon when the service ends there (a time-boxed experiment). */
  strandedUsd?: number | undefined;
  weeksToLaunch: number;
  horizonMonths: number;
  discountRateAnnual: number;
  /** Also return the month-by-month cumulative series (for charts); off in sweeps. */
  withSeries?: boolean;
  /** Requests month m serves at full service (its growth), for the series. */
  requestsInMonth?: ((month: number) => number) | undefined;
}

/** One month of the ROI series: running totals at its end, and what the month itself paid. */
export interface RoiMonth {
  month: number;
  /** Cumulative value and cumulative cash cost (setup, hardware when paid) at the month's end. */
  valueUsd: number;
  costUsd: number;
  /** The month's run cost: its served share at its volume and prices. */
  runUsd: number;
  /** Hardware paid at the month's start. */
  capexUsd: number;
  /** Commitment owed past the horizon, counted in its last month (a time-boxed experiment). */
  strandedUsd: number;
  /** Requests served in the month (its served share); null when the caller gave no volumes. */
  requests: number | null;
}

export interface Roi {
  /** Value − run cost in the first full month of service. */
  netMonthlyUsd: number;
  /** First month (1-based, counted from the decision) in which cumulative net ≥ 0; null if never. */
  paybackMonth: number | null;
  npvUsd: number;
  /** (total value − total cost incl. setup) ÷ total cost, over the horizon; null with no cost. */
  roi: number | null;
  timeToValueWeeks: number;
  totalValueUsd: number;
  /** Cash paid over the horizon: setup, hardware when bought, run costs, any stranded commitment. */
  totalCostUsd: number;
  /**
   * Undiscounted total cost of ownership over the horizon: setup + hardware bought − its book
   * value left at the horizon + run costs (+ a stranded commitment). What `roi` divides by.
   */
  tcoUsd: number;
  /** Hardware bought over the horizon (refreshes included), and its book value left at the end. */
  capexUsd: number;
  residualUsd: number;
  /** Month by month: cumulative value and cash cost (setup, capex when paid), and each month's parts. */
  cumulative: RoiMonth[] | null;
}

/**
 * Month-by-month cash view over the horizon. Setup is paid at the start; hardware at the start of
 * the month it is bought; service starts after the launch weeks (a month partly in service earns
 * and costs that part). NPV discounts month m's value and run cost by (1 + r)^(m/12), cash at the
 * start of month m by (1 + r)^((m − 1)/12), and credits the book value left at the horizon.
 * Payback counts cash only (the book value is not cash until sold).
 */
export function computeRoi(input: RoiInput): Roi {
  const h = input.horizonMonths;
  const launchMonths = input.weeksToLaunch / WEEKS_PER_MONTH;
  const capexAt = input.capexUsdAtStartOf;
  const value = new Float64Array(h + 1);
  const cost = new Float64Array(h + 1);
  const capex = capexAt === undefined ? undefined : new Float64Array(h + 1);
  for (let m = 1; m <= h; m++) {
    if (capex !== undefined) capex[m] = capexAt!(m);
    // Months not served are not asked for (a caller's month may not be costable before launch).
    if (Math.min(1, Math.max(0, m - launchMonths)) > 0) {
      value[m] = input.valueUsdInMonth(m);
      cost[m] = input.costUsdInMonth(m);
    }
  }
  return roiOfMonths(input, value, cost, capex);
}

/** The last rate's monthly discount factor: a sweep asks for one rate tens of thousands of times. */
let lastDiscount = { rateAnnual: Number.NaN, factor: Number.NaN };

function monthlyDiscountFactor(rateAnnual: number): number {
  if (lastDiscount.rateAnnual !== rateAnnual) {
    lastDiscount = { rateAnnual, factor: 1 / Math.pow(1 + rateAnnual, 1 / 12) };
  }
  return lastDiscount.factor;
}

/** What a month-by-month ROI needs besides its months. */
export type RoiTerms = Omit<RoiInput, 'valueUsdInMonth' | 'costUsdInMonth' | 'capexUsdAtStartOf'>;

/**
 * `computeRoi` over months given as arrays (index m = 1…horizon, 0 unused): value and run cost at
 * full service, and hardware bought at the start of each month. Sweeps fill one scratch array per
 * candidate instead of building closures; with `out`, writes into it instead of allocating.
 */
export function roiOfMonths(
  input: RoiTerms,
  valueUsd: Float64Array,
  costUsd: Float64Array,
  capexUsd?: Float64Array,
  out?: Roi,
): Roi {
  const launchMonths = input.weeksToLaunch / WEEKS_PER_MONTH;
  const monthlyDiscount = monthlyDiscountFactor(input.discountRateAnnual);
  const residual = input.residualUsd ?? 0;
  const stranded = input.strandedUsd ?? 0;
  let discount = 1;
  let cumValue = 0;
  let cumCost = input.setupUsd;
  let capexTotal = 0;
  let npv = -input.setupUsd;
  // Month 0 = no payback yet: number-only locals (a local that may hold null boxes every number
  // written to it, and the sweep runs this for tens of thousands of candidates).
  let payback = 0;
  // The series' months as numbers (a tagged use of the loop's sums in the loop, even one not
  // taken, makes every month allocate): built into rows after the loop.
  const series = input.withSeries
    ? new Float64Array(SERIES_FIELDS * (input.horizonMonths + 1))
    : null;
  let netMonthly = 0;
  let fullMonthSeen = false;
  const horizon = input.horizonMonths;
  for (let m = 1; m <= horizon; m++) {
    let capex = 0;
    if (capexUsd !== undefined) {
      capex = capexUsd[m] as number;
      capexTotal += capex;
      cumCost += capex;
      npv -= capex * discount;
    }
    discount *= monthlyDiscount;
    const served = Math.min(1, Math.max(0, m - launchMonths));
    const value = served > 0 ? (valueUsd[m] as number) * served : 0;
    const cost = served > 0 ? (costUsd[m] as number) * served : 0;
    if (served === 1 && !fullMonthSeen) {
      netMonthly = value - cost;
      fullMonthSeen = true;
    }
    cumValue += value;
    cumCost += cost;
    npv += (value - cost) * discount;
    const strandedNow = m === horizon ? stranded : 0;
    cumCost += strandedNow;
    if (series !== null) {
      const at = SERIES_FIELDS * m;
      series[at] = cumValue;
      series[at + 1] = cumCost;
      series[at + 2] = cost;
      series[at + 3] = capex;
      series[at + 4] = strandedNow;
    }
    if (payback === 0 && served > 0 && cumValue - cumCost >= 0) payback = m;
  }
  npv += (residual - stranded) * discount;
  const tco = cumCost - residual;
  const r = out ?? ({} as Roi);
  r.netMonthlyUsd = netMonthly;
  r.paybackMonth = payback === 0 ? null : payback;
  r.npvUsd = npv;
  r.roi = tco > 0 ? (cumValue - tco) / tco : null;
  r.timeToValueWeeks = input.weeksToLaunch;
  r.totalValueUsd = cumValue;
  r.totalCostUsd = cumCost;
  r.tcoUsd = tco;
  r.capexUsd = capexTotal;
  r.residualUsd = residual;
  r.cumulative = series === null ? null : seriesMonths(input, series, launchMonths);
  return r;
}

/**
 * An ROI to write into (the sweep's scratch), every field written before it is read. Its numbers
 * start as NaN, not 0: a field that first holds a small integer and then fractions is kept by the
 * engine in a form where every later write allocates (a sweep writes tens of thousands).
 */
export function roiToWriteInto(): Roi {
  return {
    netMonthlyUsd: Number.NaN,
    paybackMonth: null,
    npvUsd: Number.NaN,
    roi: null,
    timeToValueWeeks: Number.NaN,
    totalValueUsd: Number.NaN,
    totalCostUsd: Number.NaN,
    tcoUsd: Number.NaN,
    capexUsd: Number.NaN,
    residualUsd: Number.NaN,
    cumulative: null,
  };
}

/** Numbers a month of the series keeps: cumulative value and cost, run cost, capex, stranded. */
const SERIES_FIELDS = 5;

/** The month rows of a series `roiOfMonths` kept as numbers. */
function seriesMonths(input: RoiTerms, series: Float64Array, launchMonths: number): RoiMonth[] {
  const months: RoiMonth[] = [];
  for (let m = 1; m <= input.horizonMonths; m++) {
    const at = SERIES_FIELDS * m;
    const served = Math.min(1, Math.max(0, m - launchMonths));
    months.push({
      month: m,
      valueUsd: series[at] as number,
      costUsd: series[at + 1] as number,
      runUsd: series[at + 2] as number,
      capexUsd: series[at + 3] as number,
      strandedUsd: series[at + 4] as number,
      requests: input.requestsInMonth === undefined ? null : input.requestsInMonth(m) * served,
    });
  }
  return months;
}

/** The launch schedule over a horizon: served share per month, cumulative and discounted. */
export interface ServiceSchedule {
  /** cumulativeServed[m] = Σ served share of months 1..m (index 0 = 0). */
  cumulativeServed: Float64Array;
  /** Σ served share × discount factor over the horizon. */
  discountedServed: number;
  /** First fully served month, or null within the horizon. */
  firstFullMonth: number | null;
  /** Discount factor at the end of the horizon. */
  discountAtHorizon: number;
  horizonMonths: number;
  weeksToLaunch: number;
}

export function serviceSchedule(
  weeksToLaunch: number,
  horizonMonths: number,
  discountRateAnnual: number,
): ServiceSchedule {
  const launchMonths = weeksToLaunch / WEEKS_PER_MONTH;
  const monthlyDiscount = 1 / Math.pow(1 + discountRateAnnual, 1 / 12);
  const cumulativeServed = new Float64Array(horizonMonths + 1);
  let discount = 1;
  let discounted = 0;
  let firstFull: number | null = null;
  for (let m = 1; m <= horizonMonths; m++) {
    discount *= monthlyDiscount;
    const served = Math.min(1, Math.max(0, m - launchMonths));
    cumulativeServed[m] = (cumulativeServed[m - 1] as number) + served;
    discounted += served * discount;
    if (served === 1 && firstFull === null) firstFull = m;
  }
  return {
    cumulativeServed,
    discountedServed: discounted,
    firstFullMonth: firstFull,
    discountAtHorizon: discount,
    horizonMonths,
    weeksToLaunch,
  };
}

/** Hardware paid when bought, for the closed form: the fleet's capex and its purchase schedule. */
export interface ConstantCapex {
  /** Capex of the fleet held throughout (bought at the decision, again at each end of life). */
  usd: number;
  schedule: CapexSchedule;
}

/**
 * ROI when value and run cost are the same every month (no growth): closed form over a precomputed
 * schedule, equal to `computeRoi` with constant months, without the month loop. With `capex`, the
 * fleet is paid when bought (and at each refresh) and its book value is credited at the horizon;
 * `strandedUsd` is a commitment owed after a service that ends at the horizon.
 */
export function constantRoi(
  s: ServiceSchedule,
  valueUsd: number,
  costUsd: number,
  setupUsd: number,
  out?: Roi,
  capex?: ConstantCapex,
  strandedUsd = 0,
): Roi {
  const served = s.cumulativeServed;
  const total = served[s.horizonMonths] as number;
  const net = valueUsd - costUsd;
  const capexUsd = capex?.usd ?? 0;
  const taken = capex?.schedule.takenUnits;
  let payback: number | null = null;
  let paid = setupUsd;
  for (let m = 1; m <= s.horizonMonths; m++) {
    if (taken !== undefined) paid += capexUsd * (taken[m] as number);
    if (m === s.horizonMonths) paid += strandedUsd;
    const sm = served[m] as number;
    if (sm > (served[m - 1] as number) && net * sm - paid >= 0) {
      payback = m;
      break;
    }
  }
  const bought = capex === undefined ? 0 : capexUsd * capex.schedule.totalTaken;
  const residual = capex === undefined ? 0 : capexUsd * capex.schedule.unusedAtHorizon;
  const cumCost = setupUsd + bought + costUsd * total + strandedUsd;
  const tco = cumCost - residual;
  const cumValue = valueUsd * total;
  let npv = net * s.discountedServed - setupUsd - strandedUsd * s.discountAtHorizon;
  if (capex !== undefined) {
    const c = capex.schedule;
    npv += capexUsd * (c.unusedAtHorizon * c.discountAtHorizon - c.discountedTaken);
  }
  // Sweeps pass a scratch `out` and copy the numbers away: no object per candidate.
  const r = out ?? ({} as Roi);
  r.netMonthlyUsd = s.firstFullMonth === null ? 0 : net;
  r.paybackMonth = payback;
  r.npvUsd = npv;
  r.roi = tco > 0 ? (cumValue - tco) / tco : null;
  r.timeToValueWeeks = s.weeksToLaunch;
  r.totalValueUsd = cumValue;
  r.totalCostUsd = cumCost;
  r.tcoUsd = tco;
  r.capexUsd = bought;
  r.residualUsd = residual;
  r.cumulative = null;
  return r;
}
