/**
 * The comparison's "At 50% volume" column in Chromium: in the objective's unit (a month under the
 * monthly objective, the horizon under the horizon cost), its header saying which.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatUsd } from '../../core/format.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';
import { engine } from './engine.ts';
import { fixedCommittedFleet } from '../support/fixed-fleet.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const SCENARIO = fixedCommittedFleet('Fixed fleet, committed', 'monthly');

describe('the commitment’s cost at half the volume', () => {
  it('follows the objective’s unit, and its header says it', async () => {
    session = await openSession({ viewport: { width: 1700, height: 1100 } });
    const s = session;
    await loadApp(s);
    const file = join(s.dataDir, 'fleet.json');
    writeFileSync(file, JSON.stringify(SCENARIO));
    await pickFile(s.page, 'open-file', file);
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe(
      'Fixed fleet, committed',
    );
    const parsed = parseScenario(SCENARIO);
    if (!parsed.ok) throw new Error(parsed.error);
    const committed = engine(s, parsed.scenario)
      .result.rankedRows()
      .find((r) => r.commitment !== null)!;
    const row = s.page.locator(`[data-row-key="${committed.id}"]`);
    const table = s.page.getByTestId('compare-table');

    // Monthly: a fixed fleet of one committed instance keeps it at half the volume, so the
    // month at 50% is the Monthly cost itself — not 36 months of it.
    await poll(() =>
      table.locator('[role="columnheader"][data-column="stressed50MonthlyUsd"]').textContent(),
    ).toBe('Monthly at 50% volume');
    const monthly = formatUsd(committed.monthlyUsd);
    await poll(() => row.locator('[data-column="monthlyUsd"]').textContent()).toBe(monthly);
    expect(await row.locator('[data-column="stressed50MonthlyUsd"]').textContent()).toBe(monthly);

    // The horizon cost: the 36 months at half the volume, said in the header.
    await s.page.getByTestId('objective').selectOption('tco');
    await poll(() =>
      table.locator('[role="columnheader"][data-column="stressed50Usd"]').textContent(),
    ).toBe('36-month cost at 50% volume');
    expect(await row.locator('[data-column="stressed50Usd"]').textContent()).toBe(
      formatUsd(committed.commitment!.stressed50Usd),
    );
    expect(s.errors).toEqual([]);
  });
});
