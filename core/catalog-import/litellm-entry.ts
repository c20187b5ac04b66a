/**
 * Reads one entry of LiteLLM's price file (model_prices_and_context_window.json) into prices per
 * 1M tokens. Field names are LiteLLM's: `*_cost_per_token` in USD per token, `*_batches` the batch
 * API, `*_priority` the priority tier, `*_above_{N}k_tokens` long-context prices, `tiered_pricing`
 * input-size brackets (Alibaba), `regional_processing_uplift_multiplier_{zone}` data-residency
 * uplifts.
 */
import type { TierPrices, TokenPrices } from '../schema/catalog.ts';
import { LIMITS } from '../schema/common.ts';
import { TOKENS_PER_MTOK } from '../units.ts';
import { describeJsonType } from './json-guard.ts';

/** Modes the catalog models: text generation billed per token. */
export const MODELED_MODES = ['chat', 'completion', 'responses'] as const;

/** Cost fields whose value is an object, not a price (LiteLLM's per-search fee table). */
const OBJECT_VALUED_COST_FIELDS = new Set(['search_context_cost_per_query']);

export interface LongContextPrices {
  aboveInputTokens: number;
  usdPerMTok: TierPrices;
}

/** The facts of one chat/completion entry, prices in USD per 1M tokens. */
export interface LiteLlmEntry {
  key: string;
  litellmProvider: string | undefined;
  mode: string;
  usdPerMTok: TokenPrices;
  batch: TierPrices | undefined;
  priority: TierPrices | undefined;
  longContext: LongContextPrices[];
  /** Data-residency uplift multipliers by zone name, as the file states them. */
  regionalUplift: Record<string, number>;
  promptCacheMinTokens: number | undefined;
  maxInputTokens: number | undefined;
  maxOutputTokens: number | undefined;
  rpm: number | undefined;
  deprecationDate: string | undefined;
  supportedRegions: string[];
  /** Price fields present but not modeled by the catalog (flex tier, audio, images, 1-hour cache …). */
  ignoredFields: string[];
  raw: Record<string, unknown>;
}

export type EntryRead =
  | { kind: 'entry'; entry: LiteLlmEntry }
  | { kind: 'skip'; reason: string }
  | { kind: 'refuse'; error: string };

/** USD per token → USD per 1M tokens, rounded to 12 significant digits (3e-6 → 3, not 2.9999…). */
export function perMTok(usdPerToken: number): number {
  return Number((usdPerToken * TOKENS_PER_MTOK).toPrecision(12));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPriceField(field: string): boolean {
  return /(^|_)cost(_|$)/.test(field) && !OBJECT_VALUED_COST_FIELDS.has(field);
}

const TOKEN_TYPES = {
  input: 'input_cost_per_token',
  output: 'output_cost_per_token',
  cacheRead: 'cache_read_input_token_cost',
  cacheWrite: 'cache_creation_input_token_cost',
} as const;
type TokenType = keyof typeof TOKEN_TYPES;
const TYPE_NAMES = Object.keys(TOKEN_TYPES) as TokenType[];

/** Prices of the fields `<base><suffix>` for each token type, those present only. */
function tierPrices(raw: Record<string, unknown>, suffix: string, used: Set<string>): TierPrices {
  const out: TierPrices = {};
  for (const type of TYPE_NAMES) {
    const field = TOKEN_TYPES[type] + suffix;
    const value = raw[field];
    if (typeof value === 'number') {
      out[type] = perMTok(value);
      used.add(field);
    }
  }
  return out;
}

const isEmpty = (tier: TierPrices) => Object.keys(tier).length === 0;

function optionalPositiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Every `*_above_{N}k_tokens` threshold in the entry (the 1-hour cache fields are not tiers). */
function longContextThresholds(raw: Record<string, unknown>): number[] {
  const found = new Set<number>();
  for (const field of Object.keys(raw)) {
    const m =
      /^(?:input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)_above_(\d+)k_tokens$/.exec(
        field,
      );
    if (m?.[1] !== undefined) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** The skip reason of an entry whose per-token price is beyond any real one. */
export const IMPLAUSIBLE_PRICE = `price above ${LIMITS.usdPerMTok.toLocaleString('en-US')} $/MTok`;

/**
 * Whether a token price is past the catalog's ceiling: LiteLLM's file has entries priced in the
 * wrong unit (W&B's DeepSeek R1 output at $540,000 per 1M tokens). They are skipped, counted by
 * that reason, rather than refusing the other 2,900 entries.
 */
function hasImplausibleTokenPrice(raw: Record<string, unknown>): boolean {
  return Object.entries(raw).some(
    ([field, value]) =>
      /(cost_per_token|token_cost)/.test(field) &&
      typeof value === 'number' &&
      value * TOKENS_PER_MTOK > LIMITS.usdPerMTok,
  );
}

/** Checks every price field of a modeled entry; the first bad one refuses the whole import. */
function firstBadField(key: string, raw: Record<string, unknown>): string | undefined {
  for (const [field, value] of Object.entries(raw)) {
    if (isPriceField(field)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        return `entry "${key}": ${field} must be a finite number ≥ 0 (found ${describeJsonType(value)})`;
      }
    } else if (field.startsWith('regional_processing_uplift_multiplier_')) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        return `entry "${key}": ${field} must be a finite number > 0 (found ${describeJsonType(value)})`;
      }
    }
  }
  return undefined;
}

