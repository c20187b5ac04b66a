import { WEEKS_PER_MONTH } from '../units.ts';

export interface RoiInput {
  /** Value created in month m (1-based) at full service, USD. */
  valueUsdInMonth: (month: number) => number;
  /** Run cost in month m at full service, USD. */
  costUsdInMonth: (month: number) => number;
  setupUsd: number;
  weeksToLaunch: number;
  horizonMonths: number;
  discountRateAnnual: number;
  /** Also return the month-by-month cumulative series (for charts); off in sweeps. */
  withSeries?: boolean;
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
  totalCostUsd: number;
  /** Cumulative value and cumulative cost (setup included) at the end of each month, if asked. */
  cumulative: { month: number; valueUsd: number; costUsd: number }[] | null;
}

/**
 * Month-by-month cash view over the horizon. Setup is paid at the start; service starts after the
 * launch weeks (a month partly in service earns and costs that part). NPV discounts month m by
 * (1 + r)^(m/12).
 */
export function computeRoi(input: RoiInput): Roi {
  const launchMonths = input.weeksToLaunch / WEEKS_PER_MONTH;
  const monthlyDiscount = 1 / Math.pow(1 + input.discountRateAnnual, 1 / 12);
  let discount = 1;
  let cumValue = 0;
  let cumCost = input.setupUsd;
  let npv = -input.setupUsd;
  let payback: number | null = null;
  const cumulative: Roi['cumulative'] = input.withSeries ? [] : null;
  let netMonthly: number | null = null;
  for (let m = 1; m <= input.horizonMonths; m++) {
    discount *= monthlyDiscount;
    const served = Math.min(1, Math.max(0, m - launchMonths));
    const value = served > 0 ? input.valueUsdInMonth(m) * served : 0;
    const cost = served > 0 ? input.costUsdInMonth(m) * served : 0;
    if (served === 1 && netMonthly === null) netMonthly = value - cost;
    cumValue += value;
    cumCost += cost;
    npv += (value - cost) * discount;
    cumulative?.push({ month: m, valueUsd: cumValue, costUsd: cumCost });
    if (payback === null && served > 0 && cumValue - cumCost >= 0) payback = m;
  }
  return {
    netMonthlyUsd: netMonthly ?? 0,
    paybackMonth: payback,
    npvUsd: npv,
    roi: cumCost > 0 ? (cumValue - cumCost) / cumCost : null,
    timeToValueWeeks: input.weeksToLaunch,
    totalValueUsd: cumValue,
    totalCostUsd: cumCost,
    cumulative,
  };
}

/** The launch schedule over a horizon: served share per month, cumulative and discounted. */
export interface ServiceSchedule {
  /** cumulativeServed[m] = Σ served share of months 1..m (index 0 = 0). */
  cumulativeServed: Float64Array;
  /** Σ served share × discount factor over the horizon. */
  discountedServed: number;
  /** First fully served month, or null within the horizon. */
  firstFullMonth: number | null;
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
    horizonMonths,
    weeksToLaunch,
  };
}

/**
 * ROI when value and run cost are the same every month (no growth): closed form over a precomputed
 * schedule, equal to `computeRoi` with constant months, without the month loop.
 */
export function constantRoi(
  s: ServiceSchedule,
  valueUsd: number,
  costUsd: number,
  setupUsd: number,
  out?: Roi,
): Roi {
  const served = s.cumulativeServed;
  const total = served[s.horizonMonths] as number;
  const net = valueUsd - costUsd;
  let payback: number | null = null;
  for (let m = 1; m <= s.horizonMonths; m++) {
    const sm = served[m] as number;
    if (sm > (served[m - 1] as number) && net * sm - setupUsd >= 0) {
      payback = m;
      break;
    }
  }
  const cumCost = setupUsd + costUsd * total;
  const cumValue = valueUsd * total;
  // Sweeps pass a scratch `out` and copy the numbers away: no object per candidate.
  const r = out ?? ({} as Roi);
  r.netMonthlyUsd = s.firstFullMonth === null ? 0 : net;
  r.paybackMonth = payback;
  r.npvUsd = net * s.discountedServed - setupUsd;
  r.roi = cumCost > 0 ? (cumValue - cumCost) / cumCost : null;
  r.timeToValueWeeks = s.weeksToLaunch;
  r.totalValueUsd = cumValue;
  r.totalCostUsd = cumCost;
  r.cumulative = null;
  return r;
}
