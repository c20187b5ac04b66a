import type { Catalog } from '../../../core/schema/catalog.ts';
import type { FromDecisionWorker, ToDecisionWorker } from './decision-protocol.ts';
import type { DecideReply, DecideRequest } from './decision-runner.ts';

/**
 * The decision worker as the page uses it. One request at a time: while one is out, only the
 * newest waits (one it replaces resolves null), sent when the one out comes back.
 */
export interface DecisionClient {
  /** Whether the worker holds this revision of the catalog (else the page works it out). */
  holds(revision: number): boolean;
  setCatalog(catalog: Catalog, revision: number): void;
  decide(request: DecideRequest): Promise<DecideReply | null>;
}

type Waiting = { id: number; request: DecideRequest; resolve: (r: DecideReply | null) => void };

/** Starts the decision worker; null where none can start (a shell that refuses module workers). */
export function startDecisionClient(): DecisionClient | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./decision.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let usable = true;
  let heldRevision = -1;
  let nextId = 1;
  let out: Waiting | null = null;
  let next: Waiting | null = null;
  const post = (message: ToDecisionWorker) => worker.postMessage(message);
  const send = (waiting: Waiting) => {
    out = waiting;
    post({ kind: 'decide', id: waiting.id, request: waiting.request });
  };
  worker.onmessage = (event: MessageEvent<FromDecisionWorker>) => {
    const message = event.data;
    if (message.kind === 'catalog') {
      heldRevision = message.revision;
      return;
    }
    const answered = out;
    out = null;
    if (next !== null) {
      send(next);
      next = null;
    }
    if (answered?.id === message.id) answered.resolve(message.reply);
  };
  worker.onerror = (event) => {
    // It stopped (or never ran): the page works everything out from now on.
    event.preventDefault();
    usable = false;
    worker.terminate();
    for (const waiting of [out, next]) {
      waiting?.resolve({ kind: 'error', error: 'the decision worker stopped' });
    }
    out = null;
    next = null;
  };
  return {
    holds: (revision) => usable && heldRevision === revision,
    setCatalog(catalog, revision) {
      if (usable) post({ kind: 'catalog', revision, catalog });
    },
    decide(request) {
      return new Promise((resolve) => {
        if (!usable) return resolve({ kind: 'error', error: 'the decision worker stopped' });
        const waiting = { id: nextId++, request, resolve };
        if (out === null) send(waiting);
        else {
          next?.resolve(null);
          next = waiting;
        }
      });
    },
  };
}
