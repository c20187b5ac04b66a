import { indexQuality, type QualityIndex } from '../quality.ts';
import type {
  Catalog,
  Discount,
  Gpu,
  Instance,
  Model,
  Offering,
  Provider,
  Region,
} from '../schema/catalog.ts';
import type { InlineCatalog } from '../schema/scenario.ts';

/** The catalog keyed by id for constant-time lookups in the sweep. */
export interface CatalogIndex {
  providers: ReadonlyMap<string, Provider>;
  models: ReadonlyMap<string, Model>;
  offerings: ReadonlyMap<string, Offering>;
  gpus: ReadonlyMap<string, Gpu>;
  instances: ReadonlyMap<string, Instance>;
  regions: ReadonlyMap<string, Region>;
  quality: QualityIndex;
  /** Negotiated discounts by offering id and by provider id. */
  offeringDiscounts: ReadonlyMap<string, number>;
  providerDiscounts: ReadonlyMap<string, number>;
  /** Rows in the order the catalog gave them, for sweeps. */
  offeringList: readonly Offering[];
  instanceList: readonly Instance[];
  modelList: readonly Model[];
  gpuList: readonly Gpu[];
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Indexes a catalog, with a scenario's inline rows added (an inline row replaces the catalog row
 * of the same id) and the scenario's discounts over the catalog's.
 */
export function indexCatalog(
  catalog: Catalog,
  inline?: InlineCatalog,
  scenarioDiscounts: readonly Discount[] = [],
): CatalogIndex {
  const merge = <T extends { id: string }>(base: readonly T[], extra: readonly T[] | undefined) => {
    if (extra === undefined || extra.length === 0) return byId(base);
    const map = byId(base);
    for (const row of extra) map.set(row.id, row);
    return map;
  };
  const offerings = merge(catalog.offerings, inline?.offerings);
  const instances = merge(catalog.instances, inline?.instances);
  const models = merge(catalog.models, inline?.models);
  const gpus = merge(catalog.gpus, inline?.gpus);
  const offeringDiscounts = new Map<string, number>();
  const providerDiscounts = new Map<string, number>();
  for (const d of [...catalog.discounts, ...scenarioDiscounts]) {
    if (d.offeringId !== undefined) offeringDiscounts.set(d.offeringId, d.fraction);
    if (d.provider !== undefined) providerDiscounts.set(d.provider, d.fraction);
  }
  return {
    providers: merge(catalog.providers, inline?.providers),
    models,
    offerings,
    gpus,
    instances,
    regions: merge(catalog.regions, inline?.regions),
    quality: indexQuality(catalog.quality),
    offeringDiscounts,
    providerDiscounts,
    offeringList: [...offerings.values()],
    instanceList: [...instances.values()],
    modelList: [...models.values()],
    gpuList: [...gpus.values()],
  };
}

/** The discount that applies to an offering: its own, else its provider's, else none. */
export function discountFor(index: CatalogIndex, offering: Offering): number {
  return (
    index.offeringDiscounts.get(offering.id) ?? index.providerDiscounts.get(offering.provider) ?? 0
  );
}
