import type { Catalog } from '../../../core/schema/catalog.ts';
import type { DecideReply, DecideRequest } from './decision-runner.ts';

/** Messages the page sends the decision worker. */
export type ToDecisionWorker =
  | { kind: 'catalog'; revision: number; catalog: Catalog }
  | { kind: 'decide'; id: number; request: DecideRequest };

/** Messages the worker sends back: the catalog it holds, and each request's reply. */
export type FromDecisionWorker =
  { kind: 'catalog'; revision: number } | { kind: 'decided'; id: number; reply: DecideReply };
