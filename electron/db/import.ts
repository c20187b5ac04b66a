/**
 * Imports: LiteLLM's price file, the catalog CSV format (offerings or instances) and the native
 * JSON format. Each file is read and checked whole first — every row validated, every id it names
 * found in the catalog or the file — and only then written, in one transaction. A refused import
 * writes nothing; the message names the entry or row and the field.
 */
import { convertLiteLlm } from '../../core/catalog-import/litellm.ts';
import { slugId } from '../../core/catalog-import/litellm-providers.ts';
import { csvColumnOf, parseCatalogCsv } from '../../core/catalog-import/csv-format.ts';
import { parseNativeCatalog } from '../../core/catalog-import/native-json.ts';
import { parseJsonSafely } from '../../core/json-safe.ts';
import { Offering, Provider, type Discount } from '../../core/schema/catalog.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import type { CatalogRepo } from './catalog-repo.ts';
import type { Db } from './connection.ts';
import type { DiscountRepo } from './discount-repo.ts';
import type { RowStore } from './rows.ts';
import type { Result } from '../../core/contract/result.ts';
import type { CatalogTable, ImportFormat, ImportSummary } from '../../core/contract/shapes.ts';
import { REFERENCES, TABLES, WRITE_ORDER } from './tables.ts';

type Row = Record<string, unknown>;

interface PlannedRow {
  table: CatalogTable;
  row: Row;
  /** The row as the file names it: `row 4 (id 'x')`, `offerings[3] (id 'x')`, `entry "gpt-4o"`. */
  where: string;
  /** A row field as the file names it (a CSV column, a JSON field). */
  field: (field: string) => string;
}

interface Plan {
  rows: PlannedRow[];
  discounts: { discount: Discount; where: string }[];
  skipped: Record<string, number>;
  notes: string[];
}

export interface ImportContext {
  db: Db;
  rows: RowStore;
  catalog: CatalogRepo;
  discounts: DiscountRepo;
  now: () => Date;
}

/** The largest file an import reads (LiteLLM's whole price file is about 1.5 MB). */
const MAX_CHARS = 100 * 1024 * 1024;

export function importText(
  ctx: ImportContext,
  text: string,
  format: ImportFormat,
): Result<ImportSummary> {
  if (typeof text !== 'string') return { ok: false, error: 'the file is not text' };
  if (text.length > MAX_CHARS) return { ok: false, error: 'the file is larger than 100 MB' };
  const plan =
    format === 'litellm'
      ? litellmPlan(ctx, text)
      : format === 'csv'
        ? csvPlan(text)
        : format === 'json'
          ? nativePlan(text)
          : ({ ok: false, error: `unknown import format '${String(format)}'` } as const);
  if (!plan.ok) return plan;
  const refused = checkReferences(ctx, plan.data);
  if (refused !== undefined) return { ok: false, error: refused };
  return { ok: true, data: apply(ctx, plan.data, format) };
}

const same = (field: string) => field;

function csvPlan(text: string): Result<Plan> {
  const parsed = parseCatalogCsv(text);
  if (!parsed.ok) return parsed;
  const { table } = parsed;
  return {
    ok: true,
    data: {
      rows: parsed.rows.map(({ rowNumber, row }) => ({
        table,
        row,
        where: `row ${rowNumber} (id '${String(row['id'])}')`,
        field: (field) => csvColumnOf(table, field),
      })),
      discounts: [],
      skipped: {},
      notes: [],
    },
  };
}

function nativePlan(text: string): Result<Plan> {
  const json = parseJsonSafely(text);
  if (!json.ok) return json;
  const parsed = parseNativeCatalog(json.value);
  if (!parsed.ok) return parsed;
  const rows: PlannedRow[] = [];
  for (const table of WRITE_ORDER) {
    for (const [i, row] of (parsed.tables[table] ?? []).entries()) {
      rows.push({ table, row, where: `${table}[${i}] ('${TABLES[table].key(row)}')`, field: same });
    }
  }
  const discounts = parsed.discounts.map((discount, i) => ({ discount, where: `discounts[${i}]` }));
  return { ok: true, data: { rows, discounts, skipped: {}, notes: [] } };
}

/** Optional facts a curated row has and LiteLLM's file does not state: an import keeps them. */
const KEPT_FIELDS = [
  'batch',
  'priority',
  'publishedTtftMs',
  'publishedOutputTokPerS',
  'rateLimitRpm',
] as const;

