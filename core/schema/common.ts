import { z } from 'zod';

/** A catalog id: lowercase words joined by '-', '.', ':' or '/' (e.g. `llama-3.1-70b`, `aws/p5.48xlarge`). */
export const Id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9._:/@+-]*$/, 'must be lowercase letters, digits and . _ : / @ + -');

/** ISO date (YYYY-MM-DD) a fact was read: a real calendar day (no 2026-02-31). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-07-24')
  .refine(isCalendarDate, 'must be a real calendar date (YYYY-MM-DD)');

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The UTC day (YYYY-MM-DD) of a time in ms since 1970, or undefined for a time that is none. */
export function isoDay(epochMs: number): string | undefined {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** A finite number ≥ 0 (prices, sizes, rates). */
export const NonNegative = z.number().finite().nonnegative();
export const Positive = z.number().finite().positive();
export const PositiveInt = z.number().int().positive();
export const NonNegativeInt = z.number().int().nonnegative();
/** A share between 0 and 1 inclusive. */
export const Fraction = z.number().finite().min(0).max(1);

/**
 * Ceilings on catalog numbers: far beyond any real price or size, low enough that no product of
 * them with a workload's largest volume overflows to Infinity (1e308 imported as a price once
 * ranked an `Infinity` cost as feasible).
 */
export const LIMITS = {
  /** USD per 1M tokens; the dearest list price is ~$600 (output of the largest reasoning models). */
  usdPerMTok: 10_000,
  /** USD per hour for one instance; the largest 8-GPU instances list at ~$100. */
  usdPerHour: 10_000,
  /** USD for one GPU (with its share of the server). */
  usdPerGpu: 10_000_000,
  /** Tokens: context windows, thresholds, prefixes (the longest context is ~10M). */
  tokens: 1_000_000_000,
  /** A multiplier on a price (regional uplift). */
  multiplier: 10,
} as const;

/** A name shown to people (a model, provider, GPU): 200 characters at most. */
export const Name = z.string().trim().min(1).max(200);

/** A price in USD per 1M tokens. */
export const UsdPerMTok = NonNegative.max(LIMITS.usdPerMTok);
/** A token count (context window, threshold, prefix). */
export const TokenCount = PositiveInt.max(LIMITS.tokens);

/**
 * Where a fact came from and when it was read. Every catalog row carries it. A source is trimmed
 * and must say something: a blank one would not survive a CSV round trip.
 */
export const Provenance = z.strictObject({
  source: z
    .string()
    .trim()
    .min(1, 'must name where the fact came from')
    .max(1000)
    .describe('Where the row\'s numbers come from: a URL, a document or "user" for your own.'),
  asOf: IsoDate.describe('The day the source was read (YYYY-MM-DD); old rows are flagged stale.'),
});
export type Provenance = z.infer<typeof Provenance>;

export const PRECISIONS = ['fp16', 'bf16', 'fp8', 'int8', 'int4', 'fp4'] as const;
export const Precision = z
  .enum(PRECISIONS)
  .describe('A number format: fp16, bf16, fp8, int8, int4 or fp4.');
export type Precision = z.infer<typeof Precision>;

export const ENGINES = ['vllm', 'trtllm', 'sglang', 'tgi'] as const;
export const Engine = z
  .enum(ENGINES)
  .describe('The serving engine: vllm, trtllm (TensorRT-LLM), sglang or tgi.');
export type Engine = z.infer<typeof Engine>;

export const RESIDENCY_ZONES = ['us', 'eu', 'uk', 'apac', 'ca', 'latam', 'mea', 'global'] as const;
export const ResidencyZone = z
  .enum(RESIDENCY_ZONES)
  .describe('A data-residency zone: us, eu, uk, apac, ca, latam, mea, or global (no guarantee).');
export type ResidencyZone = z.infer<typeof ResidencyZone>;
