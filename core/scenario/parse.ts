import { describeZodError } from '../schema/errors.ts';
import { Scenario } from '../schema/scenario.ts';
import { upgradeScenario, type ScenarioJson } from './migrate.ts';

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; error: string };

/**
 * Validates a parsed scenario file, upgrading an older version step by step first; the error
 * names the field and what is allowed. A `$schema` key (for editors) is accepted and ignored.
 */
export function parseScenario(value: unknown): ScenarioParse {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'a scenario file must be a JSON object' };
  }
  const upgraded = upgradeScenario(value as ScenarioJson);
  if (!upgraded.ok) return upgraded;
  const parsed = Scenario.safeParse(upgraded.file);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  return { ok: true, scenario: parsed.data };
}
