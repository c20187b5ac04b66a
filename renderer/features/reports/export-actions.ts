import {
  decisionReport,
  type DecisionReportWithData,
} from '../../../core/report/decision-report.ts';
import { REPORT_EXTENSIONS } from '../../../core/report/procurement-sections.ts';
import { focusCsv, focusRows } from '../../../core/report/focus.ts';
import { portfolioFocusRows } from '../../../core/report/focus-portfolio.ts';
import { comparisonColumns } from '../../../core/report/comparison-columns.ts';
import { explain } from '../../../core/decision/explain.ts';
import { reportCss, type Paper } from '../../../core/report/report-css.ts';
import {
  pageFooter,
  reportBodyHtml,
  reportCharts,
  reportHtml,
} from '../../../core/report/render-html.ts';
import { reportMarkdown } from '../../../core/report/render-markdown.ts';
import { portfolioWorkbook, reportWorkbook } from '../../../core/report/workbook.ts';
import { writeXlsx, type XlsxSheet } from '../../../core/report/xlsx.ts';
import { isPortfolio } from '../../../core/portfolio/derive.ts';
import {
  portfolioReport,
  type PortfolioReportWithData,
} from '../../../core/report/portfolio-document.ts';
import type { DecisionReport } from '../../../core/report/report-model.ts';
import type { PortfolioResult } from '../../../core/portfolio/evaluate.ts';
import type { Catalog } from '../../../core/schema/catalog.ts';
import type { ScenarioFile } from '../../../core/schema/scenario.ts';
import type { ScenarioEvaluation } from '../../../core/scenario/evaluate.ts';
import { simulationSetup } from '../../../core/uncertainty/setup.ts';
import { call, mode } from '../../api/api.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { evaluateOpenPortfolio, useResults } from '../../stores/results-store.ts';
import { attempt, useUi } from '../../stores/ui-store.ts';
import { currentFile, useWorkspace } from '../../stores/workspace-store.ts';
import { useCompare } from '../compare/compare-store.ts';
import { comparisonReport, type TableView } from '../compare/report-export.ts';
import { describeQuery, visibleRows } from '../compare/table-model.ts';
import { useDecision } from '../why/decision-store.ts';
import { scenarioFileName } from '../scenarios/scenario-file.ts';
import { currentUncertainty, useUncertainty } from '../uncertainty/uncertainty-store.ts';
import { drawHeldCharts, withCanvasLegend } from '../charts/ChartCanvas.tsx';
import { chartImages } from './report-charts.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/** What a report is read against before the catalog has loaded. */
const EMPTY_CATALOG: Catalog = {
  providers: [],
  models: [],
  offerings: [],
  gpus: [],
  instances: [],
  regions: [],
  quality: [],
  discounts: [],
};

const today = () => new Date().toISOString().slice(0, 10);
const isoDaysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The open file's portfolio as the Portfolio view evaluates it, when the file is a portfolio
 * (several workloads, or budgets); else null. `failed` when it is one but cannot be evaluated (a
 * toast says why).
 */
function currentPortfolio(): { file: ScenarioFile; result: PortfolioResult } | 'failed' | null {
  const file = currentFile();
  if (!isPortfolio(file)) return null;
  const evaluation = evaluateOpenPortfolio();
  if (evaluation === null || !evaluation.ok) {
    useUi.getState().toast('error', evaluation?.error ?? 'nothing to export yet');
    return 'failed';
  }
  return { file, result: evaluation.result };
}

/** The open file's portfolio report when the file is a portfolio (see currentPortfolio). */
function currentPortfolioReport(): PortfolioReportWithData | 'failed' | null {
  const portfolio = currentPortfolio();
  if (portfolio === 'failed' || portfolio === null) return portfolio;
  const { file, result } = portfolio;
  const snapshot = useCatalog.getState().snapshot;
  return portfolioReport({
    file,
    result,
    catalog: snapshot?.catalog ?? EMPTY_CATALOG,
    appVersion: useCatalog.getState().info?.version ?? 'unknown',
    generatedOn: today(),
    staleBefore: snapshot ? isoDaysAgo(snapshot.staleAfterDays) : undefined,
  });
}

/**
 * The report the Export menu writes, as the CLI's `report` does: a portfolio's for a file of
 * several workloads (or with budgets), else the decision report of what is on screen. Null (a
 * toast says why) when there is nothing to export.
 */
