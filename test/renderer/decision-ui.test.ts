import { benchmarkName } from '../../core/sweep/constraints.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { objectiveBreakEven, objectiveCurve } from '../../core/decision/at-volume.ts';
import { explain } from '../../core/decision/explain.ts';
import { primaryExclusion } from '../../core/decision/exclusions.ts';
import { parseCsv } from '../../core/csv.ts';
import { comparisonColumns } from '../../core/report/comparison-columns.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { breakEvenChart } from '../../core/charts/break-even-data.ts';
import { pairOptions, resolvePair } from '../../core/charts/pair.ts';
import { comparisonReport } from '../../renderer/features/compare/report-export.ts';
import {
  DEFAULT_QUERY,
  describeQuery,
  visibleRows,
} from '../../renderer/features/compare/table-model.ts';
import { withRequestValue } from '../../renderer/features/value/defaults.ts';
import { decide } from '../../renderer/features/why/decision-store.ts';
import { includedUnknowns, unknownCounts } from '../../renderer/features/why/why-model.ts';
import {
  floorHint,
  floorLike,
  floorOnBenchmark,
  scoredModels,
} from '../../renderer/features/workload/quality-floor.ts';
import { twoChoices } from '../support/decision-fixtures.ts';

const catalog = { ...readSeed(), discounts: [] };

function evaluate(s: Scenario) {
  const e = evaluateScenario(catalog, s);
  if (!e.ok) throw new Error(e.error);
  return e;
}

