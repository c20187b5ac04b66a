import type { Placement } from '../schema/placement.ts';
import type { EvalContext } from './context.ts';
import { evaluateApi } from './evaluate-api.ts';
import { evaluateCloud, evaluateOnprem } from './evaluate-selfhost.ts';
import { rankCandidates } from './rank.ts';
import type { CandidateResult } from './types.ts';

/** Evaluates one placement for the context's workload. */
export function evaluateCandidate(ctx: EvalContext, p: Placement): CandidateResult {
  switch (p.kind) {
    case 'api':
      return evaluateApi(ctx, p);
    case 'cloud':
      return evaluateCloud(ctx, p);
    case 'onprem':
      return evaluateOnprem(ctx, p);
  }
}

export interface SweepResult {
  candidates: CandidateResult[];
  recommended: CandidateResult | null;
  frontier: CandidateResult[];
  feasibleCount: number;
}

/** Evaluates every placement, applies the constraints, ranks, and marks the Pareto frontier. */
export function sweep(ctx: EvalContext, placements: readonly Placement[]): SweepResult {
  const seen = new Set<string>();
  const results: CandidateResult[] = [];
  for (const p of placements) {
    const r = evaluateCandidate(ctx, p);
    // The same placement listed twice (explicit and swept) is evaluated once.
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    results.push(r);
  }
  const ranked = rankCandidates(results);
  return {
    candidates: ranked,
    recommended: ranked.find((r) => r.recommended) ?? null,
    frontier: ranked.filter((r) => r.pareto),
    feasibleCount: ranked.filter((r) => r.feasible).length,
  };
}
