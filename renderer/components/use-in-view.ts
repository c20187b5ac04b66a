import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * How far outside the box it scrolls in a view still counts as seen: it is redrawn that much
 * before it scrolls in, so scrolling never shows old results (a jump straight to it shows them at
 * most one frame: the observer reports after the frame it came into view in).
 */
const NEAR_VIEW_MARGIN_PX = 300;

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

/** Where an element is against the box it scrolls in: on screen, within the margin, or away. */
export type ViewPlace = 'on-screen' | 'near' | 'away';

/**
 * Where the element is now, as the observers below would report it. Reads the layout: for a
 * mount, where the first frame must lay the page out anyway.
 */
export function placeInView(el: Element): ViewPlace {
  const box = scrollBox(el);
  const area =
    box === null
      ? { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth }
      : box.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const within = (m: number) =>
    r.bottom >= area.top - m &&
    r.top <= area.bottom + m &&
    r.right >= area.left - m &&
    r.left <= area.right + m;
  return within(0) ? 'on-screen' : within(NEAR_VIEW_MARGIN_PX) ? 'near' : 'away';
}

/**
 * Calls `onChange` with whether the element is within `marginPx` of the box it scrolls in: once
 * at once, then on every change. Returns the function that stops watching. Without
 * IntersectionObserver it never calls.
 */
function watchWithin(
  el: Element,
  marginPx: number,
  onChange: (within: boolean) => void,
): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const observer = new IntersectionObserver((entries) => onChange(lastReport(entries)), {
    root: scrollBox(el),
    rootMargin: `${marginPx}px`,
  });
  observer.observe(el);
  return () => observer.disconnect();
}

/** Whether the element is on screen or near it (see NEAR_VIEW_MARGIN_PX), as it changes. */
export function watchNearView(el: Element, onChange: (inView: boolean) => void): () => void {
  return watchWithin(el, NEAR_VIEW_MARGIN_PX, onChange);
}

/** Whether any of the element is on screen, as it changes. */
export function watchOnScreen(el: Element, onChange: (onScreen: boolean) => void): () => void {
  return watchWithin(el, 0, onChange);
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
