import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from '../../core/contract/ipc.ts';
import { call } from '../../renderer/api/api.ts';
import { startFirstCalls } from '../../renderer/api/first-calls.ts';

afterEach(() => vi.unstubAllGlobals());

/** A desktop bridge that answers the catalog and app info, counting what it was asked. */
function fakeBridge(asked: string[]): PreloadBridge {
  const answer = (channel: string, data: unknown) => () => {
    asked.push(channel);
    return Promise.resolve({ ok: true as const, data });
  };
  return {
    api: {
      'catalog:get': answer('catalog:get', { revision: 1 }),
      'app:info': answer('app:info', { version: '0.1.0' }),
    } as unknown as PreloadBridge['api'],
    onMenuCommand: () => () => undefined,
  };
}

describe('the first screen’s calls, started by the entry', () => {
  it('ask for the catalog and app info at once; the first load takes those answers, a reload asks again', async () => {
    const asked: string[] = [];
    startFirstCalls(fakeBridge(asked));
    // Asked before any of the app's code has run.
    expect(asked.sort()).toEqual(['app:info', 'catalog:get']);
    // The browser-mode server answers what is asked later (after an edit: the next revision).
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.resolve({ json: () => Promise.resolve({ ok: true, data: { revision: 2 } }) });
    });
    expect(await call('catalog:get', {})).toEqual({ revision: 1 });
    expect(fetched).toEqual([]);
    expect(await call('catalog:get', {})).toEqual({ revision: 2 });
    expect(fetched).toEqual(['./api/catalog:get']);
    expect(asked).toHaveLength(2);
  });

  it('a failed early answer fails the first load with its message', async () => {
    const bridge = fakeBridge([]);
    bridge.api['catalog:get'] = () =>
      Promise.resolve({ ok: false as const, error: 'the catalog database could not be opened' });
    startFirstCalls(bridge);
    await expect(call('catalog:get', {})).rejects.toThrow(
      'the catalog database could not be opened',
    );
    // The other first call is still answered from the entry's.
    expect(await call('app:info', {})).toEqual({ version: '0.1.0' });
  });
});
