import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/csv.ts';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';

useDataDirEnv(beforeAll, afterAll);
const FILE = 'examples/portfolio.json';
const cost = (...args: string[]) => run(['cost', '--scenario', FILE, ...args]);

describe('cost on a portfolio (examples/portfolio.json)', () => {
  const out = JSON.parse(cost('--format', 'json'));
  const p = out.portfolio;

  it('carries the portfolio under the names the issue gives', () => {
    expect(Object.keys(p)).toEqual(
      expect.arrayContaining(['totalMonthlyUsd', 'tcoUsd', 'workloads', 'pools']),
    );
    for (const w of p.workloads)
      expect(Object.keys(w)).toEqual(
        expect.arrayContaining([
          'id',
          'owner',
          'stage',
          'candidateId',
          'monthlyUsd',
          'allocatedIdleUsd',
          'budgetUsd',
          'firstBreachMonth',
        ]),
      );
    for (const pool of p.pools)
      expect(Object.keys(pool)).toEqual(
        expect.arrayContaining([
          'id',
          'memberIds',
          'gpus',
          'utilization',
          'monthlyUsd',
          'pooledSavingUsd',
        ]),
      );
  });

  it('has four workloads of two teams, one shared pool cheaper than the fleets apart', () => {
    expect(p.workloads.map((w: { id: string }) => w.id)).toEqual([
      'support-chatbot',
      'nightly-summaries',
      'rag-search',
      'agent-experiment',
    ]);
    expect(new Set(p.workloads.map((w: { owner: string }) => w.owner))).toEqual(
      new Set(['Customer support', 'Search']),
    );
    expect(p.pools).toHaveLength(1);
    const [pool] = p.pools;
    expect(pool.memberIds).toContain('support-chatbot');
    expect(pool.memberIds).toContain('nightly-summaries');
    expect(pool.pooledSavingUsd).toBeGreaterThan(0);
    expect(pool.monthlyUsd).toBeCloseTo(pool.separateMonthlyUsd - pool.pooledSavingUsd, 6);
    // The pool holds the strictest TTFT of its members: the chatbot's 1.5 s.
    expect(pool.slo.ttftMs).toBe(1500);
  });

  it('adds up to the total to the cent by workload, team, tag, stage, vendor and placement', () => {
    const cents = (o: Record<string, number>) =>
      Math.round(Object.values(o).reduce((a, b) => a + b, 0) * 100);
    const total = Math.round(p.totalMonthlyUsd * 100);
    for (const view of ['byWorkload', 'byOwner', 'byTag', 'byStage', 'byVendor', 'byPlacement'])
      expect(cents(p.showback[view])).toBe(total);
  });

  it('finds the month growth crosses the Search budget, and who drives it', () => {
    const search = p.budgets.find((b: { owner: string | null }) => b.owner === 'Search');
    const month = (threshold: number) =>
      search.crossings.find((c: { threshold: number }) => c.threshold === threshold);
    // The crossing month is where the projection first passes the line; the month before does not.
    const m = month(1).month;
    expect(m).not.toBeNull();
    expect(search.usdByMonth[m - 1]).toBeGreaterThan(4000);
    expect(search.usdByMonth[m - 2]).toBeLessThanOrEqual(4000);
    expect(month(1).driverId).toBe('rag-search');
    const rag = p.workloads.find((w: { id: string }) => w.id === 'rag-search');
    expect(rag.firstBreachMonth).toBe(m);
    // The six-month agent experiment of the same team has ended by then: never over budget.
    expect(m).toBeGreaterThan(6);
    const agent = p.workloads.find((w: { id: string }) => w.id === 'agent-experiment');
    expect(agent.firstBreachMonth).toBeNull();
  });

  it('exports the showback table as CSV whose lines add up to its total line', () => {
    const parsed = parseCsv(cost('--format', 'csv'));
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, ...rows] = parsed.rows;
    expect(header).toContain('monthlyUsd');
    const col = header!.indexOf('monthlyUsd');
    const total = rows.pop()!;
    expect(total[1]).toBe('Total');
    const sum = rows.reduce((a, r) => a + Math.round(Number(r[col]) * 100), 0);
    expect(sum).toBe(Math.round(Number(total[col]) * 100));
    expect(Number(total[col])).toBe(p.totalMonthlyUsd);
  });

  it('prints the pools and budgets as a table, and refuses --uncertainty by name', () => {
    const text = cost();
    expect(text).toContain('## Shared pools');
    expect(text).toContain('Search: $4,000 a month');
    expect(() => cost('--uncertainty')).toThrow(
      `--uncertainty runs on one workload; ${FILE} holds a portfolio`,
    );
  });
});
