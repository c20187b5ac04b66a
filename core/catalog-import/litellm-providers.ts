/**
 * What LiteLLM's price file leaves implicit and the catalog needs: which provider an entry belongs
 * to, where it processes requests, and how its prompt cache bills. Each rule follows the
 * provider's own documentation, named beside it.
 */
import type { PromptCachePolicy, TokenPrices } from '../schema/catalog.ts';
import type { ResidencyZone } from '../schema/common.ts';
import type { LiteLlmEntry } from './litellm-entry.ts';
import { residencyOfRegion } from './regions.ts';

/**
 * A name → value table read with names from a file: a Map, so a name like `constructor` or
 * `__proto__` finds nothing instead of Object.prototype's members.
 */
function lookupTable<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

/** LiteLLM provider names → catalog provider ids (several LiteLLM routes reach one provider). */
const PROVIDER_IDS = lookupTable<string>({
  openai: 'openai',
  'text-completion-openai': 'openai',
  anthropic: 'anthropic',
  gemini: 'gemini',
  vertex_ai: 'vertex',
  bedrock: 'bedrock',
  bedrock_converse: 'bedrock',
  bedrock_mantle: 'bedrock',
  azure: 'azure',
  azure_ai: 'azure',
  azure_text: 'azure',
  mistral: 'mistral',
  codestral: 'mistral',
  'text-completion-codestral': 'mistral',
  deepseek: 'deepseek',
  together_ai: 'together',
  fireworks_ai: 'fireworks',
  groq: 'groq',
  cerebras: 'cerebras',
  xai: 'xai',
  deepinfra: 'deepinfra',
  nebius: 'nebius',
  lambda_ai: 'lambda',
  oci: 'oci',
  moonshot: 'moonshot',
});

/** The catalog provider id of a LiteLLM provider name (`vertex_ai-anthropic_models` → `vertex`). */
export function providerIdOf(litellmProvider: string): string {
  const known = PROVIDER_IDS.get(litellmProvider);
  if (known !== undefined) return known;
  const family = /^([a-z0-9_]+?)-/.exec(litellmProvider)?.[1];
  const ofFamily = family === undefined ? undefined : PROVIDER_IDS.get(family);
  if (ofFamily !== undefined) return ofFamily;
  return slugId(litellmProvider.replace(/_/g, '-')) || 'unknown';
}

/** Lowercases and replaces what a catalog id may not hold with '-'. */
export function slugId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._:/@+-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 180);
}

/** Bedrock cross-region inference profile prefixes (`eu.anthropic.…`) and the zone they keep data in. */
const BEDROCK_GEO_PREFIXES = lookupTable<ResidencyZone>({
  us: 'us',
  'us-gov': 'us',
  eu: 'eu',
  apac: 'apac',
  au: 'apac',
  jp: 'apac',
  ca: 'ca',
  global: 'global',
});
const AWS_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** Azure deployment types in LiteLLM keys: data zones (EU/US) and global routing. */
const AZURE_ZONES = lookupTable<ResidencyZone>({
  eu: 'eu',
  us: 'us',
  global: 'global',
  'global-standard': 'global',
});

export interface Placement {
  providerId: string;
  /** The key without the provider's own prefix: the offering id's tail. */
  idPath: string;
  /** The model's name as the provider spells it, without route, region or geo prefixes. */
  modelName: string;
  residency: ResidencyZone;
  regionId: string | undefined;
}

/** Where an entry's requests are processed, read from its key and `supported_regions`. */
export function placementOf(entry: LiteLlmEntry): Placement {
  const segments = entry.key.split('/');
  const first = segments[0] ?? '';
  const litellmProvider = entry.litellmProvider ?? (segments.length > 1 ? first : 'unknown');
  const providerId = providerIdOf(litellmProvider);
  const isOwnPrefix =
    first === litellmProvider ||
    litellmProvider.startsWith(`${first}-`) ||
    litellmProvider.startsWith(`${first}_`) ||
    PROVIDER_IDS.get(first) === providerId;
  let rest = segments.length > 1 && isOwnPrefix ? segments.slice(1) : segments;
  // Fireworks account paths: accounts/fireworks/models/<name>.
  if (rest[0] === 'accounts' && rest.length >= 4) rest = rest.slice(3);

  let residency: ResidencyZone = 'global';
  let regionId: string | undefined;
  let last = rest[rest.length - 1] ?? entry.key;
  if (providerId === 'bedrock') {
    const region = rest.find((s) => AWS_REGION.test(s));
    if (region !== undefined) {
      regionId = `aws:${region}`;
      residency = residencyOfRegion('aws', region) ?? 'global';
    }
    const geo = /^([a-z]+(?:-gov)?)\.(.+)$/.exec(last);
    const zone = geo?.[1] === undefined ? undefined : BEDROCK_GEO_PREFIXES.get(geo[1]);
    if (zone !== undefined && geo?.[2] !== undefined) {
      residency = zone;
      last = geo[2];
    }
  } else if (providerId === 'azure' && rest.length > 1) {
    residency = AZURE_ZONES.get(rest[0] ?? '') ?? 'global';
  } else if (providerId === 'vertex') {
    const regions = entry.supportedRegions.filter((r) => r !== 'global');
    if (regions.length === 1 && entry.supportedRegions.length === 1 && regions[0] !== undefined) {
      regionId = `gcp:${regions[0]}`;
      residency = residencyOfRegion('gcp', regions[0]) ?? 'global';
    }
  }
  return { providerId, idPath: rest.join('/'), modelName: modelNameOf(last), residency, regionId };
}

