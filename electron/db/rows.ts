/**
 * Row-level reads and writes of the catalog tables, as named prepared statements built once per
 * connection from the table specs. Callers validate rows (zod) before they get here.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';
import type { CatalogTable, RowOrigin } from '../../core/contract/shapes.ts';
import { REFERENCES, TABLES, type Reference } from './tables.ts';
import { CATALOG_TABLES } from '../../core/contract/shapes.ts';

type Row = Record<string, unknown>;
type Params = Record<string, string | number | null>;

/** A row as stored: the validated JSON and its bookkeeping. */
export interface StoredRow {
  id: string;
  data: string;
  source: string;
  as_of: string;
  origin: RowOrigin;
  modified: number;
  updated_at: string;
}

interface TableStatements {
  get: Statement<[string], StoredRow>;
  all: Statement<[], StoredRow>;
  allData: Statement<[], { id: string; data: string }>;
  ids: Statement<[], { id: string }>;
  exists: Statement<[string], { one: number }>;
  insert: Statement<[Params]>;
  update: Statement<[Params]>;
  remove: Statement<[string]>;
}

const BOOKKEEPING = 'id, data, source, as_of, origin, modified, updated_at';

function prepareTable(db: Db, table: CatalogTable): TableStatements {
  const columns = Object.keys(TABLES[table].columns);
  const insertColumns = ['id', ...columns, 'data', 'source', 'as_of', 'origin', 'modified'];
  insertColumns.push('updated_at');
  const sets = [...columns, 'data', 'source', 'as_of', 'modified', 'updated_at'];
  return {
    get: db.prepare(`SELECT ${BOOKKEEPING} FROM ${table} WHERE id = ?`),
    all: db.prepare(`SELECT ${BOOKKEEPING} FROM ${table} ORDER BY id`),
    allData: db.prepare(`SELECT id, data FROM ${table} ORDER BY id`),
    ids: db.prepare(`SELECT id FROM ${table}`),
    exists: db.prepare(`SELECT 1 AS one FROM ${table} WHERE id = ?`),
    insert: db.prepare(
      `INSERT INTO ${table} (${insertColumns.join(', ')}) VALUES (${insertColumns.map((c) => `@${c}`).join(', ')})`,
    ),
    update: db.prepare(
      `UPDATE ${table} SET ${sets.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
    ),
    remove: db.prepare(`DELETE FROM ${table} WHERE id = ?`),
  };
}

/** How many rows of another table (or discounts) name a row. */
export interface Dependents {
  table: CatalogTable | 'discounts';
  count: number;
}

export class RowStore {
  private readonly statements: Record<CatalogTable, TableStatements>;
  private readonly referrers: { ref: Reference; count: Statement<[string], { n: number }> }[];
  private readonly discountCount: Record<
    'providers' | 'offerings',
    Statement<[string], { n: number }>
  >;

  constructor(private readonly db: Db) {
    this.statements = Object.fromEntries(
      CATALOG_TABLES.map((t) => [t, prepareTable(db, t)]),
    ) as Record<CatalogTable, TableStatements>;
    this.referrers = REFERENCES.map((ref) => ({
      ref,
      count: db.prepare(`SELECT count(*) AS n FROM ${ref.from} WHERE ${ref.column} = ?`),
    }));
    this.discountCount = {
      providers: db.prepare('SELECT count(*) AS n FROM discounts WHERE provider = ?'),
      offerings: db.prepare('SELECT count(*) AS n FROM discounts WHERE offering_id = ?'),
    };
  }

  get(table: CatalogTable, id: string): StoredRow | undefined {
    return this.statements[table].get.get(id);
  }

  all(table: CatalogTable): StoredRow[] {
    return this.statements[table].all.all();
  }

  allData(table: CatalogTable): { id: string; data: string }[] {
    return this.statements[table].allData.all();
  }

  ids(table: CatalogTable): Set<string> {
    return new Set(this.statements[table].ids.all().map((r) => r.id));
  }

  exists(table: CatalogTable, id: string): boolean {
    return this.statements[table].exists.get(id) !== undefined;
  }

  insert(table: CatalogTable, row: Row, origin: RowOrigin, updatedAt: string): void {
    this.statements[table].insert.run({
      ...this.params(table, row, updatedAt),
      origin,
      modified: 0,
    });
  }

  update(table: CatalogTable, row: Row, modified: boolean, updatedAt: string): void {
    this.statements[table].update.run({
      ...this.params(table, row, updatedAt),
      modified: modified ? 1 : 0,
    });
  }

  remove(table: CatalogTable, id: string): void {
    this.statements[table].remove.run(id);
  }

  /** Rows of other tables that name this row (discounts too when asked: they cascade). */
  dependents(table: CatalogTable, id: string, withDiscounts = false): Dependents[] {
    const out: Dependents[] = [];
    for (const { ref, count } of this.referrers) {
      if (ref.to !== table) continue;
      const n = count.get(id)?.n ?? 0;
      if (n > 0) out.push({ table: ref.from, count: n });
    }
    if (withDiscounts && (table === 'providers' || table === 'offerings')) {
      const n = this.discountCount[table].get(id)?.n ?? 0;
      if (n > 0) out.push({ table: 'discounts', count: n });
    }
    return out;
  }

  private params(table: CatalogTable, row: Row, updatedAt: string): Params {
    const spec = TABLES[table];
    const params: Params = {
      id: spec.key(row),
      data: JSON.stringify(row),
      source: String(row['source']),
      as_of: String(row['asOf']),
      updated_at: updatedAt,
    };
    for (const [column, read] of Object.entries(spec.columns)) params[column] = read(row);
    return params;
  }
}
