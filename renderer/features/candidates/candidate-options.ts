import type { Catalog } from '../../../core/schema/catalog.ts';

export interface Option {
  value: string;
  label: string;
  count: number;
}

/** The filter choices the catalog offers, each with how many rows it covers. */
export function candidateOptions(catalog: Catalog) {
  const count = (values: string[]) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return m;
  };
  const providerNames = new Map(catalog.providers.map((p) => [p.id, p.name]));
  const gpuNames = new Map(
    catalog.gpus.map((g) => [g.id, g.name.replace(/^(NVIDIA|AMD|Intel|Google) /, '')]),
  );
  const families = new Map(catalog.models.map((m) => [m.id, m.family]));
  const toOptions = (m: Map<string, number>, label: (v: string) => string): Option[] =>
    [...m]
      .map(([value, n]) => ({ value, label: label(value), count: n }))
      .sort((a, b) => a.label.localeCompare(b.label));
  return {
    providers: toOptions(
      count(catalog.offerings.map((o) => o.provider)),
      (v) => providerNames.get(v) ?? v,
    ),
    clouds: toOptions(
      count(catalog.instances.map((i) => i.cloud)),
      (v) => providerNames.get(v) ?? v.toUpperCase(),
    ),
    gpus: toOptions(count(catalog.instances.map((i) => i.gpuId)), (v) => gpuNames.get(v) ?? v),
    ownedGpus: catalog.gpus
      .filter((g) => g.server !== undefined)
      .map((g) => ({ value: g.id, label: gpuNames.get(g.id) ?? g.id, count: 1 })),
    families: toOptions(
      count(catalog.offerings.map((o) => families.get(o.modelId) ?? '').filter((f) => f !== '')),
      (v) => v,
    ),
    openFamilies: toOptions(
      count(catalog.models.filter((m) => m.openWeights).map((m) => m.family)),
      (v) => v,
    ),
  };
}

/** Adds or removes a value from a filter list (an empty list means "all"). */
export function toggleIn(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
