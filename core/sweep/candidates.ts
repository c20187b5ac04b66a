import { instanceUsdPerHour, isCommitted } from '../selfhost/cloud-cost.ts';
import type { Instance, PricingModel } from '../schema/catalog.ts';
import type { CandidateSweep, Scenario } from '../schema/scenario.ts';
import { OnpremPlacement, type Placement } from '../schema/placement.ts';
import type { Effort } from '../schema/reasoning.ts';
import { candidateId } from './candidate-id.ts';
import type { CatalogIndex } from './catalog-index.ts';

const matches = (filter: readonly string[], value: string | undefined) =>
  filter.length === 0 || (value !== undefined && filter.includes(value));

/**
 * Expands a sweep's filters into placements: every offering whose provider, model and family pass;
 * every open model × instance (cloud, GPU) × pricing model — every region, or the cheapest allowed
 * region per instance type; every open model × GPU owned.
 */
export function sweepPlacements(
  index: CatalogIndex,
  sweep: CandidateSweep | undefined,
  allowed: AllowedPlaces = { residency: [], regions: [] },
): Placement[] {
  if (sweep === undefined) return [];
  const out: Placement[] = [];
  const push = withEfforts(index, out, sweep.efforts ?? []);
  const family = (modelId: string) => index.models.get(modelId)?.family;
  if (sweep.api) {
    const f = sweep.api;
    for (const o of index.offeringList) {
      if (
        matches(f.providers, o.provider) &&
        matches(f.models, o.modelId) &&
        matches(f.families, family(o.modelId))
      ) {
        push({ kind: 'api', offeringId: o.id }, o.modelId);
        // Provisioned throughput where the catalog can price it: a published capacity and price.
        const pt = o.provisioned;
        if (f.provisioned && pt?.inputTokensPerMinutePerUnit !== undefined) {
          for (const price of pt.prices) {
            push({ kind: 'api', offeringId: o.id, provisioned: { term: price.term } }, o.modelId);
          }
        }
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
    const rowsFor = new Map(
      f.pricing.map((p) => [
        p,
        f.regionChoice === 'cheapest' ? cheapestRegions(index, instances, p, allowed) : instances,
      ]),
    );
    // Regions of an instance type sit together (ids sort by type): the sweep sizes each type once.
    for (const m of models) {
      for (const pricing of f.pricing) {
        const spotBurst = isCommitted(pricing) && f.burst === 'spot';
        for (const i of rowsFor.get(pricing) ?? []) {
          if (instanceUsdPerHour(i, pricing) === undefined) continue;
          const p: Placement = {
            kind: 'cloud',
            instanceId: i.id,
            modelId: m.id,
            pricing,
            engine: f.engine,
            targetUtilization: f.targetUtilization,
            minReplicas: f.minReplicas,
            scaling: f.scaling,
          };
          if (spotBurst) p.burst = 'spot';
          push(p, m.id);
        }
      }
    }
  }
  if (sweep.onprem) {
    const f = sweep.onprem;
    const models = openModels.filter(
      (m) => matches(f.models, m.id) && matches(f.families, m.family),
    );
    // Owned GPUs are bought in servers: a GPU is a candidate where a server price is known.
    const priced =
      f.assumptions.serverUsd !== undefined || f.assumptions.capexUsdPerGpu !== undefined;
    const gpus = index.gpuList.filter(
      (g) => matches(f.gpus, g.id) && (priced || g.server !== undefined),
    );
    // Parse the shared assumptions once (defaults filled in), then stamp out the placements.
    const template = OnpremPlacement.parse({
      ...f.assumptions,
      kind: 'onprem',
      gpuId: 'x',
      modelId: 'x',
      engine: f.engine,
    });
    for (const m of models) {
      for (const g of gpus) push({ ...template, gpuId: g.id, modelId: m.id }, m.id);
    }
  }
  return out;
}

/**
 * Adds swept placements to `out`: with efforts to compare, a reasoning model's placement once per
 * listed level it offers (effort levels of one model compare as separate candidates); any other,
 * once, at the workload's effort.
 */
function withEfforts(
  index: CatalogIndex,
  out: Placement[],
  efforts: readonly Effort[],
): (p: Placement, modelId: string) => void {
  if (efforts.length === 0) return (p) => out.push(p);
  const offered = new Map<string, Effort[]>();
  return (p, modelId) => {
    let levels = offered.get(modelId);
    if (levels === undefined) {
      const own = index.models.get(modelId)?.reasoning?.levels ?? [];
      levels = own.map((l) => l.effort).filter((e) => efforts.includes(e));
      offered.set(modelId, levels);
    }
    if (levels.length === 0) out.push(p);
    else for (const effort of levels) out.push({ ...p, effort });
  };
}

/** Where the workload may run (its residency zones and regions; empty lists allow anything). */
export interface AllowedPlaces {
  residency: readonly string[];
  regions: readonly string[];
}

/**
 * One row per instance type and pricing model: the cheapest region the workload may use (or the
 * cheapest overall when none is allowed, so the comparison still says why it is ruled out).
 */
export function cheapestRegions(
  index: CatalogIndex,
  instances: readonly Instance[],
  pricing: PricingModel,
  allowed: AllowedPlaces,
): Instance[] {
  const best = new Map<string, { row: Instance; allowed: boolean; price: number }>();
  for (const i of instances) {
    const price = instanceUsdPerHour(i, pricing);
    if (price === undefined) continue;
    const zone = index.regions.get(i.regionId)?.residency;
    const ok =
      (allowed.residency.length === 0 ||
        (zone !== undefined && allowed.residency.includes(zone))) &&
      (allowed.regions.length === 0 || allowed.regions.includes(i.regionId));
    const key = `${i.cloud}|${i.instanceType}`;
    const current = best.get(key);
    const better =
      current === undefined ||
      (ok && !current.allowed) ||
      (ok === current.allowed &&
        (price < current.price || (price === current.price && i.id < current.row.id)));
    if (better) best.set(key, { row: i, allowed: ok, price });
  }
  return [...best.values()].map((b) => b.row).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Every placement a scenario asks for: its explicit candidates, then its sweep, whose "cheapest
 * region" choice looks only where the workload may run. A placement is listed once: a candidate
 * that the sweep also finds keeps its explicit settings (a negotiated discount, a layout).
 */
export function scenarioPlacements(
  index: CatalogIndex,
  scenario: Pick<Scenario, 'candidates' | 'sweep' | 'workload'>,
): Placement[] {
  const { residency, regions, precision } = scenario.workload;
  const swept = sweepPlacements(index, scenario.sweep, { residency, regions });
  // A sweep lists each placement once: only explicit candidates can repeat one.
  if (scenario.candidates.length === 0) return swept;
  const seen = new Set<string>();
  const out: Placement[] = [];
  const add = (p: Placement) => {
    const id = candidateId(p, precision);
    if (seen.has(id)) return;
    seen.add(id);
    out.push(p);
  };
  scenario.candidates.forEach(add);
  swept.forEach(add);
  return out;
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

/**
 * Ids elsewhere in a scenario that the catalog (with the scenario's own rows) lacks: sweep filters,
 * allowed regions, discounts and inline rows' references. Each named by its path; a filter naming
 * nothing real would otherwise just match nothing, and a discount would silently not apply.
 */
export function scenarioReferenceProblems(
  index: CatalogIndex,
  scenario: Pick<Scenario, 'sweep' | 'workload' | 'discounts' | 'catalog'>,
): string[] {
  const problems: string[] = [];
  const check = (
    path: string,
    ids: readonly string[],
    known: (id: string) => boolean,
    what: string,
  ) => {
    ids.forEach((id, i) => {
      if (!known(id)) problems.push(`${path}[${i}]: unknown ${what} '${id}'`);
    });
  };
  const families = new Set(index.modelList.map((m) => m.family));
  const model = (id: string) => index.models.has(id);
  const family = (f: string) => families.has(f);
  const gpu = (id: string) => index.gpus.has(id);
  const provider = (id: string) => index.providers.has(id);
  const region = (id: string) => index.regions.has(id);
  const { api, cloud, onprem } = scenario.sweep ?? {};
  if (api) {
    check('sweep.api.providers', api.providers, provider, 'provider');
    check('sweep.api.models', api.models, model, 'model');
    check('sweep.api.families', api.families, family, 'model family');
  }
  if (cloud) {
    check('sweep.cloud.models', cloud.models, model, 'model');
    check('sweep.cloud.families', cloud.families, family, 'model family');
    check('sweep.cloud.clouds', cloud.clouds, provider, 'cloud');
    check('sweep.cloud.gpus', cloud.gpus, gpu, 'GPU');
  }
  if (onprem) {
    check('sweep.onprem.models', onprem.models, model, 'model');
    check('sweep.onprem.families', onprem.families, family, 'model family');
    check('sweep.onprem.gpus', onprem.gpus, gpu, 'GPU');
  }
  check('workload.regions', scenario.workload.regions, region, 'region');
  scenario.discounts.forEach((d, i) => {
    if (d.provider !== undefined && !provider(d.provider)) {
      problems.push(`discounts[${i}].provider: unknown provider '${d.provider}'`);
    }
    if (d.offeringId !== undefined && !index.offerings.has(d.offeringId)) {
      problems.push(`discounts[${i}].offeringId: unknown offering '${d.offeringId}'`);
    }
  });
  scenario.catalog?.offerings.forEach((o, i) => {
    if (o.regionId !== undefined && !region(o.regionId)) {
      problems.push(`catalog.offerings[${i}].regionId: unknown region '${o.regionId}'`);
    }
  });
  scenario.catalog?.instances.forEach((inst, i) => {
    if (!region(inst.regionId)) {
      problems.push(`catalog.instances[${i}].regionId: unknown region '${inst.regionId}'`);
    }
    if (!gpu(inst.gpuId))
      problems.push(`catalog.instances[${i}].gpuId: unknown GPU '${inst.gpuId}'`);
  });
  return problems;
}
