import { formatNumber, formatPct, formatUsd } from '../format.ts';
import type { Crossing } from '../roi/break-even.ts';
import { costedKind, type CandidateKind } from '../schema/route.ts';
import type { EvalContext } from '../sweep/context.ts';
import { servedMonths } from '../sweep/result.ts';
import type { SweepResult } from '../sweep/sweep.ts';
import { KIND_CODE, objectiveColumn } from '../sweep/table.ts';
import { BREAKDOWN_KEYS, BREAKDOWN_LABELS, type CandidateResult } from '../sweep/types.ts';
import { objectiveBreakEven } from './at-volume.ts';
import { countExclusions, onlyUnknowns, type ExclusionCount } from './exclusions.ts';
import { higherIsBetter, objectiveLabel, type Objective } from './objective.ts';

/** One line of the difference between the recommendation and another candidate. */
export interface ComponentDelta {
  key: string;
  label: string;
  /** `monthly` lines are per month of steady service; `oneOff` is setup. */
  /** `monthly` when every month served costs the same; `firstMonth` when they differ (growth, a
   * price change or a price period within the horizon): the line is month 1's, not every month's. */
  basis: 'monthly' | 'firstMonth' | 'oneOff';
  recommendedUsd: number;
  otherUsd: number;
  deltaUsd: number;
}

export interface Alternative {
  /** Why it is shown: the next best overall, or the best of a placement kind. */
  role: 'runner-up' | `best-${CandidateKind}`;
  id: string;
  label: string;
  kind: CandidateKind;
  /** The objective's value (cost in USD, or NPV for `npv`). */
  objectiveValue: number;
  /** How much worse than the recommendation under the objective, in its units (≥ 0). */
  gap: number;
  monthlyUsd: number | null;
  tcoUsd: number | null;
  setupUsd: number;
  /** What differs, largest first; lines equal on both sides are left out. */
  components: ComponentDelta[];
  /** Volumes at which the better of the two changes (the recommendation is `a`). */
  crossings: Crossing[];
  /** Today's monthly requests: the volume the crossings are read against. */
  requestsPerMonth: number;
  /** The setup at which this one would tie (horizon objectives); null if even none would do. */
  setupToWinUsd: number | null;
  /** The GPU utilization at which this one would tie (self-hosted); null if none would do. */
  utilizationToWin: number | null;
  /** Its utilization now (self-hosted), for comparison. */
  utilization: number | null;
}

export interface Explanation {
  objective: Objective;
  objectiveLabel: string;
  horizonMonths: number;
  recommended: {
    id: string;
    label: string;
    kind: CandidateKind;
    objectiveValue: number;
    monthlyUsd: number | null;
    tcoUsd: number | null;
    setupUsd: number;
  } | null;
  candidateCount: number;
  feasibleCount: number;
  alternatives: Alternative[];
  /** Infeasible candidates by their first reason; with the feasible, they add up to all. */
  exclusions: ExclusionCount[];
  /**
   * Candidates out only for unknowns, which "include unknown" would bring back: no quality score
   * alone, no latency figure alone, or both.
   */
  unknownOnly: UnknownOnly;
  /**
   * The best of those out only for unknowns under the objective, when it would beat the
   * recommendation (or there is none): what "include them" would change, said before it is done.
   */
  bestUnknown: UnknownContender | null;
  /** The explanation in words and numbers, one sentence per line. */
  sentences: string[];
}

export interface ExplainOptions {
  /** Find the break-even volumes against each alternative (a few hundred evaluations each). */
  breakEven?: boolean;
}

/**
 * Why the recommendation is the answer: the runner-up and the best of each other placement, with
 * the difference per cost component; what would change the decision (the volume, setup or GPU
 * utilization at which another wins); and every exclusion, counted by reason.
 */
