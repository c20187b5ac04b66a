import type { Placement } from '../schema/placement.ts';

/**
 * The stable id of a candidate: the same placement always gets the same id, so a pick in the
 * table survives re-evaluation. Known before the candidate is evaluated.
 */
export function candidateId(p: Placement, defaultPrecision: string): string {
  // A candidate's own reasoning effort (effort levels compared side by side) ends its id.
  const effort = p.effort === undefined ? '' : `@${p.effort}`;
  if (p.kind === 'api') {
    const pt = p.provisioned;
    if (pt === undefined) return `api:${p.offeringId}${effort}`;
    return `api:${p.offeringId}:provisioned:${pt.term}${pt.units === undefined ? '' : `:${pt.units}u`}${effort}`;
  }
  const precision = p.precision ?? defaultPrecision;
  const tp = p.tp ? `:tp${p.tp}` : '';
  if (p.kind === 'cloud') {
    // A committed base's own choices (what bursts, a fixed count) make another candidate.
    const burst = p.burst === 'spot' ? ':burst-spot' : '';
    const units = p.committedUnits === undefined ? '' : `:${p.committedUnits}u`;
    return `cloud:${p.instanceId}:${p.modelId}:${p.pricing}${burst}${units}:${p.engine}:${precision}${tp}${effort}`;
  }
  return `onprem:${p.gpuId}:${p.modelId}:${p.engine}:${precision}${tp}${effort}`;
}
