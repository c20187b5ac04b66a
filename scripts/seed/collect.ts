import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { checkCatalog } from '../../core/catalog-check/check.ts';
import type { Finding } from '../../core/catalog-check/rules.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import { CATALOG_SCHEMAS } from '../../core/catalog-import/catalog-tables.ts';
import { SEED_TABLES, type SeedTables } from '../../electron/db/seed-files.ts';
import { API_LATENCY } from './curated/api-latency.ts';
import { GPUS } from './curated/gpus.ts';
import { hostedModels } from './sources/hosted-models.ts';
import { seedInstances } from './sources/instances.ts';
import { seedOfferings } from './sources/offerings.ts';
import type { SecondSource } from './sources/second-source.ts';
import { seedProviders } from './sources/providers.ts';
import { seedQuality } from './sources/quality.ts';
import { seedRegions } from './sources/regions.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

function curatedJson(name: string): unknown {
  return JSON.parse(readFileSync(join(HERE, 'curated', name), 'utf8'));
}

export interface CollectedSeed {
  tables: SeedTables;
  /** genai-prices against LiteLLM, row by row: the cross-source report. */
  secondSource: SecondSource;
  /** Every consistency finding on the seed (none is an error: the build fails on those). */
  findings: Finding[];
}

/**
 * Gathers every seed table and validates it, then runs the catalog's consistency checks; throws
 * naming the table and row on a bad fact, and listing every error-level finding (row and rule).
 */
export function collectSeed(): CollectedSeed {
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
    latency: API_LATENCY,
  };
  const out = {} as Record<string, unknown[]>;
  for (const table of SEED_TABLES) {
    const parsed = z.array(CATALOG_SCHEMAS[table]).safeParse(raw[table]);
    if (!parsed.success) throw new Error(`${table}: ${describeZodError(parsed.error)}`);
    out[table] = parsed.data;
  }
  const tables = out as SeedTables;
  const findings = checkCatalog(tables);
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length > 0) {
    throw new Error(
      `the seed fails ${errors.length} consistency check${errors.length === 1 ? '' : 's'}:\n${errors.map((f) => `  ${f.message}`).join('\n')}`,
    );
  }
  return { tables, secondSource: api.secondSource, findings };
}
