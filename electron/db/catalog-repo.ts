/**
 * Reads and edits of the catalog tables. Every write is validated with the engine's zod schema,
 * checks the rows it names exist, and runs in one transaction; every read is checked with the
 * same schema (so rows written by an older version pick up new defaults).
 */
import type { Statement } from 'better-sqlite3';
import { latencyErrors } from '../../core/catalog-check/latency-rules.ts';
import { offeringErrors } from '../../core/catalog-check/offering-rules.ts';
import type { Finding } from '../../core/catalog-check/rules.ts';
import { catalogRowKeyOf } from '../../core/catalog-import/catalog-tables.ts';
import { splitLegacyLatency } from '../../core/catalog-import/legacy-latency.ts';
import type { Catalog, Discount, LatencyMeasurement, Offering } from '../../core/schema/catalog.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import type { Db } from './connection.ts';
import { compileFilter } from './filter.ts';
import type { Dependents, RowStore, StoredRow } from './rows.ts';
import type { SeedStatements } from './seed.ts';
import type { Result } from '../../core/contract/result.ts';
import type {
  CatalogRowView,
  CatalogStats,
  CatalogTable,
  ListOptions,
} from '../../core/contract/shapes.ts';
import { CATALOG_TABLES } from '../../core/contract/shapes.ts';
import { REFERENCES, TABLES } from './tables.ts';

type Row = Record<string, unknown>;

const DAY_MS = 86_400_000;

/** "GPU 'h100-sxm'". */
export function rowName(table: CatalogTable, key: string): string {
  return `${TABLES[table].singular} '${key}'`;
}

function countNoun(d: Dependents): string {
  if (d.table === 'discounts') return `${d.count} discount${d.count === 1 ? '' : 's'}`;
  const spec = TABLES[d.table];
  return `${d.count} ${d.count === 1 ? spec.singular : spec.plural}`;
}

/** "used by 123 instances and 2 offerings". */
export function describeDependents(deps: readonly Dependents[]): string {
  const parts = deps.map(countNoun);
  const last = parts.pop();
  return parts.length === 0 ? (last ?? '') : `${parts.join(', ')} and ${last ?? ''}`;
}

