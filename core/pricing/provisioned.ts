/**
 * Provisioned throughput for a hosted API (Azure PTU, Bedrock model units, Vertex GSUs): units
 * bought for a term, each serving a number of input tokens a minute (output and cached tokens
 * weighted as the vendor documents). The units deployed are the count that costs least between the
 * smallest deployment and the count that covers peak; demand above them overflows to
 * pay-as-you-go, and batch traffic stays on the batch API (provisioned units do not serve it).
 */
import { demandProfile } from '../selfhost/fleet.ts';
import type { Offering } from '../schema/catalog.ts';
import type {
  ProvisionedChoice,
  ProvisionedPrice,
  ProvisionedTerm,
  ProvisionedUnit,
} from '../schema/procurement.ts';
import type { Workload } from '../schema/workload.ts';
import { HOURS_PER_MONTH } from '../units.ts';
import { prefixTokensCosted, type WorkloadRates } from '../workload/derive.ts';
import { apiCost, type ApiCostOptions } from './api-cost.ts';

/** Months a term commits to (hourly: none; a week: its share of a month). */
export const TERM_MONTHS: Record<ProvisionedTerm, number> = {
  hourly: 0,
  '1-week': 168 / HOURS_PER_MONTH,
  '1-month': 1,
  '3-month': 3,
  '6-month': 6,
  '1-year': 12,
};

/** A price as a monthly charge per unit: an hour × 730, a week × 730/168, a year ÷ 12. */
export function unitMonthlyUsd(price: Pick<ProvisionedPrice, 'usd' | 'per'>): number {
  switch (price.per) {
    case 'hour':
      return price.usd * HOURS_PER_MONTH;
    case 'week':
      return (price.usd * HOURS_PER_MONTH) / 168;
    case 'month':
      return price.usd;
    case 'year':
      return price.usd / 12;
  }
}

/** The terms of one provisioned deployment: the catalog's, with the user's figures over them. */
export interface ProvisionedQuote {
  term: ProvisionedTerm;
  termMonths: number;
  unit: ProvisionedUnit;
  unitMonthlyUsd: number;
  inputTokensPerMinutePerUnit: number;
  outputTokenWeight: number;
  cachedInputWeight: number;
  minUnits: number;
  unitIncrement: number;
  priceSource: string;
  priceAsOf: string;
  capacitySource: string;
  capacityAsOf: string;
  /** Whether the price or the capacity is the user's own figure. */
  priceYours: boolean;
  capacityYours: boolean;
}

const USER = 'your figure (the vendor publishes none, or you have a quote)';

/**
 * The quote for a provisioned choice on an offering, or why there is none: no provisioned
 * throughput, no price for the term, no capacity figure (the user must give the missing ones).
 */
export function provisionedQuote(
  o: Offering,
  choice: ProvisionedChoice,
  today: string,
): ProvisionedQuote | string {
  const pt = o.provisioned;
  const price = pt?.prices.find((p) => p.term === choice.term);
  const capacity = choice.inputTokensPerMinutePerUnit ?? pt?.inputTokensPerMinutePerUnit;
  if (pt === undefined && (choice.usdPerUnitHour === undefined || capacity === undefined)) {
    return `${o.id} sells no provisioned throughput in the catalog: give a price per unit-hour and the tokens a minute a unit serves`;
  }
  if (choice.usdPerUnitHour === undefined && price === undefined) {
    return `no ${choice.term} provisioned-throughput price published for ${o.id}: give your price per unit-hour`;
  }
  if (capacity === undefined) {
    return `the vendor publishes no throughput per unit for ${o.id}: give the input tokens a minute one unit serves`;
  }
  const userPrice = choice.usdPerUnitHour;
  return {
    term: choice.term,
    termMonths: TERM_MONTHS[choice.term],
    unit: pt?.unit ?? 'model-unit',
    unitMonthlyUsd:
      userPrice !== undefined
        ? userPrice * HOURS_PER_MONTH
        : unitMonthlyUsd(price as ProvisionedPrice),
    inputTokensPerMinutePerUnit: capacity,
    outputTokenWeight: pt?.outputTokenWeight ?? 1,
    cachedInputWeight: pt?.cachedInputWeight ?? 1,
    minUnits: pt?.minUnits ?? 1,
    unitIncrement: pt?.unitIncrement ?? 1,
    priceSource: userPrice !== undefined ? USER : (price as ProvisionedPrice).source,
    priceAsOf: userPrice !== undefined ? today : (price as ProvisionedPrice).asOf,
    capacitySource: choice.inputTokensPerMinutePerUnit !== undefined ? USER : (pt?.source ?? USER),
    capacityAsOf: choice.inputTokensPerMinutePerUnit !== undefined ? today : (pt?.asOf ?? today),
    priceYours: userPrice !== undefined,
    capacityYours: choice.inputTokensPerMinutePerUnit !== undefined,
  };
}

