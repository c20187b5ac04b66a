import { wrapLabel } from '../charts/wrap-label.ts';
import type {
  CellFormat,
  DecisionReport,
  ReportBlock,
  ReportChart,
  ReportTable,
} from './report-model.ts';
import { formatCell, headerWithUnit, isNumeric } from './report-model.ts';
import { reportCss, type Paper } from './report-css.ts';

/** Text for HTML: the five characters that could open markup or end an attribute. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Chart canvases' size in CSS pixels: the page's text width, and a height per kind. */
export const CHART_WIDTH_PX = 680;

/**
 * Characters on a line of a bar's label in the report: its charts are 680 px wide, so the label
 * axis (at most half) holds about 45 at 12 px.
 */
export const REPORT_LABEL_CHARS = 40;

/** A line of a bar's label at the charts' 12-px type (chart.js's line height 1.2). */
const LABEL_LINE_PX = 14.4;

/**
 * chart.js gives every bar the same row, so each row must hold the longest label's lines: a
 * candidate that wraps to three lines ('Llama 3.3 70B Instruct · 2× NVIDIA H100', '80GB SXM',
 * 'GCP a3-highgpu-2g (us-central1, 3-year)') needs 3 × 14.4 + 8 = 52 px, not 30, or the labels
 * of neighbouring bars print over each other.
 */
function barRowPx(labels: readonly (string | readonly string[])[], minPx: number): number {
  const lines = Math.max(1, ...labels.map((l) => wrapLabel(l, REPORT_LABEL_CHARS).length));
  return Math.max(minPx, Math.ceil(lines * LABEL_LINE_PX) + 8);
}

export function chartHeightPx(chart: ReportChart): number {
  const n = chart.type === 'tornado' || chart.type === 'breakdown' ? chart.data.labels.length : 0;
  if (chart.type === 'tornado') return Math.max(120, 70 + barRowPx(chart.data.labels, 26) * n);
  return chart.type === 'breakdown' ? 90 + barRowPx(chart.data.labels, 30) * n : 280;
}

/**
 * How charts reach the page: drawn in place by the report's script (a standalone HTML file, the
 * CLI's PDF), or as images already drawn (the app, which draws them with its own chart.js).
 */
export type ChartMode =
  { kind: 'script'; script: string } | { kind: 'images'; images: Readonly<Record<string, string>> };

export interface HtmlOptions {
  paper: Paper;
  charts: ChartMode;
}

/** The id of the JSON element holding the charts' data for the report's script. */
export const CHART_DATA_ID = 'mw-report-charts';

