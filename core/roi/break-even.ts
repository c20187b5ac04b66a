/** A volume at which the cheaper of two candidates changes. */
export interface Crossing {
  /** Monthly requests at the crossing (to within a millionth of it). */
  requestsPerMonth: number;
  /** Which is cheaper just above the crossing. */
  cheaperAbove: 'a' | 'b';
}

export interface BreakEven {
  /** Every crossing in the range, lowest volume first. */
  crossings: Crossing[];
  /** Which is cheaper at the low end of the range. */
  cheaperBelow: 'a' | 'b' | 'equal';
}

/** Relative width at which a crossing's bracket is narrow enough to report. */
const RELATIVE_PRECISION = 1e-7;
/** A bound on evaluations, so curves that run side by side for decades cannot stall the UI. */
const MAX_EVALUATIONS = 20_000;
const INITIAL_POINTS = 64;

/**
 * Every volume in [minVolume, maxVolume] at which the cheaper of two candidates changes. Both costs
 * must not fall as volume grows (true of any cost: more requests never cost less in total), which
 * bounds each between its values at an interval's ends. An interval whose bounds cannot overlap
 * holds no crossing; one whose ends differ in sign holds one, found by bisection; one whose bounds
 * overlap with equal signs may hide two (a self-hosted step crossing a line and back), so it is
 * split until they separate. Steps, not just smooth crossings, are found, however narrow.
 */
export function breakEvenVolumes(
  costA: (requestsPerMonth: number) => number,
  costB: (requestsPerMonth: number) => number,
  minVolume = 1_000,
  maxVolume = 1e10,
): BreakEven {
  let evaluations = 0;
  const at = (v: number) => {
    evaluations++;
    return { v, a: costA(v), b: costB(v) };
  };
  type Point = ReturnType<typeof at>;
  const tie = (p: Point) =>
    Math.abs(p.a - p.b) <= Math.max(Math.abs(p.a), Math.abs(p.b), 1e-9) * 1e-12;
  // −1 where a is cheaper, +1 where it is not (a tie counts with b): a crossing through an exact
  // tie at a sampled volume is still a change of sign.
  const sign = (p: Point) => (p.a < p.b && !tie(p) ? -1 : 1);
  const crossings: Crossing[] = [];

  /** The bracket [lo, hi] changes sign: narrow it to the crossing. */
  const bisect = (lo: Point, hi: Point) => {
    const s = sign(lo);
    while (hi.v - lo.v > hi.v * RELATIVE_PRECISION && evaluations < MAX_EVALUATIONS) {
      const mid = at(Math.sqrt(lo.v * hi.v));
      if (sign(mid) === s) lo = mid;
      else hi = mid;
    }
    crossings.push({ requestsPerMonth: hi.v, cheaperAbove: sign(hi) < 0 ? 'a' : 'b' });
  };

  const search = (lo: Point, hi: Point): void => {
    if (sign(lo) !== sign(hi)) return bisect(lo, hi);
    // Both costs are non-decreasing: within [lo, hi], a − b lies in [a(lo) − b(hi), a(hi) − b(lo)].
    const couldCross = lo.a - hi.b < 0 && hi.a - lo.b > 0;
    if (!couldCross || hi.v - lo.v <= hi.v * RELATIVE_PRECISION) return;
    if (evaluations >= MAX_EVALUATIONS) return;
    const mid = at(Math.sqrt(lo.v * hi.v));
    search(lo, mid);
    search(mid, hi);
  };

  const ratio = Math.pow(maxVolume / minVolume, 1 / INITIAL_POINTS);
  const start = at(minVolume);
  let prev = start;
  for (let k = 1; k <= INITIAL_POINTS; k++) {
    const next = at(k === INITIAL_POINTS ? maxVolume : minVolume * Math.pow(ratio, k));
    search(prev, next);
    prev = next;
  }
  return {
    crossings: withoutTouches(crossings),
    cheaperBelow: tie(start) ? 'equal' : start.a < start.b ? 'a' : 'b',
  };
}

/**
 * Drops pairs of crossings at the same volume: two curves that touch (meet and part on the same
 * side) do not change which is cheaper.
 */
function withoutTouches(crossings: readonly Crossing[]): Crossing[] {
  const out: Crossing[] = [];
  for (const c of crossings) {
    const last = out[out.length - 1];
    const same =
      last !== undefined &&
      Math.abs(c.requestsPerMonth - last.requestsPerMonth) <=
        c.requestsPerMonth * RELATIVE_PRECISION * 4;
    if (same) out.pop();
    else out.push(c);
  }
  return out;
}
