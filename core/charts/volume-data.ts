import { breakEvenVolumes } from '../roi/break-even.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { Placement } from '../schema/placement.ts';
import { monthlyCostAtVolume } from '../sweep/cost-at-volume.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

export interface VolumeCurves {
  volumes: number[];
  series: { id: string; label: string; kind: Placement['kind']; cost: (number | null)[] }[];
  breakEvens: { a: string; b: string; requestsPerMonth: number; costUsd: number }[];
}

/** Log-spaced monthly volumes from `min` to `max`, `points` of them. */
export function volumeGrid(min: number, max: number, points: number): number[] {
  const ratio = Math.pow(max / min, 1 / (points - 1));
  return Array.from({ length: points }, (_, k) => min * Math.pow(ratio, k));
}

/** The cost-vs-volume chart's axis: from a hundredth to a hundred times today's monthly volume. */
export function chartVolumeGrid(requestsPerMonth: number): number[] {
  return volumeGrid(
    Math.max(1_000, requestsPerMonth / 100),
    Math.max(requestsPerMonth * 100, 1e5),
    28,
  );
}

/**
 * Monthly cost of each chosen candidate as volume changes (other inputs held), and where each pair
 * crosses: the break-even volume between, say, an API and a self-hosted fleet.
 */
export function volumeCurves(
  evaluation: Ok,
  indices: readonly number[],
  volumes: readonly number[],
): VolumeCurves {
  const ctx = evaluation.context;
  const chosen = indices.map((i) => ({
    row: evaluation.result.row(i),
    placement: evaluation.result.columns.placements[i] as Placement,
  }));
  const costAt = (placement: Placement) => (volume: number) =>
    monthlyCostAtVolume(ctx, placement, volume);
  const series = chosen.map(({ row, placement }) => ({
    id: row.id,
    label: row.label,
    kind: row.kind,
    cost: volumes.map(costAt(placement)),
  }));
  const breakEvens: VolumeCurves['breakEvens'] = [];
  const [first, ...others] = chosen;
  // Each other candidate against the first (the recommendation, or the first one picked).
  for (const other of first === undefined ? [] : others) {
    if (first === undefined) break;
    const ca = costAt(first.placement);
    const cb = costAt(other.placement);
    const num = (f: (v: number) => number | null) => (v: number) =>
      f(v) ?? Number.POSITIVE_INFINITY;
    const r = breakEvenVolumes(num(ca), num(cb), volumes[0], volumes[volumes.length - 1]);
    for (const c of r.crossings) {
      breakEvens.push({
        a: first.row.id,
        b: other.row.id,
        requestsPerMonth: c.requestsPerMonth,
        costUsd: ca(c.requestsPerMonth) ?? 0,
      });
    }
  }
  return { volumes: [...volumes], series, breakEvens };
}
