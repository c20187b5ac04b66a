/**
 * Converts LiteLLM's price file (model_prices_and_context_window.json) into catalog offerings.
 * One piece of code for the app's "import LiteLLM file" and for the seed builder, which then
 * curates the result (picks entries, maps models, names sources).
 *
 * Rules: entries of modes the catalog does not model (images, audio, embeddings, rerank …) and
 * `sample_spec` are skipped and counted by reason; an invalid value in a modeled entry refuses
 * the whole import with a message naming the entry and the field; a malformed file is refused
 * with a one-line message. Nothing here throws on bad input.
 */
import { Model, Offering, type OfferingInput } from '../schema/catalog.ts';
import { RESIDENCY_ZONES, type ResidencyZone } from '../schema/common.ts';
import { describeZodError } from '../schema/errors.ts';
import { MAX_JSON_DEPTH, describeJsonType, valueDeeperThan } from './json-guard.ts';
import { isRecord, readLiteLlmEntry, type LiteLlmEntry } from './litellm-entry.ts';
import {
  cacheRuleFor,
  developerOf,
  placementOf,
  slugId,
  type Placement,
} from './litellm-providers.ts';

export type { LiteLlmEntry } from './litellm-entry.ts';
export type { Placement } from './litellm-providers.ts';

export type Refusal = { ok: false; error: string };

/** What the caller knows about an entry when mapping it onto a catalog model. */
export interface EntryContext {
  entry: LiteLlmEntry;
  placement: Placement;
}

export interface LiteLlmOptions {
  /** ISO date of the file's snapshot; every row's `asOf`. */
  asOf: string;
  /** Where the file came from; each row's `source` is this plus the entry key. */
  source: string;
  /** Entries deprecated before this ISO date are skipped (reason `deprecated`). */
  deprecatedBefore?: string;
  /** Maps an entry onto an existing catalog model id; undefined makes a hosted model for it. */
  resolveModel?: (context: EntryContext) => string | undefined;
}

export interface LiteLlmImport {
  ok: true;
  offerings: Offering[];
  /** Hosted models the import had to create (entries `resolveModel` did not map). */
  models: Model[];
  /** The LiteLLM entry each offering was read from, by offering id. */
  entryOf: Record<string, EntryContext>;
  /** Entries left out, counted by reason (`mode:image_generation`, `deprecated`, `duplicate` …). */
  skipped: Record<string, number>;
  /** Price fields the catalog does not model (flex tier, audio, 1-hour cache writes …), by count. */
  ignoredFields: Record<string, number>;
}

