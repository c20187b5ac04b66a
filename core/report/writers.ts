import { toCsv } from '../csv.ts';
import type { CandidateResult } from '../sweep/types.ts';
import type { ComparisonColumn } from './comparison-columns.ts';
import type { Fact } from './report-model.ts';
import { headerWithUnit, roundedForFormat } from './report-model.ts';

/**
 * A column's header with its unit, for a CSV a spreadsheet reads: a share is written as a fraction
 * (0.25), not a percent, so its header says so.
 */
function csvHeader(c: ComparisonColumn): string {
  return c.format === 'pct' ? `${c.header} (share)` : headerWithUnit(c, 'raw');
}

/**
 * The comparison as CSV for spreadsheets: the assumptions it rests on first (label, value) and a
 * blank line, then one column per column given, in that order (the app passes the columns shown),
 * under human headers with units. Money is rounded to the cent (unit prices to four significant
 * digits), placements are in words; unknown numbers are empty cells.
 */
export function comparisonCsv(
  candidates: readonly CandidateResult[],
  columns: readonly ComparisonColumn[],
  assumptions: readonly Fact[] = [],
): string {
  const preamble = assumptions.map((f) => [f.label, f.value]);
  const header = columns.map(csvHeader);
  const rows = candidates.map((c) =>
    columns.map((col) => {
      const v = col.raw(c);
      return v === null ? '' : typeof v === 'number' ? String(roundedForFormat(v, col.format)) : v;
    }),
  );
  return toCsv([...preamble, ...(preamble.length > 0 ? [[]] : []), header, ...rows]);
}

/** A Markdown table with formatted values. */
export function comparisonMarkdown(
  candidates: readonly CandidateResult[],
  columns: readonly ComparisonColumn[],
): string {
  return markdownTable(
    columns.map((c) => headerWithUnit(c)),
    candidates.map((c) => columns.map((col) => col.text(c))),
    columns.map((c) => c.align),
  );
}

/** A Markdown table from cells; `|` in a cell is escaped, numbers line up on the right. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[] = [],
): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(esc).join(' | ')} |`;
  const rule = `| ${header.map((_, i) => (align[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A plain-text table aligned in columns, numbers to the right (terminal output); long cells are cut. */
export function comparisonText(
  candidates: readonly CandidateResult[],
  columns: readonly ComparisonColumn[],
  maxCell = 48,
): string {
  const cut = (s: string) => (s.length > maxCell ? `${s.slice(0, maxCell - 1)}…` : s);
  const cells = [
    columns.map((c) => headerWithUnit(c)),
    ...candidates.map((c) => columns.map((col) => cut(col.text(c)))),
  ];
  // A fold, not Math.max(...cells): a sweep of every region ranks 100,000+ rows, past the
  // number of arguments a call may take (it threw "Maximum call stack size exceeded").
  const widths = columns.map((_, i) =>
    cells.reduce((w, r) => Math.max(w, (r[i] as string).length), 0),
  );
  return cells
    .map((r) =>
      r
        .map((cell, i) =>
          columns[i]?.align === 'right'
            ? cell.padStart(widths[i] as number)
            : cell.padEnd(widths[i] as number),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