type TieredRead = { base: TokenPrices; tiers: LongContextPrices[] } | { error: string } | undefined;

/** `tiered_pricing`: input-size brackets; the bracket starting at 0 is the base price. */
function readTieredPricing(key: string, value: unknown): TieredRead {
  if (value === undefined) return undefined;
  const where = (i: number, field: string) => `entry "${key}": tiered_pricing[${i}].${field}`;
  if (!Array.isArray(value))
    return {
      error: `entry "${key}": tiered_pricing must be an array (found ${describeJsonType(value)})`,
    };
  let base: TokenPrices | undefined;
  const tiers: LongContextPrices[] = [];
  for (const [i, bracket] of value.entries()) {
    if (!isRecord(bracket))
      return {
        error: `entry "${key}": tiered_pricing[${i}] must be an object (found ${describeJsonType(bracket)})`,
      };
    const prices: Record<string, number> = {};
    for (const field of ['input_cost_per_token', 'output_cost_per_token'] as const) {
      const v = bracket[field];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        return {
          error: `${where(i, field)} must be a finite number ≥ 0 (found ${describeJsonType(v)})`,
        };
      }
      prices[field] = perMTok(v);
    }
    const range = bracket['range'];
    const from = Array.isArray(range) ? range[0] : undefined;
    if (typeof from !== 'number' || !Number.isFinite(from) || from < 0) {
      return { error: `${where(i, 'range')} must start with a token count ≥ 0` };
    }
    const usd = {
      input: prices['input_cost_per_token'] ?? 0,
      output: prices['output_cost_per_token'] ?? 0,
    };
    if (from === 0) base = usd;
    else tiers.push({ aboveInputTokens: Math.round(from), usdPerMTok: usd });
  }
  if (base === undefined)
    return { error: `entry "${key}": tiered_pricing has no bracket starting at 0 tokens` };
  return { base, tiers: tiers.sort((a, b) => a.aboveInputTokens - b.aboveInputTokens) };
}

/**
 * Reads an entry of a modeled mode. Skips (with a reason) what the catalog cannot use; refuses
 * when a value is invalid, naming the entry and the field.
 */
