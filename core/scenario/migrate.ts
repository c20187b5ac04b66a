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

const isObject = (v: unknown): v is ScenarioJson =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 1 held one workload (`workload`, with what a request is worth in `value`); version 2
 * holds a list. The one workload becomes the first of the list, id `main`, named after the
 * scenario, owned by nobody; everything else stays where it was, so the numbers do not move.
 */
export function upgradeV1toV2(file: ScenarioJson): ScenarioUpgradeResult {
  const { workload, value } = file;
  if (!isObject(workload))
    return { ok: false, error: 'workload: missing (a version 1 file holds one)' };
  if (value !== undefined && !isObject(value))
    return { ok: false, error: 'value: must be an object' };
  const { perRequest, successRate, ...shared } = value ?? {};
  const workloadValue: ScenarioJson = {};
  if (perRequest !== undefined) workloadValue['perRequest'] = perRequest;
  if (successRate !== undefined) workloadValue['successRate'] = successRate;
  const name =
    typeof file['name'] === 'string' && file['name'].trim() !== '' ? file['name'] : 'Main';
  const workloads = [{ id: 'main', name, owner: '', tags: [], workload, value: workloadValue }];
  // A snapshot keeps one workload's scenario, whose shape version 2 did not change: it is now read
  // as of version 2 (and is the file's one workload's).
  const snapshots = Array.isArray(file['snapshots'])
    ? file['snapshots'].map((s: unknown) =>
        isObject(s) && isObject(s['scenario'])
          ? { ...s, scenario: { ...s['scenario'], schemaVersion: 2 } }
          : s,
      )
    : file['snapshots'];
  // Keys keep their places (the list of workloads where the workload was), so a file's problems
  // are listed in the order its author wrote them.
  const upgraded: ScenarioJson = {};
  for (const [key, field] of Object.entries(file)) {
    if (key === 'workload') upgraded['workloads'] = workloads;
    else if (key === 'value') upgraded['value'] = shared;
    else if (key === 'snapshots') upgraded['snapshots'] = snapshots;
    else upgraded[key] = field;
  }
  upgraded['schemaVersion'] = 2;
  return { ok: true, file: upgraded };
}

/** The upgrade steps, by the version they read: `UPGRADES[1]` turns version 1 into version 2. */
export const SCENARIO_UPGRADES: Readonly<Record<number, ScenarioUpgrade>> = { 1: upgradeV1toV2 };

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
