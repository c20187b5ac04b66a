import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** A file of curated facts from scripts/seed/curated/, parsed. */
export function curatedJson(name: string): unknown {
  return JSON.parse(readFileSync(join(HERE, 'curated', name), 'utf8'));
}
