import type { NegotiatedSource } from '../pricing/negotiated.ts';
import type { Payment, ProvisionedUnit } from '../schema/procurement.ts';

/** One way a candidate's capacity could be committed, with what it takes to pay off. */
export interface CommitmentOptionResult {
  /** '1-year', '3-year', or a provisioned-throughput term ('1-month', …). */
  term: string;
  payment: Payment | null;
  termMonths: number;
  upfrontUsdPerUnit: number;
  /** What a unit costs a month on this option, upfront spread over the term. */
  effectiveUsdPerUnitMonth: number;
  /** The share of the time (or capacity) a unit must be busy for the option to beat going without. */
  breakEvenUtilization: number | null;
  /** Months of savings over going without that pay back the upfront sum; null: none, or never. */
  monthsToRecoverUpfront: number | null;
  source: string;
  asOf: string;
  /** Whether the price (or the capacity) is the user's own figure rather than a published one. */
  yours: boolean;
}

/**
 * A candidate's commitment (the CLI's `commitment` object): what is committed, for how long, what
 * it costs, when it pays, and what happens if the plan is wrong.
 */
export interface CandidateCommitment {
  /** `reserved`: rented instances on a 1-/3-year term; `provisioned`: a hosted API's throughput units. */
  kind: 'reserved' | 'provisioned';
  term: string;
  termMonths: number;
  payment: Payment | null;
  unit: 'instance' | ProvisionedUnit;
  /** Units committed at the stated volume (the first month served). */
  committedUnits: number;
  /** Paid upfront for them at the start of the term, USD. */
  upfrontUsd: number;
  /** Their recurring charge a month (upfront sums not included), USD. */
  monthlyCommittedUsd: number;
  /**
   * Effective committed rate ÷ the rate of what it replaces (on demand, spot or pay-as-you-go);
   * null when nothing is replaced (no pay-as-you-go spend to compare with, e.g. no requests).
   */
  breakEvenUtilization: number | null;
  /** The share of the committed units' time (or capacity) the workload actually uses. */
  utilization: number;
  /** The horizon cost (TCO) if volume turns out at 50 % of plan with the commitment held, USD. */
  stressed50Usd: number;
  /**
   * The first month if volume is 50 % of plan with the committed units held, USD: the Monthly
   * cost at half the volume (null when that month cannot be priced).
   */
  stressed50MonthlyUsd: number | null;
  /** Of that: committed spend left idle over the horizon, USD. */
  stranded50Usd: number;
  /** The same month without the commitment (all on demand, or all pay-as-you-go), USD. */
  uncommittedMonthlyUsd: number;
  /** Months of savings that recover the upfront sum; null without an upfront sum or savings. */
  monthsToRecoverUpfront: number | null;
  /** The first month the held commitment costs more than going without; null: it pays throughout. */
  stopsPayingMonth: number | null;
  /** Provisioned throughput: the monthly requests above which the smallest deployment beats pay-as-you-go. */
  breakEvenRequestsPerMonth: number | null;
  /** Provisioned throughput: units that would cover the peak. */
  peakUnits: number | null;
  /** Whether a figure behind the plan (a price, a capacity) is the user's own. */
  yours: boolean;
  /** Every option the vendor prices for this capacity, with its break-even. */
  options: CommitmentOptionResult[];
}

/** The negotiated terms a candidate was priced with, and where they come from. */
export interface CandidateNegotiated {
  fraction: number;
  aboveMonthlyUsd: number;
  source: NegotiatedSource;
  scope: 'offering' | 'provider';
  note: string;
  /** The share actually taken off this candidate's bill (below a threshold: less, or none). */
  effectiveFraction: number;
  /** The candidate's monthly bill with that vendor at list prices, USD. */
  listMonthlyUsd: number;
}
