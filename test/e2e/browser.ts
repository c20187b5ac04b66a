import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startWebServer, type WebServer } from '../../scripts/web/server.ts';

/** Debian's Chromium, as .ci/run installs it. */
export const CHROMIUM = process.env.MODELWISE_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Session {
  server: WebServer;
  browser: Browser;
  page: Page;
  dataDir: string;
  /** Console errors and page errors seen so far. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
  close(): Promise<void>;
}

/** Browser mode on a fresh data folder, with Chromium pointed at it. */
export async function openSession(
  options: { dataDir?: string; viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'modelwise-e2e-'));
  const server = await startWebServer({ port: 0, dataDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1600, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  return {
    server,
    browser,
    page,
    dataDir,
    errors,
    requests,
    async close() {
      await browser.close();
      await server.close();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Loads the app and waits for the ready marker; returns the milliseconds it took. */
/**
 * Reads the page until what it reads matches: a busy 2-core machine can stall a browser for tens
 * of seconds, so the wait is long; a wrong answer still fails, once it has lasted `timeoutMs`.
 */
export function poll<T>(
  read: () => Promise<T>,
  timeoutMs = 60_000,
): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: timeoutMs, interval: 100 });
}

export async function loadApp(s: Session): Promise<number> {
  const started = Date.now();
  await s.page.goto(s.server.url);
  await s.page.waitForSelector('#root[data-app-state="ready"]', { timeout: 30_000 });
  return Date.now() - started;
}

/**
 * Sets a what-if slider to `step` as a drag does, without focusing it (focus would scroll the
 * slider, and what is near it, into view).
 */
export async function dragSlider(page: Page, key: string, step: number): Promise<void> {
  await page.evaluate(
    ({ key, step }) => {
      const slider = document.querySelector<HTMLInputElement>(`[data-testid="whatif-${key}"]`)!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(
        slider,
        String(step),
      );
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { key, step },
  );
}

/** Chooses a file through the picker a button opens (Open…, Import price list…, …). */
export async function pickFile(page: Page, buttonTestId: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(buttonTestId).click();
  await (await chooser).setFiles(path);
}
