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

const tmp = useTempDir();
useDataDirEnv(beforeAll, afterAll);

const FILE = 'examples/commitments.json';
const HOURS_PER_MONTH = 730;
const cents = (x: number) => Math.round(x * 100);

interface Commitment {
  kind: string;
  term: string;
  committedUnits: number;
  monthlyCommittedUsd: number;
  upfrontUsd: number;
  termMonths: number;
  stressed50Usd: number;
}
interface Candidate {
  id: string;
  label: string;
  monthlyUsd: number;
  commitment: Commitment | null;
}
interface Engine {
  recommended: string;
  candidates: Candidate[];
  vendors: { vendorName: string; bestLabel: string; negotiatedTcoUsd: number | null }[];
}

describe('the decision report presents the commitments engine’s plan', () => {
  let engine: Engine;
  let rec: Candidate;
  beforeAll(() => {
    engine = JSON.parse(run(['cost', '--scenario', FILE, '--format', 'json']));
    rec = engine.candidates.find((c) => c.id === engine.recommended)!;
  });

  it('Markdown: a Commitments and a Vendors section with the engine’s figures', async () => {
    const md = await runReport(['--scenario', FILE, '--format', 'md'], loadCatalog());
    const commitments = md.slice(md.indexOf('## Commitments'), md.indexOf('## Vendors'));
    const vendors = md.slice(md.indexOf('## Vendors'), md.indexOf('## Assumptions'));
    expect(md.indexOf('## Commitments')).toBeGreaterThan(md.indexOf('## Shortlist'));
    const c = rec.commitment!;
    // The recommendation commits part of its fleet: its units, term and monthly charge as planned.
    expect(c.kind).toBe('reserved');
    expect(commitments).toContain(`${c.committedUnits} instances, ${c.term}`);
    expect(commitments).toContain(formatUsd(c.monthlyCommittedUsd));
    expect(commitments).toContain(formatUsd(c.stressed50Usd));
    // Every vendor of the engine's table, with its negotiated horizon cost.
    for (const v of engine.vendors) {
      expect(vendors).toContain(v.vendorName);
      expect(vendors).toContain(formatUsd(v.negotiatedTcoUsd));
    }
  });

  it('FOCUS: the commitment bills its committed units; the rest runs on demand', async () => {
    const out = join(tmp(), 'commitments-focus.csv');
    await runReport(['--scenario', FILE, '--format', 'focus', '--out', out], loadCatalog());
    const parsed = parseCsv(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, ...body] = parsed.rows;
    const col = (name: string) => header!.indexOf(name);
    const month2 = body.filter(
      (r) =>
        r[col('x_CandidateId')] === rec.id &&
        r[col('x_HorizonMonth')] === '2' &&
        (r[col('x_Percentile')] ?? '') === '',
    );
    const c = rec.commitment!;
    const purchase = month2.filter((r) => r[col('ChargeCategory')] === 'Purchase');
    expect(purchase).toHaveLength(1);
    // No upfront here: the month's payment is the engine's committed charge, to the cent, for
    // its committed units every hour of the month (units × 730 h).
    expect(c.upfrontUsd).toBe(0);
    expect(cents(Number(purchase[0]![col('BilledCost')]))).toBe(cents(c.monthlyCommittedUsd));
    expect(Number(purchase[0]![col('CommitmentDiscountQuantity')])).toBe(
      c.committedUnits * HOURS_PER_MONTH,
    );
    // Demand above the committed base is billed on demand, apart.
    const beyond = month2.filter((r) =>
      r[col('ChargeDescription')]!.includes('beyond the commitment'),
    );
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.every((r) => r[col('PricingCategory')] === 'Standard')).toBe(true);
    // The month's bill is the engine's monthly cost (a steady workload: month 2 as month 1), within
    // a cent: the months are rounded together so the horizon's rows add up exactly.
    const billed = month2.reduce((sum, r) => sum + Number(r[col('BilledCost')]), 0);
    expect(Math.abs(cents(billed) - cents(rec.monthlyUsd))).toBeLessThanOrEqual(1);
  });

  it('Sources: the provisioned throughput bought and the quality shown carry source and date', async () => {
    const md = await runReport(['--scenario', FILE, '--format', 'md'], loadCatalog());
    const sources = md.slice(md.indexOf('## Sources'), md.indexOf('## Method'));
    const azure = engine.candidates.find((c) => c.commitment?.kind === 'provisioned')!;
    const c = azure.commitment!;
    expect(c.term).toBe('1-year');
    // Of Azure's $389,802 a month, $324,390 is the 1,610 PTUs' 1-year price: that price was read
    // from Azure's retail prices API on 2026-10-09, and the PTUs' capacity from Microsoft Learn
    // on 2026-05-21 (before 2026-06-05: stale); neither is the token price row's.
    expect(sources).toMatch(
      /\n\| Provisioned throughput price \(1-year\): azure\/gpt-4\.1 \| 2026-10-09 \| {2}\| Azure retail prices API, [^|]*\| #14 \|/,
    );
    expect(sources).toMatch(
      /\n\| Provisioned throughput capacity: azure\/gpt-4\.1 \| 2026-05-21 \| stale \| gpt-4\.1: Microsoft Learn[^|]*\| #14 \|/,
    );
    // No minimum quality here, yet the shortlist shows LMArena text scores (Llama 3.3 70B 1,272.5
    // at FP8, GPT-4.1 1,380): the scores' rows are listed too.
    expect(md).toContain('| 1,272.5 |');
    expect(sources).toContain(
      '| Quality score (lmarena-text): Llama 3.3 70B Instruct | 2025-08-04 | stale | LMArena text leaderboard',
    );
    expect(sources).toContain(
      '| Quality score (lmarena-text): GPT-4.1 | 2025-08-04 | stale | LMArena text leaderboard',
    );
  });

  it('Assumptions: a discount above a monthly spend says so, not a flat share off list', async () => {
    const md = await runReport(['--scenario', FILE, '--format', 'md'], loadCatalog());
    const discounts = md.slice(
      md.indexOf('### Negotiated discounts'),
      md.indexOf('### Operations'),
    );
    // The scenario's Azure terms: 10 % off only the spend above $50,000 a month, which on Azure's
    // $427,558 list bill is 0.10 × (427,558 − 50,000) ÷ 427,558 = 8.8 % of it (the Vendors table's
    // figure), so "10.0% off list prices" overstated it.
    expect(discounts).toContain('- azure: 10.0% off the spend above $50,000 a month (scenario: ');
    expect(discounts).not.toContain('off list prices');
  });

  it('XLSX: the added sections are sheets with numbers as numbers', async () => {
    const out = join(tmp(), 'commitments.xlsx');
    await runReport(['--scenario', FILE, '--format', 'xlsx', '--out', out], loadCatalog());
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    const id = /<sheet name="Commitments" sheetId="(\d+)"/.exec(workbook)?.[1];
    expect(id).toBeDefined();
    expect(workbook).toContain('<sheet name="Vendors"');
    const sheet = strFromU8(files[`xl/worksheets/sheet${id}.xml`]!);
    expect(sheet).toContain(`<v>${rec.commitment!.monthlyCommittedUsd}</v>`);
  });
});

