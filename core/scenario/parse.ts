import { workloadScenario } from '../portfolio/derive.ts';
import { describeZodError } from '../schema/errors.ts';
import { Scenario, SCENARIO_SCHEMA_VERSION, ScenarioFile } from '../schema/scenario.ts';
import { upgradeScenario, type ScenarioJson } from './migrate.ts';

export type ScenarioFileParse = { ok: true; file: ScenarioFile } | { ok: false; error: string };
export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; error: string };

/**
 * Validates a parsed scenario file, upgrading an older version step by step first; the error
 * names the field and what is allowed. A `$schema` key (for editors) is accepted and ignored.
 */
export function parseScenarioFile(value: unknown): ScenarioFileParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'a scenario file must be a JSON object' };
  }
  const upgraded = upgradeScenario(value as ScenarioJson);
  if (!upgraded.ok) return upgraded;
  const parsed = ScenarioFile.safeParse(upgraded.file);
  if (!parsed.success) {
    const error = describeZodError(parsed.error);
    // A version 1 file's author wrote `workload` and `value`: name the fields as they wrote them.
    const v1 = (value as ScenarioJson)['schemaVersion'] === 1;
    return {
      ok: false,
      error: v1
        ? error
            .replaceAll('workloads[0].workload', 'workload')
            .replaceAll('workloads[0].value', 'value')
        : error,
    };
  }
  return { ok: true, file: parsed.data };
}

/**
 * A scenario file of one workload as that workload's scenario (what a single-workload command
 * evaluates). A portfolio of several is refused by name, never silently cut to its first.
 */
export function parseScenario(value: unknown): ScenarioParse {
  const parsed = parseScenarioFile(value);
  if (!parsed.ok) return parsed;
  const [first, ...more] = parsed.file.workloads;
  if (first === undefined || more.length > 0)
    return {
      ok: false,
      error: `workloads: the file holds ${parsed.file.workloads.length} workloads; this needs one (evaluate a portfolio with cost)`,
    };
  const scenario = Scenario.safeParse(workloadScenario(parsed.file, first));
  if (!scenario.success) return { ok: false, error: describeZodError(scenario.error) };
  return { ok: true, scenario: scenario.data };
}

/**
 * A workload's scenario as the app holds it (what it sends to preview an import against), or a
 * scenario file of one workload.
 */
export function parseWorkloadScenario(value: unknown): ScenarioParse {
  const held =
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'workload' in value;
  if (!held || (value as ScenarioJson)['schemaVersion'] !== SCENARIO_SCHEMA_VERSION)
    return parseScenario(value);
  const scenario = Scenario.safeParse(value);
  if (!scenario.success) return { ok: false, error: describeZodError(scenario.error) };
  return { ok: true, scenario: scenario.data };
}
