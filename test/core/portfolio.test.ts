import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { largestRemainderCents } from '../../core/portfolio/cents.ts';
import { evaluatePortfolio } from '../../core/portfolio/evaluate.ts';
import { showback, type SpendLine } from '../../core/portfolio/showback.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario, parseScenarioFile } from '../../core/scenario/parse.ts';
import type { ScenarioFile } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { API_CANDIDATE, dailyWorkload, portfolioFile } from '../support/portfolio-fixtures.ts';

const catalog = { ...readSeed(), discounts: [] };

function run(file: ScenarioFile) {
  const e = evaluatePortfolio(catalog, file, { asOf: '2026-11-27' });
  if (!e.ok) throw new Error(e.error);
  return e.result;
}

// A daytime chatbot (09:00–21:00) and a nightly batch (21:00–09:00), 2,000 requests a day each:
// far below one replica's rate, so each needs one replica in its hours and none outside them.
const day = dailyWorkload('chatbot', 'support', 9, 12, 2000, { stage: 'experiment' });
const night = dailyWorkload('nightly', 'data', 21, 12, 2000, { stage: 'experiment' });

describe('a version 1 file', () => {
  it('opens as a portfolio of one and gives the numbers it gave before', () => {
    // The worked example, saved as version 1: $11,015.19 a month (DESIGN.md).
    const saved = JSON.parse(readFileSync('test/data/scenario-v1.json', 'utf8')) as unknown;
    const parsed = parseScenarioFile(saved);
    if (!parsed.ok) throw new Error(parsed.error);
    const [main] = parsed.file.workloads;
    expect(parsed.file.schemaVersion).toBe(2);
    expect(main).toMatchObject({ id: 'main', name: 'Worked example', owner: '', tags: [] });
    // What a request is worth moves to the workload; the horizon stays shared.
    expect(main!.value).toEqual({
      perRequest: { kind: 'revenue', usdPerRequest: 0.05 },
      successRate: 0.9,
    });
    expect(parsed.file.value.horizonMonths).toBe(24);
    const r = run(parsed.file);
    expect(r.totalMonthlyUsd).toBe(11_015.19);
    // The single-workload path reads the same file to the same scenario and the same number.
    const single = parseScenario(saved);
    if (!single.ok) throw new Error(single.error);
    const e = evaluateScenario(catalog, single.scenario);
    if (!e.ok) throw new Error(e.error);
    expect(e.result.row(e.result.recommended).monthlyUsd).toBeCloseTo(11_015.19, 2);
  });

  it('refuses a v1 file without a workload, naming the field', () => {
    expect(parseScenarioFile({ schemaVersion: 1, name: 'x' })).toEqual({
      ok: false,
      error: 'upgrading from version 1: workload: missing (a version 1 file holds one)',
    });
  });

  it('a portfolio of several is refused by the single-workload reader, by name', () => {
    const file = portfolioFile([day, night]);
    expect(parseScenario(file)).toEqual({
      ok: false,
      error:
        'workloads: the file holds 2 workloads; this needs one (evaluate a portfolio with cost)',
    });
  });
});

