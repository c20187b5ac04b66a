/**
 * The catalog store: opens (or recovers) the database in the user's data folder, applies the
 * migrations, merges the seed, and serves the repositories behind the CatalogStore interface.
 * Methods that return a Result never throw: an unexpected database error becomes its message.
 */
import { ZodError } from 'zod';
import { describeZodError } from '../../core/schema/errors.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import { CatalogRepo } from './catalog-repo.ts';
import type { Db } from './connection.ts';
import { DiscountRepo } from './discount-repo.ts';
import { exportText } from './export.ts';
import { importText } from './import.ts';
import { migrate, readMigrations } from './migrate.ts';
import { openWithRecovery } from './open.ts';
import { quarantineDamaged } from './quarantine.ts';
import { DB_FILE_NAME, defaultMigrationsDir, defaultSeedDir } from './paths.ts';
import { RowStore } from './rows.ts';
import { ScenarioRepo } from './scenario-repo.ts';
import { SeedStatements, syncSeed, type SeedMerge } from './seed.ts';
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
import type { CatalogStore, OpenOptions } from './store-types.ts';
import { catalogWithRows, isCatalogTableName } from '../../core/catalog-import/catalog-tables.ts';

export { DB_FILE_NAME, defaultDataDir } from './paths.ts';
export { MigrationError } from './migrate.ts';

/** Prices and specs older than this are flagged stale (the app, the server and the CLI agree). */
export const STALE_AFTER_DAYS = 180;

function failure(error: unknown): { ok: false; error: string } {
  // A row that fails its schema here slipped past a check: still say which field, in one line.
  if (error instanceof ZodError) return { ok: false, error: describeZodError(error) };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: message.split('\n')[0] ?? message };
}

/** Runs a write, turning an unexpected error (disk full, a locked file …) into its message. */
function guard<T>(fn: () => Result<T>): Result<T> {
  try {
    return fn();
  } catch (error) {
    return failure(error);
  }
}

function unknownTable(table: string): { ok: false; error: string } {
  return { ok: false, error: `unknown catalog table '${table}'` };
}

class SqliteCatalogStore implements CatalogStore {
  private readonly catalog: CatalogRepo;
  private readonly discounts: DiscountRepo;
  private readonly scenarios: ScenarioRepo;
  private localRevision = 0;
  private dataVersion: number;

  constructor(
    private readonly db: Db,
    private readonly rows: RowStore,
    seedStatements: SeedStatements,
    readonly path: string,
    readonly recoveryNotice: string | null,
    /** What opening did with the seed (merged a new version, or found it current). */
    readonly seedMerge: SeedMerge,
    private readonly now: () => Date,
    staleAfterDays: number,
    /** Rows moved to quarantine when the database was opened, one line each. */
    private readonly quarantined: readonly string[] = [],
  ) {
    this.catalog = new CatalogRepo(db, rows, seedStatements, now, staleAfterDays);
    this.discounts = new DiscountRepo(db, rows, now);
    this.scenarios = new ScenarioRepo(db, now);
    this.dataVersion = this.readDataVersion();
  }

  private readDataVersion(): number {
    return Number(this.db.pragma('data_version', { simple: true }));
  }