export function explain(
  evaluation: { result: SweepResult; context: EvalContext },
  options: ExplainOptions = {},
): Explanation {
  const { result, context: ctx } = evaluation;
  const objective = ctx.objective;
  const horizonMonths = ctx.value.horizonMonths;
  const label = objectiveLabel(objective, horizonMonths);
  const c = result.columns;
  const exclusions = countExclusions(infeasibleReasons(result));
  const unknownOnly = countUnknownOnly(result);
  const recIndex = result.recommended;
  const rec = recIndex < 0 ? null : result.row(recIndex);
  const bestUnknown = bestUnknownOnly(
    result,
    objective,
    rec === null ? null : objectiveValue(rec, objective),
  );
  const counted = [
    exclusionSentence(result.feasibleCount, exclusions, unknownOnly),
    bestUnknown === null ? null : unknownContenderSentence(bestUnknown, label, objective),
  ]
    .filter((x): x is string => x !== null)
    .join(' ');
  const base = {
    objective,
    objectiveLabel: label,
    horizonMonths,
    candidateCount: c.size,
    feasibleCount: result.feasibleCount,
    exclusions,
    unknownOnly,
    bestUnknown,
  };
  if (rec === null) {
    return {
      ...base,
      recommended: null,
      alternatives: [],
      sentences: [`No feasible candidate among ${c.size.toLocaleString('en-US')}.`, counted],
    };
  }
  const recValue = objectiveValue(rec, objective) as number;
  const alternatives = alternativeIndices(result).map(([role, i]) =>
    alternative(ctx, rec, recValue, result.row(i), role, options),
  );
  const recommended = {
    id: rec.id,
    label: rec.label,
    kind: rec.kind,
    objectiveValue: recValue,
    monthlyUsd: rec.monthlyUsd,
    tcoUsd: rec.tcoUsd,
    setupUsd: rec.setupUsd,
  };
  return {
    ...base,
    recommended,
    alternatives,
    sentences: [
      recommendationSentence(
        rec,
        recValue,
        label,
        result.feasibleCount,
        objective,
        horizonMonths,
        servedMonths(ctx, costedKind(rec.placement)),
      ),
      ...alternatives.map((a) => alternativeSentence(a, label, objective)),
      counted,
    ],
  };
}

/** The objective's value of a row (USD; NPV for `npv`), or null when unknown. */
export function objectiveValue(r: CandidateResult, objective: Objective): number | null {
  switch (objective) {
    case 'tco':
      return r.tcoUsd;
    case 'npv':
      return r.roi?.npvUsd ?? null;
    case 'monthly':
      return r.monthlyUsd;
    case 'perOutcome':
      return r.perOutcomeUsd;
  }
}

function* infeasibleReasons(result: SweepResult): Iterable<readonly string[]> {
  const c = result.columns;
  for (let i = 0; i < c.size; i++) if (c.feasible[i] !== 1) yield c.reasons[i] ?? [];
}

export interface UnknownOnly {
  quality: number;
  latency: number;
  both: number;
}

/** Candidates whose every reason is an unknown: the ones "include unknown" would bring back. */
function countUnknownOnly(result: SweepResult): UnknownOnly {
  const c = result.columns;
  const out: UnknownOnly = { quality: 0, latency: 0, both: 0 };
  for (let i = 0; i < c.size; i++) {
    if (c.feasible[i] === 1) continue;
    const unknown = onlyUnknowns(c.reasons[i] ?? []);
    if (unknown === null) continue;
    if (unknown.quality && unknown.latency) out.both++;
    else if (unknown.quality) out.quality++;
    else out.latency++;
  }
  return out;
}

export interface UnknownContender {
  id: string;
  label: string;
  /** The objective's value (cost in USD, or NPV for `npv`). */
  objectiveValue: number;
  /** What is unknown about it: no quality score, no latency figure, or both. */
  unknown: 'quality' | 'latency' | 'both';
  /** How much better than the recommendation under the objective; null with no recommendation. */
  advantage: number | null;
}

/**
 * Among the candidates out only for unknowns, the best under the objective — when it beats the
 * recommendation (`recValue`), or when nothing is feasible. A pick that an unknown alone keeps
 * out, several times cheaper, is what a reader must hear before presenting the answer.
 */
