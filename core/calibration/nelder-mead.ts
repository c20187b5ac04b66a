/** Minimises `f` from `start` with the Nelder–Mead simplex (no derivatives needed). */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: { step?: number; iterations?: number; tolerance?: number } = {},
): { x: number[]; value: number } {
  const n = start.length;
  const step = options.step ?? 0.2;
  const iterations = options.iterations ?? 2000;
  const tolerance = options.tolerance ?? 1e-7;
  let simplex: { x: number[]; value: number }[] = [{ x: [...start], value: f(start) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] as number) + step;
    simplex.push({ x, value: f(x) });
  }
  const combine = (a: readonly number[], b: readonly number[], t: number) =>
    a.map((ai, i) => ai + t * ((b[i] as number) - ai));

  for (let it = 0; it < iterations; it++) {
    simplex.sort((p, q) => p.value - q.value);
    const best = simplex[0] as { x: number[]; value: number };
    const worst = simplex[n] as { x: number[]; value: number };
    if (Math.abs(worst.value - best.value) < tolerance) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const p = simplex[i] as { x: number[] };
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p.x[j] as number) / n;
    }
    const reflected = combine(centroid, worst.x, -1);
    const fr = f(reflected);
    const secondWorst = simplex[n - 1] as { value: number };
    if (fr < best.value) {
      const expanded = combine(centroid, worst.x, -2);
      const fe = f(expanded);
      simplex[n] = fe < fr ? { x: expanded, value: fe } : { x: reflected, value: fr };
    } else if (fr < secondWorst.value) {
      simplex[n] = { x: reflected, value: fr };
    } else {
      const contracted = combine(centroid, worst.x, 0.5);
      const fc = f(contracted);
      if (fc < worst.value) {
        simplex[n] = { x: contracted, value: fc };
      } else {
        simplex = simplex.map((p, i) =>
          i === 0 ? p : { x: combine(best.x, p.x, 0.5), value: f(combine(best.x, p.x, 0.5)) },
        );
      }
    }
  }
  simplex.sort((p, q) => p.value - q.value);
  return simplex[0] as { x: number[]; value: number };
}
