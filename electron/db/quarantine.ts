/**
 * Rows whose stored text is not JSON (a crash mid-write, an outside tool) would make every read
 * of their table throw `Expected property name…` and name no row. On open they are moved to the
 * `quarantine` table — kept, never deleted — and named, and the rest of the catalog works.
 */
import type { Db } from './connection.ts';
import { rowName } from './catalog-repo.ts';
import { CATALOG_TABLES, type CatalogTable } from '../../core/contract/shapes.ts';

const TABLES_WITH_DATA = [...CATALOG_TABLES, 'scenarios'] as const;
type DataTable = (typeof TABLES_WITH_DATA)[number];

function describe(table: DataTable, id: string): string {
  return table === 'scenarios' ? `scenario '${id}'` : rowName(table as CatalogTable, id);
}

/** Why text is not JSON, in JSON.parse's words (one line). */
function parseError(text: string): string {
  try {
    JSON.parse(text);
    return 'unreadable';
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  }
}

/**
 * Moves every row whose `data` is not valid JSON into `quarantine`, in one transaction, and
 * returns one line per row naming it. Rows that name it stay (their reference is now dangling,
 * which the catalog's reads tolerate and its edits point out).
 */
export function quarantineDamaged(db: Db, now: () => Date): string[] {
  const damaged: { table: DataTable; id: string; data: string }[] = [];
  for (const table of TABLES_WITH_DATA) {
    const rows = db
      .prepare<[], { id: string; data: string }>(
        `SELECT id, data FROM ${table} WHERE NOT json_valid(data)`,
      )
      .all();
    for (const r of rows) damaged.push({ table, id: r.id, data: r.data });
  }
  if (damaged.length === 0) return [];
  const stamp = now().toISOString();
  const insert = db.prepare(
    'INSERT INTO quarantine (tbl, row_id, data, reason, quarantined_at) VALUES (?, ?, ?, ?, ?)',
  );
  const lines: string[] = [];
  // A parent row may be named by others: its removal must not trip the foreign keys.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const d of damaged) {
        const reason = `its stored text is not valid JSON (${parseError(d.data)})`;
        insert.run(d.table, d.id, d.data, reason, stamp);
        db.prepare(`DELETE FROM ${d.table} WHERE id = ?`).run(d.id);
        lines.push(`${describe(d.table, d.id)}: ${reason}; moved to quarantine`);
      }
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return lines;
}
