import type { ChartBands } from '../charts/chart-data.ts';
import { breakdownChart, breakEvenView, NO_BANDS, paybackChart } from '../charts/chart-data.ts';
import {
  noBreakEvenText,
  pairBreakEven,
  todayVolumeText,
  type BreakEvenChartData,
} from '../charts/break-even-data.ts';
import { chosenIndices } from '../charts/chosen.ts';
import { tornadoBars } from '../charts/tornado-data.ts';
import { BASIS_WORDS, explain, volumeWords, type Explanation } from '../decision/explain.ts';
import { objectiveLabel } from '../decision/objective.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { Scenario } from '../schema/scenario.ts';
import { projectMonths } from '../sweep/projection.ts';
import { PLACEMENT_LABELS, type CandidateResult } from '../sweep/types.ts';
import type { UncertaintyResult } from '../uncertainty/simulate.ts';
import {
  commitmentFacts,
  discountFacts,
  operationsFacts,
  ownedFacts,
  rangeFacts,
  setupFacts,
  valueFacts,
  workloadFacts,
  type FactGroup,
} from './report-assumptions.ts';
import type {
  DecisionReport,
  KeyFigure,
  ReportBlock,
  ReportSection,
  ReportTable,
  SectionId,
} from './report-model.ts';
import { workloadBenchmark } from '../quality.ts';
import { formatLaunch } from '../format.ts';
import { catalogDate, sourceLines, sourcesTable } from './report-sources.ts';
import {
  feasibleTable,
  monthStart,
  projectionSummaryTable,
  projectionTable,
  shortlistTable,
  type ProjectedCandidate,
} from './report-tables.ts';
import {
  PERCENTILE_CONVENTION,
  robustSentence,
  simulationNote,
  tornadoTableOf,
  uncertaintyTable,
} from './uncertainty-report.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

export interface DecisionReportInput {
  scenario: Scenario;
  evaluation: Ok;
  /** The catalog evaluated against (quality scores' sources, the catalog's date). */
  catalog: Catalog;
  /** The simulation's results, when the scenario's ranges were simulated for these inputs. */
  uncertainty?: UncertaintyResult | undefined;
  /** The simulation's bands for the charts' candidates. */
  bands?: ChartBands | undefined;
  /** The break-even chart on screen (the app's menus' pair); else the recommendation against the best of another placement. */
  breakEven?: BreakEvenChartData | null | undefined;
  /** Candidates the person picked to compare (the app's selection); else the recommendation and the best of each placement. */
  chosenIds?: readonly string[] | undefined;
  appVersion: string;
  /** Today (ISO): when the report was made. */
  generatedOn: string;
  /** Prices read before this day are flagged stale (ISO). */
  staleBefore?: string | undefined;
  /** More sections (commitments, vendors, a portfolio), each placed by its id. */
  extensions?: readonly ReportExtension[] | undefined;
}

/** What a section builder sees: the evaluation, its explanation and the candidates shown. */
export interface ReportContext {
  input: DecisionReportInput;
  why: Explanation;
  shortlist: CandidateResult[];
  chosen: CandidateResult[];
}

/**
 * A section another feature adds, placed by its id in SECTION_ORDER. HOOKS: the commitments and
 * vendor view ('commitments', 'vendors'), the savings levers ranked ('levers', issue 15) and
 * portfolios of several workloads ('portfolio', issue 12) plug in here. A builder returns null
 * when it has nothing to say for this scenario. The Markdown and HTML/PDF renderers show every
 * block; the workbook adds each table of an added section as a sheet (EXTENSION_SECTIONS).
 */
export type ReportExtension = (ctx: ReportContext) => ReportSection | null;

/** The order sections appear in, whoever builds them. */
export const SECTION_ORDER: readonly SectionId[] = [
  'recommendation',
  'why',
  'shortlist',
  'charts',
  'uncertainty',
  'commitments',
  'vendors',
  'levers',
  'portfolio',
  'workloads',
  'pools',
  'budgets',
  'showback',
  'spend',
  'assumptions',
  'projection',
  'sources',
  'method',
];

