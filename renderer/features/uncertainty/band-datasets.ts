import type { Band } from '../../../core/uncertainty/bands.ts';

/** What a shaded band is, said beside every chart that draws one. */
export const BAND_NOTE = '; shaded: P10–P90 (P90 = not exceeded in 90 % of simulated futures)';

/** A translucent fill of a line's colour (#rrggbb → #rrggbbaa). */
export function bandFill(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? `${color}40` : color;
}

/** A P10–P90 band as two chart.js datasets: the P90 edge, then the P10 edge filled up to it. */
export function bandDatasets<P>(
  band: Band,
  color: string,
  label: string,
  point: (k: number, y: number | null) => P,
  /** Drawn like its line: stepped where the line is (a fleet's whole replicas). */
  stepped: false | 'before' = false,
) {
  const edge = {
    stepped,
    borderColor: 'transparent',
    backgroundColor: bandFill(color),
    pointRadius: 0,
    borderWidth: 0,
  };
  return [
    // An empty label keeps the P90 edge out of the legend (the legend skips empty labels).
    { ...edge, label: '', data: band.p90.map((y, k) => point(k, y)), fill: false },
    { ...edge, label: `P10–P90 ${label}`, data: band.p10.map((y, k) => point(k, y)), fill: '-1' },
  ];
}

/** The band for a chart line, if the last simulation drew one for it. */
export function bandFor(bands: readonly Band[], id: string): Band | undefined {
  return bands.find((b) => b.id === id);
}
