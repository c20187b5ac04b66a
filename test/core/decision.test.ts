import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  changePhrases,
  crossingPhrase,
  explain,
  objectiveValue,
  type Alternative,
} from '../../core/decision/explain.ts';
import { EXCLUSION_CODES, exclusionCode } from '../../core/decision/exclusions.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { twoChoices } from '../support/decision-fixtures.ts';

const seed = readSeed();
const catalog = { ...seed, discounts: [] };

function evaluate(s: Scenario) {
  const e = evaluateScenario(catalog, s);
  if (!e.ok) throw new Error(e.error);
  return e;
}

describe('the objective', () => {
  it('by default recommends the lowest 36-month cost, though another is cheaper a month', () => {
    const e = evaluate(twoChoices());
    const [api, cloud] = [e.result.row(0), e.result.row(1)];
    expect(api.monthlyUsd).toBeCloseTo(900, 6);
    expect(cloud.monthlyUsd).toBeCloseTo(730, 6);
    expect(cloud.selfHost?.gpusPeak).toBe(1);
    // 36-month cost: setup + 36 × monthly. API 5,000 + 32,400 = 37,400; GPU 40,000 + 26,280 = 66,280.
    expect(api.tcoUsd).toBeCloseTo(37_400, 4);
    expect(cloud.tcoUsd).toBeCloseTo(66_280, 4);
    expect(e.result.row(e.result.recommended).id).toBe(api.id);
    expect(api.rank).toBe(1);
    expect(cloud.rank).toBe(2);
  });

  it('`monthly` recommends the lowest run rate instead', () => {
    const e = evaluate(twoChoices({ objective: 'monthly' }));
    expect(e.result.row(e.result.recommended).id).toBe(e.result.row(1).id);
    expect(e.result.row(e.result.recommended).monthlyUsd).toBeCloseTo(730, 6);
  });

  it('`perOutcome` divides the horizon cost by the successful outcomes served in it', () => {
    // 80 % success, the API launches after 4.345 weeks (one month): 35 months served.
    // Outcomes 35 × 1M × 0.8 = 28M; cost 5,000 + 35 × 900 = 36,500 → $0.00130357 per outcome.
    const weeks = 365 / 7 / 12;
    const e = evaluate(
      twoChoices({
        objective: 'perOutcome',
        value: {
          successRate: 0.8,
          setupUsd: { api: 5_000, cloud: 40_000, onprem: 0 },
          weeksToLaunch: { api: weeks, cloud: 0, onprem: 0 },
          horizonMonths: 36,
        },
      }),
    );
    const api = e.result.row(0);
    expect(api.tcoUsd).toBeCloseTo(36_500, 4);
    expect(api.perOutcomeUsd).toBeCloseTo(36_500 / 28e6, 12);
  });

  it('`npv` needs a value per request, and says so by field', () => {
    const parsed = parseScenario({ ...twoChoices(), objective: 'npv', value: {} });
    expect(parsed).toEqual({
      ok: false,
      error: 'objective: the npv objective needs a value per request (value.perRequest)',
    });
  });

  it('with no value per request there is no ROI, but there is a horizon cost', () => {
    const e = evaluate(twoChoices());
    const api = e.result.row(0);
    expect(api.roi).toBeNull();
    expect(Number.isNaN(e.result.columns.npvUsd[1])).toBe(true);
    expect(api.tcoUsd).not.toBeNull();
  });
});

