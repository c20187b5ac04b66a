/** DESIGN.md's worked example as a scenario file with its offering defined inline. */
export function workedExampleScenario(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: 'Worked example',
    workload: {
      requests: { count: 1_500_000, per: 'month' },
      inputTokens: { mean: 1800 },
      outputTokens: { mean: 350 },
      promptCache: { prefixTokens: 1200, hitRate: 0.6 },
      responseCacheHitRate: 0.1,
      batchShare: 0.2,
    },
    catalog: {
      offerings: [
        {
          id: 'negotiated/sonnet',
          provider: 'anthropic',
          modelId: 'claude-negotiated',
          residency: 'global',
          usdPerMTok: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
          batch: { input: 1.5, output: 7.5 },
          cache: { style: 'explicit', minPrefixTokens: 1024, ttlMinutes: 5 },
          source: 'negotiated contract',
          asOf: '2026-11-01',
        },
      ],
    },
    candidates: [{ kind: 'api', offeringId: 'negotiated/sonnet' }],
  };
}
