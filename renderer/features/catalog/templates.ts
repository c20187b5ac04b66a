import type { CatalogTable } from '../../../core/contract/shapes.ts';

/** A starting row for "Add row" in each table: the required fields, to be filled in. */
export function templateRow(table: CatalogTable, today: string): Record<string, unknown> {
  const provenance = { source: 'entered by hand', asOf: today };
  switch (table) {
    case 'providers':
      return {
        id: 'my-provider',
        name: 'My provider',
        kind: 'api',
        stackingRule: '',
        url: '',
        ...provenance,
      };
    case 'models':
      return {
        id: 'my-model',
        name: 'My model',
        developer: 'Me',
        family: 'custom',
        openWeights: false,
        contextTokens: 128000,
        licence: '',
        ...provenance,
      };
    case 'offerings':
      return {
        id: 'custom/my-offering',
        provider: 'openai',
        modelId: 'gpt-4o',
        residency: 'global',
        usdPerMTok: { input: 1, output: 4 },
        cache: { style: 'none', minPrefixTokens: 0, ttlMinutes: 5, appliesToBatch: true },
        longContext: [],
        regionalUplift: 1,
        ...provenance,
      };
    case 'gpus':
      return {
        id: 'my-gpu',
        name: 'My GPU',
        vendor: 'nvidia',
        family: 'hopper',
        memoryGB: 80,
        memoryKind: 'hbm',
        memoryBandwidthTBps: 3,
        tflops: { bf16: 900 },
        tdpW: 700,
        interconnect: { kind: 'nvlink', busGBps: 400, latencyUs: 8 },
        ...provenance,
      };
    case 'instances':
      return {
        id: 'aws:my-instance:us-east-1',
        cloud: 'aws',
        instanceType: 'my-instance',
        gpuId: 'h100-sxm',
        gpuCount: 8,
        regionId: 'aws:us-east-1',
        usdPerHour: { onDemand: 40 },
        ...provenance,
      };
    case 'regions':
      return {
        id: 'aws:my-region',
        cloud: 'aws',
        code: 'my-region',
        name: 'My region',
        country: 'US',
        latitude: 40,
        longitude: -75,
        residency: 'us',
        ...provenance,
      };
    case 'quality':
      return { modelId: 'gpt-4o', benchmark: 'lmarena-text', score: 1300, ...provenance };
    case 'latency':
      // The user's own figure: a load test's medians, and the sizes it ran at.
      return {
        offeringId: 'openai/gpt-4o',
        kind: 'measured',
        ttftMs: 500,
        outputTokPerS: 80,
        inputTokens: 1000,
        outputTokens: 300,
        source: 'our load test',
        asOf: today,
      };
  }
}
