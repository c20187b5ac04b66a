import type { FromDecisionWorker, ToDecisionWorker } from './decision-protocol.ts';
import { DecisionRunner, type DecideReply } from './decision-runner.ts';

// The explanation's break-even search on its own thread: a slider move on the page right after
// the results settle does not wait for it.
const scope = self as unknown as {
  postMessage(message: FromDecisionWorker): void;
  onmessage: ((event: MessageEvent<ToDecisionWorker>) => void) | null;
};
const runner = new DecisionRunner();

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'catalog') {
    runner.setCatalog(message.catalog);
    scope.postMessage({ kind: 'catalog', revision: message.revision });
    return;
  }
  let reply: DecideReply;
  try {
    reply = runner.decide(message.request);
  } catch (error) {
    reply = { kind: 'error', error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage({ kind: 'decided', id: message.id, reply });
};
