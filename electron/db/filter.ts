/**
 * The catalog browser's filter: free text (found in a row's key or name), or `field=value` pairs
 * joined by commas (`provider=openai,residency=eu`, `arch.layers=80`, `origin=user`, `stale=true`).
 * Compiled to a WHERE clause with parameters; an unknown field is refused by name.
 */
import { ROW_ORIGINS, type CatalogTable } from '../../core/contract/shapes.ts';
import { fieldsOf, TABLES } from './tables.ts';

export type FilterSql =
  { ok: true; where: string; params: string[] } | { ok: false; error: string };

const BOOKKEEPING_FIELDS = ['origin', 'modified', 'stale'];
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function parseBoolean(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  return undefined;
}

/** Compiles a filter for `table`; `staleBefore` is the ISO date rows older than are stale. */
export function compileFilter(
  table: CatalogTable,
  filter: string | undefined,
  staleBefore: string,
): FilterSql {
  const text = filter?.trim() ?? '';
  if (text === '') return { ok: true, where: '1 = 1', params: [] };
  const spec = TABLES[table];
  if (!text.includes('=')) {
    const like = `%${escapeLike(text)}%`;
    return spec.hasName
      ? {
          ok: true,
          where: "(id LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')",
          params: [like, like],
        }
      : { ok: true, where: "id LIKE ? ESCAPE '\\'", params: [like] };
  }
  const fields = fieldsOf(table);
  const clauses: string[] = [];
  const params: string[] = [];
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq === -1) {
      return {
        ok: false,
        error: `filter: '${pair.trim()}' is not field=value (join several pairs with commas)`,
      };
    }
    const field = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (field === 'origin') {
      const origin = value.toLowerCase();
      if (!(ROW_ORIGINS as readonly string[]).includes(origin)) {
        return {
          ok: false,
          error: `filter: origin must be ${ROW_ORIGINS.join(', ')} (got '${value}')`,
        };
      }
      clauses.push('origin = ?');
      params.push(origin);
      continue;
    }
    if (field === 'modified' || field === 'stale') {
      const flag = parseBoolean(value);
      if (flag === undefined) {
        return { ok: false, error: `filter: ${field} must be true or false (got '${value}')` };
      }
      if (field === 'modified') clauses.push(flag ? 'modified = 1' : 'modified = 0');
      else {
        clauses.push(flag ? 'as_of < ?' : 'as_of >= ?');
        params.push(staleBefore);
      }
      continue;
    }
    const head = field.split('.')[0] ?? '';
    if (!PATH.test(field) || !fields.includes(head)) {
      return {
        ok: false,
        error: `filter: unknown field '${field}' for ${table} (fields: ${[...fields, ...BOOKKEEPING_FIELDS].join(', ')})`,
      };
    }
    const column = field === 'id' ? 'id' : spec.fieldColumns[field];
    const expr = column ?? `json_extract(data, '$.${field}')`;
    if (value === '') {
      clauses.push(`(${expr} IS NULL OR ${expr} = '')`);
      continue;
    }
    // JSON booleans read back as 1/0 from json_extract: `openWeights=true` matches 1.
    const flag = parseBoolean(value);
    const alternative = flag === undefined ? value : flag ? '1' : '0';
    clauses.push(`lower(CAST(${expr} AS TEXT)) IN (lower(?), ?)`);
    params.push(value, alternative);
  }
  return { ok: true, where: clauses.join(' AND '), params };
}
