/**
 * The procurement parts of a report, in words and tables both the app and the Markdown report
 * use: each vendor's row, each commitment's terms and risk.
 */
import type { CandidateCommitment, CommitmentOptionResult } from '../commitments/types.ts';
import { unitsText } from '../commitments/units.ts';
import { formatNumber, formatPct, formatUsd } from '../format.ts';
import { describeTerms } from '../pricing/negotiated.ts';
import type { VendorCommitmentOption, VendorRow, VendorView } from '../procurement/vendors.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { markdownTable } from './writers.ts';

const PAYMENT_WORDS = {
  noUpfront: 'no upfront',
  partialUpfront: 'partial upfront',
  allUpfront: 'all upfront',
} as const;

/** A commitment's term as a person reads it: "3-year, all upfront", "1-month reservation". */
export function termText(c: Pick<CandidateCommitment, 'term' | 'payment' | 'kind'>): string {
  return c.payment === null
    ? `${c.term}${c.kind === 'provisioned' && c.term !== 'hourly' ? ' term' : ''}`
    : `${c.term}, ${PAYMENT_WORDS[c.payment]}`;
}

/** One option with its break-even: "3-year all upfront: break-even 38%". */
export function optionText(o: CommitmentOptionResult): string {
  const pay = o.payment === null || o.payment === 'noUpfront' ? '' : ` ${PAYMENT_WORDS[o.payment]}`;
  const be = o.breakEvenUtilization === null ? '—' : formatPct(o.breakEvenUtilization, 0);
  const yours = o.yours ? ' (your figure)' : '';
  return `${o.term}${pay}: break-even ${be}${yours}`;
}

/** The facts of a commitment, labelled: what the app's detail and the report both list. */
export function commitmentFacts(c: CandidateCommitment): { label: string; value: string }[] {
  const facts = [
    { label: 'Committed', value: `${unitsText(c.unit, c.committedUnits)} on a ${termText(c)}` },
    { label: 'Upfront', value: formatUsd(c.upfrontUsd) },
    { label: 'Committed a month', value: formatUsd(c.monthlyCommittedUsd) },
    {
      label: 'Break-even utilization',
      value: formatPct(c.breakEvenUtilization, 1),
    },
    { label: 'Utilization it gets', value: formatPct(c.utilization, 1) },
    { label: 'Without the commitment', value: `${formatUsd(c.uncommittedMonthlyUsd)} a month` },
    { label: 'If volume is 50% of plan', value: `${formatUsd(c.stressed50Usd)} over the horizon` },
    { label: 'Stranded then', value: formatUsd(c.stranded50Usd) },
    {
      label: 'Stops paying',
      value: c.stopsPayingMonth === null ? 'pays throughout' : `from month ${c.stopsPayingMonth}`,
    },
  ];
  if (c.monthsToRecoverUpfront !== null) {
    facts.push({
      label: 'Upfront recovered in',
      value: `${formatNumber(c.monthsToRecoverUpfront, 1)} months`,
    });
  }
  if (c.breakEvenRequestsPerMonth !== null) {
    facts.push({
      label: 'Beats pay-as-you-go above',
      value: `${formatNumber(c.breakEvenRequestsPerMonth)} requests a month`,
    });
  }
  if (c.peakUnits !== null) {
    facts.push({ label: 'Units covering peak', value: formatNumber(c.peakUnits) });
  }
  if (c.yours)
    facts.push({ label: 'Figures', value: 'a price or capacity here is yours, not published' });
  if (c.options.length > 0) {
    facts.push({ label: 'Options', value: c.options.map(optionText).join('; ') });
  }
  return facts;
}

/** One commitment option of a vendor: "3-year, no upfront: $3,214,713 (break-even 44%)". */
export function vendorOptionText(o: VendorCommitmentOption): string {
  const c = o.commitment;
  if (c === null) return `${o.term}: ${o.reason ?? 'not priced'}`;
  const be = `break-even ${formatPct(c.breakEvenUtilization, 0)}`;
  const volume =
    c.breakEvenRequestsPerMonth === null
      ? ''
      : `, pays above ${formatNumber(c.breakEvenRequestsPerMonth)} req/month`;
  const yours = c.yours ? ', your figures' : '';
  return `${termText(c)}: ${formatUsd(o.tcoUsd)} (${be}${volume}${yours})`;
}

/** A vendor's commitment options in one cell. */
export function vendorCommitmentsText(v: VendorRow): string {
  if (v.commitments.length === 0) return v.commitmentNote ?? '—';
  return v.commitments.map(vendorOptionText).join('; ');
}

/** The vendor table and the plan's concentration, as Markdown. */
export function vendorMarkdown(view: VendorView, horizonMonths: number): string {
  const table = markdownTable(
    [
      'Vendor',
      'Best offering',
      'Rank',
      `${horizonMonths}-month cost at list`,
      'Negotiated',
      'Terms',
      'Commitment options',
      'Lock-in',
    ],
    view.rows.map((v) => [
      v.vendorName,
      v.best.label,
      v.best.rank === null ? 'out' : String(v.best.rank),
      formatUsd(v.listTcoUsd),
      formatUsd(v.negotiatedTcoUsd),
      v.terms === null ? 'list prices' : describeTerms(v.terms),
      vendorCommitmentsText(v),
      v.lockIn.summary,
    ]),
    ['left', 'left', 'right', 'right', 'right', 'left', 'left', 'left'],
  );
  return view.concentration === null ? table : `${table}\n\n${view.concentration.summary}`;
}

/** Every ranked candidate with a commitment, its terms and risk, as Markdown. */
export function commitmentsMarkdown(rows: readonly CandidateResult[]): string | null {
  const committed = rows.filter((r) => r.commitment !== null);
  if (committed.length === 0) return null;
  return markdownTable(
    [
      'Candidate',
      'Committed',
      'Upfront',
      'Committed a month',
      'Break-even',
      'Utilization',
      'At 50% volume',
      'Stranded then',
      'Stops paying',
    ],
    committed.map((r) => {
      const c = r.commitment as CandidateCommitment;
      return [
        r.label,
        `${unitsText(c.unit, c.committedUnits)}, ${termText(c)}`,
        formatUsd(c.upfrontUsd),
        formatUsd(c.monthlyCommittedUsd),
        formatPct(c.breakEvenUtilization, 0),
        formatPct(c.utilization, 0),
        formatUsd(c.stressed50Usd),
        formatUsd(c.stranded50Usd),
        c.stopsPayingMonth === null ? 'pays throughout' : `month ${c.stopsPayingMonth}`,
      ];
    }),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
}

/** The vendor table for JSON: each row's best offering by id, the rest as it is. */
export function vendorJson(view: VendorView) {
  return {
    vendors: view.rows.map((v) => ({
      vendor: v.vendor,
      vendorName: v.vendorName,
      candidates: v.candidates,
      feasible: v.feasible,
      best: v.best.id,
      bestLabel: v.best.label,
      rank: v.best.rank,
      listTcoUsd: v.listTcoUsd,
      negotiatedTcoUsd: v.negotiatedTcoUsd,
      terms: v.terms,
      commitments: v.commitments.map((o) => ({
        id: o.id,
        term: o.term,
        tcoUsd: o.tcoUsd,
        monthlyUsd: o.monthlyUsd,
        commitment: o.commitment,
        reason: o.reason,
      })),
      commitmentNote: v.commitmentNote,
      lockIn: v.lockIn,
    })),
    concentration: view.concentration,
  };
}
