import { describe, expect, it } from 'vitest';
import { openTestStore, testPaths } from '../support/db.ts';
import { workedExampleScenario } from '../support/scenarios.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

function open() {
  return openTestStore(testPaths(tmp()));
}

function saved<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

describe('saved scenarios', () => {
  it('save, list, read back, rename, duplicate and delete', () => {
    const store = open();
    const first = saved(
      store.saveScenario({ name: 'EU chatbot', scenario: workedExampleScenario() }),
    );
    expect(first).toMatchObject({
      name: 'EU chatbot',
      createdAt: '2026-11-27T12:00:00.000Z',
      updatedAt: '2026-11-27T12:00:00.000Z',
    });
    // The stored scenario is the validated one, named as saved, upgraded to a file of workloads.
    expect(first.scenario.name).toBe('EU chatbot');
    expect(first.scenario.schemaVersion).toBe(2);
    expect(first.scenario.workloads[0]?.workload.batchShare).toBe(0.2);

    const read = saved(store.getScenario(first.id));
    expect(read.scenario).toEqual(first.scenario);

    expect(saved(store.renameScenario(first.id, '  EU support bot  ')).name).toBe('EU support bot');
    expect(saved(store.getScenario(first.id)).scenario.name).toBe('EU support bot');

    const copy = saved(store.duplicateScenario(first.id));
    const copy2 = saved(store.duplicateScenario(first.id));
    expect(copy.name).toBe('EU support bot (copy)');
    expect(copy2.name).toBe('EU support bot (copy 2)');
    expect(copy.id).not.toBe(first.id);
    expect(copy.scenario.workloads).toEqual(first.scenario.workloads);
    expect(store.listScenarios().map((s) => s.name)).toEqual([
      'EU support bot',
      'EU support bot (copy 2)',
      'EU support bot (copy)',
    ]);

    expect(store.deleteScenario(copy.id)).toEqual({ ok: true, data: null });
    expect(store.deleteScenario(copy.id)).toEqual({
      ok: false,
      error: `no scenario with id '${copy.id}'`,
    });
    expect(store.listScenarios()).toHaveLength(2);
    store.close();
  });

  it('replaces a scenario by id, keeping when it was created', () => {
    const store = open();
    const first = saved(store.saveScenario({ name: 'A', scenario: workedExampleScenario() }));
    const edited = saved(
      store.saveScenario({
        id: first.id,
        name: 'A',
        scenario: { ...workedExampleScenario(), description: 'with a note' },
      }),
    );
    expect(edited.id).toBe(first.id);
    expect(edited.scenario.description).toBe('with a note');
    expect(store.listScenarios()).toHaveLength(1);
    expect(
      store.saveScenario({ id: 'nope', name: 'B', scenario: workedExampleScenario() }),
    ).toEqual({ ok: false, error: "no scenario with id 'nope'" });
    store.close();
  });

  it('keeps names unique, ignoring case', () => {
    const store = open();
    const a = saved(store.saveScenario({ name: 'Pilot', scenario: workedExampleScenario() }));
    const b = saved(store.saveScenario({ name: 'Rollout', scenario: workedExampleScenario() }));
    expect(store.saveScenario({ name: 'pilot', scenario: workedExampleScenario() })).toEqual({
      ok: false,
      error: "name: a scenario named 'Pilot' already exists",
    });
    expect(store.renameScenario(b.id, 'PILOT')).toEqual({
      ok: false,
      error: "name: a scenario named 'Pilot' already exists",
    });
    expect(saved(store.renameScenario(a.id, 'pilot')).name).toBe('pilot'); // its own name
    expect(store.renameScenario(a.id, '   ')).toEqual({
      ok: false,
      error: 'name: a scenario needs a name',
    });
    store.close();
  });

  it('refuses an invalid scenario naming the field', () => {
    const store = open();
    const s = workedExampleScenario();
    const bad = { ...s, workload: { ...(s.workload as object), batchShare: 1.5 } };
    const refused = store.saveScenario({ name: 'Bad', scenario: bad });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatch(
        /^scenario: workload\.batchShare: Too big: expected number to be <=1/,
      );
    }
    expect(store.saveScenario({ name: 'Bad', scenario: [1, 2] })).toEqual({
      ok: false,
      error: 'scenario: must be an object',
    });
    expect(store.listScenarios()).toEqual([]);
    store.close();
  });
});
