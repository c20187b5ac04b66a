import type { FromResultsWorker, ToResultsWorker } from './results-protocol.ts';
import { ResultsRunner, type DecideReply, type EvaluateReply } from './results-runner.ts';

// The draft's evaluation on its own thread: its allocations and their collection stay off the
// page, which only draws the results.
const scope = self as unknown as {
  postMessage(message: FromResultsWorker): void;
  onmessage: ((event: MessageEvent<ToResultsWorker>) => void) | null;
};
const runner = new ResultsRunner();
const failure = (error: unknown) => (error instanceof Error ? error.message : String(error));

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'catalog') {
    runner.setCatalog(message.catalog);
    scope.postMessage({ kind: 'catalog', revision: message.revision });
  } else if (message.kind === 'evaluate') {
    const { id } = message.request;
    let reply: EvaluateReply;
    try {
      reply = runner.evaluate(message.request);
    } catch (error) {
      reply = { kind: 'error', id, error: failure(error) };
    }
    scope.postMessage({ kind: 'evaluated', reply });
  } else {
    const { id } = message.request;
    let reply: DecideReply;
    try {
      reply = runner.decide(message.request);
    } catch (error) {
      reply = { kind: 'error', id, error: failure(error) };
    }
    scope.postMessage({ kind: 'decided', reply });
  }
};
