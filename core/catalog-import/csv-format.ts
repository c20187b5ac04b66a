/**
 * The catalog's CSV format (docs/catalog-csv.md): one table per file — offerings, instances, or
 * hosted-API latency figures (a load test's medians) — told apart by the header (`model_id`,
 * `gpu_id` or `offering_id`). Pure: the mapping between CSV rows and catalog rows, both ways.
 * Every refusal names the row (as a spreadsheet numbers it, header = row 1) and the column.
 */
import type { z } from 'zod';
import { csvRows, parseDecimal, toCsv, type CsvRecord } from '../csv.ts';
import { LONG_CONTEXT_RULES } from '../schema/catalog.ts';
import { formatPath } from '../schema/errors.ts';
import { CATALOG_SCHEMAS, catalogRowKey, type CatalogRow } from './catalog-tables.ts';
import { looksBinary } from './json-guard.ts';

export const CSV_TABLES = ['offerings', 'instances', 'latency'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

type Kind = 'text' | 'number' | 'boolean' | 'longContext';

interface Column {
  name: string;
  /** Where the value sits in the catalog row. */
  path: readonly string[];
  kind: Kind;
  required?: boolean;
  /** Read from older files, never written (the catalog keeps the fact elsewhere now). */
  legacy?: boolean;
}

const col = (name: string, path: string, kind: Kind = 'text', required = false): Column => ({
  name,
  path: path.split('.'),
  kind,
  required,
});
const legacy = (column: Column): Column => ({ ...column, legacy: true });

const TOKEN_TYPES = [
  ['input', 'input'],
  ['output', 'output'],
  ['cache_read', 'cacheRead'],
  ['cache_write', 'cacheWrite'],
] as const;

const priceColumns = (prefix: string, object: string, required: boolean): Column[] =>
  TOKEN_TYPES.map(([name, field]) =>
    col(
      `${prefix}${name}_usd_per_mtok`,
      `${object}.${field}`,
      'number',
      required && (field === 'input' || field === 'output'),
    ),
  );

export const OFFERING_COLUMNS: readonly Column[] = [
  col('id', 'id', 'text', true),
  col('provider', 'provider', 'text', true),
  col('model_id', 'modelId', 'text', true),
  col('residency', 'residency', 'text', true),
  col('region_id', 'regionId'),
  ...priceColumns('', 'usdPerMTok', true),
  ...priceColumns('batch_', 'batch', false),
  ...priceColumns('priority_', 'priority', false),
  col('long_context', 'longContext', 'longContext'),
  col('regional_uplift', 'regionalUplift', 'number'),
  col('cache_style', 'cache.style'),
  col('cache_min_prefix_tokens', 'cache.minPrefixTokens', 'number'),
  col('cache_ttl_minutes', 'cache.ttlMinutes', 'number'),
  col('cache_storage_usd_per_mtok_hour', 'cache.storageUsdPerMTokHour', 'number'),
  col('cache_applies_to_batch', 'cache.appliesToBatch', 'boolean'),
  col('context_tokens', 'contextTokens', 'number'),
  col('max_output_tokens', 'maxOutputTokens', 'number'),
  col('rate_limit_rpm', 'rateLimitRpm', 'number'),
  // Older files' published latency: imported as the offering's published latency row.
  legacy(col('published_ttft_ms', 'publishedTtftMs', 'number')),
  legacy(col('published_output_tok_per_s', 'publishedOutputTokPerS', 'number')),
  // The row's own prices hold from valid_from through valid_to; earlier and later prices (price
  // periods) are kept by the catalog, not carried in a CSV.
  col('valid_from', 'validFrom'),
  col('valid_to', 'validTo'),
  col('source', 'source', 'text', true),
  col('as_of', 'asOf', 'text', true),
];

export const INSTANCE_COLUMNS: readonly Column[] = [
  col('id', 'id', 'text', true),
  col('cloud', 'cloud', 'text', true),
  col('instance_type', 'instanceType', 'text', true),
  col('gpu_id', 'gpuId', 'text', true),
  col('gpu_count', 'gpuCount', 'number', true),
  col('region_id', 'regionId', 'text', true),
  col('vcpus', 'vcpus', 'number'),
  col('memory_gib', 'memoryGiB', 'number'),
  col('on_demand_usd_per_hour', 'usdPerHour.onDemand', 'number', true),
  col('spot_usd_per_hour', 'usdPerHour.spot', 'number'),
  col('commit1y_usd_per_hour', 'usdPerHour.commit1y', 'number'),
  col('commit3y_usd_per_hour', 'usdPerHour.commit3y', 'number'),
  col('source', 'source', 'text', true),
  col('as_of', 'asOf', 'text', true),
];

/** A latency figure: a load test's (or a public benchmark's) medians for one API offering. */
export const LATENCY_COLUMNS: readonly Column[] = [
  col('offering_id', 'offeringId', 'text', true),
  col('kind', 'kind'),
  col('ttft_ms', 'ttftMs', 'number'),
  col('output_tok_per_s', 'outputTokPerS', 'number'),
  col('input_tokens', 'inputTokens', 'number'),
  col('output_tokens', 'outputTokens', 'number'),
  col('source', 'source', 'text', true),
  col('as_of', 'asOf', 'text', true),
];

const COLUMNS: Record<CsvTable, readonly Column[]> = {
  offerings: OFFERING_COLUMNS,
  instances: INSTANCE_COLUMNS,
  latency: LATENCY_COLUMNS,
};
const SCHEMAS: Record<CsvTable, z.ZodType<CatalogRow>> = {
  offerings: CATALOG_SCHEMAS.offerings,
  instances: CATALOG_SCHEMAS.instances,
  latency: CATALOG_SCHEMAS.latency,
};
/** Values a row gets when its file leaves the column out or the cell empty. */
const DEFAULTS: Partial<Record<CsvTable, CatalogRow>> = {
  // A CSV of latency figures is, unless it says otherwise, the user's own load test.
  latency: { kind: 'measured' },
};
/** The column that names a row in messages. */
const NAME_COLUMN: Record<CsvTable, string> = {
  offerings: 'id',
  instances: 'id',
  latency: 'offering_id',
};
/** The column whose presence says which table a header describes. */
const MARKER_COLUMN: Record<CsvTable, string> = {
  offerings: 'model_id',
  instances: 'gpu_id',
  latency: 'offering_id',
};

// ---- writing -------------------------------------------------------------------------------

type Tier = { aboveInputTokens: number; rule: string; usdPerMTok: Record<string, number> };

/** `200000 whole-request input=6 output=22.5; 1000000 tokens-above input=8`. */
export function formatLongContext(tiers: readonly Tier[]): string {
  return tiers
    .map((t) =>
      [
        String(t.aboveInputTokens),
        t.rule,
        ...Object.entries(t.usdPerMTok).map(([k, v]) => `${k}=${String(v)}`),
      ].join(' '),
    )
    .join('; ');
}

function valueAt(row: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function cell(column: Column, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (column.kind === 'longContext') return formatLongContext(value as Tier[]);
  return String(value);
}

/** Writes rows of a table as CSV (header first, CRLF line ends). */
export function catalogToCsv(table: CsvTable, rows: readonly Record<string, unknown>[]): string {
  const columns = COLUMNS[table].filter((c) => c.legacy !== true);
  const lines = [columns.map((c) => c.name)];
  for (const row of rows) lines.push(columns.map((c) => cell(c, valueAt(row, c.path))));
  return toCsv(lines);
}

// ---- reading -------------------------------------------------------------------------------

export interface CsvRow {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  rowNumber: number;
  row: Record<string, unknown>;
}

export type CatalogCsv =
  { ok: true; table: CsvTable; rows: CsvRow[] } | { ok: false; error: string };

/** Which table a header describes: the one whose marker column it has. */
function tableOf(header: readonly string[]): CsvTable | { error: string } {
  const found = CSV_TABLES.filter((t) => header.includes(MARKER_COLUMN[t]));
  if (found.length === 1 && found[0] !== undefined) return found[0];
  return {
    error: `header: cannot tell which table the file holds (an offerings CSV has a model_id column, an instances CSV a gpu_id column, a latency CSV an offering_id column${found.length > 1 ? `; this one has ${found.map((t) => MARKER_COLUMN[t]).join(' and ')}` : ''})`,
  };
}

/** How a message names a row: "row 4 (id 'acme/x')", "row 2 (offering_id 'openai/gpt-4o')". */
function rowLabel(table: CsvTable, rowNumber: number, name: unknown): string {
  const named = typeof name === 'string' && name !== '';
  return `row ${rowNumber}${named ? ` (${NAME_COLUMN[table]} '${name}')` : ''}`;
}

/** A parsed row as messages name it, for importers that report on it later. */
export function csvRowLabel(table: CsvTable, rowNumber: number, row: CatalogRow): string {
  const field = COLUMNS[table].find((c) => c.name === NAME_COLUMN[table])?.path[0] ?? 'id';
  return rowLabel(table, rowNumber, row[field]);
}

function readHeader(
  header: readonly string[],
): { table: CsvTable; columns: Column[] } | { error: string } {
  const names = header.map((h) => h.trim().toLowerCase());
  const table = tableOf(names);
  if (typeof table !== 'string') return table;
  const known = COLUMNS[table];
  const columns: Column[] = [];
  for (const [i, name] of names.entries()) {
    if (name === '' && i === names.length - 1) continue; // a trailing comma
    const column = known.find((c) => c.name === name);
    if (column === undefined) {
      return {
        error: `header: unknown column '${name}' (${table} columns: ${known.map((c) => c.name).join(', ')})`,
      };
    }
    if (columns.includes(column)) return { error: `header: column '${name}' appears twice` };
    columns.push(column);
  }
  const missing = known.filter((c) => c.required === true && !columns.includes(c));
  if (missing.length > 0) {
    return {
      error: `header: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `'${c.name}'`).join(', ')} (${table === 'latency' ? 'a' : 'an'} ${table} CSV needs ${known
        .filter((c) => c.required === true)
        .map((c) => c.name)
        .join(', ')})`,
    };
  }
  return { table, columns };
}

function setAt(row: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let target = row;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (typeof next === 'object' && next !== null) target = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      target[key] = created;
      target = created;
    }
  }
  const last = path[path.length - 1];
  if (last !== undefined) target[last] = value;
}

