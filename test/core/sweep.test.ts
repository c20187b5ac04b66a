import { describe, expect, it } from 'vitest';
import { readSeed } from '../../electron/db/seed-files.ts';
import { ValueAssumptions } from '../../core/schema/value.ts';
import { Workload, type WorkloadInput } from '../../core/schema/workload.ts';
import { indexCatalog } from '../../core/sweep/catalog-index.ts';
import { sweepPlacements } from '../../core/sweep/candidates.ts';
import { makeContext } from '../../core/sweep/context.ts';
import { evaluateCandidate, sweep } from '../../core/sweep/sweep.ts';
import { objectiveKeys, rankOrder } from '../../core/sweep/table.ts';
import { Offering } from '../../core/schema/catalog.ts';
import { OnpremPlacement } from '../../core/schema/placement.ts';
import type { ReplicaCapacity } from '../../core/selfhost/capacity.ts';
import { ObjectPairCache } from '../../core/sweep/object-cache.ts';
import { CandidateSweep, Scenario } from '../../core/schema/scenario.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { offering } from '../support/fixtures.ts';
import { computeRoi } from '../../core/roi/roi.ts';
import { requestsPerMonth } from '../../core/workload/derive.ts';

const seed = readSeed();
const catalog = { ...seed, discounts: [] };
const value = ValueAssumptions.parse({
  perRequest: { kind: 'revenue', usdPerRequest: 0.05 },
  setupUsd: { api: 5_000, cloud: 40_000, onprem: 150_000 },
  weeksToLaunch: { api: 2, cloud: 6, onprem: 16 },
});
const work = (over: Partial<WorkloadInput> = {}) =>
  Workload.parse({
    requests: { count: 50_000, per: 'day' },
    peakToAverage: 3,
    inputTokens: { mean: 1800 },
    outputTokens: { mean: 350 },
    promptCache: { prefixTokens: 1200, hitRate: 0.6 },
    batchShare: 0.2,
    slo: { ttftMs: 800 },
    ...over,
  });
const fullSweep = CandidateSweep.parse({
  api: {},
  cloud: {
    models: ['llama-3.3-70b', 'llama-3.1-8b', 'qwen3-235b-a22b'],
    pricing: ['onDemand', 'commit1y'],
  },
  onprem: { models: ['llama-3.3-70b'] },
});

