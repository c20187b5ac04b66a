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
    expect(stats).toMatchObject({ ok: true, data: { apiOfferings: 486, gpus: 17 } });
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
        'schemaVersion: the file is version 3, from a newer Modelwise; this version reads up to 1 (update Modelwise to open it)',
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