  /** Counts this store's writes and those other connections (the CLI) committed meanwhile. */
  revision(): number {
    const version = this.readDataVersion();
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      this.localRevision++;
    }
    return this.localRevision;
  }

  private wrote<T>(result: Result<T>, changed = true): Result<T> {
    if (result.ok && changed) this.localRevision++;
    return result;
  }

  readCatalog(): Catalog {
    return this.catalog.readCatalog();
  }

  problems(): string[] {
    return [...this.quarantined, ...this.catalog.problems];
  }

  list(
    table: CatalogTable,
    options?: ListOptions,
  ): { rows: CatalogRowView[]; total: number; filterError?: string } {
    if (!isCatalogTableName(table))
      return { rows: [], total: 0, filterError: `unknown catalog table '${String(table)}'` };
    return this.catalog.list(table, options);
  }

  staleBefore(): string {
    return this.catalog.staleBefore();
  }

  stats(): CatalogStats {
    return this.catalog.stats();
  }

  upsert(table: CatalogTable, row: unknown): Result<{ key: string; changed: CatalogTable[] }> {
    if (!isCatalogTableName(table)) return unknownTable(table);
    return guard(() => {
      const result = this.catalog.upsert(table, row);
      return this.wrote(result, result.ok && result.data.changed.length > 0);
    });
  }

  remove(table: CatalogTable, key: string): Result<{ changed: CatalogTable[] }> {
    if (!isCatalogTableName(table)) return unknownTable(table);
    return guard(() => this.wrote(this.catalog.remove(table, key)));
  }

  listDiscounts(): DiscountRow[] {
    return this.discounts.list();
  }

  setDiscount(discount: unknown): Result<DiscountRow> {
    return guard(() => this.wrote(this.discounts.set(discount)));
  }

  removeDiscount(id: number): Result<null> {
    return guard(() => this.wrote(this.discounts.remove(id)));
  }

  private importContext() {
    return {
      db: this.db,
      rows: this.rows,
      catalog: this.catalog,
      discounts: this.discounts,
      now: this.now,
    };
  }

  importText(text: string, format: ImportFormat, options?: ImportOptions): Result<ImportSummary> {
    return guard(() => {
      const result = importText(this.importContext(), text, format, options);
      if (!result.ok) return result;
      const summary = result.data.summary;
      return this.wrote({ ok: true, data: summary }, !summary.dryRun);
    });
  }

  previewImport(
    text: string,
    format: ImportFormat,
    options: Omit<ImportOptions, 'dryRun'> = {},
  ): Result<{ summary: ImportSummary; catalog: Catalog }> {
    return guard(() => {
      const before = this.readCatalog();
      const result = importText(this.importContext(), text, format, {
        ...options,
        dryRun: true,
        collectRows: true,
      });
      if (!result.ok) return result;
      const { summary, written = [] } = result.data;
      return { ok: true, data: { summary, catalog: catalogWithRows(before, written) } };
    });
  }

  exportText(
    format: 'csv' | 'json',
    options?: { table?: CatalogTable; filter?: string },
  ): Result<string> {
    if (options?.table !== undefined && !isCatalogTableName(options.table))
      return unknownTable(options.table);
    return guard(() =>
      exportText(
        { catalog: this.catalog, discounts: this.discounts, now: this.now },
        format,
        options,
      ),
    );
  }

  listScenarios(): ScenarioMeta[] {
    return this.scenarios.list();
  }

  getScenario(id: string): Result<StoredScenario> {
    return guard(() => this.scenarios.get(id));
  }

  saveScenario(input: { id?: string; name: string; scenario: unknown }): Result<StoredScenario> {
    return guard(() => this.wrote(this.scenarios.save(input)));
  }

  renameScenario(id: string, name: string): Result<ScenarioMeta> {
    return guard(() => this.wrote(this.scenarios.rename(id, name)));
  }

  duplicateScenario(id: string): Result<StoredScenario> {
    return guard(() => this.wrote(this.scenarios.duplicate(id)));
  }

  deleteScenario(id: string): Result<null> {
    return guard(() => this.wrote(this.scenarios.remove(id)));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** A store as opened: the interface plus what opening did with the seed. */
export type OpenedCatalogStore = CatalogStore & { readonly seedMerge: SeedMerge };

/**
 * Opens the catalog in `options.dataDir` (created if missing). A damaged database is moved aside
 * and replaced (see `recoveryNotice`); an edited migration throws MigrationError.
 */
export function openCatalogStore(options: OpenOptions): OpenedCatalogStore {
  const now = options.now ?? (() => new Date());
  const migrations = readMigrations(options.migrationsDir ?? defaultMigrationsDir());
  const seedDir = options.seedDir ?? defaultSeedDir();
  let prepared:
    { rows: RowStore; seed: SeedStatements; merge: SeedMerge; quarantined: string[] } | undefined;
  const opened = openWithRecovery(
    options.dataDir,
    DB_FILE_NAME,
    options.nativeBinding,
    (db) => {
      migrate(db, migrations, now);
      const quarantined = quarantineDamaged(db, now);
      const rows = new RowStore(db);
      const seed = new SeedStatements(db);
      prepared = { rows, seed, merge: syncSeed(db, rows, seed, seedDir, now), quarantined };
    },
    now,
  );
  if (prepared === undefined) throw new Error('the catalog database was opened but not prepared');
  return new SqliteCatalogStore(
    opened.db,
    prepared.rows,
    prepared.seed,
    opened.path,
    opened.recoveryNotice,
    prepared.merge,
    now,
    options.staleAfterDays ?? STALE_AFTER_DAYS,
    prepared.quarantined,
  );
}
