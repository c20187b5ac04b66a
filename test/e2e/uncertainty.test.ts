import { afterEach, describe, expect, it } from 'vitest';
import { loadApp, openSession, poll, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Types a range into the Ranges tab, as a facilitator would. */
async function setRange(s: Session, id: string, low: string, likely: string, high: string) {
  await s.page.getByTestId(`range-${id}`).getByRole('button', { name: 'Add range' }).click();
  await s.page.getByTestId(`range-${id}-low`).fill(low);
  await s.page.getByTestId(`range-${id}-high`).fill(high);
  await s.page.getByTestId(`range-${id}-likely`).fill(likely);
}

/** Waits until the simulation has finished for the inputs on screen. */
async function simulated(s: Session): Promise<void> {
  await s.page.waitForSelector(
    '[data-testid="uncertainty"][data-state="ready"][data-current="yes"]',
    {
      timeout: 120_000,
    },
  );
}

describe('uncertainty in Chromium (browser mode)', () => {
  it('ranges give win probabilities, a tornado and bands; a slider never waits for them', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    await s.page.getByTestId('uncertainty-off').waitFor();
    await s.page.getByTestId('panel-ranges').click();
    // Volume 20k–40k–120k a day, prompt-cache hits 40–70–90 %.
    await setRange(s, 'volume', '20000', '40000', '120000');
    await setRange(s, 'promptCacheHitRate', '40', '70', '90');
    await simulated(s);
    const card = s.page.getByTestId('uncertainty');
    // Off the UI thread: the simulation runs in its own worker.
    expect(await card.getAttribute('data-where')).toBe('worker');
    expect(await card.textContent()).toContain('P90 = not exceeded in 90 % of simulated futures');

    // Win probabilities: every candidate that ever wins is listed, so they add up to 100 %.
    const shares = (await s.page.getByTestId('win-probability').allTextContents()).map((t) =>
      Number(t.replace('%', '')),
    );
    expect(shares.length).toBeGreaterThan(1);
    const total = shares.reduce((a, b) => a + b, 0);
    // Each share is rounded to 0.1 %: the sum is 100 within half a point per row.
    expect(Math.abs(total - 100)).toBeLessThanOrEqual(0.05 * shares.length);

    // The tornado: both inputs, widest swing first; an input at whose end the pick cannot be
    // costed (infeasible there) decides more and leads. Today the hit rate's low end (40 %) puts
    // the pick's TTFT over its SLO, and volume (20k–120k a day) swings the cost by about $100k.
    const tornado = s.page.getByTestId('tornado-table');
    const rows = await tornado.locator('tbody tr').evaluateAll((trs) =>
      trs.map((r) => ({
        input: r.getAttribute('data-input'),
        cells: [...r.querySelectorAll('td')].map((c) => c.textContent ?? ''),
      })),
    );
    expect(rows.map((r) => r.input).sort()).toEqual(['promptCacheHitRate', 'volume']);
    const rank = (cells: string[]) =>
      cells.some((c) => c.includes('not costed'))
        ? Number.POSITIVE_INFINITY
        : Number((cells.at(-1) ?? '').replace(/[$,]/g, ''));
    const ranks = rows.map((r) => rank(r.cells));
    expect(ranks.every((v) => !Number.isNaN(v))).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(rows.find((r) => r.input === 'volume')?.cells.at(-1)).toMatch(/^\$\d{2,3},\d{3}$/);
    await s.page.getByTestId('chart-tornado').waitFor();
    await s.page.getByTestId('chart-tornado-gap').waitFor();

    // Bands on the cost-vs-volume chart, and the convention beside it.
    const volumeCard = s.page
      .locator('[data-banded]')
      .filter({ hasText: 'Cost vs monthly volume' });
    await poll(() => volumeCard.getAttribute('data-banded')).toBe('true');
    expect(await volumeCard.textContent()).toContain(
      'P90 = not exceeded in 90 % of simulated futures',
    );

    // A slider move: the point estimate updates in the same render as the simulation is marked
    // as following — it never waits for the simulation, which then catches up.
    await s.page.evaluate(() => {
      const seen: { monthly: string; current: string | null }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      const kpi = document.querySelector('[data-testid="kpi-monthly"]') as HTMLElement;
      const card = document.querySelector('[data-testid="uncertainty"]') as HTMLElement;
      const record = () =>
        seen.push({ monthly: kpi.textContent ?? '', current: card.getAttribute('data-current') });
      record();
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['data-current'],
      });
    });
    const before = await s.page.getByTestId('kpi-monthly').textContent();
    const slider = s.page.getByTestId('whatif-volume');
    await slider.focus();
    // Three pages up (300 of the log slider's 1,000 steps over ÷30…×30, about ×7.7): enough more
    // requests that a self-hosted pick needs more GPUs, so the monthly cost moves too.
    for (let k = 0; k < 3; k++) await slider.press('PageUp');
    await simulated(s);
    const seen = await s.page.evaluate(
      () => (window as unknown as { seen: { monthly: string; current: string | null }[] }).seen,
    );
    expect(seen.some((x) => x.monthly !== before && x.current === 'no')).toBe(true);
    expect(await s.page.getByTestId('kpi-monthly').textContent()).not.toBe(before);
    expect(s.errors).toEqual([]);
  });

  it('refuses a range with its low above its high, naming the input', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    await s.page.getByTestId('panel-ranges').click();
    await s.page
      .getByTestId('range-outputTokens')
      .getByRole('button', { name: 'Add range' })
      .click();
    await s.page.getByTestId('range-outputTokens-low').fill('5000');
    await poll(() => s.page.getByTestId('range-outputTokens-problem').textContent()).toContain(
      'Output tokens (mean): low (5000) is above high (700)',
    );
    // The scenario kept its last valid range: the field shows it again once left.
    await s.page.getByTestId('summary').click();
    await poll(() => s.page.getByTestId('range-outputTokens-low').inputValue()).toBe('175');
  });
});
