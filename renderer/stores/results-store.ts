import { create } from 'zustand';
import type { PairPicks } from '../../core/charts/pair.ts';
import { withIdleShutdown, workloadById } from '../../core/portfolio/derive.ts';
import { evaluatePortfolio, type PortfolioEvaluation } from '../../core/portfolio/evaluate.ts';
import type { ReplicaCapacity } from '../../core/selfhost/capacity.ts';
import { unpackColumns, type PackedColumns } from '../../core/sweep/columns-transfer.ts';
import { ObjectPairCache } from '../../core/sweep/object-cache.ts';
import { sweep, sweptResult } from '../../core/sweep/sweep.ts';
import {
  evaluateScenario,
  evaluationSetup,
  prepareScenario,
  type EvaluationSetup,
  type PreparedScenario,
  type ScenarioEvaluation,
} from '../../core/scenario/evaluate.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { decide, type Decision } from '../features/why/decide.ts';
import { useCatalog } from './catalog-store.ts';
import { startResultsClient, type ResultsClient } from './results-client.ts';
import type { EvaluateReply } from './results-runner.ts';
import { currentFile, useWorkspace } from './workspace-store.ts';

export interface ResultsState {
  evaluation: ScenarioEvaluation | null;
  /** Milliseconds from the last change to its results (shown in the status bar). */
  computeMs: number;
  /** Bumped on every evaluation, so views that memoize on it refresh. */
  version: number;
}

export const useResults = create<ResultsState>()(() => ({
  evaluation: null,
  computeMs: 0,
  version: 0,
}));

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/**
 * Replica capacities survive what-if changes of volume (they do not depend on it) and are dropped
 * when the catalog changes (a GPU or model edit changes them).
 */
let capacityCache = new ObjectPairCache<ReplicaCapacity>();
let bestCapacityCache = new Map<string, ObjectPairCache<ReplicaCapacity>>();
let cacheRevision = -1;

/** An evaluation asked for: the draft as evaluated, and its context set up on this thread. */
interface Request {
  id: number;
  scenario: Scenario;
  setup: EvaluationSetup;
  staleBefore: string;
  today: string;
  started: number;
}

/** The newest request, and the id of the one whose results are shown. */
let latest: Request | undefined;
let shownId = 0;
let nextId = 1;

/**
 * The results worker, once started: it sweeps the candidates (the allocations and their
 * collection with them) while this thread sets each sweep's results up in an equal context and
 * builds the rows shown from it. Null before it starts and where it cannot.
 */
let client: ResultsClient | null = null;
/** Evaluations the worker made, by the id it keeps them under (for their explanation). */
const workerIds = new WeakMap<Ok, number>();

/**
 * Re-evaluates the draft scenario against the catalog on every change: in the results worker
 * once it holds the catalog (the results follow a frame or so later), else here, at once.
 */
export function recompute(): void {
  const snapshot = useCatalog.getState().snapshot;
  if (snapshot === null) return;
  if (snapshot.revision !== cacheRevision) {
    capacityCache = new ObjectPairCache();
    bestCapacityCache = new Map();
    cacheRevision = snapshot.revision;
  }
  const scenario = evaluatedScenario();
  const started = performance.now();
  // Prices as the catalog knows them today (an ended offering is gone, a known change applies).
  const today = isoDaysAgo(0);
  const staleBefore = isoDaysAgo(snapshot.staleAfterDays);
  const setup = evaluationSetup(preparedFor(snapshot.catalog, scenario, today), scenario, {
    capacityCache,
    bestCapacityCache,
    staleBefore,
  });
  const request: Request = { id: nextId++, scenario, setup, staleBefore, today, started };
  latest = request;
  if (!setup.ok || client === null || !client.holds(snapshot.revision)) {
    evaluateHere(request);
    return;
  }
  const { id } = request;
  client.evaluate({ id, scenario, staleBefore, today }, (reply) => onWorkerReply(request, reply));
}

