import { beforeEach, describe, expect, it } from 'vitest';
import { evaluatePortfolio } from '../../core/portfolio/evaluate.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { addWorkload } from '../../renderer/features/portfolio/WorkloadSwitcher.tsx';
import { spendSeries } from '../../core/charts/spend-data.ts';
import { consumption, nextWorkloadId } from '../../renderer/features/portfolio/portfolio-model.ts';
import {
  currentFile,
  updateWorkload,
  useWorkspace,
} from '../../renderer/stores/workspace-store.ts';
import { dailyWorkload, portfolioFile } from '../support/portfolio-fixtures.ts';

const catalog = { ...readSeed(), discounts: [] };

describe('workspace store: a file of several workloads', () => {
  beforeEach(() =>
    useWorkspace
      .getState()
      .load(
        portfolioFile([
          dailyWorkload('day', 'Support', 9, 12, 2000),
          { ...dailyWorkload('night', 'Data', 21, 12, 2000), idleShutdown: true },
        ]),
        null,
      ),
  );

  it('every panel edits the active workload; switching keeps the edits', () => {
    expect(useWorkspace.getState().activeId).toBe('day');
    updateWorkload({ peakToAverage: 2 });
    useWorkspace.getState().activate('night');
    expect(useWorkspace.getState().scenario.workload.schedule.startHour).toBe(21);
    updateWorkload({ monthlyGrowthPct: 5 });
    const file = currentFile();
    expect(
      file.workloads.map((w) => [w.id, w.workload.peakToAverage, w.workload.monthlyGrowthPct]),
    ).toEqual([
      ['day', 2, 0],
      ['night', 1, 5],
    ]);
    // Idle shutdown is applied when evaluated, never written into the shared candidates.
    expect(file.candidates[0]).toMatchObject({ kind: 'cloud', minReplicas: 1, scaling: 'fixed' });
  });

  it('adds a workload as a copy of the active one with its own id, and makes it active', () => {
    addWorkload();
    const s = useWorkspace.getState();
    expect(s.activeId).toBe('workload-3');
    expect(s.file.workloads.map((w) => w.name)).toEqual(['day', 'night', 'Workload 3']);
    expect(s.scenario.workload.schedule.startHour).toBe(9);
    expect(nextWorkloadId(['workload-2', 'workload-3'])).toBe('workload-4');
  });
});

describe('portfolio view data', () => {
  // Two fixed one-L4 fleets ($730 a month each alone) that share one ($730 together): the day
  // workload grows 5 % a month, and the one L4 still serves both in month 2 (re-sized, it needs
  // no second): the $730 is shared by GPU-seconds, 1.05 : 1.
  const file = portfolioFile(
    [
      dailyWorkload('day', 'Support', 9, 12, 2000, { stage: 'experiment', monthlyGrowthPct: 5 }),
      {
        ...dailyWorkload('night', 'Data', 21, 12, 2000, { stage: 'experiment' }),
        tags: ['etl', 'eu'],
      },
    ],
    { budgets: [{ owner: 'Data', monthlyUsd: 500 }] },
  );
  const e = evaluatePortfolio(catalog, file, { asOf: '2026-11-27' });
  if (!e.ok) throw new Error(e.error);
  const r = e.result;

  it('stacks spend by team month by month, with each budget as its own line', () => {
    const s = spendSeries(r, 'owner');
    expect(s.months).toHaveLength(12);
    const [support, data] = s.stacks;
    expect(support!.label).toBe('Support');
    // Equal requests, equal GPU-seconds: each carries half of the $730 pool in month 1.
    expect(support!.usd[0]).toBeCloseTo(365, 6);
    expect(data!.usd[0]).toBeCloseTo(365, 6);
    // Month 2: 730 × 1.05 ÷ 2.05 = $373.90 and 730 × 1 ÷ 2.05 = $356.10: still $730 in all.
    expect(support!.usd[1]).toBeCloseTo((730 * 1.05) / 2.05, 6);
    expect(data!.usd[1]).toBeCloseTo(730 / 2.05, 6);
    // Data's $500 budget is drawn on Data's stack: over Support's $365, at $865 in month 1, and
    // over Support's $373.90 at $873.90 in month 2.
    const [data500] = s.budgets;
    expect(data500).toMatchObject({
      label: 'Budget: Data',
      usd: 500,
      firstBreachMonth: null,
      stack: 1,
    });
    expect(data500!.lineUsd[0]).toBeCloseTo(865, 6);
    expect(data500!.lineUsd[1]).toBeCloseTo((730 * 1.05) / 2.05 + 500, 6);
    // Stacked by placement, no stack is Data's spend alone: the line stands at the budget.
    const byPlacement = spendSeries(r, 'placement').budgets[0]!;
    expect(byPlacement.stack).toBeNull();
    expect(byPlacement.lineUsd[0]).toBe(500);
  });

  it('slices consumption by tag, each workload under every tag it has', () => {
    const rows = consumption(r, 'tag');
    expect(rows.map((x) => x.key).sort()).toEqual(['(untagged)', 'etl', 'eu']);
    const etl = rows.find((x) => x.key === 'etl')!;
    // 2,000 a day × 365 / 12 days = 60,833.33 requests a month.
    expect(etl.requestsPerMonth).toBeCloseTo((2000 * 365) / 12, 6);
    expect(etl.gpuHoursPerMonth).toBeGreaterThan(0);
  });
});
