/**
 * The catalog's tables as the import and export formats name them: each table's row schema and
 * how a row is keyed. Pure; the database layer stores the same tables.
 */
import type { z } from 'zod';
import {
  type Catalog,
  Gpu,
  Instance,
  Model,
  Offering,
  Provider,
  QualityScore,
  Region,
} from '../schema/catalog.ts';

/** Parents before children: the order rows are written in, and exported in. */
export const CATALOG_TABLE_NAMES = [
  'providers',
  'models',
  'gpus',
  'regions',
  'offerings',
  'instances',
  'quality',
] as const;
export type CatalogTableName = (typeof CATALOG_TABLE_NAMES)[number];

export type CatalogRow = Record<string, unknown>;

/** Each table's row schema, with its own row type (seed files and typed readers use these). */
export const CATALOG_TABLE_SCHEMAS = {
  providers: Provider,
  models: Model,
  gpus: Gpu,
  regions: Region,
  offerings: Offering,
  instances: Instance,
  quality: QualityScore,
} as const;

/** The same schemas seen as plain rows, for code that handles every table alike. */
export const CATALOG_SCHEMAS = CATALOG_TABLE_SCHEMAS as unknown as Record<
  CatalogTableName,
  z.ZodType<CatalogRow>
>;

/** A row's key: its `id`, or `modelId|benchmark` for a quality score. */
export function catalogRowKey(table: CatalogTableName, row: CatalogRow): string {
  if (table === 'quality') return `${String(row['modelId'])}|${String(row['benchmark'])}`;
  return String(row['id']);
}

export function isCatalogTableName(name: string): name is CatalogTableName {
  return (CATALOG_TABLE_NAMES as readonly string[]).includes(name);
}

/**
 * The catalog with rows added or replaced (matched by key): what it would be after an import,
 * for a preview. Rows must be valid rows of their table.
 */
export function catalogWithRows(
  catalog: Catalog,
  rows: readonly { table: CatalogTableName; row: CatalogRow }[],
): Catalog {
  const byTable = new Map<CatalogTableName, Map<string, CatalogRow>>();
  for (const { table, row } of rows) {
    let keyed = byTable.get(table);
    if (keyed === undefined) {
      keyed = new Map(
        (catalog[table] as unknown as CatalogRow[]).map((r) => [catalogRowKey(table, r), r]),
      );
      byTable.set(table, keyed);
    }
    keyed.set(catalogRowKey(table, row), row);
  }
  const out = { ...catalog };
  for (const [table, keyed] of byTable) {
    (out as unknown as Record<string, CatalogRow[]>)[table] = [...keyed.values()];
  }
  return out;
}