function onWorkerReply(request: Request, reply: EvaluateReply): void {
  if (request.id <= shownId) return;
  if (reply.kind === 'error') {
    // Not the page's answer to give: evaluated here, as it was before the worker.
    if (request === latest) evaluateHere(request);
    return;
  }
  const evaluation = fromWorker(request.setup, reply.packed);
  if (evaluation.ok) workerIds.set(evaluation, request.id);
  show(request, evaluation);
}

/** The worker's sweep set up here: rows are built on demand in this thread's context. */
function fromWorker(setup: EvaluationSetup, packed: PackedColumns): ScenarioEvaluation {
  if (!setup.ok) return setup;
  const { index, placements, context } = setup;
  const result = sweptResult(context, unpackColumns(packed, placements));
  return { ok: true, result, index, context, placements };
}

/** Evaluates a request on this thread. */
function evaluateHere(request: Request): void {
  const { setup } = request;
  const evaluation: ScenarioEvaluation = setup.ok
    ? {
        ok: true,
        result: sweep(setup.context, setup.placements),
        index: setup.index,
        context: setup.context,
        placements: setup.placements,
      }
    : setup;
  show(request, evaluation);
}

function show(request: Request, evaluation: ScenarioEvaluation): void {
  shownId = request.id;
  useResults.setState((s) => ({
    evaluation,
    computeMs: performance.now() - request.started,
    version: s.version + 1,
  }));
}

/** Whether the results shown are those of the draft's last change (none is being worked out). */
export function resultsCurrent(): boolean {
  return latest === undefined || latest.id <= shownId;
}

/**
 * The results of the draft as it is now, for what acts on them (a snapshot, an export): those
 * shown, or, while the worker still works on the last change, worked out here at once.
 */
export function currentEvaluation(): ScenarioEvaluation | null {
  if (latest !== undefined && latest.id > shownId) evaluateHere(latest);
  return useResults.getState().evaluation;
}

/**
 * The explanation and break-even chart of an evaluation: worked out in the worker that made it
 * (a few hundred evaluations at other volumes, off this thread), else here. Null when the worker
 * has moved on to newer results (this one is no longer shown).
 */
export async function decideFor(evaluation: Ok, picks: PairPicks): Promise<Decision | null> {
  const id = workerIds.get(evaluation);
  if (id === undefined || client === null || !client.usable) return decide(evaluation, picks);
  const reply = await client.decide({ id, picks });
  if (reply.kind === 'stale') return null;
  return reply.kind === 'decided' ? reply.decision : decide(evaluation, picks);
}

/**
 * Starts the results worker once the page is idle (the first results are worked out here, so
 * the first screen does not wait for it), and hands it each catalog.
 */
function startWorker(): () => void {
  let stopped = false;
  const start = () => {
    if (stopped || client !== null) return;
    // EXPERIMENT (remove): A/B switch
    if (
      (import.meta as unknown as { env: Record<string, string> }).env.VITE_RESULTS_WORKER === 'off'
    )
      return;
    client = startResultsClient((unanswered) => {
      // The worker failed: the page works everything out from now on.
      if (unanswered !== null && latest !== undefined && latest.id > shownId) {
        evaluateHere(latest);
      }
    });
    const snapshot = useCatalog.getState().snapshot;
    if (snapshot !== null) client?.setCatalog(snapshot.catalog, snapshot.revision);
  };
  const handle =
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(start, { timeout: 2000 })
      : setTimeout(start, 0);
  const stopCatalog = useCatalog.subscribe((s, prev) => {
    if (s.snapshot !== prev.snapshot && s.snapshot !== null) {
      client?.setCatalog(s.snapshot.catalog, s.snapshot.revision);
    }
  });
  return () => {
    stopped = true;
    if (typeof requestIdleCallback === 'function') cancelIdleCallback(handle as number);
    else clearTimeout(handle);
    stopCatalog();
  };
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
function preparedFor(catalog: Catalog, scenario: Scenario, today: string): PreparedScenario {
  const w = scenario.workload;
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
  const c = startWorker();
  return () => {
    a();
    b();
    c();
  };
}