function chatbot(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync('examples/chatbot.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

describe('the break-even chart', () => {
  // twoChoices: the API costs 5,000 + 36 × 0.0009 × v over 36 months, the one-replica GPU fleet
  // 40,000 + 36 × 730 = 66,280 at any volume it holds: equal at v = 61,280 ÷ 0.0324 = 1,891,358.
  const e = evaluate(twoChoices());
  const chart = breakEvenChart(e, 0, 1);

  it('plots the 36-month cost spread over its months, setup included', () => {
    expect(chart.yTitle).toBe('36-month cost ÷ 36, setup incl.');
    expect(chart.logY).toBe(true);
    // Today, 1M requests: API 37,400 ÷ 36 = $1,038.89, GPU 66,280 ÷ 36 = $1,841.11 a month.
    expect(chart.a.today?.x).toBe(1_000_000);
    expect(chart.a.today?.y).toBeCloseTo(37_400 / 36, 6);
    expect(chart.b.today?.y).toBeCloseTo(66_280 / 36, 6);
    // Today's mark is a point of each line: it sits on both.
    for (const line of [chart.a, chart.b]) {
      expect(line.points).toContainEqual(line.today);
    }
  });

  it('names the crossing, on the lines, where the objective says the better one changes', () => {
    expect(chart.crossings).toHaveLength(1);
    const [c] = chart.crossings;
    expect(c!.requestsPerMonth).toBeCloseTo(61_280 / 0.0324, -1);
    expect(c!.betterAbove).toBe('b');
    // Both lines meet there: 66,280 ÷ 36 = $1,841.11 a month.
    expect(c!.y).toBeCloseTo(66_280 / 36, 2);
    expect(chart.a.points.find((p) => p.x === c!.requestsPerMonth)?.y).toBe(c!.y);
    // One source: the objective's own break-even search.
    const searched = objectiveBreakEven(
      e.context,
      e.result.row(0).placement,
      e.result.row(1).placement,
      'tco',
    );
    expect(chart.crossings.map((x) => x.requestsPerMonth)).toEqual(
      searched.crossings.map((x) => x.requestsPerMonth),
    );
    // The chart's range holds today and the crossing.
    expect(chart.range.min).toBeLessThan(1_000_000);
    expect(chart.range.max).toBeGreaterThan(c!.requestsPerMonth);
  });

  it('follows the objective: the monthly run rate crosses where 0.0009 × v = 730', () => {
    const m = evaluate(twoChoices({ objective: 'monthly' }));
    const monthly = breakEvenChart(m, 0, 1);
    expect(monthly.yTitle).toBe('Monthly run cost (no setup)');
    expect(monthly.a.today?.y).toBeCloseTo(900, 6);
    expect(monthly.b.today?.y).toBeCloseTo(730, 6);
    expect(monthly.crossings.map((c) => c.requestsPerMonth)).toHaveLength(1);
    expect(monthly.crossings[0]!.requestsPerMonth).toBeCloseTo(730 / 0.0009, -1);
    const curve = objectiveCurve(m.context, m.result.row(0).placement, 'monthly');
    expect(curve(2_000_000)).toBeCloseTo(1_800, 6);
  });

  it('reuses the explanation’s crossings against the recommendation: the same numbers', () => {
    const decided = decide(e, { a: null, b: null });
    expect(decided.breakEven?.a.id).toBe('api:test/api');
    expect(decided.breakEven?.crossings.map((c) => c.requestsPerMonth)).toEqual(
      chart.crossings.map((c) => c.requestsPerMonth),
    );
    expect(decided.explanation.alternatives[0]?.crossings[0]?.requestsPerMonth).toBe(
      chart.crossings[0]!.requestsPerMonth,
    );
  });
});

describe('the two menus of the break-even chart', () => {
  const e = evaluate(chatbot());
  const why = explain(e);
  const kind = (i: number) => e.result.row(i).kind;

  it('default to the recommendation and the best of another placement', () => {
    const pair = resolvePair(e, { a: null, b: null })!;
    expect(pair.a).toBe(e.result.recommended);
    expect(kind(pair.b)).not.toBe(kind(pair.a));
    const best = why.alternatives.find((x) => x.role.startsWith('best-'))!;
    expect(e.result.row(pair.b).id).toBe(best.id);
  });

  it('keep what is picked; a pick the results no longer hold, or the same twice, falls back', () => {
    const third = e.result.order[2]!;
    const id = e.result.row(third).id;
    expect(resolvePair(e, { a: null, b: id })).toEqual({ a: e.result.recommended, b: third });
    expect(resolvePair(e, { a: id, b: null })?.a).toBe(third);
    const fallback = resolvePair(e, { a: null, b: null })!;
    expect(resolvePair(e, { a: null, b: 'gone' })).toEqual(fallback);
    const recId = e.result.row(e.result.recommended).id;
    expect(resolvePair(e, { a: null, b: recId })).toEqual(fallback);
  });

  it('offer the recommendation, the alternatives, the best-ranked and any row picked', () => {
    const infeasible = e.result.order[e.result.order.length - 1]!;
    const options = pairOptions(e, why, [e.result.row(infeasible).id], 5);
    expect(options[0]!.text).toMatch(/^★ Recommended \(#1\) · /);
    expect(options[1]!.text).toMatch(/^Runner-up \(#2\) · /);
    expect(options.some((o) => o.text.startsWith('Best with owned GPUs'))).toBe(true);
    expect(options[options.length - 1]!.index).toBe(infeasible);
    expect(options[options.length - 1]!.text).toMatch(/^excluded · /);
    expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
  });
});

describe('the table shows what the explanation counts', () => {
  const e = evaluate(chatbot());
  const why = explain(e);
  const rows = (q: Partial<typeof DEFAULT_QUERY>) =>
    Array.from(visibleRows(e.result, e.index, { ...DEFAULT_QUERY, ...q }, new Map()));

  it('"show" filters to the candidates counted under a reason', () => {
    for (const x of why.exclusions) {
      const shown = rows({ excluded: { kind: 'reason', code: x.code, label: x.label } });
      expect(shown).toHaveLength(x.count);
      expect(shown.every((i) => primaryExclusion(e.result.columns.reasons[i]!) === x.code)).toBe(
        true,
      );
    }
  });

  it('"show them" filters to those out only for an unknown, as counted', () => {
    const counts = unknownCounts(why);
    // The chatbot story: models with no LMArena score are out for that alone.
    expect(counts.quality).toBeGreaterThan(0);
    for (const what of ['quality', 'latency'] as const) {
      const shown = rows({ excluded: { kind: 'unknown', what, label: what } });
      expect(shown).toHaveLength(counts[what]);
    }
    expect(
      describeQuery({
        ...DEFAULT_QUERY,
        text: ' gemma ',
        kinds: ['onprem'],
        excluded: { kind: 'unknown', what: 'quality', label: 'out only for no quality score' },
      }),
    ).toBe('matching “gemma”; owned GPUs; excluded: out only for no quality score');
  });

  it('"include them" brings those back, ranked and counted as included', () => {
    const s = chatbot();
    const counts = unknownCounts(why);
    const included = evaluate(
      Scenario.parse({
        ...s,
        workload: {
          ...s.workload,
          minQuality: { ...s.workload.minQuality!, includeUnknown: true },
        },
      }),
    );
    const after = explain(included);
    expect(unknownCounts(after).quality).toBe(0);
    // Those out for no score alone are feasible now; those also lacking latency still wait.
    expect(after.feasibleCount).toBe(why.feasibleCount + why.unknownOnly.quality);
    expect(includedUnknowns(included).quality).toBe(why.unknownOnly.quality);
    expect(counts.quality).toBe(why.unknownOnly.quality + why.unknownOnly.both);
  });

  it('an export holds the rows and columns shown, in their order', () => {
    const columns = comparisonColumns({ objective: 'tco', horizonMonths: 36 }).filter((c) =>
      ['candidate', 'monthlyUsd', 'tcoUsd'].includes(c.key),
    );
    const order = rows({ text: 'gemma owned', sort: { column: 'monthlyUsd', desc: true } });
    expect(order.length).toBeGreaterThan(1);
    expect(order.length).toBeLessThan(e.result.columns.size);
    const csv = comparisonReport(e, chatbot(), 'csv', { order, columns, filters: 'x' });
    const parsed = parseCsv(csv.text);
    if (!parsed.ok) throw new Error(parsed.error);
    // The assumptions come first (label, value), then a blank line, then the table.
    const blank = parsed.rows.findIndex((r) => r.every((cell) => cell === ''));
    expect(parsed.rows[0]).toEqual(['Scenario', 'Support chatbot (EU)']);
    const [header, ...body] = parsed.rows.slice(blank + 1).filter((r) => r.some((c) => c !== ''));
    expect(csv.name).toBe('support-chatbot-eu-comparison.csv');
    expect(header).toEqual(['Candidate', '36-month cost (USD)', 'Monthly (USD)']);
    expect(body.map((r) => r[0])).toEqual(order.map((i) => e.result.row(i).label));
    // Sorted as shown: by monthly cost, dearest first.
    const monthly = body.map((r) => Number(r[2]));
    expect(monthly).toEqual([...monthly].sort((a, b) => b - a));
    const md = comparisonReport(e, chatbot(), 'md', { order, columns, filters: 'x' }, { why });
    expect(md.text).toContain(`${order.length} of 4,593 candidates, as shown in the app (x).`);
    expect(md.text).toContain('## Why this one');
  });
});

describe('honest defaults and the quality floor', () => {
  it('clearing the value per request under NPV ranks by the horizon cost instead', () => {
    const s = Scenario.parse({
      ...twoChoices(),
      objective: 'npv',
      value: { ...twoChoices().value, perRequest: { kind: 'revenue', usdPerRequest: 0.01 } },
    });
    const cleared = withRequestValue(s, undefined);
    expect(cleared.scenario.objective).toBe('tco');
    expect(cleared.objectiveChanged).toBe('tco');
    expect(cleared.scenario.value.perRequest).toBeUndefined();
    expect(Scenario.safeParse(cleared.scenario).success).toBe(true);
    expect(withRequestValue(twoChoices(), undefined).objectiveChanged).toBeNull();
  });

  it('"as good as" a model sets the floor to its score and names it', () => {
    const e = evaluate(chatbot());
    const models = scoredModels(e.index.quality, e.index.models, 'lmarena-text');
    expect(models.length).toBeGreaterThan(10);
    expect(models.map((m) => m.score)).toEqual(
      [...models.map((m) => m.score)].sort((a, b) => b - a),
    );
    const mini = models.find((m) => m.modelId === 'gpt-4o-mini')!;
    const min = floorLike(chatbot().workload.minQuality!, mini);
    expect(min).toMatchObject({ score: mini.score, likeModelId: 'gpt-4o-mini' });
    // The benchmark by its name with its snapshot date (core/sweep/constraints.ts).
    expect(floorHint(min, models)).toBe(
      `As good as ${mini.name} (${mini.score} on ${benchmarkName('lmarena-text')})`,
    );
    // On another benchmark the floor follows the model when it has a score there.
    const aider = scoredModels(e.index.quality, e.index.models, 'aider-polyglot');
    const both = aider.find((m) => models.some((x) => x.modelId === m.modelId))!;
    const moved = floorOnBenchmark({ ...min, likeModelId: both.modelId }, 'aider-polyglot', aider);
    expect(moved).toMatchObject({ benchmark: 'aider-polyglot', score: both.score });
  });
});
