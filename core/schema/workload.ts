import { z } from 'zod';
import { Fraction, Id, NonNegative, PositiveInt, Precision, ResidencyZone } from './common.ts';
import { Benchmark } from './catalog.ts';
import { Effort, MAX_REASONING_TOKENS, ModelReasoningOverride } from './reasoning.ts';

/** The most requests a workload may state, per day or per month as it counts them. */
export const MOST_REQUESTS = 1e12;

/** Tokens per request: at least one, at most 10M (beyond any model's context window). */
const MAX_TOKENS = 10_000_000;
const Tokens = z.number().finite().min(1).max(MAX_TOKENS);

/** A size per request, mean and p95: `what` is "Prompt" or "Output" (the form's labels). */
function tokenSize(what: 'Prompt' | 'Output') {
  const noun = what === 'Prompt' ? 'prompt (input)' : 'output';
  return z
    .strictObject({
      mean: Tokens.meta({
        title: `${what}, mean`,
        description: `Mean ${noun} tokens per request.`,
      }),
      p95: Tokens.optional().meta({
        title: `${what}, p95`,
        description: `95th-percentile ${noun} tokens per request (at least the mean); unset means every request is the mean.`,
      }),
    })
    .refine((t) => t.p95 === undefined || t.p95 >= t.mean, {
      message: 'p95 must be at least the mean',
      path: ['p95'],
    });
}

/** Latency objectives: bounded so a typo (a minute per token) is refused, not swept. */
const Slo = z
  .strictObject({
    ttftMs: z.number().finite().min(1).max(600_000).optional().meta({
      title: 'Time to first token',
      description: 'Latency objective: time to first token, ms (1 ms to 10 minutes).',
    }),
    tpotMs: z.number().finite().min(0.1).max(60_000).optional().meta({
      title: 'Time per output token',
      description:
        'Latency objective: time per output token after the first, ms (0.1 ms to 1 minute).',
    }),
    e2eMs: z.number().finite().min(1).max(3_600_000).optional().meta({
      title: 'End to end',
      description:
        'Latency objective: the whole request, first token to last, ms (1 ms to 1 hour).',
    }),
    ttftOf: z.enum(['visible', 'first']).default('visible').meta({
      title: 'TTFT counts to',
      description:
        'Which token the TTFT objective means: visible, the first answer token (after any hidden reasoning); first, the first token streamed (a reasoning token where reasoning streams).',
    }),
    /**
     * Hosted APIs without published or measured latency cannot be checked: they are excluded
     * (and counted) unless this includes them, marked "latency unknown".
     */
    includeUnknown: z
      .boolean()
      .default(false)
      .describe(
        'Hosted APIs with no published or measured latency: excluded (and counted) unless this includes them.',
      ),
  })
  .default({ ttftOf: 'visible', includeUnknown: false })
  .describe('Latency objectives every candidate must meet; unset means no objective.');

/**
 * Reasoning: the effort every reasoning model runs at, or the user's own reasoning tokens, per
 * model where given. Unset, each model runs at its documented default level; models that do not
 * reason have none.
 */
const Reasoning = z
  .strictObject({
    effort: Effort.optional().meta({
      title: 'Reasoning effort',
      description:
        'The effort every reasoning model runs at; unset: each model’s default. A model without the level runs at its nearest one, and says so.',
    }),
    tokensPerRequest: NonNegative.max(MAX_REASONING_TOKENS).optional().meta({
      title: 'Reasoning tokens',
      description:
        'Your own hidden reasoning tokens per request (per turn of a task) for every reasoning model, replacing the catalog’s typical figure; models that do not reason stay at 0.',
    }),
    perModel: z
      .array(ModelReasoningOverride)
      .max(1000)
      .default([])
      .describe('Your reasoning settings for single models, over the two above.'),
    includeUnknown: z
      .boolean()
      .default(false)
      .describe(
        'Reasoning models at a level with no published reasoning-token figure (and none of yours): excluded (and counted) unless this includes them, counted at 0 reasoning tokens.',
      ),
  })
  .describe(
    'Reasoning (hidden thinking tokens, billed as output and decoded like it): the effort, or your own token count.',
  );

