/**
 * One L4 (GCP g2-standard-4) held for a year beside the same on demand, each a fixed fleet of one
 * serving Gemma 3 12B: a commitment whose month at half the volume is its month at the full one.
 */
export function fixedCommittedFleet(name: string, objective: string) {
  return {
    schemaVersion: 1,
    name,
    objective,
    workload: {
      requests: { count: 20_000, per: 'day' },
      peakToAverage: 2,
      inputTokens: { mean: 1000 },
      outputTokens: { mean: 200 },
      precision: 'fp8',
    },
    value: { horizonMonths: 36 },
    candidates: ['onDemand', 'commit1y'].map((pricing) => ({
      kind: 'cloud',
      instanceId: 'gcp:g2-standard-4:europe-west4',
      modelId: 'gemma-3-12b',
      pricing,
      scaling: 'fixed',
      minReplicas: 1,
      reserveReplicas: 0,
      staffFte: 0,
      egressUsdPerGB: 0,
    })),
  };
}
