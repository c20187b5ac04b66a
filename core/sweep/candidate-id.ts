import type { Placement } from '../schema/placement.ts';

/**
 * The stable id of a candidate: the same placement always gets the same id, so a pick in the
 * table survives re-evaluation. Known before the candidate is evaluated.
 */
export function candidateId(p: Placement, defaultPrecision: string): string {
  // A candidate's own reasoning effort (effort levels compared side by side) ends its id.
  const effort = p.effort === undefined ? '' : `@${p.effort}`;
  if (p.kind === 'api') return `api:${p.offeringId}${effort}`;
  const precision = p.precision ?? defaultPrecision;
  const tp = p.tp ? `:tp${p.tp}` : '';
  return p.kind === 'cloud'
    ? `cloud:${p.instanceId}:${p.modelId}:${p.pricing}:${p.engine}:${precision}${tp}${effort}`
    : `onprem:${p.gpuId}:${p.modelId}:${p.engine}:${precision}${tp}${effort}`;
}
