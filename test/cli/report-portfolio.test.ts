import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.ts';
import { formatUsd } from '../../core/format.ts';
import { loadCatalog } from '../../scripts/cli/catalog-source.ts';
import { runReport } from '../../scripts/cli/report.ts';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';
import { EXAMPLE_PORTFOLIO_SHEETS } from '../support/portfolio-fixtures.ts';

const tmp = useTempDir();
useDataDirEnv(beforeAll, afterAll);
const FILE = 'examples/portfolio.json';
const report = (...args: string[]) => runReport(['--scenario', FILE, ...args], loadCatalog());

interface Workload {
  id: string;
  name: string;
  monthlyUsd: number;
  allocatedIdleUsd: number;
  aloneMonthlyUsd: number;
  tcoUsd: number;
}
interface Budget {
  owner: string | null;
  usdByMonth: number[];
  crossings: { threshold: number; month: number | null }[];
}
/** The engine's portfolio, as `cost --format json` gives it. */
function engine(): {
  totalMonthlyUsd: number;
  tcoUsd: number;
  usdByMonth: number[];
  workloads: Workload[];
  pools: {
    id: string;
    pooledSavingUsd: number;
    separateMonthlyUsd: number;
    monthlyUsd: number;
    utilization: number;
    allocation: { workloadId: string; gpuSeconds: number }[];
  }[];
  budgets: Budget[];
  showback: { totalUsd: number; byOwner: Record<string, number> };
} {
  return JSON.parse(run(['cost', '--scenario', FILE, '--format', 'json'])).portfolio;
}

/** The cells of each sheet of a workbook, by sheet name then reference (A1 → value). */
function readWorkbook(bytes: Uint8Array): Map<string, Map<string, string | number>> {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files['xl/workbook.xml']!);
  const sheets = new Map<string, Map<string, string | number>>();
  for (const [, name, id] of workbook.matchAll(/<sheet name="([^"]+)" sheetId="(\d+)"/g)) {
    const cells = new Map<string, string | number>();
    const xml = strFromU8(files[`xl/worksheets/sheet${id}.xml`]!);
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
      const v = /<v>([^<]*)<\/v>/.exec(m[2] ?? '');
      const t = /<t[^>]*>([^<]*)<\/t>/.exec(m[2] ?? '');
      if (v) cells.set(m[1]!, Number(v[1]));
      else if (t) cells.set(m[1]!, t[1]!.replace(/&amp;/g, '&'));
    }
    sheets.set(name!, cells);
  }
  return sheets;
}

/** A sheet's rows as header → value records (columns A–Z). */
function records(cells: Map<string, string | number>): Record<string, string | number>[] {
  const col = (c: number) => String.fromCharCode(65 + c);
  const headers: string[] = [];
  for (let c = 0; cells.has(`${col(c)}1`); c++) headers.push(String(cells.get(`${col(c)}1`)));
  const out: Record<string, string | number>[] = [];
  for (let r = 2; cells.has(`A${r}`) || cells.has(`B${r}`); r++) {
    const row: Record<string, string | number> = {};
    headers.forEach((h, c) => {
      const v = cells.get(`${col(c)}${r}`);
      if (v !== undefined) row[h] = v;
    });
    out.push(row);
  }
  return out;
}

const cents = (x: number) => Math.round(x * 100);

/** The first day of month m of a horizon starting on the 27th (no month-end clipping). */
const monthStarts = (m: number, year = 2026, monthIndex = 10) =>
  new Date(Date.UTC(year, monthIndex + m - 1, 27)).toISOString().slice(0, 10);

