import { describe, expect, it } from 'vitest';
import { formatChangePct, formatSigned, formatUsd } from '../../core/format.ts';
import { assumptionChanges } from '../../core/scenario/assumption-changes.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { compareOutcomes, outcomeOf, type Outcome } from '../../core/scenario/outcome.ts';
import { parseScenario, parseScenarioFile } from '../../core/scenario/parse.ts';
import { editableScenario, withWorkloadScenario } from '../../core/portfolio/derive.ts';
import {
  compareWithSnapshots,
  nextSnapshotName,
  restoredTo,
  snapshotState,
  withSnapshot,
  withSnapshots,
} from '../../core/scenario/snapshots.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { withPromptMean } from '../../core/workload/derive.ts';
import { DAYS_PER_MONTH } from '../../core/units.ts';
import { workedExampleScenario } from '../support/scenarios.ts';
import { workload } from '../support/fixtures.ts';
import { EMPTY_CATALOG } from '../support/reasoning-fixtures.ts';
import { dailyWorkload, portfolioFile } from '../support/portfolio-fixtures.ts';

/** DESIGN.md's worked example: one negotiated offering defined in the file, $11,015.19 a month. */
function worked(overrides: Record<string, unknown> = {}): Scenario {
  return Scenario.parse({ ...workedExampleScenario(), ...overrides });
}
const AT = new Date('2026-07-01T09:30:00.000Z');

function evaluate(s: Scenario) {
  return evaluateScenario(EMPTY_CATALOG, s, { asOf: '2026-11-01' });
}

describe('snapshots in a scenario file', () => {
  it('a file without snapshots opens as before; one with them keeps them', () => {
    const plain = parseScenario(workedExampleScenario());
    expect(plain.ok && plain.scenario.snapshots).toBe(undefined);
    const taken = withSnapshot(worked(), 'Baseline', AT);
    const reread = parseScenario(JSON.parse(JSON.stringify(taken)));
    if (!reread.ok) throw new Error(reread.error);
    expect(reread.scenario.snapshots).toHaveLength(1);
    expect(reread.scenario.snapshots?.[0]?.name).toBe('Baseline');
    expect(reread.scenario.snapshots?.[0]?.takenAt).toBe('2026-07-01T09:30:00.000Z');
    expect(reread.scenario.snapshots?.[0]?.scenario.workload.requests.count).toBe(1_500_000);
  });

  it('refuses a bad snapshot, naming where it is', () => {
    const file = JSON.parse(JSON.stringify(withSnapshot(worked(), 'Baseline', AT)));
    file.snapshots[0].scenario.workload.requests.count = -5;
    const bad = parseScenario(file);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^snapshots\[0\]\.scenario\.workload\.requests\.count: /);
    const nested = JSON.parse(JSON.stringify(withSnapshot(worked(), 'Baseline', AT)));
    nested.snapshots[0].scenario.snapshots = [];
    expect(parseScenario(nested)).toEqual({
      ok: false,
      error: 'snapshots[0].scenario.snapshots: a snapshot holds no snapshots of its own',
    });
    const late = JSON.parse(JSON.stringify(withSnapshot(worked(), 'Baseline', AT)));
    late.snapshots[0].takenAt = 'yesterday';
    expect(!parseScenario(late).ok && (parseScenario(late) as { error: string }).error).toMatch(
      /^snapshots\[0\]\.takenAt: /,
    );
  });

  it('takes, names, restores and keeps snapshots across a restore', () => {
    expect(nextSnapshotName([])).toBe('Baseline');
    const one = withSnapshot(worked(), 'Baseline', AT);
    expect(nextSnapshotName(one.snapshots ?? [])).toBe('Snapshot 2');
    // The state kept has no snapshots and no editor hint of its own.
    expect(one.snapshots?.[0]?.scenario).toEqual(snapshotState(worked()));
    expect('snapshots' in (one.snapshots?.[0]?.scenario ?? {})).toBe(false);
    const moved: Scenario = {
      ...one,
      name: 'Renamed since',
      workload: { ...one.workload, requests: { count: 15_000_000, per: 'month' } },
    };
    const back = restoredTo(moved, one.snapshots?.[0] as NonNullable<Scenario['snapshots']>[0]);
    expect(back.workload.requests.count).toBe(1_500_000);
    expect(back.name).toBe('Renamed since');
    expect(back.snapshots).toBe(moved.snapshots);
    expect(withSnapshots(back, []).snapshots).toBe(undefined);
  });
});

