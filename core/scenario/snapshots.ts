import type { Scenario, ScenarioCore, Snapshot } from '../schema/scenario.ts';
import { assumptionChanges, type AssumptionChange } from './assumption-changes.ts';
import type { ScenarioEvaluation } from './evaluate.ts';
import { compareOutcomes, outcomeOf, type OutcomeComparison } from './outcome.ts';

/** The scenario without what is not an assumption to keep: its snapshots and editor hint. */
export function snapshotState(scenario: Scenario): ScenarioCore {
  const { snapshots: _snapshots, $schema: _schema, ...state } = scenario;
  return state;
}

/** A new snapshot's name: the first is the baseline, the next ones are numbered. */
export function nextSnapshotName(existing: readonly Snapshot[]): string {
  if (existing.length === 0) return 'Baseline';
  const taken = new Set(existing.map((s) => s.name));
  let n = existing.length + 1;
  while (taken.has(`Snapshot ${n}`)) n++;
  return `Snapshot ${n}`;
}

/**
 * The scenario with one more snapshot of its current state, at the end of the strip; `workloadId`
 * names the workload of the file it was taken on (the scenario is that workload's).
 */
export function withSnapshot(
  scenario: Scenario,
  name: string,
  takenAt: Date,
  workloadId?: string,
): Scenario {
  const snapshots = scenario.snapshots ?? [];
  const snapshot: Snapshot = {
    name,
    takenAt: takenAt.toISOString(),
    ...(workloadId === undefined ? {} : { workloadId }),
    scenario: snapshotState(scenario),
  };
  return { ...scenario, snapshots: [...snapshots, snapshot] };
}

/**
 * The scenario returned to a snapshot: the snapshot's assumptions, with today's name, notes and
 * snapshots (restoring never loses a snapshot, nor renames the scenario).
 */
export function restoredTo(current: Scenario, snapshot: Snapshot): Scenario {
  const { snapshots: _nested, $schema: _schema, ...assumptions } = snapshot.scenario as Scenario;
  return {
    ...assumptions,
    name: current.name,
    description: current.description,
    ...(current.$schema === undefined ? {} : { $schema: current.$schema }),
    ...(current.snapshots === undefined ? {} : { snapshots: current.snapshots }),
  };
}

/** The scenario with its snapshots replaced (renamed, removed) and its assumptions unchanged. */
export function withSnapshots(scenario: Scenario, snapshots: readonly Snapshot[]): Scenario {
  const { snapshots: _old, ...rest } = scenario;
  return snapshots.length === 0 ? rest : { ...rest, snapshots: [...snapshots] };
}

/** A snapshot compared with the scenario as it is: what the CLI reports and the delta view shows. */
export interface SnapshotComparison extends OutcomeComparison {
  name: string;
  takenAt: string;
  /** The assumptions that differ from the snapshot's to now. */
  assumptionChanges: AssumptionChange[];
}

/**
 * Each snapshot of a scenario against the scenario now: its recommendation, the change in cost,
 * horizon cost and latency of the pick, and the assumptions that differ. `evaluate` evaluates a
 * snapshot's state the way `now` was evaluated (same catalog, as-of day and staleness).
 */
export function compareWithSnapshots(
  scenario: Scenario,
  now: ScenarioEvaluation,
  evaluate: (state: Scenario) => ScenarioEvaluation,
): SnapshotComparison[] {
  const current = outcomeOf(now);
  return (scenario.snapshots ?? []).map((s) => ({
    name: s.name,
    takenAt: s.takenAt,
    ...compareOutcomes(outcomeOf(evaluate(s.scenario as Scenario)), current),
    assumptionChanges: assumptionChanges(s.scenario, scenario),
  }));
}
