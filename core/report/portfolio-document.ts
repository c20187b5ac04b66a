import { objectiveLabel } from '../decision/objective.ts';
import { formatPct, formatUsd } from '../format.ts';
import type { PortfolioResult } from '../portfolio/evaluate.ts';
import { workloadBenchmark } from '../quality.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { ScenarioFile } from '../schema/scenario.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { SECTION_ORDER } from './decision-report.ts';
import {
  budgetsSection,
  showbackSection,
  spendByWorkloadTable,
  spendSection,
} from './portfolio-governance.ts';
import {
  idleRuleWords,
  poolsSection,
  summarySection,
  workloadsSection,
  type PortfolioSectionInput,
} from './portfolio-sections.ts';
import {
  commitmentFacts,
  discountFacts,
  operationsFacts,
  ownedFacts,
  setupFacts,
  valueFacts,
  workloadFacts,
  worthFacts,
  type FactGroup,
} from './report-assumptions.ts';
import type { DecisionReport, ReportBlock, ReportSection, ReportTable } from './report-model.ts';
import { catalogDate, sourceLines, sourcesTable, type SourceLine } from './report-sources.ts';
import { monthStart } from './report-tables.ts';

export interface PortfolioReportInput {
  /** The file as evaluated (its objective and day as the run set them). */
  file: ScenarioFile;
  /** The portfolio engine's result for it. */
  result: PortfolioResult;
  /** The catalog evaluated against (quality scores' sources, the catalog's date). */
  catalog: Catalog;
  appVersion: string;
  /** Today (ISO): when the report was made. */
  generatedOn: string;
  /** Prices read before this day are flagged stale (ISO). */
  staleBefore?: string | undefined;
}

/** The portfolio report, with the tables only the workbook carries. */
export interface PortfolioReportWithData {
  report: DecisionReport;
  /** Month by month by workload (the workbook's sheet). */
  spendByWorkload: ReportTable;
  assumptions: FactGroup[];
  sources: ReportTable;
}

/**
 * The report of a file of several workloads, in the decision report's model (so every writer —
 * Markdown, HTML and PDF, the workbook — renders it): the portfolio's totals and spend chart, each
 * workload's pick and cost, the shared pools, the budgets, the showback, the spend month by month,
 * every assumption and the source of every price used. Every number is the portfolio engine's.
 */
export function portfolioReport(input: PortfolioReportInput): PortfolioReportWithData {
  const { file, result: r } = input;
  const pricesAsOf = portfolioPricesAsOf(r) ?? input.generatedOn;
  const start = portfolioStart(file, r, input.generatedOn);
  const horizon = r.horizonMonths;
  const at: PortfolioSectionInput = { r, pooling: file.pooling, start };
  const assumptions = portfolioAssumptions(input, pricesAsOf);
  const sources = sourcesTable(
    portfolioSources(input, monthStart(start, horizon + 1)),
    'Used by (workload)',
  );
  const staleCount = sources.rows.filter((row) => row['stale'] !== '').length;
  const sections: ReportSection[] = [
    summarySection(at),
    workloadsSection(at),
    poolsSection(at),
    budgetsSection(at),
    showbackSection(at),
    spendSection(at),
    {
      id: 'assumptions',
      title: 'Assumptions',
      blocks: assumptions.map((g): ReportBlock => ({
        kind: 'facts',
        title: g.title,
        facts: g.facts,
      })),
    },
    {
      id: 'sources',
      title: 'Sources',
      blocks: [
        {
          kind: 'paragraph',
          text: `Every price and fact the workloads' picks use, with its source and the day it was read.${input.staleBefore ? ` Rows read before ${input.staleBefore} are flagged stale (${staleCount} here).` : ''}`,
        },
        { kind: 'table', caption: '', table: sources },
      ],
    },
    methodSection(input),
  ].filter((s): s is ReportSection => s !== null);
  sections.sort((a, b) => SECTION_ORDER.indexOf(a.id) - SECTION_ORDER.indexOf(b.id));
  return {
    report: {
      meta: {
        title: `${file.name}: ${r.workloads.length} workload${r.workloads.length === 1 ? '' : 's'}, ${formatUsd(r.tcoUsd)} over ${horizon} months`,
        scenarioName: file.name,
        description: file.description,
        generatedOn: input.generatedOn,
        pricesAsOf,
        catalogDate: catalogDate(input.catalog),
        staleBefore: input.staleBefore ?? null,
        appVersion: input.appVersion,
        objectiveLabel: objectiveLabel(file.objective, horizon),
        horizonMonths: horizon,
      },
      sections,
    },
    spendByWorkload: spendByWorkloadTable(r, start),
    assumptions,
    sources,
  };
}

/** The day the workloads' prices were read (ISO); null when no workload could be evaluated. */
export function portfolioPricesAsOf(r: PortfolioResult): string | null {
  return r.workloads.find((w) => w.evaluation !== null)?.evaluation?.index.asOf ?? null;
}

/** The first day of month 1: the file's start date, else the day its prices were read. */
export function portfolioStart(
  file: Pick<ScenarioFile, 'startDate' | 'asOf'>,
  r: PortfolioResult,
  today = file.asOf ?? '',
): string {
  return file.startDate ?? portfolioPricesAsOf(r) ?? today;
}

