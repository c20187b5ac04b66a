import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseWorkloadScenario } from '../../core/scenario/parse.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { defaultScenario } from '../../renderer/features/scenarios/default-scenario.ts';

// Issue 8's honest defaults: a fresh scenario once valued each request at $2 (NPV $84M, ROI
// 877,919 %), sent 10 % to a response cache and 20 % to batch, and applied a 90 % success rate.
describe('honest defaults', () => {
  it('a new scenario: no value per request, no response cache, no batch, every request a success', () => {
    const s = defaultScenario();
    expect(s.value.perRequest).toBeUndefined();
    expect(s.workload.responseCacheHitRate).toBe(0);
    expect(s.workload.batchShare).toBe(0);
    expect(s.value.successRate).toBe(1);
    expect(s.objective).toBe('tco');
    // The setup and launch defaults the Value panel shows where they are used.
    expect(s.value.setupUsd).toEqual({ api: 5_000, cloud: 40_000, onprem: 150_000 });
    expect(s.value.weeksToLaunch).toEqual({ api: 2, cloud: 6, onprem: 16 });
    expect(s.value.horizonMonths).toBe(36);
  });

  it('a scenario file that leaves them out reads the same way', () => {
    const minimal = Scenario.parse({
      schemaVersion: 1,
      name: 'minimal',
      workload: {
        requests: { count: 1_000, per: 'day' },
        inputTokens: { mean: 500 },
        outputTokens: { mean: 100 },
      },
    });
    expect(minimal.value.perRequest).toBeUndefined();
    expect(minimal.workload.responseCacheHitRate).toBe(0);
    expect(minimal.workload.batchShare).toBe(0);
    expect(minimal.workload.priorityShare).toBe(0);
    expect(minimal.value.successRate).toBe(1);
    expect(minimal.objective).toBe('tco');
  });

  it('without a value per request there is no ROI to show, and NPV cannot be the objective', () => {
    const seed = readSeed();
    const e = evaluateScenario({ ...seed, discounts: [] }, defaultScenario());
    if (!e.ok) throw new Error(e.error);
    const rows = e.result.rankedRows();
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.roi !== null)).toEqual([]);
    expect(rows.filter((r) => r.feasible && r.tcoUsd === null)).toEqual([]);
    expect(parseWorkloadScenario({ ...defaultScenario(), objective: 'npv' })).toEqual({
      ok: false,
      error: 'objective: the npv objective needs a value per request (value.perRequest)',
    });
  });
});
