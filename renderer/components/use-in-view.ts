import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * How far outside the box it scrolls in a view still counts as seen: it is redrawn that much
 * before it scrolls in, so scrolling never shows old results (a jump straight to it shows them at
 * most one frame: the observer reports after the frame it came into view in).
 */
const NEAR_VIEW_MARGIN = '300px';

/** Whether an element is on screen or near it, from one batch of the observer's reports. */
function lastReport(entries: readonly Pick<IntersectionObserverEntry, 'isIntersecting'>[]) {
  // One batch can carry several changes of the same element (in and out within a frame): the
  // last is where it is now.
  return entries[entries.length - 1]?.isIntersecting ?? true;
}

/**
 * The box the element scrolls in: its nearest ancestor that scrolls, or null for the window. The
 * margin must apply to that box: an observer on the window sees nothing that box clips, however
 * near, so a view would come into sight before it was redrawn.
 */
function scrollBox(el: Element): Element | null {
  for (let box = el.parentElement; box; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if (overflowY === 'auto' || overflowY === 'scroll') return box;
  }
  return null;
}

/**
 * Calls `onChange` with whether the element is on screen or near it: once at once, then on every
 * change. Returns the function that stops watching. Without IntersectionObserver it never calls.
 */
export function watchNearView(el: Element, onChange: (inView: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const observer = new IntersectionObserver((entries) => onChange(lastReport(entries)), {
    root: scrollBox(el),
    rootMargin: NEAR_VIEW_MARGIN,
  });
  observer.observe(el);
  return () => observer.disconnect();
}

/**
 * `value` while the element given to `ref` is on screen (or near it); while it is scrolled away,
 * the value it showed when it left (and `held` true), so a slider step does not rebuild what
 * nobody can see. Scrolled back, it takes the current value at once. With no element yet, or no
 * IntersectionObserver, it follows `value`. Only what is drawn may read the value returned:
 * anything acting for the user (exports, selection) reads the current value itself.
 */
export function useLatestWhileInView<T>(
  value: T,
): [ref: (el: Element | null) => void, shown: T, held: boolean] {
  const [el, setEl] = useState<Element | null>(null);
  // Out of sight: the value shown when it left; in sight: null.
  const [held, setHeld] = useState<{ value: T } | null>(null);
  // The value last drawn, for the observer to hold when the element leaves (set in the commit,
  // before any report of the observer can run).
  const drawn = useRef(value);
  useLayoutEffect(() => {
    drawn.current = value;
  });
  useEffect(() => {
    if (el === null) return;
    return watchNearView(el, (seen) =>
      // Drawn before the observer's task ends, so the next frame shows the current value (the
      // frame it came into view in has already been painted).
      flushSync(() => setHeld((h) => (seen ? null : (h ?? { value: drawn.current })))),
    );
  }, [el]);
  const holding = el !== null && held !== null;
  return [setEl, holding ? held.value : value, holding];
}
