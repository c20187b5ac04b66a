import { describe, expect, it } from 'vitest';
import { comparisonColumns } from '../../core/report/comparison-columns.ts';
import { comparisonCsv } from '../../core/report/writers.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { addCustomOffering } from '../../renderer/features/candidates/custom-offering.ts';
import { breakdownBars } from '../../core/charts/breakdown-data.ts';
import { chosenIndices } from '../../core/charts/chosen.ts';
import { paybackLines } from '../../core/charts/payback-data.ts';
import { costLatencyPoints } from '../../core/charts/scatter-data.ts';
import { DEFAULT_QUERY, visibleRows } from '../../renderer/features/compare/table-model.ts';
import { defaultScenario } from '../../renderer/features/scenarios/default-scenario.ts';
import { scenarioColumn } from '../../renderer/features/scenarios/side-by-side.ts';
import { workedExampleScenario } from '../support/scenarios.ts';

const catalog = { ...readSeed(), discounts: [] };

function evaluate(s = defaultScenario()) {
  const e = evaluateScenario(catalog, s);
  if (!e.ok) throw new Error(e.error);
  return e;
}

describe('comparison table rows', () => {
  const e = evaluate();
  const rows = (q: Partial<typeof DEFAULT_QUERY>) =>
    Array.from(visibleRows(e.result, e.index, { ...DEFAULT_QUERY, ...q }, new Map()));

  it('default order is the rank order', () => {
    expect(rows({})).toEqual(Array.from(e.result.order));
  });

  it('filter by kind, feasibility and words', () => {
    const c = e.result.columns;
    const owned = rows({ kinds: ['onprem'] });
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.length).toBeLessThan(c.size);
    expect(owned.every((i) => c.kind[i] === 2)).toBe(true);
    const feasible = rows({ feasibleOnly: true });
    expect(feasible.length).toBe(e.result.feasibleCount);
    expect(feasible.length).toBeGreaterThan(0);
    expect(feasible.length).toBeLessThan(c.size);
    expect(feasible.every((i) => c.feasible[i] === 1)).toBe(true);
    const gpt = rows({ text: 'openai gpt-4o' });
    expect(gpt.length).toBeGreaterThan(0);
    expect(gpt.map((i) => e.result.row(i).id)).toContain('api:openai/gpt-4o');
    expect(gpt.every((i) => e.result.row(i).kind === 'api')).toBe(true);
  });

  it('sort by a number, unknown values last either way', () => {
    const c = e.result.columns;
    for (const desc of [false, true]) {
      const order = rows({ sort: { column: 'ttftMs', desc } });
      const known = order.filter((i) => !Number.isNaN(c.ttftMs[i] as number));
      // Both kinds are there: self-hosted candidates with a TTFT, APIs that publish none.
      expect(known.length).toBeGreaterThan(1);
      expect(known.length).toBeLessThan(order.length);
      const values = known.map((i) => c.ttftMs[i] as number);
      expect(values).toEqual([...values].sort((a, b) => (desc ? b - a : a - b)));
      expect(order.slice(known.length).every((i) => Number.isNaN(c.ttftMs[i] as number))).toBe(
        true,
      );
    }
  });

  it('sort by model name; equal keys keep rank order', () => {
    const rankOf = new Map(Array.from(e.result.order, (i, k) => [i, k]));
    const model = (i: number) => e.result.row(i).modelId;
    let ties = 0;
    for (const desc of [false, true]) {
      const order = rows({ sort: { column: 'candidate', desc } });
      expect(e.result.columns.size).toBeGreaterThan(1);
      expect(order).toHaveLength(e.result.columns.size);
      for (let k = 1; k < order.length; k++) {
        const a = order[k - 1]!;
        const b = order[k]!;
        const d = model(a).localeCompare(model(b));
        expect(desc ? d >= 0 : d <= 0).toBe(true);
        if (d === 0) {
          ties++;
          expect(rankOf.get(a)!).toBeLessThan(rankOf.get(b)!);
        }
      }
    }
    // Many candidates serve the same model: the tie rule was exercised.
    expect(ties).toBeGreaterThan(0);
    // Ties on a number keep rank order too.
    const byGpus = rows({ sort: { column: 'gpus', desc: false } });
    const gpus = (i: number) => e.result.columns.gpusPeak[i] as number;
    let gpuTies = 0;
    for (let k = 1; k < byGpus.length; k++) {
      const a = byGpus[k - 1]!;
      const b = byGpus[k]!;
      if (gpus(a) === gpus(b)) {
        gpuTies++;
        expect(rankOf.get(a)!).toBeLessThan(rankOf.get(b)!);
      }
    }
    expect(gpuTies).toBeGreaterThan(0);
  });
});

