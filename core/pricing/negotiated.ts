import { formatNumber, formatUsdWhole } from '../format.ts';
import type { Offering } from '../schema/catalog.ts';
import type { Workload } from '../schema/workload.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import { apiCost, apiCostScratch, type ApiCost, type ApiCostOptions } from './api-cost.ts';

/**
 * Negotiated terms: a percentage off a vendor's list prices, from the placement itself, the
 * scenario (this deal) or the catalog (the organization's defaults), optionally only on the spend
 * above a committed monthly amount. Which applies is kept with the terms, so the app can say so.
 */

export type NegotiatedSource = 'placement' | 'scenario' | 'catalog';

export interface NegotiatedTerms {
  /** Share off list prices, 0–0.95. */
  fraction: number;
  /** The discount applies to the monthly spend above this, USD (0: to all of it). */
  aboveMonthlyUsd: number;
  source: NegotiatedSource;
  /** Whether the terms name this offering, or the whole provider (or cloud). */
  scope: 'offering' | 'provider';
  note: string;
}

/**
 * The share off the whole monthly bill: the fraction on the spend above the threshold only.
 * `listMonthlyUsd` is the bill at list prices.
 */
export function effectiveDiscount(t: NegotiatedTerms | null, listMonthlyUsd: number): number {
  if (t === null || t.fraction === 0) return 0;
  if (t.aboveMonthlyUsd <= 0) return t.fraction;
  if (listMonthlyUsd <= t.aboveMonthlyUsd) return 0;
  return (t.fraction * (listMonthlyUsd - t.aboveMonthlyUsd)) / listMonthlyUsd;
}

/** The monthly bill after the terms: list − fraction × (list above the threshold). */
export function negotiatedUsd(t: NegotiatedTerms | null, listMonthlyUsd: number): number {
  return listMonthlyUsd * (1 - effectiveDiscount(t, listMonthlyUsd));
}

/**
 * How the terms read: "15% off (this scenario)", "10% off the spend above $20,000/month (catalog
 * default)"; with the share a bill actually got, how much of it that was when less.
 */
export function describeTerms(
  t: (NegotiatedTerms & { effectiveFraction?: number }) | null,
): string {
  if (t === null || t.fraction === 0) return 'list prices';
  const pct = `${formatNumber(t.fraction * 100, t.fraction * 100 === Math.round(t.fraction * 100) ? 0 : 1)}% off`;
  const above =
    t.aboveMonthlyUsd > 0 ? ` the spend above ${formatUsdWhole(t.aboveMonthlyUsd)}/month` : '';
  const from =
    t.source === 'placement'
      ? 'this candidate'
      : t.source === 'scenario'
        ? 'this scenario'
        : 'catalog default';
  const got = t.effectiveFraction;
  const applied =
    got === undefined || got >= t.fraction - 1e-12
      ? ''
      : got === 0
        ? ': not reached'
        : `: ${formatNumber(got * 100, 1)}% of this bill`;
  return `${pct}${above} (${from})${applied}`;
}

/**
 * An offering's pay-as-you-go cost under negotiated terms: the fraction on every token, or, with
 * a threshold, the share it takes off this month's bill at list.
 */
export function negotiatedApiCost(
  o: Offering,
  w: Workload,
  rates: WorkloadRates,
  t: NegotiatedTerms | null,
  options: ApiCostOptions = {},
  out?: ApiCost,
): ApiCost {
  if (t === null || t.aboveMonthlyUsd <= 0) {
    return apiCost(o, w, rates, t?.fraction ?? 0, options, out);
  }
  const list = apiCost(o, w, rates, 0, options, out);
  return apiCost(o, w, rates, effectiveDiscount(t, list.monthlyUsd), options, out);
}

/**
 * `negotiatedApiCost`'s monthly cost alone, priced into a scratch (a growing sweep prices each
 * hosted-API candidate every month of its horizon).
 */
export function negotiatedApiMonthlyUsd(
  o: Offering,
  w: Workload,
  rates: WorkloadRates,
  t: NegotiatedTerms | null,
  options: ApiCostOptions = {},
): number {
  return negotiatedApiCost(o, w, rates, t, options, monthlyScratch).monthlyUsd;
}

const monthlyScratch = apiCostScratch();

/** Terms a placement states itself (its `negotiatedDiscount`): over any scenario or catalog terms. */
export function placementTerms(fraction: number): NegotiatedTerms {
  return { fraction, aboveMonthlyUsd: 0, source: 'placement', scope: 'offering', note: '' };
}
