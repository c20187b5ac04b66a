import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { UsageError } from './errors.ts';

/** Where the CLI looks for Chromium: MODELWISE_CHROMIUM, else Debian's and the usual places. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.MODELWISE_CHROMIUM
    ? [env.MODELWISE_CHROMIUM]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) {
    throw new UsageError(
      `--format pdf needs a local Chromium and none was found at ${candidates.join(', ')}: install chromium (Debian: apt-get install chromium) or set MODELWISE_CHROMIUM to its path; --format html writes the same report to print from any browser`,
    );
  }
  return found;
}

/**
 * Prints an HTML report to PDF in a local Chromium (playwright-core drives it; nothing is
 * downloaded): the page's own @page rules set paper and page numbers. It waits for the report's
 * charts to be drawn.
 */
export async function htmlToPdf(html: string, executablePath: string): Promise<Uint8Array> {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    // Offline: the report needs nothing from the network.
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForSelector('html[data-charts="ready"]', { timeout: 30_000 });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
