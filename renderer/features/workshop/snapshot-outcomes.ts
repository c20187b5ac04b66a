import { create } from 'zustand';
import { outcomeOf, type Outcome } from '../../../core/scenario/outcome.ts';
import type { Scenario, ScenarioCore } from '../../../core/schema/scenario.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { evaluateOnCatalog } from '../../stores/results-store.ts';

/**
 * What each snapshot comes to on today's catalog, kept per snapshot (by identity) and catalog
 * revision. A snapshot taken now reuses the draft's evaluation; one opened from a file is worked
 * out a moment later, one per task, never on a slider's path.
 */
const known = new WeakMap<object, { revision: number; outcome: Outcome }>();

/** Bumped when an outcome is worked out, so the strip and the delta view show it. */
export const useSnapshotOutcomes = create<{ version: number }>()(() => ({ version: 0 }));

function revision(): number {
  return useCatalog.getState().snapshot?.revision ?? -1;
}

/** The snapshot's outcome if it is known for the current catalog. */
export function knownOutcome(state: ScenarioCore): Outcome | undefined {
  const hit = known.get(state);
  return hit !== undefined && hit.revision === revision() ? hit.outcome : undefined;
}

export function rememberOutcome(state: ScenarioCore, outcome: Outcome): void {
  known.set(state, { revision: revision(), outcome });
}

const queue: ScenarioCore[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

/** Works out the outcomes not known yet, in the background. */
export function requestOutcomes(states: readonly ScenarioCore[]): void {
  for (const s of states) if (knownOutcome(s) === undefined && !queue.includes(s)) queue.push(s);
  if (queue.length > 0 && timer === undefined) timer = setTimeout(workOne, 30);
}

function workOne(): void {
  timer = undefined;
  const state = queue.shift();
  if (state === undefined) return;
  if (knownOutcome(state) === undefined) {
    // A snapshot's state is a whole scenario without snapshots: the app evaluates it as its draft.
    const evaluation = evaluateOnCatalog(state as Scenario);
    if (evaluation !== null) {
      rememberOutcome(state, outcomeOf(evaluation));
      useSnapshotOutcomes.setState((s) => ({ version: s.version + 1 }));
    }
  }
  if (queue.length > 0) timer = setTimeout(workOne, 30);
}
