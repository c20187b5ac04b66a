import { largestRemainderCents, splitCents } from './cents.ts';

/** One amount of the plan's monthly spend and who it is shown back to. */
export interface SpendLine {
  /** The workload it is charged to; null for idle capacity no workload carries. */
  workloadId: string | null;
  owner: string;
  tags: readonly string[];
  stage: string;
  vendor: string;
  placement: string;
  /** `use`: the workload's own cost (or its GPU-seconds' share of a pool); `idle`: pool idle. */
  component: 'use' | 'idle';
  poolId: string | null;
  usd: number;
}

/** The lines in whole cents, and the totals by each dimension, every one adding up to `totalCents`. */
export interface Showback {
  totalCents: number;
  rows: (Omit<SpendLine, 'usd'> & { cents: number })[];
  byWorkload: Record<string, number>;
  byOwner: Record<string, number>;
  byTag: Record<string, number>;
  byStage: Record<string, number>;
  byVendor: Record<string, number>;
  byPlacement: Record<string, number>;
}

export const NO_OWNER = '(no owner)';
export const UNTAGGED = '(untagged)';
export const IDLE_UNALLOCATED = '(idle, unallocated)';

function add(to: Record<string, number>, key: string, cents: number): void {
  to[key] = (to[key] ?? 0) + cents;
}

/**
 * Cents per line, rounded so that the whole and each pool add up: a pool's lines (its members' use
 * and idle shares, its unallocated idle) are rounded as one amount among the others, then within
 * that pool's cents — so a pool's sharing adds up to the pool's own bill, not a cent off it.
 */
function lineCents(lines: readonly SpendLine[]): number[] {
  const groups = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const key = line.poolId === null ? `line ${i}` : `pool ${line.poolId}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [i]);
    else group.push(i);
  });
  const members = [...groups.values()];
  const groupCents = largestRemainderCents(
    members.map((idx) => idx.reduce((sum, i) => sum + (lines[i] as SpendLine).usd, 0)),
  );
  const cents = new Array<number>(lines.length).fill(0);
  members.forEach((idx, g) => {
    const inner = largestRemainderCents(
      idx.map((i) => (lines[i] as SpendLine).usd),
      groupCents[g],
    );
    idx.forEach((i, k) => (cents[i] = inner[k] as number));
  });
  return cents;
}

/**
 * Shows the spend back in whole cents: the lines are rounded together (largest remainder) so they
 * add up to the total to the cent, each pool's lines to the pool's cents, and every total by a
 * dimension is a sum of those cents. A workload with several tags has its cents split evenly over
 * them, so the tags add up too.
 */
export function showback(lines: readonly SpendLine[]): Showback {
  const cents = lineCents(lines);
  const out: Showback = {
    totalCents: cents.reduce((a, b) => a + b, 0),
    rows: [],
    byWorkload: {},
    byOwner: {},
    byTag: {},
    byStage: {},
    byVendor: {},
    byPlacement: {},
  };
  lines.forEach(({ usd: _usd, ...line }, i) => {
    const c = cents[i] ?? 0;
    out.rows.push({ ...line, cents: c });
    add(out.byWorkload, line.workloadId ?? IDLE_UNALLOCATED, c);
    add(out.byOwner, line.owner === '' ? NO_OWNER : line.owner, c);
    add(out.byStage, line.stage, c);
    add(out.byVendor, line.vendor, c);
    add(out.byPlacement, line.placement, c);
    const tags = line.tags.length === 0 ? [UNTAGGED] : line.tags;
    splitCents(c, tags.length).forEach((share, t) => add(out.byTag, tags[t] as string, share));
  });
  return out;
}
