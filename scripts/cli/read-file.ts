import { readFileSync, statSync } from 'node:fs';
import { parseJsonSafely } from '../../core/json-safe.ts';
import { decodeTextBytes } from '../../core/text-bytes.ts';
import { isoDay } from '../../core/schema/common.ts';
import { UsageError } from './errors.ts';

const MB = 1024 * 1024;

/** Reads a text file of at most `maxMB`; every failure is one line naming the file. */
export function readTextFile(file: string, maxMB: number): string {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    throw new UsageError(`${file}: cannot read the file (does it exist?)`);
  }
  if (!stats.isFile()) throw new UsageError(`${file}: not a file`);
  if (stats.size > maxMB * MB) throw new UsageError(`${file}: larger than ${maxMB} MB`);
  try {
    return decodeTextBytes(readFileSync(file));
  } catch {
    throw new UsageError(`${file}: cannot read the file`);
  }
}

/** Reads and parses a JSON file (scenario and batch files are small: 50 MB at most). */
export function readJsonFile(file: string): unknown {
  const parsed = parseJsonSafely(readTextFile(file, 50));
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.error}`);
  return parsed.value;
}

/** The day a file was last modified (UTC), or undefined when the file system will not say. */
export function fileModifiedOn(file: string): string | undefined {
  try {
    return isoDay(statSync(file).mtimeMs);
  } catch {
    return undefined;
  }
}