describe('report on a portfolio (examples/portfolio.json)', () => {
  const p = engine();
  const search = p.budgets.find((b) => b.owner === 'Search')!;
  // The month Search's growth first takes it over its $4,000 (month 11 on this catalog).
  const m = search.crossings.find((c) => c.threshold === 1)!.month!;

  it('the engine’s figures the report must carry: the horizon cost, the month Search passes $4,000', () => {
    // The month before stays within the budget; month m passes it; the six-month experiment of
    // the same team has ended by then, so it is RAG search's growth.
    expect(m).toBeGreaterThan(6);
    expect(search.usdByMonth[m - 2]).toBeLessThanOrEqual(4000);
    expect(search.usdByMonth[m - 1]).toBeGreaterThan(4000);
    // Setup is $0 and every workload is in the pool, so each one's horizon cost is its months,
    // and the portfolio's is their sum.
    const sum = p.workloads.reduce((s, w) => s + w.tcoUsd, 0);
    expect(cents(sum)).toBe(cents(p.tcoUsd));
    // The file starts its horizon on its asOf, 2026-11-27: month 11 starts ten months later.
    expect(monthStarts(11)).toBe('2027-09-27');
  });

  it('Markdown: the totals, each workload’s pick and cost, the pool, the budget month, the sources', async () => {
    const md = await report('--format', 'md');
    expect(md).toContain(
      `# Company AI portfolio: 4 workloads, ${formatUsd(p.tcoUsd)} over 24 months`,
    );
    expect(md).toContain(`**24-month cost:** ${formatUsd(p.tcoUsd)}`);
    expect(md).toContain(`**Monthly:** ${formatUsd(p.totalMonthlyUsd)}`);
    expect(md).toContain(`**Pooling saves:** ${formatUsd(p.pools[0]!.pooledSavingUsd)}`);
    expect(md).toContain(
      `- Search: $4,000 a month — first exceeded in month ${m} (from ${monthStarts(m)}), driven by RAG search;`,
    );
    expect(md).toContain(
      `| Search | team | $4,000 | 100% | ${m} | ${monthStarts(m)} | RAG search |`,
    );
    // Each workload: its team, tags, where it runs (in the pool), monthly, idle share, alone, 24 months.
    for (const w of p.workloads) {
      const row = md.split('\n').find((line) => line.startsWith(`| ${w.name} |`))!;
      expect(row).toContain('pool-1: Llama 3.3 70B Instruct on gpu_2x_h100_sxm5');
      expect(row).toContain(
        `| ${formatUsd(w.monthlyUsd)} | ${formatUsd(w.allocatedIdleUsd)} | ${formatUsd(w.aloneMonthlyUsd)} | ${formatUsd(w.tcoUsd)} |`,
      );
    }
    expect(md).toContain('| Support chatbot | Customer support | support, chat, eu | production |');
    // What the example's inputs give by hand: 150,000 requests a day × 365 / 12 = 4,562,500 a
    // month; RAG search's 15,000 a day on 5 days of 7: 15,000 × 5/7 × 365/12 = 325,893 a month.
    expect(md).toContain('- Requests: 4,562,500 a month (peak ÷ average 1.5, 12 h × 7 d a week)');
    expect(md).toContain('- Requests: 325,893 a month (peak ÷ average 1, 10 h × 5 d a week)');
    // Search's column of the months: the month before within $4,000; month m over it, in bold.
    const month = (k: number) =>
      md
        .split('\n')
        .find((line) => line.startsWith(`| ${k} | `) || line.startsWith(`| **${k}** |`))!;
    expect(month(m - 1)).toContain(`| ${formatUsd(search.usdByMonth[m - 2])} |`);
    expect(month(m)).toMatch(
      new RegExp(`^\\| \\*\\*${m}\\*\\* \\| \\*\\*${monthStarts(m)}\\*\\* \\|`),
    );
    expect(month(m)).toContain(`| **${formatUsd(search.usdByMonth[m - 1])}** |`);
    for (const heading of [
      'Portfolio',
      'Workloads',
      'Shared pools',
      'Budgets',
      'Showback',
      'Spend month by month',
      'Assumptions',
      'Sources',
      'Method',
    ])
      expect(md).toContain(`## ${heading}`);
    // The pool's instance price with its date, used by every workload.
    expect(md).toMatch(
      /\| Instance prices: lambda:gpu_2x_h100_sxm5:europe-central-1 \| 2026-08-21 \| +\|.*\| all 4 workloads \|/,
    );
  });

  it('XLSX: the totals, workloads, budgets and months read back as the engine’s numbers', async () => {
    const out = join(tmp(), 'portfolio.xlsx');
    expect(await report('--format', 'xlsx', '--out', out)).toBe(`wrote ${out}`);
    const book = readWorkbook(readFileSync(out));
    expect([...book.keys()]).toEqual(EXAMPLE_PORTFOLIO_SHEETS);
    const summary = records(book.get('Summary')!);
    const item = (name: string) => summary.find((r) => r['Item'] === name)!['Value'] as number;
    expect(cents(item('24-month cost'))).toBe(cents(p.tcoUsd));
    expect(cents(item('Monthly'))).toBe(cents(p.totalMonthlyUsd));
    const workloads = records(book.get('Workloads')!);
    expect(workloads.map((w) => w['Workload'])).toEqual(p.workloads.map((w) => w.name));
    workloads.forEach((row, k) => {
      expect(cents(row['Monthly (USD)'] as number)).toBe(cents(p.workloads[k]!.monthlyUsd));
      expect(cents(row['24-month cost (USD)'] as number)).toBe(cents(p.workloads[k]!.tcoUsd));
    });
    const budgets = records(book.get('Budgets')!);
    expect(
      budgets.find((b) => b['Budget for'] === 'Search' && b['Alert at'] === 1)?.[
        'First passed in month'
      ],
    ).toBe(m);
    // The 24 month totals add up to the portfolio's horizon cost ($0 setup, every workload in
    // the pool), each month's cell kept to the cent.
    const months = records(book.get('Spend by team')!);
    expect(months).toHaveLength(24);
    const sum = months.reduce((s, r) => s + (r['Total (USD)'] as number), 0);
    expect(Math.abs(sum - p.tcoUsd)).toBeLessThan(0.01 * 24);
    expect(cents(months[m - 1]!['Search (USD)'] as number)).toBe(cents(search.usdByMonth[m - 1]!));
    // Showback by team adds up to the month's total to the cent.
    const byTeam = records(book.get('Showback')!).filter((r) => r['By'] === 'Team');
    expect(byTeam.reduce((s, r) => s + cents(r['Monthly (USD)'] as number), 0)).toBe(
      cents(p.showback.totalUsd),
    );
  });

  it('HTML: the spend chart drawn by its inline script, nothing fetched', async () => {
    const html = await report('--format', 'html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<canvas class="chart" data-chart="spend"');
    expect(html).toContain('"spend":{"id":"spend","type":"spend"');
    expect(html).toContain('<section id="budgets">');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
  });

  it('PDF: the horizon cost, the budget month and the page numbers', async () => {
    const out = join(tmp(), 'portfolio.pdf');
    expect(await report('--format', 'pdf', '--out', out)).toBe(`wrote ${out}`);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain(formatUsd(p.tcoUsd));
    expect(text).toContain(`first exceeded in month ${m}`);
    expect(text).toMatch(/Page 1 of \d+/);
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1],
    );
    expect(pages).toBeLessThanOrEqual(10);
  }, 120_000);

  it('FOCUS: every month of every workload, adding up to the portfolio’s month to the cent', async () => {
    const out = join(tmp(), 'portfolio-focus.csv');
    expect(await report('--format', 'focus', '--out', out)).toBe(`wrote ${out}`);
    const parsed = parseCsv(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, ...rows] = parsed.rows;
    const col = (name: string) => header!.indexOf(name);
    for (const name of ['Tags', 'x_WorkloadId', 'x_Team', 'x_Stage', 'x_PoolId'])
      expect(header).toContain(name);
    const sumCents = (rs: string[][], c: string) =>
      rs.reduce((s, r) => s + Math.round(Number(r[col(c)]) * 100), 0);
    const month = (k: number) => rows.filter((r) => r[col('x_HorizonMonth')] === String(k));
    // Each of the 24 months, billed and effective, is the portfolio's month from `cost` JSON.
    expect(p.usdByMonth).toHaveLength(24);
    p.usdByMonth.forEach((usd, k) => {
      expect(sumCents(month(k + 1), 'BilledCost')).toBe(cents(usd));
      expect(sumCents(month(k + 1), 'EffectiveCost')).toBe(cents(usd));
    });

    // By hand, month 1 of the support chatbot: the file shares the pool's idle capacity in
    // proportion to GPU-seconds, as it shares the use, so the chatbot pays the pool's monthly cost
    // × its GPU-seconds ÷ all members' GPU-seconds; of that, the share the pool does not use
    // (1 − utilization) is its idle row. Within a cent: the month's rows are rounded together.
    const pool = p.pools[0]!;
    const seconds = (id: string) => pool.allocation.find((a) => a.workloadId === id)!.gpuSeconds;
    const allSeconds = pool.allocation.reduce((s, a) => s + a.gpuSeconds, 0);
    const share = seconds('support-chatbot') / allSeconds;
    const chatbot = month(1).filter((r) => r[col('x_WorkloadId')] === 'support-chatbot');
    expect(
      Math.abs(sumCents(chatbot, 'BilledCost') - cents(pool.monthlyUsd * share)),
    ).toBeLessThanOrEqual(1);
    const idle = chatbot.filter((r) => r[col('x_CostComponent')] === 'idleUsd');
    expect(idle).toHaveLength(1);
    expect(
      Math.abs(
        sumCents(idle, 'BilledCost') - cents(pool.monthlyUsd * (1 - pool.utilization) * share),
      ),
    ).toBeLessThanOrEqual(1);
    // Its team, stage and tags as the file gives them; on the shared pool.
    const first = chatbot[0]!;
    expect(JSON.parse(first[col('Tags')]!)).toEqual({
      support: true,
      chat: true,
      eu: true,
      'modelwise/team': 'Customer support',
      'modelwise/stage': 'production',
    });
    expect(first[col('x_Team')]).toBe('Customer support');
    expect(first[col('x_PoolId')]).toBe('pool-1');
    expect(first[col('ResourceId')]).toMatch(/^pool-1:cloud:/);
    // The month runs from the file's asOf, 2026-11-27, for one calendar month.
    expect(first[col('ChargePeriodStart')]).toBe('2026-11-27T00:00:00Z');
    expect(first[col('ChargePeriodEnd')]).toBe('2026-12-27T00:00:00Z');
    // The agent experiment's six-month time box: rows in months 1–6 only.
    const experiment = rows.filter((r) => r[col('x_WorkloadId')] === 'agent-experiment');
    expect([...new Set(experiment.map((r) => r[col('x_HorizonMonth')]))]).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(new Set(experiment.map((r) => r[col('x_Stage')]))).toEqual(new Set(['experiment']));
    // All idle capacity is carried by the members (proportional): no row without a workload.
    expect(rows.every((r) => r[col('x_WorkloadId')] !== '')).toBe(true);
  });

  it('refuses what a portfolio has not, naming the flag', async () => {
    await expect(report('--format', 'focus', '--candidates', 'api:x')).rejects.toThrow(
      "--candidates picks candidates of one workload's comparison; examples/portfolio.json holds a portfolio of 4 workloads with budgets, whose report shows each workload's pick",
    );
    await expect(report('--format', 'md', '--candidates', 'api:x')).rejects.toThrow(
      "--candidates picks candidates of one workload's comparison; examples/portfolio.json holds a portfolio",
    );
    await expect(report('--format', 'md', '--samples', '500')).rejects.toThrow(
      "--samples sets a simulation of one workload's ranges",
    );
    await expect(report('--format', 'md', '--seed', '7')).rejects.toThrow(
      '--seed sets a simulation',
    );
    await expect(report('--format', 'docx')).rejects.toThrow(
      "--format must be one of pdf, html, md, xlsx, focus (got 'docx')",
    );
    await expect(report('--format', 'xlsx')).rejects.toThrow(
      '--format xlsx writes a file: give --out PATH',
    );
  });
});