/**
 * A model name without a Bedrock vendor prefix (`anthropic.claude-…` → `claude-…`); DeepSeek's
 * bare version names keep their vendor (`deepseek.r1-v1:0` → `deepseek-r1-v1:0`).
 */
function modelNameOf(name: string): string {
  const m = /^([a-z0-9]+)\.(.+)$/.exec(name);
  if (m?.[1] === undefined || m[2] === undefined || /^\d/.test(m[2])) return name;
  return /^[vr]\d/.test(m[2]) ? `${m[1]}-${m[2]}` : m[2];
}

/** Developer and family of a model name, for hosted models the import has to create. */
const DEVELOPERS: [RegExp, string, string][] = [
  [/^(gpt|chatgpt|codex|computer-use)/, 'OpenAI', 'gpt'],
  [/^o\d/, 'OpenAI', 'o-series'],
  [/claude/, 'Anthropic', 'claude'],
  [/gemini/, 'Google', 'gemini'],
  [/gemma/, 'Google', 'gemma'],
  [
    /^(open-)?(mistral|mixtral|codestral|magistral|devstral|ministral|pixtral|voxtral)/,
    'Mistral AI',
    'mistral',
  ],
  [/llama/, 'Meta', 'llama'],
  [/deepseek/, 'DeepSeek', 'deepseek'],
  [/^(qwen|qwq)/, 'Alibaba', 'qwen'],
  [/grok/, 'xAI', 'grok'],
  [/^(nova|titan)/, 'Amazon', 'nova'],
  [/^command/, 'Cohere', 'command'],
  [/jamba/, 'AI21 Labs', 'jamba'],
  [/kimi/, 'Moonshot AI', 'kimi'],
  [/glm/, 'Zhipu AI', 'glm'],
  [/^phi/i, 'Microsoft', 'phi'],
  [/minimax/, 'MiniMax', 'minimax'],
];

export function developerOf(
  modelName: string,
  providerId: string,
): { developer: string; family: string } {
  const name = modelName.toLowerCase();
  for (const [pattern, developer, family] of DEVELOPERS) {
    if (pattern.test(name)) return { developer, family };
  }
  return { developer: providerId, family: /^[a-z]+/.exec(name)?.[0] ?? 'other' };
}

export type CachePolicy = Omit<PromptCachePolicy, 'storageUsdPerMTokHour'>;

/** The cache bill of one offering, and whether its cache-write price is a real extra charge. */
export interface CacheRule {
  policy: CachePolicy;
  /** false where writes are billed at the input price (automatic caches): the write price is dropped. */
  writePriced: boolean;
}

const NO_CACHE: CacheRule = {
  policy: { style: 'none', minPrefixTokens: 0, ttlMinutes: 5, appliesToBatch: true },
  writePriced: false,
};

/**
 * How a provider's prompt cache bills, per its documentation:
 * - Anthropic Claude (API, Bedrock, Vertex, Azure): explicit cache breakpoints, writes at 1.25×
 *   input for the 5-minute TTL, reads 0.1×; minimum prefix 1,024 tokens unless the file states one.
 * - OpenAI models (OpenAI, Azure): automatic for prompts ≥ 1,024 tokens, cached prefixes kept for
 *   5–10 minutes of inactivity; no write charge unless the source prices writes above input.
 * - Gemini: implicit caching on 2.5+ models, no write charge; minimum 2,048 tokens on 2.x and
 *   4,096 on 3.x and later (ai.google.dev/gemini-api/docs/caching, page of 2026-10-13).
 * - DeepSeek: automatic disk cache in 64-token units, no write charge, kept for hours.
 * - Anyone else with a cache-read price: explicit when writes cost more than input, else automatic.
 * Batch requests keep their cache discount at all of these (the batch price pages list cached
 * input, and Anthropic documents that the discounts stack).
 */
export function cacheRuleFor(placement: Placement, entry: LiteLlmEntry): CacheRule {
  return cacheRuleOf(
    placement.providerId,
    placement.modelName,
    entry.usdPerMTok,
    entry.promptCacheMinTokens,
  );
}

/**
 * The cache rule of a model at a provider with these base prices (see `cacheRuleFor`); shared by
 * every importer. A source that prices writes above input for an automatic cache (OpenAI's
 * GPT-5.6 family: "cache writes are billed at 1.25× the uncached input rate") keeps that price.
 */
export function cacheRuleOf(
  providerId: string,
  modelName: string,
  prices: TokenPrices,
  statedMinTokens: number | undefined,
): CacheRule {
  if (prices.cacheRead === undefined) return NO_CACHE;
  const name = modelName.toLowerCase();
  const rule = (
    style: CachePolicy['style'],
    min: number,
    ttl: number,
    writePriced: boolean,
  ): CacheRule => ({
    policy: {
      style,
      minPrefixTokens: statedMinTokens ?? min,
      ttlMinutes: ttl,
      appliesToBatch: true,
    },
    writePriced,
  });
  const write = prices.cacheWrite;
  const writeAboveInput = write !== undefined && write > prices.input;
  if (name.includes('claude')) return rule('explicit', 1024, 5, write !== undefined);
  if (['openai', 'azure'].includes(providerId) && /^(gpt|o\d|chatgpt|codex)/.test(name)) {
    return rule('automatic', 1024, 5, writeAboveInput);
  }
  if (name.includes('gemini')) {
    return rule('automatic', /gemini-[12]\./.test(name) ? 2048 : 4096, 5, false);
  }
  if (providerId === 'deepseek') return rule('automatic', 64, 60, false);
  if (writeAboveInput) return rule('explicit', 0, 5, true);
  return rule('automatic', 0, 5, false);
}
