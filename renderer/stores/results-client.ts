import type { Catalog } from '../../core/schema/catalog.ts';
import type { FromResultsWorker, ToResultsWorker } from './results-protocol.ts';
import type {
  DecideReply,
  DecideRequest,
  EvaluateReply,
  EvaluateRequest,
} from './results-runner.ts';

/**
 * The results worker as the page uses it. Evaluations go one at a time: while one is out, only
 * the newest request waits (a drag's steps in between are never evaluated), sent as soon as the
 * one out comes back, so the worker works on it while the page draws the one before.
 */
export interface ResultsClient {
  /** Whether the worker holds this revision of the catalog (else the page evaluates itself). */
  holds(revision: number): boolean;
  /** False once the worker has failed: everything is then worked out on the page. */
  readonly usable: boolean;
  setCatalog(catalog: Catalog, revision: number): void;
  /** Asks for an evaluation; `onReply` runs once, unless a newer request takes its place first. */
  evaluate(request: EvaluateRequest, onReply: (reply: EvaluateReply) => void): void;
  decide(request: DecideRequest): Promise<DecideReply>;
}

type Waiting = { request: EvaluateRequest; onReply: (reply: EvaluateReply) => void };

/**
 * Starts the results worker; null where none can start (a shell that refuses module workers).
 * `onFail` is told when it stops working, with the request it had out (to be evaluated on the
 * page instead).
 */
export function startResultsClient(
  onFail: (unanswered: EvaluateRequest | null) => void,
): ResultsClient | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./results.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let usable = true;
  let heldRevision = -1;
  let out: Waiting | null = null;
  let next: Waiting | null = null;
  // Decisions are answered in the order asked.
  const decisions: { id: number; resolve: (reply: DecideReply) => void }[] = [];
  const send = (message: ToResultsWorker) => worker.postMessage(message);
  const sendEvaluation = (waiting: Waiting) => {
    out = waiting;
    send({ kind: 'evaluate', request: waiting.request });
  };
  worker.onmessage = (event: MessageEvent<FromResultsWorker>) => {
    const message = event.data;
    if (message.kind === 'catalog') {
      heldRevision = message.revision;
    } else if (message.kind === 'evaluated') {
      const answered = out;
      out = null;
      if (next !== null) {
        sendEvaluation(next);
        next = null;
      }
      if (answered?.request.id === message.reply.id) answered.onReply(message.reply);
    } else {
      decisions.shift()?.resolve(message.reply);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    usable = false;
    worker.terminate();
    const unanswered = next ?? out;
    out = null;
    next = null;
    for (const d of decisions.splice(0)) {
      d.resolve({ kind: 'error', id: d.id, error: 'the results worker stopped' });
    }
    onFail(unanswered?.request ?? null);
  };
  return {
    holds: (revision) => usable && heldRevision === revision,
    get usable() {
      return usable;
    },
    setCatalog(catalog, revision) {
      if (usable) send({ kind: 'catalog', revision, catalog });
    },
    evaluate(request, onReply) {
      const waiting = { request, onReply };
      if (out === null) sendEvaluation(waiting);
      else next = waiting;
    },
    decide(request) {
      if (!usable) {
        return Promise.resolve({ kind: 'error', id: request.id, error: 'no results worker' });
      }
      return new Promise((resolve) => {
        decisions.push({ id: request.id, resolve });
        send({ kind: 'decide', request });
      });
    },
  };
}