const TIER_FIELDS = ['input', 'output', 'cacheRead', 'cacheWrite'];

export function parseLongContext(text: string): { value: Tier[] } | { error: string } {
  const tiers: Tier[] = [];
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const [i, part] of parts.entries()) {
    const [above, rule, ...prices] = part.split(/\s+/);
    const where = `tier ${i + 1} ('${part}')`;
    const threshold = Number(above);
    if (above === undefined || !/^\d+$/.test(above)) {
      return {
        error: `${where}: must start with the prompt size in tokens, e.g. '200000 whole-request input=6 output=22.5'`,
      };
    }
    if (rule === undefined || !(LONG_CONTEXT_RULES as readonly string[]).includes(rule)) {
      return { error: `${where}: the rule must be ${LONG_CONTEXT_RULES.join(' or ')}` };
    }
    const usdPerMTok: Record<string, number> = {};
    for (const price of prices) {
      const [field, raw] = price.split('=');
      if (field === undefined || raw === undefined || !TIER_FIELDS.includes(field)) {
        return {
          error: `${where}: '${price}' must be one of ${TIER_FIELDS.map((f) => `${f}=USD`).join(', ')}`,
        };
      }
      const value = parseDecimal(raw);
      if (value === undefined) {
        return { error: `${where}: ${field} must be a number (got '${raw}')` };
      }
      if (usdPerMTok[field] !== undefined) return { error: `${where}: ${field} is given twice` };
      usdPerMTok[field] = value;
    }
    tiers.push({ aboveInputTokens: threshold, rule, usdPerMTok });
  }
  return { value: tiers };
}

