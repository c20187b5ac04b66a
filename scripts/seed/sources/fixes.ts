/**
 * Corrections the seed makes to what its sources say, each a rule with its evidence: a priority
 * tier that would scale prices past what priority costs, a minimum cacheable prefix the model's
 * developer documents, DeepSeek's current API prices. Each changed row says so in its source.
 */
import { DOCUMENTED_TIER_FACTORS } from '../../../core/catalog-check/rules.ts';
import { tierFactor } from '../../../core/pricing/tier-prices.ts';
import type { Offering, PricePeriod } from '../../../core/schema/catalog.ts';
import { CURATED_ON, SNAPSHOTS } from './reference.ts';

/**
 * A priority (or batch) tier that leaves prices out and whose input ratio lies outside the tier's
 * documented factor is dropped: the engine would scale the missing prices by that ratio. LiteLLM
 * gives gpt-5-nano a priority input of $2.50 (gpt-5's) and nothing else — 50× the $0.05
 * standard price, so output would be charged 50× — while OpenAI's priority-processing price list
 * has no GPT-5 nano.
 */
export function withoutImplausibleTiers(o: Offering): Offering {
  let row = o;
  for (const name of ['batch', 'priority'] as const) {
    const tier = row[name];
    if (tier === undefined) continue;
    const types = (['input', 'output', 'cacheRead', 'cacheWrite'] as const).filter(
      (t) => row.usdPerMTok[t] !== undefined,
    );
    if (types.every((t) => tier[t] !== undefined)) continue;
    const factor = tierFactor(row.usdPerMTok, tier);
    const range = DOCUMENTED_TIER_FACTORS[name];
    if (factor >= range.min && factor <= range.max) continue;
    const { [name]: _dropped, ...rest } = row;
    row = {
      ...rest,
      source: `${row.source}; ${name} dropped: the file gives only ${Object.keys(tier).join(', ')} at ${Number(factor.toPrecision(4))}× standard, outside ${name}'s documented ${range.min}–${range.max}× (OpenAI's priority price list has no ${row.modelId})`,
    } as Offering;
  }
  return row;
}

/**
 * Minimum cacheable prefix per model, as Anthropic's prompt-caching docs give it
 * (docs.claude.com/en/docs/build-with-claude/prompt-caching, "Cache limitations"): 2,048 tokens
 * for Claude Haiku 3 and 3.5; 4,096 for Opus 4.5 and Haiku 4.5; 1,024 for Sonnet 4 and 4.5,
 * Opus 4 and 4.1, Sonnet 3.7. Newer models take the value LiteLLM states for the first-party
 * (Anthropic API) entry.
 */
const DOCUMENTED_MIN_PREFIX: Record<string, number> = {
  'claude-3-haiku': 2048,
  'claude-3-5-haiku': 2048,
  'claude-opus-4-5': 4096,
  'claude-haiku-4-5': 4096,
  'claude-sonnet-4-5': 1024,
  'claude-sonnet-4': 1024,
  'claude-opus-4': 1024,
  'claude-opus-4-1': 1024,
  'claude-3-7-sonnet': 1024,
};

/**
 * The minimum cacheable prefix is the model's: a row whose source states none (LiteLLM leaves it
 * out for Azure's Claude rows, and for Claude Haiku 3 everywhere, so the importer's 1,024 default
 * stood) takes the documented one, else the first-party entry's.
 */
export function withDocumentedCacheMinimum(
  o: Offering,
  stated: number | undefined,
  firstParty: ReadonlyMap<string, number>,
): Offering {
  if (o.cache.style !== 'explicit' || stated !== undefined) return o;
  const documented = DOCUMENTED_MIN_PREFIX[o.modelId];
  const min = documented ?? firstParty.get(o.modelId);
  if (min === undefined || min === o.cache.minPrefixTokens) return o;
  const why =
    documented !== undefined
      ? "Anthropic's prompt-caching docs"
      : "the first-party (Anthropic API) entry's prompt_cache_min_tokens";
  return {
    ...o,
    cache: { ...o.cache, minPrefixTokens: min },
    source: `${o.source}; minimum cacheable prefix ${min.toLocaleString('en-US')} tokens per ${why} (the file states none for this row)`,
  };
}