/** Each workload's own assumptions, then what the file shares, pooling and the budgets. */
function portfolioAssumptions(input: PortfolioReportInput, pricesAsOf: string): FactGroup[] {
  const { file, result: r } = input;
  const shared = r.workloads[0]!.scenario;
  const names = new Map(r.workloads.map((w) => [w.id, w.name]));
  const workloads = r.workloads.map((w): FactGroup => {
    const rates = w.evaluation?.context.rates;
    const own = file.workloads.find((x) => x.id === w.id);
    return {
      title: `Workload: ${w.name}`,
      facts: [
        { label: 'Team', value: w.owner === '' ? 'none' : w.owner },
        { label: 'Tags', value: w.tags.length === 0 ? 'none' : w.tags.join(', ') },
        ...(own?.idleShutdown
          ? [{ label: 'Idle shutdown', value: 'no replica kept warm outside its hours' }]
          : []),
        ...worthFacts(w.scenario.value),
        ...(rates === undefined
          ? [{ label: 'Not evaluated', value: w.problem ?? 'unknown' }]
          : workloadFacts(w.scenario, rates).facts),
      ],
    };
  });
  const worth = new Set(worthFacts(shared.value).map((f) => f.label));
  const money = valueFacts(shared, pricesAsOf);
  // Each pick once: pooled workloads share theirs.
  const picks = new Map<string, CandidateResult>();
  for (const w of r.workloads) if (w.candidate !== null) picks.set(w.candidate.id, w.candidate);
  return [
    ...workloads,
    {
      title: money.title,
      // Each workload's worth is with it; the scenario's budget is a limit on each workload's
      // candidates, not the teams' budgets below.
      facts: money.facts
        .filter((f) => !worth.has(f.label))
        .map((f) => (f.label === 'Budget' ? { ...f, label: 'Cost limit per workload' } : f)),
    },
    setupFacts(shared),
    discountFacts(shared, input.catalog),
    operationsFacts(shared),
    ownedFacts([...picks.values()]),
    commitmentFacts([...picks.values()]),
    {
      title: 'Pooling and showback',
      facts: [
        {
          label: 'Pooling',
          value: file.pooling.enabled
            ? 'on: workloads share one rented fleet where that costs less and every SLO holds'
            : 'off: each workload on its own pick',
        },
        { label: 'Idle capacity', value: `shown back ${idleRuleWords(file.pooling)}` },
      ],
    },
    ...(file.budgets.length === 0
      ? []
      : [
          {
            title: 'Budgets',
            facts: file.budgets.map((b) => ({
              label: b.owner ?? names.get(b.workloadId ?? '') ?? b.workloadId ?? '',
              value: `${formatUsd(b.monthlyUsd)} a month for ${b.owner === undefined ? 'the workload' : 'the team'}; alerts at ${b.thresholds.map((t) => formatPct(t)).join(', ')}`,
            })),
          },
        ]),
  ].filter((g): g is FactGroup => g !== null);
}

/**
 * The sources of every workload's pick, each listed once with the workloads that use it (ranks
 * belong to one workload's comparison, so a portfolio names workloads instead).
 */
function portfolioSources(input: PortfolioReportInput, horizonEnd: string): SourceLine[] {
  const byKey = new Map<string, SourceLine>();
  for (const w of input.result.workloads) {
    if (w.candidate === null || w.evaluation === null) continue;
    const lines = sourceLines([w.candidate], w.evaluation.index, input.catalog, {
      staleBefore: input.staleBefore,
      benchmark: workloadBenchmark(w.scenario.workload),
      horizonEnd,
    });
    for (const line of lines) {
      const key = `${line.what}\u0000${line.source}\u0000${line.asOf}`;
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, { ...line, usedBy: [w.name], usedByRanks: [null] });
      else if (!seen.usedBy.includes(w.name)) {
        seen.usedBy.push(w.name);
        seen.usedByRanks.push(null);
      }
    }
  }
  // A fact every workload uses (the pool's instance, say) names them all at once.
  const all = input.result.workloads.length;
  return [...byKey.values()].map((line) =>
    all > 1 && line.usedBy.length === all
      ? { ...line, usedBy: [`all ${all} workloads`], usedByRanks: [null] }
      : line,
  );
}

function methodSection(input: PortfolioReportInput): ReportSection {
  const r = input.result;
  const items = [
    `Each workload is the file's shared assumptions with its own shape, sizes, SLOs and value, evaluated by the engine the app runs and recommended on its own under the ${objectiveLabel(input.file.objective, r.horizonMonths)} (see a workload's own decision report for its shortlist and why).`,
    'Shared pools: workloads whose best choice is the same rented model and instance, and others that can run there where that lowers the total, share one fleet sized hour by hour of the week for their combined demand at the strictest TTFT and TPOT of the members; the saving is against the members’ own picks apart. Only rented GPUs pool.',
    'Showback: a pool’s cost goes to its members by the GPU-seconds each uses, its idle capacity by the file’s rule; every total is whole cents that add up to the portfolio total (largest remainder).',
    'Months: each workload at each month’s volume with its growth, from its launch, an experiment until its time box ends; a pool is re-sized every month for the members served then. A budget is checked against those months.',
    `Horizon cost: a pooled workload’s is its setup plus its months in the pool; any other’s is its pick’s horizon cost (setup + hardware bought − book value left + run costs, undiscounted). The portfolio’s ${formatUsd(r.tcoUsd)} is their sum with any idle capacity no workload carries.`,
    'Point estimates: a portfolio’s ranges are not simulated.',
    `Prices carry their source and the day they were read${input.staleBefore ? `; rows read before ${input.staleBefore} are flagged stale` : ''}.`,
  ];
  return { id: 'method', title: 'Method', blocks: [{ kind: 'list', items }] };
}
