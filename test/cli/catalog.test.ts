import { spawnSync } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../electron/db/seed-files.ts';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';
import { workedExampleScenario } from '../support/scenarios.ts';
import { useTempDir, writeJson } from '../support/tmp.ts';

const tmp = useTempDir();
// Every test in this file shares one temp data folder (never the user's); tests that write
// use ids of their own.
const dataDir = useDataDirEnv(beforeAll, afterAll);
const seed = readSeed();

const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, MODELWISE_DATA_DIR: dataDir() },
  });

describe('CLI: catalog stats and list', () => {
  it('stats --json counts the shipped catalog', () => {
    const stats = JSON.parse(run(['catalog', 'stats', '--json']));
    expect(stats).toEqual({
      apiOfferings: seed.offerings.length,
      providers: new Set(seed.offerings.map((o) => o.provider)).size,
      models: seed.models.length,
      openModels: seed.models.filter((m) => m.openWeights).length,
      gpus: seed.gpus.length,
      instances: seed.instances.length,
      clouds: new Set(seed.instances.map((i) => i.cloud)).size,
      regions: seed.regions.length,
      staleRows: expect.any(Number),
    });
    expect(stats.apiOfferings).toBeGreaterThanOrEqual(150);
  });

  it('the database lives in MODELWISE_DATA_DIR', () => {
    expect(run(['catalog', 'stats'])).toContain(join(dataDir(), 'modelwise.db'));
  });

  it('list --json gives rows with their bookkeeping; --filter narrows them', () => {
    const gpus = JSON.parse(run(['catalog', 'list', 'gpus', '--json']));
    expect(gpus.total).toBe(seed.gpus.length);
    const h100 = gpus.rows.find((r: { key: string }) => r.key === 'h100-sxm');
    expect(h100).toMatchObject({ origin: 'seed', modified: false, row: { memoryGB: 80 } });

    const anthropic = JSON.parse(
      run(['catalog', 'list', 'offerings', '--filter', 'provider=anthropic', '--json']),
    );
    expect(anthropic.total).toBe(seed.offerings.filter((o) => o.provider === 'anthropic').length);
    expect(
      anthropic.rows.every((r: { row: { provider: string } }) => r.row.provider === 'anthropic'),
    ).toBe(true);
  });

  it('list prints an aligned table and says how many more there are', () => {
    const out = run(['catalog', 'list', 'instances', '--limit', '3']).split('\n');
    expect(out[0]).toMatch(/^id\s+GPUs\s+on-demand \$\/h\s+spot \$\/h\s+as of\s+flags$/);
    expect(out).toHaveLength(5);
    expect(out[4]).toBe(
      `… ${seed.instances.length - 3} more (--limit, --offset or --filter to see them)`,
    );
  });

  it.each([
    [['catalog', 'list', 'cars'], "catalog list: unknown table 'cars' (providers, models"],
    [
      ['catalog', 'list', 'gpus', '--filter', 'colour=red'],
      "filter: unknown field 'colour' for gpus",
    ],
    [['catalog', 'import', 'x.csv'], 'x.csv: cannot read the file (does it exist?)'],
    [['catalog', 'import', 'missing.csv', '--format', 'csv'], 'missing.csv: cannot read the file'],
    [['catalog', 'export'], '--format is required'],
    [
      ['catalog', 'export', '--format', 'csv', '--table', 'gpus'],
      'the CSV format holds offerings, instances or latency',
    ],
    [['catalog', 'frobnicate'], "catalog: unknown subcommand 'frobnicate'"],
  ])('refuses %j with a clear message', (args, message) => {
    expect(() => run(args)).toThrow(message);
  });
});

const CSV_HEADER =
  'id,provider,model_id,residency,input_usd_per_mtok,output_usd_per_mtok,cache_read_usd_per_mtok,source,as_of';

