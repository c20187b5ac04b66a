/**
 * Hosted-API offerings: LiteLLM's price file run through the app's own converter, then curated —
 * only providers the seed describes, only entries that are a catalog model, no deprecated or
 * free-preview entries, no duplicates — plus the few published facts LiteLLM's file leaves out
 * (batch discounts, Vertex regional endpoints), each named in the row's source.
 */
import { convertLiteLlm, type EntryContext } from '../../../core/catalog-import/litellm.ts';
import { parseJsonSafely } from '../../../core/json-safe.ts';
import type { Offering, OfferingInput, TierPrices } from '../../../core/schema/catalog.ts';
import {
  withCurrentDeepSeekPrices,
  withDocumentedCacheMinimum,
  withMistralMediumCacheRead,
  withoutImplausibleTiers,
  withTierWindows,
} from './fixes.ts';
import { matchCatalogModel } from './model-match.ts';
import { withSecondSource, type SecondSource } from './second-source.ts';
import { CURATED_ON, SNAPSHOTS, referenceText } from './reference.ts';

/** Providers whose offerings the seed carries (ids as the converter names them). */
export const SEED_API_PROVIDERS = [
  'openai',
  'anthropic',
  'gemini',
  'vertex',
  'bedrock',
  'azure',
  'mistral',
  'deepseek',
  'xai',
  'together',
  'fireworks',
  'groq',
  'cerebras',
  'deepinfra',
  'nebius',
  'lambda',
  'sambanova',
  'oci',
] as const;

/** Entries deprecated before the day this seed was built are left out. */
const DEPRECATED_BEFORE = CURATED_ON;

export interface SeedOfferings {
  rows: OfferingInput[];
  skipped: Record<string, number>;
  /** The LiteLLM price file as parsed, for the hosted-model table's context windows. */
  litellm: Record<string, unknown>;
  /** What genai-prices said of the same rows: the cross-source report. */
  secondSource: SecondSource;
}

