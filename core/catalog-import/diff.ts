/**
 * What an import would change, row by row, before it is applied: the review a monthly price
 * refresh gets. Pure: the database layer hands in the stored rows and the planned ones.
 */
import type { CatalogTableName } from './catalog-tables.ts';

type Row = Record<string, unknown>;

/** One field that changes: its path (`usdPerMTok.input`, `longContext`) and both values. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface AddedRow {
  table: CatalogTableName;
  key: string;
  asOf: string;
}

export interface ChangedRow {
  table: CatalogTableName;
  key: string;
  fields: FieldChange[];
  oldAsOf: string;
  newAsOf: string;
}

/** A row the source no longer lists: it ends (its prices hold through `lastDay`), kept as history. */
export interface RemovedRow {
  table: CatalogTableName;
  key: string;
  asOf: string;
  lastDay: string;
}

export interface CatalogDiff {
  added: AddedRow[];
  changed: ChangedRow[];
  removed: RemovedRow[];
  /** Rows whose facts are the same, only re-dated (a new as_of or source). */
  confirmed: number;
  /** Rows identical to what the catalog holds. */
  unchanged: number;
}

/** Fields that say where and when a fact was read, not what it is. */
const PROVENANCE = new Set(['source', 'asOf']);
/** Fields compared whole: lists whose items have no stable key. */
const WHOLE = new Set(['longContext', 'pricePeriods', 'tflops', 'arch']);

/** A value without the provenance of the rows inside it (a price period re-read is not a change). */
function facts(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) => {
    if (!isPlainObject(item)) return item;
    const { source: _s, asOf: _a, ...rest } = item;
    return rest;
  });
}

function isPlainObject(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields whose values differ between two versions of a row, by path, provenance left out. */
export function fieldChanges(before: Row, after: Row, prefix = ''): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (prefix === '' && PROVENANCE.has(key)) continue;
    const a = before[key];
    const b = after[key];
    if (isPlainObject(a) && isPlainObject(b) && !WHOLE.has(key)) {
      out.push(...fieldChanges(a, b, path));
    } else if (JSON.stringify(facts(a)) !== JSON.stringify(facts(b))) {
      out.push({ field: path, old: a, new: b });
    }
  }
  return out;
}

/** Adds one planned row to a diff, given what the catalog holds under its key. */
export function addToDiff(
  diff: CatalogDiff,
  table: CatalogTableName,
  key: string,
  stored: Row | undefined,
  planned: Row,
): void {
  const asOf = String(planned['asOf'] ?? '');
  if (stored === undefined) {
    diff.added.push({ table, key, asOf });
    return;
  }
  const fields = fieldChanges(stored, planned);
  if (fields.length > 0) {
    diff.changed.push({ table, key, fields, oldAsOf: String(stored['asOf'] ?? ''), newAsOf: asOf });
  } else if (stored['asOf'] !== planned['asOf'] || stored['source'] !== planned['source']) {
    diff.confirmed++;
  } else {
    diff.unchanged++;
  }
}

export function emptyDiff(): CatalogDiff {
  return { added: [], changed: [], removed: [], confirmed: 0, unchanged: 0 };
}

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/** The diff as lines a terminal or a log can show: one per row, one per changed field. */
export function diffLines(diff: CatalogDiff, limit = Number.POSITIVE_INFINITY): string[] {
  const lines: string[] = [];
  const more = (shown: number, total: number) => {
    if (total > shown) lines.push(`  … ${total - shown} more`);
  };
  lines.push(`added ${diff.added.length}`);
  for (const a of diff.added.slice(0, limit))
    lines.push(`  + ${a.table} '${a.key}' (as of ${a.asOf})`);
  more(Math.min(limit, diff.added.length), diff.added.length);
  lines.push(`changed ${diff.changed.length}`);
  for (const c of diff.changed.slice(0, limit)) {
    lines.push(`  ~ ${c.table} '${c.key}' (as of ${c.oldAsOf} → ${c.newAsOf})`);
    for (const f of c.fields) lines.push(`      ${f.field}: ${show(f.old)} → ${show(f.new)}`);
  }
  more(Math.min(limit, diff.changed.length), diff.changed.length);
  lines.push(`removed ${diff.removed.length}`);
  for (const r of diff.removed.slice(0, limit)) {
    lines.push(`  - ${r.table} '${r.key}' (as of ${r.asOf}; its prices end ${r.lastDay})`);
  }
  more(Math.min(limit, diff.removed.length), diff.removed.length);
  lines.push(`re-dated ${diff.confirmed}, unchanged ${diff.unchanged}`);
  return lines;
}