function currentDocument(): {
  report: DecisionReport;
  workbook: () => XlsxSheet[];
  name: string;
} | null {
  const portfolio = currentPortfolioReport();
  if (portfolio === 'failed') return null;
  if (portfolio !== null) {
    return {
      report: portfolio.report,
      workbook: () => portfolioWorkbook(portfolio),
      name: 'portfolio-report',
    };
  }
  const evaluation = currentEvaluation();
  if (evaluation === null) return null;
  const built = currentReport(evaluation);
  return { report: built.report, workbook: () => reportWorkbook(built), name: 'report' };
}

/** The evaluation on screen, or null (a toast says why) when there is nothing to export. */
function currentEvaluation(): Ok | null {
  const evaluation = useResults.getState().evaluation;
  if (evaluation?.ok) return evaluation;
  useUi.getState().toast('error', evaluation ? evaluation.error : 'nothing to export yet');
  return null;
}

/** A file name for this scenario's export: its name in lowercase words, and what it is. */
function fileName(what: string, ext: string): string {
  const base = scenarioFileName(useWorkspace.getState().scenario.name).replace(/\.json$/, '');
  return `${base}-${what}.${ext}`;
}

/** Base64 of bytes, for the one contract that carries text. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

async function save(name: string, data: string | Uint8Array): Promise<void> {
  await attempt(() =>
    call(
      'file:save',
      typeof data === 'string'
        ? { kind: 'report', suggestedName: name, text: data }
        : { kind: 'report', suggestedName: name, text: base64(data), encoding: 'base64' },
    ),
  );
}

/**
 * The decision report of what is on screen: the scenario, its evaluation, the candidates picked
 * in the table (the charts follow them), and the simulation with its bands when it is current.
 */
export function currentReport(evaluation: Ok): DecisionReportWithData {
  const snapshot = useCatalog.getState().snapshot;
  const info = useCatalog.getState().info;
  const uncertainty = currentUncertainty();
  const u = useUncertainty.getState();
  const decided = useDecision.getState();
  return decisionReport({
    scenario: useWorkspace.getState().scenario,
    evaluation,
    catalog: snapshot?.catalog ?? EMPTY_CATALOG,
    uncertainty,
    bands:
      uncertainty === undefined
        ? undefined
        : { volumes: u.volumes, volume: u.volumeBands, payback: u.paybackBands },
    chosenIds: useUi.getState().selected,
    // The break-even chart as the menus set it, when it is of these results.
    ...(decided.evaluation === evaluation ? { breakEven: decided.breakEven } : {}),
    appVersion: info?.version ?? 'unknown',
    generatedOn: today(),
    staleBefore: snapshot ? isoDaysAgo(snapshot.staleAfterDays) : undefined,
    extensions: REPORT_EXTENSIONS,
  });
}

/**
 * The report as PDF (a portfolio's for a file of several workloads): drawn into a print-only part
 * of the page (the charts by the app's
 * chart code, as images), then printed — by Electron's printToPDF in the desktop app, by the
 * browser's print dialog in browser mode.
 */
export async function exportReportPdf(paper: Paper): Promise<void> {
  const doc = currentDocument();
  if (doc === null) return;
  const { report } = doc;
  const host = document.createElement('div');
  host.id = 'mw-print';
  host.innerHTML = reportBodyHtml(report, {
    kind: 'images',
    images: chartImages(reportCharts(report)),
  });
  const style = document.createElement('style');
  style.textContent = reportCss(paper, pageFooter(report), false);
  document.head.append(style);
  document.body.append(host);
  try {
    if (mode === 'electron') {
      await attempt(() => call('report:pdf', { suggestedName: fileName(doc.name, 'pdf'), paper }));
    } else {
      window.print();
    }
  } finally {
    host.remove();
    style.remove();
  }
}

/** The report as one HTML file (charts embedded as images) or as Markdown. */
export async function exportReportFile(format: 'html' | 'md', paper: Paper): Promise<void> {
  const doc = currentDocument();
  if (doc === null) return;
  const { report } = doc;
  if (format === 'md') return save(fileName(doc.name, 'md'), reportMarkdown(report));
  const images = chartImages(reportCharts(report));
  await save(
    fileName(doc.name, 'html'),
    reportHtml(report, { paper, charts: { kind: 'images', images } }),
  );
}