/** Converts a parsed price file. See the module comment for what is skipped and what is refused. */
export function convertLiteLlm(value: unknown, options: LiteLlmOptions): LiteLlmImport | Refusal {
  if (!isRecord(value)) {
    return {
      ok: false,
      error: `the top level must be an object of model entries (found ${describeJsonType(value)})`,
    };
  }
  if (valueDeeperThan(value)) {
    return {
      ok: false,
      error: `the file nests deeper than ${MAX_JSON_DEPTH} levels; not a LiteLLM price file`,
    };
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return { ok: false, error: 'the file holds no model entries' };

  const out: LiteLlmImport = {
    ok: true,
    offerings: [],
    models: [],
    entryOf: {},
    skipped: {},
    ignoredFields: {},
  };
  const modelIds = new Set<string>();
  const skip = (reason: string) => {
    out.skipped[reason] = (out.skipped[reason] ?? 0) + 1;
  };
  for (const key of keys) {
    const read = readLiteLlmEntry(key, value[key]);
    if (read.kind === 'refuse') return { ok: false, error: read.error };
    if (read.kind === 'skip') {
      skip(read.reason);
      continue;
    }
    const entry = read.entry;
    if (
      options.deprecatedBefore !== undefined &&
      entry.deprecationDate !== undefined &&
      entry.deprecationDate < options.deprecatedBefore
    ) {
      skip('deprecated');
      continue;
    }
    const placement = placementOf(entry);
    const context: EntryContext = { entry, placement };
    const resolved = options.resolveModel?.(context);
    const modelId = resolved ?? slugId(placement.modelName);
    const built = offeringsOf(context, modelId, options);
    if ('error' in built) return { ok: false, error: built.error };
    const fresh = built.offerings.filter((o) => out.entryOf[o.id] === undefined);
    if (fresh.length === 0) {
      skip('duplicate');
      continue;
    }
    for (const o of fresh) {
      out.offerings.push(o);
      out.entryOf[o.id] = context;
    }
    for (const field of entry.ignoredFields)
      out.ignoredFields[field] = (out.ignoredFields[field] ?? 0) + 1;
    if (resolved === undefined && !modelIds.has(modelId)) {
      const model = hostedModel(context, modelId, options);
      if ('error' in model) return { ok: false, error: model.error };
      modelIds.add(modelId);
      out.models.push(model.model);
    }
  }
  return out;
}

/** The offering of an entry and its regional variants (one per data-residency uplift). */
function offeringsOf(
  { entry, placement }: EntryContext,
  modelId: string,
  options: LiteLlmOptions,
): { offerings: Offering[] } | { error: string } {
  const cache = cacheRuleFor(placement, entry);
  const dropWrite = <T extends { cacheWrite?: number }>(prices: T): T => {
    if (cache.writePriced) return prices;
    const { cacheWrite: _dropped, ...rest } = prices;
    return rest as T;
  };
  const withoutCache = cache.policy.style === 'none';
  const tokenPrices = <T extends { cacheRead?: number; cacheWrite?: number }>(prices: T): T => {
    if (!withoutCache) return dropWrite(prices);
    const { cacheRead: _r, cacheWrite: _w, ...rest } = prices;
    return rest as T;
  };
  const source = `${options.source} (key: ${entry.key.slice(0, 200)})`;
  const base: OfferingInput = {
    id: slugId(`${placement.providerId}/${placement.idPath}`),
    provider: placement.providerId,
    modelId,
    residency: placement.residency,
    regionId: placement.regionId,
    usdPerMTok: tokenPrices(entry.usdPerMTok),
    batch: entry.batch === undefined ? undefined : tokenPrices(entry.batch),
    priority: entry.priority === undefined ? undefined : tokenPrices(entry.priority),
    longContext: entry.longContext.map((tier) => ({
      aboveInputTokens: tier.aboveInputTokens,
      // Anthropic, Google and OpenAI re-price the whole request above the threshold; no provider
      // in LiteLLM's file documents pricing only the tokens above it.
      rule: 'whole-request' as const,
      usdPerMTok: tokenPrices(tier.usdPerMTok),
    })),
    cache: cache.policy,
    contextTokens: entry.maxInputTokens,
    maxOutputTokens: entry.maxOutputTokens,
    rateLimitRpm: entry.rpm,
    source,
    asOf: options.asOf,
  };
  const uplifts = regionalUplifts(entry, placement);
  if ('error' in uplifts) return uplifts;
  const inputs: OfferingInput[] = [base];
  for (const [zone, multiplier] of uplifts.zones) {
    inputs.push({
      ...base,
      id: slugId(`${placement.providerId}/${zone}/${placement.idPath}`),
      residency: zone,
      regionalUplift: multiplier,
      source: `${source}; ${zone} processing ×${multiplier}`,
    });
  }
  const offerings: Offering[] = [];
  for (const input of inputs) {
    const parsed = Offering.safeParse(input);
    if (!parsed.success)
      return { error: `entry "${entry.key}": ${describeZodError(parsed.error)}` };
    offerings.push(parsed.data);
  }
  return { offerings };
}

const isZone = (zone: string): zone is ResidencyZone =>
  zone !== 'global' && (RESIDENCY_ZONES as readonly string[]).includes(zone);

/**
 * Data-residency uplifts: OpenAI's `regional_processing_uplift_multiplier_{zone}` and Anthropic's
 * US-only inference multiplier (LiteLLM keeps it under `provider_specific_entry.us`).
 */
function regionalUplifts(
  entry: LiteLlmEntry,
  placement: Placement,
): { zones: [ResidencyZone, number][] } | { error: string } {
  const zones: [ResidencyZone, number][] = [];
  for (const [zone, multiplier] of Object.entries(entry.regionalUplift)) {
    if (isZone(zone)) zones.push([zone, multiplier]);
  }
  const specific = entry.raw['provider_specific_entry'];
  if (placement.providerId === 'anthropic' && isRecord(specific)) {
    for (const [zone, multiplier] of Object.entries(specific)) {
      if (!isZone(zone)) continue;
      if (typeof multiplier !== 'number' || !Number.isFinite(multiplier) || multiplier <= 0) {
        return {
          error: `entry "${entry.key}": provider_specific_entry.${zone} must be a finite number > 0 (found ${describeJsonType(multiplier)})`,
        };
      }
      if (!zones.some(([z]) => z === zone)) zones.push([zone, multiplier]);
    }
  }
  return { zones };
}

/** A hosted (API-only) model row for an entry no catalog model matched. */
function hostedModel(
  { entry, placement }: EntryContext,
  modelId: string,
  options: LiteLlmOptions,
): { model: Model } | { error: string } {
  const { developer, family } = developerOf(placement.modelName, placement.providerId);
  const parsed = Model.safeParse({
    id: modelId,
    name: placement.modelName,
    developer,
    family,
    // The file says nothing of weights; without an architecture the catalog can only offer it as an API.
    openWeights: false,
    contextTokens: entry.maxInputTokens,
    source: `${options.source} (key: ${entry.key.slice(0, 200)})`,
    asOf: options.asOf,
  });
  if (!parsed.success) return { error: `entry "${entry.key}": ${describeZodError(parsed.error)}` };
  return { model: parsed.data };
}
