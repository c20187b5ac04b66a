import type { NegotiatedSource, NegotiatedTerms } from '../pricing/negotiated.ts';
import { offeringAt, unpricedReason } from '../pricing/price-history.ts';
import { indexQuality, type QualityIndex } from '../quality.ts';
import type {
  Catalog,
  Discount,
  Gpu,
  Instance,
  LatencyMeasurement,
  Model,
  Offering,
  Provider,
  Region,
  ScenarioDiscount,
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
  /** The latency figure an API offering is judged by: the user's measurement over a published one. */
  latency: ReadonlyMap<string, LatencyMeasurement>;
  /** Negotiated discounts, the scenario's first, then the catalog's. */
  discountLayers: readonly DiscountLayer[];
  /** The day whose prices the offerings carry (undefined: each row's own prices). */
  asOf: string | undefined;
  /** Offerings with no price on that day (not yet offered, or ended), and why. */
  unavailable: ReadonlyMap<string, string>;
  /**
   * The provider's own name for an offering that another of the same provider, model, region and
   * residency shares its label with (a snapshot, a "turbo" or "thinking" variant, a cross-region
   * endpoint): its id without the provider's prefix, which tells them apart in a label.
   */
  offeringVariants: ReadonlyMap<string, string>;
  /** Rows in the order the catalog gave them, for sweeps (offerings priced on the day only). */
  offeringList: readonly Offering[];
  instanceList: readonly Instance[];
  modelList: readonly Model[];
  gpuList: readonly Gpu[];
}

/** One source's negotiated terms, by offering id and by provider (or cloud) id. */
export interface DiscountLayer {
  byOffering: ReadonlyMap<string, NegotiatedTerms>;
  byProvider: ReadonlyMap<string, NegotiatedTerms>;
}

function discountLayer(
  discounts: readonly (Discount | ScenarioDiscount)[],
  source: NegotiatedSource,
): DiscountLayer {
  const byOffering = new Map<string, NegotiatedTerms>();
  const byProvider = new Map<string, NegotiatedTerms>();
  for (const d of discounts) {
    const terms = (scope: NegotiatedTerms['scope']): NegotiatedTerms => ({
      fraction: d.fraction,
      aboveMonthlyUsd: 'aboveMonthlyUsd' in d ? d.aboveMonthlyUsd : 0,
      source,
      scope,
      note: d.note,
    });
    if (d.offeringId !== undefined) byOffering.set(d.offeringId, terms('offering'));
    if (d.provider !== undefined) byProvider.set(d.provider, terms('provider'));
  }
  return { byOffering, byProvider };
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Indexes a catalog, with a scenario's inline rows added (an inline row replaces the catalog row
 * of the same id) and the scenario's discounts over the catalog's. With `asOf`, every offering
 * carries the prices that held on that day; one with none then is kept for the candidates that
 * name it (they learn why) but left out of sweeps.
 */
export function indexCatalog(
  catalog: Catalog,
  inline?: InlineCatalog,
  scenarioDiscounts: readonly (Discount | ScenarioDiscount)[] = [],
  asOf?: string,
): CatalogIndex {
  const merge = <T extends { id: string }>(base: readonly T[], extra: readonly T[] | undefined) => {
    if (extra === undefined || extra.length === 0) return byId(base);
    const map = byId(base);
    for (const row of extra) map.set(row.id, row);
    return map;
  };
  const offerings = merge(catalog.offerings, inline?.offerings);
  const unavailable = new Map<string, string>();
  if (asOf !== undefined) {
    for (const [id, o] of offerings) {
      const priced = offeringAt(o, asOf);
      if (priced === undefined) unavailable.set(id, unpricedReason(o, asOf));
      else if (priced !== o) offerings.set(id, priced);
    }
  }
  const instances = merge(catalog.instances, inline?.instances);
  const models = merge(catalog.models, inline?.models);
  const gpus = merge(catalog.gpus, inline?.gpus);
  return {
    providers: merge(catalog.providers, inline?.providers),
    models,
    offerings,
    gpus,
    instances,
    regions: merge(catalog.regions, inline?.regions),
    quality: indexQuality(catalog.quality),
    latency: indexLatency(catalog.latency ?? [], offerings),
    discountLayers: [
      discountLayer(scenarioDiscounts, 'scenario'),
      discountLayer(catalog.discounts, 'catalog'),
    ],
    asOf,
    unavailable,
    offeringVariants: offeringVariants(offerings.values()),
    offeringList:
      unavailable.size === 0
        ? [...offerings.values()]
        : [...offerings.values()].filter((o) => !unavailable.has(o.id)),
    instanceList: [...instances.values()],
    modelList: [...models.values()],
    gpuList: [...gpus.values()],
  };
}

/** See CatalogIndex.offeringVariants. */
function offeringVariants(offerings: Iterable<Offering>): Map<string, string> {
  const byLabel = new Map<string, Offering[]>();
  for (const o of offerings) {
    const key = `${o.provider}\u0000${o.modelId}\u0000${o.regionId ?? ''}\u0000${o.residency}`;
    const same = byLabel.get(key);
    if (same === undefined) byLabel.set(key, [o]);
    else same.push(o);
  }
  const out = new Map<string, string>();
  for (const same of byLabel.values()) {
    if (same.length < 2) continue;
    for (const o of same) {
      const prefix = `${o.provider}/`;
      out.set(o.id, o.id.startsWith(prefix) ? o.id.slice(prefix.length) : o.id);
    }
  }
  return out;
}

/**
 * One latency figure per offering: a measurement of the user's wins over a published one, and the
 * newer of two of a kind. An offering row's own published figures count as a published one.
 */
function indexLatency(
  rows: readonly LatencyMeasurement[],
  offerings: ReadonlyMap<string, Offering>,
): Map<string, LatencyMeasurement> {
  const out = new Map<string, LatencyMeasurement>();
  const better = (a: LatencyMeasurement, b: LatencyMeasurement | undefined) =>
    b === undefined || (a.kind !== b.kind ? a.kind === 'measured' : a.asOf > b.asOf);
  for (const o of offerings.values()) {
    if (o.publishedTtftMs === undefined && o.publishedOutputTokPerS === undefined) continue;
    out.set(o.id, {
      offeringId: o.id,
      kind: 'published',
      ttftMs: o.publishedTtftMs,
      outputTokPerS: o.publishedOutputTokPerS,
      source: o.source,
      asOf: o.asOf,
    });
  }
  for (const m of rows) if (better(m, out.get(m.offeringId))) out.set(m.offeringId, m);
  return out;
}

/**
 * The negotiated terms that apply to an offering (or, with a cloud id and an instance id, to a
 * rented instance). The scenario's terms are the newer negotiation, so any scenario discount (the
 * offering's, else its provider's) wins over any catalog one; within a source the offering's own
 * beats its provider's. None found: null.
 */
export function negotiatedTermsFor(
  index: CatalogIndex,
  provider: string,
  offeringId: string,
): NegotiatedTerms | null {
  for (const layer of index.discountLayers) {
    const terms = layer.byOffering.get(offeringId) ?? layer.byProvider.get(provider);
    if (terms !== undefined) return terms;
  }
  return null;
}
