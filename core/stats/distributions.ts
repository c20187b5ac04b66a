/** One point of a discretized distribution: a value and the probability it stands for. */
export interface WeightedPoint {
  value: number;
  weight: number;
}

/** z of the 95th percentile of the standard normal. */
const Z95 = 1.6448536269514722;

// Acklam's coefficients, highest power first; denominators end in the constant 1.
const CENTRAL_NUM = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const CENTRAL_DEN = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  1,
];
const TAIL_NUM = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const TAIL_DEN = [
  0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416, 1,
];
/** Below this probability (and above 1 − it) the tail form is used. */
const TAIL_P = 0.02425;

/** Horner's rule, coefficients highest power first. */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (const c of coefficients) sum = sum * x + c;
  return sum;
}

/**
 * Inverse of the standard normal CDF, Acklam's rational approximation (relative error below
 * 1.2e-9 over (0, 1)), accurate enough for discretizing a distribution into quantile points.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  if (p > 1 - TAIL_P) return -normalQuantile(1 - p);
  if (p < TAIL_P) {
    const q = Math.sqrt(-2 * Math.log(p));
    return polynomial(TAIL_NUM, q) / polynomial(TAIL_DEN, q);
  }
  const q = p - 0.5;
  const r = q * q;
  return (polynomial(CENTRAL_NUM, r) * q) / polynomial(CENTRAL_DEN, r);
}

/**
 * A lognormal with the given mean and 95th percentile: ln q = μ + z·σ and ln m = μ + σ²/2 give
 * σ = z − √(z² − 2·ln(q/m)), the root on which the p95 grows with σ. A p95 more than e^(z²/2) ≈ 3.87×
 * the mean is beyond any lognormal with that mean; σ stops at z, whose p95 is the largest reachable.
 */
export function lognormalFromMeanP95(mean: number, p95: number): { mu: number; sigma: number } {
  const ratio = Math.max(1, p95 / mean);
  const disc = Z95 * Z95 - 2 * Math.log(ratio);
  const sigma = disc > 0 ? Z95 - Math.sqrt(disc) : Z95;
  return { mu: Math.log(mean) - (sigma * sigma) / 2, sigma };
}

/**
 * `count` equally likely points at the mid-quantiles (j + ½)/count of a lognormal with this mean
 * and p95, rescaled so their average is exactly the mean. Equal weights (rather than Gauss–Hermite
 * nodes) because the points feed step functions such as price tiers, where each point should carry
 * the same share of requests.
 */
export function lognormalPoints(mean: number, p95: number, count: number): WeightedPoint[] {
  const { mu, sigma } = lognormalFromMeanP95(mean, p95);
  const values: number[] = [];
  let sum = 0;
  for (let j = 0; j < count; j++) {
    const v = Math.exp(mu + sigma * normalQuantile((j + 0.5) / count));
    values.push(v);
    sum += v;
  }
  const scale = (mean * count) / sum;
  return values.map((v) => ({ value: v * scale, weight: 1 / count }));
}
