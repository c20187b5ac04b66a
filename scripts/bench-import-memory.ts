/**
 * Peak memory of a catalog CSV import against the file's size (the bar: at most 4× the file).
 * Writes an offerings CSV of `--mb` megabytes into a temporary data folder, imports it through
 * the store as `catalog import` does, and prints the growth of the peak resident set (maxRSS)
 * from just before the file is read to just after the import.
 *
 *   npx tsx scripts/bench-import-memory.ts --mb 20 [--json]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCatalogStore } from '../electron/db/store.ts';
import { readTextFile } from './cli/read-file.ts';

const HEADER =
  'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,cache_read_usd_per_mtok,cache_write_usd_per_mtok,cache_style,cache_min_prefix_tokens,source,as_of';

/** An offerings CSV of about `bytes` bytes: distinct ids on a catalog provider and model. */
export function writeOfferingsCsv(
  file: string,
  bytes: number,
  provider: string,
  model: string,
): number {
  const lines = [HEADER];
  let size = HEADER.length + 1;
  for (let i = 0; size < bytes; i++) {
    const input = 1 + (i % 7) / 10;
    const line = `${provider}/bulk-${i},${provider},${model},global,${input.toFixed(2)},${(5 + (i % 11) / 10).toFixed(2)},0.1,${(input * 1.25).toFixed(4)},explicit,1024,negotiated price list row ${i},2026-11-01`;
    lines.push(line);
    size += line.length + 1;
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return lines.length - 1;
}

function main(): void {
  const args = process.argv.slice(2);
  const mb = Number(args[args.indexOf('--mb') + 1] ?? 20) || 20;
  // --file imports a CSV written beforehand (by a test), so that this process's heap holds the
  // import alone and can be capped with --max-old-space-size.
  const given = args.includes('--file') ? args[args.indexOf('--file') + 1] : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'modelwise-importmem-'));
  try {
    const store = openCatalogStore({ dataDir: dir });
    const o = store.readCatalog().offerings[0];
    if (o === undefined) throw new Error('the seed has no offerings');
    const file = given ?? join(dir, 'bulk.csv');
    const rows =
      given === undefined ? writeOfferingsCsv(file, mb * 1024 * 1024, o.provider, o.modelId) : -1;
    const fileBytes = statSync(file).size;
    global.gc?.();
    const before = process.resourceUsage().maxRSS * 1024;
    const text = readTextFile(file, 100);
    const result = store.importText(text, 'csv');
    const after = process.resourceUsage().maxRSS * 1024;
    store.close();
    if (!result.ok) throw new Error(result.error);
    const growth = Math.max(0, after - before);
    const imported = result.data.imported.offerings ?? 0;
    const report = {
      fileBytes,
      rows,
      imported,
      peakGrowthBytes: growth,
      perFileByte: growth / fileBytes,
    };
    if (args.includes('--json')) console.log(JSON.stringify(report));
    else
      console.log(
        `CSV import: ${rows} rows, ${(fileBytes / 1e6).toFixed(1)} MB → peak memory +${(growth / 1e6).toFixed(1)} MB (${report.perFileByte.toFixed(2)} bytes per file byte)`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench-import-memory.ts')) main();
