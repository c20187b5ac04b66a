import type { PairPicks } from '../../core/charts/pair.ts';
import { evaluatePrepared, type ScenarioEvaluation } from '../../core/scenario/evaluate.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import type { ReplicaCapacity } from '../../core/selfhost/capacity.ts';
import { packColumns, type PackedColumns } from '../../core/sweep/columns-transfer.ts';
import { ObjectPairCache } from '../../core/sweep/object-cache.ts';
import { decide, type Decision } from '../features/why/decide.ts';
import { PreparedByContent } from './prepared-by-content.ts';

/** An evaluation the page asks for: the draft as evaluated, and the page's dates. */
export interface EvaluateRequest {
  id: number;
  scenario: Scenario;
  staleBefore: string;
  /** The day prices are read as of when the scenario names none (the page's today). */
  today: string;
}

export type EvaluateReply =
  | { kind: 'evaluated'; id: number; packed: PackedColumns }
  | { kind: 'error'; id: number; error: string };

/** The explanation and break-even chart of an evaluation already made here (by its id). */
export interface DecideRequest {
  id: number;
  picks: PairPicks;
}

export type DecideReply =
  | { kind: 'decided'; id: number; decision: Decision }
  | { kind: 'stale'; id: number }
  | { kind: 'error'; id: number; error: string };

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/**
 * Evaluates the page's draft away from the page (in the results worker): the sweep's ranked
 * columns go back, and the evaluation is kept for its explanation, asked for once the results
 * settle. Replica capacities and the prepared scenario are kept between requests, as the page
 * keeps its own.
 */
export class ResultsRunner {
  private catalog: Catalog | null = null;
  private capacityCache = new ObjectPairCache<ReplicaCapacity>();
  private layouts = new Map<string, ObjectPairCache<ReplicaCapacity>>();
  private prepared = new PreparedByContent();
  private last: { id: number; evaluation: Ok } | undefined;

  setCatalog(catalog: Catalog): void {
    this.catalog = catalog;
    // Capacities and the index were computed from the old rows: start afresh.
    this.capacityCache = new ObjectPairCache();
    this.layouts = new Map();
    this.prepared.clear();
    this.last = undefined;
  }

  evaluate(request: EvaluateRequest): EvaluateReply {
    const { id, scenario } = request;
    if (this.catalog === null) return { kind: 'error', id, error: 'the catalog is not loaded yet' };
    // The last evaluation is let go first: a collection during this one then has only this one
    // to copy (what the collector copies is most of its pause).
    this.last = undefined;
    const evaluation = evaluatePrepared(
      this.prepared.get(this.catalog, scenario, request.today),
      scenario,
      {
        capacityCache: this.capacityCache,
        bestCapacityCache: this.layouts,
        staleBefore: request.staleBefore,
      },
    );
    if (!evaluation.ok) return { kind: 'error', id, error: evaluation.error };
    this.last = { id, evaluation };
    return { kind: 'evaluated', id, packed: packColumns(evaluation.result) };
  }

  decide(request: DecideRequest): DecideReply {
    const last = this.last;
    if (last?.id !== request.id) return { kind: 'stale', id: request.id };
    return { kind: 'decided', id: request.id, decision: decide(last.evaluation, request.picks) };
  }
}
