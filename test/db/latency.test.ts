/**
 * Hosted-API latency in the catalog: a user's load test imported as measured figures (one
 * transaction, reviewed as a diff first), edits, export and re-import, older files' published
 * fields, and refusals that name the row and the column.
 */
import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../core/sweep/catalog-index.ts';
import { dumpDatabase, offeringRow, openTestStore, testPaths } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

function open() {
  const paths = testPaths(tmp());
  return { paths, store: openTestStore(paths) };
}

/** A load test's results as a user writes them: no kind column (measured is the default). */
const LOAD_TEST = [
  'offering_id,ttft_ms,output_tok_per_s,input_tokens,output_tokens,source,as_of',
  'acme/large,512.5,61.2,3000,400,"our k6 run, 200 requests, eu-west-1",2026-11-20',
  'acme/small,230,,3000,400,"our k6 run, 200 requests, eu-west-1",2026-11-20',
].join('\n');

describe('latency: importing your measurements', () => {
  it('a load-test CSV previews as a diff, then imports as measured rows in one go', () => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    const preview = store.previewImport(LOAD_TEST, 'csv');
    if (!preview.ok) throw new Error(preview.error);
    expect(dumpDatabase(paths.dbFile)).toBe(before); // a review writes nothing
    expect(preview.data.summary.diff.added).toEqual([
      { table: 'latency', key: 'acme/large|measured', asOf: '2026-11-20' },
      { table: 'latency', key: 'acme/small|measured', asOf: '2026-11-20' },
    ]);
    // The previewed catalog is what the ranking preview evaluates: the user's figure wins.
    const index = indexCatalog(preview.data.catalog);
    expect(index.latency.get('acme/large')).toMatchObject({ kind: 'measured', ttftMs: 512.5 });

    const result = store.importText(LOAD_TEST, 'csv');
    expect(result).toMatchObject({ ok: true, data: { imported: { latency: 2 }, unchanged: 0 } });
    const latency = store.readCatalog().latency ?? [];
    expect(latency.filter((m) => m.kind === 'measured')).toEqual([
      {
        source: 'our k6 run, 200 requests, eu-west-1',
        asOf: '2026-11-20',
        offeringId: 'acme/large',
        kind: 'measured',
        ttftMs: 512.5,
        outputTokPerS: 61.2,
        inputTokens: 3000,
        outputTokens: 400,
      },
      {
        source: 'our k6 run, 200 requests, eu-west-1',
        asOf: '2026-11-20',
        offeringId: 'acme/small',
        kind: 'measured',
        ttftMs: 230,
        inputTokens: 3000,
        outputTokens: 400,
      },
    ]);
    // The seed's published figure stays beside the measurement; the engine uses the measurement.
    expect(latency.find((m) => m.offeringId === 'acme/large' && m.kind === 'published')).toBe(
      latency.find((m) => m.kind === 'published'),
    );
    expect(store.list('latency', { filter: 'kind=measured' }).rows).toMatchObject([
      { key: 'acme/large|measured', origin: 'import' },
      { key: 'acme/small|measured', origin: 'import' },
    ]);
    // Importing the same file again changes nothing.
    expect(store.importText(LOAD_TEST, 'csv')).toMatchObject({
      ok: true,
      data: { imported: {}, updated: {}, unchanged: 2 },
    });
    store.close();
  });

  it.each([
    [
      'an offering the catalog lacks',
      'offering_id,ttft_ms,source,as_of\nacme/large,500,t,2026-11-20\nacme/huge,500,t,2026-11-20\n',
      "row 3 (offering_id 'acme/huge'): offering_id: unknown offering 'acme/huge' (not in the catalog or the file)",
    ],
    [
      'a TTFT in seconds',
      'offering_id,ttft_ms,source,as_of\nacme/large,0.45,t,2026-11-20\n',
      "row 2 (offering_id 'acme/large'): latency-plausible: ttft_ms: 0.45 ms is below 10 ms, faster than any hosted API answers: was it given in seconds?",
    ],
    [
      'a whole test’s throughput',
      'offering_id,output_tok_per_s,source,as_of\nacme/large,48000,t,2026-11-20\n',
      "row 2 (offering_id 'acme/large'): latency-plausible: output_tok_per_s: 48,000 tokens/s is above 10,000, faster than any single stream runs: is it a whole test's throughput?",
    ],
    [
      'a decimal comma',
      'offering_id,ttft_ms,source,as_of\nacme/large,"512,5",t,2026-11-20\n',
      "row 2 (offering_id 'acme/large'): ttft_ms: must be a number (got '512,5')",
    ],
    [
      'neither figure',
      'offering_id,ttft_ms,output_tok_per_s,source,as_of\nacme/large,,,t,2026-11-20\n',
      "row 2 (offering_id 'acme/large'): ttft_ms: give a time to first token, an output speed, or both",
    ],
    [
      'an unknown kind',
      'offering_id,kind,ttft_ms,source,as_of\nacme/large,guessed,500,t,2026-11-20\n',
      'row 2 (offering_id \'acme/large\'): kind: Invalid option: expected one of "published"|"measured"',
    ],
    [
      'two measurements of one offering',
      'offering_id,ttft_ms,source,as_of\nacme/large,500,t,2026-11-20\nacme/large,520,t,2026-11-21\n',
      "row 3 (offering_id 'acme/large'): a second measured figure for offering 'acme/large' (also row 2)",
    ],
    [
      'no source column',
      'offering_id,ttft_ms,as_of\nacme/large,500,2026-11-20\n',
      "header: missing column 'source' (a latency CSV needs offering_id, source, as_of)",
    ],
  ])('refuses %s, naming the row and the column, and writes nothing', (_what, text, message) => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    expect(store.importText(text, 'csv')).toEqual({ ok: false, error: message });
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });

  it('a figure that fails half-way through a file leaves the rows before it unwritten', () => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    const text = `${LOAD_TEST}\nacme/small,2,,,,t,2026-11-20\n`;
    const result = store.importText(text, 'csv');
    expect(result.ok).toBe(false);
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });
});

