// Bundles the Electron main process and preload into dist-electron/ (CommonJS, as Electron loads
// them; the sandboxed preload cannot require anything but electron, so it is one file).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  // Modules that locate files from import.meta.url get the bundle's own URL.
  define: { 'import.meta.url': 'import_meta_url' },
  banner: { js: "const import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
});
console.log('built dist-electron/main.cjs and dist-electron/preload.cjs');
