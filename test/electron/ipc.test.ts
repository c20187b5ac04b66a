import { readSeed } from '../../electron/db/seed-files.ts';
import { describe, expect, it } from 'vitest';
import { openCatalogStore } from '../../electron/db/store.ts';
import { CHANNELS, type Result } from '../../core/contract/ipc.ts';
import { createHandlers } from '../../electron/ipc/handlers.ts';
import { registerIpc, type SenderEvent } from '../../electron/ipc/register.ts';
import { useTempDir } from '../support/tmp.ts';
import { workedExampleScenario } from '../support/scenarios.ts';

const tmp = useTempDir();

function setup() {
  const store = openCatalogStore({ dataDir: tmp() });
  const handlers = createHandlers({
    store,
    info: { version: '1.0.0', mode: 'electron', dataDir: store.path },
    staleAfterDays: 180,
  });
  const registered = new Map<
    string,
    (event: SenderEvent, input: unknown) => Promise<Result<unknown>>
  >();
  const channels = registerIpc(
    { handle: (c, l) => registered.set(c, l) },
    handlers,
    (e) => e.senderFrame?.parent === null,
  );
  const app: SenderEvent = { senderFrame: { url: 'file:///app/index.html', parent: null } };
  const call = (channel: string, input: unknown, event = app) =>
    registered.get(channel)!(event, input);
  return { store, channels, registered, call };
}

describe('IPC registration against a real database', () => {
  it('registers every contract channel, once', () => {
    const { store, channels, registered } = setup();
    expect([...registered.keys()].sort()).toEqual(Object.keys(CHANNELS).sort());
    expect(channels).toHaveLength(Object.keys(CHANNELS).length);
    store.close();
  });

  it('answers the app window with data', async () => {
    const { store, call } = setup();
    const stats = await call('catalog:stats', {});
    expect(stats).toMatchObject({
      ok: true,
      data: { apiOfferings: readSeed().offerings.length, gpus: 17 },
    });
    store.close();
  });

  it('refuses a sender that is not the app’s top frame', async () => {
    const { store, call } = setup();
    const reply = await call(
      'catalog:stats',
      {},
      { senderFrame: { url: 'file:///app/index.html', parent: {} } },
    );
    expect(reply).toEqual({
      ok: false,
      error: 'refused: the request did not come from the app window',
    });
    store.close();
  });

  it('validates every input and names the field', async () => {
    const { store, call } = setup();
    expect(await call('catalog:list', { table: 'pizzas' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^table: Invalid option/),
    });
    expect(await call('scenarios:rename', { id: 'x', name: '   ' })).toEqual({
      ok: false,
      error: 'name: name must not be empty',
    });
    expect(await call('discounts:remove', { id: -1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^id: /),
    });
    store.close();
  });

  it('saves and reads a scenario; refuses an invalid one with the field named', async () => {
    const { store, call } = setup();
    const saved = (await call('scenarios:save', {
      name: 'Worked example',
      scenario: workedExampleScenario(),
    })) as Result<{ id: string }>;
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const got = await call('scenarios:get', { id: saved.data.id });
    expect(got).toMatchObject({ ok: true, data: { name: 'Worked example' } });
    const bad = { ...workedExampleScenario(), workload: { requests: { count: -5, per: 'month' } } };
    const refused = await call('scenarios:save', { name: 'Bad', scenario: bad });
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringMatching(/workload\.requests\.count/),
    });
    expect(store.listScenarios()).toHaveLength(1);
    store.close();
  });

  it('parses scenario files with the same rules as the CLI', async () => {
    const { store, call } = setup();
    expect(await call('scenario:parse', { text: '{"schemaVersion": 3}' })).toEqual({
      ok: false,
      error:
        'schemaVersion: the file is version 3, from a newer Modelwise; this version reads up to 2 (update Modelwise to open it)',
    });
    expect(await call('scenario:parse', { text: '' })).toEqual({
      ok: false,
      error: 'the file is empty',
    });
    store.close();
  });

  it('file dialogs are refused where there are none (browser mode uses the page)', async () => {
    const { store, call } = setup();
    expect(await call('file:open', { kind: 'scenario' })).toEqual({
      ok: false,
      error: 'file dialogs are only available in the desktop app',
    });
    store.close();
  });
});

describe('IPC: reviewing and applying an import', () => {
  const file = JSON.stringify({
    'gpt-5.6': {
      litellm_provider: 'openai',
      mode: 'chat',
      input_cost_per_token: 4e-6,
      output_cost_per_token: 3e-5,
      cache_read_input_token_cost: 5e-7,
      cache_creation_input_token_cost: 6.25e-6,
      max_input_tokens: 1050000,
    },
  });

  it('the preview writes nothing and ranks the scenario both ways; apply refuses a changed catalog', async () => {
    const { store, call } = setup();
    const scenario = {
      schemaVersion: 1,
      name: 'GPT-5.6',
      workload: {
        requests: { count: 1_000_000, per: 'month' },
        inputTokens: { mean: 1000 },
        outputTokens: { mean: 100 },
      },
      candidates: [{ kind: 'api', offeringId: 'openai/gpt-5.6' }],
    };
    const preview = (await call('catalog:importPreview', {
      text: file,
      format: 'litellm',
      scenario,
    })) as Result<{
      summary: { dryRun: boolean };
      ranking: { pickAfter: { monthlyUsdBefore: number; monthlyUsdAfter: number } };
      revision: number;
    }>;
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.summary.dryRun).toBe(true);
    // 1e6 × (1,000 × $5 + 100 × $30) / 1e6 = $8,000 → at $4 input: $7,000.
    expect(preview.data.ranking.pickAfter.monthlyUsdBefore).toBeCloseTo(8000, 6);
    expect(preview.data.ranking.pickAfter.monthlyUsdAfter).toBeCloseTo(7000, 6);
    expect(
      store.readCatalog().offerings.find((o) => o.id === 'openai/gpt-5.6')?.usdPerMTok.input,
    ).toBe(5);

    // Someone edits the catalog between the review and the apply: the reviewed import is stale.
    expect(
      (await call('discounts:set', { discount: { provider: 'openai', fraction: 0.1 } })).ok,
    ).toBe(true);
    expect(
      await call('catalog:import', {
        text: file,
        format: 'litellm',
        expectRevision: preview.data.revision,
      }),
    ).toEqual({
      ok: false,
      error: 'the catalog changed since this import was reviewed: review it again',
    });

    const again = (await call('catalog:importPreview', {
      text: file,
      format: 'litellm',
    })) as Result<{ revision: number }>;
    if (!again.ok) throw new Error(again.error);
    const applied = await call('catalog:import', {
      text: file,
      format: 'litellm',
      expectRevision: again.data.revision,
    });
    expect(applied).toMatchObject({ ok: true, data: { dryRun: false } });
    expect(
      store.readCatalog().offerings.find((o) => o.id === 'openai/gpt-5.6')?.usdPerMTok.input,
    ).toBe(4);

    const check = (await call('catalog:check', {})) as Result<{
      errors: number;
      findings: unknown[];
    }>;
    expect(check).toMatchObject({ ok: true, data: { errors: 0 } });
    store.close();
  });
});
