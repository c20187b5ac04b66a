/**
 * Schema migrations: data/migrations/NNNN_name.sql, applied in order, each in one transaction
 * and recorded with the sha256 of its text. A migration edited after it ran is refused: the
 * database would no longer match what the file says, and nobody would notice.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './connection.ts';

/** A migration problem a person must fix (an edited migration, a database from a newer app). */
export class MigrationError extends Error {}

export interface Migration {
  version: number;
  /** The file name, e.g. `0001_catalog.sql`. */
  name: string;
  sql: string;
  sha256: string;
}

const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

/** Line endings are normalised before hashing: a Windows checkout must not look edited. */
export function migrationHash(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Reads the migrations folder, in version order; a misnamed or duplicate file is refused. */
export function readMigrations(dir: string): Migration[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
  } catch {
    throw new MigrationError(`the migrations folder ${dir} cannot be read`);
  }
  const out: Migration[] = [];
  for (const name of files) {
    const m = FILE_NAME.exec(name);
    if (m?.[1] === undefined) {
      throw new MigrationError(`migration ${name}: the name must look like 0001_name.sql`);
    }
    const sql = readFileSync(join(dir, name), 'utf8');
    out.push({ version: Number(m[1]), name, sql, sha256: migrationHash(sql) });
  }
  out.sort((a, b) => a.version - b.version);
  for (let i = 1; i < out.length; i++) {
    const [prev, cur] = [out[i - 1], out[i]];
    if (prev !== undefined && cur !== undefined && prev.version === cur.version) {
      throw new MigrationError(`migrations ${prev.name} and ${cur.name} share a version number`);
    }
  }
  if (out.length === 0) throw new MigrationError(`no migrations found in ${dir}`);
  return out;
}

interface Applied {
  version: number;
  name: string;
  sha256: string;
}

/**
 * Applies the migrations the database has not seen. Returns the names applied (empty when the
 * schema is current). Throws MigrationError for an edited migration or an unknown newer one.
 */
export function migrate(db: Db, migrations: readonly Migration[], now: () => Date): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const statements = {
    applied: db.prepare<[], Applied>(
      'SELECT version, name, sha256 FROM schema_migrations ORDER BY version',
    ),
    record: db.prepare<[number, string, string, string]>(
      'INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)',
    ),
  };
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  const applied = statements.applied.all();
  for (const row of applied) {
    const file = byVersion.get(row.version);
    if (file === undefined) {
      throw new MigrationError(
        `this database was written by a newer version of Modelwise (it has migration ${row.name}, which this version does not know); update Modelwise or choose another data folder`,
      );
    }
    if (file.sha256 !== row.sha256) {
      throw new MigrationError(
        `migration ${file.name} was edited after it was applied to this database (recorded sha256 ${row.sha256.slice(0, 12)}…, the file now hashes to ${file.sha256.slice(0, 12)}…); restore the file and put the change in a new migration`,
      );
    }
  }
  const done = new Set(applied.map((a) => a.version));
  const ran: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      statements.record.run(m.version, m.name, m.sha256, now().toISOString());
    }).immediate();
    ran.push(m.name);
  }
  return ran;
}
