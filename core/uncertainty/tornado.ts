import { objectiveValue } from '../decision/explain.ts';
import { higherIsBetter, type Objective } from '../decision/objective.ts';
import type { ReplicaCapacity } from '../selfhost/capacity.ts';
import type { PriceChanges } from '../sweep/context.ts';
import type { ObjectPairCache } from '../sweep/object-cache.ts';
import { evaluateCandidate } from '../sweep/sweep.ts';
import type { CandidateResult } from '../sweep/types.ts';
import type { Assumptions } from './inputs.ts';
import { applyRange, likelyPriceChanges, type RangeId } from './ranges.ts';
import type { SimulationSetup } from './setup.ts';
import { futureContexts } from './futures.ts';

/** One input swung from its low to its high value, the others held at their likely values. */
export interface TornadoBar {
  input: RangeId;
  label: string;
  /** The input's own low and high. */
  lowValue: number;
  highValue: number;
  /** The measure (USD) with the input at its low and at its high; null where it cannot be costed. */
  lowUsd: number | null;
  highUsd: number | null;
  /** |highUsd − lowUsd|; null when an end cannot be costed (ranked first: it decides more). */
  swingUsd: number | null;
}

export interface Tornado {
  /** The candidate (the recommendation); for the gap, #1 with `versusId` the #2. */
  candidateId: string;
  versusId: string | null;
  /** What is measured: the objective's value, or #1's lead over #2 under it (> 0: #1 ahead). */
  measure: 'objective' | 'lead';
  objective: Objective;
  /** The measure with every input at its likely value. */
  baseUsd: number | null;
  /** Widest swing first; inputs with no effect last, at zero. */
  bars: TornadoBar[];
}

/**
 * Tornadoes for the recommendation and for its lead over the runner-up: each uncertain input at
 * its low and at its high with every other input at its likely value, sorted by swing.
 */
export function tornadoes(
  setup: SimulationSetup,
  first: CandidateResult,
  second: CandidateResult | null,
  objective: Objective,
  layouts: Map<string, ObjectPairCache<ReplicaCapacity>>,
): { tornado: Tornado; gapTornado: Tornado | null } {
  const valueOf = (row: CandidateResult, a: Assumptions, prices: PriceChanges) => {
    const contexts = futureContexts(
      setup.evaluation.context,
      { assumptions: a, replicaAssumptions: a, prices },
      layouts,
    );
    const ctx = row.kind === 'api' ? contexts.api : contexts.selfHost;
    const v = objectiveValue(evaluateCandidate(ctx, row.placement), objective);
    return v === null || !Number.isFinite(v) ? null : v;
  };
  const lead = (a: Assumptions, prices: PriceChanges) => {
    if (second === null) return null;
    const v1 = valueOf(first, a, prices);
    const v2 = valueOf(second, a, prices);
    if (v1 === null || v2 === null) return null;
    return higherIsBetter(objective) ? v1 - v2 : v2 - v1;
  };
  const tornado = swings(setup, (a, p) => valueOf(first, a, p));
  const gap = second === null ? null : swings(setup, lead);
  return {
    tornado: { candidateId: first.id, versusId: null, measure: 'objective', objective, ...tornado },
    gapTornado:
      gap === null || second === null
        ? null
        : { candidateId: first.id, versusId: second.id, measure: 'lead', objective, ...gap },
  };
}

function swings(
  setup: SimulationSetup,
  measure: (a: Assumptions, prices: PriceChanges) => number | null,
): { baseUsd: number | null; bars: TornadoBar[] } {
  let likely = setup.base;
  const prices = likelyPriceChanges(setup.ranges);
  for (const r of setup.ranges) likely = applyRange(r, likely, prices, r.likely).assumptions;
  const bars = setup.ranges.map((r): TornadoBar => {
    const at = (x: number) => {
      const swung = applyRange(r, likely, prices, x);
      return measure(swung.assumptions, swung.prices);
    };
    const lowUsd = at(r.low);
    const highUsd = at(r.high);
    const swingUsd = lowUsd === null || highUsd === null ? null : Math.abs(highUsd - lowUsd);
    return {
      input: r.id,
      label: r.label,
      lowValue: r.low,
      highValue: r.high,
      lowUsd,
      highUsd,
      swingUsd,
    };
  });
  // A stable sort: inputs that swing alike keep the app's order.
  const width = (b: TornadoBar) => b.swingUsd ?? Number.POSITIVE_INFINITY;
  bars.sort((a, b) => (width(a) === width(b) ? 0 : width(b) - width(a)));
  return { baseUsd: measure(likely, prices), bars };
}
