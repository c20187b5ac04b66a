/**
 * Workshop mode in Chromium (browser mode): a projector at 1280 × 720 with presenter mode on,
 * in light and dark, and a facilitator's session — a baseline snapshot, volume ×10 with the step
 * button, a second snapshot, the winner's change in the delta view, the baseline restored, and
 * "Save as" keeping both scenarios. The volume where ×10 changes the winner is found from core,
 * on the catalog the app's server reads: nothing is hard-coded.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { compareOutcomes, outcomeOf } from '../../core/scenario/outcome.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { requestsPerMonth } from '../../core/workload/derive.ts';
import { contrastRatio } from '../../renderer/features/charts/contrast.ts';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';
import { engine } from './engine.ts';

const WORKSHOP = resolve('examples/workshop.json');
const PROJECTOR = { width: 1280, height: 720 };

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

function workshopScenario(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(WORKSHOP, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

function atVolume(scenario: Scenario, perMonth: number): Scenario {
  return {
    ...scenario,
    workload: { ...scenario.workload, requests: { count: perMonth, per: 'month' } },
  };
}

/** Opens presenter mode at the projector size, in a theme, on a fresh data folder. */
async function projector(theme: 'light' | 'dark', largeText = false): Promise<Session> {
  session = await openSession({ viewport: PROJECTOR });
  const s = session;
  await s.page.addInitScript(
    ([t, large]) => {
      localStorage.setItem('modelwise.theme', t as string);
      localStorage.setItem('modelwise.largeText', large ? '1' : '0');
    },
    [theme, largeText] as const,
  );
  await s.page.goto(`${s.server.url}?presenter`);
  await s.page.waitForSelector('#root[data-app-state="ready"]', { timeout: 30_000 });
  expect(await s.page.evaluate(() => document.documentElement.dataset.presenter)).toBe('on');
  return s;
}

/** The page is never wider than the window: nothing is off to the right. */
async function fitsWidth(page: Page, where: string): Promise<void> {
  const [scrollWidth, width] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth, `page width on ${where}`).toBeLessThanOrEqual(width);
}

/** Every view and every input panel (in its drawer), each checked for width. */
async function everyTabFits(page: Page): Promise<void> {
  await page.getByTestId('view-compare').click();
  await page.getByTestId('toggle-inputs').click();
  for (const panel of ['workload', 'candidates', 'value', 'ranges']) {
    await page.getByTestId(`panel-${panel}`).click();
    await fitsWidth(page, `Compare with the ${panel} inputs open`);
  }
  // Escape closes the drawer (focus is on its tab).
  await page.keyboard.press('Escape');
  await poll(() => page.getByTestId('inputs').isVisible()).toBe(false);
  for (const view of ['compare', 'portfolio', 'scenarios', 'catalog']) {
    await page.getByTestId(`view-${view}`).click();
    await page.waitForTimeout(200);
    await fitsWidth(page, view);
  }
  await page.getByTestId('view-compare').click();
}

/**
 * No shortlist cell shown is cut: none ends in "…", none holds more text than it shows. Columns
 * widen a frame after the cells are drawn, so this reads until it holds.
 */
async function noCutCells(page: Page): Promise<void> {
  const read = () =>
    page.evaluate(() => {
      const cells = [
        ...document.querySelectorAll<HTMLElement>('[data-testid="compare-table"] [data-column]'),
      ].filter((c) => c.offsetParent !== null);
      return {
        shown: cells.length,
        cut: cells
          .filter((c) => c.textContent?.trim().endsWith('…') || c.scrollWidth > c.clientWidth)
          .map((c) => `${c.dataset.column}: ${c.textContent}`),
      };
    });
  // The header and at least the first rows, every column shown.
  await poll(async () => (await read()).cut).toEqual([]);
  expect((await read()).shown).toBeGreaterThan(50);
}

/**
 * Every chart drawn: its smallest text (ticks, axis titles, legend, as chart.js resolved them, and
 * a legend drawn in HTML beside the canvas as the page lays it out) and each text colour's
 * contrast against the card it sits on.
 */
async function chartText(page: Page): Promise<{ id: string; fontPx: number; ratios: number[] }[]> {
  const charts = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-font-px]')].map((c) => {
      const legend = [
        ...(c
          .closest('.chart-with-legend')
          ?.querySelectorAll<HTMLElement>('.chart-legend button') ?? []),
      ].map((b) => getComputedStyle(b));
      return {
        id: c.dataset.testid ?? '',
        fontPx: Math.min(Number(c.dataset.fontPx), ...legend.map((l) => parseFloat(l.fontSize))),
        colors: [
          ...(c.dataset.textColors ?? '').split(' ').filter((x) => x !== ''),
          ...legend.map((l) => l.color),
        ],
        legendEntries: legend.length,
        background: getComputedStyle(c.closest('.card') as HTMLElement).backgroundColor,
      };
    }),
  );
  // The charts whose legend is HTML have one on screen.
  for (const id of ['chart-breakdown', 'chart-scatter']) {
    expect(charts.find((c) => c.id === id)?.legendEntries, `${id} legend`).toBeGreaterThan(0);
  }
  return charts.map((c) => ({
    id: c.id,
    fontPx: c.fontPx,
    ratios: c.colors.map((color) => contrastRatio(color, c.background)),
  }));
}

