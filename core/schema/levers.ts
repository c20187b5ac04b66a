import { z } from 'zod';
import { Fraction, Id, NonNegative, PositiveInt } from './common.ts';
import { RouterCost } from './route.ts';

/**
 * Fine-tuning a small model to replace a prompted large one: the training data, how often it is
 * retrained, and what the tuned model no longer needs in its prompt.
 */
export const FineTuneAssumptions = z
  .strictObject({
    offeringId: Id.optional().describe(
      'The API offering to fine-tune (a model with a fine-tuning price); unset: the cheapest one that has a price.',
    ),
    modelId: Id.optional().describe(
      'An open-weight model to fine-tune and serve yourself instead: trained on its cheapest rented-GPU candidate’s GPUs, served on that candidate.',
    ),
    method: z
      .enum(['lora', 'full'])
      .default('lora')
      .describe(
        'Self-hosted training: LoRA adapters (4 FLOPs per parameter a token; adapters share the base deployment) or full fine-tuning (6).',
      ),
    trainingTokens: PositiveInt.max(1e12).meta({
      title: 'Training tokens',
      description: 'Tokens in one training run’s data set (before epochs).',
    }),
    epochs: PositiveInt.max(100).default(3).meta({
      title: 'Epochs',
      description: 'Passes over the training data per run.',
    }),
    retrainEveryMonths: PositiveInt.max(120).default(1).meta({
      title: 'Retraining cadence',
      description: 'Months between training runs (1: monthly).',
    }),
    engineeringUsd: NonNegative.max(1e9).default(0).meta({
      title: 'Fine-tuning engineering',
      description: 'One-off cost to build the data set and evaluate the tuned model, USD.',
    }),
    promptTokensSaved: NonNegative.max(10_000_000).optional().meta({
      title: 'Prompt tokens saved',
      description:
        'Prompt tokens per request the tuned model no longer needs (instructions, examples); unset: the cacheable prefix.',
    }),
  })
  .describe('Fine-tuning a small model instead of prompting a large one.')
  .refine((f) => f.offeringId === undefined || f.modelId === undefined, {
    message:
      'fine-tune either an API offering (offeringId) or an open model yourself (modelId), not both',
    path: ['modelId'],
  });
export type FineTuneAssumptions = z.infer<typeof FineTuneAssumptions>;

/**
 * The assumptions each "what if" of the savings list is evaluated with. Every one is the user's to
 * change; the defaults are stated where each lever is described.
 */
export const LeverAssumptions = z
  .strictObject({
    promptCacheHitRate: Fraction.default(0.9).meta({
      title: 'Cache lever: hit rate',
      description: 'The prompt-cache hit rate the cache lever assumes is reached (0–1).',
    }),
    batchShareStep: Fraction.default(0.2).meta({
      title: 'Batch lever: share moved',
      description: 'Share of requests the batch lever moves to the async batch tier (0–1).',
    }),
    routing: z
      .strictObject({
        escalationShare: Fraction.default(0.3).meta({
          title: 'Routing lever: escalation share',
          description:
            'Share of requests a cascade escalates to the large model. Default: RouteLLM matched GPT-4 quality on MT Bench with 25–30 % of calls to GPT-4 (arXiv:2406.18665; lm-sys/RouteLLM benchmarks, 2024-08).',
        }),
        router: RouterCost.default({ usdPerRequest: 0.00000332, latencyMs: 20 }).describe(
          'The cascade’s check. Default: RouteLLM’s matrix-factorisation router, $3.32 per 1M requests (arXiv:2406.18665, Table 7); 20 ms in the same cloud (vendor statement, news.ycombinator.com/item?id=40446698).',
        ),
      })
      .default({
        escalationShare: 0.3,
        router: { usdPerRequest: 0.00000332, latencyMs: 20 },
      })
      .describe('How the routing lever builds its cascade.'),
    trimming: z
      .strictObject({
        promptShare: z.number().min(0).max(0.95).default(0.2).meta({
          title: 'Trimming lever: share trimmed',
          description: 'Share of the prompt’s uncached tokens removed (0–0.95).',
        }),
        engineeringUsd: NonNegative.max(1e9).default(10_000).meta({
          title: 'Trimming lever: engineering',
          description: 'One-off engineering cost of trimming the prompt, USD.',
        }),
      })
      .default({ promptShare: 0.2, engineeringUsd: 10_000 })
      .describe('The prompt-trimming lever.'),
    fineTune: FineTuneAssumptions.optional().describe(
      'The fine-tuning lever; absent: fine-tuning is not evaluated (its training data is the user’s to state).',
    ),
  })
  .describe('Assumptions of the savings list’s levers.');
export type LeverAssumptions = z.infer<typeof LeverAssumptions>;
