/**
 * Builds the seed catalog in data/seed/ from the curated facts in scripts/seed/curated/ and the
 * public reference data in ../shared/reference/ (read here, never copied). Every row is validated
 * against the engine's schemas and carries its source and as_of date.
 *
 *   npm run seed:build            (needs ../shared/reference beside the project)
 *
 * It also writes data/seed/manifest.json: the content hash of the tables is the seed's version.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SEED_DIR,
  SEED_TABLES,
  writeSeedManifest,
  type SeedTables,
} from '../../electron/db/seed-files.ts';
import { catalogRowKey } from '../../core/catalog-import/catalog-tables.ts';
import { collectSeed } from './collect.ts';
import { crossSourceReport, REPORT_FILE } from './report.ts';

function main(): void {
  const collected = collectSeed();
  const tables: SeedTables = collected.tables;
  for (const table of SEED_TABLES) {
    const key = (row: object) => catalogRowKey(table, row as Record<string, unknown>);
    const rows = [...tables[table]].sort((a, b) => key(a).localeCompare(key(b)));
    writeFileSync(join(SEED_DIR, `${table}.json`), JSON.stringify(rows, null, 1) + '\n');
    console.log(`${table.padEnd(10)} ${rows.length}`);
  }
  // The app compares this version with the one it last merged: an unchanged seed costs one read.
  const manifest = writeSeedManifest(SEED_DIR);
  console.log(`version    ${manifest.version}`);
  writeFileSync(REPORT_FILE, crossSourceReport(collected.secondSource, collected.findings));
  const d = collected.secondSource;
  console.log(
    `genai-prices matched ${d.matched} offerings, priced ${d.priced}; ${d.disagreements.length} disagreements → ${REPORT_FILE}`,
  );
}

main();