describe('the assumptions that differ', () => {
  it('names each change with its label and both values; volume as requests a month', () => {
    const before = worked();
    const after: Scenario = {
      ...before,
      name: 'not an assumption',
      description: 'nor this',
      workload: {
        ...before.workload,
        // 50,000 a day over 7 days a week = 50,000 × 30.4167 = 1,520,833 a month.
        requests: { count: 50_000, per: 'day' },
        promptCache: { ...before.workload.promptCache, hitRate: 0.3 },
        residency: ['eu'],
        precision: 'int4',
      },
    };
    const changes = assumptionChanges(before, after);
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Requests / month', '1,500,000', '1,520,833'],
      ['Prompt-cache hits', '60%', '30%'],
      ['Weights', 'fp8', 'int4'],
      ['Workload: residency', 'none (all)', 'eu'],
    ]);
    // A per-day count that means the same monthly volume is no change.
    const same: Scenario = {
      ...before,
      workload: {
        ...before.workload,
        requests: { count: 1_500_000 / DAYS_PER_MONTH, per: 'day' },
      },
    };
    expect(assumptionChanges(before, same).map((c) => c.path)).not.toContain('workload.requests');
  });
});

describe('outcomes compared', () => {
  it('the worked example at ten times the volume: the same pick, ten times the monthly cost', () => {
    const base = evaluate(worked());
    const tenfold = evaluate(
      worked({
        workload: {
          ...(workedExampleScenario()['workload'] as object),
          requests: { count: 15_000_000, per: 'month' },
        },
      }),
    );
    const c = compareOutcomes(outcomeOf(base), outcomeOf(tenfold));
    expect(c.winnerChanged).toBe(false);
    expect(c.winnerAfter?.id).toBe('api:negotiated/sonnet');
    const monthly = c.measures.find((m) => m.key === 'monthlyUsd');
    // $11,015.19 → × 10 = $110,151.90: +$99,136.71, +900 %.
    expect(monthly?.before).toBe('$11,015');
    expect(monthly?.after).toBe('$110,152');
    expect(monthly?.change).toBe('+$99,137 (+900%)');
    expect(monthly?.direction).toBe('worse');
    // The price of one request does not move with volume.
    expect(c.measures.find((m) => m.key === 'perRequestUsd')?.direction).toBe('same');
    expect(c.measures.find((m) => m.key === 'requestsPerMonth')?.change).toBe(
      '+13,500,000 (+900%)',
    );
  });

  it('says when the pick changed, and which way each number moved', () => {
    const outcome = (over: Partial<Outcome>): Outcome => ({
      error: null,
      objective: 'tco',
      horizonMonths: 36,
      requestsPerMonth: 1e6,
      winner: { id: 'a', label: 'A', kind: 'api' },
      monthlyUsd: 1000,
      tcoUsd: 41_000,
      perRequestUsd: 0.001,
      ttftMs: 400,
      netMonthlyUsd: null,
      npvUsd: null,
      paybackMonth: null,
      feasibleCount: 10,
      candidateCount: 20,
      ...over,
    });
    const c = compareOutcomes(
      outcome({}),
      outcome({ winner: { id: 'b', label: 'B', kind: 'cloud' }, tcoUsd: 30_750, ttftMs: 500 }),
    );
    expect(c.winnerChanged).toBe(true);
    // 41,000 → 30,750: −$10,250, −25 %: better. 400 → 500 ms: +100 ms, +25 %: worse.
    expect(c.measures.find((m) => m.key === 'tcoUsd')).toMatchObject({
      label: '36-month cost',
      change: '−$10,250 (−25%)',
      direction: 'better',
    });
    expect(c.measures.find((m) => m.key === 'ttftMs')).toMatchObject({
      change: '+100 ms (+25%)',
      direction: 'worse',
    });
    // No value per request on either side: no ROI rows.
    expect(c.measures.some((m) => m.key === 'npvUsd')).toBe(false);
    expect(compareOutcomes(outcome({}), outcome({ winner: null })).winnerChanged).toBe(true);
  });

  it('signed changes read as people write them', () => {
    expect(formatSigned(1234.4, formatUsd)).toBe('+$1,234');
    expect(formatSigned(-0.5, formatUsd)).toBe('−$0.50');
    expect(formatSigned(0, formatUsd)).toBe('±$0.00');
    // What rounds to zero has no direction either: never '+$0.00' or '−0.0 ms'.
    expect(formatSigned(0.001, formatUsd)).toBe('±$0.00');
    expect(formatSigned(-12.34, formatUsd)).toBe('−$12.34');
    expect(formatChangePct(200, 150)).toBe('−25%');
    expect(formatChangePct(1000, 1001)).toBe('+0.1%');
    expect(formatChangePct(0, 5)).toBe('');
    // A snapshot of 1e-300 requests a month against 10,000,000 now: the ratio overflows, and the
    // change read "+10,000,000 (+Infinity%)". No percentage is said from a value next to 0.
    expect(formatChangePct(1e-300, 10_000_000)).toBe('');
  });

  it('compares every snapshot kept in a file with the scenario now', () => {
    const withBaseline = withSnapshot(worked(), 'Baseline', AT);
    const now: Scenario = {
      ...withBaseline,
      workload: { ...withBaseline.workload, requests: { count: 3_000_000, per: 'month' } },
    };
    const [c] = compareWithSnapshots(now, evaluate(now), evaluate);
    expect(c?.name).toBe('Baseline');
    expect(c?.winnerChanged).toBe(false);
    // Twice the volume: $11,015.19 → $22,030.38, +$11,015 (+100 %).
    expect(c?.measures.find((m) => m.key === 'monthlyUsd')?.change).toBe('+$11,015 (+100%)');
    expect(c?.assumptionChanges).toEqual([
      {
        path: 'workload.requests',
        label: 'Requests / month',
        before: '1,500,000',
        after: '3,000,000',
      },
    ]);
  });
});