describe('latency: edits, export and older files', () => {
  it('an edit of a figure is checked like an import; a figure is deleted on its own', () => {
    const { store } = open();
    const row = {
      offeringId: 'acme/small',
      kind: 'measured',
      ttftMs: 300,
      source: 'entered by hand',
      asOf: '2026-11-27',
    };
    expect(store.upsert('latency', row)).toEqual({
      ok: true,
      data: { key: 'acme/small|measured', changed: ['latency'] },
    });
    expect(store.upsert('latency', { ...row, ttftMs: 0.3 })).toEqual({
      ok: false,
      error:
        "latency figure 'acme/small|measured': latency-plausible: ttftMs: 0.3 ms is below 10 ms, faster than any hosted API answers: was it given in seconds?",
    });
    expect(store.upsert('latency', { ...row, offeringId: 'acme/none' })).toEqual({
      ok: false,
      error:
        "latency figure 'acme/none|measured': offeringId: unknown offering 'acme/none' (add it to the catalog first)",
    });
    // An offering with a figure cannot go before its figures do.
    expect(store.remove('offerings', 'acme/small')).toEqual({
      ok: false,
      error: "offering 'acme/small' is used by 1 latency figure; delete or change those first",
    });
    expect(store.remove('latency', 'acme/small|measured')).toEqual({
      ok: true,
      data: { changed: ['latency'] },
    });
    store.close();
  });

  it('an offering edited with the older published fields keeps them as its published latency row', () => {
    const { store } = open();
    const result = store.upsert(
      'offerings',
      offeringRow('acme/small', 'acme-small', 0.25, 1.25, {
        publishedTtftMs: 380,
        publishedOutputTokPerS: 140,
        source: 'vendor status page',
        asOf: '2026-11-10',
      }),
    );
    expect(result).toEqual({
      ok: true,
      data: { key: 'acme/small', changed: ['offerings', 'latency'] },
    });
    const catalog = store.readCatalog();
    expect(catalog.offerings.find((o) => o.id === 'acme/small')).not.toHaveProperty(
      'publishedTtftMs',
    );
    expect(catalog.latency?.find((m) => m.offeringId === 'acme/small')).toEqual({
      source: 'vendor status page',
      asOf: '2026-11-10',
      offeringId: 'acme/small',
      kind: 'published',
      ttftMs: 380,
      outputTokPerS: 140,
    });
    store.close();
  });

  it('an older offerings CSV with published_* columns imports them as published latency rows', () => {
    const { store } = open();
    const text = [
      'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,published_ttft_ms,published_output_tok_per_s,source,as_of',
      'acme/fast,acme,acme-small,global,0.3,1.5,210,190,acme.example/status,2026-11-15',
    ].join('\n');
    // A dry run streams the offering before its latency row and writes neither: still accepted.
    expect(store.previewImport(text, 'csv')).toMatchObject({
      ok: true,
      data: { summary: { counts: { added: 2 } } },
    });
    expect(store.importText(text, 'csv')).toMatchObject({
      ok: true,
      data: { imported: { offerings: 1, latency: 1 } },
    });
    expect(store.readCatalog().latency?.find((m) => m.offeringId === 'acme/fast')).toEqual({
      source: 'acme.example/status',
      asOf: '2026-11-15',
      offeringId: 'acme/fast',
      kind: 'published',
      ttftMs: 210,
      outputTokPerS: 190,
    });
    // An exported offerings CSV no longer carries the columns: latency has its own file.
    const csv = store.exportText('csv', { table: 'offerings' });
    expect(csv.ok && csv.data.split('\r\n')[0]).not.toMatch(/published_ttft_ms/);
    store.close();
  });

  it('an older offerings CSV with an impossible published TTFT is refused by its column', () => {
    const { store } = open();
    const text = [
      'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,published_ttft_ms,source,as_of',
      'acme/fast,acme,acme-small,global,0.3,1.5,0.2,acme.example/status,2026-11-15',
    ].join('\n');
    expect(store.importText(text, 'csv')).toEqual({
      ok: false,
      error:
        "row 2 (id 'acme/fast'): latency-plausible: published_ttft_ms: 0.2 ms is below 10 ms, faster than any hosted API answers: was it given in seconds?",
    });
    store.close();
  });

  it('a native JSON file with a legacy offering field: the file’s own latency row wins', () => {
    const { store } = open();
    const file = {
      format: 'modelwise-catalog',
      version: 1,
      tables: {
        offerings: [
          offeringRow('acme/fast', 'acme-small', 0.3, 1.5, { publishedTtftMs: 999 }),
          offeringRow('acme/slow', 'acme-small', 0.1, 0.5, { publishedOutputTokPerS: 35 }),
        ],
        latency: [
          {
            offeringId: 'acme/fast',
            kind: 'published',
            ttftMs: 250,
            source: 'newer benchmark',
            asOf: '2026-11-20',
          },
        ],
      },
    };
    expect(store.importText(JSON.stringify(file), 'json')).toMatchObject({
      ok: true,
      data: { imported: { offerings: 2, latency: 2 } },
    });
    const latency = store.readCatalog().latency ?? [];
    expect(latency.find((m) => m.offeringId === 'acme/fast')).toMatchObject({ ttftMs: 250 });
    expect(latency.find((m) => m.offeringId === 'acme/slow')).toMatchObject({
      kind: 'published',
      outputTokPerS: 35,
      source: 'test fixture',
    });
    store.close();
  });

  it('exports latency as CSV and JSON, and both re-import as the same rows', () => {
    const { store } = open();
    expect(store.importText(LOAD_TEST, 'csv').ok).toBe(true);
    const csv = store.exportText('csv', { table: 'latency' });
    if (!csv.ok) throw new Error(csv.error);
    expect(csv.data.split('\r\n')[0]).toBe(
      'offering_id,kind,ttft_ms,output_tok_per_s,input_tokens,output_tokens,source,as_of',
    );
    expect(csv.data).toContain(
      'acme/large,measured,512.5,61.2,3000,400,"our k6 run, 200 requests, eu-west-1",2026-11-20',
    );
    const json = store.exportText('json', { table: 'latency' });
    if (!json.ok) throw new Error(json.error);
    const fresh = openTestStore(testPaths(tmp()));
    expect(fresh.importText(csv.data, 'csv')).toMatchObject({
      ok: true,
      data: { imported: { latency: 2 }, unchanged: 1 },
    });
    expect(fresh.importText(json.data, 'json')).toMatchObject({
      ok: true,
      data: { imported: {}, updated: {}, unchanged: 3 },
    });
    expect(fresh.readCatalog().latency).toEqual(store.readCatalog().latency);
    fresh.close();
    store.close();
  });
});
