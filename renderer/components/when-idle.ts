/**
 * Runs `work` once the page has nothing else to do (a frame painted, no input or task waiting):
 * for what no one is looking at yet.
 */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work());
  else setTimeout(work, 0);
}