describe('a shared pool', () => {
  it('a daytime and a nightly workload share one fixed fleet and save one instance', () => {
    const r = run(portfolioFile([day, night]));
    // Apart, each is a fixed fleet of one L4 every hour: 730 h × $1 = $730 a month each, $1,460.
    for (const w of r.workloads) expect(w.aloneMonthlyUsd).toBeCloseTo(730, 6);
    // Together, every hour of the week has one of them active and never both (09–21 vs 21–09):
    // one L4 all week, 168 h × 365/7/12 weeks = 730 h × $1 = $730. Saving $1,460 − $730 = $730.
    expect(r.pools).toHaveLength(1);
    const pool = r.pools[0]!;
    expect(pool.memberIds).toEqual(['chatbot', 'nightly']);
    expect(pool.gpus).toBe(1);
    expect(pool.separateMonthlyUsd).toBeCloseTo(1460, 6);
    expect(pool.monthlyUsd).toBeCloseTo(730, 6);
    expect(pool.pooledSavingUsd).toBeCloseTo(730, 6);
    expect(pool.unitsByHour.every((u) => u === 1)).toBe(true);
    expect(r.totalMonthlyUsd).toBe(730);
  });

  it('prices a pool month by month: growth within its spare capacity re-shares the same bill', () => {
    // The one L4 ($730 a month) serves the day workload growing 5 % a month for all 12 months
    // (2,000 a day × 1.05^11 = 3,420 a day, far below one replica's rate): month m is shared by
    // GPU-seconds, 1.05^(m−1) : 1, and always adds up to $730. Over 12 months: 12 × $730 = $8,760,
    // the portfolio's horizon cost and the sum of its months (no setup).
    const growing = dailyWorkload('chatbot', 'support', 9, 12, 2000, {
      stage: 'experiment',
      monthlyGrowthPct: 5,
    });
    const r = run(portfolioFile([growing, night]));
    expect(r.pools[0]!.monthlyUsd).toBeCloseTo(730, 6);
    const [chat, batch] = r.workloads;
    for (let m = 1; m <= 12; m++) {
      const g = 1.05 ** (m - 1);
      expect(chat!.usdByMonth[m - 1]).toBeCloseTo((730 * g) / (g + 1), 6);
      expect(batch!.usdByMonth[m - 1]).toBeCloseTo(730 / (g + 1), 6);
      expect(r.usdByMonth[m - 1]).toBeCloseTo(730, 6);
    }
    expect(r.tcoUsd).toBeCloseTo(8760, 6);
    expect(chat!.tcoUsd + batch!.tcoUsd).toBeCloseTo(8760, 6);
  });

  it('an experiment past its time box leaves the pool: the rest pays what the pool costs then', () => {
    // Both 09–21 on one L4 ($730, demands added before rounding): $365 each for 6 months. From
    // month 7 the chatbot is alone on its L4 and pays all $730 (it would pay $365 a month for an
    // L4 nobody else uses if the pool kept month 1's shares). 6 × 730 + 6 × 730 = $8,760.
    const boxed = dailyWorkload('other', 'data', 9, 12, 2000, {
      stage: 'experiment',
      timeBoxMonths: 6,
    });
    const r = run(portfolioFile([day, boxed]));
    const [chat, other] = r.workloads;
    expect(chat!.usdByMonth.slice(0, 6).every((x) => Math.abs(x - 365) < 1e-6)).toBe(true);
    expect(chat!.usdByMonth.slice(6).every((x) => Math.abs(x - 730) < 1e-6)).toBe(true);
    expect(other!.usdByMonth.slice(6).every((x) => x === 0)).toBe(true);
    expect(other!.tcoUsd).toBeCloseTo(6 * 365, 6);
    expect(r.tcoUsd).toBeCloseTo(8760, 6);
  });

  it('workloads at the same hours gain nothing from a shared fixed fleet beyond whole replicas', () => {
    // Both 09–21: each still needs its replica then, but the two fit one replica's rate, so the
    // pool is one L4 (their demands add before rounding): $730 instead of $1,460.
    const other = dailyWorkload('other', 'data', 9, 12, 2000, { stage: 'experiment' });
    const r = run(portfolioFile([day, other]));
    expect(r.pools[0]?.pooledSavingUsd).toBeCloseTo(730, 6);
  });

  it('keeps one production reserve for the pool, not one per member', () => {
    // Production by day keeps N+1: apart, 1 + 1 = 2 L4s all month, $1,460; the nightly
    // experiment 1 L4, $730: $2,190. Together: one replica serves whoever is active, plus the
    // production spare (the largest reserve of the members): 2 L4s all week, $1,460. Saving $730.
    const prod = dailyWorkload('prod', 'support', 9, 12, 2000, { stage: 'production' });
    const r = run(portfolioFile([prod, night]));
    const pool = r.pools[0]!;
    expect(pool.separateMonthlyUsd).toBeCloseTo(2190, 6);
    expect(pool.monthlyUsd).toBeCloseTo(1460, 6);
    expect(pool.pooledSavingUsd).toBeCloseTo(730, 6);
    expect(pool.gpus).toBe(2);
  });

  it('is not formed when a member cannot hold the strictest SLO of the pool', () => {
    // The chatbot asks TTFT ≤ 1 s of 1,000-token prompts; the nightly job reads 24,000-token
    // documents with TTFT ≤ 60 s. Alone each meets its own; a shared replica would have to give
    // the long prompts the chatbot's 1 s, which prefill on an L4 cannot: no pool.
    const strict = dailyWorkload('chatbot', 'support', 9, 12, 2000, {
      stage: 'experiment',
      slo: { ttftMs: 1000 },
    });
    const long = dailyWorkload('nightly', 'data', 21, 12, 2000, {
      stage: 'experiment',
      inputTokens: { mean: 24_000 },
      slo: { ttftMs: 60_000 },
    });
    const r = run(portfolioFile([strict, long]));
    expect(r.workloads.map((w) => w.candidateId)).toEqual([
      r.workloads[0]!.candidateId,
      r.workloads[0]!.candidateId,
    ]);
    expect(r.workloads[1]!.candidate!.ttftMs!).toBeGreaterThan(1000);
    expect(r.pools).toHaveLength(0);
  });

  it('is not formed when pooling is off', () => {
    const r = run(portfolioFile([day, night], { pooling: { enabled: false } }));
    expect(r.pools).toHaveLength(0);
    expect(r.totalMonthlyUsd).toBe(1460);
  });

  it('a production workload gets its reserve and an experiment does not', () => {
    const prod = dailyWorkload('prod', 'support', 9, 12, 2000, { stage: 'production' });
    const r = run(portfolioFile([prod, night], { pooling: { enabled: false } }));
    const [p, x] = r.workloads;
    // Production keeps one spare replica (N+1): a fixed fleet of 1 + 1 = 2 L4s, 2 × 730 = $1,460.
    expect(p!.candidate?.selfHost?.reserveReplicas).toBe(1);
    expect(p!.monthlyUsd).toBeCloseTo(1460, 6);
    // The experiment keeps none: one L4, $730.
    expect(x!.candidate?.selfHost?.reserveReplicas).toBe(0);
    expect(x!.monthlyUsd).toBeCloseTo(730, 6);
  });
});

