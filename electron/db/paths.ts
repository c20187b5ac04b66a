import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The catalog database's file name inside the data folder. */
export const DB_FILE_NAME = 'modelwise.db';

/** The folder name under the platform's app-data folder. */
export const APP_FOLDER = 'Modelwise';

/**
 * The user's data folder: `MODELWISE_DATA_DIR` when set, else the platform's app-data folder
 * (the same parent Electron's `userData` uses): `%APPDATA%` on Windows, `~/Library/Application
 * Support` on macOS, `$XDG_CONFIG_HOME` (or `~/.config`) elsewhere.
 */
/** `MODELWISE_DATA_DIR` when set to something (an empty value counts as unset). */
export function dataDirOverride(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env['MODELWISE_DATA_DIR'];
  return override !== undefined && override.trim() !== '' ? override : undefined;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = dataDirOverride(env);
  if (override !== undefined) return override;
  const home = homedir();
  if (process.platform === 'win32') {
    return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  }
  if (process.platform === 'darwin')
    return join(home, 'Library', 'Application Support', APP_FOLDER);
  const xdg = env['XDG_CONFIG_HOME'];
  return join(xdg !== undefined && xdg !== '' ? xdg : join(home, '.config'), APP_FOLDER);
}

/**
 * The project root, found from this file when running from the source tree (tests, CLI, browser
 * mode). In the app's CommonJS bundle `import.meta.url` is empty: the app passes `seedDir` and
 * `migrationsDir` itself, and this falls back to the working directory.
 */
export function projectRoot(): string {
  const url: unknown = import.meta.url;
  if (typeof url === 'string' && url.startsWith('file:')) {
    return join(dirname(fileURLToPath(url)), '..', '..');
  }
  return process.cwd();
}

/** data/seed of the project (or `MODELWISE_SEED_DIR`). */
export function defaultSeedDir(): string {
  return process.env['MODELWISE_SEED_DIR'] ?? join(projectRoot(), 'data', 'seed');
}

/** data/migrations of the project. */
export function defaultMigrationsDir(): string {
  return join(projectRoot(), 'data', 'migrations');
}