/** The sections only extensions build: the workbook gives their tables sheets of their own. */
export const EXTENSION_SECTIONS: ReadonlySet<SectionId> = new Set([
  'commitments',
  'vendors',
  'levers',
  'portfolio',
]);

/** The feasible candidates ranked best that the shortlist always shows. */
const TOP = 5;

/** The decision report, with the tables only the workbook carries (too long for pages). */
export interface DecisionReportWithData {
  report: DecisionReport;
  why: Explanation;
  shortlist: CandidateResult[];
  /** Every feasible candidate, ranked (the workbook's sheet). */
  feasible: ReportTable;
  /** Month by month for each shortlisted candidate (the workbook's sheet). */
  projection: ReportTable;
  /** The assumptions, grouped (the workbook's sheet). */
  assumptions: FactGroup[];
  sources: ReportTable;
}

/**
 * The decision report: the recommendation and its key figures under the scenario's objective, why
 * it wins, a shortlist (the best few and the best of each placement, never every row), the app's
 * charts, the simulated spread where present, every assumption, the month-by-month projection, the
 * sources and dates of every price used (stale ones flagged), and a method note. Every number is
 * the engine's: nothing is recomputed here.
 */
export function decisionReport(input: DecisionReportInput): DecisionReportWithData {
  const { scenario, evaluation, uncertainty } = input;
  const { result, context } = evaluation;
  const why = explain(evaluation, { breakEven: true });
  const chosenIdx = chosenIndices(evaluation, input.chosenIds ?? []);
  const chosen = chosenIdx.map((i) => result.row(i));
  const shortlist = shortlistRows(evaluation, why, chosenIdx);
  const valued = scenario.value.perRequest !== undefined;
  const horizon = scenario.value.horizonMonths;
  const pricesAsOf = evaluation.index.asOf ?? input.generatedOn;
  const start = scenario.startDate ?? pricesAsOf;
  const projected = shortlist.flatMap((r): ProjectedCandidate[] => {
    const p = projectMonths(context, r.placement);
    return p === null ? [] : [{ row: r, months: p.months }];
  });
  const ctx: ReportContext = { input, why, shortlist, chosen };
  const bands = input.bands ?? NO_BANDS;
  const sources = sourceLines(shortlist, evaluation.index, input.catalog, {
    staleBefore: input.staleBefore,
    // The quality column shows each candidate's score on this benchmark, a minimum set or not.
    benchmark: workloadBenchmark(scenario.workload),
    horizonEnd: monthStart(start, horizon + 1),
  });
  const assumptions = [
    workloadFacts(scenario, context.rates),
    valueFacts(scenario, pricesAsOf),
    setupFacts(scenario),
    discountFacts(scenario, input.catalog),
    operationsFacts(scenario),
    ownedFacts(shortlist),
    commitmentFacts(shortlist),
    uncertainty === undefined ? null : rangeFacts(uncertainty),
  ].filter((g): g is FactGroup => g !== null);
  const srcTable = sourcesTable(sources);
  const staleCount = sources.filter((s) => s.stale).length;
  const sections: ReportSection[] = [
    recommendationSection(
      why,
      result.recommended < 0 ? null : result.row(result.recommended),
      valued,
      uncertainty,
    ),
    whySection(why),
    {
      id: 'shortlist',
      title: 'Shortlist',
      blocks: [
        {
          kind: 'paragraph',
          text: `The ${Math.min(TOP, why.feasibleCount)} best of ${why.feasibleCount.toLocaleString('en-US')} feasible candidates under the ${why.objectiveLabel}, and the best of each other placement (${why.candidateCount.toLocaleString('en-US')} evaluated; the workbook lists every feasible one).`,
        },
        { kind: 'table', caption: '', table: shortlistTable(why, shortlist, valued) },
        {
          kind: 'chart',
          title: 'Where the money goes',
          note: 'Monthly cost by component, the cheapest and the chosen candidates',
          chart: {
            id: 'breakdown',
            type: 'breakdown',
            data: breakdownChart(evaluation, chosenIdx),
          },
        },
      ],
    },
    chartsSection(evaluation, why, chosenIdx, bands, valued, input.breakEven),
    ...(uncertainty === undefined ? [] : [uncertaintySection(uncertainty, shortlist, horizon)]),
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
      id: 'projection',
      title: 'Monthly projection',
      blocks: [
        {
          kind: 'paragraph',
          text: `Cash paid each month from ${start} over the ${horizon}-month horizon: setup at the decision, hardware when bought, and each month's run cost at its volume, served share (launch weeks) and prices. The workbook splits each month into its parts for every shortlisted candidate.`,
        },
        {
          kind: 'table',
          caption: '',
          table: projectionSummaryTable(
            projected.filter((p) => chosen.some((c) => c.id === p.row.id)),
            start,
            chosen.map((c) => c.label),
          ),
        },
      ],
    },
    {
      id: 'sources',
      title: 'Sources',
      blocks: [
        {
          kind: 'paragraph',
          text: `Every price and fact the shortlisted candidates' numbers use, with its source and the day it was read.${input.staleBefore ? ` Rows read before ${input.staleBefore} are flagged stale (${staleCount} here).` : ''}`,
        },
        { kind: 'table', caption: '', table: srcTable },
      ],
    },
    methodSection(scenario, why, uncertainty, input),
  ];
  for (const extend of input.extensions ?? []) {
    const extra = extend(ctx);
    if (extra !== null) sections.push(extra);
  }
  sections.sort((a, b) => SECTION_ORDER.indexOf(a.id) - SECTION_ORDER.indexOf(b.id));
  const rec = why.recommended;
  return {
    report: {
      meta: {
        title:
          rec === null
            ? `${scenario.name}: no feasible candidate`
            : `${scenario.name}: ${rec.label}`,
        scenarioName: scenario.name,
        description: scenario.description,
        generatedOn: input.generatedOn,
        pricesAsOf,
        catalogDate: catalogDate(input.catalog),
        staleBefore: input.staleBefore ?? null,
        appVersion: input.appVersion,
        objectiveLabel: why.objectiveLabel,
        horizonMonths: horizon,
      },
      sections,
    },
    why,
    shortlist,
    feasible: feasibleTable(
      why,
      Array.from(result.order.subarray(0, result.feasibleCount), (i) => result.row(i)),
      valued,
    ),
    projection: projectionTable(projected, start, valued),
    assumptions,
    sources: srcTable,
  };
}

