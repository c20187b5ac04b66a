/**
 * The cost breakdown and cost–latency charts' legends, drawn in HTML rather than on the canvas:
 * the datasets' names in chart.js's order, their colours, the charts' type size and text colour;
 * a click hides a dataset, which stays hidden through slider steps until clicked again; a chart
 * saved as PNG still carries its legend.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BREAKDOWN_KEYS, BREAKDOWN_LABELS, PLACEMENT_LABELS } from '../../core/sweep/types.ts';
import { dragSlider, loadApp, openSession, poll, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A legend as the page shows it: each entry's name, swatch colours, text size and colour. */
function legend(page: Page, testId: string) {
  return page.evaluate((id) => {
    const css = getComputedStyle(document.documentElement);
    return {
      chartFontPx: parseFloat(css.getPropertyValue('--chart-font')),
      entries: [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"] button`)].map(
        (b) => {
          const box = getComputedStyle(b.querySelector('.chart-legend-box')!);
          const text = getComputedStyle(b);
          return {
            label: b.textContent,
            shown: b.getAttribute('aria-pressed') === 'true',
            fill: box.backgroundColor,
            stroke: box.borderTopColor,
            fontPx: parseFloat(text.fontSize),
            color: text.color,
          };
        },
      ),
    };
  }, testId);
}

/** How a CSS colour (a theme variable, with a hex alpha appended) computes in this page. */
function computed(page: Page, variable: string, alphaHex = '') {
  return page.evaluate(
    ({ variable, alphaHex }) => {
      const probe = document.createElement('div');
      const value = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
      probe.style.color = `${value}${alphaHex}`;
      document.body.append(probe);
      const out = getComputedStyle(probe).color;
      probe.remove();
      return out;
    },
    { variable, alphaHex },
  );
}

/** Pixels of the canvas drawn exactly in a theme colour (the points' outlines). */
function pixelsIn(page: Page, testId: string, variable: string) {
  return page.evaluate(
    ({ testId, variable }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"]`)!;
      const hex = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
      const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let k = 0; k < data.length; k += 4) {
        if (data[k] === r && data[k + 1] === g && data[k + 2] === b && data[k + 3] === 255) n++;
      }
      return n;
    },
    { testId, variable },
  );
}

/** Pixels of an image drawn exactly in the theme's text colour. */
function textPixels(page: Page, dataUrl: string) {
  return page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const g = canvas.getContext('2d')!;
    g.drawImage(image, 0, 0);
    const probe = document.createElement('div');
    probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--text');
    document.body.append(probe);
    const [r, gr, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number);
    probe.remove();
    const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let k = 0; k < data.length; k += 4) {
      if (data[k] === r && data[k + 1] === gr && data[k + 2] === b && data[k + 3] === 255) n++;
    }
    return n;
  }, dataUrl);
}

/** Moves the volume slider as a drag does, and waits for the chart to redraw. */
async function slide(page: Page, step: number): Promise<void> {
  const chart = page.getByTestId('chart-scatter');
  const before = await chart.getAttribute('data-version');
  await dragSlider(page, 'volume', step);
  await poll(() => chart.getAttribute('data-version')).not.toBe(before);
}

describe('chart legends in HTML', () => {
  it('name and colour each dataset as chart.js does, hide one on a click through slider steps, and go into a saved PNG', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    const page = s.page;
    await page.getByTestId('chart-scatter').scrollIntoViewIfNeeded();
    // Built once the page was idle after the first screen, or as it scrolled near.
    await page.locator('[data-testid="chart-scatter-legend"] button').first().waitFor();

    // Cost vs latency: the four placements, then the frontier and the Pareto rings.
    const scatter = await legend(page, 'chart-scatter-legend');
    expect(scatter.entries.map((e) => e.label)).toEqual([
      PLACEMENT_LABELS.api,
      PLACEMENT_LABELS.cloud,
      PLACEMENT_LABELS.onprem,
      PLACEMENT_LABELS.route,
      'Cost–latency frontier',
      'Pareto (with quality)',
    ]);
    // A placement's points are its colour at 0x88 alpha, outlined in the colour itself; the
    // Pareto rings are hollow.
    const api = scatter.entries[0]!;
    expect(api.fill).toBe(await computed(page, '--api', '88'));
    expect(api.stroke).toBe(await computed(page, '--api'));
    expect(scatter.entries[5]!.fill).toBe('rgba(0, 0, 0, 0)');
    expect(scatter.entries[5]!.stroke).toBe(await computed(page, '--star'));
    // The charts' type size and the theme's text colour, as the canvas legend had.
    const text = await computed(page, '--text');
    for (const e of scatter.entries) {
      expect(e.fontPx).toBe(scatter.chartFontPx);
      expect(e.color).toBe(text);
      expect(e.shown).toBe(true);
    }

    // Cost breakdown: the cost components present, in the engine's order, the first in blue.
    const breakdown = await legend(page, 'chart-breakdown-legend');
    const order = BREAKDOWN_KEYS.map((k) => BREAKDOWN_LABELS[k]);
    const labels = breakdown.entries.map((e) => e.label ?? '');
    expect(labels.length).toBeGreaterThan(2);
    expect(labels).toEqual([...labels].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(labels.every((l) => order.includes(l))).toBe(true);
    expect(breakdown.entries[0]!.fill).toBe('rgb(40, 87, 216)');

    // Rented GPUs hidden: none of their points is drawn, through two slider steps, until shown.
    expect(await pixelsIn(page, 'chart-scatter', '--cloud')).toBeGreaterThan(0);
    const rented = page
      .getByTestId('chart-scatter-legend')
      .getByRole('button', { name: PLACEMENT_LABELS.cloud });
    await rented.click();
    await poll(() => rented.getAttribute('aria-pressed')).toBe('false');
    expect(await pixelsIn(page, 'chart-scatter', '--cloud')).toBe(0);
    await slide(page, 520);
    await slide(page, 560);
    expect(await pixelsIn(page, 'chart-scatter', '--cloud')).toBe(0);
    expect(await rented.getAttribute('aria-pressed')).toBe('false');
    await rented.click();
    await poll(() => pixelsIn(page, 'chart-scatter', '--cloud')).toBeGreaterThan(0);

    // Saved as PNG, the chart carries its legend: its names in the theme's text colour, which
    // nothing else on this chart is drawn in (axes are muted); the canvas on screen has none, and
    // is drawn as before once the image is taken.
    const canvas = page.getByTestId('chart-scatter');
    const onScreen = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'));
    expect(await textPixels(page, onScreen)).toBe(0);
    const download = page.waitForEvent('download');
    await canvas
      .locator('xpath=ancestor::div[contains(@class,"card")]')
      .getByRole('button', { name: 'PNG' })
      .click();
    const saved = readFileSync((await (await download).path()) as string);
    expect(
      await textPixels(page, `data:image/png;base64,${saved.toString('base64')}`),
    ).toBeGreaterThan(100);
    expect(await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'))).toBe(
      onScreen,
    );
    expect(s.errors).toEqual([]);
  });
});
