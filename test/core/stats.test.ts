import { describe, expect, it } from 'vitest';
import {
  betaQuantiles,
  pertQuantiles,
  regularizedBeta,
  triangularQuantile,
} from '../../core/stats/distributions.ts';
import { latinHypercubeColumn, seededRandom } from '../../core/stats/latin-hypercube.ts';
import { quantile } from '../../core/stats/sample-quantile.ts';

describe('three-point distributions', () => {
  it('triangular quantiles follow the closed form', () => {
    // On 0–2–10: F(2) = 2/10 = 0.2. p = 0.1 ≤ 0.2: x = √(0.1 × 10 × 2) = √2 = 1.41421;
    // p = 0.6: x = 10 − √(0.4 × 10 × 8) = 10 − √32 = 4.34315.
    expect(triangularQuantile(0.1, { low: 0, likely: 2, high: 10 })).toBeCloseTo(Math.SQRT2, 12);
    expect(triangularQuantile(0.6, { low: 0, likely: 2, high: 10 })).toBeCloseTo(
      10 - Math.sqrt(32),
      12,
    );
    expect(triangularQuantile(0.3, { low: 5, likely: 5, high: 5 })).toBe(5);
  });

  it('the incomplete beta function is the Beta CDF', () => {
    // I_0.3(2, 3) = P(Binomial(4, 0.3) ≥ 2) = 1 − 0.7⁴ − 4 × 0.3 × 0.7³ = 1 − 0.2401 − 0.4116 = 0.3483.
    expect(regularizedBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 12);
    // Beta(1, 1) is uniform; Beta(5, 1) has F(x) = x⁵, so its 0.5-quantile is 0.5^(1/5).
    expect(betaQuantiles([0.25], 1, 1)[0]).toBeCloseTo(0.25, 9);
    expect(betaQuantiles([0.5], 5, 1)[0]).toBeCloseTo(0.5 ** 0.2, 9);
  });

  it('PERT is a Beta stretched over low–high, its mode at likely', () => {
    // PERT(0, 5, 10): α = β = 1 + 4 × 5/10 = 3, symmetric, median 5. Beta(3, 3)'s CDF is
    // 10x³ − 15x⁴ + 6x⁵; at x = 0.246636 it is 0.1, so the 10th percentile is 2.46636.
    const [p10, p50] = pertQuantiles([0.1, 0.5], { low: 0, likely: 5, high: 10 });
    expect(p50).toBeCloseTo(5, 8);
    const x = (p10 as number) / 10;
    expect(10 * x ** 3 - 15 * x ** 4 + 6 * x ** 5).toBeCloseTo(0.1, 8);
    expect(pertQuantiles([0.9], { low: 3, likely: 3, high: 3 })[0]).toBe(3);
  });
});

describe('Latin hypercube sampling', () => {
  it('puts exactly one draw in each stratum, the same for the same seed', () => {
    const a = latinHypercubeColumn(500, 42, 7);
    const strata = Array.from(a, (p) => Math.floor(p * 500)).sort((x, y) => x - y);
    expect(strata).toEqual(Array.from({ length: 500 }, (_, k) => k));
    expect(latinHypercubeColumn(500, 42, 7)).toEqual(a);
    expect(latinHypercubeColumn(500, 43, 7)).not.toEqual(a);
    expect(latinHypercubeColumn(500, 42, 8)).not.toEqual(a);
  });

  it('draws uniform numbers in [0, 1)', () => {
    const random = seededRandom(1);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    // The mean of 10,000 uniforms is 0.5 ± 0.0029 (σ = √(1/12/10,000)); 4σ is 0.0115.
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.0115);
  });
});

describe('sample quantiles', () => {
  it('interpolate between order statistics', () => {
    // 1, 2, 3, 4, 10: the 0.9-quantile sits at position 0.9 × 4 = 3.6, 4 + 0.6 × (10 − 4) = 7.6.
    expect(quantile([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6, 12);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
