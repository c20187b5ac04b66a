import type { PerfParameters } from '../perf/efficiency.ts';
import type { ReplicaCapacity } from '../selfhost/capacity.ts';
import type { ValueAssumptions } from '../schema/value.ts';
import type { Workload } from '../schema/workload.ts';
import { workloadRates, type WorkloadRates } from '../workload/derive.ts';
import type { CatalogIndex } from './catalog-index.ts';

/** Everything one evaluation reads; built once per workload, shared by every candidate. */
export interface EvalContext {
  index: CatalogIndex;
  workload: Workload;
  rates: WorkloadRates;
  value: ValueAssumptions;
  maxMonthlyUsd: number | undefined;
  /**
   * Replica capacities by configuration and workload shape. Volume does not enter the key, so a
   * cache kept across what-if changes of volume makes re-evaluation cheap.
   */
  capacityCache: Map<string, ReplicaCapacity>;
  parameters: PerfParameters | undefined;
  /** ISO date: catalog rows read before it carry a staleness warning. */
  staleBefore: string | undefined;
}

export interface ContextOptions {
  maxMonthlyUsd?: number | undefined;
  capacityCache?: Map<string, ReplicaCapacity>;
  parameters?: PerfParameters;
  staleBefore?: string;
}

export function makeContext(
  index: CatalogIndex,
  workload: Workload,
  value: ValueAssumptions,
  options: ContextOptions = {},
): EvalContext {
  return {
    index,
    workload,
    rates: workloadRates(workload),
    value,
    maxMonthlyUsd: options.maxMonthlyUsd,
    capacityCache: options.capacityCache ?? new Map(),
    parameters: options.parameters,
    staleBefore: options.staleBefore,
  };
}
