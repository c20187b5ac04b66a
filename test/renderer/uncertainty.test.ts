import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../core/scenario/parse.ts';
import { uncertainInput } from '../../core/uncertainty/inputs.ts';
import type { Tornado } from '../../core/uncertainty/tornado.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { defaultScenario } from '../../renderer/features/scenarios/default-scenario.ts';
import { bandDatasets } from '../../renderer/features/uncertainty/band-datasets.ts';
import {
  hasRanges,
  rangeProblems,
  startingRange,
  withInputRange,
  withOptions,
  withPriceRange,
} from '../../renderer/features/uncertainty/ranges-edit.ts';
import { SimulationRunner } from '../../renderer/features/uncertainty/simulation-runner.ts';
import { tornadoBars } from '../../core/charts/tornado-data.ts';
import { portfolioOfOne } from '../../core/portfolio/derive.ts';

describe('range editing', () => {
  it('starts a range around the stated value and drops the block with the last range', () => {
    const s = defaultScenario();
    // 50,000 a day: half to twice; 60 % hits: ±20 points; 350 output tokens: 175–700.
    expect(startingRange(uncertainInput('volume'), s)).toEqual({ low: 25_000, high: 100_000 });
    expect(startingRange(uncertainInput('promptCacheHitRate'), s)).toEqual({ low: 0.4, high: 0.8 });
    expect(startingRange(uncertainInput('outputTokens'), s)).toEqual({ low: 175, high: 700 });
    const ranged = withInputRange(s, 'volume', { low: 20_000, high: 120_000 });
    expect(hasRanges(ranged)).toBe(true);
    expect(withOptions(ranged, { seed: 5 }).uncertainty?.seed).toBe(5);
    const priced = withPriceRange(ranged, 'api', { low: -0.3, high: 0 });
    const cleared = withPriceRange(withInputRange(priced, 'volume', undefined), 'api', undefined);
    expect(cleared.uncertainty).toBeUndefined();
    // What the panel keeps is what a file holds: it reads back.
    expect(parseScenario(JSON.parse(JSON.stringify(portfolioOfOne(priced)))).ok).toBe(true);
  });

  it('names what is wrong with a range, by its path', () => {
    const s = defaultScenario();
    const bad = withInputRange(s, 'outputTokens', { low: 5000, high: 700 });
    expect(rangeProblems(bad).get('uncertainty.inputs.outputTokens')).toBe(
      'low (5000) is above high (700)',
    );
    const outside = withPriceRange(s, 'cloud', { low: -0.2, likely: 0.5, high: 0 });
    expect(rangeProblems(outside).get('uncertainty.priceChange.cloud')).toBe(
      '0.5 is outside low–high (-0.2–0)',
    );
    expect(rangeProblems(withInputRange(s, 'volume', { low: 1, high: 2e5 })).size).toBe(0);
  });
});

describe('chart shapes', () => {
  it('a tornado becomes floating bars from the all-likely value to each end', () => {
    const t: Tornado = {
      candidateId: 'a',
      versusId: null,
      measure: 'objective',
      objective: 'tco',
      baseUsd: 100,
      bars: [
        {
          input: 'volume',
          label: 'Requests per day',
          lowValue: 1,
          highValue: 3,
          lowUsd: 60,
          highUsd: 180,
          swingUsd: 120,
        },
        {
          input: 'batchShare',
          label: 'Batch share',
          lowValue: 0,
          highValue: 0.5,
          lowUsd: 100,
          highUsd: 100,
          swingUsd: 0,
        },
      ],
    };
    const ranges = [
      { id: 'volume' as const, label: '', low: 1, likely: 2, high: 3, percent: false },
      { id: 'batchShare' as const, label: '', low: 0, likely: 0.2, high: 0.5, percent: true },
    ];
    const bars = tornadoBars(t, ranges);
    expect(bars?.labels).toEqual(['Requests per day (1 → 3)', 'Batch share (0% → 50%)']);
    expect(bars?.low).toEqual([
      [100, 60],
      [100, 100],
    ]);
    expect(bars?.high).toEqual([
      [100, 180],
      [100, 100],
    ]);
  });

  it('a band is its P90 edge, then its P10 edge filled up to it', () => {
    const [top, bottom] = bandDatasets(
      { id: 'a', p10: [1, 2], p90: [3, null] },
      '#2857d8',
      'API',
      (k, y) => ({ x: k, y }),
    );
    expect(top?.label).toBe('');
    expect(top?.fill).toBe(false);
    expect(top?.data).toEqual([
      { x: 0, y: 3 },
      { x: 1, y: null },
    ]);
    expect(bottom?.label).toBe('P10–P90 API');
    expect(bottom?.fill).toBe('-1');
    expect(bottom?.backgroundColor).toBe('#2857d840');
  });
});

describe('the simulation runner (what the worker runs)', () => {
  const catalog = { ...readSeed(), discounts: [] };
  const scenario = () => {
    const s = withInputRange(defaultScenario(), 'volume', { low: 20_000, high: 120_000 });
    return withOptions(s, { samples: 200 });
  };
  const request = () => ({
    scenario: scenario(),
    staleBefore: '2000-01-01',
    today: '2026-12-01',
    chartIds: [],
    volumes: [],
  });

  it('reports progress, and the results of every future', async () => {
    const runner = new SimulationRunner();
    runner.setCatalog(catalog);
    const seen: number[] = [];
    const reply = await runner.run(
      request(),
      (done) => seen.push(done),
      () => false,
      async () => {},
    );
    expect(reply.kind).toBe('done');
    if (reply.kind !== 'done') return;
    expect(reply.output.result.samples).toBe(200);
    // 200 futures in slices of 50, then the bands: 0, 50, 100, 150, 200, 250.
    expect(seen).toEqual([0, 50, 100, 150, 200, 250]);
  });

  it('stops when a newer request arrives', async () => {
    const runner = new SimulationRunner();
    runner.setCatalog(catalog);
    let slices = 0;
    const reply = await runner.run(
      request(),
      () => {},
      () => slices >= 2,
      async () => {
        slices++;
      },
    );
    expect(reply.kind).toBe('cancelled');
  });
});
