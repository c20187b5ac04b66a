import { explain } from '../../core/decision/explain.ts';
import { vendorView } from '../../core/procurement/vendors.ts';
import { comparisonColumns } from '../../core/report/comparison-columns.ts';
import { comparisonAssumptions, markdownReport } from '../../core/report/markdown-report.ts';
import { uncertaintySentences } from '../../core/report/uncertainty-report.ts';
import { vendorJson } from '../../core/report/procurement-report.ts';
import { comparisonCsv, comparisonText } from '../../core/report/writers.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { savingsLevers } from '../../core/levers/levers.ts';
import { leverLines, leversJson } from '../../core/report/levers-report.ts';
import { isPortfolio, workloadScenario } from '../../core/portfolio/derive.ts';
import { portfolioOutput, readScenarioFile } from './portfolio.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import type { CandidateResult } from '../../core/sweep/types.ts';
import { simulationSetup } from '../../core/uncertainty/setup.ts';
import { compareWithSnapshots, type SnapshotComparison } from '../../core/scenario/snapshots.ts';
import { simulate, type UncertaintyResult } from '../../core/uncertainty/simulate.ts';
import { enumFlag, intFlag, parseArgs, type ParsedArgs } from './args.ts';
import { UsageError } from './errors.ts';
import { today } from './today.ts';

const FORMATS = ['table', 'json', 'csv', 'md'] as const;

export function runCost(
  argv: readonly string[],
  { catalog, staleBefore }: { catalog: Catalog; staleBefore?: string },
): string {
  const a = parseArgs(
    argv,
    ['scenario', 'format', 'objective', 'as-of', 'uncertainty', 'samples', 'seed', 'levers'],
    ['uncertainty', 'levers'],
  );
  if (a.positionals.length > 0) throw new UsageError(`unexpected argument '${a.positionals[0]}'`);
  const format = enumFlag(a, 'format', FORMATS) ?? 'table';
  const sampling = samplingFlags(a);
  const run = readScenarioFile(a);
  const { path: file, file: portfolioFile, objectiveFlag, asOfFlag } = run;
  const [only] = portfolioFile.workloads;
  if (only === undefined || isPortfolio(portfolioFile)) {
    if (sampling !== null)
      throw new UsageError(`--uncertainty runs on one workload; ${file} holds a portfolio`);
    return portfolioOutput(run, format, catalog, staleBefore);
  }
  const scenario = workloadScenario(portfolioFile, only);
  if (scenario.objective === 'npv' && scenario.value.perRequest === undefined) {
    throw new UsageError(
      `--objective npv needs a value per request: set value.perRequest in ${file}`,
    );
  }
  const evaluation = evaluateScenario(catalog, scenario, staleBefore ? { staleBefore } : {});
  if (!evaluation.ok) throw new UsageError(`${file}: ${evaluation.error}`);
  let uncertainty: UncertaintyResult | undefined;
  if (sampling !== null) {
    const setup = simulationSetup(evaluation, scenario, sampling);
    if (!setup.ok) throw new UsageError(`${file}: ${setup.error}`);
    uncertainty = simulate(setup.setup);
  }
  // Each snapshot kept in the file, evaluated as the scenario is (the same day's prices and flags).
  // The assumptions compare as the file states them (not with the day or objective set here).
  const snapshots = compareWithSnapshots(workloadScenario(run.stated, only), evaluation, (state) =>
    evaluateScenario(
      catalog,
      {
        ...state,
        objective: objectiveFlag ?? state.objective,
        asOf: asOfFlag ?? state.asOf ?? today(),
      },
      staleBefore ? { staleBefore } : {},
    ),
  );
  const result = evaluation.result;
  const pricesAsOf = evaluation.index.asOf ?? today();
  const assumptions = () => comparisonAssumptions(scenario, evaluation.context.rates, pricesAsOf);
  const candidates = withUncertainty(result.rankedRows(), uncertainty);
  const recommendedId =
    uncertainty !== undefined
      ? uncertainty.recommendedId
      : result.recommended >= 0
        ? result.row(result.recommended).id
        : null;
  const recommended = candidates.find((c) => c.id === recommendedId) ?? null;
  const levers = a.flags.has('levers') ? savingsLevers(catalog, scenario, evaluation) : undefined;
  const columns = comparisonColumns({
    objective: scenario.objective,
    horizonMonths: scenario.value.horizonMonths,
  });
  switch (format) {
    case 'json': {
      const why = explain(evaluation, { breakEven: true });
      return jsonText(file, candidates.length, {
        scenario: scenario.name,
        objective: scenario.objective,
        objectiveLabel: why.objectiveLabel,
        horizonMonths: scenario.value.horizonMonths,
        recommended: recommended?.id ?? null,
        candidateCount: why.candidateCount,
        feasibleCount: why.feasibleCount,
        exclusions: why.exclusions,
        unknownOnly: why.unknownOnly,
        explanation: {
          sentences: why.sentences,
          alternatives: why.alternatives,
          bestUnknown: why.bestUnknown,
        },
        ...vendorJson(vendorView(evaluation.context, result, evaluation.placements)),
        ...(uncertainty === undefined ? {} : uncertaintyJson(uncertainty)),
        ...(levers === undefined ? {} : leversJson(levers, scenario.objective)),
        ...(snapshots.length === 0 ? {} : { snapshots }),
        candidates,
      });
    }
    case 'csv':
      return comparisonCsv(candidates, columns, assumptions()).trimEnd();
    case 'md':
      return markdownReport(scenario, evaluation.context.rates, candidates, {
        columns,
        pricesAsOf,
        why: explain(evaluation, { breakEven: true }),
        ...(uncertainty === undefined ? {} : { uncertainty }),
        vendors: vendorView(evaluation.context, result, evaluation.placements),
      }).trimEnd();
    case 'table': {
      // The volumes at which an alternative would win, as the markdown and JSON name them.
      const why = explain(evaluation, { breakEven: true });
      const pick = recommended ? `Recommended: ${recommended.label}` : 'No feasible candidate.';
      const spread = uncertainty === undefined ? [] : ['', ...uncertaintySentences(uncertainty)];
      const saving = levers === undefined ? [] : ['', ...leverLines(levers, scenario.objective)];
      const since = snapshots.length === 0 ? [] : ['', ...snapshots.map(snapshotLine)];
      return `${scenario.name}\n${pick}\n${[...why.sentences, ...spread, ...saving, ...since].join('\n')}\n\n${comparisonText(candidates, columns)}`;
    }
  }
}

