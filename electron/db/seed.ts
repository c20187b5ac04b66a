/**
 * Loads the shipped seed catalog on first start and merges later seed versions. The seed's
 * version (a content hash from data/seed/manifest.json) is compared first, so an unchanged seed
 * costs one small file read. A merge never touches the user's rows: rows added by the user or an
 * import, seed rows the user changed (`modified`), and seed rows the user deleted (tombstones).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';
import type { RowStore } from './rows.ts';
import { readSeed, seedVersion, type SeedTables } from './seed-files.ts';
import type { CatalogTable } from '../../core/contract/shapes.ts';
import { REFERENCES, TABLES, WRITE_ORDER } from './tables.ts';

/** What a merge did, for logs and tests. */
export interface SeedMerge {
  version: string;
  /** False when the database already had this seed version. */
  merged: boolean;
  added: number;
  updated: number;
  removed: number;
  /** Seed rows left alone: the user's version of the row wins, or they deleted it. */
  keptUserRows: number;
  /** New seed rows whose parent row the user deleted. */
  skippedOrphans: number;
}

export class SeedStatements {
  readonly getMeta: Statement<[string], { value: string }>;
  readonly setMeta: Statement<[string, string]>;
  readonly tombstoned: Statement<[string], { id: string }>;
  readonly addTombstone: Statement<[string, string, string]>;

  constructor(db: Db) {
    this.getMeta = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.setMeta = db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.tombstoned = db.prepare('SELECT id FROM seed_tombstones WHERE tbl = ?');
    this.addTombstone = db.prepare(
      'INSERT OR REPLACE INTO seed_tombstones (tbl, id, deleted_at) VALUES (?, ?, ?)',
    );
  }
}

const SEED_VERSION_KEY = 'seed_version';

/** Merges the seed in `seedDir` unless the database already has its version. */
export function syncSeed(
  db: Db,
  rows: RowStore,
  statements: SeedStatements,
  seedDir: string,
  now: () => Date,
): SeedMerge {
  const version = readable(seedDir, () => seedVersion(seedDir));
  const current = statements.getMeta.get(SEED_VERSION_KEY)?.value;
  const result: SeedMerge = {
    version,
    merged: false,
    added: 0,
    updated: 0,
    removed: 0,
    keptUserRows: 0,
    skippedOrphans: 0,
  };
  if (current === version) return result;
  const seed = readable(seedDir, () => readSeed(seedDir));
  db.transaction(() => {
    mergeSeed(rows, statements, seed, now().toISOString(), result);
    statements.setMeta.run(SEED_VERSION_KEY, version);
  }).immediate();
  result.merged = true;
  return result;
}

/** The shipped seed is part of the install: a missing or broken one is named as such. */
function readable<T>(seedDir: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`the shipped seed catalog in ${seedDir} cannot be read: ${message}`, {
      cause: error,
    });
  }
}

function mergeSeed(
  rows: RowStore,
  statements: SeedStatements,
  seed: SeedTables,
  stamp: string,
  result: SeedMerge,
): void {
  const ids = new Map<CatalogTable, Set<string>>();
  const seedIds = new Map<CatalogTable, Set<string>>();
  for (const table of WRITE_ORDER) ids.set(table, rows.ids(table));
  for (const table of WRITE_ORDER) {
    const spec = TABLES[table];
    const deleted = new Set(statements.tombstoned.all(table).map((r) => r.id));
    const present = ids.get(table) ?? new Set<string>();
    const inSeed = new Set<string>();
    seedIds.set(table, inSeed);
    for (const raw of seed[table]) {
      const row = raw as Record<string, unknown>;
      const id = spec.key(row);
      inSeed.add(id);
      if (deleted.has(id)) {
        result.keptUserRows++;
        continue;
      }
      const stored = present.has(id) ? rows.get(table, id) : undefined;
      if (stored !== undefined && (stored.origin !== 'seed' || stored.modified === 1)) {
        result.keptUserRows++;
        continue;
      }
      const data = JSON.stringify(row);
      if (stored !== undefined && stored.data === data) continue;
      // A parent the user deleted (a tombstoned model, say) leaves its new children out.
      const orphan = REFERENCES.some(
        (ref) =>
          ref.from === table &&
          row[ref.field] !== undefined &&
          !(ids.get(ref.to)?.has(String(row[ref.field])) ?? false),
      );
      if (orphan) {
        result.skippedOrphans++;
        continue;
      }
      if (stored === undefined) {
        rows.insert(table, row, 'seed', stamp);
        present.add(id);
        result.added++;
      } else {
        rows.update(table, row, false, stamp);
        result.updated++;
      }
    }
  }
  // Seed rows the new version dropped go, children first, unless the user's rows still use them.
  for (const table of [...WRITE_ORDER].reverse()) {
    const inSeed = seedIds.get(table) ?? new Set<string>();
    for (const stored of rows.all(table)) {
      if (stored.origin !== 'seed' || stored.modified === 1 || inSeed.has(stored.id)) continue;
      if (rows.dependents(table, stored.id, true).length > 0) continue;
      rows.remove(table, stored.id);
      result.removed++;
    }
  }
}
