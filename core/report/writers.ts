import { toCsv } from '../csv.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { COMPARISON_COLUMNS, type ComparisonColumn } from './comparison-columns.ts';
import type { Fact } from './report-model.ts';
import { roundedForFormat } from './report-model.ts';

/** A column's header with its unit, for a CSV a spreadsheet reads. */
function csvHeader(c: ComparisonColumn): string {
  switch (c.format) {
    case 'usd':
    case 'usdUnit':
      return `${c.header} (USD)`;
    case 'ms':
      return `${c.header} (ms)`;
    case 'pct':
      return `${c.header} (share)`;
    default:
      return c.header;
  }
}

/**
 * The comparison as CSV for spreadsheets: the assumptions it rests on first (label, value), a
 * blank line, then the rows and columns given (the app's current view) under human headers with
 * units. Money is rounded to the cent (unit prices to four significant digits), placements are in
 * words; unknown numbers are empty cells.
 */
export function comparisonCsv(
  candidates: readonly CandidateResult[],
  options: { columns?: readonly ComparisonColumn[]; assumptions?: readonly Fact[] } = {},
): string {
  const columns = options.columns ?? COMPARISON_COLUMNS;
  const preamble = (options.assumptions ?? []).map((f) => [f.label, f.value]);
  const header = columns.map(csvHeader);
  const rows = candidates.map((c) =>
    columns.map((col) => {
      const v = col.raw(c);
      return v === null ? '' : typeof v === 'number' ? String(roundedForFormat(v, col.format)) : v;
    }),
  );
  return toCsv([...preamble, ...(preamble.length > 0 ? [[]] : []), header, ...rows]);
}

const esc = (s: string) => s.replace(/\|/g, '\\|');

/** A Markdown table with formatted values, of the columns given (all by default). */
export function comparisonMarkdown(
  candidates: readonly CandidateResult[],
  columns: readonly ComparisonColumn[] = COMPARISON_COLUMNS,
): string {
  const header = `| ${columns.map((c) => c.header).join(' | ')} |`;
  const rule = `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const rows = candidates.map((c) => `| ${columns.map((col) => esc(col.text(c))).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

/** A plain-text table aligned in columns, numbers to the right (terminal output); long cells are cut. */
export function comparisonText(candidates: readonly CandidateResult[], maxCell = 48): string {
  const cut = (s: string) => (s.length > maxCell ? `${s.slice(0, maxCell - 1)}…` : s);
  const cells = [
    COMPARISON_COLUMNS.map((c) => c.header),
    ...candidates.map((c) => COMPARISON_COLUMNS.map((col) => cut(col.text(c)))),
  ];
  const widths = COMPARISON_COLUMNS.map((_, i) =>
    Math.max(...cells.map((r) => (r[i] as string).length)),
  );
  return cells
    .map((r) =>
      r
        .map((cell, i) =>
          COMPARISON_COLUMNS[i]?.align === 'right'
            ? cell.padStart(widths[i] as number)
            : cell.padEnd(widths[i] as number),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
