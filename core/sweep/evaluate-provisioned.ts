/**
 * A hosted API bought as provisioned throughput: the units deployed for a term, the overflow on
 * pay-as-you-go, the term held as blocks like any commitment, and what the plan risks.
 */
import type { ApiCostOptions } from '../pricing/api-cost.ts';
import { commitmentRisk, stressedMonthUsd, type CommittedMonth } from '../commitments/risk.ts';
import type { CandidateCommitment, CommitmentOptionResult } from '../commitments/types.ts';
import { negotiatedApiCost, negotiatedUsd, type NegotiatedTerms } from '../pricing/negotiated.ts';
import {
  breakEvenTokensPerMinute,
  provisionedBreakEvenUtilization,
  provisionedDemand,
  provisionedMonth,
  provisionedQuote,
  TERM_MONTHS,
  unitMonthlyUsd,
  type ProvisionedDemand,
  type ProvisionedMonth,
  type ProvisionedQuote,
} from '../pricing/provisioned.ts';
import type { Offering } from '../schema/catalog.ts';
import type { ProvisionedChoice } from '../schema/procurement.ts';
import type { Workload } from '../schema/workload.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import type { EvalContext, GrowthMonth } from './context.ts';
import { firstServedMonth, type PersistentCapacity, type RoiCosting } from './result.ts';

export interface ProvisionedPricing {
  quote: ProvisionedQuote;
  month: ProvisionedMonth;
  /** The month's bill under the negotiated terms. */
  monthlyUsd: number;
  /** Share of the month's bill the terms keep (1 − the effective discount). */
  keep: number;
  demand: ProvisionedDemand;
  costing: RoiCosting;
  /** The commitment as a row shows it, given the row's horizon cost. */
  commitment: (tcoUsd: number) => CandidateCommitment;
}

/** Whole months a term's units are held as blocks; hourly and weekly terms follow each month. */
function blockMonths(q: ProvisionedQuote): number {
  return q.termMonths >= 1 ? Math.round(q.termMonths) : 0;
}

/**
 * Prices a provisioned choice on an offering for the context's workload, or says why it cannot
 * (no price for the term, no capacity figure).
 */
export function priceProvisioned(
  ctx: EvalContext,
  o: Offering,
  choice: ProvisionedChoice,
  terms: NegotiatedTerms | null,
  costOptions: ApiCostOptions = {},
): ProvisionedPricing | string {
  const quote = provisionedQuote(o, choice, ctx.startDate ?? ctx.index.asOf ?? '1970-01-01');
  if (typeof quote === 'string') return quote;
  const demands = new Map<WorkloadRates, ProvisionedDemand>();
  const demandAt = (w: Workload, rates: WorkloadRates) => {
    let d = demands.get(rates);
    if (d === undefined)
      demands.set(rates, (d = provisionedDemand(o, w, rates, quote, costOptions)));
    return d;
  };
  const demand = demandAt(ctx.workload, ctx.rates);
  const month = provisionedMonth(quote, demand, choice.units);
  const monthlyUsd = negotiatedUsd(terms, month.monthlyUsd);
  const keep = month.monthlyUsd > 0 ? monthlyUsd / month.monthlyUsd : 1;
  const costAt = (w: Workload, rates: WorkloadRates, units?: number) =>
    negotiatedUsd(terms, provisionedMonth(quote, demandAt(w, rates), units).monthlyUsd);
  const held = persistent(ctx, quote, choice, month, keep, demandAt, costAt);
  const costing: RoiCosting = {
    runUsd: monthlyUsd,
    costAt: () => (w, rates) => costAt(w, rates, choice.units),
    persistent: blockMonths(quote) > 0 ? held : undefined,
  };
  const monthAt = (w: Workload, rates: WorkloadRates, units: number): CommittedMonth => {
    const m = provisionedMonth(quote, demandAt(w, rates), units);
    const usd = negotiatedUsd(terms, m.monthlyUsd);
    const k = m.monthlyUsd > 0 ? usd / m.monthlyUsd : 1;
    return {
      monthlyUsd: usd,
      runUsd: usd,
      idleUsd: m.unitsUsd * (1 - m.utilization) * k,
      uncommittedUsd: negotiatedApiCost(o, w, rates, terms, costOptions).monthlyUsd,
    };
  };
  return {
    quote,
    month,
    monthlyUsd,
    keep,
    demand,
    costing,
    commitment: (tcoUsd) => {
      const risk = commitmentRisk(ctx, 'api', held, tcoUsd, monthAt);
      const breakEvenTraffic = breakEvenTokensPerMinute(quote, demand);
      return {
        kind: 'provisioned',
        term: quote.term,
        termMonths: quote.termMonths,
        payment: null,
        unit: quote.unit,
        committedUnits: month.units,
        upfrontUsd: 0,
        monthlyCommittedUsd: month.unitsUsd * keep,
        breakEvenUtilization: provisionedBreakEvenUtilization(quote, demand),
        utilization: month.utilization,
        stressed50Usd: risk.stressed50Usd,
        stressed50MonthlyUsd: stressedMonthUsd(ctx, month.units, monthAt),
        stranded50Usd: risk.stranded50Usd,
        uncommittedMonthlyUsd: negotiatedApiCost(o, ctx.workload, ctx.rates, terms, costOptions)
          .monthlyUsd,
        monthsToRecoverUpfront: null,
        stopsPayingMonth: risk.stopsPayingMonth,
        // Traffic a minute over the active minutes, in requests: the tokens a request carries.
        breakEvenRequestsPerMonth:
          breakEvenTraffic === null
            ? null
            : breakEvenTraffic *
              demand.activeMinutes *
              (ctx.rates.requestsPerMonth / demand.tokensPerMonth),
        peakUnits: month.peakUnits,
        yours: quote.priceYours || quote.capacityYours,
        options: provisionedOptions(o, quote, demand, keep),
      };
    },
  };
}

