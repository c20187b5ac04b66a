import { OBJECTIVES } from '../../core/decision/objective.ts';
import { evaluateScenario, type ScenarioEvaluation } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import { IsoDate } from '../../core/schema/common.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { simulationSetup, type SimulationSetup } from '../../core/uncertainty/setup.ts';
import { simulate, type UncertaintyResult } from '../../core/uncertainty/simulate.ts';
import { enumFlag, intFlag, requiredFlag, stringFlag, type ParsedArgs } from './args.ts';
import { UsageError } from './errors.ts';
import { readJsonFile } from './read-file.ts';
import { today } from './today.ts';

/** The flags every command that evaluates a scenario takes. */
export const SCENARIO_FLAGS = ['scenario', 'objective', 'as-of', 'samples', 'seed'] as const;

export interface ScenarioRun {
  file: string;
  scenario: Scenario;
  evaluation: Extract<ScenarioEvaluation, { ok: true }>;
  /** The simulation and its setup, when asked for (or, for reports, when the scenario has ranges). */
  simulation: { setup: SimulationSetup; result: UncertaintyResult } | null;
  /** The scenario as the file states it (before --objective and --as-of). */
  fileScenario: Scenario;
  /** Evaluates another state of the scenario (a snapshot) on the same day, with the same flags. */
  evaluateState: (state: Scenario) => ScenarioEvaluation;
}

/**
 * Reads `--scenario`, applies `--objective` and `--as-of` (else the scenario's, else today),
 * evaluates it, and simulates its futures when `simulate` says so (with `--samples`, `--seed`).
 * Every problem is a UsageError naming the flag or the file.
 */
export function runScenario(
  a: ParsedArgs,
  { catalog, staleBefore }: { catalog: Catalog; staleBefore?: string },
  simulateWhen: (scenario: Scenario) => boolean,
): ScenarioRun {
  const file = requiredFlag(a, 'scenario');
  const objectiveFlag = enumFlag(a, 'objective', OBJECTIVES);
  const samples = intFlag(a, 'samples', 100, 100_000);
  const seed = intFlag(a, 'seed', 0, 2 ** 32 - 1);
  const asOfFlag = stringFlag(a, 'as-of');
  if (asOfFlag !== undefined && !IsoDate.safeParse(asOfFlag).success) {
    throw new UsageError(`--as-of must be a date like 2026-07-24 (got '${asOfFlag}')`);
  }
  const parsed = parseScenario(readJsonFile(file));
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.error}`);
  // Prices as the catalog knew them on the day: --as-of, else the scenario's, else today.
  const asOf = asOfFlag ?? parsed.scenario.asOf ?? today();
  const scenario = {
    ...parsed.scenario,
    objective: objectiveFlag ?? parsed.scenario.objective,
    asOf,
  };
  if (scenario.objective === 'npv' && scenario.value.perRequest === undefined) {
    throw new UsageError(
      `--objective npv needs a value per request: set value.perRequest in ${file}`,
    );
  }
  const evaluation = evaluateScenario(catalog, scenario, staleBefore ? { staleBefore } : {});
  if (!evaluation.ok) throw new UsageError(`${file}: ${evaluation.error}`);
  let simulation: ScenarioRun['simulation'] = null;
  if (simulateWhen(scenario)) {
    const sampling = {
      ...(samples === undefined ? {} : { samples }),
      ...(seed === undefined ? {} : { seed }),
    };
    const setup = simulationSetup(evaluation, scenario, sampling);
    if (!setup.ok) throw new UsageError(`${file}: ${setup.error}`);
    simulation = { setup: setup.setup, result: simulate(setup.setup) };
  }
  const evaluateState = (state: Scenario) =>
    evaluateScenario(
      catalog,
      {
        ...state,
        objective: objectiveFlag ?? state.objective,
        asOf: asOfFlag ?? state.asOf ?? today(),
      },
      staleBefore ? { staleBefore } : {},
    );
  return { file, scenario, evaluation, simulation, fileScenario: parsed.scenario, evaluateState };
}
