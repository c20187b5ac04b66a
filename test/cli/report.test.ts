import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.ts';
import { FOCUS_MANDATORY_COLUMNS } from '../../core/report/focus-columns.ts';
import { formatUsd } from '../../core/format.ts';
import { run } from '../../scripts/cli/run.ts';
import { runReport } from '../../scripts/cli/report.ts';
import { loadCatalog } from '../../scripts/cli/catalog-source.ts';
import { useDataDirEnv } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();
useDataDirEnv(beforeAll, afterAll);
const EXAMPLE = 'examples/decision-report.json';
const report = (...args: string[]) => runReport(['--scenario', EXAMPLE, ...args], loadCatalog());

interface Candidate {
  id: string;
  label: string;
  monthlyUsd: number;
  tcoUsd: number;
  setupUsd: number;
  feasible: boolean;
  rank: number | null;
}
/** The engine's numbers for the example, as `cost --format json` gives them. */
function engine(): { recommended: string; candidates: Candidate[] } {
  return JSON.parse(run(['cost', '--scenario', EXAMPLE, '--format', 'json']));
}

/** The cells of one sheet, by reference (A1 → value): numbers as numbers, inline strings as text. */
function sheetCells(xml: string): Map<string, string | number> {
  const cells = new Map<string, string | number>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
    const inner = m[2] ?? '';
    const v = /<v>([^<]*)<\/v>/.exec(inner);
    const t = /<t[^>]*>([^<]*)<\/t>/.exec(inner);
    if (v) cells.set(m[1]!, Number(v[1]));
    else if (t) cells.set(m[1]!, t[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<'));
  }
  return cells;
}

/** A workbook read back: sheet name → its cells, from the zip's workbook.xml and sheet parts. */
function readWorkbook(bytes: Uint8Array): Map<string, Map<string, string | number>> {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files['xl/workbook.xml']!);
  const names = [...workbook.matchAll(/<sheet name="([^"]+)" sheetId="(\d+)"/g)];
  return new Map(
    names.map(([, name, id]) => [
      name!,
      sheetCells(strFromU8(files[`xl/worksheets/sheet${id}.xml`]!)),
    ]),
  );
}

/** Rows of a sheet as header → value records. */
function records(cells: Map<string, string | number>): Record<string, string | number>[] {
  const headers: string[] = [];
  for (let c = 0; cells.has(`${String.fromCharCode(65 + c)}1`); c++) {
    headers.push(String(cells.get(`${String.fromCharCode(65 + c)}1`)));
  }
  const out: Record<string, string | number>[] = [];
  for (let r = 2; cells.has(`A${r}`) || cells.has(`B${r}`); r++) {
    const row: Record<string, string | number> = {};
    headers.forEach((h, c) => {
      const v = cells.get(`${String.fromCharCode(65 + c)}${r}`);
      if (v !== undefined) row[h] = v;
    });
    out.push(row);
  }
  return out;
}

const cents = (x: number) => Math.round(x * 100);