/** What the provisioned units would carry: the non-batch traffic, at list pay-as-you-go prices. */
export interface ProvisionedDemand {
  /** Pay-as-you-go cost a month of the traffic units can serve (standard and priority), and of batch. */
  interactiveUsd: number;
  batchUsd: number;
  /** Input-equivalent tokens a month of that traffic (output and cached tokens weighted). */
  tokensPerMonth: number;
  /** Minutes a month traffic arrives. */
  activeMinutes: number;
  peakToAverage: number;
}

/** The traffic a provisioned deployment of an offering would carry, priced pay-as-you-go at list. */
export function provisionedDemand(
  o: Offering,
  w: Workload,
  rates: WorkloadRates,
  q: Pick<ProvisionedQuote, 'outputTokenWeight' | 'cachedInputWeight'>,
  options: ApiCostOptions = {},
): ProvisionedDemand {
  const batch = w.batchShare;
  const interactiveShare = 1 - batch;
  const standard = apiCost(
    o,
    {
      ...w,
      batchShare: 0,
      priorityShare: interactiveShare > 0 ? w.priorityShare / interactiveShare : 0,
    },
    rates,
    0,
    options,
  );
  const batched =
    batch > 0 ? apiCost(o, { ...w, batchShare: 1, priorityShare: 0 }, rates, 0, options) : null;
  const billed = rates.billedRequestsPerMonth;
  // Every model call counts against the units: a task's turns, each with its own prompt, cache
  // reads, visible output and hidden reasoning (generated tokens, weighted as output).
  const turns = standard.turns ?? [
    {
      inputTokens: w.inputTokens.mean,
      cachedTokens: prefixTokensCosted(w) * standard.effectiveCacheHitRate,
      outputTokens: w.outputTokens.mean,
      reasoningTokens: options.reasoningTokens ?? 0,
    },
  ];
  let perRequest = 0;
  for (const t of turns) {
    perRequest +=
      t.inputTokens -
      t.cachedTokens +
      t.cachedTokens * q.cachedInputWeight +
      (t.outputTokens + t.reasoningTokens) * q.outputTokenWeight;
  }
  return {
    interactiveUsd: standard.perBilledRequestUsd * billed * interactiveShare,
    batchUsd: batched === null ? 0 : batched.perBilledRequestUsd * billed * batch,
    tokensPerMonth: billed * interactiveShare * perRequest,
    activeMinutes: rates.activeHoursPerMonth * 60,
    peakToAverage: w.peakToAverage,
  };
}

/** A month of a provisioned deployment. */
export interface ProvisionedMonth {
  units: number;
  /** Units that would cover the peak (at least the minimum deployment). */
  peakUnits: number;
  unitsUsd: number;
  /** Pay-as-you-go for the traffic above the units, and for batch. */
  overflowUsd: number;
  batchUsd: number;
  monthlyUsd: number;
  /** Share of the unit-served traffic's tokens the units serve. */
  servedShare: number;
  /** Tokens served ÷ what the units could serve in every hour of the month. */
  utilization: number;
}

/** The smallest deployment of at least `units` (the minimum, then whole steps above it). */
export function deployable(
  q: Pick<ProvisionedQuote, 'minUnits' | 'unitIncrement'>,
  units: number,
): number {
  if (units <= q.minUnits) return q.minUnits;
  return q.minUnits + Math.ceil((units - q.minUnits) / q.unitIncrement - 1e-9) * q.unitIncrement;
}

/** Share of the month's tokens a capacity of `tpm` serves: Σ levels min(demand, capacity). */
function servedShareAt(d: ProvisionedDemand, tpm: number): number {
  if (d.tokensPerMonth <= 0) return 1;
  const avg = d.tokensPerMonth / d.activeMinutes;
  const { weights, ratios } = demandProfile(d.peakToAverage);
  let served = 0;
  for (let j = 0; j < weights.length; j++) {
    served += (weights[j] as number) * Math.min(avg * (ratios[j] as number), tpm);
  }
  return served / avg;
}