async function chartsLegible(page: Page): Promise<void> {
  await page.locator('[data-testid="break-even"][data-state="ready"]').waitFor({ timeout: 20_000 });
  // Charts below the first screen are built once the page is idle after it shows: read them drawn.
  await page.waitForFunction(
    () =>
      ['chart-breakdown', 'chart-scatter', 'chart-volume'].every(
        (id) => document.querySelector(`canvas[data-testid="${id}"][data-font-px]`) !== null,
      ) &&
      ['chart-breakdown', 'chart-scatter'].every(
        (id) =>
          document
            .querySelector(`[data-testid="${id}"]`)
            ?.closest('.chart-with-legend')
            ?.querySelector('.chart-legend button') instanceof HTMLElement,
      ),
    undefined,
    { timeout: 20_000 },
  );
  const charts = await chartText(page);
  expect(charts.map((c) => c.id)).toEqual(
    expect.arrayContaining(['chart-breakdown', 'chart-scatter', 'chart-volume']),
  );
  for (const c of charts) {
    expect(c.fontPx, `${c.id} text size`).toBeGreaterThanOrEqual(18);
    expect(c.ratios.length, `${c.id} text colours`).toBeGreaterThan(0);
    for (const r of c.ratios) expect(r, `${c.id} contrast`).toBeGreaterThanOrEqual(4.5);
  }
}

