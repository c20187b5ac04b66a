import { z } from 'zod';
import { Fraction, Id, NonNegative, TokenCount } from './common.ts';
import { ApiPlacement, CloudPlacement, OnpremPlacement } from './placement.ts';

/** One arm of a route: any single placement (a route never nests another route). */
export const RouteArm = z
  .discriminatedUnion('kind', [ApiPlacement, CloudPlacement, OnpremPlacement])
  .describe('One arm of a route: a hosted API, rented-GPU or owned-GPU candidate.');

/**
 * What deciding costs per request: a fixed price and latency, or a classifier model's tokens priced
 * at a catalog offering's list prices. RouteLLM's learned routers cost about $3–5 per million
 * requests (arXiv:2406.18665, Table 7); a router in the same cloud adds about 20 ms, a hosted
 * routing endpoint about 150 ms (vendor statement, news.ycombinator.com/item?id=40446698).
 */
export const RouterCost = z
  .strictObject({
    usdPerRequest: NonNegative.max(10)
      .default(0)
      .meta({ title: 'Router cost', description: 'Fixed cost of deciding, USD per request.' }),
    latencyMs: NonNegative.max(60_000).default(0).meta({
      title: 'Router latency',
      description: 'Time deciding adds before the first token, ms.',
    }),
    offeringId: Id.optional().describe(
      'A classifier model’s API offering: its input and output tokens are priced at its list prices.',
    ),
    inputTokens: TokenCount.optional().describe('Tokens the classifier reads per request.'),
    outputTokens: TokenCount.optional().describe('Tokens the classifier writes per request.'),
  })
  .describe('The router’s (or the cascade judge’s) own cost and latency per request.');
export type RouterCost = z.infer<typeof RouterCost>;

/**
 * A route: a small model answers a share of the requests and a large one the rest. A router
 * decides up front (`smallShare`); a cascade tries the small model on every request and escalates
 * a share (`escalationShare`), which pays both models and waits for the first attempt.
 */
export const RoutePlacement = z
  .strictObject({
    kind: z.literal('route').describe('A router or cascade between two candidates.'),
    mode: z
      .enum(['router', 'cascade'])
      .describe(
        'router: decides up front which arm answers; cascade: the small arm first, escalating a share.',
      ),
    small: RouteArm.describe('The small (cheap) arm.'),
    large: RouteArm.describe('The large arm: what requests the small one cannot answer go to.'),
    smallShare: Fraction.optional().meta({
      title: 'Share routed small',
      description: 'Router: share of requests sent to the small arm (0–1).',
    }),
    escalationShare: Fraction.optional().meta({
      title: 'Escalation share',
      description: 'Cascade: share of requests the small arm escalates to the large one (0–1).',
    }),
    router: RouterCost.default(RouterCost.parse({})),
  })
  .describe('A router or cascade between a small and a large candidate.')
  .superRefine((p, ctx) => {
    if (p.mode === 'router' && p.smallShare === undefined) {
      ctx.addIssue({ code: 'custom', path: ['smallShare'], message: 'a router needs smallShare' });
    }
    if (p.mode === 'cascade' && p.escalationShare === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['escalationShare'],
        message: 'a cascade needs escalationShare',
      });
    }
    const tokens = p.router.inputTokens !== undefined || p.router.outputTokens !== undefined;
    if (tokens && p.router.offeringId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['router', 'offeringId'],
        message: 'classifier tokens need the offering that prices them',
      });
    }
  });
export type RoutePlacement = z.infer<typeof RoutePlacement>;

/** Any candidate a scenario names: a single placement, or a route between two. */
export const CandidatePlacement = z
  .discriminatedUnion('kind', [ApiPlacement, CloudPlacement, OnpremPlacement, RoutePlacement])
  .describe('One candidate: a placement (api, cloud, onprem) or a route between two.');
export type CandidatePlacement = z.infer<typeof CandidatePlacement>;
export type CandidateKind = CandidatePlacement['kind'];

/** The placement kind whose setup, launch and futures a candidate takes: a route's large arm's. */
export function costedKind(p: CandidatePlacement): Exclude<CandidateKind, 'route'> {
  return p.kind === 'route' ? p.large.kind : p.kind;
}
