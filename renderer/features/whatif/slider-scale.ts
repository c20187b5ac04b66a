/** Slider positions run 0…1000; values map linearly or logarithmically between min and max. */
export const SLIDER_STEPS = 1000;

export interface SliderScale {
  min: number;
  max: number;
  log: boolean;
  /** Snap values to whole numbers. */
  integer?: boolean;
}

export function toPosition(value: number, s: SliderScale): number {
  const v = Math.min(s.max, Math.max(s.min, value));
  const t = s.log ? Math.log(v / s.min) / Math.log(s.max / s.min) : (v - s.min) / (s.max - s.min);
  return Math.round(t * SLIDER_STEPS);
}

/** The value at a position, unrounded. */
function valueAt(position: number, s: SliderScale): number {
  const t = Math.min(SLIDER_STEPS, Math.max(0, position)) / SLIDER_STEPS;
  return s.log ? s.min * Math.pow(s.max / s.min, t) : s.min + t * (s.max - s.min);
}

/**
 * The value at a position, rounded to the power of ten below one step there (1,146,000, not
 * 1,145,793.2): values read cleanly and every step still moves it (an arrow key never sticks).
 */
export function fromPosition(position: number, s: SliderScale): number {
  const p = Math.min(SLIDER_STEPS, Math.max(0, Math.round(position)));
  const v = valueAt(p, s);
  if (p === 0 || p === SLIDER_STEPS) return s.integer ? Math.round(v) : v;
  const step = Math.abs(valueAt(p + 1, s) - v);
  const nice = roundTo(v, Math.pow(10, Math.floor(Math.log10(step))));
  const inside = Math.min(s.max, Math.max(s.min, nice));
  return s.integer ? Math.round(inside) : inside;
}

/** Rounds to a multiple of a power of ten, exactly for powers below one (0.1 × 3 ≠ 0.3). */
function roundTo(v: number, unit: number): number {
  return unit < 1 ? Math.round(v * (1 / unit)) / (1 / unit) : Math.round(v / unit) * unit;
}

/** Rounds to three significant figures so slider values read cleanly (12,300, not 12,345.6). */
export function niceRound(v: number): number {
  if (v === 0) return 0;
  return roundTo(v, Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 2));
}

/**
 * Where a what-if slider may go: a fixed span (a share of 0–100 %), or a window around the value
 * it starts from, on a log scale, for quantities that span decades (volume, tokens): ÷ factor to
 * × factor, shifted to stay within the field's limits.
 */
export type SliderRange =
  | { kind: 'fixed'; min: number; max: number }
  | { kind: 'around'; factor: number; min: number; max: number };

/** The scale of a slider whose window is centred on `anchor` (the value when the drag began). */
export function scaleAround(anchor: number, range: SliderRange, integer = false): SliderScale {
  if (range.kind === 'fixed') return { min: range.min, max: range.max, log: false, integer };
  const span = range.factor * range.factor;
  const centre = Math.min(range.max, Math.max(range.min, anchor));
  let min = centre / range.factor;
  let max = centre * range.factor;
  if (min < range.min) [min, max] = [range.min, Math.min(range.max, range.min * span)];
  if (max > range.max) [min, max] = [Math.max(range.min, range.max / span), range.max];
  return { min, max, log: true, integer };
}

/** A step button's result (×½, ×2, ×10): whole where the quantity is, within the field's limits. */
export function stepped(
  value: number,
  factor: number,
  limits: { min: number; max: number },
  integer: boolean,
): number {
  const next = Math.min(limits.max, Math.max(limits.min, value * factor));
  return integer ? Math.round(next) : next;
}
