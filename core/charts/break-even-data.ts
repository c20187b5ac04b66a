import { objectiveBreakEven, objectiveCurve } from '../decision/at-volume.ts';
import { compactCount, formatNumber } from '../format.ts';
import type { Explanation } from '../decision/explain.ts';
import { higherIsBetter, type Objective } from '../decision/objective.ts';
import type { Crossing } from '../roi/break-even.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { CandidateKind } from '../schema/route.ts';
import { resolvePair, type PairPicks } from './pair.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/** The volumes the break-even search covers: every crossing in it is named. */
export const BREAK_EVEN_RANGE = { minVolume: 1_000, maxVolume: 1e10 } as const;

/** Log-spaced monthly volumes from `min` to `max`, `points` of them. */
export function volumeGrid(min: number, max: number, points: number): number[] {
  const ratio = Math.pow(max / min, 1 / (points - 1));
  return Array.from({ length: points }, (_, k) => min * Math.pow(ratio, k));
}

/**
 * The volumes the simulation draws the chart's P10–P90 bands at: from a hundredth to a hundred
 * times today's monthly volume.
 */
export function chartVolumeGrid(requestsPerMonth: number): number[] {
  return volumeGrid(
    Math.max(1_000, requestsPerMonth / 100),
    Math.max(requestsPerMonth * 100, 1e5),
    28,
  );
}

/** The y axis's title for an objective: what a point of the line is. */
export function curveTitle(objective: Objective, horizonMonths: number): string {
  switch (objective) {
    case 'tco':
      return `${horizonMonths}-month cost ÷ ${horizonMonths}, setup incl.`;
    case 'npv':
      return `${horizonMonths}-month NPV`;
    case 'monthly':
      return 'Monthly run cost (no setup)';
    case 'perOutcome':
      return 'Cost per successful outcome';
  }
}

export interface BreakEvenLine {
  id: string;
  label: string;
  kind: CandidateKind;
  points: { x: number; y: number }[];
  /** The line at today's volume (null when it has no value there). */
  today: { x: number; y: number } | null;
}

export interface BreakEvenChartData {
  objective: Objective;
  horizonMonths: number;
  yTitle: string;
  /** NPV can be negative: a linear axis; costs are drawn on a log axis. */
  logY: boolean;
  a: BreakEvenLine;
  b: BreakEvenLine;
  requestsPerMonth: number;
  /** Every volume at which the better of the two changes, on line a (where b meets it). */
  crossings: { requestsPerMonth: number; y: number | null; betterAbove: 'a' | 'b' }[];
  range: { min: number; max: number };
}

/**
 * Two candidates' standing under the objective as volume changes (everything else held), today's
 * volume marked on both lines, and every crossing between them. `known` crossings (from the
 * explanation, over the same range and objective) are used rather than searched again.
 */
