import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { CandidateKind, CandidatePlacement } from '../schema/route.ts';
import { evaluateCandidate } from '../sweep/sweep.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

export interface PaybackLines {
  months: number[];
  lines: {
    id: string;
    label: string;
    kind: CandidateKind;
    net: number[];
    paybackMonth: number | null;
  }[];
}

/**
 * Cumulative value minus cumulative cost (setup included) month by month for the chosen
 * candidates: where a line crosses zero, that candidate has paid back.
 */
export function paybackLines(evaluation: Ok, indices: readonly number[]): PaybackLines {
  const horizon = evaluation.context.value.horizonMonths;
  const months = Array.from({ length: horizon + 1 }, (_, m) => m);
  const lines = indices.flatMap((i) => {
    const placement = evaluation.result.columns.placements[i] as CandidatePlacement;
    const row = evaluateCandidate(evaluation.context, placement, { withSeries: true });
    const series = row.roi?.cumulative;
    if (!series) return [];
    return [
      {
        id: row.id,
        label: row.label,
        kind: row.kind,
        net: [-row.setupUsd, ...series.map((p) => p.valueUsd - p.costUsd)],
        paybackMonth: row.roi?.paybackMonth ?? null,
      },
    ];
  });
  return { months, lines };
}
