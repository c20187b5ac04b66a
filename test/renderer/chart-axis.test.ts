import { describe, expect, it } from 'vitest';
import { compactCount, compactUsd } from '../../core/format.ts';
import { logTicks } from '../../renderer/features/charts/chart-options.ts';

describe('chart axis labels', () => {
  it('money reads short, with the sign before the dollar', () => {
    expect(compactUsd(850)).toBe('$850');
    expect(compactUsd(12_000)).toBe('$12k');
    expect(compactUsd(1_500)).toBe('$1.5k');
    expect(compactUsd(1_500_000)).toBe('$1.5M');
    expect(compactUsd(1_200_000_000)).toBe('$1.2B');
    expect(compactUsd(-200_000_000)).toBe('−$200M');
    expect(compactUsd(0)).toBe('$0');
  });

  it('counts read short', () => {
    expect(compactCount(200_000)).toBe('200k');
    expect(compactCount(2_500_000)).toBe('2.5M');
    expect(compactCount(1e9)).toBe('1B');
    expect(compactCount(1_500)).toBe('1.5k');
    expect(compactCount(850)).toBe('850');
  });

  it('a value that rounds up to the next unit is written in that unit (999,999 is 1M, not 1000k)', () => {
    // Two significant digits below 100 of a unit, whole units above; rounding half up.
    expect(compactCount(999)).toBe('999');
    expect(compactCount(999.4)).toBe('999');
    expect(compactCount(999.5)).toBe('1k');
    expect(compactCount(9_949)).toBe('9.9k');
    expect(compactCount(9_950)).toBe('10k');
    expect(compactCount(99_499)).toBe('99k');
    expect(compactCount(99_500)).toBe('100k');
    expect(compactCount(999_499)).toBe('999k');
    expect(compactCount(999_500)).toBe('1M');
    expect(compactCount(999_999)).toBe('1M');
    expect(compactCount(999_999_999)).toBe('1B');
    expect(compactCount(999_999_999_999)).toBe('1T');
    expect(compactCount(-999_999)).toBe('−1M');
    expect(compactUsd(999_999)).toBe('$1M');
    expect(compactUsd(-999_999)).toBe('−$1M');
    expect(compactUsd(2.5)).toBe('$2.5');
  });
});

describe('log axis ticks', () => {
  const ticks = (from: number, to: number) => [{ value: from }, { value: to }];
  const label = logTicks((n) => String(n));

  it('label 1, 2 and 5 × 10ⁿ over up to three decades', () => {
    const t = ticks(100, 50_000);
    expect([100, 200, 300, 500, 1000].map((v) => label(v, 0, t))).toEqual([
      '100',
      '200',
      '',
      '500',
      '1000',
    ]);
  });

  it('label only powers of ten over wider ranges', () => {
    const t = ticks(100_000, 2e9);
    expect([1e5, 2e5, 5e5, 1e6, 1e8, 2e8].map((v) => label(v, 0, t))).toEqual([
      '100000',
      '',
      '',
      '1000000',
      '100000000',
      '',
    ]);
  });
});
