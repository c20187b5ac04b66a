/**
 * The catalog's tables as the import and export formats name them: each table's row schema and
 * how a row is keyed. Pure; the database layer stores the same tables.
 */
import type { z } from 'zod';
import {
  type Catalog,
  Gpu,
  Instance,
  LatencyMeasurement,
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
  'latency',
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
  latency: LatencyMeasurement,
} as const;

/** The same schemas seen as plain rows, for code that handles every table alike. */
export const CATALOG_SCHEMAS = CATALOG_TABLE_SCHEMAS as unknown as Record<
  CatalogTableName,
  z.ZodType<CatalogRow>
>;

/** The fields a row's key is made of: `id`; `modelId|benchmark` for a quality score, `offeringId|kind` for latency. */
const KEY_FIELDS: Record<CatalogTableName, readonly string[]> = {
  providers: ['id'],
  models: ['id'],
  gpus: ['id'],
  regions: ['id'],
  offerings: ['id'],
  instances: ['id'],
  quality: ['modelId', 'benchmark'],
  latency: ['offeringId', 'kind'],
};

/** A row's key: its `id`; `modelId|benchmark` for a quality score, `offeringId|kind` for latency. */
export function catalogRowKey(table: CatalogTableName, row: CatalogRow): string {
  return KEY_FIELDS[table].map((f) => String(row[f])).join('|');
}

/** The key of a value that may not be a row yet (for messages): undefined when a part is missing. */
export function catalogRowKeyOf(table: CatalogTableName, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const parts = KEY_FIELDS[table].map((f) => (value as CatalogRow)[f]);
  return parts.every((p) => typeof p === 'string' && p !== '') ? parts.join('|') : undefined;
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
        ((catalog[table] ?? []) as unknown as CatalogRow[]).map((r) => [
          catalogRowKey(table, r),
          r,
        ]),
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
