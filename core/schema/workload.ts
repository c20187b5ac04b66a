import { z } from 'zod';
import {
  Fraction,
  Id,
  NonNegative,
  Positive,
  PositiveInt,
  Precision,
  ResidencyZone,
} from './common.ts';
import { Benchmark } from './catalog.ts';

/** Tokens per request: at least one, at most 10M (beyond any model's context window). */
const Tokens = z.number().finite().min(1).max(10_000_000);

export const TokenSize = z
  .strictObject({ mean: Tokens, p95: Tokens.optional() })
  .refine((t) => t.p95 === undefined || t.p95 >= t.mean, {
    message: 'p95 must be at least the mean',
    path: ['p95'],
  });

export const Workload = z
  .strictObject({
    /** Volume; 1e12 a month is far beyond any single workload's and keeps every sum finite. */
    requests: z.strictObject({
      count: NonNegative.max(1e12),
      per: z.enum(['day', 'month']),
    }),
    /** Peak request rate ÷ average rate over the active hours. */
    peakToAverage: z.number().finite().min(1).max(100).default(1),
    /** When traffic arrives: 24 × 7, or business hours such as 10 × 5. */
    schedule: z
      .strictObject({
        hoursPerDay: z.number().finite().min(1).max(24),
        daysPerWeek: z.number().finite().min(1).max(7),
      })
      .default({ hoursPerDay: 24, daysPerWeek: 7 }),
    monthlyGrowthPct: z.number().finite().min(-100).max(1000).default(0),
    inputTokens: TokenSize,
    outputTokens: TokenSize,
    promptCache: z
      .strictObject({
        /** Tokens at the start of every prompt that repeat (system prompt, shared context). */
        prefixTokens: NonNegative.max(10_000_000),
        /** Share of billed requests whose prefix is found in a warm cache. */
        hitRate: Fraction,
        /** Distinct prefixes that share the traffic (each keeps its own cache entry warm). */
        distinctPrefixes: z.number().int().positive().max(1e9).default(1),
      })
      .default({ prefixTokens: 0, hitRate: 0, distinctPrefixes: 1 }),
    /** Share of requests answered by a response (semantic) cache: no model call at all. */
    responseCacheHitRate: Fraction.default(0),
    /** Share of billed requests sent through an async batch API (or offline jobs when self-hosted). */
    batchShare: Fraction.default(0),
    /** Share of billed requests sent at priority-tier prices. */
    priorityShare: Fraction.default(0),
    /** Weight precision for self-hosted candidates. */
    precision: Precision.default('fp8'),
    /** KV-cache precision; defaults to 16-bit, or FP8 when the weights are FP8. */
    kvPrecision: Precision.optional(),
    /** Allowed residency zones; empty means anywhere. */
    residency: z.array(ResidencyZone).default([]),
    /** Allowed cloud regions (ids); empty means any region in an allowed zone. */
    regions: z.array(Id).default([]),
    slo: z
      .strictObject({
        ttftMs: Positive.max(1e7).optional(),
        tpotMs: Positive.max(1e7).optional(),
        e2eMs: Positive.max(1e8).optional(),
        /**
         * Hosted APIs without published or measured latency cannot be checked: they are excluded
         * (and counted) unless this includes them, marked "latency unknown".
         */
        includeUnknown: z.boolean().default(false),
      })
      .default({ includeUnknown: false }),
    minQuality: z
      .strictObject({
        benchmark: Benchmark,
        score: z.number().finite().min(-1e6).max(1e6),
        /** Models with no score on the benchmark: excluded (and counted) unless included here. */
        includeUnknown: z.boolean().default(false),
        /** The model whose score set the floor ("at least as good as"), for display. */
        likeModelId: Id.optional(),
      })
      .optional(),
    /**
     * Production (the default when absent) keeps an availability reserve warm; an experiment does
     * not, and may end after a time box.
     */
    stage: z.enum(['production', 'experiment']).optional(),
    /** Months an experiment runs: its costs stop there (commitments still owed are counted). */
    timeBoxMonths: PositiveInt.max(120).optional(),
    /** Where users are, to add network round-trip time to TTFT. */
    userLocation: z
      .strictObject({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
      })
      .optional(),
  })
  .refine((w) => w.batchShare + w.priorityShare <= 1 + 1e-9, {
    message: 'batchShare + priorityShare must not exceed 1',
    path: ['priorityShare'],
  })
  .refine((w) => w.timeBoxMonths === undefined || w.stage === 'experiment', {
    message: "a time box applies to experiments: set stage to 'experiment'",
    path: ['timeBoxMonths'],
  })
  .refine((w) => w.promptCache.prefixTokens <= w.inputTokens.mean, {
    message: 'the cacheable prefix cannot be longer than the mean prompt',
    path: ['promptCache', 'prefixTokens'],
  });
export type Workload = z.infer<typeof Workload>;
export type WorkloadInput = z.input<typeof Workload>;
