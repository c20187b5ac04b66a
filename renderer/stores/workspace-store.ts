import { create } from 'zustand';
import type { Scenario } from '../../core/schema/scenario.ts';
import { keepRangesConsistent } from '../../core/uncertainty/reconcile.ts';
import { withSnapshots } from '../../core/scenario/snapshots.ts';
import { defaultScenario } from '../features/scenarios/default-scenario.ts';

/** How many edits undo remembers. */
const HISTORY_LIMIT = 200;
/** Edits with the same coalesce key within this window are one undo step (a slider drag). */
const COALESCE_MS = 800;

export interface WorkspaceState {
  /** The scenario being edited: always schema-valid (forms refuse bad values before they land). */
  scenario: Scenario;
  /** The saved scenario this draft belongs to, if any. */
  savedId: string | null;
  /** The name it is saved under (the draft's name may have been edited since). */
  savedName: string | null;
  dirty: boolean;
  past: Scenario[];
  future: Scenario[];
  lastEdit: { key: string; at: number } | null;
  /** Applies an edit; `coalesce` merges rapid edits of one control into one undo step. */
  update: (edit: (s: Scenario) => Scenario, coalesce?: string) => void;
  /**
   * Undo and redo step through the assumptions; the snapshots stay as they are, so undo reaches
   * back across a snapshot or a restore without losing one.
   */
  undo: () => void;
  redo: () => void;
  /** Replaces the snapshots (taken, renamed, removed): not an undo step, but an unsaved change. */
  setSnapshots: (snapshots: NonNullable<Scenario['snapshots']>) => void;
  /** Replaces the draft (new, opened, loaded), clearing history. */
  load: (scenario: Scenario, savedId: string | null) => void;
  markSaved: (savedId: string, name: string) => void;
  /** The saved copy was renamed: the draft follows, its unsaved edits staying unsaved. */
  markRenamed: (name: string) => void;
}

export const useWorkspace = create<WorkspaceState>()((set, get) => ({
  scenario: defaultScenario(),
  savedId: null,
  savedName: null,
  dirty: false,
  past: [],
  future: [],
  lastEdit: null,
  update: (edit, coalesce) => {
    const { scenario, past, lastEdit } = get();
    // Ranges follow their point values (a slider past an end, a unit change): never invalid.
    const next = keepRangesConsistent(scenario, edit(scenario));
    if (next === scenario) return;
    const now = Date.now();
    const merge =
      coalesce !== undefined && lastEdit?.key === coalesce && now - lastEdit.at < COALESCE_MS;
    set({
      scenario: next,
      dirty: true,
      past: merge ? past : [...past, scenario].slice(-HISTORY_LIMIT),
      future: [],
      lastEdit: coalesce === undefined ? null : { key: coalesce, at: now },
    });
  },
  undo: () => {
    const { past, scenario, future } = get();
    const previous = past[past.length - 1];
    if (previous === undefined) return;
    set({
      scenario: withSnapshots(previous, scenario.snapshots ?? []),
      past: past.slice(0, -1),
      future: [scenario, ...future],
      dirty: true,
      lastEdit: null,
    });
  },
  redo: () => {
    const { past, scenario, future } = get();
    const next = future[0];
    if (next === undefined) return;
    set({
      scenario: withSnapshots(next, scenario.snapshots ?? []),
      past: [...past, scenario],
      future: future.slice(1),
      dirty: true,
      lastEdit: null,
    });
  },
  setSnapshots: (snapshots) =>
    set((s) => ({ scenario: withSnapshots(s.scenario, snapshots), dirty: true, lastEdit: null })),
  load: (scenario, savedId) =>
    set({
      scenario,
      savedId,
      savedName: savedId === null ? null : scenario.name,
      dirty: false,
      past: [],
      future: [],
      lastEdit: null,
    }),
  markSaved: (savedId, name) =>
    set((s) => ({ savedId, savedName: name, dirty: false, scenario: { ...s.scenario, name } })),
  markRenamed: (name) => set((s) => ({ savedName: name, scenario: { ...s.scenario, name } })),
}));

/** Edits one part of the workload. */
export function updateWorkload(patch: Partial<Scenario['workload']>, coalesce?: string): void {
  useWorkspace
    .getState()
    .update((s) => ({ ...s, workload: { ...s.workload, ...patch } }), coalesce);
}

export function updateValue(patch: Partial<Scenario['value']>, coalesce?: string): void {
  useWorkspace.getState().update((s) => ({ ...s, value: { ...s.value, ...patch } }), coalesce);
}

/** Edits the running-cost and availability assumptions of self-hosted placements. */
export function updateOperations(patch: Partial<Scenario['operations']>, coalesce?: string): void {
  useWorkspace
    .getState()
    .update((s) => ({ ...s, operations: { ...s.operations, ...patch } }), coalesce);
}
