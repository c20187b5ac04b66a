import { toCsv } from '../csv.ts';
import type { CandidateResult } from '../sweep/types.ts';
import type { ComparisonColumn } from './comparison-columns.ts';

/**
 * CSV with raw numbers (for spreadsheets): full precision, empty where unknown; one column per
 * column given, keyed by its key, in that order (the app passes the columns shown).
 */
export function comparisonCsv(
  candidates: readonly CandidateResult[],
  columns: readonly ComparisonColumn[],
): string {
  const header = columns.map((c) => c.key);
  const rows = candidates.map((c) => columns.map((col) => String(col.raw(c) ?? '')));
  return toCsv([header, ...rows]);
}

/** A Markdown table with formatted values. */
export function comparisonMarkdown(
  candidates: readonly CandidateResult[],
  columns: readonly ComparisonColumn[],
): string {
  return markdownTable(
    columns.map((c) => c.header),
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
    columns.map((c) => c.header),
    ...candidates.map((c) => columns.map((col) => cut(col.text(c)))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => (r[i] as string).length)));
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
