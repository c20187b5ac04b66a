import type { CandidateCommitment } from '../commitments/types.ts';
import { unitsText } from '../commitments/units.ts';
import { describeTerms } from '../pricing/negotiated.ts';
import { vendorView } from '../procurement/vendors.ts';
import type { CandidateResult } from '../sweep/types.ts';
import type { ReportContext, ReportExtension } from './decision-report.ts';
import { leversSection } from './levers-section.ts';
import { termText, vendorCommitmentsText } from './procurement-report.ts';
import type { ReportSection } from './report-model.ts';

/**
 * The report's Commitments section: every shortlisted (or chosen) candidate that commits capacity,
 * with the commitments engine's own figures — what is committed, upfront, the monthly committed
 * charge, the break-even utilization against the utilization it gets, the horizon cost if volume
 * is half the plan and what is stranded then, the month it stops paying. Nothing is recomputed.
 */
export const commitmentsSection: ReportExtension = (ctx: ReportContext): ReportSection | null => {
  const seen = new Set<string>();
  const committed: CandidateResult[] = [];
  for (const r of [...ctx.shortlist, ...ctx.chosen]) {
    if (r.commitment === null || seen.has(r.id)) continue;
    seen.add(r.id);
    committed.push(r);
  }
  if (committed.length === 0) return null;
  const horizon = ctx.why.horizonMonths;
  return {
    id: 'commitments',
    title: 'Commitments',
    blocks: [
      {
        kind: 'paragraph',
        text: `The candidates here that commit capacity (reserved instances, provisioned throughput), as the commitments engine plans them: the break-even utilization is the committed rate over the rate it replaces; "at 50 % volume" is the ${horizon}-month cost if volume turns out at half the plan with the commitment held.`,
      },
      {
        kind: 'table',
        caption: '',
        table: {
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
              header: `${horizon}-month cost at 50 % volume`,
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
        },
      },
    ],
  };
};

/**
 * The report's Vendors section: the procurement view's table (each vendor's best offering, its
 * horizon cost at list and negotiated, its terms, commitment options and lock-in) and the
 * recommended plan's vendor concentration, from vendorView as the app's vendor table shows it.
 */
export const vendorsSection: ReportExtension = (ctx: ReportContext): ReportSection | null => {
  const e = ctx.input.evaluation;
  const view = vendorView(e.context, e.result, e.placements);
  if (view.rows.length === 0) return null;
  const horizon = ctx.why.horizonMonths;
  return {
    id: 'vendors',
    title: 'Vendors',
    blocks: [
      {
        kind: 'table',
        caption: '',
        table: {
          id: 'vendors',
          columns: [
            { key: 'vendor', header: 'Vendor', format: 'text', width: 18 },
            { key: 'best', header: 'Best offering', format: 'text', width: 32 },
            { key: 'rank', header: 'Rank', format: 'integer', width: 6 },
            {
              key: 'listTcoUsd',
              header: `${horizon}-month cost at list`,
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
            // A vendor with nothing feasible shows its best all the same, unranked: say why.
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
        },
      },
      ...(view.concentration === null
        ? []
        : [{ kind: 'paragraph' as const, text: view.concentration.summary }]),
    ],
  };
};

/** The sections every decision report adds beyond its own (the CLI's and the app's alike). */
export const REPORT_EXTENSIONS: readonly ReportExtension[] = [
  commitmentsSection,
  vendorsSection,
  leversSection,
];
