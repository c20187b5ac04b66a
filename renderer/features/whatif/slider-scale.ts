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

export function fromPosition(position: number, s: SliderScale): number {
  const t = Math.min(SLIDER_STEPS, Math.max(0, position)) / SLIDER_STEPS;
  const v = s.log ? s.min * Math.pow(s.max / s.min, t) : s.min + t * (s.max - s.min);
  return s.integer ? Math.round(niceRound(v)) : niceRound(v);
}

/** Rounds to three significant figures so slider values read cleanly (12,300, not 12,345.6). */
export function niceRound(v: number): number {
  if (v === 0) return 0;
  const magnitude = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 2);
  return Math.round(v / magnitude) * magnitude;
}
