import type { Pooling } from '../schema/portfolio.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { poolSaving, type PoolMemberLoad, type PoolSizing, type PoolUnit } from './pools.ts';
import { IDLE_UNALLOCATED } from './showback.ts';

/** A member as a pool prices it: its row on the pool's candidate and the load it brings. */
export interface PoolPart {
  row: Pick<CandidateResult, 'monthlyUsd' | 'breakdown'>;
  load: PoolMemberLoad;
}

export interface PoolEconomics {
  monthlyUsd: number;
  pooled: PoolSizing;
  /** What the members' own fleets on the candidate would rent, a month. */
  separateFleetUsd: number;
  /** GPU-seconds the members use ÷ those paid (at most 1). */
  usedShare: number;
  /** Each member's use, in the order given: the pool's cost by its share of the GPU-seconds paid. */
  useUsd: number[];
  /** The rest of the pool's cost: capacity paid and not used. */
  idleUsd: number;
}

/**
 * What a pool of `parts` on one rented unit costs a month: the members' costs on the candidate
 * less what sharing the fleet saves hour by hour, never below the pooled fleet's own rent and the
 * members' running costs beyond it (where a member's own fleet follows demand more closely than
 * the hour-of-week model); each member's use by GPU-seconds, the rest idle.
 */
export function poolEconomics(parts: readonly PoolPart[], unit: PoolUnit): PoolEconomics {
  const saving = poolSaving(
    parts.map((p) => p.load),
    unit,
  );
  let atSlo = 0;
  let beyondFleet = 0;
  let used = 0;
  for (const { row, load } of parts) {
    const monthly = row.monthlyUsd ?? 0;
    atSlo += monthly;
    beyondFleet += monthly - row.breakdown.gpuUsd - row.breakdown.idleUsd;
    used += load.usedGpuSeconds;
  }
  const monthlyUsd = Math.max(atSlo - saving.savingUsd, saving.pooledFleetUsd + beyondFleet);
  const paid = saving.pooled.paidGpuSeconds;
  const usedShare = paid > 0 ? Math.min(1, used / paid) : 1;
  return {
    monthlyUsd,
    pooled: saving.pooled,
    separateFleetUsd: saving.separateFleetUsd,
    usedShare,
    useUsd: parts.map((p) => (paid > 0 ? (monthlyUsd * p.load.usedGpuSeconds) / paid : 0)),
    idleUsd: monthlyUsd * (1 - usedShare),
  };
}

/** A member as idle capacity is shared out: who it is, its team, the GPU-seconds it uses. */
export interface IdleCarrier {
  id: string;
  owner: string;
  gpuSeconds: number;
}

/**
 * A pool's idle capacity by the user's rule: to the members by the GPU-seconds they use; to one
 * team (its members in the pool by use, else a line of the team's own); or left unallocated.
 * Returns each carrier's part, in the order given, and the line no member carries.
 */
export function splitIdle(
  idleUsd: number,
  carriers: readonly IdleCarrier[],
  pooling: Pooling,
): { byCarrier: number[]; unallocated: { owner: string; usd: number } | null } {
  const rule = pooling.idleAllocation;
  const carries = (c: IdleCarrier) =>
    rule === 'proportional' || (rule === 'owner' && c.owner === pooling.idleOwner);
  const gpuSeconds = carriers.reduce((sum, c) => sum + (carries(c) ? c.gpuSeconds : 0), 0);
  if (gpuSeconds <= 0) {
    return {
      byCarrier: carriers.map(() => 0),
      unallocated: {
        owner: rule === 'owner' ? (pooling.idleOwner ?? '') : IDLE_UNALLOCATED,
        usd: idleUsd,
      },
    };
  }
  return {
    byCarrier: carriers.map((c) => (carries(c) ? (idleUsd * c.gpuSeconds) / gpuSeconds : 0)),
    unallocated: null,
  };
}
