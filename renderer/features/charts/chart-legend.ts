import type { ChartOptions, LegendItem } from 'chart.js';

/** One entry of a chart's legend: a dataset's swatch and name, as chart.js resolves them. */
export interface LegendEntry {
  datasetIndex: number;
  label: string;
  fill: string;
  stroke: string;
  strokePx: number;
  hidden: boolean;
}

const colorOf = (c: unknown): string => (typeof c === 'string' ? c : 'transparent');

/**
 * The entries chart.js built for its legend (its labels, colours and order, after the chart's
 * filter), as plain values to draw in HTML. chart.js builds them on every update even when it
 * draws no legend itself.
 */
export function legendEntries(items: readonly LegendItem[] | undefined): LegendEntry[] {
  return (items ?? []).map((item) => ({
    datasetIndex: item.datasetIndex ?? 0,
    label: item.text,
    fill: colorOf(item.fillStyle),
    stroke: colorOf(item.strokeStyle),
    strokePx: item.lineWidth ?? 0,
    hidden: item.hidden === true,
  }));
}

/** Whether two legends draw the same: a slider step usually changes no entry. */
export function sameLegend(a: readonly LegendEntry[], b: readonly LegendEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, k) => {
      const y = b[k] as LegendEntry;
      return (
        x.datasetIndex === y.datasetIndex &&
        x.label === y.label &&
        x.fill === y.fill &&
        x.stroke === y.stroke &&
        x.strokePx === y.strokePx &&
        x.hidden === y.hidden
      );
    })
  );
}

const withLegend = new WeakMap<object, ChartOptions>();
const withoutLegend = new WeakMap<object, ChartOptions>();

/**
 * The chart's options with chart.js's own legend drawn or not: the same object for the same
 * options, so a chart handed them again does not re-resolve every option.
 */
export function canvasLegendOptions(options: ChartOptions, drawn: boolean): ChartOptions {
  const cache = drawn ? withLegend : withoutLegend;
  let out = cache.get(options);
  if (out === undefined) {
    const plugins = options.plugins ?? {};
    out = { ...options, plugins: { ...plugins, legend: { ...plugins.legend, display: drawn } } };
    cache.set(options, out);
  }
  return out;
}