function bestUnknownOnly(
  result: SweepResult,
  objective: Objective,
  recValue: number | null,
): UnknownContender | null {
  const c = result.columns;
  const higher = higherIsBetter(objective);
  // Chosen on the columns (the rows' own numbers): a full sweep has a thousand or more out only
  // for unknowns, and only the best one's row is built.
  const values = objectiveColumn(c, objective);
  let bestIndex = -1;
  let bestValue = 0;
  let bestUnknown: { quality: boolean; latency: boolean } | null = null;
  for (let i = 0; i < c.size; i++) {
    if (c.feasible[i] === 1) continue;
    const unknown = onlyUnknowns(c.reasons[i] ?? []);
    if (unknown === null) continue;
    const value = values[i] as number;
    if (!Number.isFinite(value)) continue;
    if (bestIndex >= 0 && (higher ? value <= bestValue : value >= bestValue)) continue;
    bestIndex = i;
    bestValue = value;
    bestUnknown = unknown;
  }
  if (bestIndex < 0 || bestUnknown === null) return null;
  const row = result.row(bestIndex);
  const value = objectiveValue(row, objective) as number;
  const advantage = recValue === null ? null : higher ? value - recValue : recValue - value;
  if (advantage !== null && advantage <= 0) return null;
  return {
    id: row.id,
    label: row.label,
    objectiveValue: value,
    unknown:
      bestUnknown.quality && bestUnknown.latency
        ? 'both'
        : bestUnknown.quality
          ? 'quality'
          : 'latency',
    advantage,
  };
}

const UNKNOWN_WORDS: Record<UnknownContender['unknown'], string> = {
  quality: 'no quality score',
  latency: 'no latency figure',
  both: 'no quality score and no latency figure',
};

/** "The best of them is …": what including the unknowns would change, in one sentence. */
export function unknownContenderSentence(
  u: UnknownContender,
  label: string,
  objective: Objective,
): string {
  const than =
    u.advantage === null
      ? ''
      : `, ${money(u.advantage)} ${objective === 'npv' ? 'more' : 'less'} than the pick`;
  return `The best of them is ${u.label}: ${money(u.objectiveValue)} (${label})${than}, out only for ${UNKNOWN_WORDS[u.unknown]}.`;
}

/**
 * The runner-up, then the best feasible candidate of each placement kind other than the
 * recommendation's (one that is also the runner-up is shown once, as the runner-up).
 */
function alternativeIndices(result: SweepResult): [Alternative['role'], number][] {
  const c = result.columns;
  const feasibleInOrder = Array.from(result.order.subarray(0, result.feasibleCount));
  const runnerUp = feasibleInOrder[1];
  const out: [Alternative['role'], number][] =
    runnerUp === undefined ? [] : [['runner-up', runnerUp]];
  const recKind = c.kind[result.recommended];
  for (const kind of Object.keys(KIND_CODE) as CandidateKind[]) {
    if (KIND_CODE[kind] === recKind) continue;
    const best = feasibleInOrder.find((i) => c.kind[i] === KIND_CODE[kind]);
    if (best !== undefined && best !== runnerUp) out.push([`best-${kind}`, best]);
  }
  return out;
}

function alternative(
  ctx: EvalContext,
  rec: CandidateResult,
  recValue: number,
  other: CandidateResult,
  role: Alternative['role'],
  options: ExplainOptions,
): Alternative {
  const objective = ctx.objective;
  const value = objectiveValue(other, objective) as number;
  const gap = higherIsBetter(objective) ? recValue - value : value - recValue;
  return {
    role,
    id: other.id,
    label: other.label,
    kind: other.kind,
    objectiveValue: value,
    gap,
    monthlyUsd: other.monthlyUsd,
    tcoUsd: other.tcoUsd,
    setupUsd: other.setupUsd,
    components: componentDeltas(rec, other, monthsAlike(ctx, rec) && monthsAlike(ctx, other)),
    // A route's volume curve is two fleets at shares: its crossings are not searched.
    crossings:
      options.breakEven && rec.placement.kind !== 'route' && other.placement.kind !== 'route'
        ? objectiveBreakEven(ctx, rec.placement, other.placement, objective).crossings
        : [],
    requestsPerMonth: ctx.rates.requestsPerMonth,
    setupToWinUsd: setupToWin(objective, other, gap),
    utilizationToWin: utilizationToWin(ctx, objective, other, gap),
    utilization: other.selfHost?.utilization ?? null,
  };
}