/** The best few by rank, the best of each placement, and the chosen, in rank order. */
function shortlistRows(
  evaluation: Ok,
  why: Explanation,
  chosen: readonly number[],
): CandidateResult[] {
  const { result } = evaluation;
  const top = Array.from(result.order.subarray(0, Math.min(TOP, result.feasibleCount)));
  const others = why.alternatives.map((a) => result.indexOf(a.id)).filter((i) => i >= 0);
  const rankOf = (i: number) => result.rank[i] || Number.POSITIVE_INFINITY;
  return [...new Set([...top, ...others, ...chosen])]
    .sort((a, b) => rankOf(a) - rankOf(b))
    .map((i) => result.row(i));
}

function recommendationSection(
  why: Explanation,
  rec: CandidateResult | null,
  valued: boolean,
  u: UncertaintyResult | undefined,
): ReportSection {
  if (rec === null) {
    return {
      id: 'recommendation',
      title: 'Recommendation',
      blocks: [{ kind: 'paragraph', text: why.sentences.join(' ') }],
    };
  }
  const label = why.objectiveLabel;
  const headline: KeyFigure = {
    label: label[0]!.toUpperCase() + label.slice(1),
    value: why.recommended?.objectiveValue ?? null,
    format: why.objective === 'perOutcome' ? 'usdUnit' : 'usd',
    note: 'the objective',
  };
  const figures: KeyFigure[] = [headline];
  if (why.objective !== 'tco') {
    figures.push({ label: `${why.horizonMonths}-month cost`, value: rec.tcoUsd, format: 'usd' });
  }
  if (why.objective !== 'monthly') {
    figures.push({
      label: 'Monthly cost',
      value: rec.monthlyUsd,
      format: 'usd',
      note: 'first full month',
    });
  }
  figures.push(
    {
      label: 'Setup',
      value: rec.setupUsd,
      format: 'usd',
      note: formatLaunch(rec.weeksToLaunch),
    },
    { label: 'Per request', value: rec.perRequestUsd, format: 'usdUnit' },
    { label: 'Time to first token', value: rec.ttftMs, format: 'ms' },
  );
  if (valued && rec.roi !== null) {
    if (why.objective !== 'npv')
      figures.push({ label: 'NPV', value: rec.roi.npvUsd, format: 'usd' });
    figures.push(
      { label: 'Payback month', value: rec.roi.paybackMonth, format: 'integer' },
      { label: 'ROI', value: rec.roi.roi, format: 'pct', note: `over ${why.horizonMonths} months` },
    );
  }
  const spread = u?.candidates.find((c) => c.id === rec.id)?.uncertainty.tcoUsd;
  if (spread) {
    figures.push({
      label: `${why.horizonMonths}-month cost P90`,
      value: spread.p90,
      format: 'usd',
      note: 'not exceeded in 90 % of simulated futures',
    });
  }
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: `${rec.label} (${PLACEMENT_LABELS[rec.kind]})`, strong: true },
    { kind: 'figures', figures },
    { kind: 'paragraph', text: why.sentences[0] ?? '' },
  ];
  if (u !== undefined && u.recommendedId !== null && u.recommendedId !== rec.id) {
    const robust = u.candidates.find((c) => c.id === u.recommendedId);
    blocks.push({
      kind: 'paragraph',
      text: `Under the scenario's robust rule the pick is ${robust?.label ?? u.recommendedId} instead: see Uncertainty.`,
    });
  }
  if (rec.warnings.length > 0)
    blocks.push({ kind: 'list', items: rec.warnings.map((w) => `Note: ${w}`) });
  return { id: 'recommendation', title: 'Recommendation', blocks };
}

