import { ScenarioFile, type ScenarioFileInput } from '../../core/schema/scenario.ts';
import type { PortfolioWorkloadInput } from '../../core/schema/portfolio.ts';

/** A hosted API at $0.60 / $3 per MTok (1,000 in + 100 out: $0.0009 a request). */
const API = { kind: 'api', offeringId: 'test/api' } as const;

/**
 * Llama 3.1 8B on one L4 at $1 an hour, a fixed fleet of one replica at least: a fixed fleet is
 * paid every hour, so two of them with hours that do not overlap pay for a replica that idles.
 */
export const FIXED_L4 = {
  kind: 'cloud',
  instanceId: 'test/one-l4',
  modelId: 'llama-3.1-8b',
  scaling: 'fixed',
  minReplicas: 1,
} as const;

/** The instance FIXED_L4 rents: one L4 at $1 an hour on demand. */
export const ONE_L4 = {
  id: 'test/one-l4',
  cloud: 'test',
  instanceType: 'one-l4',
  gpuId: 'l4',
  gpuCount: 1,
  regionId: 'aws:eu-west-1',
  usdPerHour: { onDemand: 1 },
  source: 'test',
  asOf: '2026-11-01',
};

/** A workload of `perDay` requests of 1,000 prompt and 100 output tokens, every day from `startHour`. */
export function dailyWorkload(
  id: string,
  owner: string,
  startHour: number,
  hoursPerDay: number,
  perDay: number,
  over: Partial<PortfolioWorkloadInput['workload']> = {},
): PortfolioWorkloadInput {
  return {
    id,
    name: id,
    owner,
    workload: {
      requests: { count: perDay, per: 'day' },
      schedule: { hoursPerDay, daysPerWeek: 7, startHour },
      inputTokens: { mean: 1000 },
      outputTokens: { mean: 100 },
      ...over,
    },
  };
}

/**
 * A portfolio on the test API and the test L4, with no running costs beyond the GPU-hours (staff,
 * storage, egress, monitoring at 0), so a fleet's cost is its instance-hours.
 */
export function portfolioFile(
  workloads: PortfolioWorkloadInput[],
  over: Partial<ScenarioFileInput> = {},
): ScenarioFile {
  return ScenarioFile.parse({
    schemaVersion: 2,
    name: 'portfolio test',
    workloads,
    value: { horizonMonths: 12 },
    operations: {
      staff: { fte: { cloud: 0, onprem: 0 }, ftePerOwnedGpu: 0 },
      storageUsdPerGBMonth: 0,
      egressUsdPerGB: 0,
      monitoringUsdPerHostMonth: 0,
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
    candidates: [FIXED_L4],
    ...over,
  });
}

export const API_CANDIDATE = API;

/** The sheets of examples/portfolio.json's workbook, in order: one per table of its report. */
export const EXAMPLE_PORTFOLIO_SHEETS = [
  'Summary',
  'Workloads',
  'Shared pools',
  'pool-1 sharing',
  'Budgets',
  'Showback',
  'Spend by team',
  'Spend by workload',
  'Assumptions',
  'Sources',
];