export function seedOfferings(): SeedOfferings {
  const parsed = parseJsonSafely(referenceText(SNAPSHOTS.litellm.file));
  if (!parsed.ok) throw new Error(`${SNAPSHOTS.litellm.file}: ${parsed.error}`);
  const notes = new Map<string, string>();
  const resolvedKeys = new Set<string>();
  const converted = convertLiteLlm(parsed.value, {
    asOf: SNAPSHOTS.litellm.asOf,
    source: SNAPSHOTS.litellm.label,
    deprecatedBefore: DEPRECATED_BEFORE,
    resolveModel: ({ entry, placement }) => {
      const match = matchCatalogModel(entry.key, placement.modelName);
      if (match === undefined) return undefined;
      resolvedKeys.add(entry.key);
      if (match.note !== undefined) notes.set(entry.key, match.note);
      return match.modelId;
    },
  });
  if (!converted.ok) throw new Error(`${SNAPSHOTS.litellm.file}: ${converted.error}`);

  const skipped: Record<string, number> = { ...converted.skipped };
  const count = (reason: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const kept: Offering[] = [];
  for (const offering of converted.offerings) {
    const context = converted.entryOf[offering.id];
    if (context === undefined) continue;
    const reason = reasonToLeaveOut(offering, context.entry.key, resolvedKeys);
    if (reason !== undefined) count(reason);
    else kept.push(withCuratedFacts(offering, context, notes.get(context.entry.key)));
  }
  const stated = (o: Offering) => converted.entryOf[o.id]?.entry.promptCacheMinTokens;
  const firstParty = new Map<string, number>();
  for (const o of converted.offerings) {
    const min = stated(o);
    if (o.provider === 'anthropic' && min !== undefined) firstParty.set(o.modelId, min);
  }
  // genai-prices before the duplicates go: two keys LiteLLM prices alike may not be alike.
  const second = withSecondSource(
    kept.map((o) => withCurrentDeepSeekPrices(withoutImplausibleTiers(o))),
  );
  const unique = dedupe(second.rows, count);
  const ids = new Set(unique.map((o) => o.id));
  second.disagreements = second.disagreements.filter((d) => ids.has(d.row));
  const fixed = withTierWindows(
    unique.map((o) =>
      withMistralMediumCacheRead(withDocumentedCacheMinimum(o, stated(o), firstParty)),
    ),
  );
  const rows: OfferingInput[] = [...fixed, ...vertexRegionalClaude(fixed)];
  return {
    rows,
    skipped,
    litellm: parsed.value as Record<string, unknown>,
    secondSource: second,
  };
}

function reasonToLeaveOut(
  o: Offering,
  key: string,
  resolvedKeys: ReadonlySet<string>,
): string | undefined {
  if (!(SEED_API_PROVIDERS as readonly string[]).includes(o.provider))
    return 'provider not in seed';
  if (!resolvedKeys.has(key)) return 'model not in catalog';
  if (o.usdPerMTok.input === 0 && o.usdPerMTok.output === 0) return 'free preview';
  return DOUBTFUL_KEYS[key];
}

/**
 * One model at one place and price under several keys (a dated snapshot and its alias, LiteLLM's
 * two routes to one Bedrock model): keep the entry that says the most (batch, priority and
 * long-context tiers), then the shortest key.
 */
function dedupe(offerings: Offering[], count: (reason: string) => void): Offering[] {
  const richness = (o: Offering) =>
    Number(o.batch !== undefined) +
    Number(o.priority !== undefined) +
    Number(o.longContext.length > 0);
  const sorted = [...offerings].sort(
    (a, b) => richness(b) - richness(a) || a.id.length - b.id.length || a.id.localeCompare(b.id),
  );
  const byPlaceAndPrice = new Map<string, Offering>();
  for (const o of sorted) {
    const key = JSON.stringify([
      o.provider,
      o.modelId,
      o.residency,
      o.regionId ?? '',
      o.regionalUplift,
      o.usdPerMTok,
      o.cache,
    ]);
    if (byPlaceAndPrice.has(key)) count('same model, place and prices as another key');
    else byPlaceAndPrice.set(key, o);
  }
  return [...byPlaceAndPrice.values()];
}

/** Entries whose price in the file is not credible, and why (checked against the provider's docs). */
const DOUBTFUL_KEYS: Record<string, string> = {
  // Output equals Llama 3 70B's input price in the same region: a transcription slip in the file.
  'bedrock/us-gov-east-1/meta.llama3-8b-instruct-v1:0': 'doubtful price in the file',
  'bedrock/us-gov-west-1/meta.llama3-8b-instruct-v1:0': 'doubtful price in the file',
  // The Gemini API serves Gemma without charge; the file's price cites Vertex AI's page.
  'gemini/gemini-gemma-2-27b-it': 'doubtful price in the file',
  'gemini/gemini-gemma-2-9b-it': 'doubtful price in the file',
};

const half = (input: number, output: number): TierPrices => ({
  input: Number((input / 2).toPrecision(12)),
  output: Number((output / 2).toPrecision(12)),
});

/**
 * Batch discounts LiteLLM's file leaves out but the providers publish as a flat 50% of standard
 * (cached and cache-write tokens scale with it): OpenAI and Azure OpenAI Batch API, Anthropic
 * Message Batches (also on Bedrock and Vertex), Gemini Batch Mode, Mistral batch API.
 */
function batchFromProviderDocs(o: Offering): { batch: TierPrices; doc: string } | undefined {
  if (o.batch !== undefined) return undefined;
  const claude = o.modelId.startsWith('claude');
  const openAiModel = /^(gpt|o\d)/.test(o.modelId);
  let doc: string | undefined;
  if (o.provider === 'anthropic') doc = 'Message Batches API (anthropic.com/pricing)';
  else if (claude && o.provider === 'bedrock')
    doc = 'Bedrock batch inference (aws.amazon.com/bedrock/pricing)';
  else if (claude && o.provider === 'vertex') doc = 'Vertex AI batch prediction for Claude';
  else if (o.provider === 'openai') doc = 'Batch API (openai.com/api/pricing)';
  else if (o.provider === 'azure' && openAiModel) doc = 'Azure OpenAI Global/Data Zone Batch';
  else if (['gemini', 'vertex'].includes(o.provider) && o.modelId.startsWith('gemini')) {
    doc = 'Gemini Batch Mode / Vertex AI batch prediction (ai.google.dev/gemini-api/docs/pricing)';
  } else if (o.provider === 'mistral') doc = 'Mistral batch API (mistral.ai/pricing)';
  if (doc === undefined) return undefined;
  return { batch: half(o.usdPerMTok.input, o.usdPerMTok.output), doc: `${doc}, 50% of standard` };
}

function withCuratedFacts(o: Offering, context: EntryContext, note: string | undefined): Offering {
  const parts = [o.source];
  if (note !== undefined) parts.push(`model: ${note}`);
  if (o.provider === 'deepseek') {
    parts.push(
      "the original release's list price, still in the file; DeepSeek's API now serves newer checkpoints as deepseek-chat/-reasoner",
    );
  }
  const batch = batchFromProviderDocs(o);
  if (batch !== undefined) parts.push(`batch: ${batch.doc}, curator's knowledge, not in the file`);
  if (
    context.placement.providerId === 'bedrock' &&
    o.regionId === undefined &&
    o.residency === 'global' &&
    !context.entry.key.startsWith('global.')
  ) {
    parts.push('in-region on-demand price (one price for the commercial regions)');
  }
  return { ...o, batch: batch?.batch ?? o.batch, source: parts.join('; ') };
}

/** Vertex AI's Claude regional endpoints the seed adds, with the zone each keeps data in. */
const VERTEX_CLAUDE_REGIONS = [
  { regionId: 'gcp:us-east5', residency: 'us' },
  { regionId: 'gcp:europe-west1', residency: 'eu' },
] as const;

/**
 * Vertex AI prices Claude (Sonnet 4.5 and later) 10% higher at regional endpoints than at the
 * global one. LiteLLM lists only the global price; Bedrock's regional profiles in the same file
 * show the same 10% for the same models, which is how the seed picks which Claude models get it.
 */
function vertexRegionalClaude(kept: Offering[]): OfferingInput[] {
  const bedrockGlobal = new Map<string, number>();
  const bedrockEu = new Map<string, number>();
  for (const o of kept) {
    if (o.provider !== 'bedrock' || !o.modelId.startsWith('claude')) continue;
    // The global cross-region profile (`global.anthropic.…`): in-region endpoints cost 10% more.
    if (o.id.startsWith('bedrock/global.')) bedrockGlobal.set(o.modelId, o.usdPerMTok.input);
    if (o.residency === 'eu') bedrockEu.set(o.modelId, o.usdPerMTok.input);
  }
  const out: OfferingInput[] = [];
  for (const o of kept) {
    if (o.provider !== 'vertex' || !o.modelId.startsWith('claude') || o.regionId !== undefined)
      continue;
    const global = bedrockGlobal.get(o.modelId);
    const eu = bedrockEu.get(o.modelId);
    if (global === undefined || eu === undefined || Math.abs(eu / global - 1.1) > 1e-9) continue;
    for (const region of VERTEX_CLAUDE_REGIONS) {
      out.push({
        ...o,
        id: `${o.id}/${region.regionId.slice(4)}`,
        residency: region.residency,
        regionId: region.regionId,
        regionalUplift: 1.1,
        source: `${o.source}; regional endpoint ${region.regionId.slice(4)}: +10% over global per cloud.google.com/vertex-ai/generative-ai/pricing (curator's knowledge), matching the file's Bedrock EU/global ratio for ${o.modelId}`,
        asOf: CURATED_ON,
      });
    }
  }
  return out;
}
