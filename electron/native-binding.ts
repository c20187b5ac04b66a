import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives. Node (tests, CLI, browser mode) uses the
 * build in node_modules; Electron loads its own through better-sqlite3's `nativeBinding` option,
 * so `npm test` and `npm start` work from one checkout in either order.
 *  - packaged app: resources/native/better_sqlite3.node (shipped outside the asar archive)
 *  - development:  .cache/electron-native/<electron>-<platform>-<arch>/better_sqlite3.node
 */
export function electronNativeDir(
  projectRoot: string,
  electronVersion: string,
  platform: string,
  arch: string,
): string {
  return join(projectRoot, '.cache', 'electron-native', `${electronVersion}-${platform}-${arch}`);
}

export function nativeBindingPath(opts: {
  packaged: boolean;
  resourcesPath: string;
  projectRoot: string;
  electronVersion: string;
  platform: string;
  arch: string;
}): string {
  return opts.packaged
    ? join(opts.resourcesPath, 'native', 'better_sqlite3.node')
    : join(
        electronNativeDir(opts.projectRoot, opts.electronVersion, opts.platform, opts.arch),
        'better_sqlite3.node',
      );
}

/** A missing Electron build explains how to make it instead of failing inside SQLite. */
export function checkNativeBinding(path: string): string | null {
  return existsSync(path)
    ? null
    : `the Electron build of better-sqlite3 is missing (${path}); run \`npm start\`, which builds it`;
}
