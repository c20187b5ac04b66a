import { describe, expect, it } from 'vitest';
import type { ImportFormat } from '../../core/contract/shapes.ts';
import { dumpDatabase, offeringRow, openTestStore, testPaths } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

function open() {
  const paths = testPaths(tmp());
  return { paths, store: openTestStore(paths) };
}

/** A few entries shaped like LiteLLM's model_prices_and_context_window.json. */
function litellmFile(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sample_spec: { mode: 'one of: chat, embedding, …', input_cost_per_token: 0 },
    'gpt-4o': {
      litellm_provider: 'openai',
      mode: 'chat',
      input_cost_per_token: 2.5e-6,
      output_cost_per_token: 1e-5,
      cache_read_input_token_cost: 1.25e-6,
      input_cost_per_token_batches: 1.25e-6,
      output_cost_per_token_batches: 5e-6,
      max_input_tokens: 128000,
      max_output_tokens: 16384,
    },
    'text-embedding-3-small': {
      litellm_provider: 'openai',
      mode: 'embedding',
      input_cost_per_token: 2e-8,
    },
    'dall-e-3': {
      litellm_provider: 'openai',
      mode: 'image_generation',
      output_cost_per_image: 0.04,
    },
    'acme/large': {
      litellm_provider: 'acme',
      mode: 'chat',
      input_cost_per_token: 3.5e-6,
      output_cost_per_token: 1.75e-5,
    },
    ...extra,
  };
}

function imported(
  store: ReturnType<typeof openTestStore>,
  text: string,
  format: ImportFormat,
): ReturnType<typeof store.importText> & { ok: true } {
  const result = store.importText(text, format);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('import: LiteLLM price file', () => {
  it('imports chat entries, creates the provider and hosted model it needs, counts what it skipped', () => {
    const { store } = open();
    // The catalog row has a curated batch price the file does not state.
    expect(
      store.upsert(
        'offerings',
        offeringRow('acme/large', 'acme-large', 3, 15, { batch: { input: 1.5, output: 7.5 } }),
      ).ok,
    ).toBe(true);

    const { data } = imported(store, JSON.stringify(litellmFile()), 'litellm');
    expect(data).toMatchObject({
      format: 'litellm',
      imported: { providers: 1, models: 1, offerings: 1 },
      updated: { offerings: 1 },
      unchanged: 0,
      skipped: { sample_spec: 1, 'mode:embedding': 1, 'mode:image_generation': 1 },
    });

    const catalog = store.readCatalog();
    const gpt = catalog.offerings.find((o) => o.id === 'openai/gpt-4o');
    expect(gpt).toMatchObject({
      provider: 'openai',
      modelId: 'gpt-4o',
      usdPerMTok: { input: 2.5, output: 10, cacheRead: 1.25 },
      batch: { input: 1.25, output: 5 },
      contextTokens: 128000,
      asOf: '2026-11-27',
    });
    expect(catalog.providers.find((p) => p.id === 'openai')).toMatchObject({ kind: 'api' });
    expect(catalog.models.find((m) => m.id === 'gpt-4o')).toMatchObject({
      openWeights: false,
      developer: 'OpenAI',
    });
    // An existing offering keeps its model and curated batch price; its prices follow the file.
    const large = catalog.offerings.find((o) => o.id === 'acme/large');
    expect(large).toMatchObject({
      modelId: 'acme-large',
      usdPerMTok: { input: 3.5, output: 17.5 },
      batch: { input: 1.5, output: 7.5 },
    });
    expect(large?.source).toMatch(/kept from the catalog row: batch$/);
    expect(store.list('offerings', { filter: 'id=openai/gpt-4o' }).rows[0]?.origin).toBe('import');

    // The same file again changes nothing.
    const again = imported(store, JSON.stringify(litellmFile()), 'litellm');
    // (The provider and model it created now exist: only the two offerings are compared.)
    expect(again.data).toMatchObject({ imported: {}, updated: {}, unchanged: 2 });
    store.close();
  });

  it('keeps an offering whose cloud region the catalog lacks, by its residency, and says so', () => {
    const { store } = open();
    const file = {
      'bedrock/eu-central-1/anthropic.claude-3-haiku-20240307-v1:0': {
        litellm_provider: 'bedrock',
        mode: 'chat',
        input_cost_per_token: 2.5e-7,
        output_cost_per_token: 1.25e-6,
      },
    };
    const { data } = imported(store, JSON.stringify(file), 'litellm');
    expect(data.notes).toEqual([
      '1 offering named a cloud region the catalog lacks: kept with their residency zone, without the region',
    ]);
    const [offering] = store.readCatalog().offerings.filter((o) => o.provider === 'bedrock');
    expect(offering).toMatchObject({ residency: 'eu' });
    expect(offering?.regionId).toBeUndefined();
    store.close();
  });

  it('an imported price on a seed row marks it modified, so the next seed leaves it', () => {
    const { store } = open();
    imported(store, JSON.stringify(litellmFile()), 'litellm');
    expect(store.list('offerings', { filter: 'id=acme/large' }).rows[0]).toMatchObject({
      origin: 'seed',
      modified: true,
    });
    store.close();
  });

  it('refuses the whole file for one invalid value, naming the entry and the field', () => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    const bad = litellmFile({
      'acme/broken': { litellm_provider: 'acme', mode: 'chat', input_cost_per_token: 'cheap' },
    });
    expect(store.importText(JSON.stringify(bad), 'litellm')).toEqual({
      ok: false,
      error:
        'entry "acme/broken": input_cost_per_token must be a finite number ≥ 0 (found a string)',
    });
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });

  it('refuses an entry whose provider is empty, naming the entry', () => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    const bad = litellmFile({
      'foo-model': {
        litellm_provider: '',
        mode: 'chat',
        input_cost_per_token: 1e-6,
        output_cost_per_token: 2e-6,
      },
    });
    const result = store.importText(JSON.stringify(bad), 'litellm');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/^entry "foo-model": litellm_provider: .*Too small/);
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });
});