function tableHtml(t: ReportTable, caption: string): string {
  const emphasis = new Set(t.emphasis ?? []);
  const cls = (f: CellFormat) =>
    isNumeric(f) ? ' class="num"' : f === 'date' ? ' class="date"' : '';
  const head = t.columns
    .map((c) => `<th${cls(c.format)}>${escapeHtml(headerWithUnit(c))}</th>`)
    .join('');
  const rows = t.rows
    .map((r, k) => {
      const cells = t.columns
        .map((c) => {
          const text = escapeHtml(formatCell(r[c.key] ?? null, c.format));
          return `<td${cls(c.format)}>${text}</td>`;
        })
        .join('');
      return `<tr${emphasis.has(k) ? ' class="emphasis"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  const cap = caption === '' ? '' : `<caption>${escapeHtml(caption)}</caption>`;
  const wide = t.columns.length > 9 ? ' class="wide"' : '';
  return `<table data-table="${escapeHtml(t.id)}"${wide}>${cap}<thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function chartHtml(b: Extract<ReportBlock, { kind: 'chart' }>, mode: ChartMode): string {
  const h = chartHeightPx(b.chart);
  const id = escapeHtml(b.chart.id);
  const alt = escapeHtml(`${b.title}: ${b.note}`);
  const drawn =
    mode.kind === 'images'
      ? mode.images[b.chart.id] === undefined
        ? `<p class="chart-note">(chart not drawn)</p>`
        : `<img class="chart" data-chart="${id}" alt="${alt}" src="${escapeHtml(mode.images[b.chart.id]!)}" width="${CHART_WIDTH_PX}" height="${h}">`
      : `<canvas class="chart" data-chart="${id}" role="img" aria-label="${alt}" width="${CHART_WIDTH_PX}" height="${h}" style="width:100%;max-width:${CHART_WIDTH_PX}px;aspect-ratio:${CHART_WIDTH_PX}/${h}"></canvas>`;
  return `<figure><figcaption><b>${escapeHtml(b.title)}</b> — <span class="chart-note">${escapeHtml(b.note)}</span></figcaption>${drawn}</figure>`;
}

function blockHtml(b: ReportBlock, mode: ChartMode): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p${b.strong ? ' class="strong"' : ''}>${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'figures':
      return `<div class="figures">${b.figures
        .map(
          (f) =>
            `<div class="figure"><div class="label">${escapeHtml(f.label)}</div><div class="value">${escapeHtml(formatCell(f.value, f.format))}</div>${f.note ? `<div class="note">${escapeHtml(f.note)}</div>` : ''}</div>`,
        )
        .join('')}</div>`;
    case 'facts':
      return `<div class="fact-group"><h3>${escapeHtml(b.title)}</h3><dl>${b.facts
        .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`)
        .join('')}</dl></div>`;
    case 'table':
      return tableHtml(b.table, b.caption);
    case 'chart':
      return chartHtml(b, mode);
  }
}

/** The charts of a report by id: what the report's script draws. */
export function reportCharts(r: DecisionReport): Record<string, ReportChart> {
  const out: Record<string, ReportChart> = {};
  for (const s of r.sections) {
    for (const b of s.blocks) if (b.kind === 'chart') out[b.chart.id] = b.chart;
  }
  return out;
}

/** JSON safe inside a <script> element: no "</script>" or "<!--" can end or open anything. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, ' ');
}

/** The report's body (no <html> around it): what the app prints in its own page. */
export function reportBodyHtml(r: DecisionReport, mode: ChartMode): string {
  const m = r.meta;
  const sections = r.sections
    .map((s) => {
      const facts = s.blocks.every((b) => b.kind === 'facts');
      const inner = s.blocks.map((b) => blockHtml(b, mode)).join('\n');
      return `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>${facts ? `<div class="facts">${inner}</div>` : inner}</section>`;
    })
    .join('\n');
  return `<article class="mw-report">
<header><h1>${escapeHtml(m.title)}</h1>
<div class="meta">Scenario “${escapeHtml(m.scenarioName)}” · ${escapeHtml(m.objectiveLabel)} over ${m.horizonMonths} months · prices as of ${escapeHtml(m.pricesAsOf)} · generated ${escapeHtml(m.generatedOn)}</div>
${m.description === '' ? '' : `<p class="description">${escapeHtml(m.description)}</p>`}</header>
${sections}
<footer>Made with Modelwise ${escapeHtml(m.appVersion)} on ${escapeHtml(m.generatedOn)}; catalog prices up to ${escapeHtml(m.catalogDate ?? 'none')}. Every number is a projection from the stated assumptions and the catalog’s sourced prices, not a quote.</footer>
</article>`;
}

/** The footer printed in each page's margin. */
export function pageFooter(r: DecisionReport): string {
  return `${r.meta.scenarioName} · Modelwise ${r.meta.appVersion} · ${r.meta.generatedOn}`;
}

/**
 * The decision report as one self-contained HTML file: its stylesheet (print-ready: portrait
 * pages, page numbers), and its charts drawn by the inline script or embedded as images. Opens
 * offline in any browser; printing it gives the PDF.
 */
export function reportHtml(r: DecisionReport, options: HtmlOptions): string {
  const charts =
    options.charts.kind === 'script'
      ? `<script type="application/json" id="${CHART_DATA_ID}">${scriptJson(reportCharts(r))}</script>
<script>${options.charts.script.replace(/<\/script/gi, '<\\/script')}</script>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Modelwise ${escapeHtml(r.meta.appVersion)}">
<title>${escapeHtml(r.meta.title)}</title>
<style>${reportCss(options.paper, pageFooter(r))}</style>
</head>
<body>
${reportBodyHtml(r, options.charts)}
${charts}
</body>
</html>
`;
}
