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
  /** Cumulative value and cumulative cost (setup included) at the end of each month. */
  cumulative: { month: number; valueUsd: number; costUsd: number }[];
}

/**
 * Month-by-month cash view over the horizon. Setup is paid at the start; service starts after the
 * launch weeks (a month partly in service earns and costs that part). NPV discounts month m by
 * (1 + r)^(m/12).
 */
export function computeRoi(input: RoiInput): Roi {
  const launchMonths = input.weeksToLaunch / WEEKS_PER_MONTH;
  const monthlyRate = Math.pow(1 + input.discountRateAnnual, 1 / 12) - 1;
  let cumValue = 0;
  let cumCost = input.setupUsd;
  let npv = -input.setupUsd;
  let payback: number | null = null;
  const cumulative: Roi['cumulative'] = [];
  let netMonthly = 0;
  let firstFull = true;
  for (let m = 1; m <= input.horizonMonths; m++) {
    const served = Math.min(1, Math.max(0, m - launchMonths));
    const value = input.valueUsdInMonth(m) * served;
    const cost = input.costUsdInMonth(m) * served;
    if (served === 1 && firstFull) {
      netMonthly = value - cost;
      firstFull = false;
    }
    cumValue += value;
    cumCost += cost;
    npv += (value - cost) / Math.pow(1 + monthlyRate, m);
    cumulative.push({ month: m, valueUsd: cumValue, costUsd: cumCost });
    if (payback === null && served > 0 && cumValue - cumCost >= 0) payback = m;
  }
  return {
    netMonthlyUsd: netMonthly,
    paybackMonth: payback,
    npvUsd: npv,
    roi: cumCost > 0 ? (cumValue - cumCost) / cumCost : null,
    timeToValueWeeks: input.weeksToLaunch,
    totalValueUsd: cumValue,
    totalCostUsd: cumCost,
    cumulative,
  };
}
