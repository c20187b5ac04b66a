import type { Offering } from '../schema/catalog.ts';
import type { Workload } from '../schema/workload.ts';
import { prefixTokensCosted } from '../workload/derive.ts';

/** Whether the prompt cache can apply at all: a cache exists and the prefix reaches its minimum. */
export function promptCacheApplies(o: Offering, prefixTokens: number): boolean {
  return o.cache.style !== 'none' && prefixTokens > 0 && prefixTokens >= o.cache.minPrefixTokens;
}

/**
 * The hit rate the bill will see. A TTL cache only hits when the previous request with the same
 * prefix came within the TTL; with Poisson arrivals at λ per minute per prefix that happens with
 * probability 1 − e^(−λ·TTL), so at low volume the effective rate falls below the configured one.
 * Storage-billed caches (Gemini explicit caching) are kept alive on purpose and hit as configured.
 */
export function effectivePromptCacheHitRate(
  o: Offering,
  w: Pick<Workload, 'promptCache' | 'inputTokens'>,
  billedPerMinuteActive: number,
): number {
  if (!promptCacheApplies(o, prefixTokensCosted(w))) return 0;
  const configured = w.promptCache.hitRate;
  if (o.cache.style === 'storage') return configured;
  const perPrefixPerMinute = billedPerMinuteActive / w.promptCache.distinctPrefixes;
  const warmProbability = 1 - Math.exp(-perPrefixPerMinute * o.cache.ttlMinutes);
  return configured * warmProbability;
}
