import { portfolioOfOne } from '../../../core/portfolio/derive.ts';
import { Scenario, type ScenarioFile } from '../../../core/schema/scenario.ts';

/**
 * A new scenario: the solution architect's example from the design (50k requests a day, a
 * 1,200-token shared system prompt, TTFT under 800 ms), every catalog candidate swept. Honest
 * defaults: no value per request (no ROI until the user says what a request is worth), no
 * response cache, no batch share, every request a success; the setup and launch defaults are
 * shown where they are used (the Value panel).
 */
export function defaultScenario(name = 'New scenario'): Scenario {
  return Scenario.parse({
    schemaVersion: 2,
    name,
    workload: {
      requests: { count: 50_000, per: 'day' },
      peakToAverage: 3,
      schedule: { hoursPerDay: 24, daysPerWeek: 7 },
      inputTokens: { mean: 1800, p95: 4000 },
      outputTokens: { mean: 350, p95: 900 },
      promptCache: { prefixTokens: 1200, hitRate: 0.6, distinctPrefixes: 1 },
      responseCacheHitRate: 0,
      batchShare: 0,
      precision: 'fp8',
      slo: { ttftMs: 800 },
      // Llama 3.3 70B's level on LMArena: a floor that keeps toy models out of the answer.
      minQuality: { benchmark: 'lmarena-text', score: 1270 },
    },
    value: {
      successRate: 1,
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

/** A new scenario file: the default scenario as its one workload. */
export function defaultScenarioFile(name = 'New scenario'): ScenarioFile {
  return portfolioOfOne(defaultScenario(name));
}
