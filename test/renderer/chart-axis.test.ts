import { describe, expect, it } from 'vitest';
import { compactCount, compactUsd } from '../../renderer/features/charts/chart-options.ts';

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
  });
});
