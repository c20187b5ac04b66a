/**
 * What each import format plans to write: its rows (each named as the file names it), the rows
 * its source no longer lists (a refresh ends them), and what it skipped. The CSV format plans
 * lazily, one row at a time, so a large price list is never held whole.
 */
import { catalogRowKey } from '../../core/catalog-import/catalog-tables.ts';
import {
  csvColumnOf,
  csvRowLabel,
  readCatalogCsv,
  type CsvTable,
} from '../../core/catalog-import/csv-format.ts';
import {
  convertGenaiPrices,
  GENAI_NOT_TAKEN,
  genaiKey,
} from '../../core/catalog-import/genai-prices.ts';
import { convertLiteLlm } from '../../core/catalog-import/litellm.ts';
import { splitLegacyLatency } from '../../core/catalog-import/legacy-latency.ts';
import { slugId } from '../../core/catalog-import/litellm-providers.ts';
import { parseNativeCatalog } from '../../core/catalog-import/native-json.ts';
import { parseJsonSafely } from '../../core/json-safe.ts';
import {
  LatencyMeasurement,
  Offering,
  Provider,
  type Discount,
} from '../../core/schema/catalog.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import type { RowStore } from './rows.ts';
import type { Result } from '../../core/contract/result.ts';
import type { CatalogTable } from '../../core/contract/shapes.ts';
import { TABLES, WRITE_ORDER } from './tables.ts';

type Row = Record<string, unknown>;

export interface PlannedRow {
  table: CatalogTable;
  row: Row;
  /** The row as the file names it: `row 4 (id 'x')`, `offerings[3] (id 'x')`, `entry "gpt-4o"`. */
  where: string;
  /** A row field as the file names it (a CSV column, a JSON field). */
  field: (field: string) => string;
}

export interface Plan {
  rows: Iterable<PlannedRow | { error: string }>;
  /** Ids the plan adds, by table, when known up front (rows may name them before they exist). */
  plannedIds: Map<CatalogTable, Set<string>>;
  discounts: { discount: Discount; where: string }[];
  /** Offerings the source no longer lists: a refresh ends them (kept as history). */
  removed: string[];
  skipped: Record<string, number>;
  notes: string[];
  /**
   * Whether a row that breaks a consistency rule refuses the whole file (the user's own rows:
   * CSV, native JSON) or is left out and named (bulk sources: LiteLLM, genai-prices).
   */
  strict: boolean;
}

const same = (field: string) => field;
/** A latency field as an older file named it on the offering row. */
const LEGACY_FIELDS: Record<string, string> = {
  ttftMs: 'publishedTtftMs',
  outputTokPerS: 'publishedOutputTokPerS',
  offeringId: 'id',
};

/** The published latency row an offering's legacy fields make, validated like any row. */
function legacyLatencyRow(
  row: Row,
  where: string,
  field: (f: string) => string,
): PlannedRow | { error: string } {
  const parsed = LatencyMeasurement.safeParse(row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue === undefined ? '' : `${field(issue.path.map(String).join('.'))}: `;
    return { error: `${where}: ${at}${issue?.message ?? describeZodError(parsed.error)}` };
  }
  return { table: 'latency', row: parsed.data, where, field };
}

function withIds(rows: PlannedRow[]): Map<CatalogTable, Set<string>> {
  const planned = new Map<CatalogTable, Set<string>>();
  for (const p of rows) {
    const ids = planned.get(p.table) ?? new Set<string>();
    ids.add(TABLES[p.table].key(p.row));
    planned.set(p.table, ids);
  }
  return planned;
}

export function csvPlan(text: string): Result<Plan> {
  const read = readCatalogCsv(text);
  if (!read.ok) return read;
  const { table } = read;
  function* rows(): Generator<PlannedRow | { error: string }> {
    let any = false;
    for (const r of read.ok ? read.rows : []) {
      if ('error' in r) {
        yield r;
        return;
      }
      any = true;
      const where = csvRowLabel(table, r.rowNumber, r.row);
      const field = (f: string) => csvColumnOf(table, f);
      if (table !== 'offerings') {
        yield { table, row: r.row, where, field };
        continue;
      }
      // An older offerings file's published latency columns become the offering's latency row.
      const split = splitLegacyLatency(r.row);
      yield { table, row: split.offering, where, field };
      if (split.latency !== undefined) {
        yield legacyLatencyRow(split.latency, where, (f) =>
          csvColumnOf(table as CsvTable, LEGACY_FIELDS[f] ?? f),
        );
      }
    }
    if (!any)
      yield {
        error: `the file has a header but no ${table === 'latency' ? 'latency figures' : table}`,
      };
  }
  return {
    ok: true,
    data: {
      rows: rows(),
      plannedIds: new Map(),
      discounts: [],
      removed: [],
      skipped: {},
      notes: [],
      strict: true,
    },
  };
}

