import { Scenario, type ScenarioInput } from '../../core/schema/scenario.ts';

const small = { kind: 'api', offeringId: 'test/small' } as const;
const large = { kind: 'api', offeringId: 'test/large' } as const;
/** A router costing $10 per million requests and 20 ms, as the route tests use. */
export const TEST_ROUTER = { usdPerRequest: 0.00001, latencyMs: 20 };

/**
 * A small and a large API model with hand-checkable prices: 1M requests a month of 1,000 input and
 * 100 output tokens, no cache. Small: 1,000 × $0.10 + 100 × $0.40 = 140 µ$ → $140 a month, first
 * token in 200 ms. Large: 1,000 × $2 + 100 × $8 = 2,800 µ$ → $2,800 a month, first token in 600 ms.
 * Setup $1,000 for an API, a 12-month horizon.
 */
export function routeScenario(over: Partial<ScenarioInput> = {}): Scenario {
  return Scenario.parse({
    schemaVersion: 1,
    name: 'route',
    workload: {
      requests: { count: 1_000_000, per: 'month' },
      inputTokens: { mean: 1000 },
      outputTokens: { mean: 100 },
    },
    value: {
      setupUsd: { api: 1_000, cloud: 0, onprem: 0 },
      weeksToLaunch: { api: 0, cloud: 0, onprem: 0 },
      horizonMonths: 12,
    },
    catalog: {
      offerings: [
        offering('test/small', 'llama-3.1-8b', 0.1, 0.4, 200),
        offering('test/large', 'gpt-4.1', 2, 8, 600),
      ],
    },
    candidates: [
      small,
      large,
      { kind: 'route', mode: 'cascade', small, large, escalationShare: 0.25, router: TEST_ROUTER },
      { kind: 'route', mode: 'router', small, large, smallShare: 0.75, router: TEST_ROUTER },
    ],
    ...over,
  });
}

function offering(id: string, modelId: string, input: number, output: number, ttftMs: number) {
  return {
    id,
    provider: 'test',
    modelId,
    residency: 'global',
    usdPerMTok: { input, output },
    publishedTtftMs: ttftMs,
    publishedOutputTokPerS: 100,
    source: 'test',
    asOf: '2026-11-01',
  };
}
