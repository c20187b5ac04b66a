import type { RoiMonth } from '../roi/roi.ts';
import type { CandidatePlacement } from '../schema/route.ts';
import { quantile } from '../stats/sample-quantile.ts';
import { objectiveCurve } from '../decision/at-volume.ts';
import type { EvalContext } from '../sweep/context.ts';
import type { ObjectPairCache } from '../sweep/object-cache.ts';
import { evaluateCandidate } from '../sweep/sweep.ts';
import type { ReplicaCapacity } from '../selfhost/capacity.ts';
import { drawFutures, futureAt, futureContexts } from './futures.ts';
import type { SimulationSetup } from './setup.ts';

/**
 * Futures a chart's bands are drawn from: each point of a band is a P10 or P90 over these. With 200
 * the P10 of a point is the 20th-lowest of 200 draws (its own sampling error is about ±2 percentile
 * points), enough for a band drawn behind a line; the table's figures use every future.
 */
export const BAND_FUTURES = 200;

/** The 10th–90th percentile band of a line: one value per point of the line; null where unknown. */
export interface Band {
  id: string;
  p10: (number | null)[];
  p90: (number | null)[];
}

export interface BandCandidate {
  id: string;
  placement: CandidatePlacement;
}

/** Runs `each` over the band's futures with the contexts a candidate of each kind is costed in. */
function overFutures(
  setup: SimulationSetup,
  layouts: Map<string, ObjectPairCache<ReplicaCapacity>>,
  each: (contextFor: (p: CandidatePlacement) => EvalContext) => void,
): void {
  const count = Math.min(BAND_FUTURES, setup.samples);
  const futures = drawFutures(setup.ranges, setup.distribution, count, setup.seed);
  for (let i = 0; i < count; i++) {
    const contexts = futureContexts(
      setup.evaluation.context,
      futureAt(setup.base, futures, i),
      layouts,
    );
    // A route's futures are its large arm's (the arm most of its cost sits in when it pays off).
    each((p) =>
      (p.kind === 'route' ? p.large.kind : p.kind) === 'api' ? contexts.api : contexts.selfHost,
    );
  }
}

/** P10 and P90 of each point over the futures (values[point][future]). */
function bandOf(id: string, values: number[][]): Band {
  const p10: (number | null)[] = [];
  const p90: (number | null)[] = [];
  for (const point of values) {
    const sorted = point.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
    p10.push(sorted.length === 0 ? null : quantile(sorted, 0.1));
    p90.push(sorted.length === 0 ? null : quantile(sorted, 0.9));
  }
  return { id, p10, p90 };
}

/**
 * The objective's value against monthly volume, as the cost-vs-volume chart plots it
 * (objectiveCurve: the horizon cost a month with setup spread over it, by default), with the other
 * uncertain inputs drawn: at each volume of the axis, the 10th and 90th percentile over futures.
 * Volume itself is the axis, so its own range does not enter.
 */
export function volumeBands(
  setup: SimulationSetup,
  candidates: readonly BandCandidate[],
  requestsPerMonth: readonly number[],
  layouts: Map<string, ObjectPairCache<ReplicaCapacity>> = new Map(),
): Band[] {
  const values = candidates.map(() => requestsPerMonth.map((): number[] => []));
  const curve = (ctx: EvalContext, p: CandidatePlacement) => objectiveCurve(ctx, p, ctx.objective);
  overFutures(setup, layouts, (contextFor) => {
    candidates.forEach((c, k) => {
      const ctx = contextFor(c.placement);
      requestsPerMonth.forEach((v, j) => {
        values[k]![j]!.push(curve(ctx, c.placement)(v) ?? Number.NaN);
      });
    });
  });
  return candidates.map((c, k) => bandOf(c.id, values[k]!));
}

/**
 * Cumulative value minus cost (setup included) at the end of each month 0…horizon, as the payback
 * chart plots it, over the futures. Empty when the scenario sets no value per request.
 */
export function paybackBands(
  setup: SimulationSetup,
  candidates: readonly BandCandidate[],
  layouts: Map<string, ObjectPairCache<ReplicaCapacity>> = new Map(),
): Band[] {
  const months = setup.base.value.horizonMonths;
  const values = candidates.map(() => Array.from({ length: months + 1 }, (): number[] => []));
  let valued = false;
  overFutures(setup, layouts, (contextFor) => {
    candidates.forEach((c, k) => {
      const row = evaluateCandidate(contextFor(c.placement), c.placement, { withSeries: true });
      const series = row.roi?.cumulative;
      if (!series) return;
      valued = true;
      values[k]![0]!.push(-row.setupUsd);
      for (const point of series) values[k]![point.month]!.push(point.valueUsd - point.costUsd);
    });
  });
  return valued ? candidates.map((c, k) => bandOf(c.id, values[k]!)) : [];
}

/** P10, P50 and P90 of a candidate's cash in each month 1…horizon over the simulated futures. */
export interface MonthBand {
  id: string;
  p10: (number | null)[];
  p50: (number | null)[];
  p90: (number | null)[];
}

/**
 * Each month's cash (run cost and hardware bought, as the engine's series has them) over the
 * futures: the spread of a month-by-month projection. Value per request plays no part.
 */
export function monthlyCashBands(
  setup: SimulationSetup,
  candidates: readonly BandCandidate[],
  layouts: Map<string, ObjectPairCache<ReplicaCapacity>> = new Map(),
): MonthBand[] {
  const months = setup.base.value.horizonMonths;
  const values = candidates.map(() => Array.from({ length: months }, (): number[] => []));
  overFutures(setup, layouts, (contextFor) => {
    candidates.forEach((c, k) => {
      let series: RoiMonth[] | null = null;
      evaluateCandidate(contextFor(c.placement), c.placement, {
        withSeries: true,
        roiOut: (roi) => (series = roi.cumulative),
      });
      for (const point of (series as RoiMonth[] | null) ?? []) {
        values[k]![point.month - 1]!.push(point.runUsd + point.capexUsd);
      }
    });
  });
  return candidates.map((c, k) => {
    const at = (q: number) =>
      values[k]!.map((v) => {
        const sorted = v.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
        return sorted.length === 0 ? null : quantile(sorted, q);
      });
    return { id: c.id, p10: at(0.1), p50: at(0.5), p90: at(0.9) };
  });
}
