/**
 * Checks an imported JSON file must pass before anything reads it. Both are iterative: a hostile
 * file nested 100,000 levels deep must get a clear refusal, not a stack overflow.
 */

/** Nesting deeper than this is refused; LiteLLM's price file nests four levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest `[`/`{` nesting in JSON text, counted without parsing (brackets inside strings are
 * skipped). Stops counting once past `limit`, so a huge file costs one pass at most.
 */
export function jsonTextDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (ch === 0x5d /* ] */ || ch === 0x7d /* } */) depth--;
  }
  return deepest;
}

/** Whether a parsed value nests arrays/objects deeper than `limit` (walked with an explicit stack). */
export function valueDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === undefined || typeof top.value !== 'object' || top.value === null) continue;
    if (top.depth > limit) return true;
    const children = Array.isArray(top.value) ? top.value : Object.values(top.value);
    for (const child of children) {
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: top.depth + 1 });
    }
  }
  return false;
}

/**
 * Whether text is really binary data decoded as text: it holds NUL characters, or many
 * control/replacement characters (what a UTF-8 decoder makes of an image or a zip file).
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample.charCodeAt(i);
    if (ch === 0) return true;
    const control = ch < 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d;
    if (control || ch === 0xfffd) suspicious++;
  }
  return sample.length > 0 && suspicious / sample.length > 0.01;
}

/** A short name of a value's JSON type, for messages ("found an array"). */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number')
    return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}