function whySection(why: Explanation): ReportSection {
  const blocks: ReportBlock[] = [{ kind: 'list', items: why.sentences.slice(1) }];
  const runnerUp = why.alternatives.find((a) => a.role === 'runner-up');
  if (runnerUp !== undefined && runnerUp.components.length > 0) {
    blocks.push({
      kind: 'table',
      caption: `Where ${runnerUp.label} differs (the runner-up; positive: it pays more)`,
      table: {
        id: 'runner-up-components',
        columns: [
          { key: 'component', header: 'Cost component', format: 'text', width: 22 },
          { key: 'basis', header: 'Basis', format: 'text', width: 10 },
          { key: 'recommended', header: 'Recommended', format: 'usd', width: 13 },
          { key: 'other', header: 'Runner-up', format: 'usd', width: 13 },
          { key: 'delta', header: 'Difference', format: 'usd', width: 13 },
        ],
        rows: runnerUp.components.map((c) => ({
          component: c.label,
          basis: BASIS_WORDS[c.basis],
          recommended: c.recommendedUsd,
          other: c.otherUsd,
          delta: c.deltaUsd,
        })),
      },
    });
  }
  return { id: 'why', title: 'Why this one', blocks };
}

function chartsSection(
  evaluation: Ok,
  why: Explanation,
  chosen: readonly number[],
  bands: ChartBands,
  valued: boolean,
  onScreen: BreakEvenChartData | null | undefined,
): ReportSection {
  const blocks: ReportBlock[] = [];
  const data =
    onScreen === undefined ? pairBreakEven(evaluation, why, { a: null, b: null }) : onScreen;
  if (data !== null) {
    const view = breakEvenView(data, bands);
    const better = data.objective === 'npv' ? 'better' : 'cheaper';
    const crossings =
      data.crossings.length === 0
        ? noBreakEvenText(data)
        : data.crossings
            .map(
              (c) =>
                `break-even at ${volumeWords(c.requestsPerMonth)} requests a month (above it, ${c.betterAbove === 'a' ? data.a.label : data.b.label} is ${better})`,
            )
            .join('; ');
    const banded = view.bands.some((b) => b !== null)
      ? '; shaded: P10–P90 of simulated futures'
      : '';
    blocks.push({
      kind: 'chart',
      title: `Break-even: ${objectiveLabel(data.objective, data.horizonMonths)} vs monthly volume`,
      note: `${data.objective === 'tco' ? 'Setup spread over the horizon; ' : ''}today’s ${todayVolumeText(data)} requests a month marked on both lines; ${crossings}${banded}`,
      chart: { id: 'break-even', type: 'break-even', data: view },
    });
  }
  if (valued) {
    const payback = paybackChart(evaluation, chosen, bands);
    blocks.push({
      kind: 'chart',
      title: 'Payback',
      note: `Cumulative value minus cost, setup included${payback.bands.length > 0 ? '; shaded: P10–P90 of simulated futures' : ''}`,
      chart: { id: 'payback', type: 'payback', data: payback },
    });
  }
  return { id: 'charts', title: 'Cost, volume and payback', blocks };
}

