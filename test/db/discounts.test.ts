import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { dumpDatabase, offeringRow, openTestStore, testPaths } from '../support/db.ts';
import { workedExampleScenario } from '../support/scenarios.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

/** DESIGN.md's worked example priced against the database's offering `acme/sonnet`. */
function workedExampleMonthlyUsd(store: ReturnType<typeof openTestStore>): number {
  const { catalog: _inline, ...scenario } = workedExampleScenario();
  const parsed = parseScenario({
    ...scenario,
    candidates: [{ kind: 'api', offeringId: 'acme/sonnet' }],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const evaluation = evaluateScenario(store.readCatalog(), parsed.scenario);
  if (!evaluation.ok) throw new Error(evaluation.error);
  return evaluation.result.rankedRows()[0]?.monthlyUsd ?? NaN;
}

function storeWithWorkedExample() {
  const paths = testPaths(tmp());
  const store = openTestStore(paths);
  const added = store.upsert(
    'offerings',
    offeringRow('acme/sonnet', 'acme-large', 3, 15, {
      usdPerMTok: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
      batch: { input: 1.5, output: 7.5 },
      cache: { style: 'explicit', minPrefixTokens: 1024, ttlMinutes: 5 },
    }),
  );
  expect(added.ok).toBe(true);
  return { paths, store };
}

describe('negotiated discounts', () => {
  it('a provider discount lowers the monthly cost; an offering discount overrides it', () => {
    const { store } = storeWithWorkedExample();
    expect(workedExampleMonthlyUsd(store)).toBeCloseTo(11_015.19, 2);

    const provider = store.setDiscount({ provider: 'acme', fraction: 0.2, note: 'MSA 2026' });
    expect(provider).toMatchObject({
      ok: true,
      data: { provider: 'acme', fraction: 0.2, note: 'MSA 2026' },
    });
    expect(workedExampleMonthlyUsd(store)).toBeCloseTo(8_812.15, 2); // 11,015.19 × 0.8

    const offering = store.setDiscount({ offeringId: 'acme/sonnet', fraction: 0.3 });
    expect(offering.ok).toBe(true);
    expect(workedExampleMonthlyUsd(store)).toBeCloseTo(7_710.63, 2); // × 0.7
    expect(store.readCatalog().discounts).toEqual([
      { provider: 'acme', fraction: 0.2, note: 'MSA 2026' },
      { offeringId: 'acme/sonnet', fraction: 0.3, note: '' },
    ]);
    store.close();
  });

  it('setting a discount again replaces it (one per provider or offering); removing it restores list price', () => {
    const { store } = storeWithWorkedExample();
    const first = store.setDiscount({ provider: 'acme', fraction: 0.1 });
    const second = store.setDiscount({ provider: 'acme', fraction: 0.25, note: 'renewed' });
    expect(first.ok && second.ok && first.data.id === second.data.id).toBe(true);
    expect(store.listDiscounts()).toHaveLength(1);
    expect(store.listDiscounts()[0]).toMatchObject({ fraction: 0.25, note: 'renewed' });
    if (second.ok) expect(store.removeDiscount(second.data.id)).toEqual({ ok: true, data: null });
    expect(workedExampleMonthlyUsd(store)).toBeCloseTo(11_015.19, 2);
    expect(store.removeDiscount(999)).toEqual({ ok: false, error: 'no discount with id 999' });
    store.close();
  });

  it('refuses an invalid discount by field, writing nothing', () => {
    const { paths, store } = storeWithWorkedExample();
    const before = dumpDatabase(paths.dbFile);
    expect(store.setDiscount({ provider: 'acme', fraction: 0.99 })).toEqual({
      ok: false,
      error: 'discount: fraction: Too big: expected number to be <=0.95',
    });
    expect(
      store.setDiscount({ provider: 'acme', offeringId: 'acme/sonnet', fraction: 0.1 }),
    ).toEqual({
      ok: false,
      error: 'discount: provider: give either provider or offeringId, not both',
    });
    expect(store.setDiscount({ offeringId: 'acme/nothing', fraction: 0.1 })).toEqual({
      ok: false,
      error: "discount: offeringId: unknown offering 'acme/nothing'",
    });
    expect(dumpDatabase(paths.dbFile)).toBe(before);
    store.close();
  });

  it('an offering discount goes with its offering', () => {
    const { store } = storeWithWorkedExample();
    expect(store.setDiscount({ offeringId: 'acme/sonnet', fraction: 0.3 }).ok).toBe(true);
    expect(store.remove('offerings', 'acme/sonnet').ok).toBe(true);
    expect(store.listDiscounts()).toEqual([]);
    store.close();
  });
});
