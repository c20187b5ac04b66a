import {
  evaluatePrepared,
  prepareScenario,
  type PreparedScenario,
} from '../../../core/scenario/evaluate.ts';
import type { Catalog } from '../../../core/schema/catalog.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import type { ReplicaCapacity } from '../../../core/selfhost/capacity.ts';
import { keepNewest, ObjectPairCache } from '../../../core/sweep/object-cache.ts';
import { paybackBands, volumeBands, type Band } from '../../../core/uncertainty/bands.ts';
import { simulationSetup } from '../../../core/uncertainty/setup.ts';
import { startSimulation, type UncertaintyResult } from '../../../core/uncertainty/simulate.ts';

/** What the app asks the simulation for: the scenario, and the candidates its charts show. */
export interface RunRequest {
  scenario: Scenario;
  staleBefore: string;
  /** The day prices are read as of when the scenario names none (the page's today). */
  today: string;
  /** Candidates the cost-vs-volume and payback charts draw (their bands are computed). */
  chartIds: string[];
  /** The cost-vs-volume chart's volume axis, requests a month. */
  volumes: number[];
}

export interface RunOutput {
  result: UncertaintyResult;
  volumes: number[];
  volumeBands: Band[];
  paybackBands: Band[];
}

export type RunReply =
  { kind: 'done'; output: RunOutput } | { kind: 'error'; error: string } | { kind: 'cancelled' };

/** Futures run between progress reports (and between checks for a newer request). */
const SLICE = 50;

/**
 * Runs simulations for the app, off the UI thread in a Web Worker (or on it, in slices, where no
 * worker can start). It keeps the catalog and the replica capacities between runs: a slider move
 * re-runs with the capacities it already has.
 */
/**
 * What the runner keeps between runs, bounded: every future of a run is a request shape of its
 * own (about 1,000 best-layout shapes a run), and each re-run after a what-if step draws new ones.
 * Trimmed between runs, never during one.
 */
const CAPACITY_CACHE_ENTRIES = 32_768;
const LAYOUT_SHAPES_KEPT = 4_096;

export class SimulationRunner {
  private catalog: Catalog | null = null;
  private capacityCache = new ObjectPairCache<ReplicaCapacity>(CAPACITY_CACHE_ENTRIES);
  private layouts = new Map<string, ObjectPairCache<ReplicaCapacity>>();
  private prepared: { key: string; value: PreparedScenario } | undefined;

  setCatalog(catalog: Catalog): void {
    this.catalog = catalog;
    // Capacities and the index were computed from the old rows: start afresh.
    this.capacityCache = new ObjectPairCache(CAPACITY_CACHE_ENTRIES);
    this.layouts = new Map();
    this.prepared = undefined;
  }

  /**
   * Evaluates the scenario, simulates its futures and the charts' bands. Between slices it reports
   * progress and yields; when `cancelled` turns true it stops and says so.
   */
  async run(
    request: RunRequest,
    progress: (done: number, total: number) => void,
    cancelled: () => boolean,
    pause: () => Promise<void>,
  ): Promise<RunReply> {
    if (this.catalog === null) return { kind: 'error', error: 'the catalog is not loaded yet' };
    const { scenario } = request;
    keepNewest(this.layouts, LAYOUT_SHAPES_KEPT);
    const prepared = this.preparedFor(this.catalog, scenario, request.today);
    const evaluation = evaluatePrepared(prepared, scenario, {
      capacityCache: this.capacityCache,
      bestCapacityCache: this.layouts,
      staleBefore: request.staleBefore,
    });
    if (!evaluation.ok) return { kind: 'error', error: evaluation.error };
    const setup = simulationSetup(evaluation, scenario);
    if (!setup.ok) return { kind: 'error', error: setup.error };
    const simulation = startSimulation(setup.setup, { bestCapacityCache: this.layouts });
    // The bands count as one more slice of work.
    const total = simulation.total + SLICE;
    progress(0, total);
    while (!simulation.run(SLICE)) {
      progress(simulation.done, total);
      await pause();
      if (cancelled()) return { kind: 'cancelled' };
    }
    progress(simulation.total, total);
    await pause();
    if (cancelled()) return { kind: 'cancelled' };
    const result = simulation.result();
    const charted = request.chartIds.flatMap((id) => {
      const i = evaluation.result.indexOf(id);
      return i < 0 ? [] : [{ id, placement: evaluation.placements[i]! }];
    });
    const output: RunOutput = {
      result,
      volumes: request.volumes,
      volumeBands: volumeBands(setup.setup, charted, request.volumes, this.layouts),
      paybackBands: paybackBands(setup.setup, charted, this.layouts),
    };
    progress(total, total);
    return { kind: 'done', output };
  }

  /** The prepared scenario, kept while what it depends on is unchanged (compared as JSON). */
  private preparedFor(catalog: Catalog, scenario: Scenario, today: string): PreparedScenario {
    const w = scenario.workload;
    const key = JSON.stringify([
      scenario.asOf,
      today,
      scenario.catalog,
      scenario.discounts,
      scenario.candidates,
      scenario.sweep,
      w.residency,
      w.regions,
    ]);
    if (this.prepared?.key !== key) {
      this.prepared = { key, value: prepareScenario(catalog, scenario, { asOf: today }) };
    }
    return this.prepared.value;
  }
}
