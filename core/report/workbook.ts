import { EXTENSION_SECTIONS, type DecisionReportWithData } from './decision-report.ts';
import { headerWithUnit, type KeyFigure, type ReportTable } from './report-model.ts';
import type { XlsxCell, XlsxSheet } from './xlsx.ts';

/** A report table as a sheet: its headers with their units, formats and widths; numbers stay numbers. */
export function tableSheet(name: string, t: ReportTable): XlsxSheet {
  return {
    name,
    columns: t.columns.map((c) => ({
      header: headerWithUnit(c),
      width: c.width,
      format: c.format,
    })),
    rows: t.rows.map((r) => t.columns.map((c) => r[c.key] ?? null)),
  };
}

/**
 * The workbook procurement sends to finance: Summary (the recommendation, its key figures and why),
 * Shortlist, All feasible candidates, Assumptions, Sources, Monthly projection. Every number is
 * the engine's, written as a number with its currency, percent or date format.
 */
export function reportWorkbook(built: DecisionReportWithData): XlsxSheet[] {
  const { report, why } = built;
  const m = report.meta;
  const figures = report.sections
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b.kind === 'figures' ? b.figures : []));
  const figureRow = (f: KeyFigure): XlsxCell[] => [
    f.label,
    f.value === null ? null : { value: f.value, format: f.format },
    f.note ?? '',
  ];
  const summary: XlsxSheet = {
    name: 'Summary',
    columns: [
      { header: 'Item', width: 30, format: 'text' },
      { header: 'Value', width: 60, format: 'text' },
      { header: 'Note', width: 40, format: 'text' },
    ],
    rows: [
      ['Scenario', m.scenarioName, m.description],
      ['Recommended', why.recommended?.label ?? 'no feasible candidate', ''],
      ['Objective', m.objectiveLabel, `over ${m.horizonMonths} months`],
      ...figures.map(figureRow),
      [
        'Feasible candidates',
        { value: why.feasibleCount, format: 'integer' },
        `of ${why.candidateCount.toLocaleString('en-US')} evaluated`,
      ],
      ['Prices as of', m.pricesAsOf, ''],
      ['Generated', m.generatedOn, `Modelwise ${m.appVersion}`],
      ['Catalog prices up to', m.catalogDate ?? 'none', ''],
      ...why.sentences.map((s, k): XlsxCell[] => [k === 0 ? 'Why' : '', s, '']),
    ],
  };
  return [
    summary,
    tableSheet('Shortlist', shortlistOf(built)),
    tableSheet('All feasible candidates', built.feasible),
    {
      name: 'Assumptions',
      columns: [
        { header: 'Group', width: 26, format: 'text' },
        { header: 'Assumption', width: 30, format: 'text' },
        { header: 'Value', width: 100, format: 'text' },
      ],
      rows: built.assumptions.flatMap((g) =>
        g.facts.map((f): XlsxCell[] => [g.title, f.label, f.value]),
      ),
    },
    tableSheet('Sources', built.sources),
    tableSheet('Monthly projection', built.projection),
    ...extensionSheets(built),
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
