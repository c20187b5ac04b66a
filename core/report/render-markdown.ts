import type { DecisionReport, ReportBlock, ReportSection, ReportTable } from './report-model.ts';
import { formatCell, headerWithUnit, isNumeric } from './report-model.ts';
import { markdownTable } from './writers.ts';

/**
 * A report table as Markdown: headers with their units, numbers formatted and right-aligned,
 * emphasized rows in bold.
 */
export function tableMarkdown(t: ReportTable): string {
  const emphasis = new Set(t.emphasis ?? []);
  const rows = t.rows.map((r, k) => {
    const cells = t.columns.map((c) => formatCell(r[c.key] ?? null, c.format));
    return emphasis.has(k) ? cells.map((x) => (x === '' ? x : `**${x}**`)) : cells;
  });
  return markdownTable(
    t.columns.map((c) => headerWithUnit(c)),
    rows,
    t.columns.map((c) => (isNumeric(c.format) ? 'right' : 'left')),
  );
}

function blockMarkdown(b: ReportBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return b.strong ? `**${b.text}**` : b.text;
    case 'list':
      return b.items.map((i) => `- ${i}`).join('\n');
    case 'figures':
      return b.figures
        .map(
          (f) =>
            `- **${f.label}:** ${formatCell(f.value, f.format)}${f.note ? ` (${f.note})` : ''}`,
        )
        .join('\n');
    case 'facts':
      return `### ${b.title}\n\n${b.facts.map((f) => `- ${f.label}: ${f.value}`).join('\n')}`;
    case 'table':
      return `${b.caption === '' ? '' : `${b.caption}\n\n`}${tableMarkdown(b.table)}`;
    case 'chart':
      // Markdown has no charts: say what the chart shows and where to see it.
      return `_Chart: ${b.title} — ${b.note} (drawn in the HTML and PDF report)._`;
  }
}

/** A section as Markdown: its title, then every block. */
export function sectionMarkdown(s: ReportSection): string {
  return `## ${s.title}\n\n${s.blocks.map(blockMarkdown).join('\n\n')}`;
}

/** The decision report as Markdown: every section, tables as Markdown tables, charts named. */
export function reportMarkdown(r: DecisionReport): string {
  const m = r.meta;
  const head = [
    `# ${m.title}`,
    m.description === '' ? null : m.description,
    `Scenario “${m.scenarioName}” · prices as of ${m.pricesAsOf} · generated ${m.generatedOn} by Modelwise ${m.appVersion} · catalog prices up to ${m.catalogDate ?? 'none'}`,
  ].filter((x): x is string => x !== null);
  const sections = r.sections.map(sectionMarkdown);
  return `${[...head, ...sections].join('\n\n')}\n`;
}
