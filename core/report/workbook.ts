import { EXTENSION_SECTIONS, type DecisionReportWithData } from './decision-report.ts';
import type { PortfolioReportWithData } from './portfolio-document.ts';
import type { FactGroup } from './report-assumptions.ts';
import {
  headerWithUnit,
  type DecisionReport,
  type KeyFigure,
  type ReportTable,
} from './report-model.ts';
import type { XlsxCell, XlsxSheet } from './xlsx.ts';

/** A report table as a sheet: its headers with their units, formats and widths; numbers stay numbers. */
export function tableSheet(name: string, t: ReportTable): XlsxSheet {
  return {
    name,
    columns: t.columns.map((c) => ({
      header: headerWithUnit(c, 'raw'),
      width: c.width,
      format: c.format,
    })),
    rows: t.rows.map((r) => t.columns.map((c) => r[c.key] ?? null)),
  };
}

/**
 * The Summary sheet: the scenario, `head` (what is recommended), the objective, every key figure
 * of the report as a number, `counts`, the report's dates, then `tail` (why, the budgets).
 */
function summarySheet(
  report: DecisionReport,
  rows: { head: XlsxCell[][]; counts: XlsxCell[][]; tail: XlsxCell[][] },
): XlsxSheet {
  const m = report.meta;
  const figureRow = (f: KeyFigure): XlsxCell[] => [
    f.label,
    f.value === null ? null : { value: f.value, format: f.format },
    f.note ?? '',
  ];
  const figures = report.sections
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b.kind === 'figures' ? b.figures : []));
  return {
    name: 'Summary',
    columns: [
      { header: 'Item', width: 30, format: 'text' },
      { header: 'Value', width: 60, format: 'text' },
      { header: 'Note', width: 40, format: 'text' },
    ],
    rows: [
      ['Scenario', m.scenarioName, m.description],
      ...rows.head,
      ['Objective', m.objectiveLabel, `over ${m.horizonMonths} months`],
      ...figures.map(figureRow),
      ...rows.counts,
      ['Prices as of', m.pricesAsOf, ''],
      ['Generated', m.generatedOn, `Modelwise ${m.appVersion}`],
      ['Catalog prices up to', m.catalogDate ?? 'none', ''],
      ...rows.tail,
    ],
  };
}

function assumptionsSheet(groups: readonly FactGroup[]): XlsxSheet {
  return {
    name: 'Assumptions',
    columns: [
      { header: 'Group', width: 26, format: 'text' },
      { header: 'Assumption', width: 30, format: 'text' },
      { header: 'Value', width: 100, format: 'text' },
    ],
    rows: groups.flatMap((g) => g.facts.map((f): XlsxCell[] => [g.title, f.label, f.value])),
  };
}

/**
 * The workbook procurement sends to finance: Summary (the recommendation, its key figures and why),
 * Shortlist, All feasible candidates, Assumptions, Sources, Monthly projection. Every number is
 * the engine's, written as a number with its currency, percent or date format.
 */
export function reportWorkbook(built: DecisionReportWithData): XlsxSheet[] {
  const { report, why } = built;
  return [
    summarySheet(report, {
      head: [['Recommended', why.recommended?.label ?? 'no feasible candidate', '']],
      counts: [
        [
          'Feasible candidates',
          { value: why.feasibleCount, format: 'integer' },
          `of ${why.candidateCount.toLocaleString('en-US')} evaluated`,
        ],
      ],
      tail: why.sentences.map((s, k): XlsxCell[] => [k === 0 ? 'Why' : '', s, '']),
    }),
    tableSheet('Shortlist', shortlistOf(built)),
    tableSheet('All feasible candidates', built.feasible),
    assumptionsSheet(built.assumptions),
    tableSheet('Sources', built.sources),
    tableSheet('Monthly projection', built.projection),
    ...extensionSheets(built),
  ];
}

/** A portfolio table's sheet name, by its table id (a pool's sharing is named by its pool). */
function portfolioSheetName(tableId: string): string {
  const names: Record<string, string> = {
    'portfolio-workloads': 'Workloads',
    'portfolio-pools': 'Shared pools',
    'portfolio-budgets': 'Budgets',
    'portfolio-showback': 'Showback',
    'portfolio-spend': 'Spend by team',
  };
  return names[tableId] ?? `${tableId.replace(/^portfolio-allocation-/, '')} sharing`;
}

/**
 * The portfolio's workbook: Summary (the totals and the budgets in words), then every table of
 * the report as a sheet — Workloads, Shared pools and each pool's sharing, Budgets, Showback,
 * Spend by team — and Spend by workload, Assumptions, Sources. Numbers stay numbers.
 */
export function portfolioWorkbook(built: PortfolioReportWithData): XlsxSheet[] {
  const { report } = built;
  const summary = report.sections.find((s) => s.id === 'portfolio');
  const lists = (summary?.blocks ?? []).flatMap((b) => (b.kind === 'list' ? b.items : []));
  const tables = report.sections
    .filter((s) => s.id !== 'sources')
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b.kind === 'table' ? [b.table] : []));
  return [
    summarySheet(report, {
      head: [],
      counts: [],
      tail: lists.map((text, k): XlsxCell[] => [k === 0 ? 'Budgets' : '', text, '']),
    }),
    ...tables.map((t) => tableSheet(portfolioSheetName(t.id), t)),
    tableSheet('Spend by workload', built.spendByWorkload),
    assumptionsSheet(built.assumptions),
    tableSheet('Sources', built.sources),
  ];
}

/** Each table of a section an extension added (commitments, vendors, …): a sheet named by it. */
function extensionSheets(built: DecisionReportWithData): XlsxSheet[] {
  return built.report.sections
    .filter((s) => EXTENSION_SECTIONS.has(s.id))
    .flatMap((s) => {
      const tables = s.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
      return tables.map((b, k) => tableSheet(`${s.title}${k === 0 ? '' : ` ${k + 1}`}`, b.table));
    });
}

function shortlistOf(built: DecisionReportWithData): ReportTable {
  for (const s of built.report.sections) {
    for (const b of s.blocks) if (b.kind === 'table' && b.table.id === 'shortlist') return b.table;
  }
  return { id: 'shortlist', columns: [], rows: [] };
}