export function nativePlan(text: string): Result<Plan> {
  const json = parseJsonSafely(text);
  if (!json.ok) return json;
  const parsed = parseNativeCatalog(json.value);
  if (!parsed.ok) return parsed;
  const rows: PlannedRow[] = [];
  // The file's own latency rows win over one an offering's legacy fields make.
  const latencyKeys = new Set(
    (parsed.tables.latency ?? []).map((row) => catalogRowKey('latency', row)),
  );
  for (const table of WRITE_ORDER) {
    for (const [i, raw] of (parsed.tables[table] ?? []).entries()) {
      const where = `${table}[${i}] ('${TABLES[table].key(raw)}')`;
      const split: { offering: Row; latency?: Row } =
        table === 'offerings' ? splitLegacyLatency(raw) : { offering: raw };
      rows.push({ table, row: split.offering, where, field: same });
      const latency = split.latency;
      if (latency !== undefined && !latencyKeys.has(catalogRowKey('latency', latency))) {
        const planned = legacyLatencyRow(latency, where, (f) => LEGACY_FIELDS[f] ?? f);
        if ('error' in planned) return { ok: false, error: planned.error };
        rows.push(planned);
      }
    }
  }
  const discounts = parsed.discounts.map((discount, i) => ({ discount, where: `discounts[${i}]` }));
  return {
    ok: true,
    data: {
      rows,
      plannedIds: withIds(rows),
      discounts,
      removed: [],
      skipped: {},
      notes: [],
      strict: true,
    },
  };
}

/** Optional facts a curated row has and LiteLLM's file does not state: an import keeps them. */
const KEPT_FIELDS = ['batch', 'priority', 'rateLimitRpm', 'provisioned'] as const;

/** The key of the source entry a stored row was read from: `(key: …)` or `(entry: …)`. */
function sourceKey(source: string, marker: 'key' | 'entry'): string | undefined {
  return new RegExp(`\\(${marker}: ([^)]+)\\)`).exec(source)?.[1];
}

/**
 * Offerings of an earlier import from the same source (their source starts with `label`) for the
 * providers this file covers, whose entry the file no longer has: a refresh ends them. Only for
 * a provider the file lists at least half of (a whole price file, not an excerpt: importing three
 * negotiated entries must not end the provider's other rows); the others are named in a note.
 */
function noLongerListed(
  rows: RowStore,
  label: string,
  marker: 'key' | 'entry',
  fileKeys: ReadonlySet<string>,
  providers: ReadonlySet<string>,
  notes: string[],
): string[] {
  const byProvider = new Map<string, { listed: number; missing: string[] }>();
  for (const stored of rows.all('offerings')) {
    if (!stored.source.startsWith(label)) continue;
    const key = sourceKey(stored.source, marker);
    const provider = /^[^/]+/.exec(stored.id)?.[0];
    if (key === undefined || provider === undefined || !providers.has(provider)) continue;
    const counts = byProvider.get(provider) ?? { listed: 0, missing: [] };
    if (fileKeys.has(key)) counts.listed++;
    else counts.missing.push(stored.id);
    byProvider.set(provider, counts);
  }
  const out: string[] = [];
  for (const [provider, { listed, missing }] of byProvider) {
    if (missing.length === 0) continue;
    if (listed >= missing.length) out.push(...missing);
    else {
      notes.push(
        `${missing.length} ${provider} offerings are not in this file, which lists only ${listed} of the provider's ${listed + missing.length}: taken for an excerpt, they are kept as they are`,
      );
    }
  }
  return out;
}

export interface SourcePlanContext {
  rows: RowStore;
  /** The day the file is read: each row's as-of date. */
  asOf: string;
  storedRow: (table: CatalogTable, id: string) => Row | undefined;
}

