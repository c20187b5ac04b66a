import { describe, expect, it } from 'vitest';
import { dumpDatabase, instanceRow, offeringRow, openTestStore, testPaths } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

function open() {
  const paths = testPaths(tmp());
  return { paths, store: openTestStore(paths) };
}

describe('catalog: reading', () => {
  it('loads the seed on first start and counts what a user sees', () => {
    const { store } = open();
    expect(store.seedMerge).toMatchObject({ merged: true, added: 16 });
    expect(store.stats()).toEqual({
      apiOfferings: 2,
      providers: 1,
      models: 3,
      openModels: 1,
      gpus: 2,
      instances: 3,
      clouds: 1,
      regions: 2,
      staleRows: 0,
    });
    const catalog = store.readCatalog();
    expect(catalog.offerings.map((o) => o.id)).toEqual(['acme/large', 'acme/small']);
    // Defaults come back filled in, as the engine expects them.
    expect(catalog.offerings[0]?.cache.style).toBe('none');
    expect(catalog.gpus.find((g) => g.id === 'h100-sxm')?.memoryKind).toBe('hbm');
    store.close();
  });

  it('lists with text and field filters, paging, and bookkeeping', () => {
    const { store } = open();
    expect(store.list('gpus', { filter: 'H100' }).rows.map((r) => r.key)).toEqual(['h100-sxm']);
    expect(store.list('gpus', { filter: 'nvidia l4' }).total).toBe(1); // by name
    expect(store.list('instances', { filter: 'gpuId=h100-sxm' }).total).toBe(2);
    expect(store.list('instances', { filter: 'gpuId=h100-sxm,regionId=cloudco:us-1' }).total).toBe(
      1,
    );
    expect(store.list('models', { filter: 'openWeights=true' }).rows.map((r) => r.key)).toEqual([
      'open-8b',
    ]);
    expect(store.list('models', { filter: 'arch.layers=32' }).total).toBe(1);
    expect(store.list('offerings', { filter: 'usdPerMTok.input=0.25' }).total).toBe(1);
    expect(store.list('offerings', { filter: 'regionId=' }).total).toBe(2);
    const page = store.list('instances', { limit: 1, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.key)).toEqual(['cloudco:8xh100:eu-1']);
    const [view] = store.list('quality').rows;
    expect(view).toMatchObject({
      key: 'acme-large|lmarena-text',
      origin: 'seed',
      modified: false,
      stale: false,
      asOf: '2026-11-01',
      source: 'test fixture',
    });
    expect(store.list('regions', { filter: 'colour=blue' }).filterError).toMatch(
      /^filter: unknown field 'colour' for regions \(fields: .*cloud.*\)/,
    );
    expect(store.list('regions', { filter: 'stale=maybe' }).filterError).toBe(
      "filter: stale must be true or false (got 'maybe')",
    );
    expect(store.list('regions', { filter: 'origin=bogus' }).filterError).toBe(
      "filter: origin must be seed, import, user (got 'bogus')",
    );
    expect(store.list('regions', { filter: 'origin=Seed' }).total).toBe(
      store.list('regions').total,
    );
    store.close();
  });
});

