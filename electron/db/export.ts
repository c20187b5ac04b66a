/**
 * Exports: the catalog CSV format (one table: offerings, instances or latency) and the native JSON file
 * (every table and the discounts, or one table). Rows go out as the engine reads them, so an
 * export re-imports to the same rows.
 */
import { catalogToCsv, CSV_TABLES, type CsvTable } from '../../core/catalog-import/csv-format.ts';
import { writeNativeCatalog, type NativeCatalog } from '../../core/catalog-import/native-json.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import { rowName, type CatalogRepo } from './catalog-repo.ts';
import type { DiscountRepo } from './discount-repo.ts';
import type { Result } from '../../core/contract/result.ts';
import type { CatalogTable } from '../../core/contract/shapes.ts';
import { TABLES, WRITE_ORDER } from './tables.ts';

type Row = Record<string, unknown>;

export interface ExportContext {
  catalog: CatalogRepo;
  discounts: DiscountRepo;
  now: () => Date;
}

export interface ExportOptions {
  table?: CatalogTable;
  filter?: string;
}

/** The rows of a table that pass the filter, checked with the table's schema. */
function rowsOf(
  ctx: ExportContext,
  table: CatalogTable,
  filter: string | undefined,
): Result<Row[]> {
  const listed = ctx.catalog.list(table, { filter });
  if (listed.filterError !== undefined) return { ok: false, error: listed.filterError };
  const rows: Row[] = [];
  for (const view of listed.rows) {
    const parsed = TABLES[table].schema.safeParse(view.row);
    if (!parsed.success) {
      return {
        ok: false,
        error: `${rowName(table, view.key)} no longer validates (${describeZodError(parsed.error)}); fix or delete it first`,
      };
    }
    rows.push(parsed.data);
  }
  return { ok: true, data: rows };
}

export function exportText(
  ctx: ExportContext,
  format: 'csv' | 'json',
  options: ExportOptions = {},
): Result<string> {
  if (format === 'csv') {
    const table = options.table ?? 'offerings';
    if (!(CSV_TABLES as readonly string[]).includes(table)) {
      return {
        ok: false,
        error: `the CSV format holds ${CSV_TABLES.slice(0, -1).join(', ')} or ${CSV_TABLES[CSV_TABLES.length - 1]}; export ${table} as JSON`,
      };
    }
    const rows = rowsOf(ctx, table, options.filter);
    return rows.ok ? { ok: true, data: catalogToCsv(table as CsvTable, rows.data) } : rows;
  }
  if (format !== 'json') return { ok: false, error: `unknown export format '${String(format)}'` };
  if (options.table === undefined && (options.filter ?? '').trim() !== '') {
    return { ok: false, error: 'a filter applies to one table: choose the table to export too' };
  }
  const out: NativeCatalog = { tables: {}, discounts: [] };
  for (const table of options.table === undefined ? WRITE_ORDER : [options.table]) {
    const rows = rowsOf(ctx, table, options.filter);
    if (!rows.ok) return rows;
    out.tables[table] = rows.data;
  }
  if (options.table === undefined) {
    out.discounts = ctx.discounts
      .list()
      .map(({ id: _id, updatedAt: _at, ...discount }) => discount);
  }
  return { ok: true, data: writeNativeCatalog(out, ctx.now().toISOString()) };
}
