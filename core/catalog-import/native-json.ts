/**
 * Modelwise's own catalog file: what "export as JSON" writes and "import JSON" reads.
 *
 *   { "format": "modelwise-catalog", "version": 1, "exportedAt": "…",
 *     "tables": { "providers": [...], "offerings": [...], … }, "discounts": [...] }
 *
 * Rows are exactly the engine's catalog rows, so an export re-imports to the same rows. Pure.
 */
import { Discount } from '../schema/catalog.ts';
import { describeZodError } from '../schema/errors.ts';
import {
  CATALOG_SCHEMAS,
  CATALOG_TABLE_NAMES,
  catalogRowKey,
  isCatalogTableName,
  type CatalogRow,
  type CatalogTableName,
} from './catalog-tables.ts';
import { describeJsonType, MAX_JSON_DEPTH, valueDeeperThan } from './json-guard.ts';
import { isRecord } from './litellm-entry.ts';

export const NATIVE_FORMAT = 'modelwise-catalog';
/** The keys a native catalog file may have at its top level. */
const TOP_LEVEL_KEYS = ['format', 'version', 'exportedAt', 'tables', 'discounts'];
export const NATIVE_VERSION = 1;

export interface NativeCatalog {
  tables: Partial<Record<CatalogTableName, CatalogRow[]>>;
  discounts: Discount[];
}

/** Writes the native file (tables in parent-first order, one row per line for diffable files). */
export function writeNativeCatalog(catalog: NativeCatalog, exportedAt: string): string {
  const tables: string[] = [];
  for (const table of CATALOG_TABLE_NAMES) {
    const rows = catalog.tables[table];
    if (rows === undefined) continue;
    const body = rows.map((r) => `   ${JSON.stringify(r)}`).join(',\n');
    tables.push(`  ${JSON.stringify(table)}: [${rows.length === 0 ? '' : `\n${body}\n  `}]`);
  }
  const discounts = catalog.discounts.map((d) => `  ${JSON.stringify(d)}`).join(',\n');
  return [
    '{',
    ` "format": ${JSON.stringify(NATIVE_FORMAT)},`,
    ` "version": ${NATIVE_VERSION},`,
    ` "exportedAt": ${JSON.stringify(exportedAt)},`,
    ` "tables": {${tables.length === 0 ? '' : `\n${tables.join(',\n')}\n `}},`,
    ` "discounts": [${discounts === '' ? '' : `\n${discounts}\n `}]`,
    '}',
    '',
  ].join('\n');
}

export type NativeParse = ({ ok: true } & NativeCatalog) | { ok: false; error: string };

/** Validates a parsed native file; the first problem refuses it, naming the table, row and field. */
export function parseNativeCatalog(value: unknown): NativeParse {
  if (!isRecord(value)) {
    return {
      ok: false,
      error: `the top level must be an object with "format": "${NATIVE_FORMAT}" (found ${describeJsonType(value)})`,
    };
  }
  if (valueDeeperThan(value)) {
    return { ok: false, error: `the file nests deeper than ${MAX_JSON_DEPTH} levels` };
  }
  if (value['format'] !== NATIVE_FORMAT) {
    return {
      ok: false,
      error: `format: expected "${NATIVE_FORMAT}" (found ${value['format'] === undefined ? 'no format' : describeJsonType(value['format'])}); a LiteLLM price file imports with the litellm format`,
    };
  }
  if (value['version'] !== NATIVE_VERSION) {
    return {
      ok: false,
      error: `version: the file is version ${JSON.stringify(value['version'] ?? null)}; this version of Modelwise reads ${NATIVE_VERSION}`,
    };
  }
  const stray = Object.keys(value).find((k) => !TOP_LEVEL_KEYS.includes(k));
  if (stray !== undefined) {
    return {
      ok: false,
      error: `${stray}: unknown top-level key (the file has ${TOP_LEVEL_KEYS.join(', ')})`,
    };
  }
  const rawTables = value['tables'];
  if (!isRecord(rawTables)) {
    return {
      ok: false,
      error: `tables: must be an object of tables (found ${describeJsonType(rawTables)})`,
    };
  }
  const out: NativeCatalog = { tables: {}, discounts: [] };
  for (const [name, rows] of Object.entries(rawTables)) {
    if (!isCatalogTableName(name)) {
      return {
        ok: false,
        error: `tables.${name}: unknown table (tables: ${CATALOG_TABLE_NAMES.join(', ')})`,
      };
    }
    if (!Array.isArray(rows)) {
      return {
        ok: false,
        error: `tables.${name}: must be an array of rows (found ${describeJsonType(rows)})`,
      };
    }
    const parsed: CatalogRow[] = [];
    const seen = new Map<string, number>();
    for (const [i, raw] of rows.entries()) {
      const where = `${name}[${i}]${isRecord(raw) && typeof raw['id'] === 'string' ? ` (id '${raw['id']}')` : ''}`;
      const row = CATALOG_SCHEMAS[name].safeParse(raw);
      if (!row.success) return { ok: false, error: `${where}: ${describeZodError(row.error)}` };
      const key = catalogRowKey(name, row.data);
      const first = seen.get(key);
      if (first !== undefined) {
        return { ok: false, error: `${where}: '${key}' appears twice (also ${name}[${first}])` };
      }
      seen.set(key, i);
      parsed.push(row.data);
    }
    out.tables[name] = parsed;
  }
  const discounts = value['discounts'] ?? [];
  if (!Array.isArray(discounts)) {
    return {
      ok: false,
      error: `discounts: must be an array (found ${describeJsonType(discounts)})`,
    };
  }
  const seenDiscounts = new Map<string, number>();
  for (const [i, raw] of discounts.entries()) {
    const d = Discount.safeParse(raw);
    if (!d.success) return { ok: false, error: `discounts[${i}]: ${describeZodError(d.error)}` };
    const on =
      d.data.provider !== undefined
        ? `provider '${d.data.provider}'`
        : `offering '${d.data.offeringId}'`;
    const first = seenDiscounts.get(on);
    if (first !== undefined) {
      return {
        ok: false,
        error: `discounts[${i}]: a second discount on ${on} (also discounts[${first}])`,
      };
    }
    seenDiscounts.set(on, i);
    out.discounts.push(d.data);
  }
  return { ok: true, ...out };
}

const NATIVE_MARKER = new RegExp(`"format"\\s*:\\s*"${NATIVE_FORMAT}"`);

/**
 * Which importer a file is for, from its name and text: `.csv` is CSV; JSON that declares the
 * Modelwise catalog format anywhere (an export writes it first, a hand-made file may not) is
 * native; a JSON list is genai-prices' data (a list of providers); other JSON is taken for
 * LiteLLM's price file, whose importer says so if it is not.
 */
export function detectImportFormat(
  fileName: string,
  text: string,
): 'csv' | 'json' | 'litellm' | 'genai-prices' {
  if (fileName.toLowerCase().endsWith('.csv')) return 'csv';
  if (NATIVE_MARKER.test(text)) return 'json';
  return /^\uFEFF?\s*\[/.test(text) ? 'genai-prices' : 'litellm';
}
