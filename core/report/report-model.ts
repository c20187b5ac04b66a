import type { StackedBars } from '../charts/breakdown-data.ts';
import type { BreakEvenView, PaybackChart } from '../charts/chart-data.ts';
import type { SpendSeries } from '../charts/spend-data.ts';
import type { TornadoBars } from '../charts/tornado-data.ts';
import {
  formatDecimal,
  formatMs,
  formatNumber,
  formatPct,
  formatUnitUsd,
  formatUsd,
} from '../format.ts';

/**
 * The decision report as data, built once in core (decision-report.ts) and rendered to Markdown,
 * HTML (and from it PDF) and the XLSX workbook. Sections are a list of blocks, so a new section
 * (commitments, a vendor table) is one more builder and every renderer shows it. A file of several
 * workloads is the same model built by portfolio-document.ts.
 */
export interface DecisionReport {
  meta: ReportMeta;
  sections: ReportSection[];
}

export interface ReportMeta {
  title: string;
  scenarioName: string;
  description: string;
  /** The day the report was made (ISO). */
  generatedOn: string;
  /** The day whose catalog prices were used (ISO). */
  pricesAsOf: string;
  /** The newest price row in the catalog (ISO), or null for an empty catalog. */
  catalogDate: string | null;
  /** Prices read before this day are flagged stale (ISO), when known. */
  staleBefore: string | null;
  appVersion: string;
  objectiveLabel: string;
  horizonMonths: number;
}

/** Where a section sits; the order of the report. Hooks name sections other branches add. */
export type SectionId =
  | 'recommendation'
  | 'why'
  | 'shortlist'
  | 'charts'
  | 'uncertainty'
  | 'commitments'
  | 'vendors'
  | 'levers'
  | 'portfolio'
  | 'workloads'
  | 'pools'
  | 'budgets'
  | 'showback'
  | 'spend'
  | 'assumptions'
  | 'projection'
  | 'sources'
  | 'method';

export interface ReportSection {
  id: SectionId;
  title: string;
  blocks: ReportBlock[];
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string; strong?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'figures'; figures: KeyFigure[] }
  | { kind: 'facts'; title: string; facts: Fact[] }
  | { kind: 'table'; caption: string; table: ReportTable }
  | { kind: 'chart'; title: string; note: string; chart: ReportChart };

/** A headline number: kept as a number (the workbook writes it as one), shown by its format. */
export interface KeyFigure {
  label: string;
  value: number | null;
  format: CellFormat;
  /** A word under the number ("a month", "P10–P90 …"). */
  note?: string;
}

/** One assumption: what, and its value in words (numbers formatted). */
export interface Fact {
  label: string;
  value: string;
}

/**
 * How a cell reads. Money is USD; `usdUnit` a unit price that can be a fraction of a cent; `pct`
 * a fraction (0.25 = 25 %); `ms` milliseconds; `date` an ISO day.
 */
export type CellFormat = 'text' | 'usd' | 'usdUnit' | 'pct' | 'ms' | 'integer' | 'number' | 'date';

export type Cell = string | number | null;

export interface ReportColumn {
  key: string;
  header: string;
  format: CellFormat;
  /** A width hint in characters (the workbook's column widths). */
  width: number;
}

export interface ReportTable {
  id: string;
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
  /** Rows to set apart (the recommendation), by index. */
  emphasis?: number[];
}

/** A chart of the report: the same data the app's chart of that kind draws. */
export type ReportChart =
  | { id: 'breakdown'; type: 'breakdown'; data: StackedBars }
  | { id: 'break-even'; type: 'break-even'; data: BreakEvenView }
  | { id: 'payback'; type: 'payback'; data: PaybackChart }
  | { id: 'tornado' | 'gap-tornado'; type: 'tornado'; data: TornadoBars }
  | { id: 'spend'; type: 'spend'; data: SpendSeries };

/** A cell as text in the report's formats (Markdown, HTML): the app's formatters. */
export function formatCell(value: Cell, format: CellFormat): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'usd':
      return formatUsd(value);
    case 'usdUnit':
      return formatUnitUsd(value);
    case 'pct':
      return formatPct(value, Math.abs(value) < 0.1 && value !== 0 ? 1 : 0);
    case 'ms':
      return formatMs(value);
    case 'integer':
      return formatNumber(value);
    case 'number':
      return formatDecimal(value, 1);
    case 'date':
    case 'text':
      return String(value);
  }
}

/**
 * The unit a column's header names, from its format and how its cells are written. Money is in
 * USD either way. A duration's cell reads "503 ms" or "1.50 s" when formatted, so its header names
 * no unit there; a raw number (a workbook's or CSV's cell) is in ms, and the header says so. A
 * share reads as a percent in its cells and counts, scores and dates have none.
 */
export function headerUnit(
  format: CellFormat,
  cells: 'formatted' | 'raw' = 'formatted',
): 'USD' | 'ms' | null {
  switch (format) {
    case 'usd':
    case 'usdUnit':
      return 'USD';
    case 'ms':
      return cells === 'raw' ? 'ms' : null;
    default:
      return null;
  }
}

/**
 * A column's header as the table writers print it, with its unit: "Monthly (USD)"; "TTFT (ms)"
 * above raw numbers. The cells carry "$" too, but a header is read alone (a sheet's filter, a
 * copied column). A header that ends in parentheses of its own (a candidate's label, "… on
 * a3-highgpu-2g (us-central1, 3-year)") keeps them as a clause, so the unit is the one group:
 * "… on a3-highgpu-2g, us-central1, 3-year (USD)".
 */
export function headerWithUnit(
  c: { header: string; format: CellFormat },
  cells: 'formatted' | 'raw' = 'formatted',
): string {
  const unit = headerUnit(c.format, cells);
  if (unit === null) return c.header;
  const own = /^(.*\S)\s+\(([^()]+)\)$/.exec(c.header);
  return own === null ? `${c.header} (${unit})` : `${own[1]}, ${own[2]} (${unit})`;
}

/** Whether a column's numbers line up on the right. */
export function isNumeric(format: CellFormat): boolean {
  return format !== 'text' && format !== 'date';
}

/**
 * A number as a spreadsheet should keep it: money to the cent, unit prices to four significant
 * digits, milliseconds to a tenth, shares to four decimals, counts whole.
 */
export function roundedForFormat(value: number, format: CellFormat): number {
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  switch (format) {
    case 'usd':
      return round(value, 2);
    case 'usdUnit':
      return Number(value.toPrecision(4));
    case 'ms':
    case 'number':
      return round(value, 1);
    case 'pct':
      return round(value, 4);
    case 'integer':
      return Math.round(value);
    default:
      return value;
  }
}
