/**
 * The savings list on the chatbot story (examples/chatbot.json), in Chromium: every lever's figure
 * is the engine's, computed here on the catalog the app's server reads; "apply" on the top lever
 * re-ranks the comparison as the engine does for that what-if, and undo restores the ranking.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMs, formatUsd } from '../../core/format.ts';
import { LEVER_LABELS, notWorthItReason } from '../../core/levers/lever.ts';
import { savingsLevers } from '../../core/levers/levers.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';

const CHATBOT = resolve('examples/chatbot.json');
const TOP = 6;

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

function chatbotScenario(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(CHATBOT, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

/** The engine's evaluation on the app's own catalog, priced as of today as the app is. */
function engine(s: Session, scenario: Scenario) {
  const today = new Date().toISOString().slice(0, 10);
  const e = evaluateScenario(s.server.store.readCatalog(), scenario, { asOf: today });
  if (!e.ok) throw new Error(e.error);
  return e;
}

/** The table's top rows, read as a person does: with the table scrolled into view. */
async function topRows(page: Page): Promise<string[]> {
  // Out of sight the table keeps the rows it showed until it is back in view.
  await page.getByTestId('compare-table-card').scrollIntoViewIfNeeded();
  const rows = page.locator('[data-testid="compare-table-card"] [role="row"][data-row-key]');
  const keys: string[] = [];
  const n = Math.min(TOP, await rows.count());
  for (let i = 0; i < n; i++) keys.push((await rows.nth(i).getAttribute('data-row-key')) ?? '');
  return keys;
}

describe('the savings list', () => {
  it('appears for the chatbot story; apply on the top lever re-ranks, undo restores', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    await pickFile(s.page, 'open-file', CHATBOT);
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe('Support chatbot (EU)');

    const scenario = chatbotScenario();
    const catalog = s.server.store.readCatalog();
    const before = engine(s, scenario);
    const levers = savingsLevers(catalog, scenario, before);
    const top = levers[0]!;
    expect(top.whatIf).not.toBeNull();
    const card = s.page.locator('[data-testid="savings-card"][data-state="ready"]');
    await card.waitFor({ timeout: 30_000 });
    // Every lever the engine finds, in its order, with its horizon saving.
    const rows = card.locator('tr[data-saves]');
    await poll(() => rows.count()).toBe(levers.length);
    const first = rows.first();
    await poll(() => first.locator('th > div').textContent()).toBe(LEVER_LABELS[top.lever]);
    await poll(() => first.locator('td').nth(2).textContent()).toBe(formatUsd(top.tcoSavingUsd));
    // Levers that would not save over the horizon (chatbot.json ranks by TCO) are listed apart,
    // under their own heading, never as savings of $0 or less.
    const noSaving = levers.filter((l) => l.tcoSavingUsd < 0.005);
    expect(noSaving.length).toBeGreaterThan(0);
    const apart = card.getByTestId('savings-not');
    await poll(() => apart.locator('tr[data-saves]').count()).toBe(noSaving.length);
    expect(await apart.locator('th[scope="rowgroup"]').textContent()).toContain(
      'These would not save money here',
    );
    for (const l of noSaving) {
      const row = apart.getByTestId(`lever-${l.lever}`);
      expect(await row.count(), l.lever).toBe(1);
      // Each says why it is not worth it, in the objective's terms (chatbot.json: the horizon).
      expect(await row.getByTestId('lever-reason').textContent()).toBe(
        `Not worth it: ${notWorthItReason(l, 'tco')}.`,
      );
    }
    // A faster first token reads with the minus sign, as the money beside it does (it read
    // '-128 ms' next to '−$10,000'); the cache lever only changes latency on rented GPUs.
    const cache = levers.find((l) => l.lever === 'cache')!;
    expect(cache.ttftDeltaMs).toBeLessThan(0);
    expect(await card.getByTestId('lever-cache').locator('td').nth(4).textContent()).toBe(
      `−${formatMs(-cache.ttftDeltaMs!)}`,
    );

    const expectedBefore = before.result
      .rankedRows()
      .slice(0, TOP)
      .map((r) => r.id);
    await poll(() => topRows(s.page)).toEqual(expectedBefore);
    const after = engine(s, top.whatIf!);
    const expectedAfter = after.result
      .rankedRows()
      .slice(0, TOP)
      .map((r) => r.id);
    expect(expectedAfter).not.toEqual(expectedBefore);

    await s.page.getByTestId(`apply-${top.lever}`).click();
    await poll(() => topRows(s.page)).toEqual(expectedAfter);
    await poll(() => s.page.getByTestId('savings-applied').textContent()).toContain(
      LEVER_LABELS[top.lever],
    );
    await s.page.getByTestId('savings-card').screenshot({ path: '/tmp/levers-savings.png' });

    await s.page.getByTestId('savings-undo').click();
    await poll(() => topRows(s.page)).toEqual(expectedBefore);
    await poll(() => s.page.getByTestId('savings-applied').count()).toBe(0);
    expect(s.errors).toEqual([]);
  }, 180_000);
});
