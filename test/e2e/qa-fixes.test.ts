/**
 * What the QA review of main found, walked in Chromium: a prompt shrunk and grown back keeps its
 * cacheable prefix (form and what-if), the monthly card says the setup is left out of it, and the
 * TTFT card with no figure says why; at a laptop's 1280 × 800 the tables fit their cards. Expected
 * figures come from core on the server's catalog.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { formatUsd } from '../../core/format.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';
import { engine } from './engine.ts';

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

/** The app at 1280 × 800 with an example open, once its name shows. */
async function openAt1280(file: string, name: string): Promise<Session> {
  session = await openSession({ viewport: { width: 1280, height: 800 } });
  const s = session;
  await loadApp(s);
  await pickFile(s.page, 'open-file', resolve('examples', file));
  await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe(name);
  return s;
}

/** How far each of a table's header cells reaches past its card's right edge, in pixels. */
async function overhangs(card: Locator, table: Locator): Promise<Record<string, number>> {
  const box = (await card.boundingBox())!;
  const right = box.x + box.width;
  const cells = await table
    .locator('th')
    .evaluateAll((ths) =>
      ths.map((th) => ({ name: th.textContent ?? '', right: th.getBoundingClientRect().right })),
    );
  expect(cells.length).toBeGreaterThan(4);
  return Object.fromEntries(cells.map((c) => [c.name, Math.max(0, Math.round(c.right - right))]));
}

const none = (o: Record<string, number>) => Object.fromEntries(Object.keys(o).map((k) => [k, 0]));

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

/*
 * The QA pass at 1280 × 800 (examples/uncertainty.json and portfolio.json): every column of the
 * vendor and "How sure is the pick?" tables inside its card, candidate names whole (two GCP
 * instances in one region differ only mid-name), the scenario name's full text in its title, and
 * the idle-shutdown checkbox on at most two lines.
 */
describe('QA fixes at 1280 × 800', () => {
  it('the uncertainty and vendor tables fit their cards, names whole and links aligned', async () => {
    const scenario = scenarioOf(resolve('examples/uncertainty.json'));
    const s = await openAt1280('uncertainty.json', scenario.name);
    await s.page.waitForSelector(
      '[data-testid="uncertainty"][data-state="ready"][data-current="yes"]',
      { timeout: 120_000 },
    );

    // Every column of the win table, "Monthly P10 – P90" and "NPV P10 – P90" included, in the card.
    const uncertainty = s.page.getByTestId('uncertainty');
    const unc = await overhangs(uncertainty, s.page.getByTestId('win-table'));
    expect(Object.keys(unc)).toContain('Monthly P10 – P90');
    expect(unc).toEqual(none(unc));

    // Each name shown whole (nothing clipped behind an ellipsis) and no two alike; the GCP
    // instances in us-east4 were all "Gemma 3 12B on g2-standard-… (us-…".
    const labelOf = new Map(
      engine(s, scenario)
        .result.rankedRows()
        .map((r) => [r.id, r.label]),
    );
    const names = await s.page.locator('[data-testid="win-table"] tbody tr').evaluateAll((rows) =>
      rows.map((tr) => {
        const cell = tr.querySelector('td')!;
        return {
          id: tr.getAttribute('data-row-key') ?? '',
          text: cell.textContent ?? '',
          clipped: cell.scrollWidth > cell.clientWidth,
        };
      }),
    );
    expect(names.length).toBe(10);
    for (const n of names) {
      expect(n.text).toContain(labelOf.get(n.id)!);
      expect(n.clipped, n.text).toBe(false);
    }
    expect(new Set(names.map((n) => n.text)).size).toBe(names.length);
    expect(names.filter((n) => n.text.includes('on g2-standard-')).length).toBeGreaterThan(1);

    // The vendor table: every column in the card, nothing to scroll sideways.
    await s.page.getByTestId('vendors-toggle').click();
    const vendors = s.page.getByTestId('vendors');
    await vendors.locator('tbody tr').first().waitFor();
    const ven = await overhangs(vendors, vendors.locator('table'));
    expect(Object.keys(ven)).toEqual(expect.arrayContaining(['Commitment options', 'Lock-in']));
    expect(ven).toEqual(none(ven));
    const body = await vendors
      .locator('.card-body')
      .evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth }));
    expect(body.scroll).toBeLessThanOrEqual(body.client);

    // Each best-offering link starts at its cell's left edge, wrapped onto two lines or not (a
    // wrapped one was centred).
    const links = await vendors.locator('tbody td button.link').evaluateAll((buttons) =>
      buttons.map((b) => {
        const cell = b.closest('td')!;
        const contentLeft =
          cell.getBoundingClientRect().left + parseFloat(getComputedStyle(cell).paddingLeft);
        const text = document.createRange();
        text.selectNodeContents(b);
        // Where each line starts: the leftmost box at each height.
        const starts = new Map<number, number>();
        for (const r of text.getClientRects()) {
          const top = Math.round(r.top);
          starts.set(top, Math.min(starts.get(top) ?? Infinity, r.left));
        }
        return {
          label: b.textContent ?? '',
          lines: starts.size,
          offsets: [...new Set([...starts.values()].map((left) => Math.round(left - contentLeft)))],
        };
      }),
    );
    expect(links.length).toBe(9);
    expect(links.some((l) => l.lines > 1)).toBe(true);
    for (const l of links) expect(l.offsets, l.label).toEqual([0]);
    expect(s.errors).toEqual([]);
  });

  it('the scenario name carries its full text, and idle shutdown reads on two lines at most', async () => {
    const s = await openAt1280('portfolio.json', 'Company AI portfolio');
    const name = s.page.getByTestId('scenario-name');
    expect(await name.getAttribute('title')).toBe('Company AI portfolio');
    // It fits the bar at 1280 (it read "Company AI portf").
    const fits = await name.evaluate((e) => e.scrollWidth <= e.clientWidth);
    expect(fits).toBe(true);
    // A name too long for any bar is still there in full, on hover.
    const long =
      'Company AI portfolio: every team, every region, 2026 plan before the budget review';
    await name.fill(long);
    await poll(() => name.getAttribute('title')).toBe(long);

    const lines = await s.page
      .locator('label', { has: s.page.getByTestId('idle-shutdown') })
      .evaluate((label) => {
        // The lines of its words (the checkbox is a box of its own beside them).
        const words = [...label.childNodes].find((n) => (n.textContent ?? '').trim().length > 1)!;
        const text = document.createRange();
        text.selectNodeContents(words);
        const tops = [...text.getClientRects()].map((r) => Math.round(r.top));
        return { text: words.textContent, lines: new Set(tops).size };
      });
    expect(lines.text).toBe('Idle shutdown (rented GPUs only in the active hours)');
    expect(lines.lines).toBeLessThanOrEqual(2);
    expect(s.errors).toEqual([]);
  });
});
