import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.ts';
import { evaluatePortfolio } from '../../core/portfolio/evaluate.ts';
import { focusCsv, type FocusRow } from '../../core/report/focus.ts';
import { portfolioFocusRows } from '../../core/report/focus-portfolio.ts';
import type { ScenarioFile } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { dailyWorkload, FIXED_L4, ONE_L4, portfolioFile } from '../support/portfolio-fixtures.ts';

const catalog = { ...readSeed(), discounts: [] };

function rowsOf(file: ScenarioFile): FocusRow[] {
  const e = evaluatePortfolio(catalog, file, { asOf: '2026-11-27' });
  if (!e.ok) throw new Error(e.error);
  return portfolioFocusRows({ file, result: e.result });
}

const cents = (rows: readonly FocusRow[], column = 'BilledCost') =>
  rows.reduce((sum, r) => sum + Math.round(Number(r[column]) * 100), 0);
const month = (rows: readonly FocusRow[], m: number) =>
  rows.filter((r) => r['x_HorizonMonth'] === m);
const of = (rows: readonly FocusRow[], id: string | null) =>
  rows.filter((r) => r['x_WorkloadId'] === id);

// A daytime chatbot (Support, 09:00–21:00, 2,000 requests a day) and a nightly batch (Data,
// 21:00–09:00, 6,000 a day) share one fixed L4 at $1 an hour: one L4 every hour of the month,
// 730 h × $1 = $730. Their requests are the same size, so they use its GPU-seconds 1 : 3.
const day = {
  ...dailyWorkload('chatbot', 'Support', 9, 12, 2000, { stage: 'experiment' }),
  tags: ['chat'],
};
const night = dailyWorkload('nightly', 'Data', 21, 12, 6000, { stage: 'experiment' });