describe('presenter mode on a 1280 × 720 projector', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: fits the width on every tab, cuts no shortlist cell, draws 18 px chart text`, async () => {
      const s = await projector(theme);
      await noCutCells(s.page);
      await chartsLegible(s.page);
      await everyTabFits(s.page);
      // The theme switched live: the charts take its colours at once, still legible.
      await s.page.getByTestId('theme').click();
      await chartsLegible(s.page);
      expect(s.errors).toEqual([]);
    }, 120_000);
  }

  it('larger text too: nothing off to the right on any tab, no cell cut', async () => {
    const s = await projector('light', true);
    expect(await s.page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('21px');
    await noCutCells(s.page);
    await everyTabFits(s.page);
    await chartsLegible(s.page);
  }, 120_000);
});

describe('a facilitator’s session', () => {
  it('baseline, ×10, a second snapshot, the winner’s change, restore, undo, Save as', async () => {
    session = await openSession({ viewport: PROJECTOR });
    const s = session;
    await s.page.goto(`${s.server.url}?presenter`);
    await s.page.waitForSelector('#root[data-app-state="ready"]', { timeout: 30_000 });
    const file = workshopScenario();
    // A volume at which ten times as many requests change the recommendation, from the engine:
    // the file's own, else the first of a few others.
    const winnerAt = (v: number) => outcomeOf(engine(s, atVolume(file, v)));
    const volume = [requestsPerMonth(file.workload), 1e5, 1e6, 3e6, 1e7, 3e7].find(
      (v) => winnerAt(v).winner?.id !== winnerAt(v * 10).winner?.id,
    );
    expect(volume, 'a volume where ×10 changes the winner').toBeDefined();
    const base = winnerAt(volume as number);
    const tenfold = winnerAt((volume as number) * 10);
    const expected = compareOutcomes(base, tenfold);

    // Open the workshop file and save it as it is.
    await pickFile(s.page, 'open-file', WORKSHOP);
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe(file.name);
    await s.page.getByTestId('save').click();
    await poll(() => s.page.getByTestId('toast-success').last().textContent()).toBe(
      `Saved “${file.name}”`,
    );
    if (volume !== requestsPerMonth(file.workload)) {
      await s.page.getByTestId('whatif-volume-input').fill(String(volume));
      await s.page.getByTestId('whatif-volume-input').press('Enter');
    }
    await poll(() => s.page.getByTestId('recommended').textContent()).toBe(
      `★ ${base.winner?.label}`,
    );

    // The baseline: one key (focus on the page, not in a field).
    const snapshots = s.page.locator('[data-testid^="snapshot-"][aria-pressed]');
    const before = await snapshots.count();
    await s.page.locator('body').click({ position: { x: 5, y: 700 } });
    await s.page.keyboard.press('s');
    await poll(() => snapshots.count()).toBe(before + 1);
    // Ten times the volume with the step button: the engine's new winner.
    await s.page.getByTestId('whatif-volume-x10').click();
    await poll(() => s.page.getByTestId('recommended').textContent()).toBe(
      `★ ${tenfold.winner?.label}`,
    );
    await s.page.getByTestId('take-snapshot').click();
    await poll(() => snapshots.count()).toBe(before + 2);

    // The baseline against now: the winner changed, and by how much each number moved.
    await s.page.getByTestId(`snapshot-${before}`).click();
    const delta = s.page.getByTestId('snapshot-delta');
    await s.page.getByTestId('snapshot-name').fill('Baseline');
    await poll(() => delta.getByTestId('delta-winner-changed').getAttribute('data-changed')).toBe(
      'true',
    );
    expect(await delta.getByTestId('delta-winner-before').textContent()).toBe(base.winner?.label);
    expect(await delta.getByTestId('delta-winner-after').textContent()).toBe(tenfold.winner?.label);
    for (const key of ['tcoUsd', 'monthlyUsd', 'ttftMs'] as const) {
      const m = expected.measures.find((x) => x.key === key);
      const cells = delta.locator(`[data-measure="${key}"] td`);
      expect(await cells.allTextContents()).toEqual([m?.before, m?.after, m?.change || '—']);
    }
    expect(await delta.getByTestId('delta-assumptions').textContent()).toContain(
      'Requests / month',
    );
    await s.page.screenshot({ path: resolve(s.dataDir, 'delta.png') });

    // Restore the baseline; undo comes back across it, redo returns to it.
    await delta.getByTestId('restore-snapshot').click();
    await poll(() => s.page.getByTestId('recommended').textContent()).toBe(
      `★ ${base.winner?.label}`,
    );
    await s.page.getByTestId('undo').click();
    await poll(() => s.page.getByTestId('recommended').textContent()).toBe(
      `★ ${tenfold.winner?.label}`,
    );
    expect(await snapshots.count()).toBe(before + 2);
    await s.page.getByTestId('redo').click();
    await poll(() => s.page.getByTestId('recommended').textContent()).toBe(
      `★ ${base.winner?.label}`,
    );

    // Saving under another saved scenario's name asks first; cancelling writes nothing.
    await s.page.getByTestId('save-as').click();
    await s.page.getByTestId('dialog-input').fill(file.name.toUpperCase());
    await s.page.getByTestId('dialog-save').click();
    await poll(() => s.page.getByTestId('dialog').textContent()).toContain('Replace');
    await s.page.getByTestId('dialog-cancel').click();
    // "Save as" under a new name keeps the one saved before.
    await s.page.getByTestId('save-as').click();
    await s.page.getByTestId('dialog-input').fill('Workshop: after the session');
    await s.page.getByTestId('dialog-save').click();
    await poll(() => s.page.getByTestId('toast-success').last().textContent()).toBe(
      'Saved “Workshop: after the session”',
    );
    const saved = s.server.store.listScenarios();
    expect(saved.map((m) => m.name).sort()).toEqual(
      [file.name, 'Workshop: after the session'].sort(),
    );
    const kept = (name: string) => {
      const stored = s.server.store.getScenario(saved.find((m) => m.name === name)!.id);
      if (!stored.ok) throw new Error(stored.error);
      return stored.data.scenario;
    };
    // The first as it was saved (its one snapshot); the new one with the session's two more.
    expect(kept(file.name).snapshots?.map((x) => x.name)).toEqual(['Pilot']);
    expect(kept('Workshop: after the session').snapshots?.map((x) => x.name)).toEqual([
      'Pilot',
      'Baseline',
      'Snapshot 3',
    ]);

    // Both side by side: changes against the first, the differing assumptions highlighted.
    await s.page.getByTestId('view-scenarios').click();
    for (const name of [file.name, 'Workshop: after the session']) {
      await s.page.getByLabel(`Compare ${name}`).check();
    }
    const side = s.page.getByTestId('side-by-side');
    await side.waitFor();
    expect(await side.getByTestId('sbs-winner-0').textContent()).toBe(
      outcomeOf(engine(s, file)).winner?.label,
    );
    await fitsWidth(s.page, 'scenarios side by side');
    expect(await s.page.getByTestId('chart-side-by-side').isVisible()).toBe(true);
    expect(s.errors).toEqual([]);
  }, 180_000);

  it('every shortcut is listed under ?; P switches presenter mode', async () => {
    session = await openSession({ viewport: PROJECTOR });
    const s = session;
    await loadApp(s);
    await s.page.keyboard.press('?');
    const help = s.page.getByTestId('shortcuts-help');
    await help.waitFor();
    for (const label of [
      'Take a snapshot',
      'Volume ×10',
      'Presenter mode on / off',
      'Save as a new scenario',
    ]) {
      expect(await help.textContent()).toContain(label);
    }
    await s.page.keyboard.press('Escape');
    await poll(() => help.count()).toBe(0);
    await s.page.keyboard.press('p');
    await poll(() => s.page.evaluate(() => document.documentElement.dataset.presenter)).toBe('on');
    await s.page.keyboard.press('p');
    await poll(() => s.page.evaluate(() => document.documentElement.dataset.presenter)).toBe('off');
  });
});
