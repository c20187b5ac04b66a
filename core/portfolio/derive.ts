import type { PortfolioWorkload } from '../schema/portfolio.ts';
import { SCENARIO_SCHEMA_VERSION, type Scenario, type ScenarioFile } from '../schema/scenario.ts';

/** The fields of a file every workload shares (everything but the workloads and governance). */
function sharedOf(file: ScenarioFile) {
  const { workloads: _w, pooling: _p, budgets: _b, value: _v, ...shared } = file;
  return shared;
}

/**
 * A cloud candidate with idle shutdown keeps no replica warm outside the active hours: the floor
 * is 0, so the fleet follows demand down to nothing when traffic stops.
 */
export function withIdleShutdown(s: Scenario): Scenario {
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
  const scenario = editableScenario(file, w);
  return w.idleShutdown ? withIdleShutdown(scenario) : scenario;
}

/**
 * The workload's scenario as the app edits it: the shared assumptions as the file states them
 * (idle shutdown is applied when it is evaluated, so an edit never writes it into the shared
 * candidates). Named as the file: a save keeps the file's name.
 */
export function editableScenario(file: ScenarioFile, w: PortfolioWorkload): Scenario {
  return {
    ...sharedOf(file),
    workload: w.workload,
    value: { ...file.value, ...w.value },
  };
}

/**
 * Whether a file is evaluated as a portfolio (`cost`'s pools, showback and budgets; the portfolio
 * report): it holds several workloads, or budgets to check even one against.
 */
export function isPortfolio(file: Pick<ScenarioFile, 'workloads' | 'budgets'>): boolean {
  return file.workloads.length > 1 || file.budgets.length > 0;
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
  const { shared, sharedValue, workload, workloadValue } = splitScenario(s);
  // Snapshots are the file's: every workload's scenario carries them, and one with none left
  // clears them (a spread alone would keep the file's old list).
  const { snapshots: _old, ...rest } = file;
  return {
    ...rest,
    ...shared,
    value: sharedValue,
    workloads: file.workloads.map((w) =>
      w.id === id ? { ...w, workload, value: workloadValue } : w,
    ),
  };
}

/** A workload's scenario split into what the file shares and what is the workload's own. */
function splitScenario(s: Scenario) {
  const { workload, value, schemaVersion: _v, ...shared } = s;
  const { perRequest, successRate, ...sharedValue } = value;
  const workloadValue = { successRate, ...(perRequest ? { perRequest } : {}) };
  return { shared, sharedValue, workload, workloadValue };
}

/**
 * A single workload's scenario as a file of one workload (id `main`, named after the scenario):
 * what a version 1 file upgrades to, for a scenario built in memory.
 */
export function portfolioOfOne(s: Scenario): ScenarioFile {
  const { shared, sharedValue, workload, workloadValue } = splitScenario(s);
  return {
    ...shared,
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    value: sharedValue,
    pooling: { enabled: true, idleAllocation: 'proportional' },
    budgets: [],
    workloads: [
      {
        id: 'main',
        name: s.name,
        owner: '',
        tags: [],
        workload,
        value: workloadValue,
        idleShutdown: false,
      },
    ],
  };
}
