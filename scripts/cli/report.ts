import { writeFileSync } from 'node:fs';
import { chosenIndices } from '../../core/charts/chosen.ts';
import { chartVolumeGrid, pairBreakEven } from '../../core/charts/break-even-data.ts';
import { explain } from '../../core/decision/explain.ts';
import { decisionReport } from '../../core/report/decision-report.ts';
import { isPortfolio } from '../../core/portfolio/derive.ts';
import { portfolioReport } from '../../core/report/portfolio-document.ts';
import type { DecisionReport } from '../../core/report/report-model.ts';
import { focusCsv, focusRows } from '../../core/report/focus.ts';
import { portfolioFocusRows } from '../../core/report/focus-portfolio.ts';
import { REPORT_EXTENSIONS } from '../../core/report/procurement-sections.ts';
import { PAPERS } from '../../core/report/report-css.ts';
import { reportHtml } from '../../core/report/render-html.ts';
import { reportMarkdown } from '../../core/report/render-markdown.ts';
import { portfolioWorkbook, reportWorkbook } from '../../core/report/workbook.ts';
import { writeXlsx, type XlsxSheet } from '../../core/report/xlsx.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import { paybackBands, volumeBands } from '../../core/uncertainty/bands.ts';
import { packageVersion } from '../package-version.ts';
import { enumFlag, parseArgs, stringFlag, type ParsedArgs } from './args.ts';
import { UsageError } from './errors.ts';
import { chromiumPath, htmlToPdf } from './pdf.ts';
import { readScenarioFile, runPortfolio, type ScenarioFileRun } from './portfolio.ts';
import { reportScript } from './report-script.ts';
import { runScenario, SCENARIO_FLAGS, type ScenarioRun } from './scenario-run.ts';
import { today } from './today.ts';

export const REPORT_FORMATS = ['pdf', 'html', 'md', 'xlsx', 'focus'] as const;
/** The formats of a report document (FOCUS rows are data, not a document). */
type DocumentFormat = Exclude<(typeof REPORT_FORMATS)[number], 'focus'>;
const BINARY = new Set(['pdf', 'xlsx']);

export const REPORT_USAGE = `  report --scenario FILE --format pdf|html|md|xlsx|focus [--out PATH] [--paper a4|letter]
         [--candidates ID,ID] [--objective O] [--as-of YYYY-MM-DD] [--samples N] [--seed N]
         (a portfolio file: without --candidates, --samples, --seed)`;

/**
 * `report`: the decision report of a scenario (or, for a file of several workloads or with
 * budgets, the portfolio report) as PDF (a local Chromium prints the HTML), HTML
 * (self-contained, charts drawn by its inline script), Markdown, an XLSX workbook, or FOCUS rows
 * of projected spend (CSV; a portfolio's: every workload's pick, its pools shared as the
 * showback shares them). A scenario with ranges is simulated, so the spread is in the report.
 */
