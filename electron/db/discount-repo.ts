/** Negotiated discounts: one per provider or per offering, validated and checked against the catalog. */
import type { Statement } from 'better-sqlite3';
import { Discount } from '../../core/schema/catalog.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import type { Db } from './connection.ts';
import type { RowStore } from './rows.ts';
import type { Result } from '../../core/contract/result.ts';
import type { DiscountRow } from '../../core/contract/shapes.ts';

interface Stored {
  id: number;
  provider: string | null;
  offering_id: string | null;
  fraction: number;
  note: string;
  updated_at: string;
}

const COLUMNS = 'id, provider, offering_id, fraction, note, updated_at';

function toRow(s: Stored): DiscountRow {
  return {
    id: s.id,
    ...(s.provider === null ? {} : { provider: s.provider }),
    ...(s.offering_id === null ? {} : { offeringId: s.offering_id }),
    fraction: s.fraction,
    note: s.note,
    updatedAt: s.updated_at,
  };
}

export class DiscountRepo {
  private readonly statements: {
    all: Statement<[], Stored>;
    get: Statement<[number], Stored>;
    byProvider: Statement<[string], Stored>;
    byOffering: Statement<[string], Stored>;
    insert: Statement<[string | null, string | null, number, string, string]>;
    update: Statement<[number, string, string, number]>;
    remove: Statement<[number]>;
  };

  constructor(
    private readonly db: Db,
    private readonly rows: RowStore,
    private readonly now: () => Date,
  ) {
    this.statements = {
      all: db.prepare(`SELECT ${COLUMNS} FROM discounts ORDER BY id`),
      get: db.prepare(`SELECT ${COLUMNS} FROM discounts WHERE id = ?`),
      byProvider: db.prepare(`SELECT ${COLUMNS} FROM discounts WHERE provider = ?`),
      byOffering: db.prepare(`SELECT ${COLUMNS} FROM discounts WHERE offering_id = ?`),
      insert: db.prepare(
        'INSERT INTO discounts (provider, offering_id, fraction, note, updated_at) VALUES (?, ?, ?, ?, ?)',
      ),
      update: db.prepare(
        'UPDATE discounts SET fraction = ?, note = ?, updated_at = ? WHERE id = ?',
      ),
      remove: db.prepare('DELETE FROM discounts WHERE id = ?'),
    };
  }

  list(): DiscountRow[] {
    return this.statements.all.all().map(toRow);
  }

  /** Validates a discount and names the field or the unknown provider/offering it targets. */
  check(
    input: unknown,
    known?: (table: 'providers' | 'offerings', id: string) => boolean,
  ): Result<Discount> {
    const parsed = Discount.safeParse(input);
    if (!parsed.success) return { ok: false, error: `discount: ${describeZodError(parsed.error)}` };
    const d = parsed.data;
    const exists = known ?? ((t: 'providers' | 'offerings', id: string) => this.rows.exists(t, id));
    if (d.provider !== undefined && !exists('providers', d.provider)) {
      return { ok: false, error: `discount: provider: unknown provider '${d.provider}'` };
    }
    if (d.offeringId !== undefined && !exists('offerings', d.offeringId)) {
      return { ok: false, error: `discount: offeringId: unknown offering '${d.offeringId}'` };
    }
    return { ok: true, data: d };
  }

  /** Adds the discount, or replaces the one its provider/offering already has. Call inside a transaction. */
  write(d: Discount, stamp: string): { row: DiscountRow; changed: boolean } {
    const existing =
      d.provider !== undefined
        ? this.statements.byProvider.get(d.provider)
        : this.statements.byOffering.get(d.offeringId ?? '');
    let id: number;
    let changed = true;
    if (existing === undefined) {
      const info = this.statements.insert.run(
        d.provider ?? null,
        d.offeringId ?? null,
        d.fraction,
        d.note,
        stamp,
      );
      id = Number(info.lastInsertRowid);
    } else {
      id = existing.id;
      changed = existing.fraction !== d.fraction || existing.note !== d.note;
      if (changed) this.statements.update.run(d.fraction, d.note, stamp, id);
    }
    const stored = this.statements.get.get(id);
    if (stored === undefined) throw new Error(`discount ${id} vanished while being written`);
    return { row: toRow(stored), changed };
  }

  set(input: unknown): Result<DiscountRow> {
    const checked = this.check(input);
    if (!checked.ok) return checked;
    const stamp = this.now().toISOString();
    const { row } = this.db.transaction(() => this.write(checked.data, stamp)).immediate();
    return { ok: true, data: row };
  }

  remove(id: number): Result<null> {
    if (this.statements.get.get(id) === undefined) {
      return { ok: false, error: `no discount with id ${id}` };
    }
    this.statements.remove.run(id);
    return { ok: true, data: null };
  }
}