describe('import: malformed files are refused and write nothing', () => {
  const valid = JSON.stringify(litellmFile());
  const cases: [ImportFormat, string, RegExp][] = [
    ['litellm', valid.slice(0, valid.length / 2), /not valid JSON \(truncated or corrupt\?\)/],
    ['litellm', '', /the file is empty/],
    ['litellm', '\u0000\u0001\u0002PK\u0003\u0004binary', /binary data/],
    ['litellm', '[1, 2, 3]', /top level must be an object of model entries \(found an array\)/],
    ['litellm', '['.repeat(5000) + ']'.repeat(5000), /nests deeper than 64 levels/],
    ['litellm', '{}', /holds no model entries/],
    ['json', '   ', /the file is empty/],
    ['json', '{"format": "modelwise-catalog", "version": 1, "tab', /not valid JSON/],
    ['json', '"a string"', /top level must be an object .* \(found a string\)/],
    [
      'json',
      valid,
      /format: expected "modelwise-catalog" \(found no format\); a LiteLLM price file/,
    ],
    [
      'json',
      '{"format": "modelwise-catalog", "version": 7, "tables": {}}',
      /version: the file is version 7/,
    ],
    [
      'json',
      '{"format": "modelwise-catalog", "version": 1, "tables": {"cars": []}}',
      /tables\.cars: unknown table/,
    ],
    ['json', '{' + '"a":{'.repeat(100) + '}'.repeat(101), /nests deeper than 64 levels/],
    ['csv', '', /the file is empty/],
    ['csv', '\u0000\u0000\u0000\u0000', /binary data, not CSV/],
    [
      'csv',
      'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,source,as_of\n"acme/x,acme',
      /line 2: a quoted field is never closed/,
    ],
    [
      'csv',
      'name,price\nfoo,1\n',
      /cannot tell which table the file holds \(an offerings CSV has a model_id column, an instances CSV a gpu_id column, a latency CSV an offering_id column\)/,
    ],
  ];
  it.each(cases)('%s (%#)', (format, text, message) => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    const result = store.importText(text, format);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error.split('\n')).toHaveLength(1);
      expect(result.error).not.toMatch(/\n\s+at /);
    }
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });
});

const OFFERINGS_CSV = [
  'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,cache_read_usd_per_mtok,long_context,cache_style,source,as_of',
  'acme/large,acme,acme-large,global,2.75,13.5,,,none,Acme price list Nov 2026,2026-11-20',
  'acme/large-eu,acme,acme-large,eu,3.3,16.5,0.33,128000 whole-request input=6.6 output=24.75,automatic,Acme price list Nov 2026,2026-11-20',
  '',
].join('\r\n');