/** Prices `units` deployed (unset: the count that costs least) for a month of `d`. */
export function provisionedMonth(
  q: ProvisionedQuote,
  d: ProvisionedDemand,
  units?: number,
): ProvisionedMonth {
  const cap = q.inputTokensPerMinutePerUnit;
  const avg = d.activeMinutes > 0 ? d.tokensPerMonth / d.activeMinutes : 0;
  const peakUnits = deployable(q, (avg * d.peakToAverage) / cap);
  const cost = (u: number) =>
    u * q.unitMonthlyUsd + (1 - servedShareAt(d, u * cap)) * d.interactiveUsd;
  let best = units;
  if (best === undefined) {
    // Cost is linear in the units between the counts that just cover a demand level: the least
    // cost is at one of those counts, or the step below it, or the minimum.
    const { ratios } = demandProfile(d.peakToAverage);
    let bestUsd = Number.POSITIVE_INFINITY;
    const consider = (u: number) => {
      const c = cost(u);
      if (c < bestUsd - 1e-9 || (Math.abs(c - bestUsd) <= 1e-9 && u < (best as number))) {
        best = u;
        bestUsd = c;
      }
    };
    consider(q.minUnits);
    consider(peakUnits);
    for (let j = 0; j < ratios.length; j++) {
      const u = deployable(q, (avg * (ratios[j] as number)) / cap);
      consider(u);
      if (u - q.unitIncrement >= q.minUnits) consider(u - q.unitIncrement);
    }
  }
  const u = best as number;
  const servedShare = servedShareAt(d, u * cap);
  const unitsUsd = u * q.unitMonthlyUsd;
  const overflowUsd = (1 - servedShare) * d.interactiveUsd;
  return {
    units: u,
    peakUnits,
    unitsUsd,
    overflowUsd,
    batchUsd: d.batchUsd,
    monthlyUsd: unitsUsd + overflowUsd + d.batchUsd,
    servedShare,
    utilization: u > 0 ? (servedShare * d.tokensPerMonth) / (u * cap * 60 * HOURS_PER_MONTH) : 0,
  };
}

/**
 * The share of its capacity a unit must serve, every hour of the month, to cost no more than
 * pay-as-you-go for the same tokens: the unit's monthly price ÷ what those tokens would cost.
 */
export function provisionedBreakEvenUtilization(
  q: ProvisionedQuote,
  d: ProvisionedDemand,
): number | null {
  if (d.tokensPerMonth <= 0 || d.interactiveUsd <= 0) return null;
  const paygPerToken = d.interactiveUsd / d.tokensPerMonth;
  return q.unitMonthlyUsd / (q.inputTokensPerMinutePerUnit * 60 * HOURS_PER_MONTH * paygPerToken);
}

/**
 * The mean traffic (input-equivalent tokens a minute over the active minutes) above which the
 * smallest deployment costs less than pay-as-you-go for the traffic it serves (its units are the
 * first to pay as volume grows); null when even full use never does. Pay-as-you-go is taken per
 * token at the stated volume; the demand profile's shape (peak ÷ average) is the stated one.
 * Worked in absolute traffic, not as a multiple of the stated volume, so a tiny stated volume
 * cannot overflow it.
 */
export function breakEvenTokensPerMinute(q: ProvisionedQuote, d: ProvisionedDemand): number | null {
  if (d.tokensPerMonth <= 0 || d.interactiveUsd <= 0) return null;
  const paygPerToken = d.interactiveUsd / d.tokensPerMonth;
  const capacity = q.minUnits * q.inputTokensPerMinutePerUnit;
  // The units pay when the tokens they serve over the active minutes are worth their price.
  const target = (q.minUnits * q.unitMonthlyUsd) / (paygPerToken * d.activeMinutes);
  if (target >= capacity) return null;
  const { weights, ratios } = demandProfile(d.peakToAverage);
  // served(a) = Σ w_j · min(a · r_j, capacity) at mean traffic a: piecewise linear in a; walk its
  // breakpoints a_j = capacity / r_j from the lowest until it reaches the target.
  const levels = Array.from(ratios, (r, j) => ({ r, w: weights[j] as number })).sort(
    (a, b) => b.r - a.r,
  );
  let saturatedWeight = 0;
  let linear = 0;
  for (const l of levels) linear += l.w * l.r;
  let from = 0;
  for (const l of levels) {
    const at = capacity / l.r;
    const servedAt = at * linear + capacity * saturatedWeight;
    if (servedAt >= target)
      return from + Math.max(0, (target - (from * linear + capacity * saturatedWeight)) / linear);
    from = at;
    linear -= l.w * l.r;
    saturatedWeight += l.w;
  }
  return null;
}
