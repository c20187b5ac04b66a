/**
 * Horizontal bar charts name every bar, whole, at the laptop size (1280 × 800): chart.js skipped
 * every other label of the cost breakdown when they crowded (uncertainty.json: 3 names for 6
 * bars, a Gemma on GCP left unnamed beside a Gemma on AWS) and cut a label longer than half the
 * chart off on the left ('ts per month (770,000 → 2,400,000)' in both tornadoes, 'ma 3 12B ·
 * NVIDIA A100 80GB SXM' in the breakdown).
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/**
 * Drawn pixels in the canvas's two leftmost columns: a label that fits starts inside the canvas's
 * padding, one cut off runs from its very edge.
 */
function inkAtLeftEdge(s: Session, testId: string) {
  return s.page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"]`)!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, 2, canvas.height).data;
    let n = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k]! > 0) n++;
    return n;
  }, testId);
}

describe('bar chart labels', () => {
  it('every bar of the breakdown and the tornadoes is named, and no name is cut off', async () => {
    session = await openSession({ viewport: { width: 1280, height: 800 } });
    const s = session;
    await loadApp(s);
    await pickFile(s.page, 'open-file', resolve('examples/uncertainty.json'));
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe(
      'Support assistant under uncertainty',
    );

    // The breakdown: the recommendation, the best on rented GPUs and the next four by rank.
    const breakdown = s.page.getByTestId('chart-breakdown');
    await breakdown.scrollIntoViewIfNeeded();
    await poll(() => breakdown.getAttribute('data-category-labels')).toBe('6/6');
    expect(await inkAtLeftEdge(s, 'chart-breakdown')).toBe(0);

    // The tornadoes (drawn once the simulation is done): four inputs each, all named, whole.
    for (const id of ['chart-tornado', 'chart-tornado-gap']) {
      const chart = s.page.getByTestId(id);
      await poll(() => chart.count()).toBe(1);
      await chart.scrollIntoViewIfNeeded();
      await poll(() => chart.getAttribute('data-category-labels')).toBe('4/4');
      expect(await inkAtLeftEdge(s, id)).toBe(0);
    }
    expect(s.errors).toEqual([]);
  });
});
