import { describe, expect, it } from 'vitest';
import { sortByRank } from '../../core/sweep/rank-sort.ts';

/** A small deterministic generator (the same numbers every run). */
function generator(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('rank sort', () => {
  it('orders exactly as one comparison sort on key, latency, quality and index', () => {
    // Keys that a radix sort on the high bits could get wrong: −0 next to 0 (equal, so latency
    // decides), keys equal in their high 32 bits but not below (1 and 1 + 2⁻⁴⁰), subnormals,
    // negatives (NPV negated), +∞ (unknown cost); many ties; unknown latency and quality.
    const special = [
      0,
      -0,
      1,
      1 + 2 ** -40,
      1 + 2 ** -30,
      -(1 + 2 ** -40),
      -1,
      5e-324,
      -5e-324,
      2e-310,
      1e300,
      -1e300,
      Infinity,
      3,
      3,
      2.25,
    ];
    const random = generator(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * (trial < 100 ? 60 : 2000));
      const keys = new Float64Array(n);
      const e2eMs = new Float64Array(n);
      const quality = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        keys[i] =
          random() < 0.5
            ? special[Math.floor(random() * special.length)]!
            : (random() - 0.5) * 10 ** Math.floor(random() * 12);
        e2eMs[i] = random() < 0.2 ? NaN : random() < 0.5 ? 100 : Math.floor(random() * 5);
        quality[i] = random() < 0.2 ? NaN : random() < 0.5 ? 0.5 : Math.floor(random() * 3);
      }
      const order = Int32Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      // The part before `from` stays where it is.
      const from = Math.min(n, Math.floor(random() * 3));
      const latency = (i: number) => (Number.isNaN(e2eMs[i]) ? Infinity : e2eMs[i]!);
      const score = (i: number) => (Number.isNaN(quality[i]) ? -Infinity : quality[i]!);
      const given = Array.from(order);
      const expected = [
        ...given.slice(0, from),
        ...given.slice(from).sort((a, b) => {
          if (keys[a] !== keys[b]) return keys[a]! < keys[b]! ? -1 : 1;
          if (latency(a) !== latency(b)) return latency(a) < latency(b) ? -1 : 1;
          if (score(a) !== score(b)) return score(a) > score(b) ? -1 : 1;
          return a - b;
        }),
      ];
      sortByRank(order, from, n, keys, e2eMs, quality);
      expect(Array.from(order), `trial ${trial}`).toEqual(expected);
    }
  });
});
