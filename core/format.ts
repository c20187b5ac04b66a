/** Number formatting shared by the CLI, reports and the app, so every screen agrees. */
import type { Objective } from './decision/objective.ts';

const usdWhole = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const usdCents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * Monthly-scale money: whole dollars from $1,000, cents below. The cut is made on the amount as
 * it would print in cents, so $999.999 reads "$1,000" like its neighbours, not "$1,000.00".
 */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return withMinus(value, Math.abs(Math.round(value * 100)) >= 100_000 ? usdWhole : usdCents);
}

/** Whole dollars at any size ($12, $1,234): budgets and limits. */
export function formatUsdWhole(value: number): string {
  return withMinus(value, usdWhole);
}

/**
 * A signed amount with the minus sign (−$994.52), as every other signed figure in the app reads,
 * not the hyphen Intl writes; an amount that rounds to zero carries no sign.
 */
function withMinus(value: number, format: Intl.NumberFormat): string {
  return signed(value, format.format(Math.abs(value)));
}

/** Unit prices that can be fractions of a cent: four significant digits. */
export function formatUnitUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '$0';
  if (Math.abs(value) >= 1) return usdCents.format(value);
  return `$${value.toPrecision(4)}`;
}

/**
 * A duration from milliseconds: ms below a second (one decimal under 100 ms), seconds from one
 * (9.85 s, 18.1 s, 5,934 s), so a column of latencies never mixes "9850 ms" with "18.1 s". The
 * size is judged on the magnitude, so a saving (−12,000 ms) reads like a cost (−12.0 s).
 */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  if (size >= 999.5) {
    const s = value / 1000;
    const secs = Math.abs(s);
    if (secs >= 99.95) return `${formatNumber(s, 0)} s`;
    return `${signed(s, secs >= 9.995 ? secs.toFixed(1) : secs.toFixed(2))} s`;
  }
  return `${signed(value, size >= 99.95 ? String(Math.round(size)) : size.toFixed(1))} ms`;
}

/** A magnitude's text with the minus sign when the value is below zero and the text is not 0. */
function signed(value: number, magnitude: string): string {
  return value < 0 && /[1-9]/.test(magnitude) ? `−${magnitude}` : magnitude;
}

/** One formatter per digit count: toLocaleString with options builds a new one on every call. */
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let format = numberFormats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(digits, format);
  }
  return signed(value, format.format(Math.abs(value)));
}

/** When a placement starts serving: "served from day one", "launch in 2 weeks", "in 1.5 weeks". */
export function formatLaunch(weeks: number): string {
  if (weeks === 0) return 'served from day one';
  const n = formatNumber(weeks, Number.isInteger(weeks) ? 0 : 1);
  return `launch in ${n} week${weeks === 1 ? '' : 's'}`;
}

export function formatPct(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${signed(value, Math.abs(value * 100).toFixed(digits))}%`;
}

const decimalFormats = new Map<number, Intl.NumberFormat>();

/** A number with up to `maxDigits` decimals (catalog cells: prices, specs). */
export function formatDecimal(value: number, maxDigits = 4): string {
  let f = decimalFormats.get(maxDigits);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDigits });
    decimalFormats.set(maxDigits, f);
  }
  return signed(value, f.format(Math.abs(value)));
}

/**
 * Compact magnitudes (850, 1.5k, 12k, 2.5M, 1B, 3T): Intl's compact notation, which rounds before
 * it picks the unit, so 999,999 is "1M", never "1000k". Two significant digits below 100 of a unit,
 * whole units above. The thousands suffix is written "k", as the app's axes always have.
 */
const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact' });

function shortMagnitude(a: number): string {
  let out = '';
  for (const part of compactFormat.formatToParts(a)) {
    out += part.type === 'compact' && part.value === 'K' ? 'k' : part.value;
  }
  return out;
}

/** Short money for axes and sliders: $850, $12k, $1.5M, $2B; negative amounts as −$200M. */
export function compactUsd(v: number | string): string {
  const n = Number(v);
  return `${n < 0 ? '−' : ''}$${shortMagnitude(Math.abs(n))}`;
}

/** Short counts for axes and sliders: 850, 1.5k, 12k, 2.5M, 1B. */
export function compactCount(v: number | string): string {
  const n = Number(v);
  return n < 0 ? `−${shortMagnitude(-n)}` : shortMagnitude(n);
}

/** Money as the objective counts it: cost per outcome is a unit price, the rest are totals. */
export function objectiveMoney(objective: Objective, usd: number | null): string {
  return objective === 'perOutcome' ? formatUnitUsd(usd) : formatUsd(usd);
}

/** A difference with its sign, in a formatter's units: +$1,200, −35 ms, ±0 (also what rounds to 0). */
export function formatSigned(delta: number, format: (abs: number) => string): string {
  if (!Number.isFinite(delta)) return '—';
  const text = format(Math.abs(delta));
  if (!/[1-9]/.test(text)) return `±${text}`;
  return `${delta > 0 ? '+' : '−'}${text}`;
}

/** The relative change from `before` to `after` as a signed percentage (+12%, −3.5%); '' from 0. */
export function formatChangePct(before: number, after: number): string {
  if (!Number.isFinite(before) || !Number.isFinite(after) || before === 0) return '';
  const pct = ((after - before) / Math.abs(before)) * 100;
  // From a value next to 0 (1e-300 requests a month) the ratio overflows: no percentage to say.
  if (!Number.isFinite(pct)) return '';
  const digits = Math.abs(pct) < 10 ? 1 : 0;
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return '±0%';
  return `${pct > 0 ? '+' : '−'}${text}%`;
}
