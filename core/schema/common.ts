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

/** A finite number ≥ 0 (prices, sizes, rates). */
export const NonNegative = z.number().finite().nonnegative();
export const Positive = z.number().finite().positive();
export const PositiveInt = z.number().int().positive();
export const NonNegativeInt = z.number().int().nonnegative();
/** A share between 0 and 1 inclusive. */
export const Fraction = z.number().finite().min(0).max(1);

/** Where a fact came from and when it was read. Every catalog row carries it. */
export const Provenance = z.strictObject({
  source: z
    .string()
    .min(1)
    .max(500)
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
