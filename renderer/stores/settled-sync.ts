import { useResults } from './results-store.ts';

/**
 * Runs `fn` once the frame after this call has been painted: a task queued from a frame's
 * callbacks runs after that frame. Where there are no frames (Node, a hidden page) it runs at the
 * next turn.
 */
function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
    setTimeout(fn, 0);
    return;
  }
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(null);
  });
}

/**
 * Work that follows the results but is too slow for every slider step (the explanation, the
 * savings list): each change of the results marks it pending and restarts a wait; the work runs
 * once the results have stayed still for `settleMs`. The wait starts when the frame showing the
 * new results has been painted: a first screen or a slider step that takes longer than the wait
 * to render would otherwise run this work before its own frame, and show late by as much.
 * `schedule(0)` runs it at the next turn after that paint.
 */
export function settledSync(settleMs: number, markPending: () => void, work: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Each schedule supersedes the ones before it, whether or not their wait has started.
  let generation = 0;
  const cancel = (): void => {
    generation++;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const schedule = (delayMs: number): void => {
    cancel();
    const mine = generation;
    afterNextPaint(() => {
      if (mine !== generation) return;
      timer = setTimeout(() => {
        timer = undefined;
        work();
      }, delayMs);
    });
  };
  const start = (): (() => void) => {
    const stop = useResults.subscribe((s, prev) => {
      if (s.evaluation === prev.evaluation) return;
      markPending();
      schedule(settleMs);
    });
    schedule(0);
    return () => {
      stop();
      cancel();
    };
  };
  return { schedule, start };
}