describe('a what-if keeps whole numbers whole', () => {
  it('scaling the prompt rounds its p95 to a whole token', () => {
    const w = workload({ inputTokens: { mean: 1800, p95: 4000 } });
    // 4,000 × 2,793 / 1,800 = 6,206.67 → 6,207 tokens.
    expect(withPromptMean(w, 2793, 'scale').inputTokens).toEqual({ mean: 2793, p95: 6207 });
    // A simulated fractional mean keeps the exact ratio: 4,000 × 2,700.5 / 1,800.
    expect(withPromptMean(w, 2700.5, 'scale').inputTokens.p95).toBeCloseTo(
      (4000 * 2700.5) / 1800,
      9,
    );
  });
});

describe('snapshots in a file of several workloads (version 2)', () => {
  const day = dailyWorkload('chat', 'support', 8, 12, 24_000);
  const night = dailyWorkload('batch', 'data', 20, 8, 8_000);

  it('a version 1 file’s snapshots become the file’s, read as its one workload’s (version 2)', () => {
    const v1 = JSON.parse(JSON.stringify(withSnapshot(worked(), 'Baseline', AT)));
    expect(v1.schemaVersion).toBe(1);
    const parsed = parseScenarioFile(v1);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.file.workloads.map((w) => w.id)).toEqual(['main']);
    expect(parsed.file.snapshots?.[0]?.scenario.schemaVersion).toBe(2);
    expect(parsed.file.snapshots?.[0]?.scenario.workload.requests.count).toBe(1_500_000);
  });

  it('each workload’s scenario carries the file’s snapshots, and writes them back', () => {
    const file = portfolioFile([day, night]);
    const chat = editableScenario(file, file.workloads[0]!);
    // Taken on the night batch: 8,000 a day is what it held.
    const batch = editableScenario(file, file.workloads[1]!);
    const taken = withSnapshot(batch, 'Night', AT, 'batch');
    const written = withWorkloadScenario(file, 'batch', taken);
    expect(written.snapshots?.map((s) => [s.name, s.workloadId])).toEqual([['Night', 'batch']]);
    expect(editableScenario(written, written.workloads[0]!).snapshots).toHaveLength(1);
    expect(written.snapshots?.[0]?.scenario.workload.requests.count).toBe(8_000);
    // The chat workload's scenario is unchanged by it, and removing the last snapshot clears them.
    expect(chat.workload.requests.count).toBe(24_000);
    const cleared = withWorkloadScenario(written, 'chat', withSnapshots(chat, []));
    expect(cleared.snapshots).toBe(undefined);
    // The file round-trips through its schema with the snapshot.
    const reread = parseScenarioFile(JSON.parse(JSON.stringify(written)));
    expect(reread.ok && reread.file.snapshots?.[0]?.workloadId).toBe('batch');
  });

  it('refuses a snapshot of a workload the file does not hold, naming the field', () => {
    const file = portfolioFile([day, night]);
    const taken = withWorkloadScenario(
      file,
      'chat',
      withSnapshot(editableScenario(file, file.workloads[0]!), 'Day', AT, 'gone'),
    );
    expect(parseScenarioFile(JSON.parse(JSON.stringify(taken)))).toEqual({
      ok: false,
      error: "snapshots[0].workloadId: no workload 'gone'",
    });
  });
});
