import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describeZodError } from '../../core/schema/errors.ts';
import { CATALOG_SCHEMAS } from '../../core/catalog-import/catalog-tables.ts';
import { SEED_TABLES, type SeedTables } from '../../electron/db/seed-files.ts';
import { GPUS } from './curated/gpus.ts';
import { hostedModels } from './sources/hosted-models.ts';
import { seedInstances } from './sources/instances.ts';
import { seedOfferings } from './sources/offerings.ts';
import { seedProviders } from './sources/providers.ts';
import { seedQuality } from './sources/quality.ts';
import { seedRegions } from './sources/regions.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

function curatedJson(name: string): unknown {
  return JSON.parse(readFileSync(join(HERE, 'curated', name), 'utf8'));
}

/** Gathers every seed table and validates it; throws naming the table and row on a bad fact. */
export function collectSeed(): SeedTables {
  const api = seedOfferings();
  const offerings = api.rows;
  const instances = seedInstances().rows;
  const models = [
    ...(curatedJson('open-models.json') as { id: string }[]),
    ...hostedModels(api.litellm),
  ];
  const raw: Record<string, unknown[]> = {
    providers: seedProviders([
      ...offerings.map((o) => o.provider),
      ...instances.map((i) => i.cloud),
    ]),
    models,
    offerings,
    gpus: GPUS,
    instances,
    regions: seedRegions([
      ...offerings.flatMap((o) => o.regionId ?? []),
      ...instances.map((i) => i.regionId),
    ]),
    quality: seedQuality(new Set(models.map((m) => m.id))),
  };
  const out = {} as Record<string, unknown[]>;
  for (const table of SEED_TABLES) {
    const parsed = z.array(CATALOG_SCHEMAS[table]).safeParse(raw[table]);
    if (!parsed.success) throw new Error(`${table}: ${describeZodError(parsed.error)}`);
    out[table] = parsed.data;
  }
  return out as SeedTables;
}