/**
 * Whether every month a candidate serves costs what its first does: no growth, no price change
 * of its kind, and for a hosted API no price period within the horizon (its horizon cost is then
 * setup + the month × months served, to the cent).
 */
function monthsAlike(ctx: EvalContext, c: CandidateResult): boolean {
  if (ctx.workload.monthlyGrowthPct !== 0) return false;
  const kind = costedKind(c.placement);
  if (ctx.priceChange[kind] !== 0) return false;
  if (kind !== 'api' || c.monthlyUsd === null || c.tcoUsd === null) return true;
  const steady = c.setupUsd + c.monthlyUsd * servedMonths(ctx, kind);
  return Math.abs(steady - c.tcoUsd) <= Math.max(0.01, Math.abs(c.tcoUsd) * 1e-9);
}

function componentDeltas(
  rec: CandidateResult,
  other: CandidateResult,
  monthsAreAlike: boolean,
): ComponentDelta[] {
  const basis = monthsAreAlike ? ('monthly' as const) : ('firstMonth' as const);
  const lines: ComponentDelta[] = BREAKDOWN_KEYS.map((key) => ({
    key,
    label: BREAKDOWN_LABELS[key],
    basis,
    recommendedUsd: rec.breakdown[key],
    otherUsd: other.breakdown[key],
    deltaUsd: other.breakdown[key] - rec.breakdown[key],
  }));
  lines.push({
    key: 'setupUsd',
    label: 'Setup',
    basis: 'oneOff',
    recommendedUsd: rec.setupUsd,
    otherUsd: other.setupUsd,
    deltaUsd: other.setupUsd - rec.setupUsd,
  });
  return lines
    .filter((l) => Math.abs(l.deltaUsd) >= 0.005)
    .sort((a, b) => Math.abs(b.deltaUsd) - Math.abs(a.deltaUsd));
}

/**
 * Horizon objectives count setup once: the other would tie with its setup lowered by the gap.
 * Null where setup does not enter the objective, or where even no setup would not be enough.
 */
function setupToWin(objective: Objective, other: CandidateResult, gap: number): number | null {
  if (objective !== 'tco' && objective !== 'npv') return null;
  const tie = other.setupUsd - gap;
  return tie >= 0 ? tie : null;
}

/**
 * For a self-hosted alternative: the utilization of its paid GPU time at which its run cost would
 * close the gap (the work done stays; the paid-for idle shrinks). At a steady volume. Null when
 * no utilization up to 100 % would do, or for hosted APIs.
 */
function utilizationToWin(
  ctx: EvalContext,
  objective: Objective,
  other: CandidateResult,
  gap: number,
): number | null {
  if (other.selfHost === null || other.kind === 'route') return null;
  if (objective !== 'tco' && objective !== 'monthly') return null;
  const used = other.breakdown.gpuUsd;
  const paid = used + other.breakdown.idleUsd;
  if (used <= 0 || paid <= 0) return null;
  const months = objective === 'monthly' ? 1 : servedMonths(ctx, other.kind);
  if (months <= 0) return null;
  const paidToTie = paid - gap / months;
  if (paidToTie < used) return null;
  return used / paidToTie;
}

const money = (usd: number) => formatUsd(usd);

function recommendationSentence(
  rec: CandidateResult,
  value: number,
  label: string,
  feasible: number,
  objective: Objective,
  horizonMonths: number,
  served: number,
): string {
  const best = objective === 'npv' ? 'highest' : 'lowest';
  const of = `of ${feasible.toLocaleString('en-US')} feasible candidate${feasible === 1 ? '' : 's'}`;
  // The sum only when it is the total (growth or a price change makes months differ), so a reader
  // can check it: over the horizon, or over the months served after a launch delay.
  const sums = (months: number) =>
    rec.monthlyUsd !== null && Math.abs(rec.setupUsd + rec.monthlyUsd * months - value) <= 0.01;
  const setup = rec.setupUsd > 0 ? `${money(rec.setupUsd)} setup` : 'no setup';
  const plus = rec.setupUsd > 0 ? `${setup} + ` : '';
  const monthly = rec.monthlyUsd === null ? '' : money(rec.monthlyUsd);
  const launch = `${formatNumber(rec.weeksToLaunch, Number.isInteger(rec.weeksToLaunch) ? 0 : 1)}-week launch`;
  const parts =
    objective !== 'tco' || rec.monthlyUsd === null
      ? ''
      : sums(horizonMonths)
        ? ` (${plus}${monthly} a month over ${horizonMonths} months)`
        : served < horizonMonths && sums(served)
          ? ` (${plus}${monthly} a month over the ${formatNumber(served, 1)} months served after a ${launch})`
          : ` (${setup}; run cost over ${horizonMonths} months, starting at ${monthly} a month)`;
  return `${rec.label} is recommended: the ${best} ${label} ${of}, ${money(value)}${parts}.`;
}

