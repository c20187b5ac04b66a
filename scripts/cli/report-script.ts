import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { UsageError } from './errors.ts';

const ENTRY = fileURLToPath(
  new URL('../../renderer/features/reports/report-page.ts', import.meta.url),
);

let cached: Promise<string> | undefined;

/**
 * The standalone report's script: the app's chart code (chart.js, the same configurations) bundled
 * into one inline script, so an HTML report draws its charts offline in any browser.
 */
export function reportScript(): Promise<string> {
  cached ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'inline',
    logLevel: 'silent',
  }).then(
    (r) => r.outputFiles[0]?.text ?? '',
    (error: unknown) => {
      cached = undefined;
      throw new UsageError(`the report's chart script could not be built: ${String(error)}`);
    },
  );
  return cached;
}
