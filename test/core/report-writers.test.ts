import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { centsSplit, focusRows } from '../../core/report/focus.ts';
import type { ComparisonColumn } from '../../core/report/comparison-columns.ts';
import { chartHeightPx, escapeHtml } from '../../core/report/render-html.ts';
import { monthStart } from '../../core/report/report-tables.ts';
import { comparisonText } from '../../core/report/writers.ts';
import { columnName, dateSerial, sheetName, writeXlsx } from '../../core/report/xlsx.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import type { CandidateResult } from '../../core/sweep/types.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { twoChoices } from '../support/decision-fixtures.ts';

describe('the workbook writer', () => {
  it('names columns and dates as spreadsheets do', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    // Serial days since 1899-12-30: 1900-01-01 is 2, 2026-01-01 is 46,023.
    expect(dateSerial('1900-01-01')).toBe(2);
    expect(dateSerial('2026-01-01')).toBe(46_023);
    expect(dateSerial('not a date')).toBeNull();
    expect(sheetName('What [if]: a/b?')).toBe('What  if   a b');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });

  it('writes text escaped, numbers as numbers, nothing for NaN, a frozen header', () => {
    const bytes = writeXlsx([
      {
        name: 'S',
        columns: [
          { header: 'Name', width: 10, format: 'text' },
          { header: 'Cost', width: 10, format: 'usd' },
        ],
        rows: [
          ['A & B <c>', 1234.5],
          ['none', Number.NaN],
        ],
      },
    ]);
    const files = unzipSync(bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('A &amp; B &lt;c&gt;');
    expect(sheet).toContain('<c r="B2" s="3"><v>1234.5</v></c>');
    expect(sheet).not.toContain('<c r="B3"');
    expect(sheet).toContain('state="frozen"');
    expect(strFromU8(files['xl/styles.xml']!)).toContain('formatCode="&quot;$&quot;#,##0.00"');
  });
});

describe('FOCUS amounts', () => {
  it('split a month into cents that add up to it exactly', () => {
    // $100 in three equal parts: 33.34 + 33.33 + 33.33 (the largest remainder takes the cent).
    expect(centsSplit(100, [1, 1, 1])).toEqual([33.34, 33.33, 33.33]);
    const parts = centsSplit(521.6349, [0.31, 0.2, 0.49]);
    expect(Math.round(parts.reduce((a, b) => a + b, 0) * 100)).toBe(52163);
  });

  it('add up over the horizon to the engine’s horizon total, rounded once', () => {
    const base = twoChoices();
    // 1,000,005 requests a month × (1,000 × $0.60 + 100 × $3) per million = $900.0045 a month.
    const s = {
      ...base,
      workload: { ...base.workload, requests: { count: 1_000_005, per: 'month' as const } },
      candidates: [base.candidates[0]!],
    };
    const e = evaluateScenario({ ...readSeed(), discounts: [] }, s);
    if (!e.ok) throw new Error(e.error);
    const rec = e.result.row(e.result.recommended);
    expect(rec.monthlyUsd).toBeCloseTo(900.0045, 9);
    // 36 × 900.0045 = 32,400.162 → $32,400.16 over the horizon, setup ($5,000) not a charge.
    expect(rec.tcoUsd! - rec.setupUsd).toBeCloseTo(32_400.162, 6);
    const rows = focusRows({ scenario: s, evaluation: e });
    const cents = (usd: number) => Math.round(usd * 100);
    const total = rows.reduce((sum, r) => sum + cents(r.BilledCost as number), 0);
    // Each month rounded alone bills $900.00, 36 × 900.00 = $32,400.00: 16 cents short.
    expect(total).toBe(3_240_016);
    const byMonth = new Map<number, number>();
    for (const r of rows) {
      const m = r.x_HorizonMonth as number;
      byMonth.set(m, (byMonth.get(m) ?? 0) + cents(r.BilledCost as number));
    }
    // The 16 cents go to 16 months (remainders tie; the earliest take them), each month within a
    // cent of its $900.0045: 16 × $900.01 + 20 × $900.00.
    expect([...byMonth.values()].filter((c) => c === 90_001)).toHaveLength(16);
    expect([...byMonth.values()].filter((c) => c === 90_000)).toHaveLength(20);
  });
});

describe('report helpers', () => {
  it('escape HTML and step months from a start day', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    expect(monthStart('2026-01-31', 2)).toBe('2026-02-28');
    expect(monthStart('2026-12-02', 2)).toBe('2027-01-02');
  });

  it('give every bar of a breakdown a row tall enough for its longest label', () => {
    const bars = (labels: (string | string[])[]) =>
      chartHeightPx({ id: 'breakdown', type: 'breakdown', data: { labels, datasets: [] } });
    // One-line bars: the 30-px minimum row each, 90 + 2 × 30 = 150; a two-line label (model,
    // vendor) takes ceil(2 × 14.4) + 8 = 37 px a bar, 90 + 2 × 37 = 164.
    expect(bars(['GPT-4o mini', 'Gemma 3 12B'])).toBe(150);
    expect(bars([['GPT-4o mini', 'OpenAI API'], 'Gemma 3 12B'])).toBe(164);
    // examples/commitments.json's bar wraps at 40 characters to three lines ('Llama 3.3 70B
    // Instruct · 2× NVIDIA H100', '80GB SXM', 'GCP a3-highgpu-2g (us-central1, 3-year)'): a row of
    // ceil(3 × 14.4) + 8 = 52 px for every bar (chart.js spaces bars evenly), 90 + 2 × 52 = 194;
    // at 30 px its lines printed over the next bar's.
    const llama = [
      'Llama 3.3 70B Instruct · 2× NVIDIA H100 80GB SXM',
      'GCP a3-highgpu-2g (us-central1, 3-year)',
    ];
    expect(bars([llama, 'Gemma 3 12B'])).toBe(194);
  });
});

describe('the terminal table of a very large sweep', () => {
  it('aligns 200,000 rows (Math.max over every row overflowed the call stack)', () => {
    // Every region of every instance at four pricing terms ranked 163,440 candidates.
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: `c${i}` }) as CandidateResult);
    const column: ComparisonColumn = {
      key: 'id',
      header: 'Id',
      align: 'right',
      widthPx: 80,
      order: 'label',
      text: (c) => c.id,
      raw: (c) => c.id,
      format: 'text',
    };
    const lines = comparisonText(rows, [column]).split('\n');
    expect(lines).toHaveLength(200_001);
    // The widest cell, 'c199999', is 7 characters: the header is padded to it on the left.
    expect(lines[0]).toBe('     Id');
    expect(lines[1]).toBe('     c0');
  });
});
