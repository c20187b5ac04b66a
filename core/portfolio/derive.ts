import type { PortfolioWorkload } from '../schema/portfolio.ts';
import type { Scenario, ScenarioFile } from '../schema/scenario.ts';

/** The fields of a file every workload shares (everything but the workloads and governance). */
function sharedOf(file: ScenarioFile) {
  const { workloads: _w, pooling: _p, budgets: _b, value: _v, ...shared } = file;
  return shared;
}

/**
 * A cloud candidate with idle shutdown keeps no replica warm outside the active hours: the floor
 * is 0, so the fleet follows demand down to nothing when traffic stops.
 */
function withIdleShutdown(s: Scenario): Scenario {
  const candidates = s.candidates.map((p) =>
    p.kind === 'cloud' ? { ...p, minReplicas: 0, scaling: 'autoscale' as const } : p,
  );
  const cloud = s.sweep?.cloud;
  const sweep =
    s.sweep === undefined || cloud === undefined
      ? s.sweep
      : { ...s.sweep, cloud: { ...cloud, minReplicas: 0, scaling: 'autoscale' as const } };
  return { ...s, candidates, ...(sweep === undefined ? {} : { sweep }) };
}

/**
 * One workload of a file as a single-workload scenario: the file's shared assumptions with the
 * workload's own shape and value. What the engine evaluates, so every single-workload feature
 * works per workload. Named after the workload when the file holds several.
 */
export function workloadScenario(file: ScenarioFile, w: PortfolioWorkload): Scenario {
  const scenario: Scenario = {
    ...sharedOf(file),
    name: file.workloads.length === 1 ? file.name : `${file.name} — ${w.name}`,
    workload: w.workload,
    value: { ...file.value, ...w.value },
  };
  return w.idleShutdown ? withIdleShutdown(scenario) : scenario;
}

/** The workload of a file by id; undefined when the file has none by that id. */
export function workloadById(file: ScenarioFile, id: string): PortfolioWorkload | undefined {
  return file.workloads.find((w) => w.id === id);
}

/**
 * The file with one workload's scenario written back (what the app does when the user edits the
 * active workload): its shape and value go to the workload, every shared assumption to the file.
 */
export function withWorkloadScenario(file: ScenarioFile, id: string, s: Scenario): ScenarioFile {
  const { workload, value, schemaVersion: _v, name: _n, ...shared } = s;
  const { perRequest, successRate, ...sharedValue } = value;
  return {
    ...file,
    ...shared,
    value: sharedValue,
    workloads: file.workloads.map((w) =>
      w.id === id
        ? { ...w, workload, value: { successRate, ...(perRequest ? { perRequest } : {}) } }
        : w,
    ),
  };
}
