import { IDLE_NO_WORKLOAD, spendSeries } from '../charts/spend-data.ts';
import { formatUnitUsd } from '../format.ts';
import type { PortfolioResult } from '../portfolio/evaluate.ts';
import { NO_OWNER, type Showback } from '../portfolio/showback.ts';
import { idleRuleWords, type PortfolioSectionInput } from './portfolio-sections.ts';
import type { Cell, ReportSection, ReportTable } from './report-model.ts';
import { monthStart } from './report-tables.ts';

/**
 * The governance sections of a portfolio's report: the budgets, the showback, and the spend month
 * by month (by team on the page; by workload in the workbook), all as the engine gives them.
 */

/** Each budget: a sentence, and a row per alert threshold with the month it is first passed. */
export function budgetsSection({ r, start }: PortfolioSectionInput): ReportSection | null {
  if (r.budgets.length === 0) return null;
  const names = new Map(r.workloads.map((w) => [w.id, w.name]));
  const table: ReportTable = {
    id: 'portfolio-budgets',
    columns: [
      { key: 'subject', header: 'Budget for', format: 'text', width: 22 },
      { key: 'covers', header: 'Covers', format: 'text', width: 10 },
      { key: 'monthly', header: 'Monthly budget', format: 'usd', width: 14 },
      { key: 'threshold', header: 'Alert at', format: 'pct', width: 9 },
      { key: 'month', header: 'First passed in month', format: 'integer', width: 10 },
      { key: 'from', header: 'Month starts', format: 'date', width: 12 },
      { key: 'driver', header: 'Driven by', format: 'text', width: 22 },
      // Only a budget that covers nothing has a note (why it never alerts).
      ...(r.budgets.some((b) => b.note !== null)
        ? [{ key: 'note', header: 'Note', format: 'text' as const, width: 40 }]
        : []),
    ],
    rows: r.budgets.flatMap((b) =>
      b.crossings.map((c, k) => ({
        subject: b.owner ?? names.get(b.workloadId ?? '') ?? b.workloadId,
        covers: b.owner === null ? 'workload' : 'team',
        monthly: b.monthlyUsd,
        threshold: c.threshold,
        month: c.month,
        from: c.month === null ? null : monthStart(start, c.month),
        driver: c.driverId === null ? null : (names.get(c.driverId) ?? c.driverId),
        note: k === 0 ? b.note : null,
      })),
    ),
  };
  return {
    id: 'budgets',
    title: 'Budgets',
    blocks: [
      {
        kind: 'paragraph',
        text: `Each budget against the spend of what it covers (a team's workloads and any idle capacity shown to the team, or one workload), projected month by month with each workload's growth: the first month each alert threshold is passed, and the workload driving it there (the one that grew most since month 1, else the largest). The Portfolio section says each in words.`,
      },
      { kind: 'table', caption: '', table },
    ],
  };
}

const SHOWBACK_VIEWS: { key: keyof Omit<Showback, 'totalCents' | 'rows'>; label: string }[] = [
  { key: 'byOwner', label: 'Team' },
  { key: 'byTag', label: 'Tag' },
  { key: 'byStage', label: 'Stage' },
  { key: 'byVendor', label: 'Vendor' },
  { key: 'byPlacement', label: 'Placement' },
];

/**
 * The month's spend by team, tag, stage, vendor and placement, each adding up (by workload it is
 * the Workloads table's Monthly column).
 */
export function showbackSection({ r, pooling }: PortfolioSectionInput): ReportSection {
  const total = r.showback.totalCents;
  const rows = SHOWBACK_VIEWS.flatMap((view) =>
    Object.entries(r.showback[view.key])
      .sort((a, b) => b[1] - a[1])
      .map(([key, cents]) => ({
        by: view.label,
        name: key === '' ? NO_OWNER : key,
        monthly: cents / 100,
        share: total > 0 ? cents / total : null,
      })),
  );
  return {
    id: 'showback',
    title: 'Showback',
    blocks: [
      {
        kind: 'paragraph',
        text: `The first full month's spend shown back to who causes it, in whole cents: a pool's cost by the GPU-seconds each member uses, its idle capacity ${idleRuleWords(pooling)}. Every view adds up to the total of ${formatUnitUsd(total / 100)} to the cent; a workload with several tags is split evenly over them, so the tags add up too.`,
      },
      {
        kind: 'table',
        caption: '',
        table: {
          id: 'portfolio-showback',
          columns: [
            { key: 'by', header: 'By', format: 'text', width: 11 },
            { key: 'name', header: 'Who', format: 'text', width: 30 },
            { key: 'monthly', header: 'Monthly', format: 'usd', width: 13 },
            { key: 'share', header: 'Share', format: 'pct', width: 9 },
          ],
          rows,
        },
      },
    ],
  };
}

/** Month, its first day, the given columns, and the portfolio's total for the month. */
function monthsTable(
  id: string,
  r: PortfolioResult,
  start: string,
  series: { label: string; usd: readonly number[] }[],
): ReportTable {
  return {
    id,
    columns: [
      { key: 'month', header: 'Month', format: 'integer', width: 7 },
      { key: 'from', header: 'Starts', format: 'date', width: 12 },
      ...series.map((s, k) => ({
        key: `s${k}`,
        header: s.label,
        format: 'usd' as const,
        width: Math.max(12, Math.min(28, s.label.length + 2)),
      })),
      { key: 'total', header: 'Total', format: 'usd', width: 14 },
    ],
    rows: r.usdByMonth.map((total, k) => {
      const row: Record<string, Cell> = { month: k + 1, from: monthStart(start, k + 1), total };
      series.forEach((s, j) => (row[`s${j}`] = s.usd[k] ?? 0));
      return row;
    }),
  };
}

/** Spend month by month by team (the chart's stacks) with the portfolio's total. */
export function spendSection({ r, start }: PortfolioSectionInput): ReportSection {
  const breaches = [
    ...new Set(r.budgets.flatMap((b) => (b.firstBreachMonth === null ? [] : [b.firstBreachMonth]))),
  ];
  const table = monthsTable('portfolio-spend', r, start, spendSeries(r, 'owner').stacks);
  return {
    id: 'spend',
    title: 'Spend month by month',
    blocks: [
      {
        kind: 'paragraph',
        text: `Each month's spend from ${start} by team: every workload at that month's volume (its growth) from its launch, an experiment until its time box ends, and a pool re-sized each month for the members it serves then. Setup is paid at the decision and is in the ${r.horizonMonths}-month cost, not in these months.${breaches.length === 0 ? '' : ` In bold, the month${breaches.length === 1 ? '' : 's'} a budget is first exceeded.`} The workbook has the months by workload.`,
      },
      {
        kind: 'table',
        caption: '',
        table: { ...table, emphasis: breaches.map((m) => m - 1) },
      },
    ],
  };
}

/** Spend month by month by workload, and any idle capacity no workload carries (the workbook). */
export function spendByWorkloadTable(r: PortfolioResult, start: string): ReportTable {
  return monthsTable('portfolio-spend-by-workload', r, start, [
    ...r.workloads.map((w) => ({ label: w.name, usd: w.usdByMonth })),
    ...r.unallocatedIdle.map((u) => ({
      label: `${IDLE_NO_WORKLOAD}, ${u.poolId}`,
      usd: u.usdByMonth,
    })),
  ]);
}
