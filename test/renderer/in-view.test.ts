import { afterEach, describe, expect, it } from 'vitest';
import { watchNearView } from '../../renderer/components/use-in-view.ts';

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
afterEach(() => {
  globalThis.IntersectionObserver = real;
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