function litellmPlan(ctx: ImportContext, text: string): Result<Plan> {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const storedOffering = (id: string): Row | undefined => {
    const stored = ctx.rows.get('offerings', id);
    return stored === undefined ? undefined : (JSON.parse(stored.data) as Row);
  };
  const asOf = ctx.now().toISOString().slice(0, 10);
  const source = 'LiteLLM price file (imported)';
  const converted = convertLiteLlm(parsed.value, {
    asOf,
    source,
    // An offering the catalog has keeps its model; else a catalog model of the same name.
    resolveModel: ({ placement }) => {
      const existing = storedOffering(slugId(`${placement.providerId}/${placement.idPath}`));
      if (typeof existing?.['modelId'] === 'string') return existing['modelId'];
      const slug = slugId(placement.modelName);
      return ctx.rows.exists('models', slug) ? slug : undefined;
    },
  });
  if (!converted.ok) return converted;
  const rows: PlannedRow[] = [];
  const notes: string[] = [];
  const where = (id: string) => {
    const key = converted.entryOf[id]?.entry.key;
    return key === undefined ? `offering '${id}'` : `entry "${key}"`;
  };
  const providers = new Set<string>();
  let regionsDropped = 0;
  for (const offering of converted.offerings) {
    if (!ctx.rows.exists('providers', offering.provider) && !providers.has(offering.provider)) {
      providers.add(offering.provider);
      const parsed = Provider.safeParse({
        id: offering.provider,
        name: converted.entryOf[offering.id]?.entry.litellmProvider ?? offering.provider,
        kind: 'api',
        source: `${source}: provider of the entries it prices`,
        asOf,
      });
      if (!parsed.success) {
        return {
          ok: false,
          error: `${where(offering.id)}: litellm_provider: ${describeZodError(parsed.error)}`,
        };
      }
      const provider = parsed.data;
      rows.push({
        table: 'providers',
        row: provider,
        where: `provider '${provider.id}'`,
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
    rows.push({
      table: 'offerings',
      row: keepCurated(row, storedOffering(offering.id)),
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
  return { ok: true, data: { rows, discounts: [], skipped: converted.skipped, notes } };
}

/** The imported offering plus the curated facts the file does not state (batch prices …). */
function keepCurated(imported: Row, stored: Row | undefined): Row {
  if (stored === undefined) return imported;
  const kept = KEPT_FIELDS.filter((f) => imported[f] === undefined && stored[f] !== undefined);
  if (kept.length === 0) return imported;
  const merged: Row = { ...imported };
  for (const f of kept) merged[f] = stored[f];
  merged['source'] = `${String(imported['source'])}; kept from the catalog row: ${kept.join(', ')}`;
  const parsed = Offering.safeParse(merged);
  return parsed.success ? parsed.data : imported;
}

/** The first row naming an id that neither the catalog nor the file has, as a message. */
function checkReferences(ctx: ImportContext, plan: Plan): string | undefined {
  const planned = new Map<CatalogTable, Set<string>>();
  for (const p of plan.rows) {
    const ids = planned.get(p.table) ?? new Set<string>();
    ids.add(TABLES[p.table].key(p.row));
    planned.set(p.table, ids);
  }
  const known = (table: CatalogTable, id: string) =>
    (planned.get(table)?.has(id) ?? false) || ctx.rows.exists(table, id);
  for (const p of plan.rows) {
    for (const ref of REFERENCES) {
      const target = p.row[ref.field];
      if (ref.from !== p.table || target === undefined) continue;
      if (!known(ref.to, String(target))) {
        return `${p.where}: ${p.field(ref.field)}: unknown ${TABLES[ref.to].singular} '${String(target)}' (not in the catalog or the file)`;
      }
    }
  }
  for (const { discount, where } of plan.discounts) {
    if (discount.provider !== undefined && !known('providers', discount.provider)) {
      return `${where}: provider: unknown provider '${discount.provider}'`;
    }
    if (discount.offeringId !== undefined && !known('offerings', discount.offeringId)) {
      return `${where}: offeringId: unknown offering '${discount.offeringId}'`;
    }
  }
  return undefined;
}

function apply(ctx: ImportContext, plan: Plan, format: ImportFormat): ImportSummary {
  const summary: ImportSummary = {
    format,
    imported: {},
    updated: {},
    unchanged: 0,
    skipped: plan.skipped,
    discounts: 0,
    notes: plan.notes,
  };
  const order = (t: CatalogTable) => WRITE_ORDER.indexOf(t);
  const rows = [...plan.rows].sort((a, b) => order(a.table) - order(b.table));
  const stamp = ctx.now().toISOString();
  ctx.db.transaction(() => {
    for (const { table, row } of rows) {
      const outcome = ctx.catalog.write(table, row, 'import', stamp);
      if (outcome === 'unchanged') summary.unchanged++;
      else {
        const counts = outcome === 'added' ? summary.imported : summary.updated;
        counts[table] = (counts[table] ?? 0) + 1;
      }
    }
    for (const { discount } of plan.discounts) {
      if (ctx.discounts.write(discount, stamp).changed)
        summary.discounts = (summary.discounts ?? 0) + 1;
      else summary.unchanged++;
    }
  })();
  return summary;
}
