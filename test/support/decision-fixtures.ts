import { Scenario, type ScenarioInput } from '../../core/schema/scenario.ts';
import { ONE_L4 } from './portfolio-fixtures.ts';

/**
 * Two candidates with hand-checkable costs. The API: 1M requests a month × (1,000 input tokens ×
 * $0.60/MTok + 100 output × $3/MTok) = 1M × $0.0009 = $900 a month, setup $5,000. The rented GPU:
 * one instance at $1/hour, a fixed fleet of one replica (Llama 3.1 8B on an L4 serves 0.38
 * requests/s with room to spare): 730 h × $1 = $730 a month, setup $40,000. The GPU's running
 * costs and reserve (staff, storage, egress, monitoring, N+1) are set to nothing here, so the
 * numbers stay the GPU-hours alone: these tests are about ranking, not what self-hosting costs.
 */
export function twoChoices(over: Partial<ScenarioInput> = {}): Scenario {
  return Scenario.parse({
    schemaVersion: 1,
    name: 'setup vs monthly',
    workload: {
      requests: { count: 1_000_000, per: 'month' },
      inputTokens: { mean: 1000 },
      outputTokens: { mean: 100 },
    },
    value: {
      setupUsd: { api: 5_000, cloud: 40_000, onprem: 150_000 },
      weeksToLaunch: { api: 0, cloud: 0, onprem: 0 },
      horizonMonths: 36,
    },
    operations: {
      staff: { fte: { cloud: 0, onprem: 0 }, ftePerOwnedGpu: 0 },
      storageUsdPerGBMonth: 0,
      egressUsdPerGB: 0,
      monitoringUsdPerHostMonth: 0,
      availability: { reserveReplicas: 0 },
    },
    catalog: {
      offerings: [
        {
          id: 'test/api',
          provider: 'test',
          modelId: 'llama-3.1-8b',
          residency: 'global',
          usdPerMTok: { input: 0.6, output: 3 },
          source: 'test',
          asOf: '2026-11-01',
        },
      ],
      instances: [ONE_L4],
    },
    candidates: [
      { kind: 'api', offeringId: 'test/api' },
      {
        kind: 'cloud',
        instanceId: 'test/one-l4',
        modelId: 'llama-3.1-8b',
        scaling: 'fixed',
        minReplicas: 1,
      },
    ],
    ...over,
  });
}