export function readModeledEntry(
  key: string,
  raw: Record<string, unknown>,
  mode: string,
): EntryRead {
  const bad = firstBadField(key, raw);
  if (bad !== undefined) return { kind: 'refuse', error: bad };
  if (hasImplausibleTokenPrice(raw)) return { kind: 'skip', reason: IMPLAUSIBLE_PRICE };
  const tiered = readTieredPricing(key, raw['tiered_pricing']);
  if (tiered !== undefined && 'error' in tiered) return { kind: 'refuse', error: tiered.error };

  const used = new Set<string>();
  const base = tierPrices(raw, '', used);
  const cacheHit = raw['input_cost_per_token_cache_hit'];
  if (base.cacheRead === undefined && typeof cacheHit === 'number') {
    base.cacheRead = perMTok(cacheHit);
  }
  used.add('input_cost_per_token_cache_hit');
  let usdPerMTok: TokenPrices;
  const longContext: LongContextPrices[] = [];
  if (base.input !== undefined && base.output !== undefined) {
    usdPerMTok = { ...base, input: base.input, output: base.output };
  } else if (tiered !== undefined) {
    usdPerMTok = { ...tiered.base, ...base };
    longContext.push(...tiered.tiers);
  } else {
    return { kind: 'skip', reason: 'no-token-price' };
  }

  for (const thousands of longContextThresholds(raw)) {
    const tier = tierPrices(raw, `_above_${thousands}k_tokens`, used);
    if (!isEmpty(tier)) longContext.push({ aboveInputTokens: thousands * 1000, usdPerMTok: tier });
  }
  longContext.sort((a, b) => a.aboveInputTokens - b.aboveInputTokens);
  const batch = tierPrices(raw, '_batches', used);
  const priority = tierPrices(raw, '_priority', used);

  const regionalUplift: Record<string, number> = {};
  for (const [field, value] of Object.entries(raw)) {
    const m = /^regional_processing_uplift_multiplier_([a-z]+)$/.exec(field);
    if (m?.[1] !== undefined && typeof value === 'number') regionalUplift[m[1]] = value;
  }
  const regions = raw['supported_regions'];
  const deprecation = raw['deprecation_date'];
  const provider = raw['litellm_provider'];
  return {
    kind: 'entry',
    entry: {
      key,
      litellmProvider: typeof provider === 'string' ? provider : undefined,
      mode,
      usdPerMTok,
      batch: isEmpty(batch) ? undefined : batch,
      priority: isEmpty(priority) ? undefined : priority,
      longContext,
      regionalUplift,
      promptCacheMinTokens:
        typeof raw['prompt_cache_min_tokens'] === 'number' &&
        Number.isInteger(raw['prompt_cache_min_tokens']) &&
        raw['prompt_cache_min_tokens'] >= 0
          ? raw['prompt_cache_min_tokens']
          : undefined,
      maxInputTokens: optionalPositiveInt(raw['max_input_tokens']),
      maxOutputTokens: optionalPositiveInt(raw['max_output_tokens']),
      rpm: optionalPositiveInt(raw['rpm']),
      deprecationDate:
        typeof deprecation === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(deprecation)
          ? deprecation
          : undefined,
      supportedRegions: Array.isArray(regions)
        ? regions.filter((r): r is string => typeof r === 'string')
        : [],
      ignoredFields: Object.keys(raw).filter((f) => isPriceField(f) && !used.has(f)),
      raw,
    },
  };
}

/** Classifies a top-level entry: a model entry to read, or a skip reason, or a refusal. */
export function readLiteLlmEntry(key: string, value: unknown): EntryRead {
  if (key === 'sample_spec') return { kind: 'skip', reason: 'sample_spec' };
  if (!isRecord(value)) {
    return {
      kind: 'refuse',
      error: `entry "${key}": must be an object (found ${describeJsonType(value)})`,
    };
  }
  const mode = value['mode'];
  if (mode === undefined || mode === null) return { kind: 'skip', reason: 'no-mode' };
  if (typeof mode !== 'string') {
    return {
      kind: 'refuse',
      error: `entry "${key}": mode must be a string (found ${describeJsonType(mode)})`,
    };
  }
  if (!(MODELED_MODES as readonly string[]).includes(mode))
    return { kind: 'skip', reason: `mode:${mode}` };
  return readModeledEntry(key, value, mode);
}
