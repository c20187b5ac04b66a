import { outcomeOf } from '../../../core/scenario/outcome.ts';
import { nextSnapshotName, restoredTo, withSnapshot } from '../../../core/scenario/snapshots.ts';
import type { Snapshot } from '../../../core/schema/scenario.ts';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { rememberOutcome } from './snapshot-outcomes.ts';
import { useWorkshop } from './workshop-store.ts';

/** A scenario file holds at most this many (the schema's limit). */
const MAX_SNAPSHOTS = 100;

function snapshots() {
  return useWorkspace.getState().scenario.snapshots ?? [];
}

/** Captures the scenario as it is now, named and timed, at the end of the strip. */
export function takeSnapshot(): void {
  const { scenario, activeId } = useWorkspace.getState();
  if (snapshots().length >= MAX_SNAPSHOTS) {
    useUi
      .getState()
      .toast('error', `A scenario keeps at most ${MAX_SNAPSHOTS} snapshots: remove one first`);
    return;
  }
  const name = nextSnapshotName(snapshots());
  const next = withSnapshot(scenario, name, new Date(), activeId).snapshots ?? [];
  const taken = next[next.length - 1];
  // The draft was evaluated on its last change: that is the snapshot's outcome.
  const evaluation = useResults.getState().evaluation;
  if (taken !== undefined && evaluation !== null)
    rememberOutcome(taken.scenario, outcomeOf(evaluation));
  useWorkspace.getState().setSnapshots(next);
  useUi.getState().toast('info', `Snapshot “${name}” taken`);
}

/** Returns the assumptions to a snapshot's: one undo step (undo goes back to before it). */
export function restoreSnapshot(index: number): void {
  const snapshot = snapshots()[index];
  if (snapshot === undefined) return;
  const other = otherWorkloadName(snapshot);
  if (other !== null) {
    // Its workload's shape would overwrite this one's: the snapshot is restored on its own.
    useUi
      .getState()
      .toast(
        'error',
        `“${snapshot.name}” was taken on the workload “${other}”: switch to it to restore`,
      );
    return;
  }
  useWorkspace.getState().update((s) => restoredTo(s, snapshot));
  useUi.getState().toast('info', `Restored “${snapshot.name}”`);
}

export function renameSnapshot(index: number, name: string): void {
  const list = snapshots();
  const trimmed = name.trim();
  if (list[index] === undefined || trimmed === '' || trimmed.length > 200) return;
  useWorkspace
    .getState()
    .setSnapshots(list.map((s, k) => (k === index ? { ...s, name: trimmed } : s)));
}

/** Removes a snapshot (asks first); the delta view closes if it showed that one. */
export function removeSnapshot(index: number): void {
  const list = snapshots();
  const snapshot = list[index];
  if (snapshot === undefined) return;
  if (!window.confirm(`Remove the snapshot “${snapshot.name}”?`)) return;
  useWorkspace.getState().setSnapshots(list.filter((_, k) => k !== index));
  const { comparing, compareWith } = useWorkshop.getState();
  if (comparing === index) compareWith(null);
  else if (comparing !== null && comparing > index) compareWith(comparing - 1);
}

/** Opens the delta view on a snapshot, or closes it when it already shows that one. */
export function toggleCompare(index: number): void {
  const { comparing, compareWith } = useWorkshop.getState();
  compareWith(comparing === index ? null : index);
}

/** The snapshot the keyboard acts on: the one compared, else the latest. */
export function currentSnapshotIndex(): number | null {
  const { comparing } = useWorkshop.getState();
  const count = snapshots().length;
  if (comparing !== null && comparing < count) return comparing;
  return count === 0 ? null : count - 1;
}

/**
 * The name of the workload a snapshot was taken on when that is not the one being edited (a file
 * of several workloads keeps one strip); null when it is this one's. Absent, it is the first's.
 */
export function otherWorkloadName(snapshot: Snapshot): string | null {
  const { file, activeId } = useWorkspace.getState();
  const taken = snapshot.workloadId ?? file.workloads[0]?.id;
  if (taken === undefined || taken === activeId) return null;
  return file.workloads.find((w) => w.id === taken)?.name ?? taken;
}
