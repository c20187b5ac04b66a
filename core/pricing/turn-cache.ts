import type { TaskTurn } from '../workload/task.ts';

/** Expected prompt tokens of one turn read from the prompt cache, and written to it. */
export interface TurnCache {
  readTokens: number;
  writtenTokens: number;
}

/** What decides how a task's turns use a provider's prompt cache. */
export interface TurnCacheTerms {
  /** The provider caches prompts at all (in this service tier). */
  cacheOn: boolean;
  /** The next turn comes within the cache's TTL. */
  warmBetweenTurns: boolean;
  /** Share of the carried context read from the cache. */
  cachedShare: number;
  /** The shortest prefix the provider caches. */
  minPrefixTokens: number;
  /** The system prompt shared across tasks (0 when it is below the provider's minimum). */
  systemPrefixTokens: number;
  /** Expected share of turns whose system prompt is still cached from other calls. */
  systemHitRate: number;
}

/**
 * Per turn, the expected tokens read from and written to the prompt cache. A turn reads what the
 * cache holds of its prompt: the carried context (the previous turn's whole prompt) × the cached
 * share, when the turns come within the TTL and it reaches the minimum prefix; else only the
 * system prompt, as often as other calls keep it warm. A turn writes what the next turn will read
 * beyond what it read itself (the task's last turn, what the next task reads: the system prompt).
 * For one turn this is the single-request rule: a hit reads the prefix, a miss writes it.
 */
export function turnCachePlan(turns: readonly TaskTurn[], t: TurnCacheTerms): TurnCache[] {
  if (!t.cacheOn) return turns.map(() => ({ readTokens: 0, writtenTokens: 0 }));
  const fromOtherCalls = t.systemHitRate * t.systemPrefixTokens;
  const reads = turns.map((turn) => {
    const carried = turn.carriedTokens * t.cachedShare;
    const warm = t.warmBetweenTurns && carried > 0 && carried >= t.minPrefixTokens;
    return Math.min(turn.inputTokens, warm ? Math.max(carried, fromOtherCalls) : fromOtherCalls);
  });
  return turns.map((turn, k) => {
    const read = reads[k]!;
    const next = k + 1 < turns.length ? reads[k + 1]! : t.systemPrefixTokens;
    const written = Math.min(Math.max(0, next - read), turn.inputTokens - read);
    return { readTokens: read, writtenTokens: written };
  });
}
