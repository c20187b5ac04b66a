import type { Workload } from '../schema/workload.ts';

/** One model call of an agent's task, as its prompt grows. */
export interface TaskTurn {
  /** 1-based. */
  turn: number;
  /** Prompt tokens: the opening prompt plus the turns kept in the context. */
  inputTokens: number;
  /**
   * Of them, the tokens that were the previous turn's whole prompt, unchanged: what a prompt
   * cache can hold from one turn to the next (after the history is cut, only the opening prompt).
   */
  carriedTokens: number;
  /** Visible output tokens (hidden reasoning comes on top, and is not carried to later turns). */
  outputTokens: number;
  /** Whether the history was cut before this turn (the context limit was reached). */
  cut: boolean;
}

/**
 * The turns of a task. Turn 1's prompt is the opening prompt (the workload's mean prompt); each
 * later turn carries the previous prompt and appends the previous turn's visible output and its
 * tool result. When a prompt would pass the context limit, the history keeps only the last
 * `keepLastTurns` turns (fewer if those do not fit), then grows again. Reasoning tokens are not
 * carried: providers drop earlier turns' reasoning from the context.
 */
export function taskTurns(w: Workload): TaskTurn[] {
  const task = w.task;
  const opening = w.inputTokens.mean;
  const output = w.outputTokens.mean;
  if (task === undefined) {
    return [{ turn: 1, inputTokens: opening, carriedTokens: 0, outputTokens: output, cut: false }];
  }
  const step = output + task.toolTokensPerTurn;
  const limit = task.contextLimitTokens ?? Number.POSITIVE_INFINITY;
  const turns: TaskTurn[] = [];
  let kept = 0;
  let previous = 0;
  for (let k = 1; k <= task.turns; k++) {
    let cut = false;
    if (k > 1) {
      kept++;
      if (opening + kept * step > limit) {
        // Keep the last N turns, or as many as fit under the limit.
        const fit = step > 0 ? Math.floor((limit - opening) / step) : kept;
        kept = Math.max(0, Math.min(task.keepLastTurns, fit, kept));
        cut = true;
      }
    }
    const inputTokens = opening + kept * step;
    turns.push({
      turn: k,
      inputTokens,
      carriedTokens: k === 1 ? 0 : cut ? opening : previous,
      outputTokens: output,
      cut,
    });
    previous = inputTokens;
  }
  return turns;
}

/** Model calls per request: a task's turns, else one. */
export function callsPerRequest(w: Workload): number {
  return w.task?.turns ?? 1;
}

/** Turns are a pure function of the workload: kept for the last workload asked (a sweep asks one). */
let lastTurns: { workload: Workload; turns: TaskTurn[] } | undefined;

export function cachedTaskTurns(w: Workload): TaskTurn[] {
  if (lastTurns?.workload !== w) lastTurns = { workload: w, turns: taskTurns(w) };
  return lastTurns.turns;
}

/** The task's largest prompt (its context at the last or longest turn). */
export function largestPromptTokens(w: Workload): number {
  let largest = 0;
  for (const t of cachedTaskTurns(w)) largest = Math.max(largest, t.inputTokens);
  return largest;
}

/** Mean prompt and carried tokens over a task's turns: the turn an engine sees on average. */
export function meanTurn(w: Workload): { inputTokens: number; carriedTokens: number } {
  const turns = cachedTaskTurns(w);
  let input = 0;
  let carried = 0;
  for (const t of turns) {
    input += t.inputTokens;
    carried += t.carriedTokens;
  }
  return { inputTokens: input / turns.length, carriedTokens: carried / turns.length };
}
