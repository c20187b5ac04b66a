// `npm start`: builds the renderer and the Electron shell, makes sure better-sqlite3 is built for
// Electron's ABI (a separate copy; the Node build stays for tests and the CLI), then launches the app.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { checkNodeForElectron, ensureElectronNative } from './electron-native.mjs';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(args) {
  const r = spawnSync(npm, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

try {
  checkNodeForElectron();
} catch (error) {
  console.error(`modelwise: ${error.message}`);
  process.exit(1);
}
step(['run', '-s', 'build']);
try {
  ensureElectronNative();
} catch (error) {
  console.error(`modelwise: ${error.message}`);
  process.exit(1);
}
// The electron package resolves (and on first use downloads) its binary.
let electron;
try {
  electron = require('electron');
} catch (error) {
  console.error(
    `modelwise: Electron is not available (${error.message}); it downloads on first start and needs the internet once`,
  );
  process.exit(1);
}
const child = spawn(electron, ['.', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
});
child.on('exit', (code) => process.exit(code ?? 0));