describe('why this one', () => {
  it('names the runner-up, the difference per component, and the setup at which it would win', () => {
    const e = evaluate(twoChoices());
    const why = explain(e, { breakEven: true });
    expect(why.recommended?.id).toBe('api:test/api');
    const runnerUp = why.alternatives.find((a) => a.role === 'runner-up')!;
    expect(runnerUp.kind).toBe('cloud');
    // Gap 66,280 − 37,400 = 28,880; it would tie with setup 40,000 − 28,880 = 11,120.
    expect(runnerUp.gap).toBeCloseTo(28_880, 4);
    expect(runnerUp.setupToWinUsd).toBeCloseTo(11_120, 4);
    // Per component: setup +35,000 once; tokens −300 input, −300 output... GPU time appears.
    const setup = runnerUp.components.find((c) => c.key === 'setupUsd')!;
    expect(setup.deltaUsd).toBe(35_000);
    expect(runnerUp.components.find((c) => c.key === 'inputUsd')!.deltaUsd).toBeCloseTo(-600, 6);
    expect(runnerUp.components.find((c) => c.key === 'outputUsd')!.deltaUsd).toBeCloseTo(-300, 6);
    // Horizon break-even: 5,000 + 36 × 0.0009 × v = 40,000 + 26,280 → v = 61,280 / 0.0324.
    // (The one-replica fleet holds up to well past it.)
    expect(runnerUp.crossings).toHaveLength(1);
    expect(runnerUp.crossings[0]!.requestsPerMonth).toBeCloseTo(61_280 / 0.0324, -1);
    expect(runnerUp.crossings[0]!.cheaperAbove).toBe('b');
    expect(why.sentences[0]).toBe(
      'Test · llama-3.1-8b is recommended: the lowest 36-month cost of 2 feasible candidates, $37,400 ($5,000 setup + $900.00 a month over 36 months).'.replace(
        'Test · llama-3.1-8b',
        e.result.row(0).label,
      ),
    );
    expect(why.sentences[1]).toContain('with setup below $11,120 (now $40,000)');
  });

  it('names the utilization at which a fleet would win apart from its own, never "10% (now 10%)"', () => {
    // The chatbot story's runner-up: GPU time $228.43 of $2,260.66 paid (10.10 %); a gap of
    // $2,207.45 over 36 months is $61.32 a month, so it ties when paid = 2,260.66 − 61.32 =
    // 2,199.34: 228.43 ÷ 2,199.34 = 10.39 %. Whole percents read 10% and 10%: one decimal apart.
    const fleet: Alternative = {
      role: 'runner-up',
      id: 'cloud:test',
      label: 'a rented fleet',
      kind: 'cloud',
      objectiveValue: 229_439,
      gap: 2_207,
      monthlyUsd: 5_472,
      tcoUsd: 229_439,
      setupUsd: 40_000,
      components: [],
      crossings: [],
      requestsPerMonth: 1_216_667,
      setupToWinUsd: null,
      utilizationToWin: null,
      utilization: null,
    };
    const at = (utilizationToWin: number, utilization: number) =>
      changePhrases({ ...fleet, utilizationToWin, utilization });
    expect(at(228.43 / 2_199.34, 228.43 / 2_260.66)).toEqual([
      'at 10.4% GPU utilization (now 10.1%)',
    ]);
    // Far apart, whole percents: 0.62 and 0.35.
    expect(at(0.62, 0.35)).toEqual(['at 62% GPU utilization (now 35%)']);
    // Two decimals at most: 0.100041 and 0.100012 → 10.00% and 10.00%, said as they are.
    expect(at(0.100041, 0.100012)).toEqual(['at 10.00% GPU utilization (now 10.00%)']);
  });
});