describe('showback', () => {
  it('allocates whole cents that add up to the total (largest remainder)', () => {
    // $1 in thirds: 33.33… cents each; floors 33 + 33 + 33 = 99, the lost cent goes to the first.
    expect(largestRemainderCents([1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
    // $0.29 + $0.29 + $0.42 = $1.00 exactly; no cent moves.
    expect(largestRemainderCents([0.29, 0.29, 0.42])).toEqual([29, 29, 42]);
    // 10.005 + 10.005 = 20.01: floors 1000 + 1000, the lost cent to the first remainder.
    expect(largestRemainderCents([10.005, 10.005])).toEqual([1001, 1000]);
  });

  it("rounds a pool's lines to the pool's own cents, so its sharing adds up to its bill", () => {
    // Two lines of a pool at 0.6 cents each (1.2 cents in all) and one of a lone workload at 0.6:
    // 1.8 cents, shown as 2. Rounded all together the pool's lines would take both cents (ties go
    // to the earlier), 2 cents for 1.2; the pool as one amount (1.2) beside the lone line (0.6)
    // takes 1 and the lone line the other, and the pool's cent goes to its first line.
    const line = (workloadId: string, poolId: string | null): SpendLine => ({
      workloadId,
      owner: 'ops',
      tags: [],
      stage: 'production',
      vendor: 'x',
      placement: 'Rented GPUs',
      component: 'use',
      poolId,
      usd: 0.006,
    });
    const sb = showback([line('a', 'pool-1'), line('b', 'pool-1'), line('c', null)]);
    expect(sb.rows.map((r) => r.cents)).toEqual([1, 0, 1]);
    expect(sb.totalCents).toBe(2);
    // Given the cents to reach, the largest remainders take them.
    expect(largestRemainderCents([0.006, 0.006], 1)).toEqual([1, 0]);
  });

  // Three workloads whose shares of a $730 pool do not come out in whole cents: 2,000, 3,000 and
  // 1,000 requests a day on one fixed L4 (each alone is $730 too, so the pool saves $1,460).
  const three = () => [
    dailyWorkload('a', 'support', 9, 12, 2000, { stage: 'experiment' }),
    { ...dailyWorkload('b', 'data', 21, 12, 3000, { stage: 'experiment' }), tags: ['etl', 'eu'] },
    { ...dailyWorkload('c', 'data', 9, 12, 1000, { stage: 'experiment' }), tags: ['etl'] },
  ];
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

  for (const rule of ['proportional', 'owner', 'unallocated'] as const) {
    it(`adds up to the portfolio total to the cent with idle ${rule}`, () => {
      const r = run(
        portfolioFile(three(), {
          pooling: {
            idleAllocation: rule,
            ...(rule === 'owner' ? { idleOwner: 'data' } : {}),
          },
        }),
      );
      const pool = r.pools[0]!;
      expect(pool.monthlyUsd).toBeCloseTo(730, 6);
      const sb = r.showback;
      // Every view adds up to the total, $730.00 = 73,000 cents.
      expect(sb.totalCents).toBe(73_000);
      expect(r.totalMonthlyUsd).toBe(730);
      for (const view of [
        sb.byWorkload,
        sb.byOwner,
        sb.byTag,
        sb.byStage,
        sb.byVendor,
        sb.byPlacement,
      ])
        expect(sum(view)).toBe(73_000);
      expect(sb.rows.reduce((a, row) => a + row.cents, 0)).toBe(73_000);
      // Use is by GPU-seconds: the three workloads' requests are all the same size, so their
      // shares of the used seconds are 2 : 3 : 1 of the used part of $730.
      const use = Object.fromEntries(pool.allocation.map((a) => [a.workloadId, a.useUsd]));
      expect(use['a']! / use['c']!).toBeCloseTo(2, 9);
      expect(use['b']! / use['c']!).toBeCloseTo(3, 9);
      const idle = pool.idleUsd;
      expect(idle).toBeCloseTo(730 - use['a']! - use['b']! - use['c']!, 6);
      const allocated = r.workloads.map((w) => w.allocatedIdleUsd);
      if (rule === 'proportional') {
        // Idle follows use: a carries 2/6 of it.
        expect(allocated[0]).toBeCloseTo((idle * 2) / 6, 6);
      } else if (rule === 'owner') {
        // The data team's members (b and c, 3 : 1) carry all of it; support's a carries none.
        expect(allocated[0]).toBe(0);
        expect(allocated[1]).toBeCloseTo((idle * 3) / 4, 6);
      } else {
        // Nobody carries it: a line of its own.
        expect(allocated).toEqual([0, 0, 0]);
        expect(sb.byWorkload['(idle, unallocated)']).toBe(Math.round(idle * 100));
      }
    });
  }
});

describe('budgets', () => {
  it('a budget with 5 % a month growth is first crossed in the month a hand calculation gives', () => {
    // 1M requests a month on the API: 1M × (1,000 × $0.60 + 100 × $3) / 1M tokens = $900 in
    // month 1, × 1.05 each month after. Budget $1,200 with alerts at 80 % ($960) and 100 %:
    // month 2 $945, month 3 $992.25 > $960 → 80 % in month 3;
    // month 6 $900 × 1.05⁵ = $1,148.65, month 7 $900 × 1.05⁶ = $1,206.09 > $1,200 → month 7.
    const growing = {
      id: 'rag',
      name: 'RAG',
      owner: 'search',
      workload: {
        requests: { count: 1_000_000, per: 'month' as const },
        inputTokens: { mean: 1000 },
        outputTokens: { mean: 100 },
        monthlyGrowthPct: 5,
      },
    };
    // A flat workload of the same team: $90 a month (100k requests); it grows nothing, so the
    // crossing's driver is the RAG search. The team's budget covers both: $1,200 − $90 = $1,110
    // for RAG: month 6 $1,148.65 > $1,110 (month 5 $1,093.96 is not): the team crosses in month 6.
    const flat = {
      id: 'faq',
      name: 'FAQ',
      owner: 'search',
      workload: {
        requests: { count: 100_000, per: 'month' as const },
        inputTokens: { mean: 1000 },
        outputTokens: { mean: 100 },
      },
    };
    const r = run(
      portfolioFile([growing, flat], {
        candidates: [API_CANDIDATE],
        budgets: [
          { workloadId: 'rag', monthlyUsd: 1200 },
          { owner: 'search', monthlyUsd: 1200 },
        ],
      }),
    );
    const [own, team] = r.budgets;
    expect(own!.usdByMonth[0]).toBeCloseTo(900, 6);
    expect(own!.usdByMonth[6]).toBeCloseTo(900 * 1.05 ** 6, 6);
    expect(own!.crossings).toEqual([
      { threshold: 0.8, month: 3, driverId: 'rag' },
      { threshold: 1, month: 7, driverId: 'rag' },
    ]);
    expect(team!.firstBreachMonth).toBe(6);
    expect(team!.crossings[1]).toEqual({ threshold: 1, month: 6, driverId: 'rag' });
    const rag = r.workloads.find((w) => w.id === 'rag')!;
    expect(rag.budgetUsd).toBe(1200);
    // Its own budget in month 7, its team's in month 6: the first is month 6.
    expect(rag.firstBreachMonth).toBe(6);
  });

  it('checks unit-economics targets per workload', () => {
    // $900 a month for 1M requests: $0.90 per 1k requests; at 60 % success, $0.0015 per outcome.
    const r = run(
      portfolioFile(
        [
          {
            id: 'rag',
            name: 'RAG',
            workload: {
              requests: { count: 1_000_000, per: 'month' },
              inputTokens: { mean: 1000 },
              outputTokens: { mean: 100 },
            },
            value: { successRate: 0.6 },
            unitTargets: { usdPer1kRequests: 1, usdPerSuccessfulOutcome: 0.001 },
          },
        ],
        { candidates: [API_CANDIDATE] },
      ),
    );
    const [per1k, perOutcome] = r.workloads[0]!.unitTargets;
    expect(per1k).toMatchObject({ actualUsd: expect.closeTo(0.9, 9), met: true });
    expect(perOutcome).toMatchObject({ actualUsd: expect.closeTo(0.0015, 9), met: false });
  });
});

describe('a budget that covers nothing', () => {
  it('says why it can never alert, with the team it was probably meant for', () => {
    // The team is "support"; a budget for "Support " (a capital, a space the file trims) covers
    // no workload.
    const r = run(
      portfolioFile([day, night], {
        budgets: [
          { owner: 'Support ', monthlyUsd: 100 },
          { owner: 'marketing', monthlyUsd: 100 },
          { owner: 'support', monthlyUsd: 100 },
        ],
      }),
    );
    const [typo, other, right] = r.budgets;
    expect(typo!.note).toBe(
      "no workload belongs to team 'Support' (did you mean 'support'?): this budget watches $0 and never alerts",
    );
    expect(other!.note).toBe(
      "no workload belongs to team 'marketing' (the teams: 'support', 'data'): this budget watches $0 and never alerts",
    );
    expect(typo!.usdByMonth.every((x) => x === 0)).toBe(true);
    expect(right!.note).toBeNull();
  });
});
