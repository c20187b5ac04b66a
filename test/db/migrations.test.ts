import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationHash } from '../../electron/db/migrate.ts';
import { defaultMigrationsDir } from '../../electron/db/paths.ts';
import { dumpDatabase, openTestStore, testPaths } from '../support/db.ts';
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
    expect(appliedMigrations(paths.dbFile)).toEqual([
      { version: 1, name: '0001_catalog.sql', sha256: migrationHash(sql('0001_catalog.sql')) },
      { version: 2, name: second, sha256: migrationHash(sql(second)) },
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

    const file = join(migrationsDir, '0003_notes.sql');
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
    ]);

    writeFileSync(file, 'CREATE TABLE notes (id INTEGER PRIMARY KEY);\n');
    openTestStore(paths, { migrationsDir }).close();
    openTestStore(paths, { migrationsDir }).close();
    expect(appliedMigrations(paths.dbFile).map((m) => m.name)).toEqual([
      '0001_catalog.sql',
      '0002_price_validity_quarantine.sql',
      '0003_notes.sql',
    ]);
  });

  it('refuse a database written by a newer version', () => {
    const root = tmp();
    const paths = testPaths(root);
    const migrationsDir = migrationsCopy(root);
    writeFileSync(join(migrationsDir, '0003_future.sql'), 'CREATE TABLE future (x INTEGER);\n');
    openTestStore(paths, { migrationsDir }).close();
    expect(() => openTestStore(paths)).toThrow(
      /written by a newer version of Modelwise \(it has migration 0003_future\.sql/,
    );
  });
});
