import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommand } from '../../core/contract/menu.ts';
import { menuTemplate } from '../../electron/menu-template.ts';
import { nativeBindingPath } from '../../electron/native-binding.ts';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}

describe('native menus', () => {
  it('carry the usual accelerators and send their commands', () => {
    const sent: MenuCommand[] = [];
    const all = items(menuTemplate((c) => sent.push(c), false));
    const accel = (label: string) => all.find((i) => i.label === label)?.accelerator;
    expect(accel('New Scenario')).toBe('CmdOrCtrl+N');
    expect(accel('Open Scenario File…')).toBe('CmdOrCtrl+O');
    expect(accel('Save Scenario')).toBe('CmdOrCtrl+S');
    expect(accel('Undo Change')).toBe('CmdOrCtrl+Z');
    expect(accel('Redo Change')).toBe('Ctrl+Y');
    for (const i of all) i.click?.(undefined as never, undefined as never, undefined as never);
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS));
    expect(all.some((i) => i.role === 'copy')).toBe(true);
  });

  it('macOS gets the app menu and Cmd+Shift+Z', () => {
    const all = items(menuTemplate(() => undefined, true));
    expect(all.some((i) => i.role === 'appMenu')).toBe(true);
    expect(all.find((i) => i.label === 'Redo Change')?.accelerator).toBe('Cmd+Shift+Z');
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('comes from the packaged resources or the development cache, never node_modules', () => {
    const packaged = nativeBindingPath({
      packaged: true,
      resourcesPath: '/opt/Modelwise/resources',
      projectRoot: '/src',
      electronVersion: '42.11.18',
      platform: 'linux',
      arch: 'x64',
    });
    expect(packaged).toBe('/opt/Modelwise/resources/native/better_sqlite3.node');
    const dev = nativeBindingPath({
      packaged: false,
      resourcesPath: '',
      projectRoot: '/src',
      electronVersion: '42.11.18',
      platform: 'linux',
      arch: 'x64',
    });
    expect(dev).toBe('/src/.cache/electron-native/42.11.18-linux-x64/better_sqlite3.node');
  });
});

describe('packaging (electron-builder config)', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const build = pkg.build;

  it('names the app and builds every installer', () => {
    expect(build.appId).toBe('com.modelwise.desktop');
    expect(build.productName).toBe('Modelwise');
    expect(pkg.productName).toBe('Modelwise');
    expect(build.linux.target).toEqual(['AppImage', 'deb']);
    expect(build.mac.target).toEqual(['dmg']);
    expect(build.win.target).toEqual(['nsis']);
    for (const os of ['linux', 'mac', 'win']) expect(existsSync(build[os].icon)).toBe(true);
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(pkg.scripts.dist).toMatch(/electron-builder/);
  });

  it('ships the built app, the seed catalog and migrations', () => {
    expect(build.files).toEqual(expect.arrayContaining(['dist-electron/**', 'dist/renderer/**']));
    const resources = build.extraResources.map(
      (r: { from: string; to: string }) => `${r.from} -> ${r.to}`,
    );
    expect(resources).toContain('data/seed -> data/seed');
    expect(resources).toContain('data/migrations -> data/migrations');
  });

  it('ships the Electron build of better-sqlite3 outside the asar archive, and not the Node build', () => {
    expect(build.npmRebuild).toBe(false);
    expect(build.asarUnpack).toContain('**/*.node');
    const native = build.extraResources.find((r: { to: string }) => r.to === 'native');
    expect(native.from).toBe('.cache/electron-native/dist/${platform}-${arch}');
    expect(build.files).toContain('!node_modules/better-sqlite3/build/**');
  });
});

describe('what a fresh checkout needs to start the desktop app', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const lowerBound = (range: string) => {
    const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(range);
    if (m === null) throw new Error(`no version in '${range}'`);
    return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  };
  const atLeast = (a: number[], b: number[]) => {
    const i = a.findIndex((n, k) => n !== b[k]);
    return i === -1 || (a[i] as number) > (b[i] as number);
  };

  it('declares every package the native-build script loads', () => {
    const script = readFileSync('scripts/electron-native.mjs', 'utf8');
    const loaded = [...script.matchAll(/require\.resolve\('((?:@[^/']+\/)?[^/']+)/g)].map(
      (m) => m[1] as string,
    );
    expect(loaded).toEqual(expect.arrayContaining(['prebuild-install', 'node-gyp']));
    const declared = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(loaded.filter((name) => !(name in declared))).toEqual([]);
  });

  it('declares a Node that Electron’s installer accepts, and says so on an older one', async () => {
    const electron = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8'));
    // engines ">=22.12" and Electron 42's ">= 22.12.0": the declared floor is not below Electron's.
    expect(atLeast(lowerBound(pkg.engines.node), lowerBound(electron.engines.node))).toBe(true);
    const script = pathToFileURL(join(process.cwd(), 'scripts', 'electron-native.mjs')).href;
    const { checkNodeForElectron } = (await import(script)) as {
      checkNodeForElectron: (node: string) => void;
    };
    const floor = lowerBound(electron.engines.node).join('.');
    expect(() => checkNodeForElectron(floor)).not.toThrow();
    expect(() => checkNodeForElectron('99.0.0')).not.toThrow();
    expect(() => checkNodeForElectron('20.19.0')).toThrow(
      `the desktop app needs Node ${floor} or newer (Electron ${electron.version}'s installer); this is Node 20.19.0`,
    );
  });
});
