import { explain, type Explanation } from '../../../core/decision/explain.ts';
import type { ScenarioEvaluation } from '../../../core/scenario/evaluate.ts';
import { pairBreakEven, type BreakEvenChartData } from '../../../core/charts/break-even-data.ts';
import type { PairPicks } from '../../../core/charts/pair.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/** The explanation with its break-even volumes, and the break-even chart of the pair picked. */
export interface Decision {
  explanation: Explanation;
  breakEven: BreakEvenChartData | null;
}

/**
 * The explanation with its break-even volumes, and the chart's two curves: a few hundred
 * evaluations at other volumes. Worked out once the results stop moving (a slider drag re-ranks
 * at every step; this waits for the last one), so a what-if stays within its frame.
 */
export function decide(evaluation: Ok, picks: PairPicks): Decision {
  const explanation = explain(evaluation, { breakEven: true });
  return { explanation, breakEven: pairBreakEven(evaluation, explanation, picks) };
}
