import Database from 'better-sqlite3';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, migrationHash, readMigrations } from '../../electron/db/migrate.ts';
import { defaultMigrationsDir } from '../../electron/db/paths.ts';
import { dumpDatabase, frozenClock, openTestStore, testPaths } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

/** A copy of the real migrations the test may edit. */
function migrationsCopy(root: string): string {
  const dir = join(root, 'migrations');
  cpSync(defaultMigrationsDir(), dir, { recursive: true });
  return dir;
}

interface Applied {
  version: number;
  name: string;
  sha256: string;
}

function appliedMigrations(file: string): Applied[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[], Applied>('SELECT version, name, sha256 FROM schema_migrations').all();
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('build the schema from an empty folder, record each file with its sha256, and use WAL', () => {
    const paths = testPaths(tmp());
    const store = openTestStore(paths);
    expect(store.path).toBe(paths.dbFile);
    expect(store.recoveryNotice).toBeNull();
    store.close();
    const sql = (name: string) => readFileSync(join(defaultMigrationsDir(), name), 'utf8');
    const second = '0002_price_validity_quarantine.sql';
    const third = '0003_latency.sql';
    expect(appliedMigrations(paths.dbFile)).toEqual([
      { version: 1, name: '0001_catalog.sql', sha256: migrationHash(sql('0001_catalog.sql')) },
      { version: 2, name: second, sha256: migrationHash(sql(second)) },
      { version: 3, name: third, sha256: migrationHash(sql(third)) },
    ]);
    const db = new Database(paths.dbFile, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const fks = db.pragma('foreign_key_list(instances)') as { table: string; from: string }[];
    expect(fks.map((f) => `${f.from}→${f.table}`).sort()).toEqual([
      'cloud→providers',
      'gpu_id→gpus',
      'region_id→regions',
    ]);
    db.close();
  });

  it('re-opening changes nothing', () => {
    const paths = testPaths(tmp());
    openTestStore(paths).close();
    const before = dumpDatabase(paths.dbFile);
    const again = openTestStore(paths);
    expect(again.seedMerge.merged).toBe(false);
    again.close();
    expect(dumpDatabase(paths.dbFile)).toBe(before);
  });

  it('refuse a migration edited after it was applied, and leave the database alone', () => {
    const root = tmp();
    const paths = testPaths(root);
    const migrationsDir = migrationsCopy(root);
    openTestStore(paths, { migrationsDir }).close();
    const before = dumpDatabase(paths.dbFile);
    const file = join(migrationsDir, '0001_catalog.sql');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nCREATE TABLE sneaky (x INTEGER);\n`);
    expect(() => openTestStore(paths, { migrationsDir })).toThrow(
      /migration 0001_catalog\.sql was edited after it was applied to this database .*restore the file and put the change in a new migration/,
    );
    expect(dumpDatabase(paths.dbFile)).toBe(before);
  });

  it('do not mistake Windows line endings for an edit', () => {
    const root = tmp();
    const paths = testPaths(root);
    const migrationsDir = migrationsCopy(root);
    openTestStore(paths, { migrationsDir }).close();
    const file = join(migrationsDir, '0001_catalog.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    expect(() => openTestStore(paths, { migrationsDir }).close()).not.toThrow();
  });

  it('apply a new migration once; a failing one rolls back whole', () => {
    const root = tmp();
    const paths = testPaths(root);
    const migrationsDir = migrationsCopy(root);
    openTestStore(paths, { migrationsDir }).close();

    const file = join(migrationsDir, '0004_notes.sql');
    writeFileSync(
      file,
      'CREATE TABLE notes (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n',
    );
    expect(() => openTestStore(paths, { migrationsDir })).toThrow(/no such table: no_such_table/);
    const db = new Database(paths.dbFile, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").all();
    db.close();
    expect(tables).toEqual([]);
    expect(appliedMigrations(paths.dbFile).map((m) => m.name)).toEqual([
      '0001_catalog.sql',
      '0002_price_validity_quarantine.sql',
      '0003_latency.sql',
    ]);

    writeFileSync(file, 'CREATE TABLE notes (id INTEGER PRIMARY KEY);\n');
    openTestStore(paths, { migrationsDir }).close();
    openTestStore(paths, { migrationsDir }).close();
    expect(appliedMigrations(paths.dbFile).map((m) => m.name)).toEqual([
      '0001_catalog.sql',
      '0002_price_validity_quarantine.sql',
      '0003_latency.sql',
      '0004_notes.sql',
    ]);
  });

  it("0003 moves an offering's published latency into the latency table, keeping its source and bookkeeping", () => {
    const root = tmp();
    const paths = testPaths(root);
    // A database as version 2 left it: an offering of the user's carrying a published median.
    mkdirSync(paths.dataDir, { recursive: true });
    const v2 = readMigrations(defaultMigrationsDir()).filter((m) => m.version <= 2);
    const db = new Database(paths.dbFile);
    migrate(db, v2, frozenClock);
    const stamp = '2026-10-01T00:00:00.000Z';
    const src = { source: 'older catalog file', asOf: '2026-09-15' };
    const insert = (table: string, columns: Record<string, string | number | null>) => {
      const all = {
        ...columns,
        source: src.source,
        as_of: src.asOf,
        origin: 'user',
        updated_at: stamp,
      };
      const names = Object.keys(all);
      db.prepare(
        `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`,
      ).run(all);
    };
    insert('providers', {
      id: 'oldco',
      name: 'OldCo',
      kind: 'api',
      data: JSON.stringify({ ...src, id: 'oldco', name: 'OldCo', kind: 'api' }),
    });
    const model = {
      ...src,
      id: 'old-model',
      name: 'Old',
      developer: 'Old',
      family: 'old',
      openWeights: false,
    };
    insert('models', {
      id: 'old-model',
      name: 'Old',
      developer: 'Old',
      family: 'old',
      open_weights: 0,
      data: JSON.stringify(model),
    });
    const legacy = {
      ...src,
      id: 'oldco/old-model',
      provider: 'oldco',
      modelId: 'old-model',
      residency: 'global',
      usdPerMTok: { input: 1, output: 2 },
      publishedTtftMs: 420,
    };
    insert('offerings', {
      id: legacy.id,
      provider: 'oldco',
      model_id: 'old-model',
      residency: 'global',
      data: JSON.stringify(legacy),
    });
    db.close();

    const store = openTestStore(paths);
    const catalog = store.readCatalog();
    expect(store.problems()).toEqual([]);
    const { publishedTtftMs: _moved, ...offering } = legacy;
    expect(catalog.offerings.find((o) => o.id === legacy.id)).toMatchObject(offering);
    expect(catalog.offerings.find((o) => o.id === legacy.id)).not.toHaveProperty('publishedTtftMs');
    expect(catalog.latency?.find((m) => m.offeringId === legacy.id)).toEqual({
      source: 'older catalog file',
      asOf: '2026-09-15',
      offeringId: 'oldco/old-model',
      kind: 'published',
      ttftMs: 420,
    });
    expect(store.list('latency', { filter: 'offeringId=oldco/old-model' }).rows).toMatchObject([
      { key: 'oldco/old-model|published', origin: 'user', updatedAt: stamp },
    ]);
    store.close();
  });

  it('refuse a database written by a newer version', () => {
    const root = tmp();
    const paths = testPaths(root);
    const migrationsDir = migrationsCopy(root);
    writeFileSync(join(migrationsDir, '0004_future.sql'), 'CREATE TABLE future (x INTEGER);\n');
    openTestStore(paths, { migrationsDir }).close();
    expect(() => openTestStore(paths)).toThrow(
      /written by a newer version of Modelwise \(it has migration 0004_future\.sql/,
    );
  });
});