/**
 * DeepSeek's own API serves its current checkpoint under `deepseek-chat` and `deepseek-reasoner`
 * at one price since DeepSeek-V3.2-Exp (2025-09-29): $0.28 input, $0.028 cache hit, $0.42
 * output (LiteLLM's deepseek/deepseek-chat and deepseek/deepseek-reasoner entries). The file's
 * deepseek/deepseek-v3 and deepseek/deepseek-r1 entries still carry the launch prices, which
 * become the rows' history with the dates DeepSeek announced (api-docs.deepseek.com news:
 * V3.1's prices from 2025-09-05, V3.2-Exp's from 2025-09-29). genai-prices' deepseek entries
 * still hold the off-peak discount that ended on 2025-09-05.
 */
const DEEPSEEK_NOW = { input: 0.28, output: 0.42, cacheRead: 0.028 };
const DEEPSEEK_V3_1 = { input: 0.56, output: 1.68, cacheRead: 0.07 };

export function withCurrentDeepSeekPrices(o: Offering): Offering {
  if (o.provider !== 'deepseek' || !['deepseek-v3', 'deepseek-r1'].includes(o.modelId)) return o;
  const alias = o.modelId === 'deepseek-v3' ? 'deepseek-chat' : 'deepseek-reasoner';
  const news = 'api-docs.deepseek.com news (curator)';
  const periods: PricePeriod[] = [
    {
      validTo: '2025-09-04',
      usdPerMTok: o.usdPerMTok,
      longContext: [],
      source: o.source,
      asOf: o.asOf,
    },
    {
      validFrom: '2025-09-05',
      validTo: '2025-09-28',
      usdPerMTok: DEEPSEEK_V3_1,
      longContext: [],
      source: `DeepSeek-V3.1 prices, ${news}`,
      asOf: CURATED_ON,
    },
  ];
  return {
    ...o,
    usdPerMTok: DEEPSEEK_NOW,
    validFrom: '2025-09-29',
    pricePeriods: periods,
    source: `${SNAPSHOTS.litellm.label} (key: deepseek/${alias}): DeepSeek's API serves the model as ${alias} at the DeepSeek-V3.2 price since 2025-09-29 (${news}); earlier prices kept as history`,
    asOf: SNAPSHOTS.litellm.asOf,
  };
}

/**
 * Mistral Medium 3.1 at Mistral's API: LiteLLM and genai-prices' Mistral list give no cache-read
 * price; genai-prices' OpenRouter entry for mistralai/mistral-medium-3.1, which passes Mistral's
 * own price through, gives $0.04 (10% of input).
 */
export function withMistralMediumCacheRead(o: Offering): Offering {
  if (o.provider !== 'mistral' || o.modelId !== 'mistral-medium-3.1') return o;
  if (o.usdPerMTok.cacheRead !== undefined) return o;
  return {
    ...o,
    usdPerMTok: { ...o.usdPerMTok, cacheRead: 0.04 },
    cache: { ...o.cache, style: 'automatic', minPrefixTokens: 0 },
    source: `${o.source}; cache read: ${SNAPSHOTS.genai.label} (entry: openrouter/mistralai/mistral-medium-3.1)`,
    asOf: SNAPSHOTS.genai.asOf,
  };
}

/**
 * A row with a long-context tier at or past its context window takes the largest window another
 * row of the same model has (the tier exists because that longer context does): Claude Sonnet
 * 4.5's >200k price is for its 1M-token context (beta at Anthropic, Bedrock and Vertex AI),
 * which genai-prices states on the first-party row and LiteLLM gives nowhere.
 */
export function withTierWindows(rows: readonly Offering[]): Offering[] {
  const widest = new Map<string, { tokens: number; from: string }>();
  for (const o of rows) {
    const best = widest.get(o.modelId);
    if (o.contextTokens !== undefined && (best === undefined || o.contextTokens > best.tokens)) {
      widest.set(o.modelId, { tokens: o.contextTokens, from: o.id });
    }
  }
  return rows.map((o) => {
    const window = o.contextTokens;
    const best = widest.get(o.modelId);
    if (window === undefined || best === undefined || best.tokens <= window) return o;
    if (!o.longContext.some((t) => t.aboveInputTokens >= window)) return o;
    return {
      ...o,
      contextTokens: best.tokens,
      source: `${o.source}; context ${best.tokens.toLocaleString('en-US')} tokens as ${best.from} (the long-context tier above ${window.toLocaleString('en-US')} is for it)`,
    };
  });
}