export function breakEvenChart(
  evaluation: Ok,
  aIndex: number,
  bIndex: number,
  known?: readonly Crossing[],
  points = 90,
): BreakEvenChartData {
  const ctx = evaluation.context;
  const objective = ctx.objective;
  const rowA = evaluation.result.row(aIndex);
  const rowB = evaluation.result.row(bIndex);
  const crossings =
    known ??
    objectiveBreakEven(
      ctx,
      rowA.placement,
      rowB.placement,
      objective,
      BREAK_EVEN_RANGE.minVolume,
      BREAK_EVEN_RANGE.maxVolume,
    ).crossings;
  const now = ctx.rates.requestsPerMonth;
  const marks = [...crossings.map((c) => c.requestsPerMonth), ...(now > 0 ? [now] : [])];
  const low = Math.min(...marks.map((v) => v / 4), now > 0 ? now / 100 : 1e4);
  const high = Math.max(...marks.map((v) => v * 4), now > 0 ? now * 100 : 1e8);
  const range = {
    min: Math.max(BREAK_EVEN_RANGE.minVolume, low),
    max: Math.min(BREAK_EVEN_RANGE.maxVolume, high),
  };
  // The grid holds today's volume and each crossing (and a hair below it, so a step is drawn
  // upright): the marks sit exactly on the lines drawn.
  const volumes = [
    ...volumeGrid(range.min, range.max, points),
    ...marks.flatMap((v) => [v * (1 - 1e-6), v]),
  ]
    .filter((v) => v >= range.min * (1 - 1e-6) && v <= range.max)
    .sort((x, y) => x - y);
  const line = (index: number): BreakEvenLine => {
    const row = evaluation.result.row(index);
    const curve = objectiveCurve(ctx, row.placement, objective);
    const ys = new Map(volumes.map((v) => [v, curve(v)]));
    const y = (v: number) => ys.get(v) ?? curve(v);
    const today = now > 0 ? y(now) : null;
    return {
      id: row.id,
      label: row.label,
      kind: row.kind,
      points: volumes.map((v) => ({ x: v, y: y(v) ?? Number.NaN })),
      today: today === null ? null : { x: now, y: today },
    };
  };
  const a = line(aIndex);
  const yA = new Map(a.points.map((p) => [p.x, p.y]));
  return {
    objective,
    horizonMonths: ctx.value.horizonMonths,
    yTitle: curveTitle(objective, ctx.value.horizonMonths),
    logY: objective !== 'npv',
    a,
    b: line(bIndex),
    requestsPerMonth: now,
    crossings: crossings.map((c) => {
      const y = yA.get(c.requestsPerMonth);
      return {
        requestsPerMonth: c.requestsPerMonth,
        y: y === undefined || Number.isNaN(y) ? null : y,
        betterAbove: c.cheaperAbove,
      };
    }),
    range,
  };
}

/**
 * The break-even chart of a pair of candidates (the menus' picks, or by default the recommendation
 * against the best of another placement): when the pair is the recommendation and one of its
 * alternatives, the explanation already searched the same range and its crossings are reused.
 */
export function pairBreakEven(
  evaluation: Ok,
  explanation: Explanation,
  picks: PairPicks,
): BreakEvenChartData | null {
  const pair = resolvePair(evaluation, picks);
  if (pair === null) return null;
  const { result } = evaluation;
  const alt =
    pair.a === result.recommended
      ? explanation.alternatives.find((x) => result.indexOf(x.id) === pair.b)
      : undefined;
  return breakEvenChart(evaluation, pair.a, pair.b, alt?.crossings);
}

/**
 * Today's monthly volume as the chart's marker names it: to the request, as the summary states
 * the workload (a marker rounded to 3 digits reads as another volume).
 */
export function todayVolumeText(data: BreakEvenChartData): string {
  return formatNumber(data.requestsPerMonth);
}

/**
 * The line under a chart with no crossing: the volumes the chart draws (its x axis, in the axis's
 * short numbers), then the wider range the search covered, and which candidate is better
 * throughout ("cheaper", or "better" for NPV).
 */
export function noBreakEvenText(data: BreakEvenChartData): string {
  const words = (min: number, max: number) => `${compactCount(min)} and ${compactCount(max)}`;
  const { minVolume, maxVolume } = BREAK_EVEN_RANGE;
  const searchedWider = data.range.min > minVolume || data.range.max < maxVolume;
  const range = searchedWider
    ? `${words(data.range.min, data.range.max)} requests a month (the volumes drawn), nor between ${words(minVolume, maxVolume)} (the volumes searched)`
    : `${words(minVolume, maxVolume)} requests a month`;
  const a = data.a.today?.y;
  const b = data.b.today?.y;
  const better = data.objective === 'npv' ? 'better' : 'cheaper';
  const winner =
    a === undefined || b === undefined || a === b
      ? null
      : (higherIsBetter(data.objective) ? a > b : a < b)
        ? data.a.label
        : data.b.label;
  return `No break-even between ${range}${winner === null ? '' : `: ${winner} is ${better} throughout`}`;
}
