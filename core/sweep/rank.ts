import type { CandidateResult } from './types.ts';

/**
 * Orders candidates: feasible ones by monthly cost (ties: lower latency, then id), then the
 * infeasible ones. Marks ranks, the recommendation (cheapest feasible) and the Pareto frontier.
 */
export function rankCandidates(results: CandidateResult[]): CandidateResult[] {
  const sorted = [...results].sort(compareCandidates);
  let rank = 0;
  for (const r of sorted) {
    r.rank = r.feasible ? ++rank : null;
    r.recommended = r.feasible && rank === 1 && r.rank === 1;
    r.pareto = false;
  }
  for (const r of paretoFrontier(sorted.filter((r) => r.feasible))) r.pareto = true;
  return sorted;
}

export function compareCandidates(a: CandidateResult, b: CandidateResult): number {
  if (a.feasible !== b.feasible) return a.feasible ? -1 : 1;
  const ca = a.monthlyUsd ?? Number.POSITIVE_INFINITY;
  const cb = b.monthlyUsd ?? Number.POSITIVE_INFINITY;
  if (ca !== cb) return ca - cb;
  const la = a.e2eMs ?? Number.POSITIVE_INFINITY;
  const lb = b.e2eMs ?? Number.POSITIVE_INFINITY;
  if (la !== lb) return la - lb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Candidates no other candidate beats on all of cost, end-to-end latency and quality (lower, lower,
 * higher; unknown latency or quality counts as worst). Sorted by cost, each point only has to be
 * checked against the frontier kept so far.
 */
export function paretoFrontier(candidates: readonly CandidateResult[]): CandidateResult[] {
  const points = candidates
    .filter((c) => c.monthlyUsd !== null)
    .map((c) => ({
      c,
      cost: c.monthlyUsd as number,
      latency: c.e2eMs ?? Number.POSITIVE_INFINITY,
      quality: c.quality ?? Number.NEGATIVE_INFINITY,
    }))
    .sort((a, b) => a.cost - b.cost || a.latency - b.latency || b.quality - a.quality);
  const frontier: typeof points = [];
  for (const p of points) {
    const dominated = frontier.some(
      (f) =>
        f.cost <= p.cost &&
        f.latency <= p.latency &&
        f.quality >= p.quality &&
        (f.cost < p.cost || f.latency < p.latency || f.quality > p.quality),
    );
    const duplicate = frontier.some(
      (f) => f.cost === p.cost && f.latency === p.latency && f.quality === p.quality,
    );
    if (!dominated && !duplicate) frontier.push(p);
  }
  return frontier.map((f) => f.c);
}