describe('import: CSV price lists', () => {
  it('imports offerings: adds new rows, updates existing ones, reads long-context tiers', () => {
    const { store } = open();
    const { data } = imported(store, OFFERINGS_CSV, 'csv');
    expect(data).toMatchObject({
      imported: { offerings: 1 },
      updated: { offerings: 1 },
      unchanged: 0,
    });
    const eu = store.readCatalog().offerings.find((o) => o.id === 'acme/large-eu');
    expect(eu).toMatchObject({
      residency: 'eu',
      usdPerMTok: { input: 3.3, output: 16.5, cacheRead: 0.33 },
      longContext: [
        {
          aboveInputTokens: 128000,
          rule: 'whole-request',
          usdPerMTok: { input: 6.6, output: 24.75 },
        },
      ],
      cache: { style: 'automatic', minPrefixTokens: 0, ttlMinutes: 5, appliesToBatch: true },
      source: 'Acme price list Nov 2026',
    });
    store.close();
  });

  it('refuses a row that breaks a consistency rule, naming the row and the rule, and writes nothing', () => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    // acme-large's context window is 200,000 tokens: no prompt reaches a tier above it.
    const csv = OFFERINGS_CSV.replace('128000 whole-request', '200000 whole-request');
    expect(store.importText(csv, 'csv')).toEqual({
      ok: false,
      error:
        "row 3 (id 'acme/large-eu'): tier-threshold-in-context: longContext[0].aboveInputTokens: a tier above 200,000 prompt tokens, but the context window is 200,000",
    });
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });

  it('imports instances and refuses one naming an unknown GPU by row and column', () => {
    const { paths, store } = open();
    const header =
      'id,cloud,instance_type,gpu_id,gpu_count,region_id,on_demand_usd_per_hour,spot_usd_per_hour,source,as_of';
    const ok = `${header}\ncloudco:2xl4:eu-1,cloudco,2xl4,l4,2,cloudco:eu-1,1.6,0.5,CloudCo list,2026-11-01\n`;
    expect(imported(store, ok, 'csv').data.imported).toEqual({ instances: 1 });

    const before = dumpDatabase(paths.dbFile);
    const unknownGpu = `${header}\ncloudco:1xl4:eu-1,cloudco,1xl4,l4,1,cloudco:eu-1,0.8,,CloudCo list,2026-11-01\ncloudco:8xb200:eu-1,cloudco,8xb200,b200,8,cloudco:eu-1,120,,CloudCo list,2026-11-01\n`;
    expect(store.importText(unknownGpu, 'csv')).toEqual({
      ok: false,
      error:
        "row 3 (id 'cloudco:8xb200:eu-1'): gpu_id: unknown GPU 'b200' (not in the catalog or the file)",
    });
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });

  it('refuses a row read after today (a mistyped year), naming the row and as_of, and writes nothing', () => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    const header =
      'id,cloud,instance_type,gpu_id,gpu_count,region_id,on_demand_usd_per_hour,spot_usd_per_hour,source,as_of';
    const row = (usd: number, asOf: string) =>
      `cloudco:2xl4:eu-1,cloudco,2xl4,l4,2,cloudco:eu-1,${usd},,CloudCo list,${asOf}`;
    // The clock reads 2026-11-27: a price "read on 2062-11-01" would outrank every later one.
    expect(store.importText(`${header}\n${row(1.6, '2062-11-01')}\n`, 'csv')).toEqual({
      ok: false,
      error: "row 2 (id 'cloudco:2xl4:eu-1'): as_of: 2062-11-01 is after today (2026-11-27)",
    });
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    // Today's date is accepted.
    expect(imported(store, `${header}\n${row(1.6, '2026-11-27')}\n`, 'csv').data.imported).toEqual({
      instances: 1,
    });
    store.close();
  });

  it('refuses an offering in a catalog file read after today, by its JSON field', () => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    const file = {
      format: 'modelwise-catalog',
      version: 1,
      tables: {
        offerings: [offeringRow('acme/late', 'acme-large', 3, 15, { asOf: '2026-11-28' })],
      },
    };
    expect(store.importText(JSON.stringify(file), 'json')).toEqual({
      ok: false,
      error: "offerings[0] ('acme/late'): asOf: 2026-11-28 is after today (2026-11-27)",
    });
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });

  it.each([
    [
      'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,source,as_of\nacme/x,acme,acme-large,global,three,15,s,2026-11-01',
      "row 2 (id 'acme/x'): input_usd_per_mtok: must be a number (got 'three')",
    ],
    [
      'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,source,as_of\nacme/x,acme,acme-large,global,-3,15,s,2026-11-01',
      "row 2 (id 'acme/x'): input_usd_per_mtok: Too small: expected number to be >=0",
    ],
    [
      'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,source,as_of\nacme/x,acme,acme-large,global,3,15,s,01/11/2026',
      "row 2 (id 'acme/x'): as_of: must be a date like 2026-07-24",
    ],
    [
      'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,source,as_of,colour\nacme/x,acme,acme-large,global,3,15,s,2026-11-01,red',
      "header: unknown column 'colour'",
    ],
    [
      'id,provider,model_id,input_usd_per_mtok,output_usd_per_mtok,source,as_of\nacme/x,acme,acme-large,3,15,s,2026-11-01',
      "header: missing column 'residency'",
    ],
    [
      'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,source,as_of\nacme/x,acme,nobody,global,3,15,s,2026-11-01',
      "row 2 (id 'acme/x'): model_id: unknown model 'nobody'",
    ],
    [
      'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,long_context,source,as_of\nacme/x,acme,acme-large,global,3,15,200k whole-request input=6,s,2026-11-01',
      "row 2 (id 'acme/x'): long_context: tier 1 ('200k whole-request input=6'): must start with the prompt size in tokens",
    ],
    [
      'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,source,as_of\nacme/x,acme,acme-large,global,3,15,s,2026-11-01\nacme/x,acme,acme-large,global,4,15,s,2026-11-01',
      "row 3 (id 'acme/x'): id 'acme/x' appears twice (also row 2)",
    ],
  ])('refuses a bad CSV naming the row and column (%#)', (text, message) => {
    const { paths, store } = open();
    const before = dumpDatabase(paths.dbFile);
    const result = store.importText(text, 'csv');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });
});

