// Builds better-sqlite3 for Electron's ABI, beside (never over) the Node build in node_modules, so
// `npm test` (Node) and `npm start` (Electron) both work from one checkout, in either order.
//
//   .cache/electron-native/<electron>-<platform>-<arch>/better_sqlite3.node   (the app loads this)
//   .cache/electron-native/dist/<platform>-<arch>/better_sqlite3.node          (packaged by `npm run dist`)
//
// It first tries better-sqlite3's published prebuilt binary for this Electron (prebuild-install),
// then compiles from source against Electron's headers (node-gyp). Both need the internet once, and
// both are devDependencies: a fresh `npm install` brings them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function electronPackage() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
}

export function electronVersion() {
  return electronPackage().version;
}

/**
 * Electron's installer (it downloads the binary on first start) needs the Node its package names
 * (≥ 22.12 for Electron 41 and later, hence package.json's engines): say so plainly instead of
 * failing half-way through a download. The tests, the CLI and browser mode never start Electron
 * and also run on Node 20.19.
 */
export function checkNodeForElectron(nodeVersion = process.versions.node) {
  const wanted = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(electronPackage().engines?.node?.trim() ?? '');
  if (wanted === null) return;
  const have = nodeVersion.split('.').map(Number);
  const need = wanted.slice(1).map(Number);
  const older = need.findIndex((n, i) => (have[i] ?? 0) !== n);
  if (older !== -1 && (have[older] ?? 0) < need[older]) {
    throw new Error(
      `the desktop app needs Node ${need.join('.')} or newer (Electron ${electronVersion()}'s installer); this is Node ${nodeVersion}. The tests, the CLI and browser mode (npm run web) run on it.`,
    );
  }
}

export function nativeDir(
  version = electronVersion(),
  platform = process.platform,
  arch = process.arch,
) {
  return join(root, '.cache', 'electron-native', `${version}-${platform}-${arch}`);
}

function run(command, args, cwd) {
  const r = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return r.status === 0;
}

/** Returns the path of the Electron build, building it when missing. */
export function ensureElectronNative({ quiet = false } = {}) {
  const version = electronVersion();
  const dir = nativeDir(version);
  const target = join(dir, 'better_sqlite3.node');
  const distCopy = join(
    root,
    '.cache',
    'electron-native',
    'dist',
    `${process.platform}-${process.arch}`,
  );
  if (!existsSync(target)) {
    if (!quiet)
      console.log(
        `Building better-sqlite3 for Electron ${version} (${process.platform}-${process.arch})…`,
      );
    const source = dirname(require.resolve('better-sqlite3/package.json'));
    const work = mkdtempSync(join(tmpdir(), 'modelwise-native-'));
    try {
      for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
        cpSync(join(source, part), join(work, part), { recursive: true });
      }
      const prebuild = require.resolve('prebuild-install/bin.js');
      const common = [
        '--runtime=electron',
        `--target=${version}`,
        `--arch=${process.arch}`,
        `--platform=${process.platform}`,
      ];
      const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
      const ok =
        run(process.execPath, [prebuild, ...common], work) ||
        run(
          process.execPath,
          [
            nodeGyp,
            'rebuild',
            '--release',
            ...common.slice(0, 3),
            '--dist-url=https://electronjs.org/headers',
          ],
          work,
        );
      const built = join(work, 'build', 'Release', 'better_sqlite3.node');
      if (!ok || !existsSync(built)) {
        throw new Error(
          'could not get better-sqlite3 for Electron: no prebuilt binary was downloadable and compiling needs Electron headers from electronjs.org (internet) plus python3, make and a C++ compiler',
        );
      }
      mkdirSync(dir, { recursive: true });
      cpSync(built, target);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  mkdirSync(distCopy, { recursive: true });
  cpSync(target, join(distCopy, 'better_sqlite3.node'));
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    checkNodeForElectron();
    console.log(ensureElectronNative());
  } catch (error) {
    console.error(`modelwise: ${error.message}`);
    process.exit(1);
  }
}
