/**
 * API latency and quality snapshots in the app (Chromium, browser mode): the Catalog's latency
 * tab lists the published medians with their sources; "Import your measurements…" takes a load
 * test's CSV through the import review, and applied, its rows are there as measured figures. The
 * workload form's minimum quality offers every dated benchmark snapshot.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BENCHMARKS } from '../../core/schema/catalog.ts';
import { benchmarkName } from '../../core/sweep/constraints.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const published = readSeed().latency.length;

describe('API latency in the catalog', () => {
  it('lists published medians and imports your load test as measured figures', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    await s.page.getByTestId('view-catalog').click();
    await s.page.getByTestId('catalog-tab-latency').click();
    const count = s.page.getByTestId('catalog-count');
    await poll(() => count.textContent()).toMatch(new RegExp(`^${published} of ${published} rows`));
    await s.page.locator('[data-row-key="openai/o3|published"]').waitFor();
    expect(await s.page.locator('[data-row-key="openai/o3|published"]').textContent()).toContain(
      'Artificial Analysis',
    );

    const file = join(s.dataDir, 'measurements.csv');
    writeFileSync(
      file,
      [
        'offering_id,ttft_ms,output_tok_per_s,input_tokens,output_tokens,source,as_of',
        'openai/gpt-4.1-mini,612,84.5,1800,350,"our k6 test, 500 requests from eu-west-1",2026-11-20',
        'azure/gpt-4.1-mini,745,101.2,1800,350,"our k6 test, 500 requests from eu-west-1",2026-11-20',
      ].join('\n'),
    );
    await pickFile(s.page, 'latency-import', file);
    const review = s.page.getByTestId('import-review');
    await review.waitFor();
    await poll(() => review.getByTestId('import-review-counts').textContent()).toMatch(
      /^adds 2, changes 0/,
    );
    expect(await review.getByTestId('import-review-added').textContent()).toContain(
      'latency openai/gpt-4.1-mini|measured',
    );
    await s.page.screenshot({ path: join(s.dataDir, 'latency-review.png') });
    await review.getByTestId('import-apply').click();
    await review.waitFor({ state: 'hidden' });
    await poll(() => s.page.getByTestId('toast-success').last().textContent()).toContain(
      'Imported measurements.csv: 2 added',
    );

    await s.page.getByTestId('catalog-search').fill('kind=measured');
    await poll(() => count.textContent()).toMatch(/^2 of 2 rows/);
    const mine = s.page.locator('[data-row-key="openai/gpt-4.1-mini|measured"]');
    await mine.waitFor();
    expect(await mine.textContent()).toContain('our k6 test');
    await s.page.screenshot({ path: join(s.dataDir, 'latency-tab.png') });
    expect(s.errors).toEqual([]);
  });

  it('the minimum-quality picker offers every benchmark snapshot, each starting from a model scored on it', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    const picker = s.page.getByLabel('Minimum quality', { exact: true });
    const options = await picker.locator('option').allTextContents();
    expect(options).toEqual(['None', ...BENCHMARKS.map(benchmarkName)]);
    const like = s.page.getByTestId('min-quality-like');
    // Scores are on each snapshot's own scale: switching starts from a model scored on it.
    for (const b of ['livebench-2026-01', 'lmarena-text-2025-12'] as const) {
      await picker.selectOption(b);
      await poll(() => like.inputValue()).not.toBe('');
      const chosen = (await like.locator('option:checked').textContent()) ?? '';
      const name = chosen.replace(/ \([\d,.]+\)$/, '');
      await poll(() =>
        s.page.getByTestId('min-quality-score').locator('..').locator('..').textContent(),
      ).toContain(`As good as ${name}`);
    }
    // The select is narrow: the whole snapshot name is spelled out under it.
    expect(await s.page.getByTestId('min-quality-snapshot').textContent()).toBe(
      'LMArena text, style control (2025-12-11): scores of this snapshot only',
    );
    await picker.scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: join(s.dataDir, 'quality-picker.png') });
    expect(s.errors).toEqual([]);
  });
});
