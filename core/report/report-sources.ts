import type { Catalog } from '../schema/catalog.ts';
import { OPERATIONS_SOURCES } from '../schema/operations.ts';
import type { CatalogIndex } from '../sweep/catalog-index.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { OPERATIONS_SOURCE_LABELS, operationsSourceKeys } from './selfhost-explain.ts';
import type { ReportTable } from './report-model.ts';

/** One fact the report's numbers rest on, with where it came from and when it was read. */
export interface SourceLine {
  what: string;
  /** The candidates that use it, by label and by rank (null when unranked). */
  usedBy: string[];
  usedByRanks: (number | null)[];
  source: string;
  asOf: string;
  stale: boolean;
}

/**
 * The newest price row of the catalog (offerings with their price periods, instances, servers):
 * the catalog's date. Null for an empty catalog.
 */
export function catalogDate(
  catalog: Pick<Catalog, 'offerings' | 'instances' | 'gpus'>,
): string | null {
  let newest: string | null = null;
  const see = (asOf: string) => {
    if (newest === null || asOf > newest) newest = asOf;
  };
  for (const o of catalog.offerings) {
    see(o.asOf);
    for (const p of o.pricePeriods ?? []) see(p.asOf);
  }
  for (const i of catalog.instances) see(i.asOf);
  for (const g of catalog.gpus) if (g.server) see(g.server.asOf);
  return newest;
}

/**
 * Every price and fact the candidates' numbers use, each with its source and as-of day, stale ones
 * flagged: token prices (and known changes within the horizon), instance and server prices, GPU
 * and model specifications, quality scores checked against the minimum, published latencies, and
 * the running-cost defaults of self-hosted placements. A fact used by several candidates is listed
 * once, naming each.
 */
export function sourceLines(
  rows: readonly CandidateResult[],
  index: CatalogIndex,
  catalog: Pick<Catalog, 'quality'>,
  options: {
    staleBefore?: string | undefined;
    benchmark?: string | undefined;
    horizonEnd?: string;
  } = {},
): SourceLine[] {
  const byKey = new Map<string, SourceLine>();
  const add = (key: string, what: string, source: string, asOf: string, by: CandidateResult) => {
    const line = byKey.get(key);
    if (line !== undefined) {
      if (!line.usedBy.includes(by.label)) {
        line.usedBy.push(by.label);
        line.usedByRanks.push(by.rank);
      }
      return;
    }
    const stale = options.staleBefore !== undefined && asOf < options.staleBefore;
    byKey.set(key, { what, usedBy: [by.label], usedByRanks: [by.rank], source, asOf, stale });
  };
  for (const r of rows) {
    const p = r.placement;
    const model = index.models.get(r.modelId);
    if (p.kind === 'api') {
      const o = index.offerings.get(p.offeringId);
      if (o === undefined) continue;
      add(`offering:${o.id}`, `Token prices: ${o.id}`, o.source, o.asOf, r);
      // Known price changes the horizon reaches (a promotion's end) price the months they cover.
      for (const period of o.pricePeriods ?? []) {
        const from = period.validFrom;
        if (from === undefined || from <= (o.validFrom ?? '') || from <= (index.asOf ?? ''))
          continue;
        if (options.horizonEnd !== undefined && from > options.horizonEnd) continue;
        add(
          `period:${o.id}:${from}`,
          `Token prices from ${from}: ${o.id}`,
          period.source,
          period.asOf,
          r,
        );
      }
      // Provisioned throughput prices the bill by the unit: its capacity figures and the price of
      // the term bought each carry their own source and date, apart from the token prices.
      const c = r.commitment;
      if (c?.kind === 'provisioned' && o.provisioned !== undefined) {
        const capacity = o.provisioned;
        add(
          `provisioned:${o.id}`,
          `Provisioned throughput capacity: ${o.id}`,
          capacity.source,
          capacity.asOf,
          r,
        );
        const bought = c.options.find((x) => x.term === c.term && x.payment === c.payment);
        if (bought !== undefined) {
          add(
            `provisioned:${o.id}:${c.term}`,
            `Provisioned throughput price (${c.term}): ${o.id}`,
            bought.source,
            bought.asOf,
            r,
          );
        }
      }
      const latency = index.latency.get(o.id);
      if (latency !== undefined) {
        add(
          `latency:${o.id}`,
          `Latency (${latency.kind}): ${o.id}`,
          latency.source,
          latency.asOf,
          r,
        );
      }
    } else {
      const gpu = r.selfHost === null ? undefined : index.gpus.get(r.selfHost.gpuId);
      if (p.kind === 'cloud') {
        const i = index.instances.get(p.instanceId);
        if (i !== undefined)
          add(`instance:${i.id}`, `Instance prices: ${i.id}`, i.source, i.asOf, r);
      } else if (gpu?.server !== undefined && r.selfHost?.owned?.serverPriceFrom === 'catalog') {
        add(`server:${gpu.id}`, `Server price: ${gpu.name}`, gpu.server.source, gpu.server.asOf, r);
      }
      if (gpu !== undefined)
        add(`gpu:${gpu.id}`, `GPU specification: ${gpu.name}`, gpu.source, gpu.asOf, r);
      if (model !== undefined) {
        add(`model:${model.id}`, `Model architecture: ${model.name}`, model.source, model.asOf, r);
      }
      for (const k of operationsSourceKeys(r)) {
        const o = OPERATIONS_SOURCES[k];
        add(`operations:${k}`, OPERATIONS_SOURCE_LABELS[k], o.source, o.asOf, r);
      }
    }
    if (options.benchmark !== undefined) {
      const score = catalog.quality.find(
        (q) => q.modelId === r.modelId && q.benchmark === options.benchmark,
      );
      if (score !== undefined) {
        add(
          `quality:${score.modelId}`,
          `Quality score (${score.benchmark}): ${model?.name ?? score.modelId}`,
          score.source,
          score.asOf,
          r,
        );
      }
    }
  }
  return [...byKey.values()];
}

/**
 * The sources as a table: what, its source, as of, whether stale, and which candidates use it (by
 * rank where ranked, else by name: a portfolio names its workloads).
 */
export function sourcesTable(
  lines: readonly SourceLine[],
  usedByHeader = 'Used by (rank)',
): ReportTable {
  return {
    id: 'sources',
    columns: [
      { key: 'what', header: 'What', format: 'text', width: 40 },
      { key: 'asOf', header: 'As of', format: 'date', width: 13 },
      { key: 'stale', header: 'Stale', format: 'text', width: 7 },
      { key: 'source', header: 'Source', format: 'text', width: 70 },
      { key: 'usedBy', header: usedByHeader, format: 'text', width: 16 },
    ],
    rows: lines.map((l) => ({
      what: l.what,
      asOf: l.asOf,
      stale: l.stale ? 'stale' : '',
      source: l.source,
      usedBy: l.usedByRanks.map((r, k) => (r === null ? l.usedBy[k] : `#${r}`)).join(', '),
    })),
  };
}
