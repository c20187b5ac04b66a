import { SCENARIO_SCHEMA_VERSION } from '../schema/scenario.ts';

/** A scenario file as JSON, before validation. */
export type ScenarioJson = Record<string, unknown>;

export type ScenarioUpgradeResult = { ok: true; file: ScenarioJson } | { ok: false; error: string };

/**
 * Upgrades a file of version N to N + 1. A step rewrites only what changed between the two
 * versions and sets the new `schemaVersion`; the result of the last step is validated whole. A
 * step upgrades the scenarios kept in `snapshots[].scenario` too: they are read by the same schema.
 * It refuses a file it cannot upgrade with one line naming the field.
 */
export type ScenarioUpgrade = (file: ScenarioJson) => ScenarioUpgradeResult;

/**
 * The upgrade steps, by the version they read: `UPGRADES[1]` turns version 1 into version 2, and
 * so on. Version 1 is the first, so there are none yet; version 2 adds one here.
 */
export const SCENARIO_UPGRADES: Readonly<Record<number, ScenarioUpgrade>> = {};

/**
 * Brings a scenario file to the current version, one step at a time. A file from a newer
 * Modelwise, a version that is not a whole number ≥ 1, or a step that refuses the file each get a
 * message that says what to do.
 */
export function upgradeScenario(
  file: ScenarioJson,
  upgrades: Readonly<Record<number, ScenarioUpgrade>> = SCENARIO_UPGRADES,
  current: number = SCENARIO_SCHEMA_VERSION,
): ScenarioUpgradeResult {
  const version = file['schemaVersion'];
  if (version === undefined)
    return {
      ok: false,
      error: `schemaVersion: missing (this version of Modelwise reads ${current})`,
    };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      ok: false,
      error: `schemaVersion: ${JSON.stringify(version)} is not a version (a whole number from 1 to ${current})`,
    };
  if (version > current)
    return {
      ok: false,
      error: `schemaVersion: the file is version ${version}, from a newer Modelwise; this version reads up to ${current} (update Modelwise to open it)`,
    };
  let upgraded = file;
  for (let from = version; from < current; from++) {
    const step = upgrades[from];
    if (step === undefined)
      return { ok: false, error: `schemaVersion: no upgrade from version ${from} to ${from + 1}` };
    const next = step(upgraded);
    if (!next.ok) return { ok: false, error: `upgrading from version ${from}: ${next.error}` };
    if (next.file['schemaVersion'] !== from + 1)
      return {
        ok: false,
        error: `schemaVersion: the upgrade from version ${from} did not produce version ${from + 1}`,
      };
    upgraded = next.file;
  }
  return { ok: true, file: upgraded };
}
