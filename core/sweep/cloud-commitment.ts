/**
 * A rented candidate's commitment as a row shows it: the committed base, its terms, each option's
 * break-even, and its risk. Built for rows only (a sweep's columns rank on the cost alone).
 */
import { commitRates, savedHours, type CommitRate } from '../commitments/cloud.ts';
import { commitmentRisk, stressedMonthUsd, type CommittedMonth } from '../commitments/risk.ts';
import type { CandidateCommitment, CommitmentOptionResult } from '../commitments/types.ts';
import { cloudPriceScratch, priceCloudFleet } from '../selfhost/cloud-cost.ts';
import { COMMIT_TERMS } from '../schema/procurement.ts';
import type { CloudPlacement } from '../schema/placement.ts';
import { HOURS_PER_MONTH } from '../units.ts';
import type { EvalContext } from './context.ts';
import type { OkAssessment } from './evaluate-cloud.ts';
import { fleetAtRates } from './evaluate-cloud.ts';
import type { RoiCosting } from './result.ts';

const TERM_LABEL = { commit1y: '1-year', commit3y: '3-year' } as const;

/** The commitment of an assessed committed candidate whose horizon cost is `tcoUsd`. */
export function cloudCommitment(
  ctx: EvalContext,
  p: CloudPlacement,
  a: OkAssessment,
  costing: RoiCosting,
  tcoUsd: number,
): CandidateCommitment | null {
  const split = a.cost.commitment;
  const commit = a.commit;
  const held = costing.persistent;
  if (split === null || commit === undefined || held === undefined) return null;
  const rate = commit.rate;
  const burst = commit.burstUsdPerHour;
  const keep = 1 - a.cost.discount;
  const fleetAt = fleetAtRates(ctx, p, a.sized, a.capacity, a.terms);
  const scratch = cloudPriceScratch();
  const opts = { discount: a.discount, commit: { ...commit, units: 0 } };
  const priced = (
    w: Parameters<typeof fleetAt>[0],
    rates: Parameters<typeof fleetAt>[1],
    units: number,
  ) => {
    const fleet = fleetAt(w, rates);
    if (!fleet.ok) return null;
    opts.commit.units = units;
    const cost = priceCloudFleet(fleet, a.instance, p.pricing, a.terms, rates, scratch, opts);
    return cost.ok ? cost : null;
  };
  const monthAt = (
    w: Parameters<typeof fleetAt>[0],
    rates: Parameters<typeof fleetAt>[1],
    units: number,
  ): CommittedMonth => {
    const cost = priced(w, rates, units);
    if (cost === null || cost.commitment === null) {
      const inf = Number.POSITIVE_INFINITY;
      return { monthlyUsd: inf, runUsd: inf, idleUsd: inf, uncommittedUsd: inf };
    }
    const c = cost.commitment;
    const share = 1 - cost.discount;
    const monthlyUsd = cost.monthlyUsd;
    const runUsd = monthlyUsd - c.upfrontShareUsd * share;
    const saved = savedHours(cost.fleet.levels!, c.units, c.burstHours);
    const idleUsd = Math.max(0, c.committedHours - saved) * rate.effectiveUsdPerHour * share;
    const without = priced(w, rates, 0);
    return { monthlyUsd, runUsd, idleUsd, uncommittedUsd: without?.monthlyUsd ?? monthlyUsd };
  };
  const now = monthAt(ctx.workload, ctx.rates, split.units);
  const risk = commitmentRisk(ctx, 'cloud', held, tcoUsd, monthAt);
  const saved = savedHours(a.cost.fleet.levels!, split.units, split.burstHours);
  const utilization = split.units > 0 ? Math.min(1, saved / split.committedHours) : 0;
  const upfrontUsd = split.units * rate.upfrontUsd * keep;
  const saving = now.uncommittedUsd - now.runUsd;
  return {
    kind: 'reserved',
    term: TERM_LABEL[rate.term],
    termMonths: rate.termMonths,
    payment: rate.payment,
    unit: 'instance',
    committedUnits: split.units,
    upfrontUsd,
    monthlyCommittedUsd: split.recurringUsd * keep,
    breakEvenUtilization: rate.effectiveUsdPerHour / burst,
    utilization,
    stressed50Usd: risk.stressed50Usd,
    stressed50MonthlyUsd: stressedMonthUsd(ctx, split.units, monthAt),
    stranded50Usd: risk.stranded50Usd,
    uncommittedMonthlyUsd: now.uncommittedUsd,
    monthsToRecoverUpfront: upfrontUsd > 0 && saving > 0 ? upfrontUsd / saving : null,
    stopsPayingMonth: risk.stopsPayingMonth,
    breakEvenRequestsPerMonth: null,
    peakUnits: null,
    yours: false,
    options: cloudOptions(a.instance, burst, utilization > 0 ? utilization : 1, keep),
  };
}

/**
 * Every term and payment the instance prices, with its break-even utilization against the burst
 * rate and the months one unit busy `utilization` of the time takes to recover its upfront sum.
 */
function cloudOptions(
  instance: OkAssessment['instance'],
  burstUsdPerHour: number,
  utilization: number,
  keep: number,
): CommitmentOptionResult[] {
  const option = (r: CommitRate): CommitmentOptionResult => {
    const savingPerMonth = (utilization * burstUsdPerHour - r.usdPerHour) * HOURS_PER_MONTH * keep;
    return {
      term: TERM_LABEL[r.term],
      payment: r.payment,
      termMonths: r.termMonths,
      upfrontUsdPerUnit: r.upfrontUsd * keep,
      effectiveUsdPerUnitMonth: r.effectiveUsdPerHour * HOURS_PER_MONTH * keep,
      breakEvenUtilization: r.effectiveUsdPerHour / burstUsdPerHour,
      monthsToRecoverUpfront:
        r.upfrontUsd > 0 && savingPerMonth > 0 ? (r.upfrontUsd * keep) / savingPerMonth : null,
      source: r.source,
      asOf: r.asOf,
      yours: false,
    };
  };
  return COMMIT_TERMS.flatMap((term) => commitRates(instance, term).map(option));
}
