import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { Band } from '../uncertainty/bands.ts';
import { barLabels, breakdownBars, shortLabel, type StackedBars } from './breakdown-data.ts';
import { paybackLines, type PaybackLines } from './payback-data.ts';
import type { BreakEvenChartData } from './break-even-data.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/**
 * What each chart draws, as plain data: the app's charts and the decision report's are made from
 * these by the same chart.js configurations, so a report shows the charts as the app does.
 */
export interface BreakEvenView {
  chart: BreakEvenChartData;
  /** P10–P90 of line a and line b over simulated futures (null where none), on `bandVolumes`. */
  bands: [Band | null, Band | null];
  bandVolumes: number[];
}

export interface PaybackChart {
  lines: PaybackLines;
  names: string[];
  bands: Band[];
}

/** The simulation's bands for the charts' candidates, when ranges were simulated. */
export interface ChartBands {
  volumes: number[];
  volume: readonly Band[];
  payback: readonly Band[];
}

export const NO_BANDS: ChartBands = { volumes: [], volume: [], payback: [] };

/**
 * Monthly cost by component: the chosen candidates and the next cheapest feasible ones, seven at
 * most, so the one picked sits among its neighbours.
 */
export function breakdownChart(evaluation: Ok, chosen: readonly number[]): StackedBars {
  const { result } = evaluation;
  const rows = [...new Set([...chosen, ...Array.from(result.order.slice(0, 6))])]
    .filter((i) => result.columns.feasible[i] === 1)
    .slice(0, 7)
    .map((i) => result.row(i));
  const labels = barLabels(rows, evaluation.index);
  return breakdownBars(rows, (_, i) => labels[i]!);
}

/** The break-even chart with the bands of its own two lines, when the simulation drew them. */
export function breakEvenView(
  chart: BreakEvenChartData,
  bands: ChartBands = NO_BANDS,
): BreakEvenView {
  const of = (id: string) => {
    const band = bands.volume.find((b) => b.id === id);
    return band !== undefined && band.p10.length === bands.volumes.length ? band : null;
  };
  return { chart, bands: [of(chart.a.id), of(chart.b.id)], bandVolumes: [...bands.volumes] };
}

/** Cumulative value minus cost month by month for the chosen candidates (needs a value). */
export function paybackChart(
  evaluation: Ok,
  chosen: readonly number[],
  bands: ChartBands = NO_BANDS,
): PaybackChart {
  const lines = paybackLines(evaluation, chosen);
  const ids = new Set(lines.lines.map((l) => l.id));
  const names = lines.lines.map((l) => {
    const i = evaluation.result.indexOf(l.id);
    return i < 0 ? l.label : shortLabel(evaluation.result.row(i), evaluation.index);
  });
  return { lines, names, bands: bands.payback.filter((b) => ids.has(b.id)) };
}
