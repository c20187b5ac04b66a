import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { Scenario, type ScenarioInput } from '../../core/schema/scenario.ts';
import type { UncertaintyInput } from '../../core/schema/uncertainty.ts';
import { paybackBands, volumeBands } from '../../core/uncertainty/bands.ts';
import { INPUTS, uncertainInput } from '../../core/uncertainty/inputs.ts';
import { keepRangesConsistent } from '../../core/uncertainty/reconcile.ts';
import { simulationSetup } from '../../core/uncertainty/setup.ts';
import { simulate, type UncertaintyResult } from '../../core/uncertainty/simulate.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { portfolioOfOne } from '../../core/portfolio/derive.ts';
import { ONE_L4 } from '../support/portfolio-fixtures.ts';

const catalog = { ...readSeed(), discounts: [] };
const DAYS_PER_MONTH = 365 / 12;

const apiOffering = (id: string, input: number, output: number) => ({
  id,
  provider: 'test',
  modelId: 'llama-3.1-8b',
  residency: 'global',
  usdPerMTok: { input, output },
  source: 'test',
  asOf: '2026-11-01',
});

/**
 * Hosted APIs whose cost is linear in volume (no prompt cache, no tiers): 1,000 prompt tokens at
 * $1/MTok + 500 output tokens at $2/MTok = $0.001 + $0.001 = $0.002 a request. A rented L4 with a
 * fixed single replica ($1/hour, 730 h = $730 a month; $0.60 on a 1-year commitment) as a
 * self-hosted candidate, with no running costs or reserve. No setup, no launch delay, a 12-month
 * horizon: horizon cost = 12 × monthly.
 */
function scenario(
  uncertainty: UncertaintyInput | undefined,
  over: Partial<ScenarioInput> = {},
  requestsPerDay = 40_000,
) {
  return Scenario.parse({
    schemaVersion: 1,
    name: 'uncertainty test',
    workload: {
      requests: { count: requestsPerDay, per: 'day' },
      inputTokens: { mean: 1000 },
      outputTokens: { mean: 500 },
    },
    value: { horizonMonths: 12, perRequest: { kind: 'revenue', usdPerRequest: 0.01 } },
    // The GPU's running costs and reserve are set to nothing: its cost is the GPU-hours alone.
    operations: {
      staff: { fte: { cloud: 0, onprem: 0 }, ftePerOwnedGpu: 0 },
      storageUsdPerGBMonth: 0,
      egressUsdPerGB: 0,
      monitoringUsdPerHostMonth: 0,
      availability: { reserveReplicas: 0 },
    },
    catalog: {
      offerings: [
        apiOffering('test/linear', 1, 2),
        apiOffering('test/twin', 1, 2),
        apiOffering('test/dear', 2, 4),
      ],
      instances: [{ ...ONE_L4, usdPerHour: { onDemand: 1, commit1y: 0.6 } }],
    },
    candidates: [
      { kind: 'api', offeringId: 'test/linear' },
      { kind: 'api', offeringId: 'test/dear' },
      {
        kind: 'cloud',
        instanceId: 'test/one-l4',
        modelId: 'llama-3.1-8b',
        scaling: 'fixed',
        minReplicas: 1,
      },
    ],
    ...(uncertainty === undefined ? {} : { uncertainty }),
    ...over,
  });
}

function run(s: Scenario, overrides: { samples?: number; seed?: number } = {}) {
  const evaluation = evaluateScenario(catalog, s);
  if (!evaluation.ok) throw new Error(evaluation.error);
  const setup = simulationSetup(evaluation, s, overrides);
  if (!setup.ok) throw new Error(setup.error);
  return { evaluation, result: simulate(setup.setup) };
}

const byId = (r: UncertaintyResult, id: string) => {
  const c = r.candidates.find((x) => x.id.includes(id));
  if (c === undefined) throw new Error(`${id} not simulated`);
  return c.uncertainty;
};

