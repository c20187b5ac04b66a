/** Paper sizes the printed report is laid out for (portrait). */
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

const PAGE_SIZE: Record<Paper, string> = { a4: 'A4', letter: 'letter' };

/** Text for a CSS string literal (page-box content). */
const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;

/**
 * The report's stylesheet: black on white, rules and weights rather than colour (readable in
 * greyscale), portrait pages with the scenario and "page n of N" in the margins (CSS page-margin
 * boxes, which Chromium prints: Electron's printToPDF, the CLI's PDF, the browser's print). A
 * standalone file also dresses the page for the screen; inside the app only print matters.
 */
export function reportCss(paper: Paper, footer: string, standalone = true): string {
  return `
@page {
  size: ${PAGE_SIZE[paper]} portrait;
  margin: 15mm 14mm 16mm 14mm;
  @bottom-left { content: ${cssString(footer)}; font: 7.5pt system-ui, sans-serif; color: #444; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt system-ui, sans-serif; color: #444; }
}
.mw-report { font: 9.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; max-width: 182mm; margin: 0 auto; }
.mw-report * { box-sizing: border-box; }
.mw-report header { border-bottom: 2px solid #111; padding-bottom: 3mm; margin-bottom: 4mm; }
.mw-report h1 { font-size: 16pt; margin: 0 0 1.5mm; line-height: 1.2; }
.mw-report h2 { font-size: 12pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.5pt solid #777; break-after: avoid; }
.mw-report h3 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
.mw-report .meta { font-size: 8pt; color: #333; }
.mw-report .description { margin: 1.5mm 0 0; }
.mw-report p { margin: 1.5mm 0; }
.mw-report p.strong { font-size: 12pt; font-weight: 700; }
.mw-report ul { margin: 1.5mm 0; padding-left: 5mm; }
.mw-report li { margin: 0.8mm 0; }
.mw-report .figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 2mm 0; }
.mw-report .figure { border: 0.75pt solid #555; padding: 1.5mm 2mm; break-inside: avoid; }
.mw-report .figure:first-child { border-width: 2pt; }
.mw-report .figure .label { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.03em; color: #333; }
.mw-report .figure .value { font-size: 13pt; font-weight: 700; font-variant-numeric: tabular-nums; }
.mw-report .figure .note { font-size: 7.5pt; color: #333; }
.mw-report .facts { display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; }
.mw-report .fact-group { break-inside: avoid; }
.mw-report dl { display: grid; grid-template-columns: 34mm 1fr; gap: 0.6mm 2mm; margin: 0 0 2mm; font-size: 8.5pt; }
.mw-report dt { font-weight: 600; }
.mw-report dd { margin: 0; }
.mw-report table { width: 100%; border-collapse: collapse; margin: 1.5mm 0 3mm; font-size: 7.5pt; font-variant-numeric: tabular-nums; }
.mw-report caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 1mm; font-size: 8.5pt; }
.mw-report th { text-align: left; border-bottom: 1pt solid #111; padding: 0.8mm 1.2mm; vertical-align: bottom; }
.mw-report td { border-bottom: 0.3pt solid #999; padding: 0.7mm 1.2mm; vertical-align: top; overflow-wrap: break-word; }
.mw-report th, .mw-report td { white-space: normal; text-transform: none; letter-spacing: normal; }
.mw-report table.wide { font-size: 6.6pt; }
.mw-report table.wide td, .mw-report table.wide th { padding: 0.6mm 0.7mm; }
.mw-report td.num, .mw-report td.date { white-space: nowrap; }
.mw-report .num { text-align: right; }
.mw-report tr { break-inside: avoid; }
.mw-report tr.emphasis td { font-weight: 700; border-bottom: 1pt solid #111; }
.mw-report figure { margin: 2mm 0 4mm; break-inside: avoid; }
.mw-report figcaption { font-size: 8.5pt; margin-bottom: 1mm; }
.mw-report figcaption b { font-size: 9.5pt; }
.mw-report .chart { width: 100%; height: auto; display: block; border: 0.3pt solid #bbb; }
.mw-report .chart-note { font-size: 8pt; font-style: italic; }
.mw-report footer { margin-top: 6mm; border-top: 0.5pt solid #777; padding-top: 2mm; font-size: 8pt; color: #333; }
.mw-report section#sources td:nth-child(4) { font-size: 6.5pt; overflow-wrap: anywhere; }
${standalone ? '@media screen { body { background: #eee; } .mw-report { padding: 12mm; margin: 8mm auto; box-shadow: 0 0 4mm #999; } }' : ''}
`;
}
