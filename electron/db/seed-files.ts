import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  CATALOG_SCHEMAS,
  CATALOG_TABLE_NAMES,
  type CATALOG_TABLE_SCHEMAS,
} from '../../core/catalog-import/catalog-tables.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import { defaultSeedDir } from './paths.ts';

export const SEED_TABLES = CATALOG_TABLE_NAMES;
export type SeedTable = (typeof SEED_TABLES)[number];

export type SeedTables = { [T in SeedTable]: z.infer<(typeof CATALOG_TABLE_SCHEMAS)[T]>[] };

/** data/seed of the source tree (or `MODELWISE_SEED_DIR`); the packaged app passes its own. */
export const SEED_DIR = defaultSeedDir();

/** The file naming the seed's version: a content hash, so an unchanged seed is skipped cheaply. */
export const MANIFEST_FILE = 'manifest.json';

export interface SeedManifest {
  /** sha256 of every table file's content: changes exactly when the seed does. */
  version: string;
  tables: Record<SeedTable, { rows: number; sha256: string }>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A table file's text with line endings normalised (a Windows checkout must hash the same). */
function tableText(dir: string, table: SeedTable): string {
  return readFileSync(join(dir, `${table}.json`), 'utf8').replace(/\r\n/g, '\n');
}

/** The seed's version computed from its files (what the manifest records). */
export function computeSeedManifest(dir = SEED_DIR): SeedManifest {
  const tables = {} as SeedManifest['tables'];
  const version = createHash('sha256');
  for (const table of SEED_TABLES) {
    const text = tableText(dir, table);
    const hash = sha256(text);
    const rows = JSON.parse(text) as unknown;
    tables[table] = { rows: Array.isArray(rows) ? rows.length : 0, sha256: hash };
    version.update(`${table}\n${hash}\n`);
  }
  return { version: version.digest('hex'), tables };
}

/** Writes data/seed/manifest.json for the seed files now in `dir`. */
export function writeSeedManifest(dir = SEED_DIR): SeedManifest {
  const manifest = computeSeedManifest(dir);
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}

/**
 * The seed's version: from manifest.json (one small read), else computed from the table files
 * (a source tree where the builder has not written a manifest yet).
 */
export function seedVersion(dir = SEED_DIR): string {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return computeSeedManifest(dir).version;
  }
  const version: unknown = (JSON.parse(text) as { version?: unknown }).version;
  if (typeof version !== 'string' || !/^[0-9a-f]{64}$/.test(version)) {
    throw new Error(`seed ${MANIFEST_FILE}: version must be a sha256 hex string`);
  }
  return version;
}

/** Reads and validates every seed table; a bad row throws naming the table, row and field. */
export function readSeed(dir = SEED_DIR): SeedTables {
  const out = {} as Record<SeedTable, unknown[]>;
  for (const table of SEED_TABLES) {
    const raw: unknown = JSON.parse(readFileSync(join(dir, `${table}.json`), 'utf8'));
    const parsed = z.array(CATALOG_SCHEMAS[table]).safeParse(raw);
    if (!parsed.success) throw new Error(`seed ${table}: ${describeZodError(parsed.error)}`);
    out[table] = parsed.data;
  }
  return out as SeedTables;
}
