import type { Result } from '../../core/contract/result.ts';
import type {
  CatalogRowView,
  CatalogStats,
  CatalogTable,
  DiscountRow,
  ImportFormat,
  ImportOptions,
  ImportSummary,
  ListOptions,
  ScenarioMeta,
  StoredScenario,
} from '../../core/contract/shapes.ts';
import type { Catalog } from '../../core/schema/catalog.ts';

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
