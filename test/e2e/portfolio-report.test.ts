/**
 * A portfolio file's reports from the app's Export menu (browser mode, Chromium): the same
 * portfolio report the CLI's `report` writes — totals, workloads, pools, budgets, showback, the
 * months — with the figures the Portfolio view shows, computed here from core on the catalog the
 * app's server reads.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.ts';
import { formatUsd } from '../../core/format.ts';
import { evaluatePortfolio } from '../../core/portfolio/evaluate.ts';
import { focusCsv } from '../../core/report/focus.ts';
import { portfolioFocusRows } from '../../core/report/focus-portfolio.ts';
import { parseScenarioFile } from '../../core/scenario/parse.ts';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';
import { EXAMPLE_PORTFOLIO_SHEETS } from '../support/portfolio-fixtures.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const EXAMPLE = resolve('examples/portfolio.json');

/** Picks an Export menu item and returns the file the browser downloads. */
async function exported(s: Session, item: string): Promise<{ name: string; bytes: Buffer }> {
  const download = s.page.waitForEvent('download', { timeout: 60_000 });
  await s.page.getByTestId('export-menu').click();
  await s.page.getByTestId(`menu-export-${item}`).click();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path()) as string) };
}

/** The Summary sheet's value for an item (its name in column A → the number in column B). */
function summaryValue(xml: string, item: string): number {
  const row = new RegExp(`<c r="A(\\d+)"[^>]*><is><t[^>]*>${item}</t>`).exec(xml);
  const m = row && new RegExp(`<c r="B${row[1]}"[^>]*><v>([^<]*)</v>`).exec(xml);
  return m ? Number(m[1]) : Number.NaN;
}

describe('Export on a portfolio file', () => {
  it('writes the portfolio report, workbook and FOCUS rows, with the Portfolio view’s figures', async () => {
    const s = (session = await openSession());
    const page = s.page;
    await loadApp(s);
    await pickFile(page, 'open-file', EXAMPLE);
    await poll(() => page.getByTestId('workload-name').inputValue()).toBe('Support chatbot');

    // The app prices at today's catalog, as its Portfolio view does.
    const parsed = parseScenarioFile(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    const today = new Date().toISOString().slice(0, 10);
    const e = evaluatePortfolio(s.server.store.readCatalog(), parsed.file, { asOf: today });
    if (!e.ok) throw new Error(e.error);
    const want = e.result;
    const search = want.budgets.find((b) => b.owner === 'Search')!;
    expect(search.firstBreachMonth).not.toBeNull();

    await page.getByTestId('open-portfolio').click();
    await poll(() => page.getByTestId('portfolio-tco').textContent()).toBe(formatUsd(want.tcoUsd));

    // The menu names what it writes: the portfolio's report and its FOCUS rows.
    await page.getByTestId('export-menu').click();
    await expect(page.getByTestId('menu-export-html').textContent()).resolves.toBe(
      'Portfolio report (HTML)',
    );
    const focusItem = page.getByTestId('menu-export-focus');
    expect(await focusItem.textContent()).toBe('Portfolio FOCUS rows (CSV)');
    expect(await focusItem.isDisabled()).toBe(false);
    await page.getByTestId('export-menu').click();

    // FOCUS rows: the file core writes for this portfolio, each month adding up to its total.
    const focus = await exported(s, 'focus');
    expect(focus.name).toBe('company-ai-portfolio-portfolio-focus.csv');
    const csv = focus.bytes.toString('utf8');
    expect(csv).toBe(focusCsv(portfolioFocusRows({ file: parsed.file, result: want })));
    const rows = parseCsv(csv);
    if (!rows.ok) throw new Error(rows.error);
    const [header, ...body] = rows.rows;
    const col = (name: string) => header!.indexOf(name);
    want.usdByMonth.forEach((usd, k) => {
      const billed = body
        .filter((r) => r[col('x_HorizonMonth')] === String(k + 1))
        .reduce((sum, r) => sum + Math.round(Number(r[col('BilledCost')]) * 100), 0);
      expect(billed).toBe(Math.round(usd * 100));
    });
    expect(new Set(body.map((r) => r[col('x_Team')]))).toEqual(
      new Set(['Customer support', 'Search']),
    );

    const html = await exported(s, 'html');
    expect(html.name).toBe('company-ai-portfolio-portfolio-report.html');
    const text = html.bytes.toString('utf8');
    expect(text).toContain(
      `<h1>Company AI portfolio: 4 workloads, ${formatUsd(want.tcoUsd)} over 24 months</h1>`,
    );
    // The spend chart drawn by the app's chart code and embedded as an image.
    expect(text).toMatch(/<img class="chart" data-chart="spend"[^>]*src="data:image\/png;base64,/);
    expect(text).toContain(
      `Search: $4,000 a month — first exceeded in month ${search.firstBreachMonth}`,
    );
    for (const w of want.workloads) expect(text).toContain(`<td>${w.name}</td>`);

    const md = await exported(s, 'md');
    expect(md.name).toBe('company-ai-portfolio-portfolio-report.md');
    expect(md.bytes.toString('utf8')).toContain(`**Monthly:** ${formatUsd(want.totalMonthlyUsd)}`);

    const xlsx = await exported(s, 'xlsx');
    expect(xlsx.name).toBe('company-ai-portfolio-portfolio-workbook.xlsx');
    const files = unzipSync(new Uint8Array(xlsx.bytes));
    const sheets = [...strFromU8(files['xl/workbook.xml']!).matchAll(/<sheet name="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(sheets).toEqual(EXAMPLE_PORTFOLIO_SHEETS);
    const summary = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(Math.round(summaryValue(summary, '24-month cost') * 100)).toBe(
      Math.round(want.tcoUsd * 100),
    );

    // PDF in a browser: the portfolio report is put in the page for the print dialog.
    await page.evaluate(() => {
      const w = window as unknown as { printed: string | null };
      w.printed = null;
      window.print = () => {
        w.printed = document.getElementById('mw-print')?.innerHTML ?? null;
      };
    });
    await page.getByTestId('export-menu').click();
    await page.getByTestId('menu-export-pdf').click();
    await poll(() =>
      page.evaluate(() => (window as unknown as { printed: string | null }).printed),
    ).toContain('<h2>Shared pools</h2>');
    const printed = await page.evaluate(() => (window as unknown as { printed: string }).printed);
    expect(printed).toMatch(/<img class="chart" data-chart="spend"/);
    expect(await page.locator('#mw-print').count()).toBe(0);
    expect(s.errors).toEqual([]);
  }, 180_000);
});
