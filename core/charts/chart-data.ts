import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { Band } from '../uncertainty/bands.ts';
import { breakdownBars, shortLabel, type StackedBars } from './breakdown-data.ts';
import { paybackLines, type PaybackLines } from './payback-data.ts';
import { chartVolumeGrid, volumeCurves, type VolumeCurves } from './volume-data.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/**
 * What each chart draws, as plain data: the app's charts and the decision report's are made from
 * these by the same chart.js configurations, so a report shows the charts as the app does.
 */
export interface VolumeChart {
  curves: VolumeCurves;
  /** A short name per series (the legend). */
  names: string[];
  /** Today's volume and the recommendation's monthly cost there; null with no recommendation. */
  today: { x: number; y: number } | null;
  /** P10–P90 bands of the same lines over simulated futures, on their own volume axis. */
  bandVolumes: number[];
  bands: Band[];
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
  return breakdownBars(rows, shortLabel);
}

/** Monthly cost against volume for the chosen candidates, with break-evens and today's point. */
export function volumeChart(
  evaluation: Ok,
  chosen: readonly number[],
  bands: ChartBands = NO_BANDS,
): VolumeChart {
  const now = evaluation.context.rates.requestsPerMonth;
  const curves = volumeCurves(evaluation, chosen, chartVolumeGrid(now));
  const rec = evaluation.result.recommended;
  const ids = new Set(curves.series.map((s) => s.id));
  return {
    curves,
    names: chosen.map((i) => shortLabel(evaluation.result.row(i))),
    today: rec < 0 ? null : { x: now, y: evaluation.result.columns.monthlyUsd[rec] as number },
    bandVolumes: [...bands.volumes],
    bands: bands.volume.filter((b) => ids.has(b.id)),
  };
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
    return i < 0 ? l.label : shortLabel(evaluation.result.row(i));
  });
  return { lines, names, bands: bands.payback.filter((b) => ids.has(b.id)) };
}
