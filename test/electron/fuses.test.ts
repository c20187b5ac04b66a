import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** electron-builder's config in package.json (`build`): what `npm run dist` packages. */
const build = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { build: Record<string, unknown> }
).build;

describe('packaged builds', () => {
  it('flip Electron’s fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; asar integrity on', () => {
    // electron-builder (≥ 25) applies `electronFuses` with @electron/fuses, which it depends on.
    expect(build['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(build['asar']).toBe(true);
  });
});
