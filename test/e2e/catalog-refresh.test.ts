/**
 * A refresh reviewed in the app (Chromium, browser mode): importing shows the diff and what it
 * does to the open scenario's ranking; Discard writes nothing, Apply writes it all; the Checks
 * panel shows the catalog's own checks.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { genaiFile } from '../support/genai-fixture.ts';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** genai-prices' entries with one change: GPT-5.6 cut from $5 to $4 input. */
function genaiWithCut(): unknown[] {
  const file = genaiFile() as { id: string; models: { id: string; prices: unknown }[] }[];
  const gpt = file.find((p) => p.id === 'openai')?.models.find((m) => m.id === 'gpt-5.6-sol');
  (gpt?.prices as { input_mtok: { base: number } }).input_mtok.base = 4;
  return file;
}

async function pickImport(s: Session, file: string): Promise<void> {
  await pickFile(s.page, 'catalog-import', file);
}

async function gpt56InputPrice(s: Session): Promise<string | null> {
  await s.page.getByTestId('catalog-search').fill('id=openai/gpt-5.6');
  await s.page.locator('[data-row-key="openai/gpt-5.6"]').click();
  const value = await s.page
    .getByTestId('row-editor')
    .getByLabel('usdPerMTok.input', { exact: true })
    .inputValue();
  await s.page.getByTestId('row-editor').getByRole('button', { name: 'Close' }).click();
  return value;
}

describe('a price refresh reviewed in the app', () => {
  it('shows the diff and the ranking effect; discard writes nothing, apply writes it all', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    const file = join(s.dataDir, 'data.json');
    writeFileSync(file, JSON.stringify(genaiWithCut()));
    await s.page.getByTestId('view-catalog').click();

    await pickImport(s, file);
    const review = s.page.getByTestId('import-review');
    await review.waitFor();
    await poll(() => review.textContent()).toContain('(genai-prices)');
    const changed = review.getByTestId('import-review-changed');
    await poll(() => changed.textContent()).toContain('openai/gpt-5.6');
    expect(await changed.textContent()).toContain('usdPerMTok.input: 5 → 4');
    await poll(() => review.getByTestId('import-review-pick').textContent()).toMatch(/^The pick/);
    await s.page.screenshot({ path: join(s.dataDir, 'import-review.png') });
    await review.getByTestId('import-discard').click();
    await review.waitFor({ state: 'hidden' });
    expect(await gpt56InputPrice(s)).toBe('5');

    await pickImport(s, file);
    await review.waitFor();
    await review.getByTestId('import-apply').click();
    await review.waitFor({ state: 'hidden' });
    await poll(() => s.page.getByTestId('toast-success').last().textContent()).toContain(
      'Imported data.json',
    );
    await poll(() => gpt56InputPrice(s)).toBe('4');

    await s.page.getByTestId('catalog-tab-checks').click();
    await poll(() => s.page.getByTestId('checks-summary').textContent()).toMatch(
      /^0 errors, [\d,]+ warnings$/,
    );
    expect(s.errors).toEqual([]);
  });

  it('dates an undated file by the day it was last modified, and the day can be changed', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    const file = join(s.dataDir, 'prices.json');
    writeFileSync(file, JSON.stringify(genaiWithCut()));
    // The file was saved 30 days ago: its prices are that day's, not today's.
    const day = (offsetDays: number) =>
      new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const saved = day(-30);
    const savedAt = Date.parse(`${saved}T12:00:00Z`) / 1000;
    utimesSync(file, savedAt, savedAt);
    await s.page.getByTestId('view-catalog').click();

    await pickImport(s, file);
    const review = s.page.getByTestId('import-review');
    await review.waitFor();
    const asOf = review.getByTestId('import-as-of');
    expect(await asOf.inputValue()).toBe(saved);
    expect(await review.textContent()).toContain(`The file was last modified on ${saved}.`);
    const changed = review.getByTestId('import-review-changed');
    // The catalog read GPT-5.6 on 2026-08-21; the file is newer, so it replaces the price.
    await poll(() => changed.textContent()).toContain(`as of 2026-08-21 → ${saved}`);

    // A day before the catalog read the row: the file is older, the catalog's row stays.
    await asOf.fill('2026-08-20');
    await poll(() => changed.textContent()).not.toContain('openai/gpt-5.6');

    // A day after today is refused, by name, and nothing can be applied.
    await asOf.fill(day(2));
    await poll(() => review.getByTestId('import-as-of-error').textContent()).toContain(
      'is after today',
    );
    expect(await review.getByTestId('import-apply').isDisabled()).toBe(true);

    await asOf.fill(saved);
    await poll(() => changed.textContent()).toContain(`as of 2026-08-21 → ${saved}`);
    expect(await review.getByTestId('import-as-of-error').count()).toBe(0);
    await review.getByTestId('import-apply').click();
    await review.waitFor({ state: 'hidden' });
    await poll(() => gpt56InputPrice(s)).toBe('4');
    await s.page.getByTestId('catalog-search').fill('id=openai/gpt-5.6');
    await s.page.locator('[data-row-key="openai/gpt-5.6"]').click();
    expect(
      await s.page.getByTestId('row-editor').getByLabel('asOf', { exact: true }).inputValue(),
    ).toBe(saved);
    expect(s.errors).toEqual([]);
  });
});
