/**
 * A price refresh keeps history: changed prices start on the file's date with the old ones kept
 * as a period, and an offering the refreshed source no longer lists ends instead of vanishing.
 */
import { describe, expect, it } from 'vitest';
import { offeringAt } from '../../core/pricing/price-history.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { dumpDatabase, openTestStore, testPaths } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

const entry = (input: number, output: number) => ({
  litellm_provider: 'acme',
  mode: 'chat',
  input_cost_per_token: input / 1e6,
  output_cost_per_token: output / 1e6,
});

const v1 = { 'acme/one': entry(1, 4), 'acme/two': entry(2, 8), 'acme/three': entry(3, 12) };
// A month later: one repriced, one gone, one as it was.
const v2 = { 'acme/one': entry(0.5, 2), 'acme/two': entry(2, 8) };

describe('refresh from a newer price file', () => {
  it('keeps the old price as history and ends what the source no longer lists', () => {
    const store = openTestStore(testPaths(tmp()));
    const first = store.importText(JSON.stringify(v1), 'litellm', { asOf: '2026-10-01' });
    expect(first.ok && first.data.imported).toEqual({ models: 3, offerings: 3 });

    const preview = store.importText(JSON.stringify(v2), 'litellm', {
      asOf: '2026-11-01',
      dryRun: true,
    });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.diff.removed).toEqual([
      { table: 'offerings', key: 'acme/three', asOf: '2026-10-01', lastDay: '2026-10-31' },
    ]);
    expect(preview.data.diff.changed.map((c) => [c.key, c.oldAsOf, c.newAsOf])).toEqual([
      ['acme/one', '2026-10-01', '2026-11-01'],
    ]);

    const applied = store.importText(JSON.stringify(v2), 'litellm', { asOf: '2026-11-01' });
    expect(applied.ok && applied.data.counts).toEqual({ added: 0, changed: 1, removed: 1 });
    const catalog = store.readCatalog();
    const one = catalog.offerings.find((o) => o.id === 'acme/one')!;
    expect(one).toMatchObject({ validFrom: '2026-11-01', usdPerMTok: { input: 0.5, output: 2 } });
    expect(offeringAt(one, '2026-10-15')?.usdPerMTok).toEqual({ input: 1, output: 4 });
    const three = catalog.offerings.find((o) => o.id === 'acme/three')!;
    expect(three.validTo).toBe('2026-10-31');

    // The scenario as of October pays October's prices and still has acme/three; as of November
    // acme/three is gone from the sweep.
    const scenario = Scenario.parse({
      schemaVersion: 1,
      name: 'refresh',
      workload: {
        requests: { count: 1_000_000, per: 'month' },
        inputTokens: { mean: 1000 },
        outputTokens: { mean: 100 },
      },
      sweep: { api: { providers: ['acme'] } },
    });
    const ids = (asOf: string) => {
      const e = evaluateScenario(catalog, { ...scenario, asOf });
      if (!e.ok) throw new Error(e.error);
      return e.result.rankedRows().map((r) => [r.id, r.monthlyUsd]);
    };
    // October (the horizon's first month, Oct 1–31, all at October's prices):
    // 1e6 × (1,000 × $1 + 100 × $4) / 1e6 = $1,400 for acme/one.
    expect(ids('2026-10-01')).toContainEqual(['api:acme/one', 1400]);
    expect(ids('2026-10-15').map((r) => r[0])).toContain('api:acme/three');
    // As of Oct 15 the first month runs to Nov 14, 31 days: 17 at $1,400, 14 at $700 —
    // (17 × 1,400 + 14 × 700) / 31 = 33,600 / 31 = $1,083.87 (docs/reports.md).
    const mid = ids('2026-10-15').find((r) => r[0] === 'api:acme/one')!;
    expect(mid[1]).toBeCloseTo(33_600 / 31, 6);
    // November: 1e6 × (1,000 × $0.5 + 100 × $2) / 1e6 = $700.
    expect(ids('2026-11-15')).toContainEqual(['api:acme/one', 700]);
    expect(ids('2026-11-15').map((r) => r[0])).not.toContain('api:acme/three');
    store.close();
  });

  it('an older file does not undo a price the catalog read later', () => {
    const paths = testPaths(tmp());
    const store = openTestStore(paths);
    store.importText(JSON.stringify(v2), 'litellm', { asOf: '2026-11-01' });
    const before = dumpDatabase(paths.dbFile);
    const old = store.importText(JSON.stringify(v1), 'litellm', { asOf: '2026-10-01' });
    expect(old.ok && old.data.skipped['the catalog has a later price']).toBe(2);
    expect(old.ok && old.data.imported).toEqual({ models: 1, offerings: 1 });
    expect(dumpDatabase(paths.dbFile)).not.toBe(before);
    expect(store.readCatalog().offerings.find((o) => o.id === 'acme/one')?.usdPerMTok.input).toBe(
      0.5,
    );
    store.close();
  });

  it('refuses an as-of date that is not a date, or is in the future', () => {
    const store = openTestStore(testPaths(tmp()));
    expect(store.importText(JSON.stringify(v1), 'litellm', { asOf: '2026-13-01' })).toEqual({
      ok: false,
      error: "as of: must be a date like 2026-07-24 (got '2026-13-01')",
    });
    expect(store.importText(JSON.stringify(v1), 'litellm', { asOf: '2027-01-01' })).toEqual({
      ok: false,
      error: 'as of: 2027-01-01 is after today (2026-11-27)',
    });
    store.close();
  });
});