describe('import: native JSON', () => {
  it('imports rows that name each other within the file, and discounts', () => {
    const { store } = open();
    const gpu = store.list('gpus', { filter: 'id=h100-sxm' }).rows[0]?.row;
    const file = {
      format: 'modelwise-catalog',
      version: 1,
      tables: {
        gpus: [{ ...gpu, id: 'h200', name: 'NVIDIA H200', memoryGB: 141 }],
        instances: [
          {
            id: 'cloudco:8xh200:us-1',
            cloud: 'cloudco',
            instanceType: '8xh200',
            gpuId: 'h200',
            gpuCount: 8,
            regionId: 'cloudco:us-1',
            usdPerHour: { onDemand: 110 },
            source: 'quote',
            asOf: '2026-11-20',
          },
        ],
      },
      discounts: [{ provider: 'acme', fraction: 0.15, note: 'MSA' }],
    };
    const { data } = imported(store, JSON.stringify(file), 'json');
    expect(data).toMatchObject({ imported: { gpus: 1, instances: 1 }, discounts: 1 });
    expect(store.readCatalog().discounts).toEqual([
      { provider: 'acme', fraction: 0.15, note: 'MSA' },
    ]);
    store.close();
  });

  it('names the table, row and field of an invalid row', () => {
    const { store } = open();
    const file = {
      format: 'modelwise-catalog',
      version: 1,
      tables: {
        gpus: [{ id: 'x1', name: 'X1', vendor: 'nvidia', family: 'hopper', memoryGB: -80 }],
      },
    };
    const result = store.importText(JSON.stringify(file), 'json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^gpus\[0\] \(id 'x1'\): source: Invalid input/);
      expect(result.error).toMatch(/memoryGB: Too small: expected number to be >0/);
    }
    store.close();
  });

  it('refuses a misspelled field in a row and writes nothing', () => {
    const { store } = open();
    const before = store.readCatalog().providers.length;
    const file = {
      format: 'modelwise-catalog',
      version: 1,
      tables: {
        providers: [
          { id: 'acme', name: 'Acme', kind: 'api', source: 'contract', asOf: '2026-11-01' },
          { id: 'zeta', name: 'Zeta', kind: 'api', webiste: 'x', source: 's', asOf: '2026-11-01' },
        ],
      },
    };
    const result = store.importText(JSON.stringify(file), 'json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/providers\[1\].*Unrecognized key: "webiste"/);
    expect(store.readCatalog().providers.length).toBe(before);
    store.close();
  });

  it('refuses an unknown top-level key and a second discount on the same provider', () => {
    const { store } = open();
    const base = { format: 'modelwise-catalog', version: 1, tables: {} };
    const typo = store.importText(JSON.stringify({ ...base, discount: [] }), 'json');
    expect(typo).toEqual({
      ok: false,
      error:
        'discount: unknown top-level key (the file has format, version, exportedAt, tables, discounts)',
    });
    const twice = store.importText(
      JSON.stringify({
        ...base,
        discounts: [
          { provider: 'openai', fraction: 0.1 },
          { provider: 'openai', fraction: 0.2 },
        ],
      }),
      'json',
    );
    expect(twice).toEqual({
      ok: false,
      error: "discounts[1]: a second discount on provider 'openai' (also discounts[0])",
    });
    expect(store.readCatalog().discounts).toEqual([]);
    store.close();
  });
});
