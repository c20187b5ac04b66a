import { objectiveTitle, type Objective } from '../decision/objective.ts';
import {
  formatChangePct,
  formatMs,
  formatNumber,
  formatSigned,
  formatUnitUsd,
  formatUsd,
} from '../format.ts';
import type { CandidateResult } from '../sweep/types.ts';
import type { ScenarioEvaluation } from './evaluate.ts';

/**
 * What a state of a scenario comes to: its recommendation and that pick's numbers. Small enough
 * to keep for every snapshot and every scenario compared side by side.
 */
export interface Outcome {
  /** Why the scenario could not be evaluated; null when it was. */
  error: string | null;
  objective: Objective;
  horizonMonths: number;
  requestsPerMonth: number | null;
  /** The recommendation; null when no candidate meets every constraint (or on an error). */
  winner: { id: string; label: string; kind: CandidateResult['kind'] } | null;
  monthlyUsd: number | null;
  tcoUsd: number | null;
  perRequestUsd: number | null;
  ttftMs: number | null;
  netMonthlyUsd: number | null;
  npvUsd: number | null;
  paybackMonth: number | null;
  feasibleCount: number;
  candidateCount: number;
}

/** The outcome of an evaluation: the recommendation and its numbers. */
export function outcomeOf(e: ScenarioEvaluation): Outcome {
  if (!e.ok) {
    return {
      error: e.error,
      objective: 'tco',
      horizonMonths: 0,
      requestsPerMonth: null,
      winner: null,
      monthlyUsd: null,
      tcoUsd: null,
      perRequestUsd: null,
      ttftMs: null,
      netMonthlyUsd: null,
      npvUsd: null,
      paybackMonth: null,
      feasibleCount: 0,
      candidateCount: 0,
    };
  }
  const { result, context } = e;
  const best = result.recommended >= 0 ? result.row(result.recommended) : null;
  return {
    error: null,
    objective: context.objective,
    horizonMonths: context.value.horizonMonths,
    requestsPerMonth: context.rates.requestsPerMonth,
    winner: best === null ? null : { id: best.id, label: best.label, kind: best.kind },
    monthlyUsd: best?.monthlyUsd ?? null,
    tcoUsd: best?.tcoUsd ?? null,
    perRequestUsd: best?.perRequestUsd ?? null,
    ttftMs: best?.ttftMs ?? null,
    netMonthlyUsd: best?.roi?.netMonthlyUsd ?? null,
    npvUsd: best?.roi?.npvUsd ?? null,
    paybackMonth: best?.roi?.paybackMonth ?? null,
    feasibleCount: result.feasibleCount,
    candidateCount: result.columns.size,
  };
}

/** A number an outcome is compared on: how it reads, and which way is better. */
export interface OutcomeMeasure {
  key:
    | 'requestsPerMonth'
    | 'tcoUsd'
    | 'monthlyUsd'
    | 'perRequestUsd'
    | 'ttftMs'
    | 'netMonthlyUsd'
    | 'npvUsd'
    | 'paybackMonth'
    | 'feasibleCount';
  label: (o: Outcome) => string;
  format: (v: number) => string;
  /** Which way is better; null where neither is (the volume itself). */
  better: 'lower' | 'higher' | null;
  /** Shown only when a value per request is set (ROI measures). */
  needsValue?: boolean;
}

/** The measures compared, in the order a person reads them: volume, then the pick's costs and speed. */
export const OUTCOME_MEASURES: readonly OutcomeMeasure[] = [
  { key: 'requestsPerMonth', label: () => 'Requests / month', format: formatNumber, better: null },
  {
    key: 'tcoUsd',
    label: (o) => objectiveTitle('tco', o.horizonMonths),
    format: formatUsd,
    better: 'lower',
  },
  { key: 'monthlyUsd', label: () => 'Monthly cost', format: formatUsd, better: 'lower' },
  { key: 'perRequestUsd', label: () => 'Cost per request', format: formatUnitUsd, better: 'lower' },
  { key: 'ttftMs', label: () => 'Time to first token', format: formatMs, better: 'lower' },
  {
    key: 'netMonthlyUsd',
    label: () => 'Net value / month',
    format: formatUsd,
    better: 'higher',
    needsValue: true,
  },
  {
    key: 'npvUsd',
    label: () => 'NPV over the horizon',
    format: formatUsd,
    better: 'higher',
    needsValue: true,
  },
  {
    key: 'paybackMonth',
    label: () => 'Payback month',
    format: (m) => String(m),
    better: 'lower',
    needsValue: true,
  },
  {
    key: 'feasibleCount',
    label: () => 'Feasible candidates',
    format: formatNumber,
    better: 'higher',
  },
];

/** One measure of two outcomes: both values, the change, and whether the change is for the better. */
export interface MeasureDelta {
  key: OutcomeMeasure['key'];
  label: string;
  before: string;
  after: string;
  /** The two values as numbers (null: none), for files and tests. */
  beforeValue: number | null;
  afterValue: number | null;
  /** "+$1,200 (+12%)"; '' when either side has no value or nothing changed. */
  change: string;
  direction: 'better' | 'worse' | 'same' | 'neutral' | 'unknown';
}

export interface OutcomeComparison {
  winnerBefore: Outcome['winner'];
  winnerAfter: Outcome['winner'];
  /** Whether the recommendation is a different candidate (none ↔ one counts as a change). */
  winnerChanged: boolean;
  measures: MeasureDelta[];
}

/**
 * Compares an outcome with a base (a snapshot with now, a scenario with the first one compared):
 * whether the recommendation changed, and each measure's change from the base. Measures of the
 * return on investment appear only when either side sets a value per request.
 */
export function compareOutcomes(base: Outcome, now: Outcome): OutcomeComparison {
  const withValue = base.netMonthlyUsd !== null || now.netMonthlyUsd !== null;
  const measures = OUTCOME_MEASURES.filter((m) => withValue || m.needsValue !== true).map(
    (m): MeasureDelta => {
      const a = base[m.key];
      const b = now[m.key];
      const label = m.label(now.error === null ? now : base);
      const shown = {
        key: m.key,
        label,
        before: a === null ? '—' : m.format(a),
        after: b === null ? '—' : m.format(b),
        beforeValue: a,
        afterValue: b,
      };
      if (a === null || b === null) return { ...shown, change: '', direction: 'unknown' };
      if (a === b) return { ...shown, change: '', direction: 'same' };
      const pct = formatChangePct(a, b);
      const change = `${formatSigned(b - a, m.format)}${pct === '' ? '' : ` (${pct})`}`;
      const direction =
        m.better === null ? 'neutral' : (m.better === 'lower') === b < a ? 'better' : 'worse';
      return { ...shown, change, direction };
    },
  );
  return {
    winnerBefore: base.winner,
    winnerAfter: now.winner,
    winnerChanged: (base.winner?.id ?? null) !== (now.winner?.id ?? null),
    measures,
  };
}
