import type { Catalog } from '../../core/schema/catalog.ts';
import { readSeed } from '../../electron/db/seed-files.ts';

/** The catalog the CLI evaluates against. */
export function loadCatalog(): Catalog {
  const seed = readSeed();
  return { ...seed, discounts: [] };
}
