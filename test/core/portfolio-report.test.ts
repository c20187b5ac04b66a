import { describe, expect, it } from 'vitest';
import { spendSeries } from '../../core/charts/spend-data.ts';
import { evaluatePortfolio } from '../../core/portfolio/evaluate.ts';
import { portfolioReport } from '../../core/report/portfolio-document.ts';
import type { ReportSection, ReportTable } from '../../core/report/report-model.ts';
import { reportMarkdown } from '../../core/report/render-markdown.ts';
import { portfolioWorkbook } from '../../core/report/workbook.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import {
  dailyWorkload,
  EXAMPLE_PORTFOLIO_SHEETS,
  portfolioFile,
} from '../support/portfolio-fixtures.ts';

const catalog = { ...readSeed(), discounts: [] };

// A daytime chatbot (Support, 09:00–21:00) and a nightly batch (Data, 21:00–09:00) on one fixed
// L4 at $1 an hour: together one L4 every hour, 730 h × $1 = $730 a month, over 12 months. The
// pool's idle capacity goes to no workload; a budget names a team no workload belongs to.
const file = portfolioFile(
  [
    dailyWorkload('chatbot', 'Support', 9, 12, 2000, { stage: 'experiment' }),
    dailyWorkload('nightly', 'Data', 21, 12, 2000, { stage: 'experiment' }),
  ],
  {
    pooling: { enabled: true, idleAllocation: 'unallocated' },
    budgets: [{ owner: 'Nobody', monthlyUsd: 100 }],
  },
);
const evaluation = evaluatePortfolio(catalog, file, { asOf: '2026-11-27' });
if (!evaluation.ok) throw new Error(evaluation.error);
const r = evaluation.result;
const built = portfolioReport({
  file,
  result: r,
  catalog,
  appVersion: 'test',
  generatedOn: '2026-12-01',
  staleBefore: '2026-06-01',
});
const { report } = built;

const section = (id: string): ReportSection => report.sections.find((s) => s.id === id)!;
const table = (id: string): ReportTable => {
  for (const s of report.sections)
    for (const b of s.blocks) if (b.kind === 'table' && b.table.id === id) return b.table;
  throw new Error(`no table ${id}`);
};

describe('the portfolio report (a pool whose idle capacity no workload carries)', () => {
  it('heads with the horizon cost and the month: 12 × $730 = $8,760 and $730', () => {
    expect(report.meta.title).toBe('portfolio test: 2 workloads, $8,760 over 12 months');
    const figures = section('portfolio').blocks.find((b) => b.kind === 'figures');
    if (figures?.kind !== 'figures') throw new Error('no figures');
    const value = (label: string) => figures.figures.find((f) => f.label === label)?.value;
    expect(value('12-month cost')).toBeCloseTo(12 * 730, 6);
    expect(value('Monthly')).toBe(730);
    // Apart, each is one L4 every hour ($730); together one: the pool saves $730 a month.
    expect(value('Pooling saves')).toBeCloseTo(730, 6);
    // The idle capacity nobody carries is its own figure: $730 less the two workloads' use
    // (to the cent, as the showback rounds it).
    expect(Math.abs(value('Idle, no workload')! - (730 - r.workloads[0]!.useUsd * 2))).toBeLessThan(
      0.01,
    );
  });

  it('stacks every month to the pool’s $730: the two teams’ use and the idle line', () => {
    const series = spendSeries(r, 'owner');
    expect(series.stacks.map((s) => s.label)).toEqual(['Support', 'Data', '(idle, unallocated)']);
    for (let m = 0; m < 12; m++)
      expect(series.stacks.reduce((sum, s) => sum + s.usd[m]!, 0)).toBeCloseTo(730, 6);
    // By workload the idle capacity is a stack of its own; by placement all of it is rented GPUs.
    expect(spendSeries(r, 'workload').stacks.map((s) => s.label)).toEqual([
      'chatbot',
      'nightly',
      'Idle capacity (no workload)',
    ]);
    const byPlacement = spendSeries(r, 'placement').stacks;
    expect(byPlacement).toHaveLength(1);
    expect(byPlacement[0]!.usd[5]).toBeCloseTo(730, 6);
    // The report's month table is that series with the month's total.
    const months = table('portfolio-spend');
    expect(months.rows).toHaveLength(12);
    expect(months.rows[0]).toMatchObject({ month: 1, from: '2026-11-27' });
    expect(months.rows[11]).toMatchObject({ month: 12, from: '2027-10-27' });
    expect(months.rows[0]!['total']).toBeCloseTo(730, 6);
  });

  it('shows the pool’s sharing to the cent: each member’s use and the idle line make $730.00', () => {
    const sharing = table('portfolio-allocation-pool-1');
    expect(sharing.rows.map((row) => row['member'])).toEqual([
      'chatbot',
      'nightly',
      'Idle capacity no member carries',
    ]);
    const cents = sharing.rows.reduce(
      (sum, row) =>
        sum +
        Math.round(((row['use'] as number | null) ?? 0) * 100) +
        Math.round((row['idle'] as number) * 100),
      0,
    );
    expect(cents).toBe(73_000);
  });

  it('says why a budget of a team no workload belongs to never alerts', () => {
    const budgets = table('portfolio-budgets');
    expect(budgets.columns.map((c) => c.header)).toContain('Note');
    expect(budgets.rows[0]!['note']).toBe(
      "no workload belongs to team 'Nobody' (the teams: 'Support', 'Data'): this budget watches $0 and never alerts",
    );
    const md = reportMarkdown(report);
    expect(md).toContain(
      "- Nobody: $100.00 a month — no workload belongs to team 'Nobody' (the teams: 'Support', 'Data'): this budget watches $0 and never alerts",
    );
  });

  it('writes a workbook with a sheet per table, the months by workload, assumptions and sources', () => {
    const sheets = portfolioWorkbook(built);
    expect(sheets.map((s) => s.name)).toEqual(EXAMPLE_PORTFOLIO_SHEETS);
    const byWorkload = sheets.find((s) => s.name === 'Spend by workload')!;
    expect(byWorkload.columns.map((c) => c.header)).toEqual([
      'Month',
      'Starts',
      'chatbot (USD)',
      'nightly (USD)',
      'Idle capacity (no workload), pool-1 (USD)',
      'Total (USD)',
    ]);
    // Each month's columns add up to its total: 730 h × $1.
    for (const row of byWorkload.rows) {
      const [, , a, b, idle, total] = row as number[];
      expect(a! + b! + idle!).toBeCloseTo(730, 6);
      expect(total).toBeCloseTo(730, 6);
    }
    const summary = sheets[0]!;
    expect(summary.rows.find((row) => row[0] === '12-month cost')?.[1]).toEqual({
      value: r.tcoUsd,
      format: 'usd',
    });
  });
});
