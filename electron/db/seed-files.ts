import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  Gpu,
  Instance,
  Model,
  Offering,
  Provider,
  QualityScore,
  Region,
} from '../../core/schema/catalog.ts';
import { describeZodError } from '../../core/schema/errors.ts';

export const SEED_TABLES = [
  'providers',
  'models',
  'offerings',
  'gpus',
  'instances',
  'regions',
  'quality',
] as const;
export type SeedTable = (typeof SEED_TABLES)[number];

export const SEED_SCHEMAS = {
  providers: Provider,
  models: Model,
  offerings: Offering,
  gpus: Gpu,
  instances: Instance,
  regions: Region,
  quality: QualityScore,
} as const;

export type SeedTables = { [T in SeedTable]: z.infer<(typeof SEED_SCHEMAS)[T]>[] };

/** data/seed, found from this file (works from the source tree and from the packaged app). */
export const SEED_DIR =
  process.env.MODELWISE_SEED_DIR ??
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'seed');

/** Reads and validates every seed table; a bad row throws naming the table, row and field. */
export function readSeed(dir = SEED_DIR): SeedTables {
  const out = {} as Record<SeedTable, unknown[]>;
  for (const table of SEED_TABLES) {
    const raw: unknown = JSON.parse(readFileSync(join(dir, `${table}.json`), 'utf8'));
    const parsed = z.array(SEED_SCHEMAS[table] as z.ZodType).safeParse(raw);
    if (!parsed.success) throw new Error(`seed ${table}: ${describeZodError(parsed.error)}`);
    out[table] = parsed.data;
  }
  return out as SeedTables;
}
