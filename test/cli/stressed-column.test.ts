import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';
import { useTempDir, writeJson } from '../support/tmp.ts';

// "At 50% volume" is in the objective's unit: a month under the monthly objective, the horizon
// under the others, and its header says which.
useDataDirEnv(beforeAll, afterAll);
const tmp = useTempDir();

/** One L4 (g2-standard-4) held for a year and the same on demand, a fixed fleet of one. */
const fleet = (objective: string) => ({
  schemaVersion: 1,
  name: 'Fixed fleet',
  objective,
  workload: {
    requests: { count: 20_000, per: 'day' },
    peakToAverage: 2,
    inputTokens: { mean: 1000 },
    outputTokens: { mean: 200 },
    precision: 'fp8',
  },
  value: { horizonMonths: 36 },
  candidates: ['onDemand', 'commit1y'].map((pricing) => ({
    kind: 'cloud',
    instanceId: 'gcp:g2-standard-4:europe-west4',
    modelId: 'gemma-3-12b',
    pricing,
    scaling: 'fixed',
    minReplicas: 1,
    reserveReplicas: 0,
    staffFte: 0,
    egressUsdPerGB: 0,
  })),
});

interface Row {
  id: string;
  monthlyUsd: number;
  tcoUsd: number;
  commitment: { stressed50Usd: number; stressed50MonthlyUsd: number } | null;
}
const COMMITTED = (r: Row) => r.commitment !== null;

describe('the commitment’s cost at 50% volume', () => {
  it('under the monthly objective: a month, beside the Monthly cost', () => {
    const file = writeJson(tmp(), 'fleet.json', fleet('monthly'));
    const json = JSON.parse(run(['cost', '--scenario', file, '--format', 'json']));
    const row = (json.candidates as Row[]).find(COMMITTED)!;
    // A fixed fleet of one committed instance: half the requests still hold that one instance
    // (0.468037 $/h × 730 h = $341.67 committed, plus its monitoring and weight storage, no
    // egress), so the month at 50% is the Monthly cost itself, not 36 months of it.
    expect(row.commitment!.stressed50MonthlyUsd).toBeCloseTo(row.monthlyUsd, 6);
    expect(row.monthlyUsd).toBeGreaterThan(0.468037 * 730);
    // The horizon figure stays in the JSON: 36 such months.
    expect(row.commitment!.stressed50Usd).toBeCloseTo(36 * row.monthlyUsd, 4);
    const text = run(['cost', '--scenario', file]);
    const header = text.split('\n').find((l) => l.startsWith('Rank'))!;
    expect(header).toContain('At 50% volume, monthly');
    const money = `$${row.monthlyUsd.toFixed(2)}`;
    const line = text.split('\n').find((l) => l.startsWith('1 '))!;
    // Monthly and the 50% month: the same amount, twice; never the 36-month total.
    expect(line.split(money).length - 1).toBe(2);
    expect(line).not.toContain(
      `$${Math.round(row.commitment!.stressed50Usd).toLocaleString('en-US')}`,
    );
  });

  it('under the horizon cost: the 36 months, said in the header', () => {
    const file = writeJson(tmp(), 'fleet.json', fleet('tco'));
    const text = run(['cost', '--scenario', file, '--format', 'md']);
    expect(text).toContain('At 50% volume, 36-month cost');
    expect(text).not.toContain('At 50% volume, monthly');
  });
});
