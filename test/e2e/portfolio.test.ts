/**
 * Issue 12 walked in Chromium (browser mode): a scenario of one workload opened from a file gets
 * two more workloads and two owners through the workload switcher; the Portfolio view shows the
 * shared pool, its allocation, the month a team's budget line is crossed, and exports the
 * showback table. Every figure the page must show is computed here from core on the catalog the
 * app's server reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.ts';
import { formatUsd } from '../../core/format.ts';
import { evaluatePortfolio } from '../../core/portfolio/evaluate.ts';
import { ScenarioFile } from '../../core/schema/scenario.ts';
import { dailyWorkload, portfolioFile } from '../support/portfolio-fixtures.ts';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

// One workload to start: a daytime chatbot (09:00–21:00, 2,000 requests a day, an experiment) on
// the one fixed L4 candidate at $1 an hour.
const chatbot = dailyWorkload('chatbot', '', 9, 12, 2000, { stage: 'experiment' });
const base = portfolioFile([chatbot]);

/** What the page should end with: the same three workloads, owners and budget, built in core. */
function expected(budgetUsd: number) {
  const workloads = [
    { ...chatbot, owner: 'Support' },
    {
      ...dailyWorkload('workload-2', 'Data', 21, 12, 2000, { stage: 'experiment' }),
      name: 'Nightly batch',
    },
    {
      ...dailyWorkload('workload-3', 'Data', 9, 12, 2000, {
        stage: 'experiment',
        monthlyGrowthPct: 5,
      }),
      name: 'Reports',
    },
  ];
  return ScenarioFile.parse({
    ...base,
    workloads,
    budgets: [{ owner: 'Data', monthlyUsd: budgetUsd }],
  });
}

