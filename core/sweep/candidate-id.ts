import type { Placement } from '../schema/placement.ts';

/**
 * The stable id of a candidate: the same placement always gets the same id, so a pick in the
 * table survives re-evaluation. Known before the candidate is evaluated.
 */
export function candidateId(p: Placement, defaultPrecision: string): string {
  if (p.kind === 'api') {
    const pt = p.provisioned;
    if (pt === undefined) return `api:${p.offeringId}`;
    return `api:${p.offeringId}:provisioned:${pt.term}${pt.units === undefined ? '' : `:${pt.units}u`}`;
  }
  const precision = p.precision ?? defaultPrecision;
  const tp = p.tp ? `:tp${p.tp}` : '';
  if (p.kind === 'cloud') {
    // A committed base's own choices (what bursts, a fixed count) make another candidate.
    const burst = p.burst === 'spot' ? ':burst-spot' : '';
    const units = p.committedUnits === undefined ? '' : `:${p.committedUnits}u`;
    return `cloud:${p.instanceId}:${p.modelId}:${p.pricing}${burst}${units}:${p.engine}:${precision}${tp}`;
  }
  return `onprem:${p.gpuId}:${p.modelId}:${p.engine}:${precision}${tp}`;
}
