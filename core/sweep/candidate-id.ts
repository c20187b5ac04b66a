import type { Placement } from '../schema/placement.ts';

/**
 * The stable id of a candidate: the same placement always gets the same id, so a pick in the
 * table survives re-evaluation. Known before the candidate is evaluated.
 */
export function candidateId(p: Placement, defaultPrecision: string): string {
  if (p.kind === 'api') return `api:${p.offeringId}`;
  const precision = p.precision ?? defaultPrecision;
  const tp = p.tp ? `:tp${p.tp}` : '';
  return p.kind === 'cloud'
    ? `cloud:${p.instanceId}:${p.modelId}:${p.pricing}:${p.engine}:${precision}${tp}`
    : `onprem:${p.gpuId}:${p.modelId}:${p.engine}:${precision}${tp}`;
}
