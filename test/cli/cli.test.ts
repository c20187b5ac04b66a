import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, runAsync } from '../../scripts/cli/run.ts';
import { twoChoices } from '../support/decision-fixtures.ts';
import { workedExampleScenario } from '../support/scenarios.ts';
import { useDataDirEnv } from '../support/db.ts';
import { useTempDir, writeJson } from '../support/tmp.ts';

const tmp = useTempDir();
// The CLI reads the catalog database: give this file its own data folder, never the user's.
useDataDirEnv(beforeAll, afterAll);
const cliArgs = (args: string[]) => ['--import', 'tsx', 'scripts/cli/main.ts', ...args];

describe('CLI: estimate', () => {
  const base = [
    'estimate',
    '--model',
    'llama-3.1-8b',
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
  ];

  it('--json prints one object with the contract fields', () => {
    const out = JSON.parse(run([...base, '--concurrency', '16', '--json']));
    for (const key of [
      'outputTokensPerSecond',
      'ttftMs',
      'tpotMs',
      'e2eLatencyMs',
      'concurrency',
      'maxConcurrency',
      'fitsInMemory',
    ]) {
      expect(out).toHaveProperty(key);
    }
    expect(out.concurrency).toBe(16);
    expect(out.fitsInMemory).toBe(true);
    // throughput = concurrency × output ÷ (TTFT + (output − 1) × TPOT): Little's law holds in the output
    const perRequestS = (out.ttftMs + 199 * out.tpotMs) / 1000;
    expect(out.outputTokensPerSecond).toBeCloseTo((16 * 200) / perRequestS, 6);
  });

  it('--saturate runs at maxConcurrency; the rest of the GPUs are replicas', () => {
    const out = JSON.parse(
      run([
        'estimate',
        '--model',
        'llama-3.1-8b',
        '--gpu',
        'h100-sxm',
        '--gpus',
        '4',
        '--tp',
        '2',
        '--precision',
        'fp8',
        '--input',
        '1000',
        '--output',
        '200',
        '--saturate',
        '--json',
      ]),
    );
    expect(out.replicas).toBe(2);
    expect(out.concurrency).toBe(out.maxConcurrency);
  });

  it('more users than fit: the text says how many run and how many queue', () => {
    const json = JSON.parse(run([...base, '--concurrency', '100000', '--json']));
    const text = run([...base, '--concurrency', '100000']);
    const queued = 100_000 - json.maxConcurrency;
    expect(queued).toBeGreaterThan(0);
    expect(text).toContain(
      `100,000: ${json.maxConcurrency.toLocaleString('en-US')} run at once (all that fit), the other ${queued.toLocaleString('en-US')} queue — TTFT and end-to-end include that wait`,
    );
    expect(run([...base, '--concurrency', '16'])).toContain(
      `16 (max that fits: ${json.maxConcurrency.toLocaleString('en-US')})`,
    );
  });

  it('a model that does not fit reports fitsInMemory false', () => {
    const out = JSON.parse(
      run([
        'estimate',
        '--model',
        'llama-3.1-405b',
        '--gpu',
        'l4',
        '--gpus',
        '1',
        '--precision',
        'bf16',
        '--input',
        '100',
        '--output',
        '10',
        '--concurrency',
        '1',
        '--json',
      ]),
    );
    expect(out.fitsInMemory).toBe(false);
    expect(out.maxConcurrency).toBe(0);
  });

  it('--batch prints results in the file order', () => {
    const file = writeJson(tmp(), 'batch.json', [
      {
        model: 'llama-3.1-8b',
        gpu: 'h100-sxm',
        gpus: 1,
        precision: 'fp8',
        input: 1000,
        output: 200,
        concurrency: 8,
      },
      {
        model: 'llama-3.3-70b',
        gpu: 'h200',
        gpus: 2,
        tp: 2,
        precision: 'fp8',
        input: 2000,
        output: 500,
        saturate: true,
        engine: 'trtllm',
      },
    ]);
    const out = JSON.parse(run(['estimate', '--batch', file, '--json']));
    expect(out.map((r: { model: string }) => r.model)).toEqual(['llama-3.1-8b', 'llama-3.3-70b']);
    expect(out[1].engine).toBe('trtllm');
  });

  it.each([
    [['estimate', '--model', 'llama-3.1-8b'], '--gpu is required'],
    [[...base], '--concurrency N or --saturate is required'],
    [[...base, '--concurrency', '4', '--saturate'], 'give --concurrency or --saturate, not both'],
    [
      [...base, '--concurrency', '-3'],
      "--concurrency must be a whole number from 1 to 1,000,000,000 (got '-3')",
    ],
    [
      [...base, '--concurrency', '2.5'],
      "--concurrency must be a whole number from 1 to 1,000,000,000 (got '2.5')",
    ],
    [
      [...base, '--concurrency', '0x10'],
      "--concurrency must be a whole number from 1 to 1,000,000,000 (got '0x10')",
    ],
    [
      [...base, '--concurrency', '4', '--engine', 'ollama'],
      "--engine must be one of vllm, trtllm, sglang, tgi (got 'ollama')",
    ],
    [[...base, '--concurrency', '4', '--colour'], 'unknown option --colour'],
    // Nothing after '=': it read as the value '' (for cost, "the file '': cannot read the file").
    [[...base, '--concurrency=', '4'], '--concurrency needs a value'],
    [
      [...base.slice(0, 5), '--gpus', '3', ...base.slice(7), '--saturate'],
      "--gpus: one replica over all 3 GPUs needs tp 3, which does not divide llama-3.1-8b's 32 attention heads: give tp",
    ],
    [
      [
        'estimate',
        '--model',
        'gpt-j-6',
        '--gpu',
        'a10g',
        '--gpus',
        '1',
        '--precision',
        'fp16',
        '--input',
        '10',
        '--output',
        '10',
        '--saturate',
      ],
      "--model: unknown model 'gpt-j-6'; did you mean 'gpt-j-6b'",
    ],
    [
      [
        'estimate',
        '--model',
        'llama-3.1-8b',
        '--gpu',
        'h100',
        '--gpus',
        '1',
        '--precision',
        'fp16',
        '--input',
        '10',
        '--output',
        '10',
        '--saturate',
      ],
      "--gpu: unknown GPU 'h100'",
    ],
    [
      [
        'estimate',
        '--model',
        'llama-3.1-8b',
        '--gpu',
        'h100-sxm',
        '--gpus',
        '6',
        '--tp',
        '4',
        '--precision',
        'fp16',
        '--input',
        '10',
        '--output',
        '10',
        '--saturate',
      ],
      '--gpus: gpus (6) must be a multiple of tp (4)',
    ],
  ])('refuses %j with a clear message', (args, message) => {
    expect(() => run(args)).toThrow(message);
  });

  it('a bad batch entry is named by index and field', () => {
    const file = writeJson(tmp(), 'batch.json', [
      {
        model: 'llama-3.1-8b',
        gpu: 'h100-sxm',
        gpus: 1,
        precision: 'fp8',
        input: 1000,
        output: 200,
        concurrency: 8,
      },
      {
        model: 'llama-3.1-8b',
        gpu: 'h100-sxm',
        gpus: 0,
        precision: 'fp8',
        input: 1000,
        output: 200,
        concurrency: 8,
      },
    ]);
    expect(() => run(['estimate', '--batch', file, '--json'])).toThrow(
      /batch\.json: \[1\]\.gpus: Too small/,
    );
  });
});

