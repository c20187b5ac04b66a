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

import { Gpu, Model, type OpenModel } from '../../core/schema/catalog.ts';

/** An 80 GB HBM GPU with round numbers: 2 TB/s, 100 TFLOPS BF16, 200 FP8, NVLink 400 GB/s, 10 µs. */
export function testGpu(overrides: Partial<Gpu> = {}): Gpu {
  return Gpu.parse({
    id: 'test-gpu',
    name: 'Test GPU',
    vendor: 'nvidia',
    family: 'hopper',
    memoryGB: 80,
    memoryBandwidthTBps: 2,
    tflops: { bf16: 100, fp8: 200 },
    tdpW: 500,
    interconnect: { kind: 'nvlink', busGBps: 400, latencyUs: 10 },
    purchaseUsd: 20_000,
    source: 'test fixture',
    asOf: '2026-01-01',
    ...overrides,
  });
}

/** A dense 7B model: 32 layers, hidden 4096, 32 heads, 8 KV heads of 128, vocab 32,000. */
export function testModel(overrides: Partial<OpenModel['arch']> = {}, id = 'test-7b'): OpenModel {
  return Model.parse({
    id,
    name: 'Test 7B',
    developer: 'test',
    family: 'test',
    openWeights: true,
    contextTokens: 32768,
    arch: {
      paramsTotalB: 7,
      paramsActiveB: 7,
      layers: 32,
      hiddenSize: 4096,
      intermediateSize: 11008,
      attentionHeads: 32,
      kvHeads: 8,
      headDim: 128,
      vocabSize: 32000,
      ...overrides,
    },
    source: 'test fixture',
    asOf: '2026-01-01',
  }) as OpenModel;
}

import type { ReplicaCapacity } from '../../core/selfhost/capacity.ts';
import { deploymentTerms, type DeploymentTerms } from '../../core/selfhost/deployment.ts';
import type { FleetInput } from '../../core/selfhost/fleet.ts';
import { Operations } from '../../core/schema/operations.ts';
import { CloudPlacement } from '../../core/schema/placement.ts';

/** A replica's capacity given outright (not from the performance model), for cost arithmetic. */
export function okCapacity(
  tp: number,
  rpsAtSlo: number,
  rpsSaturated = rpsAtSlo * 2,
): Extract<ReplicaCapacity, { ok: true }> {
  return {
    ok: true,
    tp,
    precision: 'fp8',
    kvPrecision: 'fp8',
    maxConcurrency: 64,
    sloConcurrency: 32,
    requestsPerSAtSlo: rpsAtSlo,
    requestsPerSSaturated: rpsSaturated,
    ttftMs: 200,
    tpotMs: 20,
    e2eMs: 4000,
    p95: null,
    weightsGBPerGpu: 10,
  };
}

/** A fleet of single-replica units, 10 req/s each at the SLO, no reserve, instant start, fixed. */
export function fleetInput(over: Partial<FleetInput> = {}): FleetInput {
  return {
    replicaRequestsPerSAtSlo: 10,
    replicaRequestsPerSSaturated: 20,
    replicasPerUnit: 1,
    targetUtilization: 0.8,
    minReplicas: 1,
    reserveReplicas: 0,
    reserveHeadroom: 0,
    loadHours: 0,
    scaling: 'fixed',
    ...over,
  };
}

/**
 * Deployment terms with the running costs and availability switched off (tests that look at the
 * GPUs alone), overridable.
 */
export function bareTerms(over: Partial<DeploymentTerms> = {}): DeploymentTerms {
  const defaults = deploymentTerms(
    Operations.parse({}),
    false,
    CloudPlacement.parse({ kind: 'cloud', instanceId: 'x', modelId: 'm' }),
    workload(),
    0,
  );
  return {
    ...defaults,
    loadSeconds: 0,
    staffUsdPerMonth: 0,
    staffUsdPerGpuMonth: 0,
    storageUsdPerMonth: 0,
    egressGBPerRequest: 0,
    monitoringUsdPerHostMonth: 0,
    ...over,
  };
}
