import { create } from 'zustand';
import { explain, type Explanation } from '../../../core/decision/explain.ts';
import type { ScenarioEvaluation } from '../../../core/scenario/evaluate.ts';
import { pairBreakEven, type BreakEvenChartData } from '../../../core/charts/break-even-data.ts';
import type { PairPicks } from '../../../core/charts/pair.ts';
import { useResults } from '../../stores/results-store.ts';
import { settledSync } from '../../stores/settled-sync.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

export interface DecisionState {
  /** The evaluation this was worked out for; behind the results while a change settles. */
  evaluation: Ok | null;
  explanation: Explanation | null;
  /** The cost-vs-volume chart of the pair compared. */
  breakEven: BreakEvenChartData | null;
  /** The menus' picks for the chart (null: the default pair). */
  picks: PairPicks;
  /** True while the results moved on and this has not caught up. */
  pending: boolean;
  pick: (side: 'a' | 'b', id: string | null) => void;
}

export const useDecision = create<DecisionState>()((set) => ({
  evaluation: null,
  explanation: null,
  breakEven: null,
  picks: { a: null, b: null },
  pending: true,
  pick: (side, id) => {
    set((s) => ({ picks: { ...s.picks, [side]: id }, pending: true }));
    sync.schedule(0);
  },
}));

/**
 * The explanation with its break-even volumes, and the chart's two curves: a few hundred
 * evaluations at other volumes. Worked out once the results stop moving (a slider drag re-ranks
 * at every step; this waits for the last one), so a what-if stays within its frame.
 */
export function decide(evaluation: Ok, picks: PairPicks) {
  const explanation = explain(evaluation, { breakEven: true });
  return { explanation, breakEven: pairBreakEven(evaluation, explanation, picks) };
}

/** How long the results must stay still before the break-even work starts, ms. */
const SETTLE_MS = 120;
const sync = settledSync(
  SETTLE_MS,
  () => useDecision.setState({ pending: true }),
  () => {
    const evaluation = useResults.getState().evaluation;
    if (!evaluation?.ok) {
      useDecision.setState({
        evaluation: null,
        explanation: null,
        breakEven: null,
        pending: false,
      });
      return;
    }
    const { explanation, breakEven } = decide(evaluation, useDecision.getState().picks);
    useDecision.setState({ evaluation, explanation, breakEven, pending: false });
  },
);

/** Keeps the explanation and the break-even chart in step with the results. */
export const startDecisionSync = sync.start;
