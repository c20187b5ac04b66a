import { vendorView } from '../procurement/vendors.ts';
import type { CandidateResult } from '../sweep/types.ts';
import type { ReportContext, ReportExtension } from './decision-report.ts';
import { leversSection } from './levers-section.ts';
import { commitmentsTable, vendorTable } from './procurement-report.ts';
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
      { kind: 'table', caption: '', table: commitmentsTable(committed, horizon) },
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
  return {
    id: 'vendors',
    title: 'Vendors',
    blocks: [
      { kind: 'table', caption: '', table: vendorTable(view, ctx.why.horizonMonths) },
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