/**
 * The workbook: Summary, Shortlist, All feasible candidates, Assumptions, Sources, Monthly
 * projection; a portfolio's: Summary, Workloads, Shared pools, Budgets, Showback, the months.
 */
export async function exportWorkbook(): Promise<void> {
  const doc = currentDocument();
  if (doc === null) return;
  await save(
    fileName(doc.name === 'report' ? 'workbook' : 'portfolio-workbook', 'xlsx'),
    writeXlsx(doc.workbook(), doc.report.meta.title),
  );
}

/**
 * FOCUS rows of projected spend: the recommendation and the candidates picked in the table; for a
 * portfolio, every workload's pick month by month with its pools shared out, as the CLI writes.
 */
export async function exportFocus(): Promise<void> {
  const portfolio = currentPortfolio();
  if (portfolio === 'failed') return;
  if (portfolio !== null) {
    await save(fileName('portfolio-focus', 'csv'), focusCsv(portfolioFocusRows(portfolio)));
    return;
  }
  const evaluation = currentEvaluation();
  if (evaluation === null) return;
  const scenario = useWorkspace.getState().scenario;
  const result = currentUncertainty();
  const setup = result === undefined ? null : simulationSetup(evaluation, scenario);
  const rows = focusRows({
    scenario,
    evaluation,
    candidateIds: useUi.getState().selected,
    uncertainty: result !== undefined && setup?.ok ? { setup: setup.setup, result } : undefined,
  });
  await save(fileName('focus', 'csv'), focusCsv(rows));
}

/**
 * The comparison as the table shows it now (the rows after its filters, in their order; the
 * columns shown), as CSV with the assumptions first, or as a Markdown report that also says why the
 * pick is the answer.
 */
export async function exportComparison(format: 'csv' | 'md'): Promise<void> {
  const evaluation = currentEvaluation();
  if (evaluation === null) return;
  const { query, columnVisibility } = useCompare.getState();
  const view: TableView = {
    order: visibleRows(evaluation.result, evaluation.index, query, new Map()),
    columns: comparisonColumns({
      objective: evaluation.context.objective,
      horizonMonths: evaluation.context.value.horizonMonths,
    }).filter((c) => columnVisibility[c.key] !== false),
    filters: describeQuery(query),
  };
  // The explanation of these results: the panel's, or (while it catches up) worked out now.
  const decided = useDecision.getState();
  const why =
    format === 'csv'
      ? undefined
      : decided.evaluation === evaluation && decided.explanation !== null
        ? decided.explanation
        : explain(evaluation, { breakEven: true });
  const uncertainty = format === 'csv' ? undefined : currentUncertainty();
  const report = comparisonReport(evaluation, useWorkspace.getState().scenario, format, view, {
    ...(why ? { why } : {}),
    ...(uncertainty ? { uncertainty } : {}),
  });
  await save(report.name, report.text);
}

/**
 * A chart as the app draws it, saved as PNG on the theme's background (a transparent canvas would
 * lose light text on a white page). chart.js draws on canvas only, so there is no SVG.
 */
export async function saveChartPng(canvas: HTMLCanvasElement, name: string): Promise<void> {
  // A chart scrolled out of sight still shows the results it was left with.
  drawHeldCharts();
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const g = out.getContext('2d');
  if (g === null) return;
  g.fillStyle = getComputedStyle(document.body).backgroundColor || '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  // With its legend, which the app draws in HTML beside some charts.
  withCanvasLegend(canvas, () => g.drawImage(canvas, 0, 0));
  const data = out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  await attempt(() =>
    call('file:save', {
      kind: 'report',
      suggestedName: fileName(name, 'png'),
      text: data,
      encoding: 'base64',
    }),
  );
}

/** Every chart on screen, one PNG each. */
export async function saveAllChartPngs(): Promise<void> {
  const canvases = Array.from(
    document.querySelectorAll<HTMLCanvasElement>('canvas[data-testid^="chart-"]'),
  );
  if (canvases.length === 0) useUi.getState().toast('error', 'no chart is on screen');
  for (const c of canvases)
    await saveChartPng(c, (c.dataset.testid ?? 'chart').replace(/^chart-/, 'chart-'));
}
