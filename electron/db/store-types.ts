import { CATALOG_TABLE_NAMES } from '../../core/catalog-import/catalog-tables.ts';
import type { CatalogDiff } from '../../core/catalog-import/diff.ts';
import type { Catalog, Discount } from '../../core/schema/catalog.ts';
import type { Scenario } from '../../core/schema/scenario.ts';

/** The catalog tables a user can browse, edit, import into and export (parents first). */
export const CATALOG_TABLES = CATALOG_TABLE_NAMES;
export type CatalogTable = (typeof CATALOG_TABLES)[number];

/** Where a row came from: the shipped seed, an import, or the user's own edit/addition. */
export const ROW_ORIGINS = ['seed', 'import', 'user'] as const;
export type RowOrigin = (typeof ROW_ORIGINS)[number];

/** A catalog row as the browser shows it: the validated row plus its bookkeeping. */
export interface CatalogRowView {
  table: CatalogTable;
  /** The row's key (`id`; `modelId|benchmark` for quality scores). */
  key: string;
  row: Record<string, unknown>;
  origin: RowOrigin;
  /** A seed row the user changed: later seed versions leave it alone. */
  modified: boolean;
  /** Its `asOf` is older than the stale threshold. */
  stale: boolean;
  source: string;
  asOf: string;
  updatedAt: string;
}

export interface ListOptions {
  /** Case-insensitive text found in the key or name, or `field=value` pairs joined by commas. */
  filter?: string;
  limit?: number;
  offset?: number;
}

export interface CatalogStats {
  apiOfferings: number;
  /** Providers with at least one API offering. */
  providers: number;
  models: number;
  openModels: number;
  gpus: number;
  instances: number;
  clouds: number;
  regions: number;
  staleRows: number;
}

export const IMPORT_FORMATS = ['litellm', 'genai-prices', 'csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  /** Plan and check the import and return its diff, writing nothing. */
  dryRun?: boolean;
  /**
   * The day the file's prices were read (its snapshot date; default: today). Its rows carry it
   * as their as-of date, new prices start on it, and a catalog row read later keeps its prices.
   */
  asOf?: string;
}

export interface ImportSummary {
  format: ImportFormat;
  /** A preview: nothing was written. */
  dryRun: boolean;
  /** Rows added, by table. */
  imported: Partial<Record<CatalogTable, number>>;
  /** Existing rows whose content changed, by table. */
  updated: Partial<Record<CatalogTable, number>>;
  /** Rows identical to what the catalog already held. */
  unchanged: number;
  /** Entries not imported, counted by reason. */
  skipped: Record<string, number>;
  /** Discounts added or changed (the JSON format carries them). */
  discounts?: number;
  /** What the user should know about rows that were imported with a change (one line each). */
  notes?: string[];
  /**
   * Rows of a bulk source (LiteLLM, genai-prices) left out because they break a consistency
   * rule; the catalog keeps its own row. One line each, naming the row and the rule.
   */
  leftOut: string[];
  /** Row by row: added, changed (old → new, with both as-of dates), removed (ended). */
  diff: CatalogDiff;
  /** The whole counts (the diff's lists stop at a few thousand rows). */
  counts: { added: number; changed: number; removed: number };
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: string };

export interface DiscountRow extends Discount {
  id: number;
  updatedAt: string;
}

export interface ScenarioMeta {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredScenario extends ScenarioMeta {
  scenario: Scenario;
}

/**
 * The local catalog and scenario database. Every write validates with the engine's zod schemas,
 * runs in one transaction, and either happens whole or not at all; errors name the field.
 */
export interface CatalogStore {
  readonly path: string;
  /** Set when the database could not be opened and was moved aside: say so to the user. */
  readonly recoveryNotice: string | null;
  /** Grows on every write, so readers know to refresh. */
  revision(): number;
  readCatalog(): Catalog;
  /** Rows the last readCatalog() left out because they no longer pass their schema, one line each. */
  problems(): string[];
  /** A filter naming an unknown field lists nothing and says why in `filterError`. */
  list(
    table: CatalogTable,
    options?: ListOptions,
  ): { rows: CatalogRowView[]; total: number; filterError?: string };
  stats(): CatalogStats;
  /** ISO date: rows read before it are stale. */
  staleBefore(): string;
  /** Adds or replaces a row (validated); a seed row edited becomes `modified`. */
  upsert(table: CatalogTable, row: unknown): Result<{ key: string; changed: CatalogTable[] }>;
  remove(table: CatalogTable, key: string): Result<{ changed: CatalogTable[] }>;
  listDiscounts(): DiscountRow[];
  setDiscount(discount: unknown): Result<DiscountRow>;
  removeDiscount(id: number): Result<null>;
  importText(text: string, format: ImportFormat, options?: ImportOptions): Result<ImportSummary>;
  /** A dry run of an import, with the catalog as the import would leave it. */
  previewImport(
    text: string,
    format: ImportFormat,
    options?: Omit<ImportOptions, 'dryRun'>,
  ): Result<{ summary: ImportSummary; catalog: Catalog }>;
  exportText(
    format: 'csv' | 'json',
    options?: { table?: CatalogTable; filter?: string },
  ): Result<string>;
  listScenarios(): ScenarioMeta[];
  getScenario(id: string): Result<StoredScenario>;
  /** Creates (no id) or replaces a scenario; the scenario is validated. */
  saveScenario(input: { id?: string; name: string; scenario: unknown }): Result<StoredScenario>;
  renameScenario(id: string, name: string): Result<ScenarioMeta>;
  duplicateScenario(id: string): Result<StoredScenario>;
  deleteScenario(id: string): Result<null>;
  close(): void;
}

export interface OpenOptions {
  /** Folder holding modelwise.db (MODELWISE_DATA_DIR, Electron's userData, or the platform's). */
  dataDir: string;
  /** Folder of the seed catalog (data/seed); defaults to the project's. */
  seedDir?: string;
  /** Folder of the migrations (data/migrations); defaults to the project's. */
  migrationsDir?: string;
  /** Path to better-sqlite3's native addon when it differs from Node's (the Electron build). */
  nativeBinding?: string;
  /** Rows with `asOf` older than this many days are stale (default 180). */
  staleAfterDays?: number;
  /** Clock, for tests. */
  now?: () => Date;
}