describe('simulated futures', () => {
  const ranged: UncertaintyInput = {
    inputs: {
      volume: { low: 20_000, high: 120_000 },
      promptCacheHitRate: { low: 0, likely: 0, high: 0 },
      outputTokens: { low: 300, high: 900 },
    },
    priceChange: { api: { low: -0.3, high: 0 } },
  };

  it('are the same for the same seed, and differ for another', () => {
    const a = run(scenario(ranged), { samples: 300, seed: 7 }).result;
    const b = run(scenario(ranged), { samples: 300, seed: 7 }).result;
    const c = run(scenario(ranged), { samples: 300, seed: 8 }).result;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(byId(c, 'linear').tcoUsd).not.toEqual(byId(a, 'linear').tcoUsd);
    expect(a.samples).toBe(300);
    expect(a.seed).toBe(7);
  });

  it('with ranges of zero width give P10 = P50 = P90 = the point estimate', () => {
    const flat: UncertaintyInput = {
      inputs: {
        volume: { low: 40_000, high: 40_000 },
        promptTokens: { low: 1000, high: 1000 },
        outputTokens: { low: 500, high: 500 },
        apiSetupUsd: { low: 0, high: 0 },
      },
      priceChange: { cloud: { low: -0.2, high: -0.2 } },
    };
    const { evaluation, result } = run(scenario(flat), { samples: 200 });
    expect(result.candidates).toHaveLength(3);
    for (const c of result.candidates) {
      const row = evaluation.result.row(c.index);
      const u = c.uncertainty;
      for (const [spread, point] of [
        [u.monthlyUsd, row.monthlyUsd],
        [u.tcoUsd, row.tcoUsd],
        [u.npvUsd, row.roi?.npvUsd],
        [u.ttftMs, row.ttftMs],
      ] as const) {
        if (point === null || point === undefined) {
          expect(spread).toBeNull();
          continue;
        }
        expect(spread?.p10).toBeCloseTo(point, 6);
        expect(spread?.p50).toBeCloseTo(point, 6);
        expect(spread?.p90).toBeCloseTo(point, 6);
      }
    }
    // The rented GPU's point estimate already has its likely −20 % by the horizon's end:
    // 730 × Σ_m (1 − 0.2 (m − ½)/12) over 12 months = 730 × (12 − 0.2 × 6) = 730 × 10.8 = 7,884.
    expect(byId(result, 'one-l4').tcoUsd?.p50).toBeCloseTo(7_884, 6);
  });

  it('for a cost linear in volume, match the triangular distribution’s own quantiles', () => {
    // Volume triangular on 20k–40k–60k a day (symmetric about the point value 40k).
    // F(x) = (x − 20k)² / (40k × 20k) up to 40k, so the 10th percentile solves
    // (x − 20k)² = 0.1 × 8e8 = 8e7: x = 20,000 + 8,944.27 = 28,944.27 a day; by symmetry the
    // 90th is 60,000 − 8,944.27 = 51,055.73 and the median is 40,000.
    // Monthly cost = requests a day × 365/12 × $0.002:
    //   P10 28,944.27 × 30.4167 × 0.002 = $1,760.78; P50 $2,433.33; P90 $3,105.89.
    const symmetric: UncertaintyInput = {
      distribution: 'triangular',
      inputs: { volume: { low: 20_000, high: 60_000 } },
    };
    const { result } = run(scenario(symmetric), { samples: 1000 });
    const u = byId(result, 'linear');
    const perDay = (x: number) => x * DAYS_PER_MONTH * 0.002;
    const p10 = perDay(20_000 + Math.sqrt(0.1 * 40_000 * 20_000));
    const p90 = perDay(60_000 - Math.sqrt(0.1 * 40_000 * 20_000));
    expect(p10).toBeCloseTo(1760.78, 2);
    expect(p90).toBeCloseTo(3105.89, 2);
    const within2Pct = (actual: number | undefined, expected: number) =>
      expect(Math.abs((actual as number) / expected - 1)).toBeLessThan(0.02);
    within2Pct(u.monthlyUsd?.p50, perDay(40_000));
    within2Pct(u.monthlyUsd?.p10, p10);
    within2Pct(u.monthlyUsd?.p90, p90);
    // Horizon cost is 12 × monthly (no setup, no launch delay, no price change).
    within2Pct(u.tcoUsd?.p10, 12 * p10);
    within2Pct(u.tcoUsd?.p90, 12 * p90);
  });

  it('give win probabilities that sum to 1, ties split evenly', () => {
    // Two identical offerings tie in every future: each wins half of what either wins. The fixed
    // $730 GPU ($8,760 over 12 months) beats $0.002 a request once 12 × volume × 30.42 × 0.002
    // passes 8,760, at 12,000 a day: with volume 2k–8k–20k a day both kinds win some futures.
    const s = scenario(
      {
        inputs: { volume: { low: 2_000, high: 20_000 } },
        priceChange: { api: { low: -0.3, high: 0 } },
      },
      {
        candidates: [
          { kind: 'api', offeringId: 'test/linear' },
          { kind: 'api', offeringId: 'test/twin' },
          { kind: 'api', offeringId: 'test/dear' },
          {
            kind: 'cloud',
            instanceId: 'test/one-l4',
            modelId: 'llama-3.1-8b',
            scaling: 'fixed',
            minReplicas: 1,
          },
        ],
      },
      8_000,
    );
    const { result } = run(s, { samples: 400 });
    const total = result.candidates.reduce((sum, c) => sum + c.uncertainty.winProbability, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(byId(result, 'twin').winProbability).toBe(byId(result, 'linear').winProbability);
    expect(byId(result, 'dear').winProbability).toBe(0);
    expect(byId(result, 'one-l4').winProbability).toBeGreaterThan(0);
    expect(byId(result, 'linear').winProbability).toBeGreaterThan(0);
    expect(result.noWinnerShare).toBe(0);
  });

  it('pick a robust candidate by the lowest P90 horizon cost when asked', () => {
    const { result } = run(scenario({ ...ranged, recommendBy: 'robust' }), { samples: 300 });
    const p90s = result.candidates.map((c) => c.uncertainty.tcoUsd?.p90 ?? Infinity);
    const lowest = result.candidates[p90s.indexOf(Math.min(...p90s))];
    expect(result.robust?.id).toBe(lowest?.id);
    expect(result.recommendedId).toBe(lowest?.id);
    expect(result.tornado?.candidateId).toBe(lowest?.id);
  });
});

describe('price changes', () => {
  it('ramp in month by month, but a commitment keeps the price it was signed at', () => {
    // −40 % by the end of 12 months. On demand: 730 × Σ_m (1 − 0.4 (m − ½)/12) = 730 × (12 − 2.4)
    // = $7,008. On a 1-year commitment signed in month 1: every month pays month 1's price,
    // 1 − 0.4 × 0.5/12 = 0.98333, so 12 × 438 × 0.98333 = $5,168.40.
    const s = scenario(
      { priceChange: { cloud: { low: -0.4, high: -0.4 } } },
      {
        candidates: [
          { kind: 'cloud', instanceId: 'test/one-l4', modelId: 'llama-3.1-8b', scaling: 'fixed' },
          {
            kind: 'cloud',
            instanceId: 'test/one-l4',
            modelId: 'llama-3.1-8b',
            scaling: 'fixed',
            pricing: 'commit1y',
          },
        ],
      },
    );
    const evaluation = evaluateScenario(catalog, s);
    if (!evaluation.ok) throw new Error(evaluation.error);
    expect(evaluation.result.row(0).tcoUsd).toBeCloseTo(7_008, 6);
    expect(evaluation.result.row(1).tcoUsd).toBeCloseTo(12 * 438 * (1 - 0.4 / 24), 6);
  });
});

describe('the tornado', () => {
  const u: UncertaintyInput = {
    inputs: {
      volume: { low: 20_000, high: 60_000 },
      onpremSetupUsd: { low: 0, high: 500_000 },
      outputTokens: { low: 400, high: 600 },
    },
  };
  // Hosted APIs only: #1 at $0.002 a request, #2 at $0.004 (1,000 × $2 + 500 × $4 per MTok).
  const apis = scenario(u, {
    candidates: [
      { kind: 'api', offeringId: 'test/linear' },
      { kind: 'api', offeringId: 'test/dear' },
    ],
  });

  it('swings each input with the others at likely, widest first, no effect last at zero', () => {
    const { result } = run(apis, { samples: 100 });
    const t = result.tornado;
    expect(t?.candidateId).toContain('test/linear');
    // Requests over 12 months at 40k a day: 40,000 × 365/12 × 12 = 14.6M; × $0.002 = $29,200.
    // Volume 20k → 7.3M × 0.002 = $14,600; 60k → 21.9M × 0.002 = $43,800 (swing 29,200).
    // Output 400 → $0.001 + 400 × $2/MTok = $0.0018 × 14.6M = $26,280; 600 → $0.0022 → $32,120.
    expect(t?.baseUsd).toBeCloseTo(29_200, 6);
    expect(t?.bars.map((b) => b.input)).toEqual(['volume', 'outputTokens', 'onpremSetupUsd']);
    const [volume, output, setup] = t?.bars ?? [];
    expect(volume?.lowUsd).toBeCloseTo(14_600, 6);
    expect(volume?.highUsd).toBeCloseTo(43_800, 6);
    expect(output?.lowUsd).toBeCloseTo(26_280, 6);
    expect(output?.highUsd).toBeCloseTo(32_120, 6);
    // Owned-GPU setup does not touch a hosted API's cost: last, zero swing.
    expect(setup?.swingUsd).toBe(0);
    expect(setup?.lowUsd).toBe(setup?.highUsd);
  });

  it('for the gap between #1 and #2, measures #1’s lead under the objective', () => {
    // Lead = #2's horizon cost − #1's = ($0.004 − $0.002) × requests: at likely 14.6M × 0.002 =
    // $29,200; volume 20k → $14,600, 60k → $43,800; output 400 → (0.0036 − 0.0018) × 14.6M =
    // $26,280, 600 → (0.0044 − 0.0022) × 14.6M = $32,120.
    const { result } = run(apis, { samples: 100 });
    const gap = result.gapTornado;
    expect(gap?.measure).toBe('lead');
    expect(gap?.candidateId).toContain('test/linear');
    expect(gap?.versusId).toContain('test/dear');
    expect(gap?.baseUsd).toBeCloseTo(29_200, 6);
    const [volume, output, setup] = gap?.bars ?? [];
    expect([volume?.input, output?.input, setup?.input]).toEqual([
      'volume',
      'outputTokens',
      'onpremSetupUsd',
    ]);
    expect(volume?.lowUsd).toBeCloseTo(14_600, 6);
    expect(volume?.highUsd).toBeCloseTo(43_800, 6);
    expect(output?.lowUsd).toBeCloseTo(26_280, 6);
    expect(output?.highUsd).toBeCloseTo(32_120, 6);
    expect(setup?.swingUsd).toBe(0);
  });
});

describe('ranges in a scenario file', () => {
  const file = (uncertainty: unknown) => ({
    ...JSON.parse(JSON.stringify(scenario(undefined))),
    uncertainty,
  });

  it('are optional: a file without them reads as before', () => {
    const parsed = parseScenario(JSON.parse(JSON.stringify(scenario(undefined))));
    expect(parsed.ok && parsed.scenario.uncertainty).toBeUndefined();
  });

  it('are kept through a save and a read', () => {
    const parsed = parseScenario(file({ inputs: { volume: { low: 1, high: 50_000 } }, seed: 9 }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // Saved as the app saves it: a file of one workload.
    const again = parseScenario(JSON.parse(JSON.stringify(portfolioOfOne(parsed.scenario))));
    expect(again.ok && again.scenario.uncertainty?.inputs.volume).toEqual({
      low: 1,
      high: 50_000,
    });
    expect(again.ok && again.scenario.uncertainty?.seed).toBe(9);
  });

  it.each([
    [
      { volume: { low: 50_000, high: 20_000 } },
      'uncertainty.inputs.volume: low (50000) is above high (20000)',
    ],
    [
      { volume: { low: 50_000, high: 90_000 } },
      "uncertainty.inputs.volume: the scenario's workload.requests.count 40000 is outside low–high (50000–90000)",
    ],
    [
      { promptCacheHitRate: { low: 0.4, high: 1.2 } },
      'uncertainty.inputs.promptCacheHitRate.high: 1.2 is not allowed for workload.promptCache.hitRate',
    ],
    [
      { outputTokens: { low: 100, likely: 90, high: 900 } },
      'uncertainty.inputs.outputTokens.likely: 90 is outside low–high (100–900)',
    ],
    [
      { promptTokens: { low: 0, high: 900 } },
      'uncertainty.inputs.promptTokens.low: 0 is not allowed',
    ],
  ])('refuse a bad range, naming the field (%j)', (inputs, message) => {
    const parsed = parseScenario(file({ inputs }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it('refuse a value range when the scenario says no value per request', () => {
    const s = JSON.parse(JSON.stringify(scenario(undefined)));
    delete s.value.perRequest;
    const parsed = parseScenario({
      ...s,
      uncertainty: { inputs: { valuePerRequestUsd: { low: 0, high: 1 } } },
    });
    expect(!parsed.ok && parsed.error).toContain(
      'uncertainty.inputs.valuePerRequestUsd: the scenario states no value.perRequest',
    );
  });

  it('refuse a batch share that would pass 1 with the priority share', () => {
    const s = JSON.parse(JSON.stringify(scenario(undefined)));
    s.workload.priorityShare = 0.3;
    const parsed = parseScenario({
      ...s,
      uncertainty: { inputs: { batchShare: { low: 0, high: 0.8 } } },
    });
    expect(!parsed.ok && parsed.error).toContain(
      'uncertainty.inputs.batchShare.high: 0.8 plus the priority share 0.3 exceeds 1',
    );
  });

  it('refuse an unknown input by name', () => {
    const parsed = parseScenario(file({ inputs: { volumes: { low: 1, high: 2 } } }));
    expect(!parsed.ok && parsed.error).toContain('uncertainty.inputs');
    expect(!parsed.ok && parsed.error).toContain('volumes');
  });
});

describe('chart bands', () => {
  const candidates = (e: ReturnType<typeof run>['evaluation']) =>
    [0, 2].map((i) => ({ id: e.result.row(i).id, placement: e.result.row(i).placement }));
  const volumes = [100_000, 1_000_000, 10_000_000];

  it('collapse onto the chart’s own line when only volume (the axis) is uncertain', () => {
    const s = scenario({ inputs: { volume: { low: 20_000, high: 60_000 } } });
    const { evaluation } = run(s, { samples: 100 });
    const setup = simulationSetup(evaluation, s);
    if (!setup.ok) throw new Error(setup.error);
    const [api, gpu] = volumeBands(setup.setup, candidates(evaluation), volumes);
    // $0.002 a request: 100k → $200, 1M → $2,000, 10M → $20,000 a month, in every future.
    expect(api?.p10).toEqual(api?.p90);
    expect(api?.p10[0]).toBeCloseTo(200, 9);
    expect(api?.p90[2]).toBeCloseTo(20_000, 9);
    expect(gpu?.p10[0]).toBe(gpu?.p90[0]);
  });

  it('are of the line the chart draws: the horizon cost a month, setup spread over it', () => {
    // A $6,000 API setup over the 12-month horizon adds $500 a month to the $0.002 a request:
    // at 1M requests, 2,000 + 6,000 ÷ 12 = $2,500 a month, in every future (only volume varies).
    const s = scenario(
      { inputs: { volume: { low: 20_000, high: 60_000 } } },
      {
        value: {
          horizonMonths: 12,
          perRequest: { kind: 'revenue', usdPerRequest: 0.01 },
          setupUsd: { api: 6_000, cloud: 0, onprem: 0 },
        },
      },
    );
    const { evaluation } = run(s, { samples: 100 });
    const setup = simulationSetup(evaluation, s);
    if (!setup.ok) throw new Error(setup.error);
    const [api] = volumeBands(setup.setup, candidates(evaluation), volumes);
    expect(api?.p10[1]).toBeCloseTo(2_500, 6);
    expect(api?.p90[1]).toBeCloseTo(2_500, 6);
  });

  it('spread around the line when another input is uncertain', () => {
    // Output 400–600 tokens (PERT around 500): at 1M requests the monthly cost runs from
    // 1M × ($0.001 + 400 × $2/MTok) = $1,800 to $2,200; P10 and P90 fall inside, either side of $2,000.
    const s = scenario({ inputs: { outputTokens: { low: 400, high: 600 } } });
    const { evaluation } = run(s, { samples: 200 });
    const setup = simulationSetup(evaluation, s);
    if (!setup.ok) throw new Error(setup.error);
    const [api] = volumeBands(setup.setup, candidates(evaluation), volumes);
    expect(api?.p10[1]).toBeGreaterThan(1_800);
    expect(api?.p10[1]).toBeLessThan(2_000);
    expect(api?.p90[1]).toBeGreaterThan(2_000);
    expect(api?.p90[1]).toBeLessThan(2_200);
  });

  it('of payback equal the point line when the ranges have no width', () => {
    const s = scenario({ inputs: { volume: { low: 40_000, high: 40_000 } } });
    const { evaluation } = run(s, { samples: 100 });
    const setup = simulationSetup(evaluation, s);
    if (!setup.ok) throw new Error(setup.error);
    const [api] = paybackBands(setup.setup, candidates(evaluation));
    // Value $0.01 − cost $0.002 a request × 1,216,667 requests a month = $9,733.33 a month, no setup.
    expect(api?.p10[0]).toBe(0);
    expect(api?.p10[12]).toBeCloseTo(12 * 9_733.333333, 4);
    expect(api?.p90).toEqual(api?.p10);
  });
});

describe('ranges follow their point values', () => {
  const base = scenario({
    inputs: {
      volume: { low: 20_000, high: 120_000 },
      promptCacheHitRate: { low: 0, high: 0.9 },
      valuePerRequestUsd: { low: 0.005, high: 0.02 },
    },
  });
  const parsesAgain = (s: Scenario) => parseScenario(JSON.parse(JSON.stringify(s))).ok;

  it('convert a per-day volume range when the volume is counted per month', () => {
    // 40,000 a day is 40,000 × 365/12 = 1,216,666.7 a month; the range converts alike.
    const next = {
      ...base,
      workload: { ...base.workload, requests: { count: 2_000_000, per: 'month' as const } },
    };
    const kept = keepRangesConsistent(base, next);
    expect(kept.uncertainty?.inputs.volume?.low).toBeCloseTo(20_000 * DAYS_PER_MONTH, 6);
    expect(kept.uncertainty?.inputs.volume?.high).toBeCloseTo(120_000 * DAYS_PER_MONTH, 6);
    expect(parsesAgain(kept)).toBe(true);
  });

  it('move an end with a value moved past it, and drop a range whose input is unset', () => {
    const next = {
      ...base,
      workload: { ...base.workload, promptCache: { ...base.workload.promptCache, hitRate: 0.95 } },
      value: { ...base.value, perRequest: undefined },
    };
    expect(parsesAgain(next)).toBe(false);
    const kept = keepRangesConsistent(base, next);
    expect(kept.uncertainty?.inputs.promptCacheHitRate).toEqual({ low: 0, high: 0.95 });
    expect(kept.uncertainty?.inputs.valuePerRequestUsd).toBeUndefined();
    expect(parsesAgain(kept)).toBe(true);
    expect(keepRangesConsistent(base, base)).toBe(base);
  });
});

describe('every uncertain input', () => {
  it('has a label and bounds from its own schema field (the range form follows them)', () => {
    for (const input of INPUTS) {
      const rules = input.rules();
      expect(rules.label.length).toBeGreaterThan(0);
      // The form refuses what the file refuses: the schema's bound is the form's bound.
      if (rules.max !== undefined)
        expect(input.schema().safeParse(rules.max * 2 + 1).success).toBe(false);
    }
    expect(uncertainInput('promptCacheHitRate').rules().max).toBe(1);
    expect(uncertainInput('volume').rules().min).toBe(0);
  });
});
