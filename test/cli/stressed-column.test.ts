import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';
import { fixedCommittedFleet } from '../support/fixed-fleet.ts';
import { useTempDir, writeJson } from '../support/tmp.ts';

// "At 50% volume" is in the objective's unit: a month under the monthly objective, the horizon
// under the others, and its header says which.
useDataDirEnv(beforeAll, afterAll);
const tmp = useTempDir();

interface Row {
  id: string;
  monthlyUsd: number;
  tcoUsd: number;
  commitment: { stressed50Usd: number; stressed50MonthlyUsd: number } | null;
}
const COMMITTED = (r: Row) => r.commitment !== null;

describe('the commitment’s cost at 50% volume', () => {
  it('under the monthly objective: a month, beside the Monthly cost', () => {
    const file = writeJson(tmp(), 'fleet.json', fixedCommittedFleet('Fixed fleet', 'monthly'));
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
    expect(header).toContain('Monthly at 50% volume');
    const money = `$${row.monthlyUsd.toFixed(2)}`;
    const line = text.split('\n').find((l) => l.startsWith('1 '))!;
    // Monthly and the 50% month: the same amount, twice; never the 36-month total.
    expect(line.split(money).length - 1).toBe(2);
    expect(line).not.toContain(
      `$${Math.round(row.commitment!.stressed50Usd).toLocaleString('en-US')}`,
    );
  });

  it('under the horizon cost: the 36 months, said in the header', () => {
    const file = writeJson(tmp(), 'fleet.json', fixedCommittedFleet('Fixed fleet', 'tco'));
    const text = run(['cost', '--scenario', file, '--format', 'md']);
    expect(text).toContain('36-month cost at 50% volume');
    expect(text).not.toContain('Monthly at 50% volume');
  });
});
