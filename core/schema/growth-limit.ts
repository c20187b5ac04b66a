import { MOST_REQUESTS, type Workload } from './workload.ts';

/**
 * Why a workload's growth cannot be projected over the horizon, or null: compounded month on month
 * it must not carry the volume past what the volume field itself allows (1,000 % a month over 120
 * months reaches 10^125 requests, a total that prints but means nothing).
 */
export function growthIssue(w: Workload, horizonMonths: number): string | null {
  const g = w.monthlyGrowthPct;
  if (g <= 0 || w.requests.count === 0) return null;
  const last = w.requests.count * Math.pow(1 + g / 100, horizonMonths - 1);
  if (last <= MOST_REQUESTS) return null;
  const most = (Math.pow(MOST_REQUESTS / w.requests.count, 1 / (horizonMonths - 1)) - 1) * 100;
  return `${g}% a month for ${horizonMonths} months grows ${w.requests.count.toLocaleString('en-US')} requests a ${w.requests.per} past ${MOST_REQUESTS.toLocaleString('en-US')}, the most a workload may have; over this horizon growth can be at most ${Math.floor(most * 10) / 10}% a month`;
}
