/** Where two monthly-cost curves cross as volume changes. */
export interface BreakEven {
  /** Monthly requests at which the cheaper candidate changes, or null if it never does. */
  requestsPerMonth: number | null;
  /** Which is cheaper below the crossing (at the low end of the range). */
  cheaperBelow: 'a' | 'b' | 'equal';
}

/**
 * The smallest monthly volume in [minVolume, maxVolume] at which the cheaper of two candidates
 * changes. Self-hosting is a step function of volume (whole replicas), so the search scans a
 * log-spaced grid for the first sign change and bisects inside it.
 */
export function breakEvenVolume(
  costA: (requestsPerMonth: number) => number,
  costB: (requestsPerMonth: number) => number,
  minVolume = 1_000,
  maxVolume = 1e10,
  gridPoints = 200,
): BreakEven {
  const diff = (v: number) => costA(v) - costB(v);
  const sign = (d: number) => (Math.abs(d) < 1e-9 ? 0 : Math.sign(d));
  const ratio = Math.pow(maxVolume / minVolume, 1 / gridPoints);
  let prevV = minVolume;
  let prevS = sign(diff(prevV));
  const cheaperBelow = prevS < 0 ? 'a' : prevS > 0 ? 'b' : 'equal';
  for (let i = 1; i <= gridPoints; i++) {
    const v = minVolume * Math.pow(ratio, i);
    const s = sign(diff(v));
    if (s !== prevS && s !== 0 && prevS !== 0) {
      let lo = prevV;
      let hi = v;
      for (let k = 0; k < 60 && hi - lo > 0.5; k++) {
        const mid = (lo + hi) / 2;
        if (sign(diff(mid)) === prevS) lo = mid;
        else hi = mid;
      }
      return { requestsPerMonth: hi, cheaperBelow };
    }
    if (s !== 0) prevS = s;
    prevV = v;
  }
  return { requestsPerMonth: null, cheaperBelow };
}
