import type { Catalog } from '../../core/schema/catalog.ts';
import type {
  DecideReply,
  DecideRequest,
  EvaluateReply,
  EvaluateRequest,
} from './results-runner.ts';

/** Messages the page sends the results worker. */
export type ToResultsWorker =
  | { kind: 'catalog'; revision: number; catalog: Catalog }
  | { kind: 'evaluate'; request: EvaluateRequest }
  | { kind: 'decide'; request: DecideRequest };

/** Messages the worker sends back: the catalog it holds, and each request's reply. */
export type FromResultsWorker =
  | { kind: 'catalog'; revision: number }
  | { kind: 'evaluated'; reply: EvaluateReply }
  | { kind: 'decided'; reply: DecideReply };
