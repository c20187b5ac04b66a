import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../scripts/cli/catalog-source.ts';
import { runReport } from '../../scripts/cli/report.ts';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';
import { useTempDir, writeJson } from '../support/tmp.ts';

// Which prices a month pays (docs/reports.md): each day of the horizon at the prices that hold on
// it, and the Monthly cost is the horizon's first month — so the headline, the recommendation's
// sentence, month 1 of the projection and the JSON say the same, whatever the --as-of day.
useDataDirEnv(beforeAll, afterAll);
const tmp = useTempDir();
const EXAMPLE = 'examples/launch-promotion.json';
const SONNET_5 = 'api:anthropic/claude-sonnet-5';

interface Row {
  id: string;
  monthlyUsd: number;
  tcoUsd: number;
  perRequestUsd: number;
  breakdown: { inputUsd: number; outputUsd: number };
}
const sonnet5 = (file: string, ...args: string[]): Row =>
  (
    JSON.parse(run(['cost', '--scenario', file, '--format', 'json', ...args])) as {
      candidates: Row[];
    }
  ).candidates.find((c) => c.id === SONNET_5)!;

/** The launch-promotion scenario with its dates changed (undefined: left out). */
function variant(dates: { asOf?: string; startDate?: string }): string {
  const { asOf: _a, startDate: _s, ...rest } = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  return writeJson(tmp(), 'scenario.json', { ...rest, ...dates });
}

describe('the Monthly cost is the horizon’s first month', () => {
  // Claude Sonnet 5: $2/$10 per 1M tokens through 2026-08-31, $3/$15 from 2026-09-01. The
  // workload: 1,000,000 requests a month × (1,000 input + 200 output tokens).
  //   at the launch price: 1e6 × (1,000 × 2 + 200 × 10) / 1e6 = $4,000 a month
  //   after it:            1e6 × (1,000 × 3 + 200 × 15) / 1e6 = $6,000 a month

  it('a horizon that starts before the as-of day: month 1 still paid the launch price', async () => {
    const row = sonnet5(EXAMPLE, '--as-of', '2026-09-15');
    // August 2026 is month 1: $4,000; then 11 × $6,000 = $66,000; 12 months $70,000.
    expect(row.monthlyUsd).toBeCloseTo(4000, 6);
    expect(row.tcoUsd).toBeCloseTo(70_000, 6);
    expect(row.perRequestUsd).toBeCloseTo(0.004, 9);
    const md = await runReport(
      ['--scenario', EXAMPLE, '--as-of', '2026-09-15', '--format', 'md'],
      loadCatalog(),
    );
    expect(md).toContain('**Monthly cost:** $4,000 (first full month)');
    expect(md).toContain('starting at $4,000 a month');
    expect(md).toContain('| 1 | 2026-08-01 | $4,000 |');
    expect(md).toContain('| 2 | 2026-09-01 | $6,000 |');
    expect(md).not.toContain('$6,000 (first full month)');
  });

  it('a price change inside month 1: the month is each day at its own prices', () => {
    // No startDate: the horizon starts on the as-of day, 2026-08-15. Month 1 runs to 2026-09-15,
    // 31 days: 17 (Aug 15–31) at the launch price and 14 (Sep 1–14) after it.
    //   4,000 × 17/31 + 6,000 × 14/31 = 152,000 / 31 = $4,903.23
    //   input: 2,000 × 17/31 + 3,000 × 14/31 = 76,000 / 31 = $2,451.61
    //   12 months: 152,000/31 + 11 × 6,000 = $70,903.23
    const row = sonnet5(variant({}), '--as-of', '2026-08-15');
    expect(row.monthlyUsd).toBeCloseTo(152_000 / 31, 6);
    expect(row.breakdown.inputUsd).toBeCloseTo(76_000 / 31, 6);
    expect(row.breakdown.inputUsd + row.breakdown.outputUsd).toBeCloseTo(row.monthlyUsd, 6);
    expect(row.perRequestUsd).toBeCloseTo(152_000 / 31 / 1e6, 12);
    expect(row.tcoUsd).toBeCloseTo(152_000 / 31 + 66_000, 6);
  });

  it('a horizon that starts after the promotion ends never pays the launch price', () => {
    // Decided on 2026-08-01 (the launch price then) for a service starting 2026-10-01:
    // 12 × $6,000 = $72,000, and $6,000 a month from the first.
    const row = sonnet5(variant({ asOf: '2026-08-01', startDate: '2026-10-01' }));
    expect(row.monthlyUsd).toBeCloseTo(6000, 6);
    expect(row.tcoUsd).toBeCloseTo(72_000, 6);
  });
});