describe('report: the decision report', () => {
  it('Markdown: the recommendation and its figures, assumptions, sources with their dates, the method', async () => {
    const md = await report('--format', 'md');
    const e = engine();
    const rec = e.candidates.find((c) => c.id === e.recommended)!;
    expect(rec.label).toBe('OpenAI API · GPT-4o mini');
    expect(md).toContain(`# Claims assistant: decision for the steering committee: ${rec.label}`);
    expect(md).toContain(`**24-month cost:** ${formatUsd(rec.tcoUsd)} (the objective)`);
    for (const heading of [
      'Why this one',
      'Shortlist',
      'Uncertainty',
      'Assumptions',
      'Monthly projection',
      'Sources',
      'Method',
    ]) {
      expect(md).toContain(`## ${heading}`);
    }
    // The recommended offering's prices, with the day they were read.
    expect(md).toMatch(/\| Token prices: openai\/gpt-4o-mini \| 2026-08-21 \|/);
    // Never every row: the shortlist is the best five and the best of each other placement.
    const shortlist = md.split('## Shortlist')[1]!.split('## ')[0]!;
    expect(shortlist.match(/^\| \**\d+/gm)?.length).toBeLessThanOrEqual(8);
    expect(shortlist).toContain('Best on rented GPUs');
    expect(shortlist).toContain('Best on owned GPUs');
    // What the owned candidate is costed on, listed with the assumptions (the app's defaults:
    // 36-month life, $0.12 per kWh at a PUE of 1.4, CBRE's $184.06 per kW-month colocation).
    const owned = md.split('### Owned GPUs')[1]!.split('### ')[0]!;
    expect(owned).toContain('Gemma 3 12B on owned NVIDIA A100 80GB SXM: ');
    expect(owned).toContain(
      'written off over 36 months; electricity $0.12 per kWh at a PUE of 1.4; non-GPU server power 30% of the GPUs',
    );
    expect(owned).toContain('colocation $184.06 per kW of server rating a month');
    // A vendor whose best offering is out of the ranking (rank —) says why.
    const vendors = md.split('## Vendors')[1]!.split('\n## ')[0]!;
    expect(vendors).toMatch(
      /\| Anthropic API · Claude Haiku 4\.5 \(out of the ranking: no LMArena text \(2025-08-04\) score to check the minimum quality\) \| — \|/,
    );
  });

  it('XLSX: the six sheets read back, numbers equal to the engine’s to the cent', async () => {
    const out = join(tmp(), 'report.xlsx');
    expect(await report('--format', 'xlsx', '--out', out)).toBe(`wrote ${out}`);
    const book = readWorkbook(readFileSync(out));
    // The six sheets, then the sections the commitments engine adds (its vendor table here).
    expect([...book.keys()].slice(0, 6)).toEqual([
      'Summary',
      'Shortlist',
      'All feasible candidates',
      'Assumptions',
      'Sources',
      'Monthly projection',
    ]);
    expect([...book.keys()].slice(6)).toContain('Vendors');
    const e = engine();
    const byLabel = new Map(e.candidates.map((c) => [c.label, c]));
    // Every feasible candidate, with its horizon cost, monthly cost and setup as numbers under
    // headers that name their unit.
    const feasible = records(book.get('All feasible candidates')!);
    expect(feasible.length).toBe(e.candidates.filter((c) => c.feasible).length);
    for (const row of feasible) {
      const c = byLabel.get(String(row['Candidate']))!;
      expect(typeof row['24-month cost (USD)']).toBe('number');
      expect(cents(row['24-month cost (USD)'] as number)).toBe(cents(c.tcoUsd));
      expect(cents(row['Monthly (USD)'] as number)).toBe(cents(c.monthlyUsd));
      expect(cents(row['Setup (USD)'] as number)).toBe(cents(c.setupUsd));
      expect(row['Rank']).toBe(c.rank);
    }
    const rec = e.candidates.find((c) => c.id === e.recommended)!;
    const shortlist = records(book.get('Shortlist')!);
    expect(shortlist[0]).toMatchObject({ Candidate: rec.label, 'Why listed': 'Recommended' });
    expect(cents(shortlist[0]!['24-month cost (USD)'] as number)).toBe(cents(rec.tcoUsd));
    // The monthly projection adds up to the horizon's cash: $8,000 setup in month 1, then 24 months
    // at the run cost (no growth, no launch delay, no price change at the likely values).
    const months = records(book.get('Monthly projection')!).filter(
      (r) => r['Candidate'] === rec.label,
    );
    expect(months).toHaveLength(24);
    expect(cents(months[0]!['Cash in month (USD)'] as number)).toBe(cents(8_000 + rec.monthlyUsd));
    const cash = months.reduce((sum, r) => sum + (r['Cash in month (USD)'] as number), 0);
    expect(cents(cash)).toBe(cents(rec.tcoUsd));
    expect(cents(months[23]!['Cumulative cash (USD)'] as number)).toBe(cents(rec.tcoUsd));
    // Dates are dates (serial numbers), formats are the sheet's own.
    expect(typeof months[0]!['Starts']).toBe('number');
    const summary = records(book.get('Summary')!);
    const objective = summary.find((r) => r['Item'] === '24-month cost')!;
    expect(cents(objective['Value'] as number)).toBe(cents(rec.tcoUsd));
  });

  it('FOCUS: every mandatory column; month 1 of the recommendation bills its monthly cost to the cent', async () => {
    const csv = await report('--format', 'focus');
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, ...rows] = parsed.rows;
    for (const column of FOCUS_MANDATORY_COLUMNS) expect(header).toContain(column);
    for (const column of ['x_ScenarioName', 'x_Projected', 'x_Percentile']) {
      expect(header).toContain(column);
    }
    const col = (name: string) => header!.indexOf(name);
    const e = engine();
    const rec = e.candidates.find((c) => c.id === e.recommended)!;
    const point = rows.filter((r) => r[col('x_Percentile')] === '');
    // Every row says it is a projection, of this scenario.
    expect(new Set(point.map((r) => r[col('x_Projected')]))).toEqual(new Set(['true']));
    const month1 = point.filter(
      (r) => r[col('x_CandidateId')] === rec.id && r[col('x_HorizonMonth')] === '1',
    );
    // Input, cached input and output tokens (OpenAI writes the cache for free).
    expect(month1.map((r) => r[col('x_CostComponent')])).toEqual([
      'inputUsd',
      'cachedInputUsd',
      'outputUsd',
    ]);
    const billed = month1.reduce((sum, r) => sum + Number(r[col('BilledCost')]), 0);
    // Within a cent of the month's cost: the months are rounded together, so that every row of
    // the candidate adds up to its horizon total to the cent (24 months, the $8,000 setup not
    // a provider's charge).
    expect(Math.abs(Math.round(billed * 100) - cents(rec.monthlyUsd))).toBeLessThanOrEqual(1);
    const all = point.filter((r) => r[col('x_CandidateId')] === rec.id);
    const horizon = all.reduce((sum, r) => sum + Math.round(Number(r[col('BilledCost')]) * 100), 0);
    expect(horizon).toBe(cents(rec.tcoUsd - 8_000));
    // Tokens in ConsumedQuantity; ServiceCategory as FOCUS names it.
    expect(month1.every((r) => r[col('ConsumedUnit')] === 'Tokens')).toBe(true);
    expect(month1.every((r) => r[col('ServiceCategory')] === 'AI and Machine Learning')).toBe(true);
    expect(new Set(rows.map((r) => r[col('BillingCurrency')]))).toEqual(new Set(['USD']));
    // Ranges simulated: P10 ≤ P50 ≤ P90 of each month's total, marked by x_Percentile.
    const p = (name: string) =>
      Number(
        rows.find(
          (r) =>
            r[col('x_CandidateId')] === rec.id &&
            r[col('x_HorizonMonth')] === '12' &&
            r[col('x_Percentile')] === name,
        )![col('BilledCost')],
      );
    expect(p('P10')).toBeLessThanOrEqual(p('P50'));
    expect(p('P50')).toBeLessThanOrEqual(p('P90'));
  });

  it('FOCUS: a 1-year commitment is a Purchase row each month, its instance time amortized', async () => {
    const e = engine();
    const committed = e.candidates.find((c) => c.feasible && c.id.includes(':commit1y:'))!;
    const csv = await report('--format', 'focus', '--candidates', committed.id);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, ...rows] = parsed.rows;
    const col = (name: string) => header!.indexOf(name);
    const mine = rows.filter(
      (r) => r[col('x_CandidateId')] === committed.id && r[col('x_Percentile')] === '',
    );
    const purchases = mine.filter((r) => r[col('ChargeCategory')] === 'Purchase');
    expect(purchases.length).toBeGreaterThan(0);
    const id = purchases[0]![col('CommitmentDiscountId')]!;
    expect(id).toContain('commitment-12m');
    expect(purchases.every((r) => r[col('ChargeFrequency')] === 'Recurring')).toBe(true);
    // FOCUS: what the commitment's usage rows carry in EffectiveCost is what its purchases bill.
    const used = mine.filter(
      (r) => r[col('ChargeCategory')] === 'Usage' && r[col('CommitmentDiscountId')] === id,
    );
    const sum = (rs: string[][], c: string) => rs.reduce((s, r) => s + Number(r[col(c)]), 0);
    expect(Math.round(sum(used, 'EffectiveCost') * 100)).toBe(
      Math.round(sum(purchases, 'BilledCost') * 100),
    );
    expect(used.every((r) => r[col('BilledCost')] === '0')).toBe(true);
    expect(new Set(used.map((r) => r[col('CommitmentDiscountStatus')]))).toEqual(
      new Set(['Used', 'Unused']),
    );
    // A month in service bills the candidate's monthly cost in all (purchase + other usage).
    // (within a cent: the months are rounded together to the horizon's total).
    const month = mine.filter((r) => r[col('x_HorizonMonth')] === '12');
    expect(
      Math.abs(Math.round(sum(month, 'BilledCost') * 100) - cents(committed.monthlyUsd)),
    ).toBeLessThanOrEqual(1);
  });

  it('HTML: self-contained, the charts’ data and the script that draws them inline, print CSS', async () => {
    const html = await report('--format', 'html', '--paper', 'letter');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('size: letter portrait');
    expect(html).toContain('counter(pages)');
    for (const chart of ['breakdown', 'break-even', 'payback', 'tornado']) {
      expect(html).toContain(`<canvas class="chart" data-chart="${chart}"`);
    }
    expect(html).toContain('id="mw-report-charts"');
    // Nothing is fetched: no external script, stylesheet or image.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
  });

  it('refuses what it cannot do, naming it', async () => {
    await expect(report('--format', 'xlsx')).rejects.toThrow(
      '--format xlsx writes a file: give --out PATH',
    );
    await expect(report()).rejects.toThrow('--format is required');
    await expect(report('--format', 'md', '--candidates', 'api:nobody/nothing')).rejects.toThrow(
      "--candidates: no candidate 'api:nobody/nothing'",
    );
  });

  it('PDF without a Chromium: says so and exits 2', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/cli/main.ts',
        'report',
        '--scenario',
        EXAMPLE,
        '--format',
        'pdf',
        '--out',
        join(tmp(), 'x.pdf'),
      ],
      { encoding: 'utf8', env: { ...process.env, MODELWISE_CHROMIUM: '/nonexistent/chromium' } },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      '--format pdf needs a local Chromium and none was found at /nonexistent/chromium',
    );
  });

  it('PDF: the recommendation, its horizon cost, the assumptions and its prices’ date, in at most 12 pages', async () => {
    const out = join(tmp(), 'report.pdf');
    expect(await report('--format', 'pdf', '--out', out)).toBe(`wrote ${out}`);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const e = engine();
    const rec = e.candidates.find((c) => c.id === e.recommended)!;
    expect(text).toContain(rec.label);
    expect(text).toContain(formatUsd(rec.tcoUsd));
    expect(text).toContain('Assumptions');
    expect(text).toContain('2026-08-21');
    expect(text).toMatch(/Page 1 of \d+/);
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1],
    );
    expect(pages).toBeLessThanOrEqual(12);
  }, 120_000);
});
