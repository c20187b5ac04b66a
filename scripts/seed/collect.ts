import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describeZodError } from '../../core/schema/errors.ts';
import { SEED_SCHEMAS, SEED_TABLES, type SeedTables } from '../../electron/db/seed-files.ts';
import { GPUS } from './curated/gpus.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

function curatedJson(name: string): unknown {
  return JSON.parse(readFileSync(join(HERE, 'curated', name), 'utf8'));
}

/** Gathers every seed table and validates it; throws naming the table and row on a bad fact. */
export function collectSeed(): SeedTables {
  const raw: Record<string, unknown[]> = {
    providers: [],
    models: curatedJson('open-models.json') as unknown[],
    offerings: [],
    gpus: GPUS,
    instances: [],
    regions: [],
    quality: [],
  };
  const out = {} as Record<string, unknown[]>;
  for (const table of SEED_TABLES) {
    const parsed = z.array(SEED_SCHEMAS[table] as z.ZodType).safeParse(raw[table]);
    if (!parsed.success) throw new Error(`${table}: ${describeZodError(parsed.error)}`);
    out[table] = parsed.data;
  }
  return out as SeedTables;
}
