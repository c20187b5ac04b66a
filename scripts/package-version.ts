import { readFileSync } from 'node:fs';

/** The app's version, from package.json next to scripts/. */
export function packageVersion(): string {
  const file = new URL('../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  return pkg.version;
}
