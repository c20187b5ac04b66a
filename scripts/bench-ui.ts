/**
 * The UI's speed in real Chromium (browser mode, fresh data folders):
 *   time to ready · slider change → table and charts updated (p95) · scrolling a 10,000-row table.
 *   npm run bench:ui [-- --json]      (needs Debian's chromium at /usr/bin/chromium and a built renderer)
 */
import { readSeed } from '../electron/db/seed-files.ts';
import { loadApp, openSession, type Session } from '../test/e2e/browser.ts';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};

async function timeToReady(): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await openSession();
    try {
      runs.push(await loadApp(s));
    } finally {
      await s.close();
    }
  }
  return runs;
}

/**
 * Moves each what-if slider in turn, with the cost–latency chart scrolled into view; each move is
 * timed until the table and that chart have redrawn (`charts`), or until the explanation and the
 * break-even chart have caught up (`decision`: they wait for the results to stay still, then
 * search hundreds of volumes). Charts out of view are redrawn when they scroll in.
 */
async function sliderTimes(
  s: Session,
  moves: number,
  until: 'charts' | 'decision' = 'charts',
): Promise<number[]> {
  return s.page.evaluate(
    async ({ count, until }) => {
      const keys = ['volume', 'cache', 'prompt', 'output', 'batch', 'utilization'];
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const chart = document.querySelector('[data-testid="chart-scatter"]') as HTMLCanvasElement;
      const decision = document.querySelector('[data-testid="break-even"]') as HTMLElement;
      // The chart timed is the one on screen: charts out of view wait until they scroll in.
      chart.scrollIntoView({ block: 'center' });
      await new Promise((r) => setTimeout(r, 100));
      const out: number[] = [];
      for (let k = 0; k < count; k++) {
        const slider = document.querySelector(
          `[data-testid="whatif-${keys[k % keys.length]}"]`,
        ) as HTMLInputElement;
        const before = chart.dataset.version;
        const next = (Number(slider.value) + 37 + k) % 1000;
        const start = performance.now();
        setValue.call(slider, String(next));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        // Charts redraw in an effect after React commits the table: wait for that, then a frame.
        while (chart.dataset.version === before) await new Promise((r) => setTimeout(r, 0));
        if (until === 'decision') {
          while (decision.dataset.state !== 'ready') await new Promise((r) => setTimeout(r, 0));
        }
        await new Promise((r) => requestAnimationFrame(r));
        out.push(performance.now() - start);
      }
      return out;
    },
    { count: moves, until },
  );
}

/** Scrolls the catalog's offerings table (10,000 rows) top to bottom and reports frame times. */
async function scroll10k(s: Session): Promise<{ rows: number; frames: number[] }> {
  const seed = readSeed().offerings;
  const extra = Array.from({ length: 10_000 - seed.length }, (_, i) => ({
    ...seed[i % seed.length],
    id: `bench/o-${i}`,
  }));
  const imported = s.server.store.importText(
    JSON.stringify({ format: 'modelwise-catalog', version: 1, tables: { offerings: extra } }),
    'json',
  );
  if (!imported.ok) throw new Error(imported.error);
  await s.page.reload();
  await s.page.waitForSelector('#root[data-app-state="ready"]');
  await s.page.getByTestId('view-catalog').click();
  await s.page.waitForFunction(() =>
    /10,000 of 10,000/.test(
      document.querySelector('[data-testid="catalog-count"]')?.textContent ?? '',
    ),
  );
  const frames = await s.page.evaluate(async () => {
    const el = document.querySelector('[data-testid="catalog-table"]') as HTMLElement;
    const times: number[] = [];
    let last = performance.now();
    const step = Math.ceil((el.scrollHeight - el.clientHeight) / 240);
    for (let k = 0; k < 240; k++) {
      el.scrollTop += step;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  });
  const rows = Number(
    (await s.page.getByTestId('catalog-count').textContent())
      ?.match(/of ([\d,]+)/)?.[1]
      ?.replace(/,/g, '') ?? 0,
  );
  return { rows, frames };
}

async function main(): Promise<void> {
  const ready = await timeToReady();
  const s = await openSession();
  try {
    await loadApp(s);
    await sliderTimes(s, 12); // warm-up: first evaluations fill the capacity caches, JIT compiles
    const slider = await sliderTimes(s, 60);
    const decided = await sliderTimes(s, 12, 'decision');
    const { rows, frames } = await scroll10k(s);
    const result = {
      readyMsMedian: quantile(ready, 0.5),
      readyMsMax: Math.max(...ready),
      sliderMsMedian: Number(quantile(slider, 0.5).toFixed(1)),
      sliderMsP95: Number(quantile(slider, 0.95).toFixed(1)),
      whyAndBreakEvenMsMedian: Number(quantile(decided, 0.5).toFixed(1)),
      scrollRows: rows,
      scrollFrameMsMedian: Number(quantile(frames, 0.5).toFixed(1)),
      scrollFrameMsP95: Number(quantile(frames, 0.95).toFixed(1)),
      consoleErrors: s.errors.length,
    };
    if (!process.argv.includes('--json') || process.argv.includes('--verbose')) {
      console.log(
        `time to ready (fresh data folder)     median ${result.readyMsMedian} ms, max ${result.readyMsMax} ms  (bar 1,000 ms)`,
      );
      console.log(
        `slider → table and charts updated     median ${result.sliderMsMedian} ms, p95 ${result.sliderMsP95} ms  (bar p95 50 ms)`,
      );
      console.log(
        `slider → why + break-even caught up   median ${result.whyAndBreakEvenMsMedian} ms  (waits 120 ms for the results to settle)`,
      );
      console.log(
        `scrolling ${rows.toLocaleString('en-US')} catalog rows           frame median ${result.scrollFrameMsMedian} ms, p95 ${result.scrollFrameMsP95} ms`,
      );
    }
    if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  } finally {
    await s.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ui: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