function parseCell(column: Column, raw: string): { value: unknown } | { error: string } {
  const text = raw.trim();
  switch (column.kind) {
    case 'text':
      return { value: text };
    case 'number': {
      const n = parseDecimal(text);
      return n !== undefined ? { value: n } : { error: `must be a number (got '${raw}')` };
    }
    case 'boolean': {
      const v = text.toLowerCase();
      if (['true', 'yes', '1'].includes(v)) return { value: true };
      if (['false', 'no', '0'].includes(v)) return { value: false };
      return { error: `must be true or false (got '${raw}')` };
    }
    case 'longContext':
      return parseLongContext(text);
  }
}

/** The CSV column a schema path came from (`usdPerMTok.input` → `input_usd_per_mtok`). */
function columnOf(table: CsvTable, path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join('.');
  if (path[0] === 'longContext') return 'long_context';
  const exact = COLUMNS[table].find((c) => c.path.join('.') === dotted);
  if (exact !== undefined) return exact.name;
  return formatPath(path);
}

/** Parses a catalog CSV; the first problem refuses the file, naming the row and the column. */
export function parseCatalogCsv(text: string): CatalogCsv {
  const read = readCatalogCsv(text);
  if (!read.ok) return read;
  const rows: CsvRow[] = [];
  for (const row of read.rows) {
    if ('error' in row) return { ok: false, error: row.error };
    rows.push(row);
  }
  if (rows.length === 0) return { ok: false, error: `the file has a header but no ${read.table}` };
  return { ok: true, table: read.table, rows };
}

