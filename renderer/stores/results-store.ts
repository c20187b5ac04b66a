import { create } from 'zustand';
import { withIdleShutdown, workloadById } from '../../core/portfolio/derive.ts';
import { evaluatePortfolio, type PortfolioEvaluation } from '../../core/portfolio/evaluate.ts';
import type { ReplicaCapacity } from '../../core/selfhost/capacity.ts';
import { keepNewest, ObjectPairCache } from '../../core/sweep/object-cache.ts';
import {
  evaluatePrepared,
  evaluateScenario,
  prepareScenario,
  type PreparedScenario,
  type ScenarioEvaluation,
} from '../../core/scenario/evaluate.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { useCatalog } from './catalog-store.ts';
import { currentFile, useWorkspace } from './workspace-store.ts';

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
 * when the catalog changes (a GPU or model edit changes them). The default scenario holds about
 * 1,700 a request shape; the cache keeps twenty to forty shapes' worth (see ObjectPairCache).
 */
const CAPACITY_CACHE_ENTRIES = 32_768;
let capacityCache = new ObjectPairCache<ReplicaCapacity>(CAPACITY_CACHE_ENTRIES);
/** Request shapes whose best layouts are kept (the newest). */
const BEST_LAYOUT_SHAPES = 16;
let bestCapacityCache = new Map<string, ObjectPairCache<ReplicaCapacity>>();
let cacheRevision = -1;

/** Re-evaluates the draft scenario against the catalog; synchronous, on every change. */
export function recompute(): void {
  const snapshot = useCatalog.getState().snapshot;
  if (snapshot === null) return;
  if (snapshot.revision !== cacheRevision) {
    capacityCache = new ObjectPairCache(CAPACITY_CACHE_ENTRIES);
    bestCapacityCache = new Map();
    cacheRevision = snapshot.revision;
  }
  const scenario = evaluatedScenario();
  const started = performance.now();
  const staleBefore = isoDaysAgo(snapshot.staleAfterDays);
  const evaluation = evaluatePrepared(preparedFor(snapshot.catalog, scenario), scenario, {
    capacityCache,
    bestCapacityCache,
    staleBefore,
  });
  keepNewest(bestCapacityCache, BEST_LAYOUT_SHAPES);
  useResults.setState((s) => ({
    evaluation,
    computeMs: performance.now() - started,
    version: s.version + 1,
  }));
}

/** The last idle-shutdown candidates, kept while the shared ones stay the same objects. */
let shutdown: { from: Scenario; to: Pick<Scenario, 'candidates' | 'sweep'> } | undefined;

/**
 * The active workload's scenario as it is evaluated: with idle shutdown, its rented candidates
 * keep no replica warm outside the active hours (the portfolio prices it so too).
 */
function evaluatedScenario(): Scenario {
  const { scenario, file, activeId } = useWorkspace.getState();
  if (workloadById(file, activeId)?.idleShutdown !== true) return scenario;
  if (
    shutdown === undefined ||
    shutdown.from.candidates !== scenario.candidates ||
    shutdown.from.sweep !== scenario.sweep
  ) {
    const { candidates, sweep } = withIdleShutdown(scenario);
    shutdown = { from: scenario, to: { candidates, sweep } };
  }
  return { ...scenario, ...shutdown.to };
}

/** The last prepared scenario and what it was prepared from (compared by identity). */
let prepared: { inputs: readonly unknown[]; value: PreparedScenario } | undefined;

/**
 * The catalog index and placements, kept while the catalog and the scenario's catalog, discounts,
 * candidates, sweep and allowed places stay the same objects: a what-if on volume, sizes or SLOs
 * re-evaluates without re-indexing.
 */
function preparedFor(catalog: Catalog, scenario: Scenario): PreparedScenario {
  const w = scenario.workload;
  // Prices as the catalog knows them today (an ended offering is gone, a known change applies).
  const today = new Date().toISOString().slice(0, 10);
  const inputs = [
    catalog,
    scenario.catalog,
    scenario.discounts,
    scenario.candidates,
    scenario.sweep,
    w.residency,
    w.regions,
    scenario.asOf,
    today,
  ];
  if (prepared === undefined || prepared.inputs.some((x, i) => x !== inputs[i])) {
    prepared = { inputs, value: prepareScenario(catalog, scenario, { asOf: today }) };
  }
  return prepared.value;
}

/**
 * The whole open file as a portfolio, priced as the comparison is (the catalog as it knows today,
 * its stale rows flagged): what the Portfolio view shows.
 */
export function evaluateOpenPortfolio(): PortfolioEvaluation | null {
  const snapshot = useCatalog.getState().snapshot;
  if (snapshot === null) return null;
  return evaluatePortfolio(snapshot.catalog, currentFile(), {
    asOf: new Date().toISOString().slice(0, 10),
    staleBefore: isoDaysAgo(snapshot.staleAfterDays),
  });
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The scenario evaluated as the app evaluates its draft (today's prices, the catalog's staleness),
 * without the draft's caches: for snapshots and scenarios compared side by side. Null before the
 * catalog has loaded.
 */
export function evaluateOnCatalog(scenario: Scenario): ScenarioEvaluation | null {
  const snapshot = useCatalog.getState().snapshot;
  if (snapshot === null) return null;
  return evaluateScenario(snapshot.catalog, scenario, appEvaluationOptions(snapshot));
}

/** How the app evaluates: at today's prices, rows older than the catalog's limit flagged stale. */
export function appEvaluationOptions(snapshot: { staleAfterDays: number }): {
  asOf: string;
  staleBefore: string;
} {
  return { asOf: isoDaysAgo(0), staleBefore: isoDaysAgo(snapshot.staleAfterDays) };
}

/** Whether two states of the draft differ only in their snapshots (nothing to re-evaluate). */
function onlySnapshotsDiffer(a: Scenario, b: Scenario): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('snapshots');
  for (const k of keys) if (a[k as keyof Scenario] !== b[k as keyof Scenario]) return false;
  return true;
}

/** Keeps the results in step with the draft and the catalog. */
export function startResultsSync(): () => void {
  const a = useWorkspace.subscribe((s, prev) => {
    if (s.scenario !== prev.scenario && !onlySnapshotsDiffer(s.scenario, prev.scenario)) {
      recompute();
    }
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