/** Label of LiteLLM rows imported by a user (the seed's start with "LiteLLM" too). */
export const LITELLM_LABEL = 'LiteLLM price file (imported)';
export const GENAI_LABEL = 'genai-prices data (imported)';

export function litellmPlan(ctx: SourcePlanContext, text: string): Result<Plan> {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const { asOf } = ctx;
  const converted = convertLiteLlm(parsed.value, {
    asOf,
    source: LITELLM_LABEL,
    // An offering the catalog has keeps its model; else a catalog model of the same name.
    resolveModel: ({ placement }) => {
      const existing = ctx.storedRow(
        'offerings',
        slugId(`${placement.providerId}/${placement.idPath}`),
      );
      if (typeof existing?.['modelId'] === 'string') return existing['modelId'];
      const slug = slugId(placement.modelName);
      return ctx.rows.exists('models', slug) ? slug : undefined;
    },
  });
  if (!converted.ok) return converted;
  const rows: PlannedRow[] = [];
  const notes: string[] = [];
  const skipped = { ...converted.skipped };
  const where = (id: string) => {
    const key = converted.entryOf[id]?.entry.key;
    return key === undefined ? `offering '${id}'` : `entry "${key}"`;
  };
  const providers = new Set<string>();
  let regionsDropped = 0;
  for (const offering of converted.offerings) {
    const key = converted.entryOf[offering.id]?.entry.key;
    const stored = ctx.storedRow('offerings', offering.id);
    // A row the catalog reads from another entry (DeepSeek's current price is deepseek-chat's)
    // is not repriced by this one.
    const storedKey =
      typeof stored?.['source'] === 'string' ? sourceKey(stored['source'], 'key') : undefined;
    if (storedKey !== undefined && key !== undefined && storedKey !== key.slice(0, 200)) {
      skipped['priced from another entry'] = (skipped['priced from another entry'] ?? 0) + 1;
      continue;
    }
    if (!ctx.rows.exists('providers', offering.provider) && !providers.has(offering.provider)) {
      providers.add(offering.provider);
      const provider = Provider.safeParse({
        id: offering.provider,
        name: converted.entryOf[offering.id]?.entry.litellmProvider ?? offering.provider,
        kind: 'api',
        source: `${LITELLM_LABEL}: provider of the entries it prices`,
        asOf,
      });
      if (!provider.success) {
        return {
          ok: false,
          error: `${where(offering.id)}: litellm_provider: ${describeZodError(provider.error)}`,
        };
      }
      rows.push({
        table: 'providers',
        row: provider.data,
        where: `provider '${provider.data.id}'`,
        field: same,
      });
    }
    let row: Row = offering;
    // A region the catalog lacks cannot be referenced; the residency zone still says where.
    if (offering.regionId !== undefined && !ctx.rows.exists('regions', offering.regionId)) {
      const { regionId: _dropped, ...rest } = offering;
      row = rest;
      regionsDropped++;
    }
    const statedMin = converted.entryOf[offering.id]?.entry.promptCacheMinTokens;
    rows.push({
      table: 'offerings',
      row: keepCurated(row, stored, statedMin !== undefined),
      where: where(offering.id),
      field: same,
    });
  }
  for (const model of converted.models) {
    rows.push({ table: 'models', row: model, where: `model '${model.id}'`, field: same });
  }
  if (regionsDropped > 0) {
    notes.push(
      `${regionsDropped} offering${regionsDropped === 1 ? '' : 's'} named a cloud region the catalog lacks: kept with their residency zone, without the region`,
    );
  }
  const ignored = Object.entries(converted.ignoredFields).sort((a, b) => b[1] - a[1]);
  if (ignored.length > 0) {
    const top = ignored.slice(0, 5).map(([f, n]) => `${f} ×${n}`);
    notes.push(
      `price fields the catalog does not model were ignored: ${top.join(', ')}${ignored.length > 5 ? ` and ${ignored.length - 5} more` : ''}`,
    );
  }
  const fileKeys = new Set(Object.keys(parsed.value as Row).map((k) => k.slice(0, 200)));
  const covered = new Set(converted.offerings.map((o) => o.provider));
  return {
    ok: true,
    data: {
      rows,
      plannedIds: withIds(rows),
      discounts: [],
      removed: noLongerListed(ctx.rows, 'LiteLLM', 'key', fileKeys, covered, notes),
      skipped,
      notes,
      strict: false,
    },
  };
}