/**
 * The JSON output as one string, or a refusal naming what to narrow when it is too large for one
 * (a sweep of every region at four pricing terms ranked 163,440 candidates: over 500 MB, past the
 * longest string JavaScript holds, which failed as "Invalid string length").
 */
export function jsonText(file: string, candidateCount: number, output: object): string {
  try {
    return JSON.stringify(output, null, 1);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new UsageError(
      `${file}: ${candidateCount.toLocaleString('en-US')} candidates are too many to print as JSON; narrow the sweep (sweep.cloud.regionChoice "cheapest", fewer sweep.cloud.pricing terms, models or GPUs) or use --format csv`,
    );
  }
}

/** "Since snapshot “Baseline”: the pick changed (A → B); 36-month cost +$1,200 (+12%); …" */
function snapshotLine(s: SnapshotComparison): string {
  const pick = s.winnerChanged
    ? `the pick changed (${s.winnerBefore?.label ?? 'none feasible'} → ${s.winnerAfter?.label ?? 'none feasible'})`
    : 'same pick';
  const moves = s.measures
    .filter((m) => m.change !== '' && m.key !== 'feasibleCount')
    .map((m) => `${m.label} ${m.change}`);
  const assumptions = s.assumptionChanges.map((c) => `${c.label} ${c.before} → ${c.after}`);
  return `Since snapshot “${s.name}”: ${[pick, ...moves].join('; ')}${assumptions.length > 0 ? ` (${assumptions.join('; ')})` : ''}`;
}

/** --uncertainty with its --samples and --seed; null without it (the others then refused). */
function samplingFlags(a: ParsedArgs): { samples?: number; seed?: number } | null {
  const samples = intFlag(a, 'samples', 100, 100_000);
  const seed = intFlag(a, 'seed', 0, 2 ** 32 - 1);
  if (!a.flags.has('uncertainty')) {
    for (const name of ['samples', 'seed']) {
      if (a.flags.has(name)) throw new UsageError(`--${name} needs --uncertainty`);
    }
    return null;
  }
  return {
    ...(samples === undefined ? {} : { samples }),
    ...(seed === undefined ? {} : { seed }),
  };
}

/**
 * Rows with each simulated candidate's spread (`uncertainty`), and the recommendation flag moved
 * to the robust pick when the scenario recommends by it.
 */
function withUncertainty(
  rows: CandidateResult[],
  u: UncertaintyResult | undefined,
): (CandidateResult & { uncertainty?: UncertaintyResult['candidates'][number]['uncertainty'] })[] {
  if (u === undefined) return rows;
  const spread = new Map(u.candidates.map((c) => [c.id, c.uncertainty]));
  return rows.map((r) => {
    const x = spread.get(r.id);
    const recommended = r.id === u.recommendedId;
    if (x === undefined && recommended === r.recommended) return r;
    return { ...r, recommended, ...(x === undefined ? {} : { uncertainty: x }) };
  });
}

/** The top-level fields --uncertainty adds: how it ran, the robust pick and the tornadoes. */
function uncertaintyJson(u: UncertaintyResult) {
  const bars = (t: UncertaintyResult['tornado']) =>
    t === null
      ? null
      : t.bars.map((b) => ({
          input: b.input,
          label: b.label,
          lowValue: b.lowValue,
          highValue: b.highValue,
          lowUsd: b.lowUsd,
          highUsd: b.highUsd,
          swingUsd: b.swingUsd,
        }));
  return {
    uncertainty: {
      samples: u.samples,
      seed: u.seed,
      distribution: u.distribution,
      recommendBy: u.recommendBy,
      simulatedCount: u.candidates.length,
      noWinnerShare: u.noWinnerShare,
      robust: u.robust,
      ranges: u.ranges,
      tornadoBaseUsd: u.tornado?.baseUsd ?? null,
    },
    tornado: bars(u.tornado),
    gapTornado:
      u.gapTornado === null
        ? null
        : {
            versusId: u.gapTornado.versusId,
            baseUsd: u.gapTornado.baseUsd,
            bars: bars(u.gapTornado),
          },
  };
}
