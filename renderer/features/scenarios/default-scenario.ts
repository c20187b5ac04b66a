import { Scenario } from '../../../core/schema/scenario.ts';

/**
 * A new scenario: the solution architect's example from the design (50k requests a day, a
 * 1,200-token shared system prompt, TTFT under 800 ms), every catalog candidate swept.
 */
export function defaultScenario(name = 'New scenario'): Scenario {
  return Scenario.parse({
    schemaVersion: 1,
    name,
    workload: {
      requests: { count: 50_000, per: 'day' },
      peakToAverage: 3,
      schedule: { hoursPerDay: 24, daysPerWeek: 7 },
      inputTokens: { mean: 1800, p95: 4000 },
      outputTokens: { mean: 350, p95: 900 },
      promptCache: { prefixTokens: 1200, hitRate: 0.6, distinctPrefixes: 1 },
      responseCacheHitRate: 0.1,
      batchShare: 0.2,
      precision: 'fp8',
      slo: { ttftMs: 800 },
      // Llama 3.3 70B's level on LMArena: a floor that keeps toy models out of the answer.
      minQuality: { benchmark: 'lmarena-text', score: 1270 },
    },
    value: {
      perRequest: { kind: 'timeSaved', minutesSavedPerRequest: 2, loadedUsdPerHour: 60 },
      successRate: 0.9,
      setupUsd: { api: 5_000, cloud: 40_000, onprem: 150_000 },
      weeksToLaunch: { api: 2, cloud: 6, onprem: 16 },
      horizonMonths: 36,
      discountRateAnnual: 0.1,
    },
    sweep: {
      api: {},
      cloud: {
        pricing: ['onDemand'],
        engine: 'vllm',
        scaling: 'autoscale',
        minReplicas: 1,
        regionChoice: 'cheapest',
      },
      onprem: { engine: 'vllm' },
    },
  });
}
