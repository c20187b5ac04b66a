import type { Catalog } from '../../../core/schema/catalog.ts';
import { SimulationRunner, type RunReply, type RunRequest } from './simulation-runner.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

export interface SimulationClient {
  setCatalog(catalog: Catalog): void;
  /** Runs a request; an earlier run still going is dropped (it resolves as cancelled). */
  run(request: RunRequest, progress: (done: number, total: number) => void): Promise<RunReply>;
  /** Where the simulation runs: its own worker, or this thread in slices. */
  readonly where: 'worker' | 'page';
}

type Progress = (done: number, total: number) => void;

/**
 * The simulation in a Web Worker. Should the worker not start (a shell that refuses module workers
 * from files: the constructor throws, or the script fails before its first message), it runs on
 * the page instead, in slices of futures with a yield between them.
 */
export function createSimulationClient(onMove?: (where: 'page') => void): SimulationClient {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return pageClient();
  }
  let page: SimulationClient | null = null;
  let catalog: Catalog | null = null;
  let heard = false;
  let nextRun = 1;
  const pending = new Map<
    number,
    { request: RunRequest; resolve: (reply: RunReply) => void; progress: Progress }
  >();
  const send = (message: ToWorker) => worker.postMessage(message);
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    heard = true;
    const message = event.data;
    const run = pending.get(message.runId);
    if (run === undefined) return;
    if (message.kind === 'progress') {
      run.progress(message.done, message.total);
      return;
    }
    pending.delete(message.runId);
    run.resolve(message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const runs = [...pending.values()];
    pending.clear();
    if (!heard) {
      // The worker never ran: move to the page and run what was asked there.
      worker.terminate();
      page = pageClient();
      if (catalog !== null) page.setCatalog(catalog);
      onMove?.('page');
      for (const run of runs) void page.run(run.request, run.progress).then(run.resolve);
      return;
    }
    for (const run of runs) {
      run.resolve({ kind: 'error', error: `the simulation stopped: ${event.message}` });
    }
  };
  return {
    get where() {
      return page === null ? 'worker' : 'page';
    },
    setCatalog(next) {
      catalog = next;
      if (page !== null) page.setCatalog(next);
      else send({ kind: 'catalog', catalog: next });
    },
    run(request, progress) {
      if (page !== null) return page.run(request, progress);
      // The worker drops an older run when a newer one arrives; its promise settles here.
      for (const [id, run] of pending) {
        pending.delete(id);
        run.resolve({ kind: 'cancelled' });
      }
      const runId = nextRun++;
      return new Promise((resolve) => {
        pending.set(runId, { request, resolve, progress });
        send({ kind: 'run', runId, request });
      });
    },
  };
}

function pageClient(): SimulationClient {
  const runner = new SimulationRunner();
  let latest = 0;
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    where: 'page',
    setCatalog: (catalog) => runner.setCatalog(catalog),
    run(request, progress) {
      const runId = ++latest;
      return runner.run(request, progress, () => latest !== runId, pause);
    },
  };
}