describe('the volumes at which an alternative would win', () => {
  it('reads a narrow window with the digits that tell its ends apart, never "between X and X"', () => {
    // examples/commitments.json's runner-up (two rented fleets, step costs) wins in windows as
    // narrow as 1,302,400,000–1,303,100,000 requests a month: at three significant figures both
    // ends read 1,300,000,000. Four figures tell them apart: 1,302,000,000 and 1,303,000,000.
    const crossings = [
      { requestsPerMonth: 9_694_321, cheaperAbove: 'a' as const },
      { requestsPerMonth: 22_712_000, cheaperAbove: 'b' as const },
      { requestsPerMonth: 29_081_000, cheaperAbove: 'a' as const },
      { requestsPerMonth: 1_302_400_000, cheaperAbove: 'b' as const },
      { requestsPerMonth: 1_303_100_000, cheaperAbove: 'a' as const },
    ];
    const fleet: Alternative = {
      role: 'runner-up',
      id: 'cloud:test',
      label: 'a rented fleet',
      kind: 'cloud',
      objectiveValue: 2_880_906,
      gap: 69_242,
      monthlyUsd: 78_914,
      tcoUsd: 2_880_906,
      setupUsd: 40_000,
      components: [],
      crossings,
      requestsPerMonth: 91_250_000,
      setupToWinUsd: null,
      utilizationToWin: null,
      utilization: null,
    };
    // Below the first crossing (9,694,321 → 9,690,000) the alternative (b) is cheaper; then from
    // 22,712,000 (22,700,000) to 29,081,000 (29,100,000); then the narrow window.
    expect(changePhrases(fleet)).toEqual([
      'below 9,690,000 or between 22,700,000 and 29,100,000 or between 1,302,000,000 and 1,303,000,000 requests a month',
    ]);
  });

  it('names the four windows nearest today and counts the rest, so a fleet’s steps do not fill it', () => {
    // Today 91,250,000 a month. Windows where b is cheaper: below 9,690,000; 22.7M–29.1M;
    // 45.3M–48.4M; 120M–130M; 1.31G–1.32G; 2.0G–2.1G; above 5.7G. Distances from today as a
    // ratio of volumes: 9.4×, 3.1×, 1.9×, 1.3×, 14×, 22×, 62× — the nearest four are the first
    // four windows in volume order; the last three are counted, spanning 1.31G and up.
    const at = (v: number, cheaperAbove: 'a' | 'b') => ({ requestsPerMonth: v, cheaperAbove });
    const crossings = [
      at(9_694_321, 'a'),
      at(22_712_000, 'b'),
      at(29_081_000, 'a'),
      at(45_300_000, 'b'),
      at(48_400_000, 'a'),
      at(120_000_000, 'b'),
      at(130_000_000, 'a'),
      at(1_310_000_000, 'b'),
      at(1_320_000_000, 'a'),
      at(2_000_000_000, 'b'),
      at(2_100_000_000, 'a'),
      at(5_700_000_000, 'b'),
    ];
    expect(crossingPhrase(crossings, 91_250_000)).toBe(
      'below 9,690,000 or between 22,700,000 and 29,100,000 or between 45,300,000 and 48,400,000 or between 120,000,000 and 130,000,000 requests a month (and in 3 more windows above 1,310,000,000)',
    );
    // Today at 3,000,000,000: the nearest are 2.0G–2.1G (1.4×), 1.31G–1.32G (2.3×), above 5.7G
    // (1.9×) and 120M–130M (23×); the three lowest windows are counted, all below 48,400,000.
    expect(crossingPhrase(crossings, 3_000_000_000)).toBe(
      'between 120,000,000 and 130,000,000 or between 1,310,000,000 and 1,320,000,000 or between 2,000,000,000 and 2,100,000,000 or above 5,700,000,000 requests a month (and in 3 more windows below 48,400,000)',
    );
  });
});

