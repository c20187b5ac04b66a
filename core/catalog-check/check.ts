/**
 * `catalog check`: every consistency rule over a whole catalog. Pure: the CLI, the seed build,
 * the importers and the app's Checks panel all call this one function.
 */
import {
  CATALOG_TABLE_NAMES,
  catalogRowKey,
  type CatalogTableName,
} from '../catalog-import/catalog-tables.ts';
import { commitRates } from '../commitments/cloud.ts';
import { offeringAt } from '../pricing/price-history.ts';
import { TERM_MONTHS, unitMonthlyUsd } from '../pricing/provisioned.ts';
import type { Catalog, Instance, Offering } from '../schema/catalog.ts';
import { IsoDate } from '../schema/common.ts';
import { checkLatency } from './latency-rules.ts';
import { checkOfferingPrices, checkTierThresholds } from './offering-rules.ts';
import { finding, OUTLIER_FACTOR, type Finding, type RuleId } from './rules.ts';

export type CatalogTables = Omit<Catalog, 'discounts'>;

export interface CheckOptions {
  /** ISO day: rows read before it are stale (a warning). Unset: staleness is not checked. */
  staleBefore?: string;
}

/** Every finding on the catalog: errors first, stale rows last, then by table, row and rule. */
export function checkCatalog(catalog: CatalogTables, options: CheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  const push = (f: Finding) => out.push(f);
  const models = new Map(catalog.models.map((m) => [m.id, m]));
  for (const o of catalog.offerings) {
    checkOfferingPrices(o, '', push);
    (o.pricePeriods ?? []).forEach((p, i) => {
      const day = p.validFrom ?? p.validTo;
      const priced = day === undefined ? undefined : offeringAt(o, day);
      if (priced !== undefined && priced !== o)
        checkOfferingPrices(priced, `pricePeriods[${i}].`, push);
    });
    checkTierThresholds(o, o.contextTokens ?? models.get(o.modelId)?.contextTokens, push);
  }
  for (const o of catalog.offerings) checkProvisionedTerms(o, push);
  checkOutliers(catalog.offerings, push);
  checkCacheMinimums(catalog.offerings, push);
  for (const i of catalog.instances) checkInstancePrices(i, push);
  checkLatency(catalog.latency ?? [], new Set(catalog.offerings.map((o) => o.id)), push);
  for (const table of CATALOG_TABLE_NAMES) {
    for (const row of (catalog[table] ?? []) as unknown as Record<string, unknown>[]) {
      checkProvenance(table, row, options.staleBefore, push);
    }
  }
  // Errors, then warnings about a row's facts, then staleness (many rows, least to act on).
  const rank = (f: Finding) => (f.level === 'error' ? 0 : f.rule === 'stale' ? 2 : 1);
  const tableOrder = (t: CatalogTableName) => CATALOG_TABLE_NAMES.indexOf(t);
  return out.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      tableOrder(a.table) - tableOrder(b.table) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** Counts by level and by rule, for a one-line summary. */
export function summarizeFindings(findings: readonly Finding[]): {
  errors: number;
  warnings: number;
  byRule: Partial<Record<RuleId, number>>;
} {
  const byRule: Partial<Record<RuleId, number>> = {};
  let errors = 0;
  for (const f of findings) {
    if (f.level === 'error') errors++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  return { errors, warnings: findings.length - errors, byRule };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * An input or output price (with its regional uplift) more than 5× off the median of the same
 * model at other providers, when at least two other offerings price it.
 */
function checkOutliers(offerings: readonly Offering[], push: (f: Finding) => void): void {
  const byModel = new Map<string, Offering[]>();
  for (const o of offerings) {
    const list = byModel.get(o.modelId) ?? [];
    list.push(o);
    byModel.set(o.modelId, list);
  }
  for (const list of byModel.values()) {
    if (list.length < 3) continue;
    for (const o of list) {
      const others = list.filter((x) => x.provider !== o.provider);
      if (others.length < 2) continue;
      for (const type of ['input', 'output'] as const) {
        const price = o.usdPerMTok[type] * o.regionalUplift;
        const typical = median(others.map((x) => x.usdPerMTok[type] * x.regionalUplift));
        if (typical <= 0 || price <= 0) continue;
        const ratio = price / typical;
        if (ratio <= OUTLIER_FACTOR && ratio >= 1 / OUTLIER_FACTOR) continue;
        push(
          finding(
            'price-outlier',
            'offerings',
            o.id,
            `usdPerMTok.${type}`,
            `${type} ${Number(price.toPrecision(6))} $/MTok is ${ratio > 1 ? `${ratio.toFixed(1)}× above` : `${(1 / ratio).toFixed(1)}× below`} the median ${Number(typical.toPrecision(6))} $/MTok of ${o.modelId} at ${others.length} offerings of other providers`,
          ),
        );
      }
    }
  }
}

/**
 * A model whose hosts disagree on its minimum cacheable prefix: rows that differ from what most
 * of its cached offerings say are flagged (the developer documents one minimum per model).
 */
function checkCacheMinimums(offerings: readonly Offering[], push: (f: Finding) => void): void {
  const byModel = new Map<string, Offering[]>();
  for (const o of offerings) {
    if (o.cache.style === 'none' || o.cache.style === 'storage') continue;
    const list = byModel.get(o.modelId) ?? [];
    list.push(o);
    byModel.set(o.modelId, list);
  }
  for (const [modelId, list] of byModel) {
    const counts = new Map<number, number>();
    for (const o of list)
      counts.set(o.cache.minPrefixTokens, (counts.get(o.cache.minPrefixTokens) ?? 0) + 1);
    if (counts.size < 2) continue;
    const [usual, seen] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    for (const o of list) {
      if (o.cache.minPrefixTokens === usual) continue;
      push(
        finding(
          'cache-minimum-per-model',
          'offerings',
          o.id,
          'cache.minPrefixTokens',
          `${o.cache.minPrefixTokens.toLocaleString('en-US')} tokens here, ${usual.toLocaleString('en-US')} at ${seen} other offering${seen === 1 ? '' : 's'} of ${modelId}`,
        ),
      );
    }
  }
}

function checkInstancePrices(i: Instance, push: (f: Finding) => void): void {
  const p = i.usdPerHour;
  const flag = (field: string, detail: string) =>
    push(finding('instance-price-order', 'instances', i.id, `usdPerHour.${field}`, detail));
  for (const terms of ['spot', 'commit1y', 'commit3y'] as const) {
    const price = p[terms];
    if (price !== undefined && price > p.onDemand * (1 + 1e-9)) {
      flag(terms, `${terms} $${price}/h is above on-demand $${p.onDemand}/h`);
    }
  }
  if (
    p.commit1y !== undefined &&
    p.commit3y !== undefined &&
    p.commit3y > p.commit1y * (1 + 1e-9)
  ) {
    flag('commit3y', `3-year $${p.commit3y}/h is above 1-year $${p.commit1y}/h`);
  }
  (i.commitmentOptions ?? []).forEach((o, k) => {
    const effective = commitRates(i, o.term).find(
      (r) => r.payment === o.payment && r.upfrontUsd === o.upfrontUsd,
    )?.effectiveUsdPerHour;
    if (effective !== undefined && effective > p.onDemand * (1 + 1e-9)) {
      push(
        finding(
          'instance-price-order',
          'instances',
          i.id,
          `commitmentOptions[${k}]`,
          `${o.term} ${o.payment} at $${effective.toFixed(4)}/h effective is above on-demand $${p.onDemand}/h`,
        ),
      );
    }
  });
}

/** A provisioned term dearer a month per unit than a shorter one of the same offering. */
function checkProvisionedTerms(o: Offering, push: (f: Finding) => void): void {
  const prices = o.provisioned?.prices ?? [];
  const monthly = prices
    .map((p, k) => ({ k, term: p.term, months: TERM_MONTHS[p.term], usd: unitMonthlyUsd(p) }))
    .sort((a, b) => a.months - b.months);
  for (let j = 1; j < monthly.length; j++) {
    const shorter = monthly[j - 1]!;
    const longer = monthly[j]!;
    if (longer.usd > shorter.usd * (1 + 1e-9)) {
      push(
        finding(
          'provisioned-term-order',
          'offerings',
          o.id,
          `provisioned.prices[${longer.k}]`,
          `${longer.term} at $${longer.usd.toFixed(2)} a unit-month is above ${shorter.term} at $${shorter.usd.toFixed(2)}`,
        ),
      );
    }
  }
}

/**
 * Rows without a source or a real as-of date (the schema refuses them, but a row can reach the
 * check another way: a damaged database, a hand-made seed), and rows read too long ago.
 */
function checkProvenance(
  table: CatalogTableName,
  row: Record<string, unknown>,
  staleBefore: string | undefined,
  push: (f: Finding) => void,
): void {
  const key = catalogRowKey(table, row);
  const source = row['source'];
  if (typeof source !== 'string' || source.trim() === '') {
    push(finding('provenance', table, key, 'source', 'names no source'));
  }
  const asOf = row['asOf'];
  if (!IsoDate.safeParse(asOf).success) {
    push(finding('provenance', table, key, 'asOf', 'has no as-of date (YYYY-MM-DD)'));
  } else if (staleBefore !== undefined && (asOf as string) < staleBefore) {
    push(finding('stale', table, key, 'asOf', `read ${String(asOf)}, before ${staleBefore}`));
  }
}
