import { readFileSync, statSync } from 'node:fs';
import { parseJsonSafely } from '../../core/json-safe.ts';
import { UsageError } from './errors.ts';

/** The largest file a CLI command reads: scenario and batch files are small. */
const MAX_BYTES = 50 * 1024 * 1024;

/** Reads and parses a JSON file; every failure is one line naming the file. */
export function readJsonFile(file: string): unknown {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`${file}: cannot read the file (does it exist?)`);
  }
  if (size > MAX_BYTES) throw new UsageError(`${file}: larger than 50 MB`);
  const text = readFileSync(file, 'utf8');
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.error}`);
  return parsed.value;
}
