import { Offering, type OfferingInput } from '../../core/schema/catalog.ts';
import { Workload, type WorkloadInput } from '../../core/schema/workload.ts';

/** An offering with DESIGN.md's worked-example prices, overridable per test. */
export function offering(overrides: Partial<OfferingInput> = {}): Offering {
  return Offering.parse({
    id: 'test/model',
    provider: 'test',
    modelId: 'test-model',
    residency: 'global',
    usdPerMTok: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
    batch: { input: 1.5, output: 7.5 },
    cache: { style: 'explicit', minPrefixTokens: 1024, ttlMinutes: 5 },
    source: 'test fixture',
    asOf: '2026-01-01',
    ...overrides,
  });
}

/** DESIGN.md's worked-example workload, overridable per test. */
export function workload(overrides: Partial<WorkloadInput> = {}): Workload {
  return Workload.parse({
    requests: { count: 1_500_000, per: 'month' },
    inputTokens: { mean: 1800 },
    outputTokens: { mean: 350 },
    promptCache: { prefixTokens: 1200, hitRate: 0.6 },
    responseCacheHitRate: 0.1,
    batchShare: 0.2,
    ...overrides,
  });
}