describe('catalog: editing', () => {
  it('refuses an edit that breaks a consistency rule, naming the row and the rule', () => {
    const paths = testPaths(tmp());
    const store = openTestStore(paths);
    const before = dumpDatabase(paths.dbFile);
    const edit = offeringRow('acme/large', 'acme-large', 3, 15, {
      priority: { input: 2, output: 30 },
    });
    expect(store.upsert('offerings', edit)).toEqual({
      ok: false,
      error:
        "offering 'acme/large': tier-order: priority.input: priority input 2 $/MTok is below standard 3 $/MTok",
    });
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });

  it('adds a user row, edits it, and names the field of an invalid edit', () => {
    const { store } = open();
    const revision = store.revision();
    const added = store.upsert('offerings', offeringRow('acme/large-eu', 'acme-large', 3.3, 16.5));
    expect(added).toEqual({ ok: true, data: { key: 'acme/large-eu', changed: ['offerings'] } });
    expect(store.revision()).toBe(revision + 1);
    expect(store.list('offerings', { filter: 'origin=user' }).rows.map((r) => r.key)).toEqual([
      'acme/large-eu',
    ]);

    const bad = store.upsert(
      'offerings',
      offeringRow('acme/large-eu', 'acme-large', -1, 16.5, { residency: 'mars' }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toMatch(/^offering 'acme\/large-eu': residency: Invalid option/);
      expect(bad.error).toMatch(/usdPerMTok\.input: Too small: expected number to be >=0/);
    }
    expect(store.readCatalog().offerings.find((o) => o.id === 'acme/large-eu')?.usdPerMTok).toEqual(
      { input: 3.3, output: 16.5 },
    );

    // Writing the same row again changes nothing and says so.
    const same = store.upsert('offerings', offeringRow('acme/large-eu', 'acme-large', 3.3, 16.5));
    expect(same).toEqual({ ok: true, data: { key: 'acme/large-eu', changed: [] } });
    store.close();
  });

  it('refuses a row naming an unknown row, by field', () => {
    const { store } = open();
    const result = store.upsert(
      'instances',
      instanceRow('cloudco:8xb200:us-1', 'b200', 8, 'cloudco:us-1', 120),
    );
    expect(result).toEqual({
      ok: false,
      error:
        "instance 'cloudco:8xb200:us-1': gpuId: unknown GPU 'b200' (add it to the catalog first)",
    });
    store.close();
  });

  it('refuses a row read after today, naming the row and asOf, and writes nothing', () => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    // The clock reads 2026-11-27. A price "read on 2099-01-01" would outrank every later import:
    // each would be skipped as "the catalog has a later price".
    const late = offeringRow('acme/large', 'acme-large', 3, 15, { asOf: '2099-01-01' });
    expect(store.upsert('offerings', late)).toEqual({
      ok: false,
      error: "offering 'acme/large': asOf: 2099-01-01 is after today (2026-11-27)",
    });
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });

  it('marks an edited seed row as modified', () => {
    const { store } = open();
    const [gpu] = store.list('gpus', { filter: 'id=l4' }).rows;
    expect(store.upsert('gpus', { ...gpu?.row, purchaseUsd: 2500 }).ok).toBe(true);
    const [edited] = store.list('gpus', { filter: 'id=l4' }).rows;
    expect(edited).toMatchObject({
      origin: 'seed',
      modified: true,
      updatedAt: '2026-11-27T12:00:00.000Z',
    });
    expect(edited?.row['purchaseUsd']).toBe(2500);
    store.close();
  });

  it('refuses to delete a row others use, naming who uses it; deletes it once they are gone', () => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    expect(store.remove('gpus', 'h100-sxm')).toEqual({
      ok: false,
      error: "GPU 'h100-sxm' is used by 2 instances; delete or change those first",
    });
    expect(store.remove('models', 'acme-large')).toEqual({
      ok: false,
      error:
        "model 'acme-large' is used by 1 offering and 1 quality score; delete or change those first",
    });
    expect(store.remove('providers', 'cloudco')).toEqual({
      ok: false,
      error:
        "provider 'cloudco' is used by 3 instances and 2 regions; delete or change those first",
    });
    expect(store.remove('gpus', 'b200')).toEqual({
      ok: false,
      error: "no GPU 'b200' in the catalog",
    });
    expect(dumpDatabase(paths.dbFile)).toBe(before);

    expect(store.remove('instances', 'cloudco:8xh100:eu-1').ok).toBe(true);
    expect(store.remove('instances', 'cloudco:8xh100:us-1').ok).toBe(true);
    expect(store.remove('gpus', 'h100-sxm')).toEqual({ ok: true, data: { changed: ['gpus'] } });
    expect(store.stats().gpus).toBe(1);
    store.close();
  });
});