export async function runReport(
  argv: readonly string[],
  catalog: { catalog: Catalog; staleBefore?: string },
): Promise<string> {
  const a = parseArgs(argv, [...SCENARIO_FLAGS, 'format', 'out', 'paper', 'candidates'], []);
  if (a.positionals.length > 0) throw new UsageError(`unexpected argument '${a.positionals[0]}'`);
  const format = enumFlag(a, 'format', REPORT_FORMATS);
  if (format === undefined) {
    throw new UsageError(`--format is required (one of ${REPORT_FORMATS.join(', ')})`);
  }
  const out = stringFlag(a, 'out');
  if (BINARY.has(format) && out === undefined) {
    throw new UsageError(`--format ${format} writes a file: give --out PATH`);
  }
  const paper = enumFlag(a, 'paper', PAPERS) ?? 'a4';
  const candidateIds = (stringFlag(a, 'candidates') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const file = readScenarioFile(a);
  const portfolio = isPortfolio(file.file);
  // A portfolio's report takes none of one workload's flags.
  if (portfolio) refuseWorkloadFlags(a, file);
  // Chromium is looked for before any evaluation, so a missing one is said at once.
  const chromium = format === 'pdf' ? chromiumPath() : null;
  let bytes: string | Uint8Array;
  if (portfolio) {
    const result = runPortfolio(file, catalog.catalog, catalog.staleBefore);
    if (format === 'focus') {
      bytes = focusCsv(portfolioFocusRows({ file: file.file, result }));
    } else {
      const built = portfolioReport({
        file: file.file,
        result,
        catalog: catalog.catalog,
        appVersion: packageVersion(),
        generatedOn: today(),
        staleBefore: catalog.staleBefore,
      });
      bytes = await write(built.report, () => portfolioWorkbook(built), format, paper, chromium);
    }
  } else {
    const run = runScenario(a, catalog, (s) => s.uncertainty !== undefined);
    const unknown = candidateIds.filter((id) => run.evaluation.result.indexOf(id) < 0);
    if (unknown.length > 0) {
      throw new UsageError(`--candidates: no candidate '${unknown[0]}' in ${run.file}`);
    }
    bytes = await render(run, format, {
      paper,
      candidateIds,
      catalog: catalog.catalog,
      staleBefore: catalog.staleBefore,
      chromium,
    });
  }
  if (out === undefined) return typeof bytes === 'string' ? bytes.trimEnd() : '';
  try {
    writeFileSync(out, bytes);
  } catch {
    throw new UsageError(`${out}: cannot write the file`);
  }
  return `wrote ${out}`;
}

async function render(
  run: ScenarioRun,
  format: (typeof REPORT_FORMATS)[number],
  o: {
    paper: (typeof PAPERS)[number];
    candidateIds: string[];
    catalog: Catalog;
    staleBefore: string | undefined;
    chromium: string | null;
  },
): Promise<string | Uint8Array> {
  const { scenario, evaluation, simulation } = run;
  const generatedOn = today();
  if (format === 'focus') {
    return focusCsv(
      focusRows({
        scenario,
        evaluation,
        candidateIds: o.candidateIds,
        uncertainty: simulation ?? undefined,
      }),
    );
  }
  const chosen = chosenIndices(evaluation, o.candidateIds);
  // The break-even chart's pair: the recommendation against the best of another placement.
  const breakEven = pairBreakEven(evaluation, explain(evaluation, { breakEven: true }), {
    a: null,
    b: null,
  });
  const ids = [
    ...new Set([
      ...chosen.map((i) => evaluation.result.row(i).id),
      ...(breakEven === null ? [] : [breakEven.a.id, breakEven.b.id]),
    ]),
  ];
  const bandCandidates = ids.map((id) => ({
    id,
    placement: evaluation.result.row(evaluation.result.indexOf(id)).placement,
  }));
  const volumes = chartVolumeGrid(evaluation.context.rates.requestsPerMonth);
  const bands =
    simulation === null
      ? undefined
      : {
          volumes,
          volume: volumeBands(simulation.setup, bandCandidates, volumes),
          payback: paybackBands(simulation.setup, bandCandidates),
        };
  const built = decisionReport({
    scenario,
    evaluation,
    catalog: o.catalog,
    uncertainty: simulation?.result,
    bands,
    chosenIds: o.candidateIds,
    breakEven,
    appVersion: packageVersion(),
    generatedOn,
    staleBefore: o.staleBefore,
    extensions: REPORT_EXTENSIONS,
  });
  return write(built.report, () => reportWorkbook(built), format, o.paper, o.chromium);
}

/** A report in a document format: Markdown, the workbook, HTML, or HTML printed to PDF. */
async function write(
  report: DecisionReport,
  workbook: () => XlsxSheet[],
  format: DocumentFormat,
  paper: (typeof PAPERS)[number],
  chromium: string | null,
): Promise<string | Uint8Array> {
  switch (format) {
    case 'md':
      return reportMarkdown(report);
    case 'xlsx':
      return writeXlsx(workbook(), report.meta.title);
    case 'html':
    case 'pdf': {
      const html = reportHtml(report, {
        paper,
        charts: { kind: 'script', script: await reportScript() },
      });
      return format === 'html' ? html : htmlToPdf(html, chromium as string);
    }
  }
}

/**
 * What a portfolio's report cannot do, refused by the flag: picked candidates belong to one
 * workload, and a portfolio's ranges are not simulated.
 */
function refuseWorkloadFlags(a: ParsedArgs, run: ScenarioFileRun): void {
  const what = `${run.path} holds a portfolio of ${run.file.workloads.length} workload${run.file.workloads.length === 1 ? '' : 's'}${run.file.budgets.length > 0 ? ' with budgets' : ''}`;
  if (a.flags.has('candidates')) {
    throw new UsageError(
      `--candidates picks candidates of one workload's comparison; ${what}, whose report shows each workload's pick`,
    );
  }
  for (const flag of ['samples', 'seed']) {
    if (a.flags.has(flag)) {
      throw new UsageError(
        `--${flag} sets a simulation of one workload's ranges; ${what}, whose ranges are not simulated`,
      );
    }
  }
}
