/**
 * What the QA review of main found, walked in Chromium: a prompt shrunk and grown back keeps its
 * cacheable prefix (form and what-if), the monthly card says the setup is left out of it, and the
 * TTFT card with no figure says why. Expected figures come from core on the server's catalog.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatUsd } from '../../core/format.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { loadApp, openSession, type Session, pickFile } from './browser.ts';
import { engine } from './engine.ts';

function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 20_000, interval: 100 });
}

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

function scenarioOf(path: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

/** The app with an example open, its scenario, and the engine's recommendation for it. */
async function openExample(file: string) {
  const path = resolve('examples', file);
  const scenario = scenarioOf(path);
  session = await openSession();
  const s = session;
  await loadApp(s);
  await pickFile(s.page, 'open-file', path);
  await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe(scenario.name);
  const rec = engine(s, scenario).result.rankedRows()[0]!;
  return { s, rec };
}

describe('QA fixes', () => {
  it('a prompt shrunk below the prefix and grown back costs what it did, prefix intact', async () => {
    const { s, rec } = await openExample('decision-report.json');
    const monthly = formatUsd(rec.monthlyUsd);
    await poll(() => s.page.getByTestId('kpi-monthly').textContent()).toBe(monthly);
    // The one-off setup is in the horizon cost, not in the month: the card says so.
    expect(rec.setupUsd).toBeGreaterThan(0);
    expect(await s.page.getByTestId('kpi-monthly-sub').textContent()).toContain(
      `excludes the ${formatUsd(rec.setupUsd)} setup`,
    );

    // The form: 2,000 → 1,000 tokens. The stated 1,500-token prefix stays, with a warning.
    const mean = s.page.getByTestId('input-mean');
    await mean.fill('1000');
    await poll(() => s.page.getByTestId('prefix-warning').textContent()).toBe(
      'Longer than the 1,000-token mean prompt: costed as 1,000 tokens until the prompt is at least 1,500',
    );
    expect(await s.page.getByTestId('prefix').inputValue()).toBe('1500');
    await mean.fill('2000');
    await poll(() => s.page.getByTestId('prefix-warning').count()).toBe(0);
    await poll(() => s.page.getByTestId('kpi-monthly').textContent()).toBe(monthly);

    // The what-if prompt: to 1 token and back by typing, the same.
    const whatIf = s.page.getByTestId('whatif-prompt-input');
    await whatIf.fill('1');
    await whatIf.press('Enter');
    await poll(() => s.page.getByTestId('prefix-warning').count()).toBe(1);
    await whatIf.fill('2000');
    await whatIf.press('Enter');
    await poll(() => s.page.getByTestId('prefix-warning').count()).toBe(0);
    expect(await s.page.getByTestId('prefix').inputValue()).toBe('1500');
    await poll(() => s.page.getByTestId('kpi-monthly').textContent()).toBe(monthly);
    expect(s.errors).toEqual([]);
  });

  it('the TTFT card with no published TTFT says so, not "published median"', async () => {
    const { s, rec } = await openExample('agent.json');
    await poll(() => s.page.getByTestId('recommended').textContent()).toBe(`★ ${rec.label}`);
    // GPT-5's published row has an output speed (80 tokens/s → 12.5 ms a token) and no TTFT.
    expect(rec.ttftMs).toBeNull();
    expect(await s.page.getByTestId('kpi-ttft').textContent()).toBe('—');
    expect(await s.page.getByTestId('kpi-ttft-sub').textContent()).toBe(
      'no published TTFT · 12.5 ms per token (published)',
    );
  });

  it('at 1280 × 800: a pick with no setup says so, and the portfolio keeps its six totals on one row', async () => {
    session = await openSession({ viewport: { width: 1280, height: 800 } });
    const s = session;
    await loadApp(s);
    await pickFile(s.page, 'open-file', resolve('examples/portfolio.json'));
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe('Company AI portfolio');
    // The first workload (Support chatbot) on rented GPUs with no setup: its horizon card said
    // '$0.00 setup + $402,660 run' beside a monthly card saying 'no setup'. With no setup the
    // run is the whole horizon cost.
    await poll(() => s.page.getByTestId('kpi-monthly-sub').textContent()).toContain('no setup');
    const horizon = (await s.page.getByTestId('kpi-tco').textContent())!;
    expect(horizon).toMatch(/^\$[\d,]+$/);
    expect(await s.page.getByTestId('kpi-tco-sub').textContent()).toMatch(
      new RegExp(`^no setup · \\${horizon} run · served from day one`),
    );

    // The portfolio's totals: the compare summary's narrow layout (the pick on a row of its own)
    // put Monthly alone on a row and dropped the rule between Experiments and Pooling saves.
    await s.page.getByTestId('view-portfolio').click();
    const totals = s.page.locator('[data-testid="portfolio-totals"] .kpi');
    await poll(() => totals.count()).toBe(6);
    const cells = await totals.evaluateAll((els) =>
      els.map((e) => ({
        top: Math.round(e.getBoundingClientRect().top),
        ruled: getComputedStyle(e).borderLeftStyle !== 'none',
      })),
    );
    expect(new Set(cells.map((c) => c.top)).size).toBe(1);
    expect(cells.map((c) => c.ruled)).toEqual([false, true, true, true, true, true]);
    expect(s.errors).toEqual([]);
  });
});