describe('nothing is dropped silently', () => {
  const chatbot = Scenario.parse({
    schemaVersion: 1,
    name: 'quality floor',
    workload: {
      requests: { count: 40_000, per: 'day' },
      inputTokens: { mean: 3000, p95: 6000 },
      outputTokens: { mean: 400, p95: 900 },
      residency: ['eu'],
      slo: { ttftMs: 1500 },
      minQuality: { benchmark: 'lmarena-text', score: 1288 },
    },
    sweep: { api: {}, cloud: { regionChoice: 'cheapest' }, onprem: {} },
  });

  it('every exclusion is counted: feasible plus the counts is every candidate', () => {
    const e = evaluate(chatbot);
    const why = explain(e);
    const excluded = why.exclusions.reduce((sum, x) => sum + x.count, 0);
    expect(why.feasibleCount + excluded).toBe(why.candidateCount);
    expect(why.exclusions.find((x) => x.code === 'quality-unknown')!.count).toBeGreaterThan(0);
  });

  it('every reason the engine writes falls in a named category', () => {
    const e = evaluate(chatbot);
    const c = e.result.columns;
    const uncategorized = new Set<string>();
    for (let i = 0; i < c.size; i++) {
      for (const r of c.reasons[i] ?? []) if (exclusionCode(r) === 'other') uncategorized.add(r);
    }
    expect([...uncategorized]).toEqual([]);
    expect(EXCLUSION_CODES).toContain('quality-unknown');
  });

  it('a model with no score is `unknown`: excluded and counted, or included with a note', () => {
    const out = evaluate(chatbot);
    const unknownRow = out.result.rankedRows().find((r) => r.qualityStatus === 'unknown')!;
    expect(unknownRow.feasible).toBe(false);
    expect(unknownRow.reasons).toContain(
      'no LMArena text (2025-08-04) score to check the minimum quality',
    );

    const withUnknown = Scenario.parse({
      ...chatbot,
      workload: {
        ...chatbot.workload,
        minQuality: { ...chatbot.workload.minQuality!, includeUnknown: true },
      },
    });
    const included = evaluate(withUnknown);
    const same = included.result.row(included.result.indexOf(unknownRow.id));
    expect(same.qualityStatus).toBe('unknown');
    expect(same.reasons).not.toContain(
      'no LMArena text (2025-08-04) score to check the minimum quality',
    );
    expect(same.warnings).toContain(
      'quality unknown: no LMArena text (2025-08-04) score (included)',
    );
    expect(included.result.feasibleCount).toBeGreaterThan(out.result.feasibleCount);
  });

  it('says when one out only for an unknown would beat the pick, and by how much', () => {
    // A TTFT SLO the API has no figure for: it is out, the GPU ($66,280 over 36 months) is the
    // pick; the API would cost $37,400 — $28,880 less — were its latency known to pass.
    const slo = { ttftMs: 1000 };
    const e = evaluate(twoChoices({ workload: { ...twoChoices().workload, slo } }));
    const why = explain(e);
    const api = e.result.row(0);
    expect(why.recommended?.id).toBe(e.result.row(1).id);
    expect(why.bestUnknown).toEqual({
      id: api.id,
      label: api.label,
      objectiveValue: api.tcoUsd,
      unknown: 'latency',
      advantage: 66_280 - 37_400,
    });
    expect(why.sentences.at(-1)).toContain(
      `The best of them is ${api.label}: $37,400 (36-month cost), $28,880 less than the pick, out only for no latency figure.`,
    );
    // By the monthly run rate the GPU ($730) already beats it ($900): nothing to say.
    const monthly = explain(
      evaluate(twoChoices({ objective: 'monthly', workload: { ...twoChoices().workload, slo } })),
    );
    expect(monthly.bestUnknown).toBeNull();
    expect(monthly.sentences.at(-1)).not.toContain('The best of them');
  });

  it('finds the best of a full sweep out only for unknowns as a search over its rows would', () => {
    // Chosen on the sweep's columns, only the winner's row built: the same candidate and numbers
    // as building every row out only for unknowns and taking the best by the objective.
    const parsed = parseScenario(JSON.parse(readFileSync('examples/chatbot.json', 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    for (const objective of ['tco', 'monthly', 'perOutcome'] as const) {
      const e = evaluate({ ...parsed.scenario, objective });
      const why = explain(e);
      let best: { id: string; value: number } | null = null;
      for (let i = 0; i < e.result.columns.size; i++) {
        const row = e.result.row(i);
        if (row.feasible || row.reasons.length === 0) continue;
        const codes = row.reasons.map((r) => exclusionCode(r));
        if (!codes.every((c) => c === 'quality-unknown' || c === 'latency-unknown')) continue;
        const value = objectiveValue(row, objective);
        if (value === null || !Number.isFinite(value)) continue;
        if (best === null || value < best.value) best = { id: row.id, value };
      }
      const rec = why.recommended?.objectiveValue ?? null;
      const expected = best === null || (rec !== null && rec - best.value <= 0) ? null : best;
      expect(why.bestUnknown?.id ?? null, objective).toBe(expected?.id ?? null);
      if (expected !== null) expect(why.bestUnknown?.objectiveValue).toBe(expected.value);
    }
    expect(explain(evaluate(parsed.scenario)).bestUnknown).not.toBeNull();
  });

  it('takes the cheapest out only for an unknown, not the first', () => {
    // Two APIs with no latency figure against a TTFT SLO: $1.20/$6 per MTok listed first ($1,800
    // a month: 1M × (1,000 × 1.2 + 100 × 6) ÷ 1M), $0.60/$3 second ($900). The GPU ($730 a
    // month, $40,000 setup: $66,280 over 36 months) is the pick; the second API ($5,000 + 36 ×
    // $900 = $37,400) is the one that would beat it.
    const base = twoChoices();
    const cheaper = base.catalog!.offerings![0]!;
    const dearer = { ...cheaper, id: 'test/dearer', usdPerMTok: { input: 1.2, output: 6 } };
    const e = evaluate(
      twoChoices({
        workload: { ...base.workload, slo: { ttftMs: 1000 } },
        catalog: { ...base.catalog, offerings: [dearer, cheaper] },
        candidates: [{ kind: 'api', offeringId: 'test/dearer' }, ...base.candidates!],
      }),
    );
    const why = explain(e);
    expect(why.bestUnknown?.id).toBe(e.result.row(1).id);
    expect(why.bestUnknown?.objectiveValue).toBeCloseTo(5_000 + 36 * 900, 6);
  });

  it('an API without a latency figure is never a silent pass of the SLO', () => {
    const e = evaluate(
      twoChoices({ workload: { ...twoChoices().workload, slo: { ttftMs: 1000 } } }),
    );
    const api = e.result.row(0);
    expect(api.latencyStatus).toBe('unknown');
    expect(api.feasible).toBe(false);
    expect(api.reasons).toEqual([
      'latency unknown: no published or measured figure to check the SLO',
    ]);
    const cloud = e.result.row(1);
    expect(cloud.latencyStatus).toBe('pass');

    const included = evaluate(
      twoChoices({
        workload: { ...twoChoices().workload, slo: { ttftMs: 1000, includeUnknown: true } },
      }),
    );
    const apiIncluded = included.result.row(0);
    expect(apiIncluded.feasible).toBe(true);
    expect(apiIncluded.latencyStatus).toBe('unknown');
    expect(apiIncluded.warnings).toContain(
      'latency unknown: no published or measured figure to check the SLO (included)',
    );
  });

  it('a measured latency is used over a published one, and said to be yours', () => {
    const s = twoChoices({ workload: { ...twoChoices().workload, slo: { ttftMs: 1000 } } });
    const measured = [
      {
        offeringId: 'test/api',
        kind: 'published',
        ttftMs: 1200,
        source: 'a benchmark',
        asOf: '2026-10-01',
      },
      {
        offeringId: 'test/api',
        kind: 'measured',
        ttftMs: 700,
        outputTokPerS: 80,
        source: 'our load test',
        asOf: '2026-09-01',
      },
    ] as const;
    const e = evaluateScenario({ ...catalog, latency: [...measured] }, s);
    if (!e.ok) throw new Error(e.error);
    const api = e.result.row(0);
    expect(api.ttftMs).toBe(700);
    expect(api.api?.latencySource).toBe('measured');
    expect(api.latencyStatus).toBe('pass');
    expect(api.feasible).toBe(true);
  });
});
