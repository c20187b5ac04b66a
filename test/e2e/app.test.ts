import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.ts';
import { dragSlider, loadApp, openSession, pickFile, poll, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function start(): Promise<Session> {
  session = await openSession();
  await loadApp(session);
  return session;
}

/** Types into the number field labelled `label` (exact), as a person would. */
async function setField(s: Session, label: string, value: string): Promise<void> {
  await s.page.getByLabel(label, { exact: true }).fill(value);
}

/** DESIGN-style hand check: 1M requests a month, 1,000 prompt + 200 output tokens, no caches. */
async function enterSimpleWorkload(s: Session): Promise<void> {
  await setField(s, 'Requests', '1000000');
  await s.page.getByLabel('Counted per', { exact: true }).selectOption('month');
  await setField(s, 'Prompt, mean', '1000');
  await setField(s, 'Prompt, p95', '');
  await setField(s, 'Output, mean', '200');
  await setField(s, 'Output, p95', '');
  await setField(s, 'Cacheable prefix', '0');
  await setField(s, 'Response-cache hits', '0');
  await setField(s, 'Batch share', '0');
}

function row(s: Session, key: string) {
  return s.page.locator(`[data-row-key="${key}"]`);
}

/** The text of one cell of the comparison (a column key of COMPARISON_COLUMNS). */
function cell(s: Session, key: string, column: string) {
  return () => row(s, key).locator(`[data-column="${column}"]`).textContent();
}

describe('the workspace in Chromium (browser mode)', () => {
  it('loads to ready on a fresh data folder, offline, without console errors', async () => {
    const s = await start();
    await poll(() => s.page.getByTestId('recommended').textContent()).toContain('★');
    expect(await s.page.getByTestId('row-count').textContent()).toMatch(/feasible/);
    expect(s.requests.length).toBeGreaterThan(0);
    expect(s.requests.filter((u) => !u.startsWith(s.server.url))).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('the top bar is one row on a 1280 px laptop and up; larger text wraps it, nothing cut', async () => {
    const s = await start();
    /** Rows the top bar's items sit on (by their vertical centres), and whether any is cut off. */
    const bar = () =>
      s.page.evaluate(() => {
        const header = document.querySelector('header.topbar') as HTMLElement;
        const items = [...header.children].filter((c) => !c.classList.contains('spacer'));
        const centres = items.map((c) => {
          const r = c.getBoundingClientRect();
          return Math.round((r.top + r.bottom) / 2);
        });
        const right = Math.max(...items.map((c) => c.getBoundingClientRect().right));
        return {
          rows: new Set(centres.map((y) => Math.round(y / 8))).size,
          overflows: right > window.innerWidth || header.scrollWidth > header.clientWidth,
        };
      });
    for (const width of [1280, 1440, 1920]) {
      await s.page.setViewportSize({ width, height: 800 });
      await poll(bar).toEqual({ rows: 1, overflows: false });
    }
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.getByTestId('large-text').click();
    await poll(async () => (await bar()).rows).toBeGreaterThan(1);
    expect((await bar()).overflows).toBe(false);
    expect(s.errors).toEqual([]);
  });

  it('a figure in the candidate details is never split over two lines at 1280 px', async () => {
    const s = await start();
    await s.page.setViewportSize({ width: 1280, height: 720 });
    await pickFile(s.page, 'open-file', join(process.cwd(), 'examples', 'uncertainty.json'));
    await poll(() => s.page.locator('.facts dd').count()).toBeGreaterThan(10);
    // The lines each money figure's text sits on (its text's boxes, by their tops).
    const lines = () =>
      s.page.locator('.facts dd').evaluateAll((dds) =>
        dds
          .filter((dd) => /^\$[\d,.]+$/.test(dd.textContent ?? ''))
          .map((dd) => {
            const range = document.createRange();
            range.selectNodeContents(dd);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            return { figure: dd.textContent, lines: tops.size };
          }),
      );
    // Per successful outcome over the horizon, $0.001003, once read "$0.001 / 003".
    await poll(async () => (await lines()).some((l) => l.figure === '$0.001003')).toBe(true);
    expect((await lines()).filter((l) => l.lines !== 1)).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('a workload typed in gives hand-checkable numbers for an API candidate', async () => {
    const s = await start();
    await enterSimpleWorkload(s);
    await s.page.getByTestId('compare-filter').fill('openai gpt-4o');
    // GPT-4o on OpenAI: $2.50 input and $10 output per 1M tokens.
    // 1,000 × 2.50 + 200 × 10 = 4,500 µ$ a request → × 1,000,000 requests = $4,500 a month.
    await poll(cell(s, 'api:openai/gpt-4o', 'monthlyUsd')).toBe('$4,500');
    await poll(cell(s, 'api:openai/gpt-4o', 'perRequestUsd')).toBe('$0.004500');
    expect(s.errors).toEqual([]);
  });

  it('an invalid value is refused in place and leaves the scenario as it was', async () => {
    const s = await start();
    await enterSimpleWorkload(s);
    await s.page.getByTestId('compare-filter').fill('openai gpt-4o');
    await setField(s, 'Batch share', '140');
    await s.page
      .getByRole('alert')
      .filter({ hasText: 'Batch share must be at most 100%' })
      .waitFor();
    await poll(cell(s, 'api:openai/gpt-4o', 'monthlyUsd')).toBe('$4,500');
    expect(await s.page.getByLabel('Batch share', { exact: true }).inputValue()).toBe('140');
  });

  it('moving a slider moves the table and the charts', async () => {
    const s = await start();
    await enterSimpleWorkload(s);
    await s.page.getByTestId('compare-filter').fill('openai gpt-4o');
    const monthly = cell(s, 'api:openai/gpt-4o', 'monthlyUsd');
    await poll(monthly).toBe('$4,500');
    const chart = s.page.getByTestId('chart-volume');
    const before = await chart.getAttribute('data-version');
    const slider = s.page.getByTestId('whatif-volume');
    await slider.focus();
    for (let k = 0; k < 20; k++) await slider.press('ArrowRight');
    // The volume slider is logarithmic over ÷30…×30 of where it starts, 1,000 steps: 1M
    // requests sits at step 500 of 33,333…30,000,000; 20 steps right is 33,333.3 × 900^0.52 =
    // 1,145,793, rounded to the thousand (a step there is ~7,800): 1,146,000 requests × $0.0045
    // = $5,157 a month, at the same per-request price. (Focusing the slider may scroll the table
    // out of sight, where it keeps its rows until it is back.)
    await s.page.getByTestId('compare-table-card').scrollIntoViewIfNeeded();
    await poll(monthly).toBe('$5,157');
    await poll(cell(s, 'api:openai/gpt-4o', 'perRequestUsd')).toBe('$0.004500');
    // A chart out of view is redrawn when it scrolls in, and after the table (a frame later).
    await chart.scrollIntoViewIfNeeded();
    await poll(() => chart.getAttribute('data-version')).not.toBe(before);
    // Undo moves the table back (by one drag's worth of steps: how many key presses fall in one
    // undo step depends on their timing, so only the change is certain).
    await s.page.getByTestId('undo').click();
    await poll(monthly).not.toBe('$5,157');
  });

  it('what is scrolled away keeps what it shows; exports and scrolling back show the slider’s figures', async () => {
    const s = await start();
    await enterSimpleWorkload(s);
    await s.page.getByTestId('compare-filter').fill('openai gpt-4o');
    const monthly = cell(s, 'api:openai/gpt-4o', 'monthlyUsd');
    await poll(monthly).toBe('$4,500');
    const card = s.page.getByTestId('compare-table-card');
    const chart = s.page.getByTestId('chart-scatter');
    await chart.scrollIntoViewIfNeeded();
    // Once the page has seen the table leave the screen, it holds what it shows.
    await poll(() => card.getAttribute('data-held')).toBe('true');
    const shown = await card.getAttribute('data-results-version');
    const drawn = await chart.getAttribute('data-version');
    await dragSlider(s.page, 'volume', 520);
    // The chart on screen redraws; the table out of sight still shows the results it had.
    await poll(() => chart.getAttribute('data-version')).not.toBe(drawn);
    expect(await card.getAttribute('data-results-version')).toBe(shown);
    expect(await monthly()).toBe('$4,500');
    // What reads the table for the user reads the current results, though the table holds its
    // rows: the comparison exported from the top bar's Export menu has the slider's figures.
    const download = s.page.waitForEvent('download');
    await s.page.getByTestId('export-menu').click();
    await s.page.getByTestId('menu-export-csv').click();
    const csv = parseCsv(readFileSync((await (await download).path()) as string, 'utf8'));
    if (!csv.ok) throw new Error(csv.error);
    const header = csv.rows.find((r) => r[0] === 'Rank')!;
    const gpt4o = csv.rows.find(
      (r) => r[header.indexOf('Candidate')] === 'OpenAI API · GPT-4o · gpt-4o',
    );
    expect(gpt4o?.[header.indexOf('Monthly (USD)')]).toBe('5157');
    expect(await card.getAttribute('data-held')).toBe('true');
    // Scrolled back up to 150 px short of it (the table sits above the charts), the table is
    // redrawn before any of it shows: scrolling never uncovers old rows. Step 520 of the volume
    // slider is 1,146,000 requests (see the slider test above) × $0.0045 = $5,157 a month.
    /** The gap from the table's bottom to the top of the box it scrolls in; scrolls to `to`. */
    const gapPx = (to: number | null = null) =>
      card.evaluate((el, to) => {
        let box = el.parentElement!;
        while (!/auto|scroll/.test(getComputedStyle(box).overflowY)) box = box.parentElement!;
        const gap = () => box.getBoundingClientRect().top - el.getBoundingClientRect().bottom;
        if (to !== null) box.scrollTop -= gap() - to;
        return gap();
      }, to);
    expect(await gapPx(150)).toBeCloseTo(150, -1);
    await poll(() => card.getAttribute('data-held')).toBeNull();
    expect(await monthly()).toBe('$5,157');
    expect(await card.getAttribute('data-results-version')).not.toBe(shown);
    expect(await gapPx()).toBeCloseTo(150, -1);
    await card.scrollIntoViewIfNeeded();
    expect(await monthly()).toBe('$5,157');
    // Now, scrolled back to the top (the summary), the cost–latency chart far below keeps its
    // points through a slider step…
    await card.evaluate((el) => {
      let box = el.parentElement!;
      while (!/auto|scroll/.test(getComputedStyle(box).overflowY)) box = box.parentElement!;
      box.scrollTop = 0;
    });
    await poll(() => card.getAttribute('data-held')).toBe('true');
    const scatterShown = await chart.getAttribute('data-version');
    const kpi = s.page.getByTestId('kpi-monthly');
    const kpiShown = await kpi.textContent();
    await dragSlider(s.page, 'volume', 540);
    await poll(() => kpi.textContent()).not.toBe(kpiShown);
    expect(await chart.getAttribute('data-version')).toBe(scatterShown);
    // …but saved as an image it is first drawn with the current results.
    await s.page.getByTestId('export-menu').click();
    await s.page.getByTestId('menu-export-charts').click();
    await poll(() => chart.getAttribute('data-version')).not.toBe(scatterShown);
  });

  it('a saved scenario is back after a reload', async () => {
    const s = await start();
    await s.page.getByTestId('scenario-name').fill('Support copilot EU');
    await setField(s, 'Requests', '72000');
    await s.page.getByTestId('save').click();
    await poll(() => s.page.getByTestId('toast-success').textContent()).toContain(
      'Saved “Support copilot EU”',
    );
    await s.page.reload();
    await s.page.waitForSelector('#root[data-app-state="ready"]');
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe('Support copilot EU');
    await poll(() => s.page.getByLabel('Requests', { exact: true }).inputValue()).toBe('72000');
    await s.page.getByTestId('view-scenarios').click();
    await poll(() => s.page.getByTestId('scenario-list').textContent()).toContain(
      'Support copilot EU',
    );
  });

  it('a malformed scenario file is refused with a message naming the field', async () => {
    const s = await start();
    const bad = join(s.dataDir, 'bad-scenario.json');
    writeFileSync(
      bad,
      JSON.stringify({
        schemaVersion: 1,
        name: 'Bad',
        workload: {
          requests: { count: 10, per: 'week' },
          inputTokens: { mean: 100 },
          outputTokens: { mean: 10 },
        },
      }),
    );
    await pickFile(s.page, 'open-file', bad);
    await poll(() => s.page.getByTestId('toast-error').textContent()).toContain(
      'workload.requests.per',
    );
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe('New scenario');

    const truncated = join(s.dataDir, 'truncated.json');
    writeFileSync(truncated, '{"schemaVersion": 1, "name": "Half');
    await pickFile(s.page, 'open-file', truncated);
    await poll(() => s.page.getByTestId('toast-error').last().textContent()).toContain(
      'not valid JSON',
    );

    // Windows PowerShell 5 saves UTF-16LE with a byte-order mark: it opens like UTF-8.
    const utf16 = join(s.dataDir, 'powershell.json');
    const text = JSON.stringify({
      schemaVersion: 1,
      name: 'Saved by PowerShell — é',
      workload: {
        requests: { count: 10, per: 'day' },
        inputTokens: { mean: 100 },
        outputTokens: { mean: 10 },
      },
    });
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await pickFile(s.page, 'open-file', utf16);
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe(
      'Saved by PowerShell — é',
    );
  });

  it('a catalog edit reaches the comparison', async () => {
    const s = await start();
    await enterSimpleWorkload(s);
    await s.page.getByTestId('view-catalog').click();
    // With no row open the table has the page's width; the editor takes a column only when open.
    const widths = () =>
      s.page.evaluate(() => ({
        table: document.querySelector('.catalog-layout > .card')!.getBoundingClientRect().width,
        page: document.querySelector('.catalog-layout')!.getBoundingClientRect().width,
      }));
    await poll(async () => (await widths()).table).toBeGreaterThan(0);
    expect((await widths()).table).toBe((await widths()).page);
    await s.page.getByTestId('catalog-search').fill('openai/gpt-4o-2024-08-06');
    await s.page.getByTestId('catalog-search').fill('id=openai/gpt-4o');
    await row(s, 'openai/gpt-4o').click();
    const editor = s.page.getByTestId('row-editor');
    expect((await widths()).table).toBeLessThan((await widths()).page - 380);
    await editor.getByLabel('usdPerMTok.input', { exact: true }).fill('5');
    // The catalog's checks refuse a priority price below standard: the tiers move with it.
    await editor.getByLabel('batch.input', { exact: true }).fill('2.5');
    await editor.getByLabel('priority.input', { exact: true }).fill('8.5');
    await editor.getByRole('button', { name: 'Save row' }).click();
    await editor.waitFor({ state: 'hidden' });
    await s.page.getByTestId('view-compare').click();
    await s.page.getByTestId('compare-filter').fill('openai gpt-4o');
    // 1,000 × 5 + 200 × 10 = 7,000 µ$ a request → $7,000 a month.
    await poll(cell(s, 'api:openai/gpt-4o', 'monthlyUsd')).toBe('$7,000');
  });

  it('a negotiated discount applies to the provider’s offerings', async () => {
    const s = await start();
    await enterSimpleWorkload(s);
    await s.page.getByTestId('view-catalog').click();
    await s.page.getByTestId('catalog-tab-discounts').click();
    const panel = s.page.getByTestId('discounts');
    await panel.getByLabel('Provider', { exact: true }).selectOption('openai');
    await panel.getByLabel('Discount', { exact: true }).fill('10');
    await panel.getByLabel('Note').fill('2026 enterprise agreement');
    await panel.getByRole('button', { name: 'Add discount' }).click();
    await poll(() => panel.textContent()).toContain('provider openai');
    await s.page.getByTestId('view-compare').click();
    await s.page.getByTestId('compare-filter').fill('openai gpt-4o');
    // $4,500 list × (1 − 0.10) = $4,050 a month.
    await poll(cell(s, 'api:openai/gpt-4o', 'monthlyUsd')).toBe('$4,050');
  });

  it('two saved scenarios compare side by side; undo works from the keyboard', async () => {
    const s = await start();
    await s.page.getByTestId('scenario-name').fill('Ten thousand a day');
    await setField(s, 'Requests', '10000');
    await s.page.getByTestId('save').click();
    await s.page.getByTestId('toast-success').first().waitFor();
    await s.page.getByTestId('view-scenarios').click();
    await s.page.getByRole('button', { name: 'Duplicate' }).click();
    await s.page.waitForFunction(
      () => document.querySelectorAll('[data-scenario-id]').length === 2,
    );
    for (const box of await s.page.getByRole('checkbox').all()) await box.check();
    const table = s.page.getByTestId('side-by-side');
    await poll(() => table.textContent()).toContain('Ten thousand a day (copy)');
    await s.page.getByTestId('view-compare').click();
    await setField(s, 'Peak ÷ average', '5');
    await s.page.getByTestId('summary').click();
    await s.page.keyboard.press('Control+z');
    await poll(() => s.page.getByLabel('Peak ÷ average', { exact: true }).inputValue()).toBe('3');
  });
});