describe('the report’s assumptions name what is committed, not the fleet at its peak', () => {
  it('examples/decision-report.json: 2 of the 6 instances at peak, $648.02 a month', async () => {
    const file = 'examples/decision-report.json';
    const engine: Engine = JSON.parse(run(['cost', '--scenario', file, '--format', 'json']));
    const id = 'cloud:gcp:g2-standard-4:us-east4:gemma-3-12b:commit1y:vllm:fp8';
    const row = engine.candidates.find((c) => c.id === id)!;
    expect(row.commitment!.committedUnits).toBe(2);
    // 2 instances × $0.443846 an hour (GCP 1-year CUD, g2-standard-4, us-east4) × 730 h
    // = $648.01516 a month; the fleet's 6 instances at peak and its whole GPU bill ($985.92)
    // are not what the term holds.
    const committedUsd = 2 * 0.443846 * HOURS_PER_MONTH;
    expect(row.commitment!.monthlyCommittedUsd).toBeCloseTo(committedUsd, 6);
    const md = await runReport(['--scenario', file, '--format', 'md'], loadCatalog());
    const assumptions = md.slice(md.indexOf('### Commitments'), md.indexOf('### Ranges'));
    expect(assumptions).toContain(
      `- ${row.label}: 1-year, no upfront: 2 instances committed, paid every hour of the term whatever demand does ($648.02 a month); demand above them runs on demand`,
    );
    expect(assumptions).not.toContain('6 instances');
    expect(assumptions).not.toContain('$985.92');
  });
});
