/**
 * Catalog database speed on this machine, on real files in a temp folder:
 *   - first start: migrations + loading the shipped seed into an empty database;
 *   - a later start: open + integrity check + migration and seed-version checks (bar < 200 ms);
 *   - readCatalog() of a catalog with 10,000 API offerings (bar < 200 ms).
 * `npx tsx scripts/bench-db.ts` prints a summary; with `--json` it ends with one JSON line
 * { dbOpenMs, seedFirstLoadMs, catalog10kLoadMs, … } (scripts/bench.ts can run it and read that).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readSeed } from '../electron/db/seed-files.ts';
import { openCatalogStore } from '../electron/db/store.ts';

const BAR_MS = 200;
const OFFERINGS = 10_000;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export interface DbBench {
  dbOpenMs: number;
  seedFirstLoadMs: number;
  catalog10kLoadMs: number;
  catalog10kWarmLoadMs: number;
  catalog10kOfferings: number;
  import10kMs: number;
}

/** Times database open + seed check, first start, and a 10,000-offering catalog's load. */
export function runDbBench(): DbBench {
  const root = mkdtempSync(join(tmpdir(), 'modelwise-bench-db-'));
  try {
    // First start: an empty folder, the whole seed loaded.
    const firstLoads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const dir = join(root, `first-${i}`);
      const { ms, value } = time(() => openCatalogStore({ dataDir: dir }));
      value.close();
      firstLoads.push(ms);
    }

    // Later starts on the existing database: the seed is current, so it is only compared.
    const existing = join(root, 'first-0');
    const opens: number[] = [];
    for (let i = 0; i < 15; i++) {
      const { ms, value } = time(() => openCatalogStore({ dataDir: existing }));
      if (value.seedMerge.merged) throw new Error('the seed merged again on an unchanged seed');
      value.close();
      opens.push(ms);
    }

    // A 10,000-offering catalog: the seed's offerings cloned under new ids.
    const big = join(root, 'big');
    const store = openCatalogStore({ dataDir: big });
    const seedOfferings = readSeed().offerings;
    const extra = Array.from({ length: OFFERINGS - seedOfferings.length }, (_, i) => {
      const o = seedOfferings[i % seedOfferings.length];
      return { ...o, id: `${o?.id ?? 'x'}/bench-${i}` };
    });
    const file = { format: 'modelwise-catalog', version: 1, tables: { offerings: extra } };
    const imported = time(() => store.importText(JSON.stringify(file), 'json'));
    if (!imported.value.ok) throw new Error(imported.value.error);
    const total = store.stats().apiOfferings;
    store.close();

    const loads: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 7; i++) {
      const s = openCatalogStore({ dataDir: big });
      const first = time(() => s.readCatalog());
      if (first.value.offerings.length !== total) throw new Error('offerings went missing');
      loads.push(first.ms);
      warm.push(time(() => s.readCatalog()).ms);
      s.close();
    }

    const result = {
      dbOpenMs: Number(median(opens).toFixed(2)),
      seedFirstLoadMs: Number(median(firstLoads).toFixed(1)),
      catalog10kLoadMs: Number(median(loads).toFixed(1)),
      catalog10kWarmLoadMs: Number(median(warm).toFixed(1)),
      catalog10kOfferings: total,
      import10kMs: Number(imported.ms.toFixed(1)),
    };
    return result;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function printDbBench(result: DbBench): void {
  const verdict = (ms: number) => (ms < BAR_MS ? `ok (< ${BAR_MS} ms)` : `OVER ${BAR_MS} ms`);
  console.log(
    `database open + seed check (existing db)  ${result.dbOpenMs} ms  ${verdict(result.dbOpenMs)}`,
  );
  console.log(`first start: migrations + seed load       ${result.seedFirstLoadMs} ms`);
  console.log(
    `readCatalog() of ${result.catalog10kOfferings} offerings        ${result.catalog10kLoadMs} ms  ${verdict(result.catalog10kLoadMs)} (again: ${result.catalog10kWarmLoadMs} ms)`,
  );
  console.log(
    `import of ${result.catalog10kOfferings} offerings (one file)   ${result.import10kMs} ms`,
  );
}

function main(): void {
  const result = runDbBench();
  printDbBench(result);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
}

if (process.argv[1]?.endsWith('bench-db.ts')) main();
