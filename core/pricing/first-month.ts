/**
 * A hosted API's bill for the horizon's first month: each day at the prices that hold on it. What
 * the comparison's Monthly cost is, so it equals month 1 of the projection whatever day the prices
 * were read on (the rule: docs/reports.md, "Which prices a month pays").
 */
import type { Offering } from '../schema/catalog.ts';
import type { Workload } from '../schema/workload.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import type { ApiCost, ApiCostBreakdown, ApiCostOptions } from './api-cost.ts';
import { negotiatedApiCost, type NegotiatedTerms } from './negotiated.ts';
import { addMonths, hasPriceHistory, pricedParts } from './price-history.ts';

/** The first month's bill, and a month's at the offering's own prices (the factors' base). */
export interface FirstMonthCost {
  first: ApiCost;
  ownMonthlyUsd: number;
}

/**
 * The first month from `startDate` at the stated volume: `o`'s own cost when its prices hold all
 * month (no start date: `o`'s prices), else the day-weighted sum of the month's parts, each billed
 * as a whole month at its prices (as the projection's price factors weigh them).
 */
export function firstMonthApiCost(
  o: Offering,
  w: Workload,
  rates: WorkloadRates,
  terms: NegotiatedTerms | null,
  options: ApiCostOptions,
  startDate: string | undefined,
): FirstMonthCost {
  const own = negotiatedApiCost(o, w, rates, terms, options);
  const alone = { first: own, ownMonthlyUsd: own.monthlyUsd };
  if (startDate === undefined || !hasPriceHistory(o)) return alone;
  const parts = pricedParts(o, startDate, addMonths(startDate, 1));
  if (parts.length === 1 && parts[0]!.row === o) return alone;
  const costs = parts.map((p) => ({
    share: p.share,
    cost: p.row === o ? own : negotiatedApiCost(p.row, w, rates, terms, options),
  }));
  const sum = (of: (c: ApiCost) => number) =>
    costs.reduce((total, p) => total + p.share * of(p.cost), 0);
  const breakdown = { ...own.breakdown };
  for (const key of Object.keys(breakdown) as (keyof ApiCostBreakdown)[]) {
    breakdown[key] = sum((c) => c.breakdown[key]);
  }
  const first: ApiCost = {
    ...own,
    perBilledRequestUsd: sum((c) => c.perBilledRequestUsd),
    perRequestUsd: sum((c) => c.perRequestUsd),
    monthlyUsd: sum((c) => c.monthlyUsd),
    breakdown,
    turns:
      own.turns === null
        ? null
        : own.turns.map((t, k) => ({ ...t, usd: sum((c) => c.turns?.[k]?.usd ?? 0) })),
  };
  return { first, ownMonthlyUsd: own.monthlyUsd };
}