describe('sweep', () => {
  const index = indexCatalog(catalog);
  const placements = sweepPlacements(index, fullSweep);
  const ctx = makeContext(index, work(), value);
  const result = sweep(ctx, placements);

  it('the columns path gives the same numbers as the full rows', () => {
    // Every 37th candidate, rebuilt from scratch in a fresh context, must match its columns.
    const fresh = makeContext(index, work(), value);
    const c = result.columns;
    for (let i = 0; i < c.size; i += 37) {
      const row = evaluateCandidate(fresh, placements[i]!);
      expect(row.feasible, row.id).toBe(c.feasible[i] === 1);
      if (row.monthlyUsd === null) expect(c.monthlyUsd[i]).toBeNaN();
      else expect(c.monthlyUsd[i]).toBeCloseTo(row.monthlyUsd, 6);
      expect(c.reasons[i]).toEqual(row.reasons);
      if (row.e2eMs !== null) expect(c.e2eMs[i]).toBeCloseTo(row.e2eMs, 6);
      if (row.roi !== null) expect(c.npvUsd[i]).toBeCloseTo(row.roi.npvUsd, 4);
    }
  });

  it('ranks as one sort by feasibility, objective, latency, quality and order given', () => {
    // rankOrder sets the candidates with nothing known apart without sorting them; the order
    // must be the one a single sort on all the keys gives.
    const c = result.columns;
    const keys = objectiveKeys(c, 'tco');
    const known = (x: number, unknown: number) => (Number.isNaN(x) ? unknown : x);
    const expected = Array.from({ length: c.size }, (_, i) => i).sort(
      (a, b) =>
        c.feasible[b]! - c.feasible[a]! ||
        keys[a]! - keys[b]! ||
        known(c.e2eMs[a]!, Infinity) - known(c.e2eMs[b]!, Infinity) ||
        known(c.quality[b]!, -Infinity) - known(c.quality[a]!, -Infinity) ||
        a - b,
    );
    expect(c.feasible.filter((f) => f === 0).length).toBeGreaterThan(10);
    expect(Array.from(rankOrder(c, keys))).toEqual(expected);
  });

  it('finds a candidate by id without building rows', () => {
    for (let i = 0; i < result.columns.size; i += 101) {
      expect(result.indexOf(result.row(i).id)).toBe(i);
    }
    expect(result.indexOf('api:no/such-offering')).toBe(-1);
  });

  it('ranks feasible candidates by horizon cost (the default objective) and recommends the lowest', () => {
    const rows = result.rankedRows();
    const feasible = rows.filter((r) => r.feasible);
    expect(feasible.length).toBe(result.feasibleCount);
    expect(feasible.length).toBeGreaterThan(100);
    for (let k = 1; k < feasible.length; k++) {
      expect(feasible[k]!.tcoUsd!).toBeGreaterThanOrEqual(feasible[k - 1]!.tcoUsd!);
    }
    expect(rows[0]!.recommended).toBe(true);
    expect(rows[0]!.rank).toBe(1);
    expect(rows.filter((r) => r.recommended)).toHaveLength(1);
    // infeasible candidates follow, each with its reason
    for (const r of rows.slice(feasible.length)) expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('no Pareto candidate is dominated; every other feasible one is', () => {
    const rows = result.rankedRows().filter((r) => r.feasible);
    const lat = (r: (typeof rows)[0]) => r.e2eMs ?? Infinity;
    const q = (r: (typeof rows)[0]) => r.quality ?? -Infinity;
    const dominates = (a: (typeof rows)[0], b: (typeof rows)[0]) =>
      a.tcoUsd! <= b.tcoUsd! &&
      lat(a) <= lat(b) &&
      q(a) >= q(b) &&
      (a.tcoUsd! < b.tcoUsd! || lat(a) < lat(b) || q(a) > q(b));
    const frontier = rows.filter((r) => r.pareto);
    expect(frontier.length).toBeGreaterThan(0);
    for (const f of frontier) expect(rows.some((o) => dominates(o, f))).toBe(false);
    for (const r of rows.filter((r) => !r.pareto).slice(0, 200)) {
      expect(
        frontier.some(
          (f) => dominates(f, r) || (f.tcoUsd === r.tcoUsd && lat(f) === lat(r) && q(f) === q(r)),
        ),
      ).toBe(true);
    }
  });

  it('a model that does not fit is infeasible with the reason', () => {
    const rows = result.rankedRows();
    const big = rows.find(
      (r) => r.modelId === 'qwen3-235b-a22b' && r.kind === 'cloud' && /g6\.xlarge/.test(r.label),
    );
    expect(big?.feasible).toBe(false);
    expect(big?.reasons[0]).toMatch(/does not fit|weights need/);
  });
});

describe('cheapest region per instance type', () => {
  it('looks only where the workload may run', () => {
    const scenario = Scenario.parse({
      schemaVersion: 1,
      name: 'EU only',
      workload: { ...work(), residency: ['eu'] },
      sweep: { cloud: { models: ['llama-3.1-8b'], regionChoice: 'cheapest' } },
    });
    const evaluation = evaluateScenario(catalog, scenario);
    if (!evaluation.ok) throw new Error(evaluation.error);
    const rows = evaluation.result.rankedRows();
    // Instance types sold in an EU region (per the catalog) must be offered there.
    const zone = new Map(catalog.regions.map((r) => [r.id, r.residency]));
    const typeOf = new Map(catalog.instances.map((i) => [i.id, `${i.cloud}|${i.instanceType}`]));
    const inEu = new Set(
      catalog.instances
        .filter((i) => zone.get(i.regionId) === 'eu' && i.usdPerHour.onDemand !== undefined)
        .map((i) => `${i.cloud}|${i.instanceType}`),
    );
    let euTypes = 0;
    for (const r of rows) {
      const p = r.placement;
      if (p.kind !== 'cloud') continue;
      if (inEu.has(typeOf.get(p.instanceId)!)) {
        euTypes++;
        expect(r.residency, r.id).toBe('eu');
        expect(r.reasons.join(), r.id).not.toMatch(/residency/);
      } else {
        expect(r.reasons.join(), r.id).toMatch(/residency/);
      }
    }
    expect(euTypes).toBeGreaterThan(20);
  });
});

describe('owned GPUs: tensor-parallel layout', () => {
  it('picks the layout that costs least at the volume, not the one serving most per GPU', () => {
    // 2,000 requests a day: one replica of any layout is plenty. With N+1 (2 replicas) tp 1, 2
    // and 4 fit one 8-GPU server; tp 8 needs two servers.
    const index = indexCatalog(catalog);
    const ctx = makeContext(index, work({ requests: { count: 2000, per: 'day' } }), value);
    const base = { kind: 'onprem' as const, gpuId: 'h100-sxm', modelId: 'llama-3.3-70b' };
    const auto = evaluateCandidate(ctx, OnpremPlacement.parse(base));
    const byTp = [1, 2, 4, 8].map((tp) =>
      evaluateCandidate(ctx, OnpremPlacement.parse({ ...base, tp })),
    );
    const feasible = byTp.filter((r) => r.feasible);
    expect(feasible.length).toBeGreaterThan(1);
    const cheapest = feasible.reduce((a, b) => (b.monthlyUsd! < a.monthlyUsd! ? b : a));
    expect(auto.monthlyUsd).toBe(cheapest.monthlyUsd);
    expect(auto.selfHost?.tp).toBe(cheapest.selfHost?.tp);
    expect(byTp.map((r) => r.selfHost?.serversPeak)).toEqual([1, 1, 1, 2]);
    // …and the widest layout does cost more here (a second server).
    expect(Math.max(...feasible.map((r) => r.monthlyUsd!))).toBeGreaterThan(
      cheapest.monthlyUsd! * 1.5,
    );
  });
});

describe('monthly growth', () => {
  it('prices growth months from a fleet series kept per instance type, exactly as each row does', () => {
    // The columns path prices a rented fleet's growth months from a series built for the first
    // region of its instance type; a row re-sizes and re-prices every month itself. A series
    // kept for the wrong fleet, terms, price or discount would change these numbers. Negotiated
    // terms differ per cloud (GCP: 12 % off the spend above $8,000 a month, reached in some
    // months and not others; AWS: 7 % off everything), and committed placements take the slow
    // path with their lookahead.
    const listIndex = indexCatalog(catalog);
    const dealIndex = indexCatalog(catalog, undefined, [
      { provider: 'gcp', fraction: 0.12, aboveMonthlyUsd: 8_000, note: '' },
      { provider: 'aws', fraction: 0.07, aboveMonthlyUsd: 0, note: '' },
    ]);
    const growing = work({ monthlyGrowthPct: 6 });
    const placements = sweepPlacements(
      listIndex,
      CandidateSweep.parse({
        cloud: {
          models: ['llama-3.1-8b', 'llama-3.3-70b'],
          pricing: ['onDemand', 'spot', 'commit1y'],
        },
      }),
    );
    let partial = 0;
    let committed = 0;
    for (const index of [listIndex, dealIndex]) {
      for (const priceChange of [undefined, { api: 0, cloud: -0.3, onprem: 0 }]) {
        const options = priceChange === undefined ? {} : { priceChange };
        const result = sweep(makeContext(index, growing, value, options), placements);
        const fresh = makeContext(index, growing, value, options);
        const c = result.columns;
        let priced = 0;
        for (let i = 0; i < c.size; i += 3) {
          const row = evaluateCandidate(fresh, placements[i]!);
          if (row.roi === null) continue;
          priced++;
          const n = row.negotiated;
          if (n !== null && n.effectiveFraction > 0 && n.effectiveFraction < n.fraction) partial++;
          if (row.placement.kind === 'cloud' && row.placement.pricing === 'commit1y') committed++;
          expect(c.tcoUsd[i], row.id).toBe(row.roi.tcoUsd);
          expect(c.npvUsd[i], row.id).toBe(row.roi.npvUsd);
          expect(c.netMonthlyUsd[i], row.id).toBe(row.roi.netMonthlyUsd);
          expect(c.paybackMonth[i], row.id).toBe(row.roi.paybackMonth ?? Number.NaN);
        }
        expect(priced).toBeGreaterThan(100);
      }
    }
    // The threshold was crossed by some candidates' stated month (not all of it discounted).
    expect(partial).toBeGreaterThan(0);
    expect(committed).toBeGreaterThan(50);
  });

  // Capacity that follows demand; owned and committed capacity is held (test/core/tco.test.ts).
  it('re-costs each month of on-demand capacity as if the workload had that month’s volume', () => {
    const index = indexCatalog(catalog);
    const shortValue = { ...value, horizonMonths: 12 };
    const growing = work({ monthlyGrowthPct: 8 });
    const placements = sweepPlacements(
      index,
      CandidateSweep.parse({ cloud: { models: ['llama-3.1-8b'], pricing: ['onDemand', 'spot'] } }),
    );
    const result = sweep(makeContext(index, growing, shortValue), placements);
    const feasible = result.rankedRows().filter((r) => r.feasible);
    const spread = (pricing: string) => {
      const rows = feasible.filter(
        (r) => r.placement.kind === 'cloud' && r.placement.pricing === pricing,
      );
      expect(rows.length, pricing).toBeGreaterThan(0);
      return [0, 0.5, 1].map((f) => rows[Math.floor(f * (rows.length - 1))]!);
    };
    const checked = [...spread('onDemand'), ...spread('spot')];
    const base = requestsPerMonth(growing);
    for (const row of checked) {
      if (row.kind === 'route') throw new Error('a sweep has no routes');
      // Month m's cost: the same candidate evaluated afresh at that month's volume, no growth.
      const firstServed = Math.floor(value.weeksToLaunch[row.kind] / (365 / 7 / 12)) + 1;
      const volume = (m: number) => base * 1.08 ** Math.max(0, m - firstServed);
      const costIn = (m: number) => {
        const wm = work({ requests: { count: volume(m), per: 'month' } });
        return evaluateCandidate(makeContext(index, wm, shortValue), row.placement).monthlyUsd!;
      };
      const expected = computeRoi({
        valueUsdInMonth: (m) => volume(m) * 0.05,
        costUsdInMonth: costIn,
        setupUsd: value.setupUsd[row.kind],
        weeksToLaunch: value.weeksToLaunch[row.kind],
        horizonMonths: 12,
        discountRateAnnual: value.discountRateAnnual,
      });
      const i = placements.indexOf(row.placement as (typeof placements)[number]);
      expect(row.roi!.npvUsd, row.id).toBeCloseTo(expected.npvUsd, 4);
      expect(result.columns.npvUsd[i], row.id).toBeCloseTo(expected.npvUsd, 4);
    }
  });
});

describe('kept capacity caches', () => {
  it('a scenario’s own model under a catalog id is sized as itself, not from the cache', () => {
    const capacityCache = new ObjectPairCache<ReplicaCapacity>();
    const bestCapacityCache = new Map<string, ObjectPairCache<ReplicaCapacity>>();
    const options = { capacityCache, bestCapacityCache };
    const base = {
      schemaVersion: 1,
      name: 'own model',
      workload: work({ slo: {} }),
      candidates: [{ kind: 'onprem', gpuId: 'h100-sxm', modelId: 'llama-3.1-8b', tp: 1 }],
    };
    const first = evaluateScenario(catalog, Scenario.parse(base), options);
    const model = catalog.models.find((m) => m.id === 'llama-3.1-8b')!;
    // The same id, twice the layers (more attention and KV per token).
    const heavier = { ...model, arch: { ...model.arch!, layers: model.arch!.layers * 2 } };
    const own = Scenario.parse({ ...base, catalog: { models: [heavier] } });
    const second = evaluateScenario(catalog, own, options);
    const fresh = evaluateScenario(catalog, own);
    if (!first.ok || !second.ok || !fresh.ok) throw new Error('evaluation failed');
    const tpot = (e: typeof first) => e.result.row(0).tpotMs!;
    expect(tpot(second)).toBe(tpot(fresh));
    expect(tpot(second)).not.toBe(tpot(first));
  });
});

describe('kept capacity caches, keyed by layout', () => {
  it('candidates differing only in engine, precision or layout are each sized as themselves', () => {
    // One cache for every candidate and both prompt sizes: a key shared by two layouts would hand
    // one the other's replica (its latency, so its fleet and cost). Each must equal a fresh
    // evaluation of it alone.
    const capacityCache = new ObjectPairCache<ReplicaCapacity>();
    const bestCapacityCache = new Map<string, ObjectPairCache<ReplicaCapacity>>();
    const model = { kind: 'onprem', gpuId: 'h100-sxm', modelId: 'llama-3.3-70b' } as const;
    const candidates = [
      { ...model, tp: 4 },
      { ...model, tp: 4, engine: 'sglang' },
      { ...model, tp: 4, precision: 'int4' },
      { ...model, tp: 2 },
      { ...model, tp: 8 },
    ];
    for (const mean of [1800, 600]) {
      const scenario = Scenario.parse({
        schemaVersion: 1,
        name: 'layouts',
        workload: work({ inputTokens: { mean } }),
        candidates,
      });
      const shared = evaluateScenario(catalog, scenario, { capacityCache, bestCapacityCache });
      if (!shared.ok) throw new Error(shared.error);
      expect(shared.placements.length).toBe(candidates.length);
      scenario.candidates.forEach((c, i) => {
        const alone = evaluateScenario(catalog, { ...scenario, candidates: [c] });
        if (!alone.ok) throw new Error(alone.error);
        const [a, b] = [shared.result.row(i), alone.result.row(0)];
        expect(a.tpotMs, a.id).toBe(b.tpotMs);
        expect(a.ttftMs, a.id).toBe(b.ttftMs);
        expect(a.monthlyUsd, a.id).toBe(b.monthlyUsd);
      });
      const tpots = new Set(candidates.map((_c, i) => shared.result.row(i).tpotMs));
      expect(tpots.size, 'each layout its own replica').toBe(candidates.length);
    }
  });
});

describe('zero volume', () => {
  it('has monthly costs (self-hosted floors) but no cost per request or per 1M tokens', () => {
    const index = indexCatalog(catalog);
    const ctx = makeContext(index, work({ requests: { count: 0, per: 'month' } }), value);
    const rows = sweep(ctx, [
      { kind: 'api', offeringId: index.offeringList[0]!.id },
      ...sweepPlacements(
        index,
        CandidateSweep.parse({ cloud: { models: ['llama-3.1-8b'] } }),
      ).slice(0, 20),
    ]).rankedRows();
    const api = rows.find((r) => r.kind === 'api')!;
    expect(api.monthlyUsd).toBe(0);
    const floors = rows.filter((r) => r.kind === 'cloud' && (r.monthlyUsd ?? 0) > 0);
    expect(floors.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.perRequestUsd, r.id).toBeNull();
      expect(r.perMTokUsd, r.id).toBeNull();
      expect(r.perSuccessUsd, r.id).toBeNull();
    }
  });
});

describe('constraints', () => {
  const inline = {
    providers: [],
    models: [],
    gpus: [],
    instances: [],
    regions: [],
    offerings: [
      Offering.parse({
        ...offering(),
        id: 'eu/model',
        residency: 'eu',
        modelId: 'llama-3.3-70b',
        publishedTtftMs: 300,
        publishedOutputTokPerS: 50,
      }),
      Offering.parse({
        ...offering(),
        id: 'us/model',
        residency: 'us',
        modelId: 'llama-3.3-70b',
        publishedTtftMs: 900,
        publishedOutputTokPerS: 50,
      }),
    ],
  };
  const index = indexCatalog(catalog, inline);
  const run = (w: Workload, maxMonthlyUsd?: number) =>
    sweep(makeContext(index, w, value, { maxMonthlyUsd }), [
      { kind: 'api', offeringId: 'eu/model' },
      { kind: 'api', offeringId: 'us/model' },
    ]).rankedRows();

  it('residency rules out other zones, by name', () => {
    const rows = run(work({ residency: ['eu'], slo: {} }));
    const us = rows.find((r) => r.id === 'api:us/model')!;
    expect(us.feasible).toBe(false);
    expect(us.reasons).toEqual(["outside residency: processed in 'us', allowed eu"]);
    expect(rows[0]!.id).toBe('api:eu/model');
  });

  it('a published TTFT above the SLO is infeasible', () => {
    const rows = run(work({ slo: { ttftMs: 800 } }));
    expect(rows.find((r) => r.id === 'api:us/model')!.reasons).toEqual([
      'misses the TTFT SLO: 900 ms > 800 ms (published median)',
    ]);
  });

  it('a budget rules out what costs more', () => {
    const rows = run(work({ slo: {} }), 100);
    expect(rows.every((r) => !r.feasible)).toBe(true);
    expect(rows[0]!.reasons[0]).toMatch(/^over budget: \$[\d,]+ > \$100 a month$/);
  });

  it('minimum quality needs a score at or above it', () => {
    const rows = run(work({ slo: {}, minQuality: { benchmark: 'lmarena-text', score: 5000 } }));
    expect(rows[0]!.reasons[0]).toMatch(
      /below the minimum 5000 \(LMArena text \(2025-08-04\)\)|no LMArena text \(2025-08-04\) score/,
    );
  });
});

describe('labels of offerings a provider sells under one model', () => {
  it('carry the provider’s own name when another offering would read the same', () => {
    const index = indexCatalog(catalog);
    // DeepInfra sells three Qwen3 235B A22B endpoints (the first release, 2507 instruct and
    // thinking), at different prices: one label each would be three identical rows.
    expect(index.offeringVariants.get('deepinfra/qwen/qwen3-235b-a22b-thinking-2507')).toBe(
      'qwen/qwen3-235b-a22b-thinking-2507',
    );
    // An offering alone under its provider, model and region keeps the short label.
    expect(index.offeringVariants.has('openai/gpt-5.6')).toBe(false);
    const scenario = Scenario.parse({
      schemaVersion: 2,
      name: 'labels',
      workload: work({ slo: {} }),
      candidates: [
        { kind: 'api', offeringId: 'deepinfra/qwen/qwen3-235b-a22b' },
        { kind: 'api', offeringId: 'deepinfra/qwen/qwen3-235b-a22b-instruct-2507' },
        { kind: 'api', offeringId: 'deepinfra/qwen/qwen3-235b-a22b-thinking-2507' },
        { kind: 'api', offeringId: 'openai/gpt-5.6' },
      ],
    });
    const evaluation = evaluateScenario(catalog, scenario);
    if (!evaluation.ok) throw new Error(evaluation.error);
    const labels = evaluation.result
      .rankedRows()
      .map((r) => r.label)
      .sort();
    expect(labels).toEqual([
      'DeepInfra · Qwen3 235B-A22B · qwen/qwen3-235b-a22b',
      'DeepInfra · Qwen3 235B-A22B · qwen/qwen3-235b-a22b-instruct-2507',
      'DeepInfra · Qwen3 235B-A22B · qwen/qwen3-235b-a22b-thinking-2507',
      'OpenAI API · GPT-5.6',
    ]);
  });
});
