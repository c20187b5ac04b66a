import { toCsv } from '../csv.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { COMPARISON_COLUMNS } from './comparison-columns.ts';
import { markdownCell } from './markdown-cell.ts';

/** CSV with raw numbers (for spreadsheets): full precision, empty where unknown. */
export function comparisonCsv(candidates: readonly CandidateResult[]): string {
  const header = COMPARISON_COLUMNS.map((c) => c.key);
  const rows = candidates.map((c) => COMPARISON_COLUMNS.map((col) => String(col.raw(c) ?? '')));
  return toCsv([header, ...rows]);
}

/** A Markdown table with formatted values. */
export function comparisonMarkdown(candidates: readonly CandidateResult[]): string {
  const esc = markdownCell;
  const header = `| ${COMPARISON_COLUMNS.map((c) => c.header).join(' | ')} |`;
  const rule = `| ${COMPARISON_COLUMNS.map(() => '---').join(' | ')} |`;
  const rows = candidates.map(
    (c) => `| ${COMPARISON_COLUMNS.map((col) => esc(col.text(c))).join(' | ')} |`,
  );
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
