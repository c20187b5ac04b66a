import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatLaunch,
  formatMs,
  formatNumber,
  formatPct,
  formatUsd,
} from '../../core/format.ts';

describe('durations', () => {
  it('read in ms below a second and in seconds from one, so a column never mixes the two', () => {
    expect(formatMs(45.48)).toBe('45.5 ms');
    expect(formatMs(612)).toBe('612 ms');
    expect(formatMs(999.4)).toBe('999 ms');
    // 999.6 ms would print "1000 ms": it is a second.
    expect(formatMs(999.6)).toBe('1.00 s');
    expect(formatMs(9_850)).toBe('9.85 s');
    expect(formatMs(18_100)).toBe('18.1 s');
    expect(formatMs(5_933_900)).toBe('5,934 s');
  });

  it('judge a saving by its size, like a cost', () => {
    expect(formatMs(-12_000)).toBe('−12.0 s');
    expect(formatMs(-128.28)).toBe('−128 ms');
    expect(formatMs(-0.04)).toBe('0.0 ms');
    expect(formatMs(null)).toBe('—');
  });
});

describe('monthly-scale money', () => {
  it('is whole dollars from $1,000 as printed, cents below', () => {
    expect(formatUsd(999.99)).toBe('$999.99');
    // $999.996 prints $1,000.00 in cents: it reads "$1,000", like its neighbours.
    expect(formatUsd(999.996)).toBe('$1,000');
    expect(formatUsd(-999.996)).toBe('−$1,000');
    expect(formatUsd(1_234.5)).toBe('$1,235');
  });

  it('writes a negative amount or share with the minus sign, and none on what rounds to zero', () => {
    // The gap tornado's "−$994.52" reads as the explanation's "−$42.58 a month" does.
    expect(formatUsd(-994.52)).toBe('−$994.52');
    expect(formatUsd(-0.004)).toBe('$0.00');
    expect(formatPct(-0.4)).toBe('−40%');
    expect(formatPct(-0.004)).toBe('0%');
    // Counts and decimals too (a quality change of −16.6 in the savings table of a report).
    expect(formatNumber(-1234)).toBe('−1,234');
    expect(formatDecimal(-16.6, 1)).toBe('−16.6');
    expect(formatNumber(-0.4)).toBe('0');
  });

  it('says when a placement starts serving, never "0 weeks to launch"', () => {
    // A report's assumptions and a lever's trade-off read as the app's summary does.
    expect(formatLaunch(0)).toBe('served from day one');
    expect(formatLaunch(1)).toBe('launch in 1 week');
    expect(formatLaunch(2)).toBe('launch in 2 weeks');
    expect(formatLaunch(1.5)).toBe('launch in 1.5 weeks');
  });
});
