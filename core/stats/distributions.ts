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

/** ln Γ(x) for x > 0: Lanczos' approximation (g = 7, 9 terms), relative error below 1e-13. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = LANCZOS;
  let sum = c[0] as number;
  const z = x - 1;
  for (let i = 1; i < c.length; i++) sum += (c[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * The regularized incomplete beta function I_x(a, b): the CDF of Beta(a, b) at x. Lentz's
 * continued fraction, on the side of the symmetry I_x(a, b) = 1 − I_(1−x)(b, a) where it converges
 * fast (Numerical Recipes §6.4).
 */
export function regularizedBeta(x: number, a: number, b: number, lnB = logBeta(a, b)): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const guard = (v: number) => (Math.abs(v) < tiny ? tiny : v);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

/** Cells of the CDF table a batch of Beta quantiles is looked up in. */
const BETA_TABLE_CELLS = 512;

/**
 * Quantiles of Beta(a, b) (a, b ≥ 1, as PERT's are) for many probabilities at once: the CDF is
 * tabulated on 513 points, each p is located in its cell by bisection and interpolated linearly,
 * then one Newton step (kept inside the cell) brings it to about 1e-9 in x. One table serves a
 * whole batch, so a thousand samples cost a few hundred CDF evaluations, not tens of thousands.
 */
export function betaQuantiles(ps: ArrayLike<number>, a: number, b: number): Float64Array {
  const lnB = logBeta(a, b);
  const cells = BETA_TABLE_CELLS;
  const cdf = new Float64Array(cells + 1);
  for (let k = 0; k <= cells; k++) cdf[k] = regularizedBeta(k / cells, a, b, lnB);
  const out = new Float64Array(ps.length);
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] as number;
    if (p <= 0 || p >= 1) {
      out[i] = p <= 0 ? 0 : 1;
      continue;
    }
    let lo = 0;
    let hi = cells;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) <= p) lo = mid;
      else hi = mid;
    }
    const c0 = cdf[lo] as number;
    const c1 = cdf[hi] as number;
    const x0 = lo / cells;
    const x1 = hi / cells;
    let x = c1 > c0 ? x0 + ((p - c0) / (c1 - c0)) * (x1 - x0) : x0;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - lnB);
    if (density > 0 && x > 0 && x < 1) {
      x -= (regularizedBeta(x, a, b, lnB) - p) / density;
      x = Math.min(x1, Math.max(x0, x));
    }
    out[i] = x;
  }
  return out;
}

/** A three-point estimate: the lowest, the most likely and the highest value (low ≤ likely ≤ high). */
export interface ThreePoint {
  low: number;
  likely: number;
  high: number;
}

/**
 * The p-quantile of the triangular distribution on [low, high] with its mode at `likely`:
 * F(x) = (x − low)² / ((high − low)(likely − low)) up to the mode, so x = low + √(p (high − low)
 * (likely − low)) for p ≤ (likely − low)/(high − low), and the mirror image above it.
 */
export function triangularQuantile(p: number, t: ThreePoint): number {
  const width = t.high - t.low;
  if (width <= 0) return t.low;
  const split = (t.likely - t.low) / width;
  return p <= split
    ? t.low + Math.sqrt(p * width * (t.likely - t.low))
    : t.high - Math.sqrt((1 - p) * width * (t.high - t.likely));
}

/** PERT's weight on the most likely value (the classic 4: mean = (low + 4 likely + high) / 6). */
const PERT_LAMBDA = 4;

/**
 * Quantiles of the (Beta-)PERT distribution: a Beta(α, β) stretched over [low, high] with
 * α = 1 + 4 (likely − low)/(high − low) and β = 1 + 4 (high − likely)/(high − low), so its mode is
 * `likely` and its mean (low + 4 likely + high)/6.
 */
export function pertQuantiles(ps: ArrayLike<number>, t: ThreePoint): Float64Array {
  const width = t.high - t.low;
  if (width <= 0) return new Float64Array(ps.length).fill(t.low);
  const alpha = 1 + (PERT_LAMBDA * (t.likely - t.low)) / width;
  const beta = 1 + (PERT_LAMBDA * (t.high - t.likely)) / width;
  const unit = betaQuantiles(ps, alpha, beta);
  for (let i = 0; i < unit.length; i++) unit[i] = t.low + width * (unit[i] as number);
  return unit;
}

/** The two shapes a three-point estimate may take. */
export const THREE_POINT_DISTRIBUTIONS = ['pert', 'triangular'] as const;
export type ThreePointDistribution = (typeof THREE_POINT_DISTRIBUTIONS)[number];

/** Quantiles of a three-point estimate under either shape, one per probability. */
export function threePointQuantiles(
  distribution: ThreePointDistribution,
  t: ThreePoint,
  ps: ArrayLike<number>,
): Float64Array {
  if (distribution === 'pert') return pertQuantiles(ps, t);
  const out = new Float64Array(ps.length);
  for (let i = 0; i < ps.length; i++) out[i] = triangularQuantile(ps[i] as number, t);
  return out;
}