describe('comparison columns', () => {
  const e = evaluate();
  const sorted = (column: string, desc = false) =>
    Array.from(
      visibleRows(e.result, e.index, { ...DEFAULT_QUERY, sort: { column, desc } }, new Map()),
    );

  it('have one definition each: unique keys, a width, numbers on the right', () => {
    const columns = comparisonColumns({ objective: 'tco', horizonMonths: 36 });
    const keys = columns.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(columns.find((c) => c.key === 'monthlyUsd')?.align).toBe('right');
    expect(columns.find((c) => c.key === 'candidate')?.align).toBe('left');
    expect(columns.every((c) => c.widthPx > 0)).toBe(true);
    // The CSV's header is the table's headers with their units, in the table's order.
    const csvHeader = comparisonCsv([], columns).trim().split(',');
    expect(csvHeader).toHaveLength(columns.length);
    expect(csvHeader.slice(0, 5)).toEqual([
      'Rank',
      'Candidate',
      'Placement',
      '36-month cost (USD)',
      'Monthly (USD)',
    ]);
  });

  it('follow the objective: its value is a column, headed with the horizon', () => {
    const header = (objective: 'tco' | 'npv' | 'monthly' | 'perOutcome', horizonMonths = 36) =>
      comparisonColumns({ objective, horizonMonths })
        .slice(0, 5)
        .map((c) => `${c.key}:${c.header}`);
    expect(header('tco', 24)).toEqual([
      'rank:Rank',
      'candidate:Candidate',
      'kind:Placement',
      'tcoUsd:24-month cost',
      'monthlyUsd:Monthly',
    ]);
    expect(header('npv')[3]).toBe('npvUsd:36-month NPV');
    expect(header('perOutcome')[3]).toBe('perOutcomeUsd:Per outcome');
    // Monthly is its own column: no second one.
    expect(header('monthly')[3]).toBe('monthlyUsd:Monthly');
  });

  it('sort by the objective, by quality check and by latency check', () => {
    const c = e.result.columns;
    const byTco = sorted('tcoUsd').filter((i) => !Number.isNaN(c.tcoUsd[i] as number));
    expect(byTco.length).toBeGreaterThan(1);
    const values = byTco.map((i) => c.tcoUsd[i] as number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    // Statuses sort by the figure they check: no score (unknown) last either way.
    for (const desc of [false, true]) {
      const byQuality = sorted('qualityStatus', desc);
      const firstUnknown = byQuality.findIndex((i) => Number.isNaN(c.quality[i] as number));
      expect(firstUnknown).toBeGreaterThan(0);
      expect(byQuality.slice(firstUnknown).every((i) => Number.isNaN(c.quality[i] as number))).toBe(
        true,
      );
    }
  });

  it('status sorts by rank; per request and per 1M tokens in the monthly order', () => {
    expect(e.result.columns.size).toBeGreaterThan(1);
    expect(sorted('status')).toEqual(Array.from(e.result.order));
    expect(sorted('status', true)).toEqual(Array.from(e.result.order).reverse());
    const monthly = sorted('monthlyUsd');
    expect(sorted('perRequestUsd')).toEqual(monthly);
    expect(sorted('perMTokUsd')).toEqual(monthly);
    // And that order is not the rank order (infeasible candidates rank last whatever they cost).
    expect(monthly).not.toEqual(Array.from(e.result.order));
  });
});

describe('custom offerings', () => {
  it('travel with the scenario and are priced like any offering', () => {
    // 1M requests/month, 1,000 + 200 tokens, no caches: 1,000 × $1 + 200 × $2 = 1,400 µ$ → $1,400.
    const base = Scenario.parse({
      ...defaultScenario(),
      workload: {
        requests: { count: 1_000_000, per: 'month' },
        inputTokens: { mean: 1000 },
        outputTokens: { mean: 200 },
      },
    });
    const added = addCustomOffering(
      base,
      {
        name: 'Negotiated Llama',
        modelId: 'llama-3.3-70b',
        inputUsdPerMTok: 1,
        outputUsdPerMTok: 2,
        residency: 'global',
      },
      '2026-11-27',
    );
    if (!added.ok) throw new Error(added.error);
    expect(added.id).toBe('custom/negotiated-llama');
    const e = evaluate(added.scenario);
    const row = e.result.rankedRows().find((r) => r.id === 'api:custom/negotiated-llama');
    expect(row?.monthlyUsd).toBeCloseTo(1_400, 6);
    expect(
      addCustomOffering(
        added.scenario,
        {
          name: 'Negotiated llama',
          modelId: 'x',
          inputUsdPerMTok: 1,
          outputUsdPerMTok: 1,
          residency: 'global',
        },
        '2026-11-27',
      ),
    ).toEqual({
      ok: false,
      error: "a custom offering named 'Negotiated llama' exists",
    });
  });
});

/**
 * The default scenario with what every chart needs to draw: a value per request (payback lines)
 * and hosted APIs with no published latency counted (all three placement kinds).
 */
function chartScenario(): Scenario {
  const s = defaultScenario();
  return Scenario.parse({
    ...s,
    value: { ...s.value, perRequest: { kind: 'revenue', usdPerRequest: 0.02 } },
    workload: { ...s.workload, slo: { ...s.workload.slo, includeUnknown: true } },
  });
}

describe('chart data', () => {
  const e = evaluate(chartScenario());
  const chosen = chosenIndices(e, []);

  it('follows the recommendation and the best of each other placement kind', () => {
    expect(chosen[0]).toBe(e.result.recommended);
    const kinds = chosen.map((i) => e.result.columns.kind[i]);
    expect(kinds).toHaveLength(3);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('breakdown bars stack to the monthly cost and drop empty parts', () => {
    const rows = chosen.map((i) => e.result.row(i));
    // The recommendation and the best of the other two kinds: three bars.
    expect(rows).toHaveLength(3);
    const bars = breakdownBars(rows, (r) => r.id);
    expect(bars.datasets.length).toBeGreaterThan(1);
    rows.forEach((r, k) => {
      const sum = bars.datasets.reduce((a, d) => a + (d.data[k] ?? 0), 0);
      expect(sum).toBeCloseTo(r.monthlyUsd ?? 0, 6);
    });
    expect(bars.datasets.every((d) => d.data.some((v) => v > 0))).toBe(true);
  });

  it('scatter points are feasible, the frontier gets faster as it gets dearer', () => {
    const pts = costLatencyPoints(e);
    expect(pts.frontier.length).toBeGreaterThan(1);
    for (let k = 1; k < pts.frontier.length; k++) {
      expect(pts.frontier[k]!.x).toBeGreaterThanOrEqual(pts.frontier[k - 1]!.x);
      expect(pts.frontier[k]!.y).toBeLessThan(pts.frontier[k - 1]!.y);
    }
  });

  it('payback lines start at minus the setup cost and cross zero at the payback month', () => {
    const lines = paybackLines(e, chosen);
    expect(lines.lines).toHaveLength(chosen.length);
    // A revenue per request pays back: the crossing rule below is exercised.
    expect(lines.lines.some((l) => l.paybackMonth !== null && l.paybackMonth > 0)).toBe(true);
    for (const l of lines.lines) {
      const row = e.result.rankedRows().find((r) => r.id === l.id)!;
      expect(l.net[0]).toBe(-row.setupUsd);
      if (l.paybackMonth !== null) {
        expect(l.net[l.paybackMonth]!).toBeGreaterThanOrEqual(0);
        expect(l.net[l.paybackMonth - 1]!).toBeLessThan(0);
      }
    }
  });
});

describe('scenarios side by side', () => {
  it('summarizes a scenario with its recommendation', () => {
    const col = scenarioColumn(catalog, Scenario.parse(workedExampleScenario()));
    expect(col.name).toBe('Worked example');
    // DESIGN.md's worked example: $11,015.19 a month at 1,500,000 requests.
    expect(col.outcome.monthlyUsd).toBeCloseTo(11_015.19, 2);
    expect(col.outcome.requestsPerMonth).toBe(1_500_000);
    expect(col.outcome.winner?.id).toBe('api:negotiated/sonnet');
  });
});