/**
 * An agent's task: many model calls, each carrying the context of the turns before it. With a
 * task, `requests` counts tasks, the prompt is the task's opening prompt (the system prompt, the
 * cacheable prefix, plus the task), and the output is the visible output of each turn.
 */
const Task = z
  .strictObject({
    turns: z.number().int().min(1).max(1000).meta({
      title: 'Turns',
      description: 'Model calls per task: the opening prompt, then one after each tool result.',
    }),
    toolTokensPerTurn: NonNegative.max(MAX_TOKENS).meta({
      title: 'Tool tokens per turn',
      description: 'Tokens each tool result adds to the context, after every turn but the last.',
    }),
    cachedShare: Fraction.default(1).meta({
      title: 'Carried context cached',
      description:
        'Share of the context carried from the turn before that is read from the prompt cache (0–1), where the provider caches and the turns come within its TTL.',
    }),
    contextLimitTokens: z.number().int().min(1).max(MAX_TOKENS).optional().meta({
      title: 'Context limit',
      description:
        'When a turn’s prompt would pass this many tokens, older turns are dropped, keeping the last N (the summarization policy); unset: the context grows every turn.',
    }),
    keepLastTurns: z.number().int().min(0).max(1000).default(4).meta({
      title: 'Turns kept',
      description: 'Turns kept verbatim when the context limit cuts the history.',
    }),
    toolSecondsPerTurn: NonNegative.max(3600).default(0).meta({
      title: 'Tool time per turn',
      description:
        'Seconds a tool runs between two turns: spaces the turns (a cache entry lives only its TTL) and adds to the task’s time.',
    }),
  })
  .describe('An agent task: turns whose context grows with each tool result.');
export type Task = z.infer<typeof Task>;

