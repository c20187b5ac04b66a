import { z } from 'zod';
import { Id, NonNegative, Provenance } from './common.ts';

/**
 * Reasoning effort on one ordered scale. Providers name their own settings (OpenAI's
 * `reasoning_effort`, Anthropic's thinking budget or adaptive effort, Gemini's thinking budget or
 * level, Qwen's `enable_thinking`): a model's levels map them onto this scale, each saying what
 * is sent (`setting`). `none` is reasoning off.
 */
export const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
export const Effort = z
  .enum(EFFORTS)
  .describe('A reasoning effort: none (off), minimal, low, medium, high, xhigh or max.');
export type Effort = z.infer<typeof Effort>;

/** How effort levels read in the app and in candidate labels. */
export const EFFORT_LABELS: Record<Effort, string> = {
  none: 'no reasoning',
  minimal: 'minimal reasoning',
  low: 'low reasoning',
  medium: 'medium reasoning',
  high: 'high reasoning',
  xhigh: 'extra-high reasoning',
  max: 'max reasoning',
};

/** Reasoning tokens per request at most: far above any thinking budget (Gemini's is 32,768). */
export const MAX_REASONING_TOKENS = 1_000_000;

/**
 * Typical reasoning tokens at a level, as an absolute count per request or as a multiple of the
 * visible output, with what it was measured on: a coding task (an agent's hard problem, far
 * more than a chat answer needs) or a chat request.
 */
export const ReasoningTokens = Provenance.extend({
  tokensPerRequest: NonNegative.max(MAX_REASONING_TOKENS)
    .optional()
    .describe('Reasoning tokens per request, an absolute count (give this or multipleOfOutput).'),
  multipleOfOutput: NonNegative.max(1000)
    .optional()
    .describe(
      'Reasoning tokens as a multiple of the visible output tokens (give this or tokensPerRequest).',
    ),
  basis: z
    .enum(['coding-task', 'chat-request'])
    .describe(
      'What the figure was measured on: coding-task (a hard coding problem, per task) or chat-request.',
    ),
  method: z
    .string()
    .max(2000)
    .describe('How the figure was measured or derived, with the arithmetic when derived.'),
})
  .describe('Typical reasoning tokens at a level, with its source.')
  .refine((t) => (t.tokensPerRequest === undefined) !== (t.multipleOfOutput === undefined), {
    message: 'give exactly one of tokensPerRequest and multipleOfOutput',
    path: ['tokensPerRequest'],
  });
export type ReasoningTokens = z.infer<typeof ReasoningTokens>;

/** A score a benchmark published for the model at one effort level. */
export const EffortQuality = Provenance.extend({
  benchmark: z
    .string()
    .min(1)
    .max(100)
    .describe('The benchmark id (as the quality table names it, e.g. aider-polyglot).'),
  score: z.number().finite().min(-1e6).max(1e6).describe('The score at this level.'),
}).describe('A benchmark score published for the model at one effort level.');
export type EffortQuality = z.infer<typeof EffortQuality>;

/** One effort level a model offers. */
export const ReasoningLevel = z
  .strictObject({
    effort: Effort,
    setting: z
      .string()
      .max(500)
      .describe(
        'What the provider is sent for it (e.g. reasoning_effort: high, budget_tokens 32,000).',
      ),
    tokens: ReasoningTokens.optional().describe(
      'Typical reasoning tokens at this level; absent: no published figure (set your own).',
    ),
    quality: z
      .array(EffortQuality)
      .max(50)
      .default([])
      .describe('Benchmark scores published at this level.'),
  })
  .describe('An effort level the model offers.');
export type ReasoningLevel = z.infer<typeof ReasoningLevel>;

/**
 * How a model reasons: its effort levels (least reasoning first) and the default, whether the
 * reasoning is hidden (the first token a client sees is the answer's) or streamed first, and how
 * it is billed.
 */
export const ModelReasoning = Provenance.extend({
  control: z
    .string()
    .max(500)
    .describe('The provider parameter that sets the level (e.g. reasoning_effort, thinking).'),
  levels: z
    .array(ReasoningLevel)
    .min(1)
    .max(EFFORTS.length)
    .describe('The levels offered, least reasoning first; a none level means it can be off.'),
  defaultEffort: Effort.describe('The level used when the request sets none.'),
  defaultDocumented: z
    .boolean()
    .describe('Whether the provider documents the default; false: assumed, and said so.'),
  visibility: z
    .enum(['hidden', 'streamed'])
    .describe(
      'hidden: nothing streams until the answer (the first token is visible); streamed: reasoning (or its summary) streams first.',
    ),
  billing: z
    .enum(['output', 'output-unverified'])
    .describe(
      'output: billed as output tokens (the provider says so); output-unverified: priced as output, not confirmed.',
    ),
  note: z.string().max(2000).default('').describe('What else to know (exceptions, history).'),
})
  .describe('How the model reasons: levels, default, visibility and billing, with the source.')
  .superRefine((r, ctx) => {
    const order = r.levels.map((l) => EFFORTS.indexOf(l.effort));
    if (order.some((o, i) => i > 0 && o <= order[i - 1]!)) {
      ctx.addIssue({
        code: 'custom',
        message: 'levels must be distinct and ordered from least to most reasoning',
        path: ['levels'],
      });
    }
    if (!r.levels.some((l) => l.effort === r.defaultEffort)) {
      ctx.addIssue({
        code: 'custom',
        message: `the default effort '${r.defaultEffort}' is not one of the levels`,
        path: ['defaultEffort'],
      });
    }
  });
export type ModelReasoning = z.infer<typeof ModelReasoning>;

/** The user's own reasoning setting for one model, over the workload's. */
export const ModelReasoningOverride = z
  .strictObject({
    modelId: Id.describe('The model it applies to.'),
    effort: Effort.optional().meta({
      title: 'Effort',
      description: 'The effort for this model; unset: the workload’s.',
    }),
    tokensPerRequest: NonNegative.max(MAX_REASONING_TOKENS).optional().meta({
      title: 'Reasoning tokens',
      description: 'Your own reasoning tokens per request for this model (replaces the catalog’s).',
    }),
  })
  .describe('Your reasoning setting for one model.');
