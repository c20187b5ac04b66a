import type { Catalog } from '../../core/schema/catalog.ts';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.ts';
import { dumpDatabase, offeringRow, openTestStore, testPaths } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

function exported(result: { ok: true; data: string } | { ok: false; error: string }): string {
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

/** A store whose catalog has the user's own rows, an edit, long-context tiers and discounts. */
function editedStore() {
  const paths = testPaths(tmp());
  const store = openTestStore(paths);
  const writes = [
    store.upsert(
      'offerings',
      offeringRow('acme/large-eu', 'acme-large', 3.3, 16.5, {
        residency: 'eu',
        regionId: 'cloudco:eu-1',
        usdPerMTok: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
        batch: { input: 1.65 },
        longContext: [
          {
            aboveInputTokens: 128000,
            rule: 'whole-request',
            usdPerMTok: { input: 6.6, output: 24.75 },
          },
        ],
        cache: { style: 'explicit', minPrefixTokens: 1024, ttlMinutes: 60, appliesToBatch: false },
        source: 'Acme quote, "EU data zone", 2026',
        publishedTtftMs: 420.5,
      }),
    ),
    store.upsert('offerings', offeringRow('acme/small', 'acme-small', 0.2, 1)),
    store.setDiscount({ provider: 'acme', fraction: 0.12, note: 'MSA, 2026' }),
    store.setDiscount({ offeringId: 'acme/large-eu', fraction: 0.2 }),
  ];
  for (const w of writes) expect(w.ok).toBe(true);
  return { paths, store };
}

/** The catalog without the price history an import into another catalog adds. */
function withoutHistory(catalog: Catalog): Catalog {
  return {
    ...catalog,
    offerings: catalog.offerings.map(({ pricePeriods: _p, validFrom: _f, ...o }) => o),
  };
}

describe('export', () => {
  it('JSON: the whole catalog re-imports into a fresh database as the same rows and discounts', () => {
    const { store } = editedStore();
    const text = exported(store.exportText('json'));
    expect(JSON.parse(text)).toMatchObject({ format: 'modelwise-catalog', version: 1 });

    const fresh = openTestStore(testPaths(tmp()));
    const result = fresh.importText(text, 'json');
    expect(result).toMatchObject({
      ok: true,
      data: { imported: { offerings: 1 }, updated: { offerings: 1 }, discounts: 2 },
    });
    // The fresh catalog held acme/small at the seed's $0.25/$1.25: the import keeps that price
    // as history, ending the day before the import (the frozen clock's 2026-11-27).
    const after = fresh.readCatalog();
    expect(after.offerings.find((o) => o.id === 'acme/small')).toMatchObject({
      usdPerMTok: { input: 0.2, output: 1 },
      validFrom: '2026-11-27',
      pricePeriods: [{ validTo: '2026-11-26', usdPerMTok: { input: 0.25, output: 1.25 } }],
    });
    expect(withoutHistory(after)).toEqual(store.readCatalog());
    store.close();
    fresh.close();
  });

  it('JSON: re-importing into the same database changes nothing', () => {
    const { paths, store } = editedStore();
    const text = exported(store.exportText('json'));
    const before = dumpDatabase(paths.dbFile);
    expect(store.importText(text, 'json')).toMatchObject({
      ok: true,
      // 18 rows (the edited offering's legacy publishedTtftMs is its own latency row now) and 2
      // discounts, all as they were
      data: { imported: {}, updated: {}, unchanged: 20, discounts: 0 },
    });
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });

  it('CSV: offerings and instances round-trip exactly (quotes, tiers, cache policy)', () => {
    const { store } = editedStore();
    const offerings = exported(store.exportText('csv', { table: 'offerings' }));
    const instances = exported(store.exportText('csv', { table: 'instances' }));
    const rows = parseCsv(offerings);
    expect(rows.ok && rows.rows.length).toBe(4); // header + 3 offerings
    expect(offerings).toContain('128000 whole-request input=6.6 output=24.75');
    expect(offerings).toContain('"Acme quote, ""EU data zone"", 2026"');

    const fresh = openTestStore(testPaths(tmp()));
    expect(fresh.importText(offerings, 'csv').ok).toBe(true);
    expect(fresh.importText(instances, 'csv')).toMatchObject({ ok: true, data: { unchanged: 3 } });
    expect(withoutHistory(fresh.readCatalog()).offerings).toEqual(store.readCatalog().offerings);
    expect(fresh.readCatalog().instances).toEqual(store.readCatalog().instances);
    store.close();
    fresh.close();
  });

  it('exports a filtered part', () => {
    const { store } = editedStore();
    const csv = exported(store.exportText('csv', { table: 'offerings', filter: 'residency=eu' }));
    expect(csv.trimEnd().split('\r\n')).toHaveLength(2);
    const json = JSON.parse(exported(store.exportText('json', { table: 'gpus', filter: 'l4' })));
    expect(Object.keys(json.tables)).toEqual(['gpus']);
    expect(json.tables.gpus.map((g: { id: string }) => g.id)).toEqual(['l4']);
    expect(json.discounts).toEqual([]);
    store.close();
  });

  it('refuses what it cannot write, with the reason', () => {
    const { store } = editedStore();
    expect(store.exportText('csv', { table: 'gpus' })).toEqual({
      ok: false,
      error: 'the CSV format holds offerings, instances or latency; export gpus as JSON',
    });
    expect(store.exportText('json', { filter: 'acme' })).toEqual({
      ok: false,
      error: 'a filter applies to one table: choose the table to export too',
    });
    expect(store.exportText('csv', { filter: 'price=3' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^filter: unknown field 'price' for offerings/),
    });
    store.close();
  });
});
