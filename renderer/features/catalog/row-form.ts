/** A catalog row as editable fields: nested objects flatten to dotted paths; lists stay JSON. */
export interface FormField {
  path: string;
  kind: 'number' | 'string' | 'boolean' | 'json';
  text: string;
}

export function flattenRow(row: Record<string, unknown>, prefix = ''): FormField[] {
  const out: FormField[] = [];
  for (const [key, value] of Object.entries(row)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value === undefined) continue;
    if (typeof value === 'number') out.push({ path, kind: 'number', text: String(value) });
    else if (typeof value === 'string') out.push({ path, kind: 'string', text: value });
    else if (typeof value === 'boolean') out.push({ path, kind: 'boolean', text: String(value) });
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out.push(...flattenRow(value as Record<string, unknown>, path));
    } else out.push({ path, kind: 'json', text: JSON.stringify(value, null, 1) });
  }
  return out;
}

/**
 * Rebuilds the row from edited fields. An emptied number or string field drops the field (optional
 * prices); a field whose text does not parse is refused by its path.
 */
export function unflattenRow(
  fields: readonly FormField[],
): { ok: true; row: Record<string, unknown> } | { ok: false; error: string } {
  const row: Record<string, unknown> = {};
  for (const f of fields) {
    let value: unknown;
    const text = f.text.trim();
    if (f.kind === 'number') {
      if (text === '') continue;
      value = Number(text);
      if (!Number.isFinite(value))
        return { ok: false, error: `${f.path}: must be a number (got '${f.text}')` };
    } else if (f.kind === 'boolean') {
      if (text !== 'true' && text !== 'false')
        return { ok: false, error: `${f.path}: must be true or false` };
      value = text === 'true';
    } else if (f.kind === 'json') {
      try {
        value = JSON.parse(text === '' ? 'null' : text);
      } catch {
        return { ok: false, error: `${f.path}: not valid JSON` };
      }
    } else {
      if (text === '') continue;
      value = f.text;
    }
    setPath(row, f.path.split('.'), value);
  }
  return { ok: true, row };
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let node = target;
  keys.forEach((key, k) => {
    if (k === keys.length - 1) node[key] = value;
    else {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
  });
}
