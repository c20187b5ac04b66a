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

/**
 * The simulation in a Web Worker. Should a worker not start (a browser that refuses module workers
 * from files), it runs on the page in slices of futures, yielding between them.
 */
export function createSimulationClient(): SimulationClient {
  try {
    const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), {
      type: 'module',
    });
    return workerClient(worker);
  } catch {
    return pageClient();
  }
}

function workerClient(worker: Worker): SimulationClient {
  let nextRun = 1;
  const pending = new Map<
    number,
    { resolve: (reply: RunReply) => void; progress: (done: number, total: number) => void }
  >();
  const send = (message: ToWorker) => worker.postMessage(message);
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
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
    for (const run of pending.values()) {
      run.resolve({ kind: 'error', error: `the simulation stopped: ${event.message}` });
    }
    pending.clear();
  };
  return {
    where: 'worker',
    setCatalog: (catalog) => send({ kind: 'catalog', catalog }),
    run(request, progress) {
      const runId = nextRun++;
      // The worker drops an older run when a newer one arrives; its promise settles here.
      for (const [id, run] of pending) {
        pending.delete(id);
        run.resolve({ kind: 'cancelled' });
      }
      return new Promise((resolve) => {
        pending.set(runId, { resolve, progress });
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