/**
 * The units held as blocks of the term: each month takes the count that costs least over the
 * term ahead (a month past a service that ends at the horizon serves nothing), or the fixed count.
 */
function persistent(
  ctx: EvalContext,
  quote: ProvisionedQuote,
  choice: ProvisionedChoice,
  month: ProvisionedMonth,
  keep: number,
  demandAt: (w: Workload, rates: WorkloadRates) => ProvisionedDemand,
  costAt: (w: Workload, rates: WorkloadRates, units?: number) => number,
): PersistentCapacity {
  const term = Math.max(1, blockMonths(quote));
  const horizon = ctx.value.horizonMonths;
  const fixed = choice.units;
  const bestUnits = (g: GrowthMonth) =>
    provisionedMonth(quote, demandAt(g.workload, g.rates)).units;
  return {
    termMonths: term,
    firstMonth: firstServedMonth(ctx, 'api'),
    units: month.units,
    capexUsdPerUnit: 0,
    committedUsdPerUnitMonth: blockMonths(quote) > 0 ? quote.unitMonthlyUsd * keep : 0,
    unitsInMonth:
      fixed !== undefined
        ? () => fixed
        : (m, months) => {
            const window: (GrowthMonth | null)[] = [];
            for (let t = m; t < m + term; t++) {
              window.push(
                t <= horizon ? months[t]! : ctx.serviceEndsAtHorizon ? null : months[horizon]!,
              );
            }
            let best = month.units;
            let bestUsd = Number.POSITIVE_INFINITY;
            const candidates = new Set(window.map((g) => (g === null ? 0 : bestUnits(g))));
            for (const u of candidates) {
              if (u === 0) continue;
              let usd = 0;
              for (const g of window) {
                usd += g === null ? u * quote.unitMonthlyUsd : costAt(g.workload, g.rates, u);
              }
              if (usd < bestUsd) {
                best = u;
                bestUsd = usd;
              }
            }
            return best;
          },
    growth: () => ({
      unitsAt: (w, rates) => provisionedMonth(quote, demandAt(w, rates)).units,
      runUsdAt: (w, rates, units) => costAt(w, rates, Math.max(units, quote.minUnits)),
    }),
  };
}

/** Every term the offering's provisioned throughput prices, with its break-even utilization. */
function provisionedOptions(
  o: Offering,
  quote: ProvisionedQuote,
  demand: ProvisionedDemand,
  keep: number,
): CommitmentOptionResult[] {
  const prices = o.provisioned?.prices ?? [];
  const out: CommitmentOptionResult[] = prices.map((price) => {
    const q = {
      ...quote,
      term: price.term,
      termMonths: TERM_MONTHS[price.term],
      unitMonthlyUsd: unitMonthlyUsd(price),
    };
    return {
      term: price.term,
      payment: null,
      termMonths: q.termMonths,
      upfrontUsdPerUnit: 0,
      effectiveUsdPerUnitMonth: q.unitMonthlyUsd * keep,
      breakEvenUtilization: provisionedBreakEvenUtilization(q, demand),
      monthsToRecoverUpfront: null,
      source: price.source,
      asOf: price.asOf,
      yours: false,
    };
  });
  if (quote.priceYours) {
    out.push({
      term: quote.term,
      payment: null,
      termMonths: quote.termMonths,
      upfrontUsdPerUnit: 0,
      effectiveUsdPerUnitMonth: quote.unitMonthlyUsd * keep,
      breakEvenUtilization: provisionedBreakEvenUtilization(quote, demand),
      monthsToRecoverUpfront: null,
      source: quote.priceSource,
      asOf: quote.priceAsOf,
      yours: true,
    });
  }
  return out;
}
