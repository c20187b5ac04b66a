/**
 * The catalog's tables as the import and export formats name them: each table's row schema and
 * how a row is keyed. Pure; the database layer stores the same tables.
 */
import type { z } from 'zod';
import {
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

export const CATALOG_SCHEMAS: Record<CatalogTableName, z.ZodType<CatalogRow>> = {
  providers: Provider,
  models: Model as unknown as z.ZodType<CatalogRow>,
  gpus: Gpu,
  regions: Region,
  offerings: Offering as unknown as z.ZodType<CatalogRow>,
  instances: Instance,
  quality: QualityScore,
};

/** A row's key: its `id`, or `modelId|benchmark` for a quality score. */
export function catalogRowKey(table: CatalogTableName, row: CatalogRow): string {
  if (table === 'quality') return `${String(row['modelId'])}|${String(row['benchmark'])}`;
  return String(row['id']);
}

export function isCatalogTableName(name: string): name is CatalogTableName {
  return (CATALOG_TABLE_NAMES as readonly string[]).includes(name);
}
