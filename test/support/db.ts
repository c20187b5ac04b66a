/**
 * Database test helpers: a small seed catalog written into a temp folder, a store opened on real
 * files with the real migrations and a frozen clock, and a full content dump for "nothing
 * changed" checks.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSeedManifest } from '../../electron/db/seed-files.ts';
import { openCatalogStore, type OpenedCatalogStore } from '../../electron/db/store.ts';
import type { OpenOptions } from '../../electron/db/store-types.ts';

/** The frozen "now" of database tests. */
export const NOW = new Date('2026-11-27T12:00:00.000Z');
export const frozenClock = () => NOW;

const SRC = { source: 'test fixture', asOf: '2026-11-01' };

/** A small, valid seed: two providers, three models, two GPUs, two regions, offerings, instances, a quality score, a published latency. */
export function fixtureSeed(): Record<string, Record<string, unknown>[]> {
  return {
    providers: [
      { ...SRC, id: 'acme', name: 'Acme AI', kind: 'api' },
      { ...SRC, id: 'cloudco', name: 'CloudCo', kind: 'cloud' },
    ],
    models: [
      {
        ...SRC,
        id: 'acme-large',
        name: 'Acme Large',
        developer: 'Acme',
        family: 'acme',
        openWeights: false,
        contextTokens: 200000,
      },
      {
        ...SRC,
        id: 'acme-small',
        name: 'Acme Small',
        developer: 'Acme',
        family: 'acme',
        openWeights: false,
      },
      {
        ...SRC,
        id: 'open-8b',
        name: 'Open 8B',
        developer: 'Open',
        family: 'open',
        openWeights: true,
        arch: {
          paramsTotalB: 8,
          paramsActiveB: 8,
          layers: 32,
          hiddenSize: 4096,
          attentionHeads: 32,
          kvHeads: 8,
          headDim: 128,
          vocabSize: 128256,
        },
      },
    ],
    gpus: [
      {
        ...SRC,
        id: 'h100-sxm',
        name: 'NVIDIA H100 SXM',
        vendor: 'nvidia',
        family: 'hopper',
        memoryGB: 80,
        memoryBandwidthTBps: 3.35,
        tflops: { bf16: 989, fp8: 1979 },
        interconnect: { kind: 'nvlink', busGBps: 360, latencyUs: 8 },
      },
      {
        ...SRC,
        id: 'l4',
        name: 'NVIDIA L4',
        vendor: 'nvidia',
        family: 'ada',
        memoryGB: 24,
        memoryKind: 'gddr',
        memoryBandwidthTBps: 0.3,
        tflops: { bf16: 121 },
        interconnect: { kind: 'pcie', busGBps: 16, latencyUs: 25 },
      },
    ],
    regions: [
      region('cloudco:eu-1', 'eu-1', 'Frankfurt', 'DE', 'eu'),
      region('cloudco:us-1', 'us-1', 'Virginia', 'US', 'us'),
    ],
    offerings: [
      offeringRow('acme/large', 'acme-large', 3, 15),
      offeringRow('acme/small', 'acme-small', 0.25, 1.25),
    ],
    instances: [
      instanceRow('cloudco:8xh100:eu-1', 'h100-sxm', 8, 'cloudco:eu-1', 98.32),
      instanceRow('cloudco:8xh100:us-1', 'h100-sxm', 8, 'cloudco:us-1', 88.49),
      instanceRow('cloudco:1xl4:us-1', 'l4', 1, 'cloudco:us-1', 0.8),
    ],
    quality: [{ ...SRC, modelId: 'acme-large', benchmark: 'lmarena-text', score: 1400 }],
    latency: [
      {
        ...SRC,
        offeringId: 'acme/large',
        kind: 'published',
        ttftMs: 600,
        outputTokPerS: 70,
        inputTokens: 1000,
        outputTokens: 1000,
      },
    ],
  };
}

function region(id: string, code: string, name: string, country: string, residency: string) {
  return {
    ...SRC,
    id,
    cloud: 'cloudco',
    code,
    name,
    country,
    latitude: 50,
    longitude: 8,
    residency,
  };
}

export function offeringRow(
  id: string,
  modelId: string,
  input: number,
  output: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...SRC,
    id,
    provider: 'acme',
    modelId,
    residency: 'global',
    usdPerMTok: { input, output },
    ...extra,
  };
}

export function instanceRow(
  id: string,
  gpuId: string,
  gpuCount: number,
  regionId: string,
  onDemand: number,
): Record<string, unknown> {
  return {
    ...SRC,
    id,
    cloud: 'cloudco',
    instanceType: id.split(':')[1] ?? id,
    gpuId,
    gpuCount,
    regionId,
    usdPerHour: { onDemand },
  };
}

/** Writes seed tables (and their manifest) into `dir`. */
export function writeSeed(dir: string, tables: Record<string, unknown[]>): string {
  mkdirSync(dir, { recursive: true });
  for (const [table, rows] of Object.entries(tables)) {
    writeFileSync(join(dir, `${table}.json`), JSON.stringify(rows, null, 1));
  }
  writeSeedManifest(dir);
  return dir;
}

/** A temp root per test (removed after), with a fixture seed and a data folder inside. */
export interface TestPaths {
  root: string;
  dataDir: string;
  seedDir: string;
  dbFile: string;
}

export function testPaths(root: string, seed = fixtureSeed()): TestPaths {
  const dataDir = join(root, 'data');
  const seedDir = writeSeed(join(root, 'seed'), seed);
  return { root, dataDir, seedDir, dbFile: join(dataDir, 'modelwise.db') };
}

export function openTestStore(
  paths: TestPaths,
  options: Partial<OpenOptions> = {},
): OpenedCatalogStore {
  return openCatalogStore({
    dataDir: paths.dataDir,
    seedDir: paths.seedDir,
    now: frozenClock,
    ...options,
  });
}

/** Every row of every table (bookkeeping included), as text: equal dumps mean equal content. */
export function dumpDatabase(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    const out: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all();
    }
    return JSON.stringify(out);
  } finally {
    db.close();
  }
}

/**
 * Points MODELWISE_DATA_DIR at a temp folder for a test file (CLI tests), restoring it after.
 * Pass vitest's beforeAll/afterAll.
 */
export function useDataDirEnv(
  before: (fn: () => void) => void,
  after: (fn: () => void) => void,
): () => string {
  let dir = '';
  let previous: string | undefined;
  before(() => {
    previous = process.env['MODELWISE_DATA_DIR'];
    dir = mkdtempSync(join(tmpdir(), 'modelwise-data-'));
    process.env['MODELWISE_DATA_DIR'] = dir;
  });
  after(() => {
    if (previous === undefined) delete process.env['MODELWISE_DATA_DIR'];
    else process.env['MODELWISE_DATA_DIR'] = previous;
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