/** A stored row's JSON, or undefined when the text is damaged (quarantine moves such rows out on open). */
function parseStored(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export class CatalogRepo {
  private readonly filtered = new Map<string, Statement<string[], StoredRow>>();
  private readonly counted = new Map<string, Statement<string[], { n: number }>>();
  private readonly statements: {
    discounts: Statement<
      [],
      { provider: string | null; offering_id: string | null; fraction: number; note: string }
    >;
    stats: Statement<[{ before: string }], CatalogStats>;
  };
  /** Rows that no longer pass their schema, found by the last readCatalog(). */
  problems: string[] = [];

  constructor(
    private readonly db: Db,
    private readonly rows: RowStore,
    private readonly seed: SeedStatements,
    private readonly now: () => Date,
    private readonly staleAfterDays: number,
  ) {
    const stale = CATALOG_TABLES.map((t) => `(SELECT count(*) FROM ${t} WHERE as_of < @before)`);
    this.statements = {
      discounts: db.prepare(
        'SELECT provider, offering_id, fraction, note FROM discounts ORDER BY id',
      ),
      stats: db.prepare(`SELECT
        (SELECT count(*) FROM offerings) AS apiOfferings,
        (SELECT count(DISTINCT provider) FROM offerings) AS providers,
        (SELECT count(*) FROM models) AS models,
        (SELECT count(*) FROM models WHERE open_weights = 1) AS openModels,
        (SELECT count(*) FROM gpus) AS gpus,
        (SELECT count(*) FROM instances) AS instances,
        (SELECT count(DISTINCT cloud) FROM instances) AS clouds,
        (SELECT count(*) FROM regions) AS regions,
        ${stale.join(' + ')} AS staleRows`),
    };
  }

  /** ISO date: rows whose `asOf` is before it are stale. */
  staleBefore(): string {
    return new Date(this.now().getTime() - this.staleAfterDays * DAY_MS).toISOString().slice(0, 10);
  }

  /** The whole catalog as the engine reads it. Rows that fail their schema are left out and listed in `problems`. */
  readCatalog(): Catalog {
    const problems: string[] = [];
    const tables = {} as Record<CatalogTable, Row[]>;
    for (const table of CATALOG_TABLES) {
      const schema = TABLES[table].schema;
      const out: Row[] = [];
      for (const { id, data } of this.rows.allData(table)) {
        const parsed = schema.safeParse(parseStored(data));
        if (parsed.success) out.push(parsed.data);
        else problems.push(`${rowName(table, id)}: ${describeZodError(parsed.error)}`);
      }
      tables[table] = out;
    }
    this.problems = problems;
    const discounts: Discount[] = this.statements.discounts.all().map((d) => ({
      ...(d.provider === null ? {} : { provider: d.provider }),
      ...(d.offering_id === null ? {} : { offeringId: d.offering_id }),
      fraction: d.fraction,
      note: d.note,
    }));
    return { ...(tables as unknown as Omit<Catalog, 'discounts'>), discounts };
  }

  list(
    table: CatalogTable,
    options: ListOptions = {},
  ): { rows: CatalogRowView[]; total: number; filterError?: string } {
    const staleBefore = this.staleBefore();
    const filter = compileFilter(table, options.filter, staleBefore);
    if (!filter.ok) return { rows: [], total: 0, filterError: filter.error };
    const limit = Math.max(0, Math.min(options.limit ?? 1_000_000, 1_000_000));
    const offset = Math.max(0, options.offset ?? 0);
    const select = this.cached(
      this.filtered,
      `SELECT id, data, source, as_of, origin, modified, updated_at FROM ${table} WHERE ${filter.where} ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
    );
    const count = this.cached(
      this.counted,
      `SELECT count(*) AS n FROM ${table} WHERE ${filter.where}`,
    );
    const rows = select.all(...filter.params).map((r) => this.view(table, r, staleBefore));
    return { rows, total: count.get(...filter.params)?.n ?? 0 };
  }

  view(table: CatalogTable, r: StoredRow, staleBefore = this.staleBefore()): CatalogRowView {
    return {
      table,
      key: r.id,
      row: (parseStored(r.data) ?? {}) as Row,
      origin: r.origin,
      modified: r.modified === 1,
      stale: r.as_of < staleBefore,
      source: r.source,
      asOf: r.as_of,
      updatedAt: r.updated_at,
    };
  }

  stats(): CatalogStats {
    const before = this.staleBefore();
    const stats = this.statements.stats.get({ before });
    if (stats === undefined) throw new Error('catalog statistics: no result');
    return stats;
  }

  /**
   * Validates a row and names what is wrong with it: a field (zod), or a row it names that the
   * catalog lacks. `known` lets an import count rows it is about to add as present.
   */
  check(
    table: CatalogTable,
    input: unknown,
    known?: (table: CatalogTable, id: string) => boolean,
  ): Result<Row> {
    const spec = TABLES[table];
    const parsed = spec.schema.safeParse(input);
    if (!parsed.success) {
      const key = catalogRowKeyOf(table, input);
      const who = key === undefined ? spec.singular : rowName(table, key);
      return { ok: false, error: `${who}: ${describeZodError(parsed.error)}` };
    }
    const row = parsed.data;
    const today = this.now().toISOString().slice(0, 10);
    if (typeof row['asOf'] === 'string' && row['asOf'] > today) {
      // Read "in 2099" (a mistyped year), it would outrank every later import of the row.
      return {
        ok: false,
        error: `${rowName(table, spec.key(row))}: asOf: ${row['asOf']} is after today (${today})`,
      };
    }
    const exists = known ?? ((t: CatalogTable, id: string) => this.rows.exists(t, id));
    for (const ref of REFERENCES) {
      if (ref.from !== table || row[ref.field] === undefined) continue;
      const target = String(row[ref.field]);
      if (!exists(ref.to, target)) {
        return {
          ok: false,
          error: `${rowName(table, spec.key(row))}: ${ref.field}: unknown ${TABLES[ref.to].singular} '${target}' (add it to the catalog first)`,
        };
      }
    }
    return { ok: true, data: row };
  }

  /**
   * Writes a validated row: new rows get `origin`; a changed seed row becomes `modified` so
   * later seed versions leave it alone. Returns whether anything changed. Call inside a transaction.
   */
  write(
    table: CatalogTable,
    row: Row,
    origin: 'user' | 'import',
    stamp: string,
  ): 'added' | 'updated' | 'unchanged' {
    const key = TABLES[table].key(row);
    const stored = this.rows.get(table, key);
    if (stored === undefined) {
      this.rows.insert(table, row, origin, stamp);
      return 'added';
    }
    if (stored.data === JSON.stringify(row)) return 'unchanged';
    this.rows.update(table, row, stored.origin === 'seed' || stored.modified === 1, stamp);
    return 'updated';
  }

  upsert(table: CatalogTable, input: unknown): Result<{ key: string; changed: CatalogTable[] }> {
    // An offering edited from an older file's shape: its published latency goes to its own row.
    const split: { offering: unknown; latency?: Row } =
      table === 'offerings' && typeof input === 'object' && input !== null
        ? splitLegacyLatency(input as Row)
        : { offering: input };
    const checked = this.check(table, split.offering);
    if (!checked.ok) return checked;
    const row = checked.data;
    const writes: { table: CatalogTable; row: Row }[] = [{ table, row }];
    if (split.latency !== undefined) {
      const offeringId = String(row['id']);
      const latency = this.check(
        'latency',
        split.latency,
        (t, id) => (t === 'offerings' && id === offeringId) || this.rows.exists(t, id),
      );
      if (!latency.ok) return latency;
      writes.push({ table: 'latency', row: latency.data });
    }
    for (const w of writes) {
      // An edit keeps the catalog passing its own checks: a broken row is refused, the rule named.
      const errors = this.ruleErrors(w.table, w.row);
      if (errors.length > 0) return { ok: false, error: errors.map((f) => f.message).join('; ') };
    }
    const stamp = this.now().toISOString();
    const changed = this.db
      .transaction(() =>
        writes.filter((w) => this.write(w.table, w.row, 'user', stamp) !== 'unchanged'),
      )
      .immediate();
    return {
      ok: true,
      data: { key: TABLES[table].key(row), changed: changed.map((w) => w.table) },
    };
  }

  /** The consistency rules an edited row must pass (error level), as findings. */
  private ruleErrors(table: CatalogTable, row: Row): Finding[] {
    if (table === 'latency') return latencyErrors(row as unknown as LatencyMeasurement);
    if (table !== 'offerings') return [];
    const o = row as unknown as Offering;
    const model = this.rows.get('models', o.modelId);
    const context = (parseStored(model?.data ?? '') as { contextTokens?: number } | undefined)
      ?.contextTokens;
    return offeringErrors(o, context);
  }

  remove(table: CatalogTable, key: string): Result<{ changed: CatalogTable[] }> {
    const stored = this.rows.get(table, key);
    if (stored === undefined) {
      return { ok: false, error: `no ${rowName(table, key)} in the catalog` };
    }
    const deps = this.rows.dependents(table, key);
    if (deps.length > 0) {
      return {
        ok: false,
        error: `${rowName(table, key)} is used by ${describeDependents(deps)}; delete or change those first`,
      };
    }
    const stamp = this.now().toISOString();
    this.db
      .transaction(() => {
        this.rows.remove(table, key);
        // A deleted seed row stays deleted when a later seed version still ships it.
        if (stored.origin === 'seed') this.seed.addTombstone.run(table, key, stamp);
      })
      .immediate();
    return { ok: true, data: { changed: [table] } };
  }

  private cached<T>(
    cache: Map<string, Statement<string[], T>>,
    sql: string,
  ): Statement<string[], T> {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<string[], T>(sql);
      if (cache.size > 200) cache.clear();
      cache.set(sql, statement);
    }
    return statement;
  }
}
