import { useResults } from './results-store.ts';

/**
 * Work that follows the results but is too slow for every slider step (the explanation, the
 * savings list): each change of the results marks it pending and restarts a wait; the work runs
 * once the results have stayed still for `settleMs`. `schedule(0)` runs it at the next turn.
 */
export function settledSync(settleMs: number, markPending: () => void, work: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delayMs: number): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      work();
    }, delayMs);
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
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
  };
  return { schedule, start };
}