/** A catalog CSV read lazily: its table from the header, then its rows one at a time. */
export type CatalogCsvStream =
  | { ok: true; table: CsvTable; rows: Iterable<CsvRow | { error: string }> }
  | { ok: false; error: string };

/**
 * Reads a catalog CSV's header, and gives its rows one at a time, each validated (what
 * `parseCatalogCsv` collects): an importer can write each row as it comes, so memory does not
 * grow with the file. The first problem ends the rows with an `{ error }` naming row and column.
 */
export function readCatalogCsv(text: string): CatalogCsvStream {
  if (text.trim() === '') return { ok: false, error: 'the file is empty' };
  if (looksBinary(text)) return { ok: false, error: 'the file is binary data, not CSV' };
  const records = csvRows(text);
  const first = records.next();
  if (first.done === true) return { ok: false, error: 'the file is empty' };
  if ('error' in first.value) return { ok: false, error: first.value.error };
  const read = readHeader(first.value.cells);
  if ('error' in read) return { ok: false, error: read.error };
  return { ok: true, table: read.table, rows: csvBody(records, read.table, read.columns) };
}

function* csvBody(
  records: Iterator<CsvRecord>,
  table: CsvTable,
  columns: readonly Column[],
): Generator<CsvRow | { error: string }> {
  const schema = SCHEMAS[table];
  const seen = new Map<string, number>();
  const idColumn = columns.findIndex((c) => c.name === NAME_COLUMN[table]);
  let rowNumber = 1;
  for (let next = records.next(); next.done !== true; next = records.next()) {
    const record = next.value;
    if ('error' in record) {
      yield record;
      return;
    }
    rowNumber++;
    const cells = record.cells;
    if (cells.every((c) => c.trim() === '')) continue;
    const where = (name: unknown) => rowLabel(table, rowNumber, name);
    const extra = cells.slice(columns.length).some((c) => c.trim() !== '');
    if (extra) {
      yield {
        error: `row ${rowNumber}: ${cells.length} cells but the header names ${columns.length} columns`,
      };
      return;
    }
    const row: Record<string, unknown> = { ...DEFAULTS[table] };
    for (const [c, column] of columns.entries()) {
      const raw = cells[c] ?? '';
      if (raw.trim() === '') continue;
      const value = parseCell(column, raw);
      if ('error' in value) {
        yield { error: `${where(cells[idColumn]?.trim())}: ${column.name}: ${value.error}` };
        return;
      }
      setAt(row, column.path, value.value);
    }
    const checked = schema.safeParse(row);
    if (!checked.success) {
      const problems = checked.error.issues
        .slice(0, 3)
        .map((issue) => `${columnOf(table, issue.path)}: ${issue.message}`)
        .join('; ');
      yield { error: `${where(cells[idColumn]?.trim())}: ${problems}` };
      return;
    }
    const key = catalogRowKey(table, checked.data);
    const firstAt = seen.get(key);
    if (firstAt !== undefined) {
      const what =
        table === 'latency'
          ? `a second ${String(checked.data['kind'])} figure for offering '${String(checked.data['offeringId'])}'`
          : `id '${key}' appears twice`;
      yield { error: `${where(cells[idColumn]?.trim())}: ${what} (also row ${firstAt})` };
      return;
    }
    seen.set(key, rowNumber);
    yield { rowNumber, row: checked.data };
  }
}

/** The CSV column name of a row field, for messages about a parsed row (`gpuId` → `gpu_id`). */
export function csvColumnOf(table: CsvTable, field: string): string {
  return columnOf(table, field.split('.'));
}
