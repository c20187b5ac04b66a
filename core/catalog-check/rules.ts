/**
 * The catalog's consistency rules: what each checks, and whether breaking it is an error (the
 * seed build fails, an import leaves the row out) or a warning (shown, nothing refused).
 */
import type { CatalogTableName } from '../catalog-import/catalog-tables.ts';

/**
 * Bounds on a hosted API's latency figures. Below 10 ms no API answers (a network round trip
 * alone takes longer): such a TTFT was given in seconds. Above 10,000 tokens/s no single stream
 * runs (the fastest published, gpt-oss-120b on Cerebras, is ~3,000): that is a batch's or a
 * whole load test's throughput. Between the usual limits and these, the figure is kept and
 * flagged: reasoning models can take minutes to a first token (o3 on Azure: 37.7 s published),
 * and cold-starting hosts stream below 1 token/s (Replicate, 2023: 0.5).
 */
export const LATENCY_BOUNDS = {
  ttftMs: { min: 10, usualMax: 120_000 },
  outputTokPerS: { usualMin: 1, max: 10_000 },
} as const;

export const RULES = {
  'tier-order': {
    level: 'error',
    description: 'per token type, priority ≥ standard ≥ batch (the prices the engine charges)',
  },
  'cache-read-below-input': {
    level: 'error',
    description: 'a cache hit costs less than an uncached input token',
  },
  'cache-write-at-least-input': {
    level: 'error',
    description: 'where cache writes are charged, a write costs at least an input token',
  },
  'tier-factor': {
    level: 'error',
    description:
      "a price a batch or priority tier leaves out is scaled by the tier's input ratio; that ratio stays within the tier's documented factor",
  },
  'tier-threshold-in-context': {
    level: 'error',
    description: 'a long-context tier starts below the context window (else no prompt reaches it)',
  },
  provenance: {
    level: 'error',
    description: 'every row names its source and the date it was read (as_of)',
  },
  'price-outlier': {
    level: 'warning',
    description:
      'an input or output price within 5× of the median of the same model at other providers',
  },
  'cache-minimum-per-model': {
    level: 'warning',
    description:
      "a model's minimum cacheable prefix is the model's (its developer documents it): the same at every host",
  },
  'instance-price-order': {
    level: 'warning',
    description:
      'per instance, spot and committed prices (upfront options at their effective rate) at most the on-demand price, 3-year ≤ 1-year',
  },
  'provisioned-term-order': {
    level: 'warning',
    description:
      'a provisioned-throughput term costs no more a month per unit than a shorter one (a commitment buys a lower rate)',
  },
  'latency-offering': {
    level: 'error',
    description: 'a latency figure names an API offering the catalog has',
  },
  'latency-plausible': {
    level: 'error',
    description: `a time to first token of at least ${LATENCY_BOUNDS.ttftMs.min} ms and an output speed of at most ${LATENCY_BOUNDS.outputTokPerS.max.toLocaleString('en-US')} tokens/s (outside them, a unit was mixed up: seconds for ms, a batch's speed for one stream's)`,
  },
  'latency-unusual': {
    level: 'warning',
    description: `a time to first token under ${LATENCY_BOUNDS.ttftMs.usualMax / 1000} s and an output speed of at least ${LATENCY_BOUNDS.outputTokPerS.usualMin} token/s, as hosted APIs answer`,
  },
  stale: {
    level: 'warning',
    description: 'a row read longer ago than the staleness window',
  },
} as const satisfies Record<string, { level: FindingLevel; description: string }>;

export type RuleId = keyof typeof RULES;
export type FindingLevel = 'error' | 'warning';
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** One broken rule on one row: what a user reads in `catalog check` and the Checks panel. */
export interface Finding {
  rule: RuleId;
  level: FindingLevel;
  table: CatalogTableName;
  /** The row's key (`id`; `modelId|benchmark` for a quality score). */
  key: string;
  /** The field at fault, when one is (`priority.output`, `longContext[0].aboveInputTokens`). */
  field?: string;
  /** One line naming the row, the rule and both numbers. */
  message: string;
}

/**
 * The factors a tier's prices may stand in for: where a tier leaves a token type out, the engine
 * scales that type by the tier's input ratio, which must lie in this range.
 * - batch: 50% of standard at every provider in the catalog that publishes a batch API (OpenAI,
 *   Azure OpenAI, Anthropic and Claude on Bedrock/Vertex, Gemini, Mistral), never dearer;
 * - priority: OpenAI's priority processing is 1.67–2× standard, Gemini's 1.8×, Azure OpenAI's
 *   data-zone priority 2.5× (the dearest), never cheaper.
 */
export const DOCUMENTED_TIER_FACTORS = {
  batch: { min: 0.5, max: 1 },
  priority: { min: 1, max: 2.5 },
} as const;

/** A price more than this many times off the median at other providers is flagged. */
export const OUTLIER_FACTOR = 5;

/** How a finding names its row: "offering 'openai/gpt-5-nano'". */
export const ROW_NOUNS: Record<CatalogTableName, string> = {
  providers: 'provider',
  models: 'model',
  gpus: 'GPU',
  regions: 'region',
  offerings: 'offering',
  instances: 'instance',
  quality: 'quality score',
  latency: 'latency figure',
};

/** A finding with its message in the one format every finding uses. */
export function finding(
  rule: RuleId,
  table: CatalogTableName,
  key: string,
  field: string | undefined,
  detail: string,
): Finding {
  const where = field === undefined ? '' : ` ${field}:`;
  return {
    rule,
    level: RULES[rule].level,
    table,
    key,
    ...(field === undefined ? {} : { field }),
    message: `${ROW_NOUNS[table]} '${key}': ${rule}:${where} ${detail}`,
  };
}

/** A finding's message without the row it names (for a caller that names the row its own way). */
export function findingDetail(f: Finding): string {
  const prefix = `${ROW_NOUNS[f.table]} '${f.key}': `;
  return f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
}
