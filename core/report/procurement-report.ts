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
import type { ReportTable } from './report-model.ts';
import { tableMarkdown } from './render-markdown.ts';

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

/**
 * The vendor table: each vendor's best offering (a vendor with nothing feasible shows its best all
 * the same, unranked, and says why), its horizon cost at list and negotiated, its terms,
 * commitment options and lock-in; the recommended plan's vendor set apart.
 */
export function vendorTable(view: VendorView, horizonMonths: number): ReportTable {
  return {
    id: 'vendors',
    columns: [
      { key: 'vendor', header: 'Vendor', format: 'text', width: 18 },
      { key: 'best', header: 'Best offering', format: 'text', width: 32 },
      { key: 'rank', header: 'Rank', format: 'integer', width: 6 },
      {
        key: 'listTcoUsd',
        header: `${horizonMonths}-month cost at list`,
        format: 'usd',
        width: 14,
      },
      { key: 'negotiatedTcoUsd', header: 'Negotiated', format: 'usd', width: 14 },
      { key: 'terms', header: 'Terms', format: 'text', width: 24 },
      { key: 'commitments', header: 'Commitment options', format: 'text', width: 40 },
      { key: 'lockIn', header: 'Lock-in', format: 'text', width: 36 },
    ],
    rows: view.rows.map((v) => ({
      vendor: v.vendorName,
      best: v.best.feasible
        ? v.best.label
        : `${v.best.label} (out of the ranking: ${v.best.reasons[0] ?? 'not feasible'})`,
      rank: v.best.rank,
      listTcoUsd: v.listTcoUsd,
      negotiatedTcoUsd: v.negotiatedTcoUsd,
      terms: v.terms === null ? 'list prices' : describeTerms(v.terms),
      commitments: vendorCommitmentsText(v),
      lockIn: v.lockIn.summary,
    })),
    emphasis: view.rows.flatMap((v, k) => (v.best.recommended ? [k] : [])),
  };
}

/** The vendor table and the plan's concentration, as Markdown. */
export function vendorMarkdown(view: VendorView, horizonMonths: number): string {
  const table = tableMarkdown(vendorTable(view, horizonMonths));
  return view.concentration === null ? table : `${table}\n\n${view.concentration.summary}`;
}

/**
 * The candidates given that commit capacity (reserved instances, provisioned throughput), with the
 * commitments engine's own figures: what is committed, upfront, the monthly committed charge, the
 * break-even utilization against the utilization it gets, the horizon cost if volume is half the
 * plan and what is stranded then, the month it stops paying. Nothing is recomputed.
 */
export function commitmentsTable(
  rows: readonly CandidateResult[],
  horizonMonths: number,
): ReportTable {
  const committed = rows.filter((r) => r.commitment !== null);
  return {
    id: 'commitments',
    columns: [
      { key: 'candidate', header: 'Candidate', format: 'text', width: 36 },
      { key: 'committed', header: 'Committed', format: 'text', width: 24 },
      { key: 'upfrontUsd', header: 'Upfront', format: 'usd', width: 12 },
      { key: 'monthlyCommittedUsd', header: 'Committed a month', format: 'usd', width: 14 },
      { key: 'breakEven', header: 'Break-even utilization', format: 'pct', width: 12 },
      { key: 'utilization', header: 'Utilization it gets', format: 'pct', width: 12 },
      {
        key: 'stressed50Usd',
        header: `${horizonMonths}-month cost at 50 % volume`,
        format: 'usd',
        width: 16,
      },
      { key: 'stranded50Usd', header: 'Stranded then', format: 'usd', width: 13 },
      { key: 'stopsPaying', header: 'Stops paying', format: 'text', width: 14 },
    ],
    rows: committed.map((r) => {
      const c = r.commitment as CandidateCommitment;
      return {
        candidate: r.label,
        committed: `${unitsText(c.unit, c.committedUnits)}, ${termText(c)}${c.yours ? ' (your figures)' : ''}`,
        upfrontUsd: c.upfrontUsd,
        monthlyCommittedUsd: c.monthlyCommittedUsd,
        breakEven: c.breakEvenUtilization,
        utilization: c.utilization,
        stressed50Usd: c.stressed50Usd,
        stranded50Usd: c.stranded50Usd,
        stopsPaying:
          c.stopsPayingMonth === null ? 'pays throughout' : `month ${c.stopsPayingMonth}`,
      };
    }),
    emphasis: committed.flatMap((r, k) => (r.recommended ? [k] : [])),
  };
}

/** Every ranked candidate with a commitment, its terms and risk, as Markdown; null for none. */
export function commitmentsMarkdown(
  rows: readonly CandidateResult[],
  horizonMonths: number,
): string | null {
  const table = commitmentsTable(rows, horizonMonths);
  return table.rows.length === 0 ? null : tableMarkdown(table);
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