function alternativeSentence(a: Alternative, label: string, objective: Objective): string {
  const who =
    a.role === 'runner-up' ? `Runner-up ${a.label}` : `Best with ${PLACED_ON[a.kind]}: ${a.label}`;
  const worse = objective === 'npv' ? 'less' : 'more';
  const lines = [`${who}, ${money(a.objectiveValue)}: ${money(a.gap)} ${worse} (${label}).`];
  const main = a.components.slice(0, 2).map(componentPhrase);
  if (main.length > 0) lines.push(`Mostly ${main.join(' and ')}.`);
  const changes = changePhrases(a);
  if (changes.length > 0) lines.push(`It would win ${changes.join(', or ')}.`);
  return lines.join(' ');
}

/**
 * What would make an alternative the answer, each a phrase after "it would win": the volumes at
 * which it is better, the setup at which it ties, the GPU utilization at which it ties.
 */
export function changePhrases(a: Alternative): string[] {
  const setup = a.setupToWinUsd;
  const util = a.utilizationToWin;
  return [
    crossingPhrase(a.crossings, a.requestsPerMonth),
    setup !== null && setup < a.setupUsd
      ? `with setup below ${money(setup)} (now ${money(a.setupUsd)})`
      : null,
    util !== null && a.utilization !== null && util > a.utilization
      ? utilizationPhrase(util, a.utilization)
      : null,
  ].filter((x): x is string => x !== null);
}

/**
 * "at 10.4% GPU utilization (now 10.1%)": whole percents unless both would read the same, then
 * as many decimals (up to 2) as it takes to tell them apart — "at 10% (now 10%)" says nothing.
 */
function utilizationPhrase(toWin: number, now: number): string {
  let digits = 0;
  while (digits < 2 && formatPct(toWin, digits) === formatPct(now, digits)) digits++;
  return `at ${formatPct(toWin, digits)} GPU utilization (now ${formatPct(now, digits)})`;
}

/** Who an alternative is, as a table's first cell reads: "Runner-up", "Best with owned GPUs". */
export function roleLabel(role: Alternative['role']): string {
  if (role === 'runner-up') return 'Runner-up';
  const kind = role.slice('best-'.length) as CandidateKind;
  return `Best with ${PLACED_ON[kind]}`;
}

/** How a placement kind reads after "best with". */
export const PLACED_ON: Record<CandidateKind, string> = {
  api: 'a hosted API',
  cloud: 'rented GPUs',
  onprem: 'owned GPUs',
  route: 'a route between two models',
};

/** "Input tokens" → "input tokens", but "GPU time" stays. */
const inSentence = (label: string) =>
  /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;

/** How a component's amount is said: every month, in month 1 only, or once. */
export const BASIS_WORDS: Record<ComponentDelta['basis'], string> = {
  monthly: 'a month',
  firstMonth: 'in month 1',
  oneOff: 'once',
};

/** "GPU time +$107.51 a month", "setup +$110,000 once", "input tokens +$1,000 in month 1". */
export function componentPhrase(c: ComponentDelta): string {
  const sign = c.deltaUsd > 0 ? '+' : '−';
  const amount = `${sign}${money(Math.abs(c.deltaUsd))}`;
  return `${inSentence(c.label)} ${amount} ${BASIS_WORDS[c.basis]}`;
}

