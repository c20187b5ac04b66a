/**
 * Levenberg–Marquardt for small nonlinear least-squares problems: minimises Σ r(x)ᵢ² with a
 * forward-difference Jacobian (n + 1 residual evaluations a step). Deterministic, and far fewer
 * evaluations than a simplex search, which keeps cross-validated calibration fast enough to test.
 */
export function levenbergMarquardt(
  residuals: (x: readonly number[]) => number[],
  start: readonly number[],
  options: { iterations?: number; tolerance?: number; step?: number } = {},
): { x: number[]; value: number } {
  const n = start.length;
  const iterations = options.iterations ?? 60;
  const tolerance = options.tolerance ?? 1e-9;
  const h = options.step ?? 1e-4;
  let x = [...start];
  let r = residuals(x);
  let value = sumOfSquares(r);
  let lambda = 1e-2;
  for (let it = 0; it < iterations; it++) {
    const jacobian: number[][] = [];
    for (let j = 0; j < n; j++) {
      const xj = [...x];
      xj[j] = (xj[j] as number) + h;
      const rj = residuals(xj);
      jacobian.push(rj.map((v, i) => (v - (r[i] as number)) / h));
    }
    // Normal equations: (JᵀJ + λ diag(JᵀJ)) δ = −Jᵀr.
    const jtj = jacobian.map((a) => jacobian.map((b) => dot(a, b)));
    const jtr = jacobian.map((a) => dot(a, r));
    let improved = false;
    while (lambda < 1e10) {
      const damped = jtj.map((row, i) =>
        row.map((v, j) => (i === j ? v + lambda * Math.max(v, 1e-9) : v)),
      );
      const delta = solve(
        damped,
        jtr.map((v) => -v),
      );
      const candidate = x.map((xi, i) => xi + (delta[i] as number));
      const rc = residuals(candidate);
      const vc = sumOfSquares(rc);
      if (vc < value) {
        const gain = value - vc;
        x = candidate;
        r = rc;
        value = vc;
        lambda = Math.max(lambda / 3, 1e-9);
        improved = gain > tolerance * Math.max(1, value);
        break;
      }
      lambda *= 4;
    }
    if (!improved) break;
  }
  return { x, value };
}

function sumOfSquares(r: readonly number[]): number {
  let s = 0;
  for (const v of r) s += v * v;
  return s;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A small and positive definite). */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(m[row]?.[col] as number) > Math.abs(m[pivot]?.[col] as number)) pivot = row;
    }
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const p = m[col] as number[];
    const pv = p[col] as number;
    if (Math.abs(pv) < 1e-300) continue;
    for (let row = col + 1; row < n; row++) {
      const q = m[row] as number[];
      const f = (q[col] as number) / pv;
      for (let k = col; k <= n; k++) q[k] = (q[k] as number) - f * (p[k] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    const p = m[row] as number[];
    let s = p[n] as number;
    for (let k = row + 1; k < n; k++) s -= (p[k] as number) * (x[k] as number);
    const pv = p[row] as number;
    x[row] = Math.abs(pv) < 1e-300 ? 0 : s / pv;
  }
  return x;
}
