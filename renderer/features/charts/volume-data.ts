import { breakEvenVolume } from '../../../core/roi/break-even.ts';
import type { ScenarioEvaluation } from '../../../core/scenario/evaluate.ts';
import type { Placement } from '../../../core/schema/placement.ts';
import { makeContext } from '../../../core/sweep/context.ts';
import { evaluateCandidate } from '../../../core/sweep/sweep.ts';
import { withMonthlyVolume } from '../../../core/workload/derive.ts';

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

/**
 * Monthly cost of each chosen candidate as volume changes (other inputs held), and where each pair
 * crosses: the break-even volume between, say, an API and a self-hosted fleet.
 */
export function volumeCurves(evaluation: Ok, indices: readonly number[], volumes: readonly number[]): VolumeCurves {
  const base = evaluation.context;
  const contexts = new Map<number, ReturnType<typeof makeContext>>();
  const contextAt = (volume: number) => {
    let ctx = contexts.get(volume);
    if (ctx === undefined) {
      ctx = makeContext(base.index, withMonthlyVolume(base.workload, volume), base.value, {
        maxMonthlyUsd: base.maxMonthlyUsd,
        capacityCache: base.capacityCache,
        ...(base.parameters ? { parameters: base.parameters } : {}),
      });
      contexts.set(volume, ctx);
    }
    return ctx;
  };
  const costAt = (placement: Placement) => (volume: number) => evaluateCandidate(contextAt(volume), placement).monthlyUsd;
  const chosen = indices.map((i) => ({ row: evaluation.result.row(i), placement: evaluation.result.columns.placements[i] as Placement }));
  const series = chosen.map(({ row, placement }) => ({
    id: row.id,
    label: row.label,
    kind: row.kind,
    cost: volumes.map((v) => costAt(placement)(v)),
  }));
  const breakEvens: VolumeCurves['breakEvens'] = [];
  // Each other candidate against the first (the recommendation or the first one picked).
  for (let a = 0; a < Math.min(1, chosen.length); a++) {
    for (let b = a + 1; b < chosen.length; b++) {
      const ca = costAt((chosen[a] as (typeof chosen)[0]).placement);
      const cb = costAt((chosen[b] as (typeof chosen)[0]).placement);
      const num = (f: (v: number) => number | null) => (v: number) => f(v) ?? Number.POSITIVE_INFINITY;
      const r = breakEvenVolume(num(ca), num(cb), volumes[0], volumes[volumes.length - 1], 40);
      if (r.requestsPerMonth !== null) {
        breakEvens.push({
          a: (chosen[a] as (typeof chosen)[0]).row.id,
          b: (chosen[b] as (typeof chosen)[0]).row.id,
          requestsPerMonth: r.requestsPerMonth,
          costUsd: ca(r.requestsPerMonth) ?? 0,
        });
      }
    }
  }
  return { volumes: [...volumes], series, breakEvens };
}
