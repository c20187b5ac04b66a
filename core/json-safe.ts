import { jsonTextDepth, looksBinary, MAX_JSON_DEPTH } from './catalog-import/json-guard.ts';

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Parses JSON text from outside (a file, a request body), refusing empty, binary, over-nested or
 * invalid text with one line a person can act on. Never throws.
 */
export function parseJsonSafely(raw: string): JsonParse {
  // Editors on Windows save "UTF-8 with BOM"; JSON.parse refuses the U+FEFF in front.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return { ok: false, error: 'the file is empty' };
  if (looksBinary(text)) return { ok: false, error: 'the file is binary data, not JSON' };
  if (jsonTextDepth(text) > MAX_JSON_DEPTH) {
    return { ok: false, error: `the file nests deeper than ${MAX_JSON_DEPTH} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
    return { ok: false, error: `not valid JSON (truncated or corrupt?): ${detail}`.trim() };
  }
}