describe('CLI: catalog import and export', () => {
  it('imports a CSV price list and prints a summary', () => {
    const file = writeJson(
      tmp(),
      'prices.csv',
      `${CSV_HEADER}\nanthropic/cli-test,anthropic,claude-haiku-4-5,eu,1.1,5.5,0.11,Negotiated list,2026-11-20\n`,
    );
    expect(run(['catalog', 'import', file, '--format', 'csv'])).toBe(
      [
        `imported ${file} (csv)`,
        '  added      1 offerings',
        '  updated    0',
        '  unchanged  0',
      ].join('\n'),
    );
    const again = JSON.parse(run(['catalog', 'import', file, '--format', 'csv', '--json']));
    expect(again).toMatchObject({ format: 'csv', imported: {}, unchanged: 1 });
    const listed = JSON.parse(
      run(['catalog', 'list', 'offerings', '--filter', 'origin=import', '--json']),
    );
    expect(listed.rows.map((r: { key: string }) => r.key)).toContain('anthropic/cli-test');
  });

  it('a refused import exits 2 with one line naming the row and column, and no stack trace', () => {
    const file = writeJson(
      tmp(),
      'bad.csv',
      `${CSV_HEADER}\nanthropic/cli-bad,anthropic,no-such-model,eu,1,5,,x,2026-11-20\n`,
    );
    const r = cli(['catalog', 'import', file, '--format', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(
      `modelwise: ${file}: refused, nothing imported: row 2 (id 'anthropic/cli-bad'): model_id: unknown model 'no-such-model'`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('imports a LiteLLM file, counting the entries it skipped', () => {
    const file = writeJson(tmp(), 'litellm.json', {
      sample_spec: { mode: 'chat' },
      'cli-test/model-x': {
        litellm_provider: 'cli-test',
        mode: 'chat',
        input_cost_per_token: 1e-6,
        output_cost_per_token: 2e-6,
      },
      'cli-test/embed': {
        litellm_provider: 'cli-test',
        mode: 'embedding',
        input_cost_per_token: 1e-8,
      },
    });
    const summary = JSON.parse(run(['catalog', 'import', file, '--format', 'litellm', '--json']));
    expect(summary).toMatchObject({
      imported: { providers: 1, models: 1, offerings: 1 },
      skipped: { sample_spec: 1, 'mode:embedding': 1 },
    });
  });

  it('dates an undated LiteLLM file by the day it was last modified, unless --as-of says', () => {
    const entries = (price: number) => ({
      'cli-dated/model-y': {
        litellm_provider: 'cli-dated',
        mode: 'chat',
        input_cost_per_token: price,
        output_cost_per_token: 2e-6,
      },
    });
    // Saved 40 days ago: its rows are that day's prices.
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const saved = day(-40);
    const file = writeJson(tmp(), 'old-litellm.json', entries(1e-6));
    const at = Date.parse(`${saved}T12:00:00Z`) / 1000;
    utimesSync(file, at, at);
    const summary = JSON.parse(run(['catalog', 'import', file, '--json']));
    expect(summary.asOf).toBe(saved);
    const row = () =>
      JSON.parse(
        run(['catalog', 'list', 'offerings', '--filter', 'id=cli-dated/model-y', '--json']),
      ).rows[0].row;
    expect(row().asOf).toBe(saved);
    expect(run(['catalog', 'import', file, '--dry-run'])).toContain(`  as of      ${saved}`);

    // --as-of wins over the file's day: the new price ($1.50) starts then, the old becomes history.
    const newer = writeJson(tmp(), 'new-litellm.json', entries(1.5e-6));
    utimesSync(newer, at, at);
    const stated = day(-10);
    expect(JSON.parse(run(['catalog', 'import', newer, '--as-of', stated, '--json'])).asOf).toBe(
      stated,
    );
    expect(row()).toMatchObject({ asOf: stated, usdPerMTok: { input: 1.5 } });
  });

  it('exports offerings as CSV to a file that re-imports unchanged', () => {
    const out = join(tmp(), 'offerings.csv');
    expect(run(['catalog', 'export', '--format', 'csv', '--out', out])).toBe(`wrote ${out}`);
    const total = JSON.parse(run(['catalog', 'list', 'offerings', '--json'])).total;
    expect(readFileSync(out, 'utf8').trimEnd().split('\r\n')).toHaveLength(total + 1);
    const summary = JSON.parse(run(['catalog', 'import', out, '--format', 'csv', '--json']));
    expect(summary).toMatchObject({ imported: {}, updated: {}, unchanged: total });
  });

  it('exports JSON to stdout, optionally one filtered table', () => {
    const all = JSON.parse(run(['catalog', 'export', '--format', 'json']));
    expect(all.tables.instances).toHaveLength(seed.instances.length);
    const amd = JSON.parse(
      run(['catalog', 'export', '--format', 'json', '--table', 'gpus', '--filter', 'vendor=amd']),
    );
    expect(amd.tables.gpus.map((g: { vendor: string }) => g.vendor)).toEqual(
      seed.gpus.filter((g) => g.vendor === 'amd').map(() => 'amd'),
    );
  });
});

describe('CLI: estimate and cost read the database', () => {
  it('prices an offering added to the catalog, at the worked example’s $11,015.19', () => {
    const { catalog, ...scenario } = workedExampleScenario() as {
      catalog: { offerings: Record<string, unknown>[] };
    };
    const offering = {
      ...catalog.offerings[0],
      id: 'anthropic/cli-negotiated',
      modelId: 'claude-haiku-4-5',
    };
    const file = writeJson(tmp(), 'rows.json', {
      format: 'modelwise-catalog',
      version: 1,
      tables: { offerings: [offering] },
    });
    run(['catalog', 'import', file, '--format', 'json']);
    const s = writeJson(tmp(), 'scenario.json', {
      ...scenario,
      candidates: [{ kind: 'api', offeringId: 'anthropic/cli-negotiated' }],
    });
    const out = JSON.parse(run(['cost', '--scenario', s, '--format', 'json']));
    expect(out.candidates[0].monthlyUsd).toBeCloseTo(11_015.19, 2);
  });

  it('estimates a model the user added', () => {
    const models = JSON.parse(
      run(['catalog', 'list', 'models', '--filter', 'id=llama-3.1-8b', '--json']),
    );
    const mine = { ...models.rows[0].row, id: 'my-llama-8b', name: 'My Llama 8B' };
    const file = writeJson(tmp(), 'model.json', {
      format: 'modelwise-catalog',
      version: 1,
      tables: { models: [mine] },
    });
    run(['catalog', 'import', file, '--format', 'json']);
    const base = [
      '--gpu',
      'h100-sxm',
      '--gpus',
      '1',
      '--precision',
      'fp8',
      '--input',
      '1000',
      '--output',
      '200',
      '--concurrency',
      '16',
      '--json',
    ];
    const own = JSON.parse(run(['estimate', '--model', 'my-llama-8b', ...base]));
    const original = JSON.parse(run(['estimate', '--model', 'llama-3.1-8b', ...base]));
    expect(own.model).toBe('my-llama-8b');
    expect(own.outputTokensPerSecond).toBeCloseTo(original.outputTokensPerSecond, 9);
  });
});

describe('CLI: files and folders that cannot be used', () => {
  it('import refuses, exit 2, when the catalog database cannot be opened', () => {
    const dir = tmp();
    const notAFolder = writeJson(dir, 'file-not-folder', {});
    const csv = join(dir, 'offerings.csv');
    writeFileSync(csv, 'id,provider,model_id\n');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/cli/main.ts', 'catalog', 'import', csv, '--format', 'csv'],
      { encoding: 'utf8', env: { ...process.env, MODELWISE_DATA_DIR: notAFolder } },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /catalog import: the catalog database cannot be opened, so nothing was written/,
    );
  });

  it('a folder given as a file is named', () => {
    const dir = tmp();
    expect(() => run(['cost', '--scenario', dir])).toThrow(`${dir}: not a file`);
    expect(() => run(['catalog', 'import', dir, '--format', 'json'])).toThrow(`${dir}: not a file`);
  });
});

describe('CLI: stale prices', () => {
  it('cost warns of a price older than the staleness window, as the app does', () => {
    const s = workedExampleScenario() as { catalog: { offerings: Record<string, unknown>[] } };
    s.catalog.offerings[0]!['asOf'] = '2020-01-01';
    const file = writeJson(tmp(), 'stale.json', s);
    const out = JSON.parse(run(['cost', '--scenario', file, '--format', 'json']));
    expect(out.candidates[0].warnings).toContain('price dated 2020-01-01 (stale)');
  });
});

describe('CLI: your latency measurements', () => {
  it('a load-test CSV imports (format and table detected) as measured figures the SLO check uses', () => {
    const cost = () =>
      JSON.parse(run(['cost', '--scenario', 'examples/api-latency.json', '--format', 'json']));
    const azure = (out: { candidates: { id: string }[] }) =>
      out.candidates.find((c) => c.id === 'api:azure/gpt-4.1-mini');
    // Published: 1,140 ms, over the example's 1 s.
    expect(azure(cost())).toMatchObject({ feasible: false, ttftMs: 1140 });

    const file = join(tmp(), 'measurements.csv');
    writeFileSync(
      file,
      'offering_id,ttft_ms,output_tok_per_s,input_tokens,output_tokens,source,as_of\n' +
        'azure/gpt-4.1-mini,745,101.2,1800,350,"our k6 test, 500 requests",2026-11-20\n',
    );
    const dry = run(['catalog', 'import', file, '--dry-run']);
    expect(dry).toContain(`would import ${file} (csv): nothing written (dry run)`);
    expect(dry).toContain("+ latency 'azure/gpt-4.1-mini|measured' (as of 2026-11-20)");
    const applied = JSON.parse(run(['catalog', 'import', file, '--json']));
    expect(applied).toMatchObject({ format: 'csv', imported: { latency: 1 } });

    const listed = run(['catalog', 'list', 'latency', '--filter', 'kind=measured']);
    expect(listed.split('\n')[0]).toMatch(
      /^offering\s+kind\s+TTFT ms\s+out tok\/s\s+test in\/out tokens\s+as of\s+flags$/,
    );
    expect(listed).toMatch(
      /azure\/gpt-4\.1-mini\s+measured\s+745\s+101\.2\s+1,800 \/ 350\s+2026-11-20\s+import/,
    );
    // The user's figure wins over the published one: the offering now meets the SLO.
    expect(azure(cost())).toMatchObject({
      feasible: true,
      ttftMs: 745,
      latencyStatus: 'pass',
      api: { latencySource: 'measured' },
    });
  });

  it('a measurement in seconds is refused by row and column, and nothing is written', () => {
    const file = join(tmp(), 'seconds.csv');
    writeFileSync(
      file,
      'offering_id,ttft_ms,source,as_of\nopenai/o3,23,our test,2026-11-20\nopenai/gpt-4o,0.4,our test,2026-11-20\n',
    );
    expect(() => run(['catalog', 'import', file])).toThrow(
      `${file}: refused, nothing imported: row 3 (offering_id 'openai/gpt-4o'): latency-plausible: ttft_ms: 0.4 ms is below 10 ms, faster than any hosted API answers: was it given in seconds?`,
    );
    expect(
      run(['catalog', 'list', 'latency', '--filter', 'offeringId=openai/o3,kind=measured']),
    ).toBe('no latency match');
  });
});
