/**
 * A monthly refresh you can review: `catalog check`, and `catalog import` with its dry-run diff,
 * the ranking effect on a scenario, format detection and the catalog left clean after genai-prices
 * and then LiteLLM are imported.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';
import { genaiFile } from '../support/genai-fixture.ts';
import { useTempDir, writeJson } from '../support/tmp.ts';

const tmp = useTempDir();
const dataDir = useDataDirEnv(beforeAll, afterAll);

const cli = (args: string[], dir = dataDir()) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, MODELWISE_DATA_DIR: dir },
  });

/** genai-prices' entries with one change: GPT-5.6 cut from $5 to $4 input. */
function genaiWithCut(): unknown[] {
  const file = genaiFile() as { id: string; models: { id: string; prices: unknown }[] }[];
  const gpt = file.find((p) => p.id === 'openai')?.models.find((m) => m.id === 'gpt-5.6-sol');
  if (gpt === undefined) throw new Error('fixture lost gpt-5.6-sol');
  (gpt.prices as { input_mtok: { base: number } }).input_mtok.base = 4;
  return file;
}

/** A LiteLLM excerpt: gpt-5-nano with gpt-5's priority input (the bug) and a new model. */
const LITELLM = {
  'gpt-5-nano': {
    litellm_provider: 'openai',
    mode: 'chat',
    input_cost_per_token: 5e-8,
    output_cost_per_token: 4e-7,
    cache_read_input_token_cost: 5e-9,
    input_cost_per_token_priority: 2.5e-6,
    max_input_tokens: 272000,
  },
  'gpt-9-preview': {
    litellm_provider: 'openai',
    mode: 'chat',
    input_cost_per_token: 2e-6,
    output_cost_per_token: 8e-6,
  },
};

const scenario = {
  schemaVersion: 1,
  name: 'GPT-5.6 at volume',
  workload: {
    requests: { count: 100_000, per: 'day' },
    inputTokens: { mean: 2000 },
    outputTokens: { mean: 200 },
  },
  sweep: { api: { models: ['gpt-5.6', 'gpt-5.5'] } },
};

describe('catalog check', () => {
  it('--json on the shipped seed reports no error-level finding; each names its row and rule', () => {
    const report = JSON.parse(run(['catalog', 'check', '--json']));
    expect(report.errors).toBe(0);
    expect(report.findings.length).toBe(report.warnings);
    for (const f of report.findings.slice(0, 50)) {
      expect(f.message).toContain(`'${f.key}': ${f.rule}:`);
    }
    expect(run(['catalog', 'check'])).toMatch(/^catalog check: 0 errors, \d+ warnings/);
  });

  it('exits 1 and lists the error when a row breaks a rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelwise-check-'));
    try {
      expect(cli(['catalog', 'stats'], dir).status).toBe(0);
      // A row written by another tool, past the app's own checks: a priority cheaper than standard.
      const db = new Database(join(dir, 'modelwise.db'));
      const row = JSON.parse(
        (
          db.prepare("SELECT data FROM offerings WHERE id = 'openai/gpt-5.6'").get() as {
            data: string;
          }
        ).data,
      );
      row.priority = { input: 1, output: 6 };
      db.prepare("UPDATE offerings SET data = ? WHERE id = 'openai/gpt-5.6'").run(
        JSON.stringify(row),
      );
      db.close();
      const r = cli(['catalog', 'check'], dir);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(
        "error: offering 'openai/gpt-5.6': tier-order: priority.input: priority input 1 $/MTok is below standard 5 $/MTok",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('catalog import: review, then apply', () => {
  it('--dry-run --json prints the diff (old → new with both dates) and writes nothing', () => {
    const file = writeJson(tmp(), 'data.json', genaiWithCut());
    const before = run(['catalog', 'list', 'offerings', '--filter', 'provider=openai', '--json']);
    const dry = JSON.parse(run(['catalog', 'import', file, '--dry-run', '--json']));
    expect(dry).toMatchObject({ format: 'genai-prices', dryRun: true });
    const gpt = dry.diff.changed.find((c: { key: string }) => c.key === 'openai/gpt-5.6');
    expect(gpt).toMatchObject({
      table: 'offerings',
      oldAsOf: '2026-08-21',
      newAsOf: expect.any(String),
    });
    expect(gpt.fields).toContainEqual({ field: 'usdPerMTok.input', old: 5, new: 4 });
    expect(run(['catalog', 'list', 'offerings', '--filter', 'provider=openai', '--json'])).toBe(
      before,
    );
  });

  it('--scenario says what the import does to the ranking', () => {
    const file = writeJson(tmp(), 'data.json', genaiWithCut());
    const scenarioFile = writeJson(tmp(), 'scenario.json', scenario);
    const dry = JSON.parse(
      run(['catalog', 'import', file, '--dry-run', '--scenario', scenarioFile, '--json']),
    );
    const moved = dry.ranking.moved.find((m: { id: string }) => m.id === 'api:openai/gpt-5.6');
    // 100,000 requests/day × 365/12 days × (2,000 × $5 + 200 × $30) / 1e6 = $48,666.67 a month;
    // at $4 input: × (2,000 × 4 + 200 × 30) / 1e6 = $42,583.33.
    expect(moved.monthlyUsdBefore).toBeCloseTo(48_666.67, 1);
    expect(moved.monthlyUsdAfter).toBeCloseTo(42_583.33, 1);
    const text = run(['catalog', 'import', file, '--dry-run', '--scenario', scenarioFile]);
    expect(text).toContain('what it does to GPT-5.6 at volume:');
    expect(text).toContain("~ offerings 'openai/gpt-5.6'");
    expect(text).toContain('usdPerMTok.input: 5 → 4');
  });

  it('genai-prices then a LiteLLM file: each applies whole, and the catalog stays clean', () => {
    const genai = writeJson(tmp(), 'data.json', genaiWithCut());
    const applied = JSON.parse(run(['catalog', 'import', genai, '--json']));
    expect(applied).toMatchObject({
      format: 'genai-prices',
      dryRun: false,
      updated: { offerings: expect.any(Number) },
    });
    const litellm = writeJson(tmp(), 'model_prices.json', LITELLM);
    const second = JSON.parse(run(['catalog', 'import', litellm, '--format', 'litellm', '--json']));
    // gpt-5-nano's priority input would scale output 50×: left out, the catalog keeps its row.
    expect(second.leftOut).toEqual([
      'entry "gpt-5-nano": tier-factor: priority: priority gives no output, cacheRead price, so they are scaled by 50× (the tier\'s input ratio); priority\'s documented factor is 1–2.5×',
    ]);
    expect(second.imported).toMatchObject({ offerings: 1, models: 1 });
    // An excerpt of two entries does not end the provider's other rows.
    expect(second.counts.removed).toBe(0);
    expect(JSON.parse(run(['catalog', 'check', '--json'])).errors).toBe(0);
    const nano = JSON.parse(
      run(['catalog', 'list', 'offerings', '--filter', 'openai/gpt-5-nano', '--json']),
    );
    expect(nano.rows[0].row.priority).toBeUndefined();
  });
});
