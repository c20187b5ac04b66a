import { describeZodError } from '../schema/errors.ts';
import { Scenario, SCENARIO_SCHEMA_VERSION } from '../schema/scenario.ts';

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** Validates a parsed scenario file; the error names the field and what is allowed. */
export function parseScenario(value: unknown): ScenarioParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'a scenario file must be a JSON object' };
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (version === undefined) {
    return {
      ok: false,
      error: `schemaVersion: missing (this version of Modelwise reads ${SCENARIO_SCHEMA_VERSION})`,
    };
  }
  if (version !== SCENARIO_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `schemaVersion: the file is version ${JSON.stringify(version)}; this version of Modelwise reads ${SCENARIO_SCHEMA_VERSION}`,
    };
  }
  const parsed = Scenario.safeParse(value);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  return { ok: true, scenario: parsed.data };
}