describe('the Portfolio view', () => {
  it('three workloads of two owners share a pool; the budget crossing month; showback export', async () => {
    const s = (session = await openSession());
    const page = s.page;
    await loadApp(s);
    const file = join(s.dataDir, 'portfolio-base.json');
    writeFileSync(file, JSON.stringify(base));
    await pickFile(page, 'open-file', file);
    await poll(() => page.getByTestId('workload-name').inputValue()).toBe('chatbot');

    const text = async (testId: string, value: string) => {
      const input = page.getByTestId(testId);
      await input.fill(value);
      await input.press('Enter');
    };
    await text('workload-owner', 'Support');
    // A second workload (a copy of the chatbot's shape), by night, for another team.
    await page.getByTestId('add-workload').click();
    await poll(() => page.getByTestId('workload-name').inputValue()).toBe('Workload 2');
    await text('workload-name', 'Nightly batch');
    await text('workload-owner', 'Data');
    await page.getByTestId('start-hour').fill('21');
    // A third, by day again, growing 5 % a month.
    await page.getByTestId('add-workload').click();
    await poll(() => page.getByTestId('workload-name').inputValue()).toBe('Workload 3');
    await text('workload-name', 'Reports');
    await page.getByTestId('start-hour').fill('9');
    await page.getByTestId('growth').fill('5');
    await poll(() => page.getByTestId('active-workload').locator('option').count()).toBe(3);

    await page.getByTestId('open-portfolio').click();
    await page.getByTestId('portfolio-view').waitFor();
    // A budget for Data at 105 % of its first month: the growth of Reports crosses it. (The pool
    // is one L4 whatever the growth: Data's share of it grows with Reports' GPU-seconds, from 2/3.)
    const catalog = s.server.store.readCatalog();
    const today = new Date().toISOString().slice(0, 10);
    const run = (budgetUsd: number) => {
      const e = evaluatePortfolio(catalog, expected(budgetUsd), { asOf: today });
      if (!e.ok) throw new Error(e.error);
      return e.result;
    };
    const dataMonth1 = run(1).budgets[0]!.usdByMonth[0]!;
    const budgetUsd = Math.round(dataMonth1 * 1.05);
    const want = run(budgetUsd);
    const crossing = want.budgets[0]!.crossings.find((c) => c.threshold === 1)!;
    expect(crossing.month).not.toBeNull();

    await page.getByTestId('budget-target').selectOption('owner:Data');
    await page.getByTestId('budget-amount').fill(String(budgetUsd));
    await page.getByTestId('add-budget').click();

    // The pool: every workload on one L4 whose hours they share, at the engine's saving.
    const pool = want.pools[0]!;
    expect(pool.memberIds).toHaveLength(3);
    await poll(() => page.getByTestId('pool-saving').textContent()).toBe(
      formatUsd(pool.pooledSavingUsd),
    );
    const allocation = page.getByTestId('pool-allocation');
    for (const a of pool.allocation)
      await poll(() => allocation.textContent()).toContain(formatUsd(a.useUsd));
    await poll(() => page.getByTestId('portfolio-monthly').textContent()).toBe(
      formatUsd(want.totalMonthlyUsd),
    );
    // The month the budget line is crossed, and who drives it: Reports, the one that grows.
    expect(crossing.driverId).toBe('workload-3');
    await poll(() => page.getByTestId('budget-0-at-100').textContent()).toContain(
      `month ${crossing.month} (Reports)`,
    );
    await poll(() => page.getByTestId('breach-workload-3').textContent()).toBe(
      `month ${want.workloads[2]!.firstBreachMonth}`,
    );

    // The showback table, exported: its lines add up to its total, the portfolio's.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-showback').click();
    const parsed = parseCsv(readFileSync(await (await download).path(), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, ...rows] = parsed.rows.filter((r) => r.some((cell) => cell !== ''));
    const col = header!.indexOf('monthlyUsd');
    const total = rows.pop()!;
    expect(total[1]).toBe('Total');
    expect(Number(total[col])).toBe(want.totalMonthlyUsd);
    expect(rows.reduce((sum, r) => sum + Math.round(Number(r[col]) * 100), 0)).toBe(
      Math.round(want.totalMonthlyUsd * 100),
    );
    expect(new Set(rows.map((r) => r[header!.indexOf('owner')]))).toEqual(
      new Set(['Support', 'Data']),
    );
    // By tag, the table says how a workload of several tags is counted.
    expect(await page.getByTestId('showback-tag-note').count()).toBe(0);
    await page.getByTestId('showback-by').selectOption('byTag');
    await poll(() => page.getByTestId('showback-tag-note').textContent()).toContain('split evenly');
    expect(s.errors).toEqual([]);
  });

  it('a workshop snapshot is the file’s: kept across workloads, restored only on its own', async () => {
    const s = (session = await openSession());
    const page = s.page;
    await loadApp(s);
    await pickFile(page, 'open-file', resolve('examples/portfolio.json'));
    await poll(() => page.getByTestId('workload-name').inputValue()).toBe('Support chatbot');
    const snapshots = page.locator('[data-testid^="snapshot-"][aria-pressed]');
    await page.getByTestId('take-snapshot').click();
    await poll(() => snapshots.count()).toBe(1);

    // Another workload: the strip still holds the chatbot's snapshot, which says whose it is,
    // and restoring it there is refused (it would write the chatbot's shape over this one).
    await page.getByTestId('active-workload').selectOption('rag-search');
    await poll(() => page.getByTestId('workload-name').inputValue()).toBe('RAG search');
    expect(await snapshots.count()).toBe(1);
    await page.getByTestId('snapshot-0').click();
    const delta = page.getByTestId('snapshot-delta');
    await poll(() => delta.getByTestId('snapshot-workload').textContent()).toBe(
      'on the workload “Support chatbot”',
    );
    await delta.getByTestId('restore-snapshot').click();
    await poll(() => page.getByTestId('toast-error').last().textContent()).toBe(
      '“Baseline” was taken on the workload “Support chatbot”: switch to it to restore',
    );
    expect(await page.getByTestId('workload-name').inputValue()).toBe('RAG search');

    // Back on the chatbot: its own snapshot, restored.
    await page.getByTestId('active-workload').selectOption('support-chatbot');
    await poll(() => delta.getByTestId('snapshot-workload').count()).toBe(0);
    await delta.getByTestId('restore-snapshot').click();
    await poll(() => page.getByTestId('toast-info').last().textContent()).toBe(
      'Restored “Baseline”',
    );
    expect(s.errors).toEqual([]);
  });
});
