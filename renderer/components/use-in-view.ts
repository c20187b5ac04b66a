import { useEffect, useState } from 'react';

/**
 * How far outside the window a view still counts as seen: it is redrawn that much before it
 * scrolls in, so it never shows old results.
 */
const NEAR_VIEW_MARGIN = '300px';

/**
 * Calls `onChange` with whether the element is on screen or near it: once at once, then on every
 * change. Returns the function that stops watching. Without IntersectionObserver it never calls.
 */
export function watchNearView(el: Element, onChange: (inView: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const observer = new IntersectionObserver(
    // One report can carry several of this element's changes (in and out within a frame): the
    // last is where it is now.
    (entries) => onChange(entries[entries.length - 1]?.isIntersecting ?? true),
    { rootMargin: NEAR_VIEW_MARGIN },
  );
  observer.observe(el);
  return () => observer.disconnect();
}

/**
 * `value` while the element given to `ref` is on screen (or near it); while it is scrolled away,
 * the value it last showed, so a slider step does not rebuild what nobody can see. Scrolled back,
 * it takes the current value at once. With no element yet, or no IntersectionObserver, it follows
 * `value`.
 */
export function useLatestWhileInView<T>(value: T): [ref: (el: Element | null) => void, shown: T] {
  const [el, setEl] = useState<Element | null>(null);
  const [inView, setInView] = useState(true);
  const [held, setHeld] = useState(value);
  const following = el === null || inView;
  if (following && held !== value) setHeld(value);
  useEffect(() => (el === null ? undefined : watchNearView(el, setInView)), [el]);
  return [setEl, following ? value : held];
}