describe('CLI: cost', () => {
  it('prices the worked example at $11,015.19 a month', () => {
    const file = writeJson(tmp(), 'scenario.json', workedExampleScenario());
    const out = JSON.parse(run(['cost', '--scenario', file, '--format', 'json']));
    expect(out.candidates).toHaveLength(1);
    expect(out.candidates[0].monthlyUsd).toBeCloseTo(11_015.19, 2);
    expect(out.recommended).toBe('api:negotiated/sonnet');
  });

  it('--format json carries the objective, the horizon and each candidate’s tcoUsd', () => {
    const file = writeJson(tmp(), 'scenario.json', workedExampleScenario());
    const out = JSON.parse(run(['cost', '--scenario', file, '--format', 'json']));
    expect(out.objective).toBe('tco');
    expect(out.horizonMonths).toBe(36);
    // No launch delay, no setup: 36 months × $11,015.19.
    expect(out.candidates[0].tcoUsd).toBeCloseTo(36 * 11_015.19, 1);
    expect(out.candidates[0].qualityStatus).toBe('none');
    expect(
      out.feasibleCount +
        out.exclusions.reduce((n: number, x: { count: number }) => n + x.count, 0),
    ).toBe(out.candidateCount);
    const monthly = JSON.parse(
      run(['cost', '--scenario', file, '--format', 'json', '--objective', 'monthly']),
    );
    expect(monthly.objective).toBe('monthly');
  });

  it('--objective decides the pick: lowest tcoUsd by default, lowest monthlyUsd with monthly', () => {
    // twoChoices: the API $900 a month + $5,000 setup, the rented L4 $730 a month + $40,000.
    // 36-month cost: API 5,000 + 36 × 900 = 37,400; GPU 40,000 + 36 × 730 = 66,280 → the API.
    // Monthly: 730 < 900 → the GPU.
    const file = writeJson(tmp(), 'setup-vs-monthly.json', twoChoices());
    type Row = { id: string; kind: string; tcoUsd: number; monthlyUsd: number };
    const byId = (out: { candidates: Row[] }) => new Map(out.candidates.map((c) => [c.id, c]));
    const tco = JSON.parse(run(['cost', '--scenario', file, '--format', 'json']));
    const gpu = tco.candidates.find((c: Row) => c.kind === 'cloud').id;
    expect(tco.objective).toBe('tco');
    expect(tco.recommended).toBe('api:test/api');
    expect(byId(tco).get('api:test/api')?.tcoUsd).toBeCloseTo(37_400, 4);
    expect(byId(tco).get(gpu)?.tcoUsd).toBeCloseTo(66_280, 4);
    const monthly = JSON.parse(
      run(['cost', '--scenario', file, '--format', 'json', '--objective', 'monthly']),
    );
    expect(monthly.objective).toBe('monthly');
    expect(monthly.recommended).toBe(gpu);
    expect(byId(monthly).get(gpu)?.monthlyUsd).toBeCloseTo(730, 6);
    expect(byId(monthly).get('api:test/api')?.monthlyUsd).toBeCloseTo(900, 6);
    // With a TTFT SLO the API has no figure for, it is out and the GPU is the pick; the JSON
    // names the API as the best of those out only for an unknown: 66,280 − 37,400 = 28,880 less.
    const slo = writeJson(
      tmp(),
      'slo.json',
      twoChoices({ workload: { ...twoChoices().workload, slo: { ttftMs: 1000 } } }),
    );
    const out = JSON.parse(run(['cost', '--scenario', slo, '--format', 'json']));
    expect(out.recommended).toBe(gpu);
    expect(out.explanation.bestUnknown).toMatchObject({ id: 'api:test/api', unknown: 'latency' });
    expect(out.explanation.bestUnknown.advantage).toBeCloseTo(28_880, 4);
  });

  it('help names every option of cost, the simulation’s included', () => {
    const help = run(['help']);
    for (const flag of [
      '--objective',
      '--format',
      '--as-of',
      '--uncertainty',
      '--samples',
      '--seed',
    ])
      expect(help, flag).toContain(flag);
  });

  it('COMMAND --help and help COMMAND print that command’s options, not an error', async () => {
    const cost = run(['cost', '--help']);
    expect(cost.split('\n')[0]).toBe('usage:');
    for (const flag of ['--scenario', '--objective', '--as-of', '--uncertainty', '--levers'])
      expect(cost, flag).toContain(flag);
    expect(cost).not.toContain('estimate');
    expect(run(['help', 'cost'])).toBe(cost);
    // Anywhere on the line, even after other options.
    expect(run(['cost', '--scenario', 'x.json', '-h'])).toBe(cost);
    expect(run(['estimate', '--help'])).toContain('--batch FILE');
    expect(run(['catalog', 'import', '--help'])).toContain('catalog import FILE');
    expect(run(['schema', '--help'])).toContain('schema scenario [--out FILE]');
    expect(await runAsync(['report', '--help'])).toContain('--paper a4|letter');
    expect(() => run(['help', 'frobnicate'])).toThrow(
      "unknown command 'frobnicate' (commands: estimate, cost, report, catalog, schema, help)",
    );
    expect(run(['help'])).toContain('--levers');
  });

  it('--objective npv without a value per request says what to set', () => {
    const file = writeJson(tmp(), 'scenario.json', workedExampleScenario());
    expect(() => run(['cost', '--scenario', file, '--objective', 'npv'])).toThrow(
      `--objective npv needs a value per request: set value.perRequest in ${file}`,
    );
    expect(() => run(['cost', '--scenario', file, '--objective', 'cheapest'])).toThrow(
      "--objective must be one of tco, npv, monthly, perOutcome (got 'cheapest')",
    );
  });

  it('prints csv, markdown and an aligned table', () => {
    const file = writeJson(tmp(), 'scenario.json', workedExampleScenario());
    const csv = run(['cost', '--scenario', file, '--format', 'csv']).split('\r\n');
    // The assumptions first, a blank line, then the table under human headers with units.
    expect(csv[0]).toBe('Scenario,Worked example');
    expect(csv).toContain('Requests,"1,500,000 a month (peak ÷ average 1, 24 h × 7 d a week)"');
    const header = csv.findIndex((l) => l.startsWith('Rank,'));
    expect(csv[header - 1]).toBe('');
    // The objective's value (the 36-month cost by default) next to the candidate.
    expect(csv[header]).toMatch(
      /^Rank,Candidate,Placement,36-month cost \(USD\),Monthly \(USD\),Per request \(USD\)/,
    );
    // Money to the cent, placements in words (never the code 'api').
    expect(csv[header + 1]).toMatch(/^1,.*,Hosted API,\d+(\.\d{1,2})?,11015\.19,0\.007343,/);
    const md = run(['cost', '--scenario', file, '--format', 'md']);
    expect(md).toMatch(/\| 1 ★ \| .* \| Hosted API \| .* \| \$11,015 \|/);
    // The same report the app exports: the assumptions first.
    expect(md).toContain('## Assumptions');
    expect(md).toContain('- Requests: 1,500,000 a month');
    expect(md).toContain('cacheable prefix 1,200 tokens, 60% prompt-cache hits');
    // Why the pick is the answer, in the explanation's words, every candidate counted.
    expect(md).toContain('## Why this one');
    expect(md).toMatch(/is recommended: the lowest 36-month cost of 1 feasible candidate, /);
    expect(md).toContain('| all evaluated | 1 |');
    expect(run(['cost', '--scenario', file])).toMatch(/Recommended: .*claude-negotiated/);
  });

  it.each([
    ['{"schemaVersion": 1, "name": "x", ', /not valid JSON \(truncated or corrupt\?\)/],
    ['', /the file is empty/],
    ['[1, 2]', /a scenario file must be a JSON object/],
    ['\u0000\u0001binary', /binary data/],
    ['['.repeat(5000) + ']'.repeat(5000), /nests deeper than 64 levels/],
  ])('refuses a malformed file (%#)', (text, message) => {
    const file = writeJson(tmp(), 'bad.json', text);
    expect(() => run(['cost', '--scenario', file])).toThrow(message);
  });

  it('reads a scenario saved as UTF-16 with a byte-order mark (Windows PowerShell 5) like UTF-8', () => {
    const text = JSON.stringify(workedExampleScenario());
    const utf8 = writeJson(tmp(), 'utf8.json', text);
    const utf16 = join(tmp(), 'utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    type Out = { recommended: string; candidates: { tcoUsd: number }[] };
    const pick = (file: string) => {
      const out = JSON.parse(run(['cost', '--scenario', file, '--format', 'json'])) as Out;
      return [out.recommended, out.candidates[0]?.tcoUsd];
    };
    expect(pick(utf16)).toEqual(pick(utf8));
    expect(pick(utf8)[0]).toBe('api:negotiated/sonnet');
  });

  it('names the field of an invalid scenario', () => {
    const s = workedExampleScenario();
    const bad = { ...s, workload: { ...(s.workload as object), batchShare: 1.5 } };
    const file = writeJson(tmp(), 'bad.json', bad);
    expect(() => run(['cost', '--scenario', file])).toThrow(
      /workload\.batchShare: Too big: expected number to be <=1/,
    );
  });

  it('refuses a misspelled field anywhere in the scenario, naming it', () => {
    const s = workedExampleScenario();
    const bad = {
      ...s,
      workload: { ...(s.workload as object), slo: { ttfMs: 100 } },
      candidates: [{ kind: 'api', offeringId: 'negotiated/sonnet', negotiatedDiscunt: 0.5 }],
    };
    const file = writeJson(tmp(), 'typo.json', bad);
    expect(() => run(['cost', '--scenario', file])).toThrow(
      'workload.slo: Unrecognized key: "ttfMs"; candidates[0]: Unrecognized key: "negotiatedDiscunt"',
    );
  });

  it('names unknown ids in sweep filters, allowed regions, discounts and inline rows', () => {
    const s = workedExampleScenario();
    const bad = {
      ...s,
      workload: { ...(s.workload as object), regions: ['mars-1'] },
      sweep: { api: { providers: ['nope'] } },
      discounts: [{ provider: 'nobody', fraction: 0.1 }],
    };
    const file = writeJson(tmp(), 'ids.json', bad);
    expect(() => run(['cost', '--scenario', file])).toThrow(
      "sweep.api.providers[0]: unknown provider 'nope'; workload.regions[0]: unknown region 'mars-1'; discounts[0].provider: unknown provider 'nobody'",
    );
  });

  it('refuses another schema version and unknown ids by name', () => {
    const dir = tmp();
    const v3 = writeJson(dir, 'v3.json', { ...workedExampleScenario(), schemaVersion: 3 });
    expect(() => run(['cost', '--scenario', v3])).toThrow(
      'schemaVersion: the file is version 3, from a newer Modelwise; this version reads up to 2 (update Modelwise to open it)',
    );
    const unknown = writeJson(dir, 'u.json', {
      ...workedExampleScenario(),
      candidates: [{ kind: 'api', offeringId: 'nobody/nothing' }],
    });
    expect(() => run(['cost', '--scenario', unknown])).toThrow(
      "candidates[0].offeringId: unknown offering 'nobody/nothing'",
    );
    expect(() => run(['cost', '--scenario', `${dir}/missing.json`])).toThrow(
      'cannot read the file',
    );
  });
});

describe('CLI: process behaviour', () => {
  it('schema scenario prints a JSON Schema', () => {
    const out = execFileSync(process.execPath, cliArgs(['schema', 'scenario']), {
      encoding: 'utf8',
    });
    const schema = JSON.parse(out);
    expect(schema.properties.schemaVersion.const).toBe(2);
    expect(schema.required).toContain('workloads');
    // --out writes the same text to a file (how `npm run schema` refreshes the published copy).
    const file = `${tmp()}/scenario.schema.json`;
    expect(run(['schema', 'scenario', '--out', file])).toBe(`wrote ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(out);
    expect(() => run(['schema', 'workload'])).toThrow("schema: the only schema is 'scenario'");
  });

  it('errors exit non-zero with one line and no stack trace', () => {
    const r = spawnSync(
      process.execPath,
      cliArgs([
        'estimate',
        '--model',
        'nope',
        '--gpu',
        'h100-sxm',
        '--gpus',
        '1',
        '--precision',
        'fp8',
        '--input',
        '1',
        '--output',
        '1',
        '--saturate',
      ]),
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^modelwise: --model: unknown model 'nope'/);
    expect(r.stderr).not.toMatch(/\s+at /);
  });
});
