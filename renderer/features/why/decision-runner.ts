import type { PairPicks } from '../../../core/charts/pair.ts';
import { evaluatePrepared } from '../../../core/scenario/evaluate.ts';
import type { Catalog } from '../../../core/schema/catalog.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import type { ReplicaCapacity } from '../../../core/selfhost/capacity.ts';
import { ObjectPairCache } from '../../../core/sweep/object-cache.ts';
import { PreparedByContent } from '../../stores/prepared-by-content.ts';
import { decide, type Decision } from './decide.ts';

/** The explanation the page asks for: the draft as it evaluated it, its dates, the chart's pair. */
export interface DecideRequest {
  scenario: Scenario;
  staleBefore: string;
  /** The day prices are read as of when the scenario names none (the page's today). */
  today: string;
  picks: PairPicks;
}

export type DecideReply =
  { kind: 'decided'; decision: Decision } | { kind: 'error'; error: string };

/**
 * Works out the explanation and the break-even chart away from the page (in the decision
 * worker): the draft is evaluated again here, as the page evaluated it, then a few hundred
 * evaluations at other volumes find the break-even points. Replica capacities and the prepared
 * scenario are kept between requests, as the page keeps its own.
 */
export class DecisionRunner {
  private catalog: Catalog | null = null;
  private capacityCache = new ObjectPairCache<ReplicaCapacity>();
  private layouts = new Map<string, ObjectPairCache<ReplicaCapacity>>();
  private prepared = new PreparedByContent();

  setCatalog(catalog: Catalog): void {
    this.catalog = catalog;
    // Capacities and the index were computed from the old rows: start afresh.
    this.capacityCache = new ObjectPairCache();
    this.layouts = new Map();
    this.prepared.clear();
  }

  decide(request: DecideRequest): DecideReply {
    if (this.catalog === null) return { kind: 'error', error: 'the catalog is not loaded yet' };
    const { scenario } = request;
    const evaluation = evaluatePrepared(
      this.prepared.get(this.catalog, scenario, request.today),
      scenario,
      {
        capacityCache: this.capacityCache,
        bestCapacityCache: this.layouts,
        staleBefore: request.staleBefore,
      },
    );
    if (!evaluation.ok) return { kind: 'error', error: evaluation.error };
    return { kind: 'decided', decision: decide(evaluation, request.picks) };
  }
}