function uncertaintySection(
  u: UncertaintyResult,
  shortlist: readonly CandidateResult[],
  horizon: number,
): ReportSection {
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: `${simulationNote(u)} ${PERCENTILE_CONVENTION}` },
    {
      kind: 'table',
      caption: '',
      table: uncertaintyTable(
        u,
        shortlist.map((r) => r.id),
        horizon,
      ),
    },
    { kind: 'paragraph', text: robustSentence(u, horizon) },
  ];
  const tornado = u.tornado === null ? null : tornadoBars(u.tornado, u.ranges);
  if (u.tornado !== null && tornado !== null) {
    blocks.push(
      {
        kind: 'chart',
        title: "What moves the recommendation's cost",
        note: 'Each input at its low and its high with the others at their likely values; widest on top',
        chart: { id: 'tornado', type: 'tornado', data: tornado },
      },
      { kind: 'table', caption: '', table: tornadoTableOf(u.tornado, u.ranges, 'tornado') },
    );
  }
  const gap = u.gapTornado === null ? null : tornadoBars(u.gapTornado, u.ranges);
  if (u.gapTornado !== null && gap !== null) {
    blocks.push({
      kind: 'chart',
      title: 'What moves its lead over the runner-up',
      note: 'Below the all-likely value the lead shrinks; below zero the runner-up would be ahead',
      chart: { id: 'gap-tornado', type: 'tornado', data: gap },
    });
  }
  return { id: 'uncertainty', title: 'Uncertainty', blocks };
}

function methodSection(
  scenario: Scenario,
  why: Explanation,
  u: UncertaintyResult | undefined,
  input: DecisionReportInput,
): ReportSection {
  const v = scenario.value;
  const items = [
    'Every candidate is costed by the engine the app runs. A hosted API from its token prices: uncached input, cached input, cache writes and output at the tier each request lands in (batch, priority, long-context tiers), then the regional uplift and the negotiated discount; response-cache hits cost nothing. A self-hosted model from a performance model calibrated on published measurements: the largest concurrency meeting the SLOs sets a replica’s capacity, replicas cover peak at the target utilization plus an availability reserve, and GPU time, power, colocation, staff, storage, egress and monitoring are priced from the catalog and the scenario’s operations block.',
    `The ${why.objectiveLabel} ranks the candidates. The horizon cost is setup + hardware bought − its book value left at the horizon + every month’s run cost (growth, launch weeks and price changes included), undiscounted${v.perRequest ? `; NPV discounts value minus cash at ${(v.discountRateAnnual * 100).toFixed(1)} % a year` : ''}.`,
    'The monthly projection is the engine’s month-by-month series: each month’s run cost at its volume, served share and prices; hardware in the month it is bought; setup at the decision.',
    u === undefined
      ? 'Point estimates: the scenario gives no ranges, so no spread is shown.'
      : `Uncertainty: ${simulationNote(u)} ${PERCENTILE_CONVENTION}`,
    `Prices carry their source and the day they were read${input.staleBefore ? `; rows read before ${input.staleBefore} are flagged stale` : ''}. Candidates out of the comparison are counted by their first reason, never dropped silently.`,
  ];
  return { id: 'method', title: 'Method', blocks: [{ kind: 'list', items }] };
}
