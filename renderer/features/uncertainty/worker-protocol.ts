import type { Catalog } from '../../../core/schema/catalog.ts';
import type { RunReply, RunRequest } from './simulation-runner.ts';

/** Messages the app sends the simulation worker. */
export type ToWorker =
  { kind: 'catalog'; catalog: Catalog } | { kind: 'run'; runId: number; request: RunRequest };

/** Messages the worker sends back, each tagged with the run it belongs to. */
export type FromWorker =
  | { kind: 'progress'; runId: number; done: number; total: number }
  | ({ runId: number } & Exclude<RunReply, { kind: 'cancelled' }>);
