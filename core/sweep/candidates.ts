import type { CandidateSweep, Scenario } from '../schema/scenario.ts';
import { OnpremPlacement, type Placement } from '../schema/placement.ts';
import type { CatalogIndex } from './catalog-index.ts';

const matches = (filter: readonly string[], value: string | undefined) =>
  filter.length === 0 || (value !== undefined && filter.includes(value));

/**
 * Expands a sweep's filters into placements: every offering whose provider, model and family pass;
 * every open model × instance (cloud, GPU) × pricing model; every open model × GPU owned.
 */
export function sweepPlacements(
  index: CatalogIndex,
  sweep: CandidateSweep | undefined,
): Placement[] {
  if (sweep === undefined) return [];
  const out: Placement[] = [];
  const family = (modelId: string) => index.models.get(modelId)?.family;
  if (sweep.api) {
    const f = sweep.api;
    for (const o of index.offeringList) {
      if (
        matches(f.providers, o.provider) &&
        matches(f.models, o.modelId) &&
        matches(f.families, family(o.modelId))
      ) {
        out.push({ kind: 'api', offeringId: o.id });
      }
    }
  }
  const openModels = index.modelList.filter((m) => m.openWeights && m.arch !== undefined);
  if (sweep.cloud) {
    const f = sweep.cloud;
    const models = openModels.filter(
      (m) => matches(f.models, m.id) && matches(f.families, m.family),
    );
    const instances = index.instanceList.filter(
      (i) => matches(f.clouds, i.cloud) && matches(f.gpus, i.gpuId),
    );
    // Regions of an instance type sit together (ids sort by type): the sweep sizes each type once.
    for (const m of models) {
      for (const pricing of f.pricing) {
        for (const i of instances) {
          if (i.usdPerHour[pricing] === undefined) continue;
          out.push({
            kind: 'cloud',
            instanceId: i.id,
            modelId: m.id,
            pricing,
            engine: f.engine,
            targetUtilization: f.targetUtilization,
            minReplicas: f.minReplicas,
            scaling: f.scaling,
          });
        }
      }
    }
  }
  if (sweep.onprem) {
    const f = sweep.onprem;
    const models = openModels.filter(
      (m) => matches(f.models, m.id) && matches(f.families, m.family),
    );
    const gpus = index.gpuList.filter((g) => matches(f.gpus, g.id) && g.purchaseUsd !== undefined);
    for (const m of models) {
      for (const g of gpus) {
        out.push(
          OnpremPlacement.parse({
            ...f.assumptions,
            kind: 'onprem',
            gpuId: g.id,
            modelId: m.id,
            engine: f.engine,
          }),
        );
      }
    }
  }
  return out;
}

/** Every placement a scenario asks for: its explicit candidates, then its sweep. */
export function scenarioPlacements(
  index: CatalogIndex,
  scenario: Pick<Scenario, 'candidates' | 'sweep'>,
): Placement[] {
  return [...scenario.candidates, ...sweepPlacements(index, scenario.sweep)];
}

/** Ids a placement refers to that the catalog lacks, each named: the message for a bad scenario. */
export function missingReferences(index: CatalogIndex, placements: readonly Placement[]): string[] {
  const missing: string[] = [];
  placements.forEach((p, i) => {
    const at = `candidates[${i}]`;
    if (p.kind === 'api') {
      if (!index.offerings.has(p.offeringId))
        missing.push(`${at}.offeringId: unknown offering '${p.offeringId}'`);
      return;
    }
    if (!index.models.has(p.modelId)) missing.push(`${at}.modelId: unknown model '${p.modelId}'`);
    if (p.kind === 'cloud') {
      const inst = index.instances.get(p.instanceId);
      if (inst === undefined) missing.push(`${at}.instanceId: unknown instance '${p.instanceId}'`);
      else if (!index.gpus.has(inst.gpuId))
        missing.push(`${at}: instance GPU '${inst.gpuId}' is unknown`);
    } else if (!index.gpus.has(p.gpuId)) {
      missing.push(`${at}.gpuId: unknown GPU '${p.gpuId}'`);
    }
  });
  return missing;
}