/**
 * The imported offering plus the curated facts the file does not state: batch prices and the
 * like, and the minimum cacheable prefix when the file states none (its default is a guess).
 */
function keepCurated(imported: Row, stored: Row | undefined, statesMinimum: boolean): Row {
  if (stored === undefined) return imported;
  const kept: string[] = KEPT_FIELDS.filter(
    (f) => imported[f] === undefined && stored[f] !== undefined,
  );
  const merged: Row = { ...imported };
  for (const f of kept) merged[f] = stored[f];
  const storedCache = stored['cache'] as Row | undefined;
  const cache = imported['cache'] as Row | undefined;
  if (
    !statesMinimum &&
    storedCache !== undefined &&
    cache !== undefined &&
    cache['style'] === storedCache['style'] &&
    cache['minPrefixTokens'] !== storedCache['minPrefixTokens']
  ) {
    merged['cache'] = { ...cache, minPrefixTokens: storedCache['minPrefixTokens'] };
    kept.push('cache.minPrefixTokens');
  }
  if (kept.length === 0) return imported;
  merged['source'] = `${String(imported['source'])}; kept from the catalog row: ${kept.join(', ')}`;
  const parsed = Offering.safeParse(merged);
  return parsed.success ? parsed.data : imported;
}

export function genaiPlan(ctx: SourcePlanContext, text: string): Result<Plan> {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const existing: Offering[] = [];
  for (const { data } of ctx.rows.allData('offerings')) {
    const row = Offering.safeParse(safeJson(data));
    if (row.success) existing.push(row.data);
  }
  const converted = convertGenaiPrices(parsed.value, {
    existing,
    asOf: ctx.asOf,
    source: GENAI_LABEL,
    resolveModel: (entry) => {
      const slug = slugId(entry.id.split('/').pop() ?? entry.id);
      return ctx.rows.exists('models', slug) ? slug : undefined;
    },
    keep: (row) => row.source.includes(GENAI_NOT_TAKEN),
  });
  if (!converted.ok) return converted;
  const rows: PlannedRow[] = [];
  const providers = new Set<string>();
  for (const o of converted.offerings) {
    if (!ctx.rows.exists('providers', o.provider) && !providers.has(o.provider)) {
      providers.add(o.provider);
      const provider = Provider.safeParse({
        id: o.provider,
        name: o.provider,
        kind: 'api',
        source: `${GENAI_LABEL}: provider of the entries it prices`,
        asOf: ctx.asOf,
      });
      if (!provider.success)
        return {
          ok: false,
          error: `provider '${o.provider}': ${describeZodError(provider.error)}`,
        };
      rows.push({
        table: 'providers',
        row: provider.data,
        where: `provider '${o.provider}'`,
        field: same,
      });
    }
  }
  for (const model of converted.models) {
    rows.push({ table: 'models', row: model, where: `model '${model.id}'`, field: same });
  }
  for (const o of converted.offerings) {
    rows.push({
      table: 'offerings',
      row: o,
      where: `entry "${converted.entryOf[o.id] ?? o.id}"`,
      field: same,
    });
  }
  const ignored = Object.entries(converted.ignoredFields).sort((a, b) => b[1] - a[1]);
  const notes =
    ignored.length === 0
      ? []
      : [
          `price fields the catalog does not model were ignored: ${ignored.map(([f, n]) => `${f} ×${n}`).join(', ')}`,
        ];
  const fileKeys = new Set<string>();
  const covered = new Set<string>();
  for (const provider of parsed.ok && Array.isArray(parsed.value) ? (parsed.value as Row[]) : []) {
    const id = provider['id'];
    const models = provider['models'];
    if (typeof id !== 'string' || !Array.isArray(models)) continue;
    for (const m of models as Row[]) {
      if (typeof m['id'] === 'string')
        fileKeys.add(genaiKey({ provider: id, id: m['id'] } as Parameters<typeof genaiKey>[0]));
    }
  }
  for (const o of converted.offerings) covered.add(o.provider);
  return {
    ok: true,
    data: {
      rows,
      plannedIds: withIds(rows),
      discounts: [],
      removed: noLongerListed(ctx.rows, GENAI_LABEL, 'entry', fileKeys, covered, notes),
      skipped: converted.skipped,
      notes,
      strict: false,
    },
  };
}

/** JSON text as a value, or undefined when it is not JSON (a damaged row). */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
