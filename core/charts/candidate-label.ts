import type { CatalogIndex } from '../sweep/catalog-index.ts';
import type { CandidateResult } from '../sweep/types.ts';

/**
 * A candidate's name in two parts: what tells it apart from its neighbours — the model, and for a
 * self-hosted one the GPU it runs on — first; where it runs (provider, instance, region, pricing)
 * on a second line. Long provider and instance names never push the model or the GPU out of view.
 */
export interface LabelParts {
  primary: string;
  secondary: string;
  /** Where it runs in few words (provider or cloud, region, pricing; no instance type). */
  place: string;
}

/** The GPU a self-hosted candidate runs on, by name, with the GPUs per replica when more than one. */
function gpuWords(c: CandidateResult, index: Pick<CatalogIndex, 'gpus' | 'instances'>): string {
  const p = c.placement;
  if (p.kind === 'api' || p.kind === 'route') return '';
  const gpuId =
    c.selfHost?.gpuId ?? (p.kind === 'onprem' ? p.gpuId : index.instances.get(p.instanceId)?.gpuId);
  if (gpuId === undefined) return '';
  const name = index.gpus.get(gpuId)?.name ?? gpuId;
  const tp = c.selfHost?.tp ?? p.tp ?? 1;
  return tp > 1 ? `${tp}× ${name}` : name;
}

export function candidateLabelParts(
  c: CandidateResult,
  index: Pick<CatalogIndex, 'gpus' | 'instances'>,
): LabelParts {
  // A route: "Small → Large", the mode and split under it.
  if (c.kind === 'route') {
    const split = /\(([^)]*)\)$/.exec(c.label)?.[1] ?? '';
    const mode = c.placement.kind === 'route' ? c.placement.mode : 'route';
    return { primary: c.modelName, secondary: `${mode}, ${split}`, place: mode };
  }
  if (c.kind === 'api') {
    // "Provider · Model (region)": the model first, the provider and region under it.
    const rest = c.label.replace(` · ${c.modelName}`, '');
    const secondary = rest === c.label ? '' : rest;
    return { primary: c.modelName, secondary, place: secondary };
  }
  const gpu = gpuWords(c, index);
  const primary = gpu === '' ? c.modelName : `${c.modelName} · ${gpu}`;
  if (c.kind === 'onprem') return { primary, secondary: 'owned', place: 'owned' };
  // "Model on instance (region, pricing)": the cloud, the instance, region and pricing under it.
  const at = c.label.indexOf(' on ');
  const where = at >= 0 ? c.label.slice(at + 4) : '';
  const cloud = c.provider.toUpperCase();
  const terms = /\(([^)]*)\)$/.exec(where)?.[1];
  return {
    primary,
    secondary: `${cloud} ${where}`.trim(),
    place: terms === undefined ? cloud : `${cloud} (${terms})`,
  };
}