describe('FOCUS rows of a portfolio', () => {
  it('bills a shared pool once, split as the showback splits it: $182.50 and $547.50 of $730', () => {
    const rows = rowsOf(portfolioFile([day, night]));
    // Idle shared in proportion to use (the default rule): each pays the pool by its share of
    // the GPU-seconds, 730 × 2,000 ÷ 8,000 = $182.50 and 730 × 6,000 ÷ 8,000 = $547.50.
    for (let m = 1; m <= 12; m++) {
      expect(cents(of(month(rows, m), 'chatbot'))).toBe(18_250);
      expect(cents(of(month(rows, m), 'nightly'))).toBe(54_750);
      expect(cents(month(rows, m))).toBe(73_000);
      expect(cents(month(rows, m), 'EffectiveCost')).toBe(73_000);
    }
    // Twelve months of $730: $8,760.00, the pool's cost once (not once per member).
    expect(cents(rows)).toBe(876_000);
    // Each member's month: the GPU time it uses, and its part of the pool's idle capacity.
    const chat = of(month(rows, 1), 'chatbot');
    const batch = of(month(rows, 1), 'nightly');
    expect(chat.map((r) => r['x_CostComponent'])).toEqual(['gpuUsd', 'idleUsd']);
    // Used GPU time 1 : 3, each rounded to its cent.
    const used = (rs: FocusRow[]) => Math.round(Number(rs[0]!['BilledCost']) * 100);
    expect(Math.abs(3 * used(chat) - used(batch))).toBeLessThanOrEqual(4);
    // Whose it is, as the file says: team, stage and tags; FOCUS's Tags as JSON.
    expect(chat[0]).toMatchObject({
      x_WorkloadName: 'chatbot',
      x_Team: 'Support',
      x_Stage: 'experiment',
      x_PoolId: 'pool-1',
      ChargeCategory: 'Usage',
      ChargePeriodStart: '2026-11-27T00:00:00Z',
      ChargePeriodEnd: '2026-12-27T00:00:00Z',
      ServiceName: 'test GPU instances',
      SkuId: 'test/one-l4',
    });
    expect(JSON.parse(chat[0]!['Tags'] as string)).toEqual({
      chat: true,
      'modelwise/team': 'Support',
      'modelwise/stage': 'experiment',
    });
    expect(String(chat[0]!['ResourceId'])).toMatch(/^pool-1:cloud:test\/one-l4:/);
  });

  it('writes the portfolio’s columns after the single-workload ones, Tags quoted in the CSV', () => {
    const parsed = parseCsv(focusCsv(rowsOf(portfolioFile([day, night]))));
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, first] = parsed.rows;
    expect(header!.slice(-6)).toEqual([
      'x_PricesAsOf',
      'x_WorkloadId',
      'x_WorkloadName',
      'x_Team',
      'x_Stage',
      'x_PoolId',
    ]);
    expect(first![header!.indexOf('Tags')]).toBe(
      '{"chat":true,"modelwise/team":"Support","modelwise/stage":"experiment"}',
    );
  });

  it('keeps the idle capacity no workload carries as a row of its own', () => {
    const rows = rowsOf(
      portfolioFile([day, night], { pooling: { enabled: true, idleAllocation: 'unallocated' } }),
    );
    for (let m = 1; m <= 12; m++) {
      const idle = of(month(rows, m), null);
      expect(idle).toHaveLength(1);
      expect(idle[0]).toMatchObject({
        x_WorkloadName: 'Idle capacity (no workload)',
        x_Team: '(idle, unallocated)',
        x_Stage: 'idle',
        x_PoolId: 'pool-1',
        x_CostComponent: 'idleUsd',
      });
      // The members pay only what they use (1 : 3); the rest of the $730 is the idle row.
      const chat = of(month(rows, m), 'chatbot');
      const batch = of(month(rows, m), 'nightly');
      expect(chat.map((r) => r['x_CostComponent'])).toEqual(['gpuUsd']);
      expect(Math.abs(3 * cents(chat) - cents(batch))).toBeLessThanOrEqual(4);
      expect(cents(idle) + cents(chat) + cents(batch)).toBe(73_000);
      expect(cents(idle)).toBeGreaterThan(cents(chat) + cents(batch));
    }
    expect(JSON.parse(of(rows, null)[0]!['Tags'] as string)).toEqual({ 'modelwise/stage': 'idle' });
  });

  it('bills a committed pool as one commitment: $438 a month paid, 730 instance-hours used', () => {
    // The L4 for a year at $0.60 an hour: 730 h × $0.60 = $438 a month, the chatbot's quarter
    // $109.50. Each member's Purchase rows bill its share; the instance time they cover is Usage
    // at no billed cost, its amount in EffectiveCost, its instance-hours adding up to the pool's.
    const file = portfolioFile([day, night], {
      candidates: [{ ...FIXED_L4, pricing: 'commit1y' }],
      catalog: { instances: [{ ...ONE_L4, usdPerHour: { onDemand: 1, commit1y: 0.6 } }] },
    });
    const rows = month(rowsOf(file), 1);
    const purchases = rows.filter((r) => r['ChargeCategory'] === 'Purchase');
    const usage = rows.filter((r) => r['ChargeCategory'] === 'Usage');
    expect(cents(purchases)).toBe(43_800);
    expect(cents(of(purchases, 'chatbot'))).toBe(10_950);
    expect(cents(usage)).toBe(0);
    expect(cents(usage, 'EffectiveCost')).toBe(43_800);
    expect(new Set(rows.map((r) => r['CommitmentDiscountId']))).toEqual(
      new Set(['pool-1:commitment-12m']),
    );
    const hours = usage.reduce((sum, r) => sum + Number(r['CommitmentDiscountQuantity']), 0);
    expect(hours).toBeCloseTo(730, 4);
    // At list (on demand, $1 an hour) the purchases would be the $730 a month.
    expect(Math.abs(cents(purchases, 'ListCost') - 73_000)).toBeLessThanOrEqual(4);
  });

  it('follows the pool month by month: an experiment past its time box leaves it', () => {
    // Both 09–21 at 2,000 a day on the one L4: $365 each for six months; then the chatbot
    // alone pays all $730, and the experiment has no rows.
    const boxed = dailyWorkload('other', 'Data', 9, 12, 2000, {
      stage: 'experiment',
      timeBoxMonths: 6,
    });
    const rows = rowsOf(portfolioFile([day, boxed]));
    for (let m = 1; m <= 6; m++) {
      expect(cents(of(month(rows, m), 'chatbot'))).toBe(36_500);
      expect(cents(of(month(rows, m), 'other'))).toBe(36_500);
    }
    for (let m = 7; m <= 12; m++) {
      expect(cents(of(month(rows, m), 'chatbot'))).toBe(73_000);
      expect(of(month(rows, m), 'other')).toEqual([]);
    }
  });

  it('carries owned servers’ depreciation as amortized rows, as the portfolio counts it', () => {
    // One owned L4 server (an experiment keeps no spare) at $10,000 over the default 36 months:
    // 10,000 ÷ 36 = $277.78 a month of depreciation (GPU time and idle capacity), in
    // EffectiveCost; no one bills it that month.
    const file = portfolioFile(
      [dailyWorkload('chatbot', 'Support', 9, 12, 2000, { stage: 'experiment' })],
      {
        candidates: [
          {
            kind: 'onprem',
            gpuId: 'l4',
            modelId: 'llama-3.1-8b',
            serverUsd: 10_000,
            gpusPerServer: 1,
          },
        ],
      },
    );
    const e = evaluatePortfolio(catalog, file, { asOf: '2026-11-27' });
    if (!e.ok) throw new Error(e.error);
    const rows = month(portfolioFocusRows({ file, result: e.result }), 1);
    const depreciation = rows.filter(
      (r) => r['x_CostComponent'] === 'gpuUsd' || r['x_CostComponent'] === 'idleUsd',
    );
    expect(Math.abs(cents(depreciation, 'EffectiveCost') - 27_778)).toBeLessThanOrEqual(1);
    expect(cents(depreciation)).toBe(0);
    expect(String(depreciation[0]!['ChargeDescription'])).toContain('(owned servers, amortized)');
    // Every row of the month in EffectiveCost is the portfolio's month, to the cent.
    expect(cents(rows, 'EffectiveCost')).toBe(Math.round(e.result.usdByMonth[0]! * 100));
    // Power is billed in the month as used.
    const power = rows.find((r) => r['x_CostComponent'] === 'powerUsd')!;
    expect(power['BilledCost']).toBe(power['EffectiveCost']);
  });
});