/** A break-even volume as the explanation writes it: three significant figures ("12,800,000"). */
export function volumeWords(requestsPerMonth: number): string {
  return formatNumber(Number(requestsPerMonth.toPrecision(3)));
}

/**
 * "between 22,700,000 and 29,100,000": three significant figures, or as many more as it takes for
 * the two ends to read apart — a narrow window read "between 1,300,000,000 and 1,300,000,000".
 */
function betweenWords(from: Crossing, to: Crossing): string {
  const at = (c: Crossing, digits: number) =>
    formatNumber(Number(c.requestsPerMonth.toPrecision(digits)));
  let digits = 3;
  while (digits < 15 && at(from, digits) === at(to, digits)) digits++;
  return `between ${at(from, digits)} and ${at(to, digits)}`;
}

/** Windows of volume named in a sentence; a self-hosted fleet's steps can make dozens. */
const MOST_WINDOWS = 4;

/**
 * "below 9,690,000 or between 22,700,000 and 29,100,000 requests a month": the volumes at which
 * the alternative is better. Past MOST_WINDOWS, the windows nearest today's volume are named and
 * the rest counted with their span, so a fleet's steps do not fill the sentence.
 */
export function crossingPhrase(
  crossings: readonly Crossing[],
  todayRequestsPerMonth: number,
): string | null {
  if (crossings.length === 0) return null;
  const windows: { lo: number; hi: number; words: string }[] = [];
  const first = crossings[0]!;
  if (first.cheaperAbove === 'a') {
    windows.push({
      lo: 0,
      hi: first.requestsPerMonth,
      words: `below ${volumeWords(first.requestsPerMonth)}`,
    });
  }
  for (let k = 0; k < crossings.length; k++) {
    const c = crossings[k]!;
    if (c.cheaperAbove !== 'b') continue;
    const end = crossings[k + 1];
    windows.push(
      end === undefined
        ? {
            lo: c.requestsPerMonth,
            hi: Infinity,
            words: `above ${volumeWords(c.requestsPerMonth)}`,
          }
        : { lo: c.requestsPerMonth, hi: end.requestsPerMonth, words: betweenWords(c, end) },
    );
  }
  if (windows.length === 0) return null;
  if (windows.length <= MOST_WINDOWS)
    return `${windows.map((w) => w.words).join(' or ')} requests a month`;
  // How far a window is from today, as a ratio of volumes (0 when today is inside it).
  const distance = (w: { lo: number; hi: number }) =>
    todayRequestsPerMonth < w.lo
      ? Math.log(w.lo / todayRequestsPerMonth)
      : todayRequestsPerMonth > w.hi
        ? Math.log(todayRequestsPerMonth / w.hi)
        : 0;
  const nearest = new Set(
    [...windows].sort((a, b) => distance(a) - distance(b)).slice(0, MOST_WINDOWS),
  );
  const named = windows.filter((w) => nearest.has(w));
  const rest = windows.filter((w) => !nearest.has(w));
  const lo = Math.min(...rest.map((w) => w.lo));
  const hi = Math.max(...rest.map((w) => w.hi));
  const span =
    lo === 0
      ? `below ${volumeWords(hi)}`
      : hi === Infinity
        ? `above ${volumeWords(lo)}`
        : `between ${volumeWords(lo)} and ${volumeWords(hi)}`;
  return `${named.map((w) => w.words).join(' or ')} requests a month (and in ${rest.length} more windows ${span})`;
}

function exclusionSentence(
  feasible: number,
  exclusions: readonly ExclusionCount[],
  unknownOnly: UnknownOnly,
): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const parts = [`${n(feasible)} feasible`, ...exclusions.map((e) => `${n(e.count)} ${e.label}`)];
  const unknown = [
    unknownOnly.quality > 0 ? `${n(unknownOnly.quality)} for no quality score` : null,
    unknownOnly.latency > 0 ? `${n(unknownOnly.latency)} for no latency figure` : null,
    unknownOnly.both > 0 ? `${n(unknownOnly.both)} for both` : null,
  ].filter((x): x is string => x !== null);
  const include =
    unknown.length > 0
      ? ` Out only for an unknown: ${unknown.join(', ')} — include them to compare.`
      : '';
  return `${parts.join('; ')}.${include}`;
}
