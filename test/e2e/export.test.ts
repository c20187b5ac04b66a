import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.ts';
import { FOCUS_MANDATORY_COLUMNS } from '../../core/report/focus-columns.ts';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Picks an Export menu item and returns the file the browser downloads. */
async function exported(s: Session, item: string): Promise<{ name: string; bytes: Buffer }> {
  const download = s.page.waitForEvent('download', { timeout: 60_000 });
  await s.page.getByTestId('export-menu').click();
  await s.page.getByTestId(`menu-export-${item}`).click();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path()) as string) };
}

/** The numeric cell at a reference of a sheet's XML (A1 → value). */
function numberAt(xml: string, ref: string): number {
  const m = new RegExp(`<c r="${ref}"[^>]*><v>([^<]*)</v>`).exec(xml);
  return m === null ? Number.NaN : Number(m[1]);
}

describe('one Export menu in Chromium (browser mode)', () => {
  it('downloads the decision report, the workbook, FOCUS rows, the table and a chart', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    await pickFile(s.page, 'open-file', resolve('examples/decision-report.json'));
    await poll(() => s.page.getByTestId('recommended').textContent()).toContain('GPT-4o mini');

    // The workbook: six sheets, then the vendor table the commitments engine adds; the
    // recommendation first on the shortlist, its cost a number.
    const xlsx = await exported(s, 'xlsx');
    expect(xlsx.name).toBe('claims-assistant-decision-for-the-steering-committee-workbook.xlsx');
    const files = unzipSync(new Uint8Array(xlsx.bytes));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    const sheets = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets.slice(6)).toContain('Vendors');
    expect(sheets.slice(0, 6)).toEqual([
      'Summary',
      'Shortlist',
      'All feasible candidates',
      'Assumptions',
      'Sources',
      'Monthly projection',
    ]);
    const shortlist = strFromU8(files['xl/worksheets/sheet2.xml']!);
    expect(shortlist).toContain('OpenAI API · GPT-4o mini');
    // Column F is Monthly: the figure the app's summary shows.
    const monthly = numberAt(shortlist, 'F2');
    expect(await s.page.getByTestId('kpi-monthly').textContent()).toBe(
      `$${monthly.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`,
    );

    // FOCUS: every mandatory column; month 1 of the recommendation bills its monthly cost.
    const focus = await exported(s, 'focus');
    expect(focus.name).toMatch(/-focus\.csv$/);
    const parsed = parseCsv(focus.bytes.toString('utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, ...rows] = parsed.rows;
    for (const column of FOCUS_MANDATORY_COLUMNS) expect(header).toContain(column);
    const col = (name: string) => header!.indexOf(name);
    const month1 = rows.filter(
      (r) =>
        r[col('x_HorizonMonth')] === '1' &&
        r[col('ResourceName')] === 'OpenAI API · GPT-4o mini' &&
        (r[col('x_Percentile')] ?? '') === '',
    );
    const billed = month1.reduce((sum, r) => sum + Number(r[col('BilledCost')]), 0);
    // Within a cent: the months are rounded together so the horizon's rows add up exactly.
    expect(Math.abs(Math.round(billed * 100) - Math.round(monthly * 100))).toBeLessThanOrEqual(1);

    // The decision report as one HTML file: the charts drawn by the app, embedded as images.
    const html = (await exported(s, 'html')).bytes.toString('utf8');
    expect(html).toContain('Assumptions');
    expect(html).toMatch(
      /<img class="chart" data-chart="break-even"[^>]*src="data:image\/png;base64,/,
    );
    expect(html).toMatch(/<img class="chart" data-chart="breakdown"/);
    const md = (await exported(s, 'md')).bytes.toString('utf8');
    expect(md).toContain('## Sources');

    // The table as it is shown: filtered to OpenAI, placements in words, money to the cent.
    await s.page.getByTestId('compare-filter').fill('openai');
    await poll(() => s.page.getByTestId('row-count').textContent()).toMatch(/^2 of /);
    const csv = (await exported(s, 'csv')).bytes.toString('utf8');
    const table = parseCsv(csv);
    if (!table.ok) throw new Error(table.error);
    const start = table.rows.findIndex((r) => r[0] === 'Rank');
    expect(table.rows[0]).toEqual([
      'Scenario',
      'Claims assistant: decision for the steering committee',
    ]);
    expect(table.rows[start]).toContain('Monthly (USD)');
    const body = table.rows.slice(start + 1);
    expect(body).toHaveLength(2);
    expect(body.every((r) => r[1]!.startsWith('OpenAI API'))).toBe(true);
    // Money to the cent: no float noise such as 1863.7500000000002.
    const monthlyCol = table.rows[start]!.indexOf('Monthly (USD)');
    expect(body.every((r) => /^\d+(\.\d{1,2})?$/.test(r[monthlyCol]!))).toBe(true);
    expect(body[0]![body[0]!.length - 1]).not.toContain('onprem');

    // A chart saved as PNG from its card.
    const png = s.page.waitForEvent('download');
    await s.page
      .getByTestId('chart-volume')
      .locator('xpath=ancestor::div[contains(@class,"card")]')
      .getByRole('button', { name: 'PNG' })
      .click();
    const image = await png;
    expect(image.suggestedFilename()).toMatch(/chart-volume\.png$/);
    expect(
      readFileSync((await image.path()) as string)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    // PDF in a browser: the report is put in the page for the print dialog, charts as images.
    await s.page.evaluate(() => {
      const w = window as unknown as { printed: string | null };
      w.printed = null;
      window.print = () => {
        w.printed = document.getElementById('mw-print')?.innerHTML ?? null;
      };
    });
    await s.page.getByTestId('export-menu').click();
    await s.page.getByTestId('menu-export-pdf').click();
    await poll(() =>
      s.page.evaluate(() => (window as unknown as { printed: string | null }).printed),
    ).toContain('OpenAI API · GPT-4o mini');
    const printed = await s.page.evaluate(() => (window as unknown as { printed: string }).printed);
    expect(printed).toMatch(/<img class="chart" data-chart="payback"/);
    // Printed and gone: the page is the app again.
    expect(await s.page.locator('#mw-print').count()).toBe(0);
    expect(s.errors).toEqual([]);
  }, 180_000);
});
