import { writeFileSync } from 'node:fs';
import { UsageError } from './errors.ts';

/** Writes `text` to the file `out` and says so; with no file, returns the text to print. */
export function printOrWrite(text: string, out: string | undefined): string {
  if (out === undefined) return text.trimEnd();
  try {
    writeFileSync(out, text);
  } catch {
    throw new UsageError(`${out}: cannot write the file`);
  }
  return `wrote ${out}`;
}
