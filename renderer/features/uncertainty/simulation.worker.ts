import { SimulationRunner } from './simulation-runner.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

// The simulation's own thread: a slider move on the page never waits for it.
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const runner = new SimulationRunner();
let latestRun = 0;
// A macrotask between slices lets a newer request in; the older run then stops.
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'catalog') {
    runner.setCatalog(message.catalog);
    return;
  }
  const { runId, request } = message;
  latestRun = runId;
  runner
    .run(
      request,
      (done, total) => scope.postMessage({ kind: 'progress', runId, done, total }),
      () => latestRun !== runId,
      pause,
    )
    .then(
      (reply) => {
        if (reply.kind !== 'cancelled') scope.postMessage({ ...reply, runId });
      },
      (error: unknown) =>
        scope.postMessage({
          kind: 'error',
          runId,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
};
