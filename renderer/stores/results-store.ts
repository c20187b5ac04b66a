import { create } from 'zustand';
import type { ReplicaCapacity } from '../../core/selfhost/capacity.ts';
import type { ObjectPairCache } from '../../core/sweep/object-cache.ts';
import { evaluateScenario, type ScenarioEvaluation } from '../../core/scenario/evaluate.ts';
import { useCatalog } from './catalog-store.ts';
import { useWorkspace } from './workspace-store.ts';

export interface ResultsState {
  evaluation: ScenarioEvaluation | null;
  /** Milliseconds the last evaluation took (shown in the status bar). */
  computeMs: number;
  /** Bumped on every evaluation, so views that memoize on it refresh. */
  version: number;
}

export const useResults = create<ResultsState>()(() => ({
  evaluation: null,
  computeMs: 0,
  version: 0,
}));

/**
 * Replica capacities survive what-if changes of volume (they do not depend on it) and are dropped
 * when the catalog changes (a GPU or model edit changes them).
 */
let capacityCache = new Map<string, ReplicaCapacity>();
let bestCapacityCache = new Map<string, ObjectPairCache<ReplicaCapacity>>();
let cacheRevision = -1;

/** Re-evaluates the draft scenario against the catalog; synchronous, on every change. */
export function recompute(): void {
  const snapshot = useCatalog.getState().snapshot;
  if (snapshot === null) return;
  if (snapshot.revision !== cacheRevision) {
    capacityCache = new Map();
    bestCapacityCache = new Map();
    cacheRevision = snapshot.revision;
  }
  const scenario = useWorkspace.getState().scenario;
  const started = performance.now();
  const staleBefore = isoDaysAgo(snapshot.staleAfterDays);
  const evaluation = evaluateScenario({ ...snapshot.catalog }, scenario, {
    capacityCache,
    bestCapacityCache,
    staleBefore,
  });
  useResults.setState((s) => ({
    evaluation,
    computeMs: performance.now() - started,
    version: s.version + 1,
  }));
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Keeps the results in step with the draft and the catalog. */
export function startResultsSync(): () => void {
  const a = useWorkspace.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario) recompute();
  });
  const b = useCatalog.subscribe((s, prev) => {
    if (s.snapshot !== prev.snapshot) recompute();
  });
  recompute();
  return () => {
    a();
    b();
  };
}
