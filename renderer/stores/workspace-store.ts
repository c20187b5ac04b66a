import { create } from 'zustand';
import {
  editableScenario,
  workloadById,
  withWorkloadScenario,
} from '../../core/portfolio/derive.ts';
import type { Scenario, ScenarioFile } from '../../core/schema/scenario.ts';
import { keepRangesConsistent } from '../../core/uncertainty/reconcile.ts';
import { withSnapshots } from '../../core/scenario/snapshots.ts';
import { defaultScenarioFile } from '../features/scenarios/default-scenario.ts';

/** How many edits undo remembers. */
const HISTORY_LIMIT = 200;
/** Edits with the same coalesce key within this window are one undo step (a slider drag). */
const COALESCE_MS = 800;

export interface WorkspaceState {
  /**
   * The active workload's scenario, which every panel edits: always schema-valid (forms refuse
   * bad values before they land).
   */
  scenario: Scenario;
  /**
   * The whole file: every workload, pools, budgets. The active workload's entry and the shared
   * assumptions are current in `scenario`; `currentFile()` puts them together.
   */
  file: ScenarioFile;
  /** The workload the panels edit. */
  activeId: string;
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
  /** Replaces the draft (new, opened, loaded), clearing history; the first workload is active. */
  load: (file: ScenarioFile, savedId: string | null) => void;
  /** Makes another workload the one the panels edit (undo history is per workload: cleared). */
  activate: (id: string) => void;
  /** Edits the file's portfolio parts (workloads, owners, budgets, pooling): one undo-less step. */
  updateFile: (edit: (f: ScenarioFile) => ScenarioFile, activeId?: string) => void;
  markSaved: (savedId: string, name: string) => void;
  /** The saved copy was renamed: the draft follows, its unsaved edits staying unsaved. */
  markRenamed: (name: string) => void;
}

const initial = defaultScenarioFile();

/** The file, the active workload and its scenario, for a file and the workload to edit. */
function focus(file: ScenarioFile, id: string) {
  const w = workloadById(file, id) ?? file.workloads[0]!;
  return { file, activeId: w.id, scenario: editableScenario(file, w) };
}

export const useWorkspace = create<WorkspaceState>()((set, get) => ({
  ...focus(initial, initial.workloads[0]!.id),
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
  load: (file, savedId) =>
    set({
      ...focus(file, file.workloads[0]!.id),
      savedId,
      savedName: savedId === null ? null : file.name,
      dirty: false,
      past: [],
      future: [],
      lastEdit: null,
    }),
  activate: (id) => {
    const s = get();
    if (id === s.activeId) return;
    set({ ...focus(currentFile(), id), past: [], future: [], lastEdit: null });
  },
  updateFile: (edit, activeId) => {
    const next = edit(currentFile());
    set({
      ...focus(next, activeId ?? get().activeId),
      dirty: true,
      past: [],
      future: [],
      lastEdit: null,
    });
  },
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

/** The file with the active workload's edits: what is saved, exported and shown as a portfolio. */
export function currentFile(): ScenarioFile {
  const { file, activeId, scenario } = useWorkspace.getState();
  return withWorkloadScenario(file, activeId, scenario);
}
