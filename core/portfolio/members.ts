import { isCommitted } from '../selfhost/cloud-cost.ts';
import type { CloudPlacement } from '../schema/placement.ts';
import type { EvalContext } from '../sweep/context.ts';
import { assessCloud } from '../sweep/evaluate-cloud.ts';
import type { PoolMemberLoad, PoolUnit } from './pools.ts';

/** A rented candidate's load as a pool member, and the instance it runs on as the pool's unit. */
export type MemberAssessment =
  { ok: true; load: PoolMemberLoad; unit: PoolUnit } | { ok: false; reason: string };

/**
 * What a workload asks of a pool on a rented candidate: the replicas its peak needs at the
 * candidate's SLO concurrency (the context's SLO), its reserve and floor, and the GPU-seconds its
 * requests take (interactive at the SLO rate, batch at the saturated rate, as the fleet sizer
 * counts them).
 */
export function memberAssessment(
  id: string,
  ctx: EvalContext,
  p: CloudPlacement,
): MemberAssessment {
  const a = assessCloud(ctx, p);
  if (!a.ok) return { ok: false, reason: a.reason };
  const w = ctx.workload;
  const { capacity, terms } = a;
  const interactive = 1 - w.batchShare;
  const peakRps = ctx.rates.peakBilledPerSecond * interactive;
  const batchRps = ctx.rates.avgBilledPerSecond * w.batchShare;
  const replicasActive =
    (peakRps / (capacity.requestsPerSAtSlo * p.targetUtilization) +
      batchRps / capacity.requestsPerSSaturated) *
    (1 + terms.reserveHeadroom);
  const billed = ctx.rates.billedRequestsPerMonth;
  const replicaSeconds =
    (billed * interactive) / capacity.requestsPerSAtSlo +
    (billed * w.batchShare) / capacity.requestsPerSSaturated;
  return {
    ok: true,
    load: {
      id,
      schedule: w.schedule,
      replicasActive,
      reserveReplicas: peakRps > 0 ? terms.reserveReplicas : 0,
      floorReplicas: p.minReplicas,
      usedGpuSeconds: replicaSeconds * capacity.tp,
    },
    unit: {
      replicasPerUnit: a.sized.replicasPerInstance,
      gpusPerUnit: a.instance.gpuCount,
      usdPerHour: a.cost.usdPerHour,
      fixed: isCommitted(p.pricing) || p.scaling === 'fixed',
    },
  };
}