export const Workload = z
  .strictObject({
    /** Volume; 1e12 a month is far beyond any single workload's and keeps every sum finite. */
    requests: z
      .strictObject({
        count: NonNegative.max(MOST_REQUESTS).meta({
          title: 'Requests',
          description:
            'Requests (tasks, when the workload is an agent task) per day (active days) or per month, as `per` says.',
        }),
        per: z.enum(['day', 'month']).meta({
          title: 'Counted per',
          description: 'Whether `count` is per active day or per month.',
        }),
      })
      .describe('How many requests the workload serves.'),
    peakToAverage: z.number().finite().min(1).max(100).default(1).meta({
      title: 'Peak ÷ average',
      description:
        'Peak request rate ÷ average rate over the active hours (sizes self-hosted fleets).',
    }),
    schedule: z
      .strictObject({
        hoursPerDay: z.number().finite().min(1).max(24).meta({
          title: 'Active hours',
          description: 'Hours a day traffic arrives.',
        }),
        daysPerWeek: z.number().finite().min(1).max(7).meta({
          title: 'Active days',
          description: 'Days a week traffic arrives.',
        }),
        // Only where in the week traffic falls depends on it (a shared pool's hour-of-week load):
        // a single workload's cost does not, so the default keeps every earlier figure.
        startHour: z.number().int().min(0).max(23).default(0).meta({
          title: 'Starts at',
          description:
            'Hour of the day (0–23) the active hours start, from Monday: a daytime chatbot 9, a nightly batch 22.',
        }),
      })
      .default({ hoursPerDay: 24, daysPerWeek: 7, startHour: 0 })
      .describe('When traffic arrives: 24 × 7, or business hours such as 10 × 5.'),
    monthlyGrowthPct: z.number().finite().min(-100).max(1000).default(0).meta({
      title: 'Monthly growth',
      description: 'Request volume growth per month, percent (negative for a decline).',
    }),
    inputTokens: tokenSize('Prompt').describe(
      'Prompt (input) tokens per request; of a task, its opening prompt.',
    ),
    outputTokens: tokenSize('Output').describe(
      'Visible output tokens per request (of a task, per turn); hidden reasoning comes on top (reasoning).',
    ),
    reasoning: Reasoning.optional(),
    task: Task.optional(),
    promptCache: z
      .strictObject({
        prefixTokens: NonNegative.max(MAX_TOKENS).meta({
          title: 'Cacheable prefix',
          description:
            'Tokens at the start of every prompt that repeat (system prompt, shared context); while longer than the mean prompt it is costed as the whole prompt.',
        }),
        hitRate: Fraction.meta({
          title: 'Prompt-cache hits',
          description:
            'Share of billed requests whose prefix is found in a warm cache (0–1), before the TTL effect at low volume.',
        }),
        distinctPrefixes: z.number().int().positive().max(1e9).default(1).meta({
          title: 'Distinct prefixes',
          description:
            'Distinct prefixes that share the traffic; each keeps its own cache entry warm.',
        }),
      })
      .default({ prefixTokens: 0, hitRate: 0, distinctPrefixes: 1 })
      .describe('Provider prompt caching of a repeated prompt prefix.'),
    responseCacheHitRate: Fraction.default(0).meta({
      title: 'Response-cache hits',
      description:
        'Share of requests answered by a response (semantic) cache: no model call at all (0–1).',
    }),
    batchShare: Fraction.default(0).meta({
      title: 'Batch share',
      description:
        'Share of billed requests sent through an async batch API, or run as offline jobs when self-hosted (0–1).',
    }),
    priorityShare: Fraction.default(0).meta({
      title: 'Priority share',
      description:
        'Share of billed requests sent at priority-tier prices (0–1; with batchShare at most 1).',
    }),
    precision: Precision.default('fp8').meta({
      title: 'Weights',
      description: 'Weight precision of self-hosted candidates.',
    }),
    kvPrecision: Precision.optional().meta({
      title: 'KV cache',
      description: 'KV-cache precision; unset: 16-bit, or FP8 when the weights are FP8.',
    }),
    residency: z
      .array(ResidencyZone)
      .default([])
      .describe('Allowed residency zones; empty means anywhere.'),
    regions: z
      .array(Id.describe('A cloud region id from the catalog.'))
      .default([])
      .describe('Allowed cloud regions (ids); empty means any region in an allowed zone.'),
    slo: Slo,
    minQuality: z
      .strictObject({
        benchmark: Benchmark.describe('The benchmark the score is on.'),
        score: z.number().finite().min(0).max(5000).meta({
          title: 'Score at least',
          description: 'The lowest acceptable score on that benchmark.',
        }),
        includeUnknown: z
          .boolean()
          .default(false)
          .describe(
            'Models with no score on the benchmark: excluded (and counted) unless this includes them.',
          ),
        likeModelId: Id.optional().describe(
          'The model whose score set the floor ("at least as good as"), for display.',
        ),
      })
      .optional()
      .describe(
        'A minimum quality on a benchmark; models with no score on it are excluded unless included.',
      ),
    /** Production keeps an availability reserve warm; an experiment does not, and may end. */
    stage: z.enum(['production', 'experiment']).optional().meta({
      title: 'Stage',
      description:
        'production (the default when absent) keeps an availability reserve warm; an experiment does not, and may end after a time box.',
    }),
    timeBoxMonths: PositiveInt.max(120).optional().meta({
      title: 'Time box',
      description:
        'Months an experiment runs: its costs stop there (commitments still owed are counted).',
    }),
    userLocation: z
      .strictObject({
        latitude: z.number().min(-90).max(90).describe('Latitude, degrees.'),
        longitude: z.number().min(-180).max(180).describe('Longitude, degrees.'),
      })
      .optional()
      .describe('Where users are, to add network round-trip time to TTFT; unset adds none.'),
  })
  .refine((w) => w.batchShare + w.priorityShare <= 1 + 1e-9, {
    message: 'batchShare + priorityShare must not exceed 1',
    path: ['priorityShare'],
  })
  .refine((w) => w.timeBoxMonths === undefined || w.stage === 'experiment', {
    message: "a time box applies to experiments: set stage to 'experiment'",
    path: ['timeBoxMonths'],
  })
  .refine((w) => w.timeBoxMonths === undefined || w.stage === 'experiment', {
    message: "a time box applies to experiments: set stage to 'experiment'",
    path: ['timeBoxMonths'],
  })
  .refine(
    (w) =>
      w.task?.contextLimitTokens === undefined || w.task.contextLimitTokens >= w.inputTokens.mean,
    {
      message: 'the context limit must hold the task’s opening prompt (the mean prompt)',
      path: ['task', 'contextLimitTokens'],
    },
  );
export type Workload = z.infer<typeof Workload>;
export type WorkloadInput = z.input<typeof Workload>;
