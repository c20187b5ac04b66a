import type { Pooling } from '../schema/portfolio.ts';
import type { CloudPlacement, Placement } from '../schema/placement.ts';
import { contextAtVolume, type EvalContext } from '../sweep/context.ts';
import { growthMonths, scheduleFor } from '../sweep/result.ts';
import { evaluateCandidate } from '../sweep/sweep.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { memberAssessment } from './members.ts';
import { poolEconomics, splitIdle, type PoolPart } from './pool-economics.ts';
import type { PoolMemberLoad, PoolUnit } from './pools.ts';

/**
 * Month m (1-based) of a workload's service, as the engine's own schedules have it: the share of it
 * served (0 before launch, a part in the launch month, 0 after an experiment's time box) and the
 * monthly volume then (its growth compounding from the first month served).
 */
export function serviceMonth(
  ctx: EvalContext,
  kind: Placement['kind'],
  m: number,
): { served: number; requestsPerMonth: number } {
  const schedule = scheduleFor(ctx, kind);
  if (m > schedule.horizonMonths) return { served: 0, requestsPerMonth: 0 };
  const served = (schedule.cumulativeServed[m] ?? 0) - (schedule.cumulativeServed[m - 1] ?? 0);
  return { served, requestsPerMonth: growthMonths(ctx, kind)[m]!.rates.requestsPerMonth };
}

/** A pool member as its months are priced: its context at the pool's SLO and its month-1 terms. */
export interface PoolMonthMember {
  id: string;
  owner: string;
  ctx: EvalContext;
  placement: CloudPlacement;
  row: CandidateResult;
  load: PoolMemberLoad;
}

export interface PoolMonths {
  /** Each member's spend by month 1…horizon (its use and its idle part), in the order given. */
  byMember: number[][];
  /** Of byMember, the pool's idle capacity the member carries, by month. */
  idleByMember: number[][];
  /** Idle capacity no member carries, by month, and whose it is; null when members carry it all. */
  unallocated: { owner: string; usdByMonth: number[] } | null;
}

/**
 * A pool's spend month by month: re-sized every month for the members served then, each at that
 * month's volume (a growing member needs more of the shared fleet, an experiment past its time
 * box leaves it), and shared as month 1 is: use by GPU-seconds, idle by the portfolio's rule.
 * Months with the same members at the same volumes are priced once.
 */
export function poolMonths(
  members: readonly PoolMonthMember[],
  unit: PoolUnit,
  pooling: Pooling,
  horizonMonths: number,
): PoolMonths {
  const byMember = members.map(() => new Array<number>(horizonMonths).fill(0));
  const idleByMember = members.map(() => new Array<number>(horizonMonths).fill(0));
  const unallocatedByMonth = new Array<number>(horizonMonths).fill(0);
  let unallocatedOwner: string | null = null;
  const priced = new Map<
    string,
    { parts: number[]; idle: number[]; unallocated: { owner: string; usd: number } | null }
  >();
  for (let m = 1; m <= horizonMonths; m++) {
    const months = members.map((x) => serviceMonth(x.ctx, 'cloud', m));
    const present = members.flatMap((x, i) => (months[i]!.served > 0 ? [i] : []));
    if (present.length === 0) continue;
    const key = present.map((i) => `${i}:${months[i]!.requestsPerMonth}`).join('|');
    let month = priced.get(key);
    if (month === undefined) {
      const parts = present.map((i) => partAt(members[i]!, months[i]!.requestsPerMonth));
      const economics = poolEconomics(parts, unit);
      const idle = splitIdle(
        economics.idleUsd,
        present.map((i, k) => ({
          id: members[i]!.id,
          owner: members[i]!.owner,
          gpuSeconds: parts[k]!.load.usedGpuSeconds,
        })),
        pooling,
      );
      const spend = new Array<number>(members.length).fill(0);
      const carried = new Array<number>(members.length).fill(0);
      present.forEach((i, k) => {
        spend[i] = economics.useUsd[k]! + idle.byCarrier[k]!;
        carried[i] = idle.byCarrier[k]!;
      });
      month = { parts: spend, idle: carried, unallocated: idle.unallocated };
      priced.set(key, month);
    }
    for (const i of present) {
      byMember[i]![m - 1] = months[i]!.served * month.parts[i]!;
      idleByMember[i]![m - 1] = months[i]!.served * month.idle[i]!;
    }
    if (month.unallocated !== null) {
      // The pool runs while any member is served: its idle runs with it, a part in a launch month.
      const served = Math.max(...present.map((i) => months[i]!.served));
      unallocatedByMonth[m - 1] = served * month.unallocated.usd;
      unallocatedOwner = month.unallocated.owner;
    }
  }
  return {
    byMember,
    idleByMember,
    unallocated:
      unallocatedOwner === null
        ? null
        : { owner: unallocatedOwner, usdByMonth: unallocatedByMonth },
  };
}

/**
 * A member's row and load at a monthly volume: month 1's at its own volume; else the candidate
 * re-costed and re-assessed there (its load scaled with the volume if it cannot be assessed).
 */
function partAt(x: PoolMonthMember, requestsPerMonth: number): PoolPart {
  const base = x.ctx.rates.requestsPerMonth;
  if (requestsPerMonth === base) return { row: x.row, load: x.load };
  const ctx = contextAtVolume(x.ctx, requestsPerMonth);
  const row = evaluateCandidate(ctx, x.placement, { brief: true });
  const assessed = memberAssessment(x.id, ctx, x.placement);
  const scale = requestsPerMonth / base;
  const load = assessed.ok
    ? assessed.load
    : {
        ...x.load,
        replicasActive: x.load.replicasActive * scale,
        usedGpuSeconds: x.load.usedGpuSeconds * scale,
      };
  return { row: row.monthlyUsd === null ? x.row : row, load };
}
