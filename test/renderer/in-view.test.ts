import { afterEach, describe, expect, it } from 'vitest';
import { placeInView, watchNearView } from '../../renderer/components/use-in-view.ts';

/** An IntersectionObserver whose reports the test hands over, one batch at a time. */
class FakeObserver {
  static last: FakeObserver | undefined;
  watched: unknown[] = [];
  stopped = false;
  constructor(readonly report: (entries: { isIntersecting: boolean }[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: unknown) {
    this.watched.push(el);
  }
  disconnect() {
    this.stopped = true;
  }
}

const real = globalThis.IntersectionObserver;
const realStyle = globalThis.getComputedStyle;
afterEach(() => {
  globalThis.IntersectionObserver = real;
  globalThis.getComputedStyle = realStyle;
  FakeObserver.last = undefined;
});

function watch(): { seen: boolean[]; observer: FakeObserver; stop: () => void } {
  globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
  const seen: boolean[] = [];
  const stop = watchNearView({} as Element, (inView) => seen.push(inView));
  return { seen, observer: FakeObserver.last!, stop };
}

describe('whether a chart or the table is in view', () => {
  it('takes the last of a batch: scrolled in and away again before the page ran the report is away', () => {
    // A chart took any "in" of a batch, so one scrolled past within a frame counted as seen and
    // redrew on every slider step while nobody could see it.
    const { seen, observer } = watch();
    observer.report([{ isIntersecting: true }, { isIntersecting: false }]);
    expect(seen).toEqual([false]);
    observer.report([{ isIntersecting: false }, { isIntersecting: true }]);
    expect(seen).toEqual([false, true]);
  });

  it('watches the element given and stops when asked', () => {
    const { observer, stop } = watch();
    expect(observer.watched).toHaveLength(1);
    stop();
    expect(observer.stopped).toBe(true);
  });

  it('without an IntersectionObserver never reports (what is watched counts as seen)', () => {
    globalThis.IntersectionObserver = undefined as unknown as typeof IntersectionObserver;
    const seen: boolean[] = [];
    watchNearView({} as Element, (inView) => seen.push(inView))();
    expect(seen).toEqual([]);
  });
});

describe('where a chart is when it mounts', () => {
  it('on screen, within 300 px of the box it scrolls in, or further away', () => {
    // The box scrolls (overflow auto) and shows 100…900 px of the window.
    const box = {
      parentElement: null,
      getBoundingClientRect: () => ({ top: 100, bottom: 900, left: 0, right: 1600 }),
    };
    globalThis.getComputedStyle = ((el: unknown) => ({
      overflowY: el === box ? 'auto' : 'visible',
    })) as unknown as typeof getComputedStyle;
    const chartAt = (top: number, bottom: number) =>
      ({
        parentElement: box,
        getBoundingClientRect: () => ({ top, bottom, left: 200, right: 800 }),
      }) as unknown as Element;
    expect(placeInView(chartAt(800, 1100))).toBe('on-screen');
    // 250 px below the box's bottom edge: drawn ahead of scrolling in.
    expect(placeInView(chartAt(1150, 1400))).toBe('near');
    // 350 px below, and far above: away.
    expect(placeInView(chartAt(1250, 1500))).toBe('away');
    expect(placeInView(chartAt(-600, -250))).toBe('away');
    // Just above the box's top edge (under the top bar): near.
    expect(placeInView(chartAt(-300, 50))).toBe('near');
  });
});
