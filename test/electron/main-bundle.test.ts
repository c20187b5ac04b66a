import { readSeed } from '../../electron/db/seed-files.ts';
/**
 * The bundled main process, run under Node with a stand-in for Electron's API: it must open the
 * catalog (through the Electron build path of better-sqlite3), register every contract channel with
 * a sender check, harden the session, and open one isolated window on the bundled page.
 */
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../core/contract/ipc.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();
const requireHere = createRequire(import.meta.url);

interface Fake {
  handled: Map<string, (event: unknown, input: unknown) => Promise<unknown>>;
  windows: { options: Record<string, unknown>; loaded: string[] }[];
  errors: string[];
  permissionHandler?: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
  beforeRequest?: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  contentsHandlers: Map<string, (...args: unknown[]) => void>;
  windowOpenHandler?: () => { action: string };
  menu?: unknown[];
}

function fakeElectron(fake: Fake, userData: string) {
  class BrowserWindow {
    webContents = { send: () => undefined };
    constructor(options: Record<string, unknown>) {
      fake.windows.push({ options, loaded: [] });
    }
    once() {}
    show() {}
    loadFile(file: string) {
      fake.windows.at(-1)?.loaded.push(file);
      return Promise.resolve();
    }
    static getAllWindows() {
      return fake.windows;
    }
  }
  const contents = {
    on: (name: string, fn: (...args: unknown[]) => void) => fake.contentsHandlers.set(name, fn),
    setWindowOpenHandler: (fn: () => { action: string }) => (fake.windowOpenHandler = fn),
  };
  return {
    app: {
      isPackaged: false,
      whenReady: () => Promise.resolve(),
      getPath: () => userData,
      getVersion: () => '0.1.0',
      on: (name: string, fn: (...args: unknown[]) => void) => {
        if (name === 'web-contents-created') fn({}, contents);
      },
      quit: () => undefined,
      exit: () => undefined,
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: Fake['handled'] extends Map<string, infer F> ? F : never) =>
        fake.handled.set(channel, fn),
    },
    Menu: {
      buildFromTemplate: (t: unknown[]) => (fake.menu = t),
      setApplicationMenu: () => undefined,
    },
    nativeTheme: { shouldUseDarkColors: false },
    dialog: { showErrorBox: (_title: string, message: string) => fake.errors.push(message) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fake['permissionHandler']) =>
          (fake.permissionHandler = fn),
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeRequest: (fn: Fake['beforeRequest']) => (fake.beforeRequest = fn) },
      },
    },
  };
}

describe('the bundled main process (under Node, with a stand-in for Electron)', () => {
  it('opens the catalog, registers every channel and opens one isolated window', async () => {
    const root = tmp();
    // A project laid out as `npm start` leaves it: bundle, seed, migrations, Electron-ABI addon.
    await build({
      entryPoints: ['electron/main.ts'],
      outfile: join(root, 'dist-electron', 'main.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron', 'better-sqlite3'],
      define: { 'import.meta.url': 'import_meta_url' },
      banner: { js: "const import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'silent',
    });
    cpSync('data', join(root, 'data'), { recursive: true });
    const electronVersion = '42.11.18';
    const nativeDir = join(
      root,
      '.cache',
      'electron-native',
      `${electronVersion}-${process.platform}-${process.arch}`,
    );
    mkdirSync(nativeDir, { recursive: true });
    // Under Node the Node build stands in for the Electron build: what is tested is the path taken.
    copyFileSync(
      requireHere.resolve('better-sqlite3/build/Release/better_sqlite3.node'),
      join(nativeDir, 'better_sqlite3.node'),
    );

    const fake: Fake = { handled: new Map(), windows: [], errors: [], contentsHandlers: new Map() };
    const electron = fakeElectron(fake, join(root, 'user-data'));
    const load = (Module as unknown as { _load: (r: string, p: unknown, m: boolean) => unknown })
      ._load;
    const versions = process.versions as Record<string, string>;
    const sqlite: unknown = requireHere('better-sqlite3');
    (Module as unknown as { _load: typeof load })._load = (request, parent, isMain) =>
      request === 'electron'
        ? electron
        : request === 'better-sqlite3'
          ? sqlite
          : load.call(Module, request, parent, isMain);
    Object.defineProperty(versions, 'electron', { value: electronVersion, configurable: true });
    const dataDir = process.env.MODELWISE_DATA_DIR;
    delete process.env.MODELWISE_DATA_DIR;
    try {
      createRequire(join(root, 'x.js'))(join(root, 'dist-electron', 'main.cjs'));
      // main() is async: wait until it has opened its window (or reported an error). Opening the
      // catalog and merging the seed takes well under a second; a busy machine gets 15.
      await expect
        .poll(() => fake.windows.length + fake.errors.length, { timeout: 15_000, interval: 20 })
        .toBeGreaterThan(0);
    } finally {
      (Module as unknown as { _load: typeof load })._load = load;
      delete versions.electron;
      if (dataDir !== undefined) process.env.MODELWISE_DATA_DIR = dataDir;
    }

    expect(fake.errors).toEqual([]);
    expect([...fake.handled.keys()].sort()).toEqual(Object.keys(CHANNELS).sort());
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(win.loaded).toEqual([join(root, 'dist', 'renderer', 'index.html')]);

    // The app page gets answers from the catalog in userData; anything else is refused.
    const page = `file://${join(root, 'dist', 'renderer', 'index.html')}`;
    const stats = await fake.handled.get('catalog:stats')!(
      { senderFrame: { url: page, parent: null } },
      {},
    );
    expect(stats).toMatchObject({ ok: true, data: { apiOfferings: readSeed().offerings.length } });
    const info = (await fake.handled.get('app:info')!(
      { senderFrame: { url: page, parent: null } },
      {},
    )) as { data: { dataDir: string } };
    expect(info.data.dataDir).toBe(join(root, 'user-data', 'modelwise.db'));
    expect(
      await fake.handled.get('catalog:stats')!(
        { senderFrame: { url: 'https://evil.example/', parent: null } },
        {},
      ),
    ).toMatchObject({ ok: false });

    // Session: permissions denied, the network cancelled, navigation and new windows refused.
    let granted: boolean | undefined;
    fake.permissionHandler?.({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    let cancelled: boolean | undefined;
    fake.beforeRequest?.({ url: 'https://example.com/tracker.js' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
    let prevented = false;
    fake.contentsHandlers.get('will-navigate')?.(
      { preventDefault: () => (prevented = true) },
      'https://example.com/',
    );
    expect(prevented).toBe(true);
    expect(fake.windowOpenHandler?.()).toEqual({ action: 'deny' });
    expect(fake.menu?.length).toBeGreaterThan(2);
  });
});
