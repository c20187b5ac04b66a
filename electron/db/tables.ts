/**
 * How each catalog table is stored: its zod schema, its key, the columns copied out of the row
 * for indexes and foreign keys, and which rows of other tables refer to it.
 */
import type { z } from 'zod';
import {
  CATALOG_SCHEMAS,
  CATALOG_TABLE_NAMES,
  catalogRowKey,
} from '../../core/catalog-import/catalog-tables.ts';
import { CATALOG_TABLES, type CatalogTable } from '../../core/contract/shapes.ts';

type Row = Record<string, unknown>;
type Cell = string | number | null;

export interface TableSpec {
  table: CatalogTable;
  schema: z.ZodType<Row>;
  key: (row: Row) => string;
  /** The row's name in messages: "GPU 'h100-sxm'". */
  singular: string;
  plural: string;
  /** Indexed columns beside the bookkeeping ones, each read from the validated row. */
  columns: Record<string, (row: Row) => Cell>;
  /** Row fields whose column has another name (for filters on an indexed column). */
  fieldColumns: Record<string, string>;
  /** Whether the table has a `name` column (text filters look at it). */
  hasName: boolean;
}

const text = (field: string) => (row: Row) => String(row[field]);
const optionalText = (field: string) => (row: Row) =>
  row[field] === undefined ? null : String(row[field]);

const SPECS: Record<CatalogTable, Omit<TableSpec, 'schema' | 'key'>> = {
  providers: {
    table: 'providers',
    singular: 'provider',
    plural: 'providers',
    columns: { name: text('name'), kind: text('kind') },
    fieldColumns: { name: 'name', kind: 'kind' },
    hasName: true,
  },
  models: {
    table: 'models',
    singular: 'model',
    plural: 'models',
    columns: {
      name: text('name'),
      developer: text('developer'),
      family: text('family'),
      open_weights: (row) => (row['openWeights'] === true ? 1 : 0),
    },
    fieldColumns: { name: 'name', developer: 'developer', family: 'family' },
    hasName: true,
  },
  gpus: {
    table: 'gpus',
    singular: 'GPU',
    plural: 'GPUs',
    columns: { name: text('name'), vendor: text('vendor'), family: text('family') },
    fieldColumns: { name: 'name', vendor: 'vendor', family: 'family' },
    hasName: true,
  },
  regions: {
    table: 'regions',
    singular: 'region',
    plural: 'regions',
    columns: {
      name: text('name'),
      cloud: text('cloud'),
      code: text('code'),
      residency: text('residency'),
    },
    fieldColumns: { name: 'name', cloud: 'cloud', code: 'code', residency: 'residency' },
    hasName: true,
  },
  offerings: {
    table: 'offerings',
    singular: 'offering',
    plural: 'offerings',
    columns: {
      provider: text('provider'),
      model_id: text('modelId'),
      residency: text('residency'),
      region_id: optionalText('regionId'),
      valid_from: optionalText('validFrom'),
      valid_to: optionalText('validTo'),
    },
    fieldColumns: {
      provider: 'provider',
      modelId: 'model_id',
      residency: 'residency',
      regionId: 'region_id',
      validFrom: 'valid_from',
      validTo: 'valid_to',
    },
    hasName: false,
  },
  instances: {
    table: 'instances',
    singular: 'instance',
    plural: 'instances',
    columns: {
      cloud: text('cloud'),
      instance_type: text('instanceType'),
      gpu_id: text('gpuId'),
      gpu_count: (row) => Number(row['gpuCount']),
      region_id: text('regionId'),
    },
    fieldColumns: {
      cloud: 'cloud',
      instanceType: 'instance_type',
      gpuId: 'gpu_id',
      gpuCount: 'gpu_count',
      regionId: 'region_id',
    },
    hasName: false,
  },
  quality: {
    table: 'quality',
    singular: 'quality score',
    plural: 'quality scores',
    columns: {
      model_id: text('modelId'),
      benchmark: text('benchmark'),
      score: (r) => Number(r['score']),
    },
    fieldColumns: { modelId: 'model_id', benchmark: 'benchmark' },
    hasName: false,
  },
  latency: {
    table: 'latency',
    singular: 'latency figure',
    plural: 'latency figures',
    columns: {
      offering_id: text('offeringId'),
      kind: text('kind'),
      ttft_ms: (r) => (typeof r['ttftMs'] === 'number' ? r['ttftMs'] : null),
      output_tok_per_s: (r) => (typeof r['outputTokPerS'] === 'number' ? r['outputTokPerS'] : null),
    },
    fieldColumns: { offeringId: 'offering_id', kind: 'kind' },
    hasName: false,
  },
};

export const TABLES = Object.fromEntries(
  CATALOG_TABLES.map((table) => [
    table,
    {
      ...SPECS[table],
      schema: CATALOG_SCHEMAS[table],
      key: (row: Row) => catalogRowKey(table, row),
    },
  ]),
) as Record<CatalogTable, TableSpec>;

/** A row field that names a row of another table (and the foreign key that enforces it). */
export interface Reference {
  from: CatalogTable;
  field: string;
  column: string;
  to: CatalogTable;
}

export const REFERENCES: readonly Reference[] = [
  { from: 'offerings', field: 'provider', column: 'provider', to: 'providers' },
  { from: 'offerings', field: 'modelId', column: 'model_id', to: 'models' },
  { from: 'offerings', field: 'regionId', column: 'region_id', to: 'regions' },
  { from: 'instances', field: 'cloud', column: 'cloud', to: 'providers' },
  { from: 'instances', field: 'gpuId', column: 'gpu_id', to: 'gpus' },
  { from: 'instances', field: 'regionId', column: 'region_id', to: 'regions' },
  { from: 'regions', field: 'cloud', column: 'cloud', to: 'providers' },
  { from: 'quality', field: 'modelId', column: 'model_id', to: 'models' },
  { from: 'latency', field: 'offeringId', column: 'offering_id', to: 'offerings' },
];

/** Parents before children: the order to insert in (and, reversed, to delete in). */
export const WRITE_ORDER: readonly CatalogTable[] = CATALOG_TABLE_NAMES;

/** The top-level field names of a table's rows (for filters and messages). */
export function fieldsOf(table: CatalogTable): string[] {
  const schema = TABLES[table].schema as unknown as { shape?: Record<string, unknown> };
  return schema.shape === undefined ? [] : Object.keys(schema.shape);
}
