import type { RoiMonth } from '../roi/roi.ts';
import type { CandidatePlacement } from '../schema/route.ts';
import type { EvalContext } from './context.ts';
import { evaluateCandidate } from './sweep.ts';
import type { CandidateResult } from './types.ts';

/** A candidate month by month over the horizon, as the engine's ROI series has it. */
export interface CandidateProjection {
  row: CandidateResult;
  /** Months 1…horizon: each month's run cost, hardware and stranded term, and running totals. */
  months: RoiMonth[];
}

/**
 * Evaluates a candidate with its month-by-month series (growth, launch weeks, price changes and
 * hardware purchases included). The series is the engine's even when the scenario sets no value
 * per request (the row's `roi` stays null then). Null for a candidate that cannot be costed, and
 * for a route: its arms are costed at their shares of today's volume, with no month-by-month series.
 */
export function projectMonths(
  ctx: EvalContext,
  placement: CandidatePlacement,
): CandidateProjection | null {
  let months: RoiMonth[] | null = null;
  const row = evaluateCandidate(ctx, placement, {
    withSeries: true,
    roiOut: (roi) => (months = roi.cumulative),
  });
  return months === null || row.monthlyUsd === null ? null : { row, months };
}
