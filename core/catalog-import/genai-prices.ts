/**
 * genai-prices as a price source for the catalog: which catalog rows an entry prices, and the row
 * it makes of them. One piece of code for the app's "import genai-prices" and the seed builder.
 *
 * Rules: a catalog offering is priced by the first entry of its provider (or the provider's
 * fallbacks) whose `match` names the offering's model; Azure rows only at the Global deployment
 * (what genai-prices prices) and Bedrock rows of one named region never (genai-prices has no
 * per-region prices). Dated prices become the row's price periods. A price the entry states
 * replaces the row's; one it does not state is kept, and the batch, priority and long-context
 * prices it does not state keep their ratio to the standard price. Pure; never throws.
 */
import { addDays } from '../pricing/price-history.ts';
import {
  Model,
  Offering,
  type LongContextTier,
  type OfferingInput,
  type PricePeriod,
  type TierPrices,
  type TokenPrices,
} from '../schema/catalog.ts';
import { describeZodError } from '../schema/errors.ts';
import {
  matchGenaiModel,
  readGenaiPrices,
  type GenaiMatch,
  type GenaiModel,
  type GenaiPeriod,
  type GenaiProvider,
} from './genai-prices-read.ts';
import { cacheRuleOf, developerOf, slugId } from './litellm-providers.ts';

/** genai-prices provider ids whose catalog id differs (others keep theirs, as an id). */
const CATALOG_PROVIDERS = new Map<string, readonly string[]>([
  ['google', ['gemini', 'vertex']],
  ['aws', ['bedrock']],
  ['x-ai', ['xai']],
  ['moonshotai', ['moonshot']],
]);

/** The catalog providers a genai-prices provider prices (the first is where new rows go). */
export function catalogProvidersOf(genaiProvider: string): readonly string[] {
  return CATALOG_PROVIDERS.get(genaiProvider) ?? [slugId(genaiProvider.replace(/_/g, '-'))];
}

/**
 * What a row's source says when a curator kept it against genai-prices (the entry is wrong for
 * it): a genai-prices import leaves such a row alone.
 */
export const GENAI_NOT_TAKEN = 'genai-prices not taken';

/** The genai-prices entry key of an entry: `provider/model`. */
export const genaiKey = (m: GenaiModel) => `${m.provider}/${m.id}`;

/**
 * The names an offering's model may go by at its provider, most specific first: the id without
 * the provider (`deepseek-ai/deepseek-r1`), then each segment from the last (`deepseek-r1`).
 */
export function offeringModelNames(o: Offering): string[] {
  const rest = o.id.split('/').slice(1);
  const names = [rest.join('/'), ...[...rest].reverse()];
  return [...new Set(names.filter((n) => n !== ''))];
}

/** Bedrock's cross-region inference prefixes (`eu.anthropic.…`). */
const BEDROCK_GEO = /^(us|eu|apac|au|jp|ca|global)\./;

/**
 * Whether genai-prices' price is this row's: a place it prices. Azure: Global deployments only.
 * Bedrock: no row of one named region or of GovCloud (genai-prices has no per-region prices);
 * a cross-region profile (`eu.…`) only when the entry names that profile, not a pattern that
 * merely contains the model's name (Nova and Llama cost more in the EU than the US entry says).
 */
function pricedHere(o: Offering, name: string, match: GenaiMatch): boolean {
  if (o.provider === 'azure') return o.residency === 'global';
  if (o.provider !== 'bedrock') return true;
  if (o.regionId !== undefined || o.id.includes('us-gov')) return false;
  const geo = BEDROCK_GEO.exec(name)?.[0];
  return geo === undefined || match.by.text.startsWith(geo) || match.by.text.includes(`.${geo}`);
}

export interface GenaiIndex {
  providers: ReadonlyMap<string, GenaiProvider>;
  /** Catalog provider id → the genai-prices provider that prices it. */
  byCatalogProvider: ReadonlyMap<string, string>;
}

export function indexGenai(providers: readonly GenaiProvider[]): GenaiIndex {
  const byCatalogProvider = new Map<string, string>();
  for (const p of providers) {
    for (const id of catalogProvidersOf(p.id)) byCatalogProvider.set(id, p.id);
  }
  return { providers: new Map(providers.map((p) => [p.id, p])), byCatalogProvider };
}

/**
 * Whether a pattern matched a name only as the stem of another version: `claude-sonnet-4`
 * catches `claude-sonnet-4-5`, `claude-opus-4` catches `claude-opus-4-1`. A dated snapshot
 * (`-20250929`) or a suffix (`-v1`, `-mini`) after the pattern is still its model.
 */
function anotherVersion(name: string, found: GenaiMatch): boolean {
  if (found.by.kind === 'equals') return false;
  const at = name.toLowerCase().indexOf(found.by.text);
  if (at < 0) return false;
  return /^[-.]\d{1,2}(?!\d)/.test(name.slice(at + found.by.text.length));
}

/** The genai-prices entry that prices a catalog offering, if any. */
export function genaiEntryFor(index: GenaiIndex, o: Offering): GenaiModel | undefined {
  if (o.provider === 'azure' && o.residency !== 'global') return undefined;
  const provider = index.byCatalogProvider.get(o.provider);
  if (provider === undefined) return undefined;
  for (const name of offeringModelNames(o)) {
    const found = matchGenaiModel(index.providers, provider, name);
    if (found === undefined) continue;
    if (anotherVersion(name, found)) continue;
    const { entry } = found;
    if (entry.periods.length === 0 || entry.deprecated || !pricedHere(o, name, found))
      return undefined;
    return entry;
  }
  return undefined;
}

/** Which of an entry's periods holds on `day`, and the others (each ending the day before the next). */
function splitPeriods(
  periods: readonly GenaiPeriod[],
  day: string,
): {
  current: GenaiPeriod;
  validTo: string | undefined;
  others: (GenaiPeriod & { validTo: string | undefined })[];
} {
  const dated = periods.map((p, i) => ({
    ...p,
    validTo:
      periods[i + 1]?.validFrom === undefined ? undefined : addDays(periods[i + 1]!.validFrom!, -1),
  }));
  let at = 0;
  dated.forEach((p, i) => {
    if (p.validFrom === undefined || p.validFrom <= day) at = i;
  });
  const current = dated[at]!;
  return { current, validTo: current.validTo, others: dated.filter((_, i) => i !== at) };
}

const TYPES = ['input', 'output', 'cacheRead', 'cacheWrite'] as const;

/** A tier the entry does not state, kept at its ratio to the standard price per token type. */
function rescaled<T extends TierPrices>(tier: T, oldBase: TokenPrices, newBase: TokenPrices): T {
  const out = { ...tier };
  for (const t of TYPES) {
    const price = tier[t];
    const before = oldBase[t];
    const after = newBase[t];
    if (price === undefined || before === undefined || after === undefined || before <= 0) continue;
    out[t] = Number(((price * after) / before).toPrecision(12));
  }
  return out;
}

interface Priced {
  usdPerMTok: TokenPrices;
  batch: TierPrices | undefined;
  priority: TierPrices | undefined;
  longContext: LongContextTier[];
  /** Prices of the row kept because the entry does not state them. */
  kept: string[];
}

/**
 * One period of the entry applied to the row's prices (see the module comment). `tiered`: the
 * entry states long-context prices in some period, so a period without them is flat.
 */
function pricedBy(row: Offering, p: GenaiPeriod, cached: boolean, tiered: boolean): Priced {
  const kept: string[] = [];
  const usdPerMTok: TokenPrices = { ...p.usdPerMTok };
  for (const t of ['cacheRead', 'cacheWrite'] as const) {
    const own = row.usdPerMTok[t];
    if (usdPerMTok[t] === undefined && own !== undefined && cached) {
      usdPerMTok[t] = Number(((own * usdPerMTok.input) / row.usdPerMTok.input).toPrecision(12));
      kept.push(`usdPerMTok.${t}`);
    }
  }
  if (!cached) {
    delete usdPerMTok.cacheRead;
    delete usdPerMTok.cacheWrite;
  }
  const scale = <T extends TierPrices>(tier: T | undefined, name: string) => {
    if (tier === undefined) return undefined;
    kept.push(name);
    return rescaled(tier, row.usdPerMTok, usdPerMTok);
  };
  const longContext = tiered
    ? p.longContext
    : row.longContext.map((tier) => ({
        ...tier,
        usdPerMTok: rescaled(tier.usdPerMTok, row.usdPerMTok, usdPerMTok),
      }));
  if (!tiered && row.longContext.length > 0) kept.push('longContext');
  return {
    usdPerMTok,
    batch: scale(row.batch, 'batch'),
    priority: scale(row.priority, 'priority'),
    longContext,
    kept,
  };
}

export interface GenaiRowOptions {
  /** The day the file was read: each row's `asOf`. */
  asOf: string;
  /** The day whose prices are the row's own (the others become periods); default `asOf`. */
  pricesOn?: string;
  /** Where the file came from; each row's source is this plus the entry. */
  source: string;
}

/**
 * The row an entry makes of a catalog offering (or of a new one): prices from the entry, dated
 * periods as price periods, the entry's context window, the rest of the row kept.
 */
export function applyGenaiEntry(
  row: Offering,
  entry: GenaiModel,
  options: GenaiRowOptions,
): OfferingInput {
  const { current, validTo, others } = splitPeriods(
    entry.periods,
    options.pricesOn ?? options.asOf,
  );
  const tiered = entry.periods.some((p) => p.longContext.length > 0);
  const modelName = offeringModelNames(row)[0] ?? entry.id;
  const rule = cacheRuleOf(row.provider, modelName, current.usdPerMTok, undefined);
  // A row that already has a cache keeps its policy (its minimum prefix is curated).
  const cache = row.cache.style === 'none' ? rule.policy : row.cache;
  const cached = cache.style !== 'none';
  const now = pricedBy(row, current, cached, tiered);
  if (!rule.writePriced && row.usdPerMTok.cacheWrite === undefined)
    delete now.usdPerMTok.cacheWrite;
  const notes = [entry.timeOfDayNote].filter((n) => n !== undefined);
  if (now.kept.length > 0) notes.push(`kept from the catalog row: ${now.kept.join(', ')}`);
  const source = [`${options.source} (entry: ${genaiKey(entry)})`, ...notes].join('; ');
  const pricePeriods: PricePeriod[] = others.map((p) => {
    const priced = pricedBy(row, p, cached, tiered);
    if (!rule.writePriced && row.usdPerMTok.cacheWrite === undefined)
      delete priced.usdPerMTok.cacheWrite;
    return {
      validFrom: p.validFrom,
      validTo: p.validTo,
      usdPerMTok: priced.usdPerMTok,
      batch: priced.batch,
      priority: priced.priority,
      longContext: priced.longContext,
      source: `${options.source} (entry: ${genaiKey(entry)}, prices from ${p.validFrom ?? 'the start'})`,
      asOf: options.asOf,
    };
  });
  const { pricePeriods: _old, validFrom: _from, validTo: _to, ...rest } = row;
  return {
    ...rest,
    usdPerMTok: now.usdPerMTok,
    batch: now.batch,
    priority: now.priority,
    longContext: now.longContext,
    cache,
    contextTokens: contextWindow(row.contextTokens, entry.contextWindow, now.longContext),
    ...(current.validFrom === undefined ? {} : { validFrom: current.validFrom }),
    ...(validTo === undefined ? {} : { validTo }),
    ...(pricePeriods.length === 0 ? {} : { pricePeriods }),
    source,
    asOf: options.asOf,
  };
}

/**
 * The row's context window (a prompt limit, where genai-prices' `context_window` often counts
 * output too), genai-prices' when the row has none, or genai-prices' larger one when a
 * long-context tier starts at or past the row's (the tier exists because that context does).
 */
export function contextWindow(
  own: number | undefined,
  stated: number | undefined,
  tiers: readonly LongContextTier[],
): number | undefined {
  if (own === undefined) return stated;
  if (stated === undefined || stated <= own) return own;
  return tiers.some((t) => t.aboveInputTokens >= own) ? stated : own;
}

export interface GenaiConvertOptions extends GenaiRowOptions {
  /** The catalog's offerings: those an entry prices are updated, not added again. */
  existing: readonly Offering[];
  /** A catalog model for an entry no offering matched (undefined: a hosted model is made). */
  resolveModel?: (entry: GenaiModel) => string | undefined;
  /**
   * Rows the catalog keeps against genai-prices (a curator found its entry wrong for them): they
   * are not repriced, and their entry makes no new row either.
   */
  keep?: (row: Offering) => boolean;
}

export interface GenaiImport {
  ok: true;
  /** Rows to write: existing offerings repriced, and new ones for entries nothing matched. */
  offerings: Offering[];
  models: Model[];
  /** The genai-prices entry (`provider/model`) each offering was priced by. */
  entryOf: Record<string, string>;
  /** Entries not imported, counted by reason. */
  skipped: Record<string, number>;
  /** Price fields the catalog does not model (audio, per-request fees), by count. */
  ignoredFields: Record<string, number>;
}

/** Converts a parsed genai-prices file against the catalog's offerings. */
export function convertGenaiPrices(
  value: unknown,
  options: GenaiConvertOptions,
): GenaiImport | { ok: false; error: string } {
  const read = readGenaiPrices(value);
  if (!read.ok) return read;
  const index = indexGenai(read.providers);
  const out: GenaiImport = {
    ok: true,
    offerings: [],
    models: [],
    entryOf: {},
    skipped: {},
    ignoredFields: {},
  };
  const count = (table: Record<string, number>, key: string) => {
    table[key] = (table[key] ?? 0) + 1;
  };
  const used = new Set<GenaiModel>();
  const add = (input: OfferingInput, entry: GenaiModel): string | undefined => {
    const parsed = Offering.safeParse(input);
    if (!parsed.success) return `entry "${genaiKey(entry)}": ${describeZodError(parsed.error)}`;
    out.offerings.push(parsed.data);
    out.entryOf[parsed.data.id] = genaiKey(entry);
    return undefined;
  };
  for (const row of options.existing) {
    const entry = genaiEntryFor(index, row);
    if (entry === undefined) continue;
    used.add(entry);
    if (options.keep?.(row) === true) {
      count(out.skipped, 'kept by the catalog against this source');
      continue;
    }
    const error = add(applyGenaiEntry(row, entry, options), entry);
    if (error !== undefined) return { ok: false, error };
  }
  const taken = new Set(options.existing.map((o) => o.id));
  const modelIds = new Set<string>();
  for (const provider of read.providers) {
    for (const entry of provider.models) {
      entry.ignoredFields.forEach((f) => count(out.ignoredFields, f));
      if (used.has(entry)) continue;
      if (entry.deprecated) count(out.skipped, 'deprecated');
      else if (entry.unusable !== undefined) count(out.skipped, entry.unusable);
      else {
        const error = addNew(entry, provider, taken, modelIds, options, out, add);
        if (error !== undefined) return { ok: false, error };
      }
    }
  }
  return out;
}

/** A new offering (and hosted model when needed) for an entry no catalog row matched. */
function addNew(
  entry: GenaiModel,
  provider: GenaiProvider,
  taken: Set<string>,
  modelIds: Set<string>,
  options: GenaiConvertOptions,
  out: GenaiImport,
  add: (input: OfferingInput, entry: GenaiModel) => string | undefined,
): string | undefined {
  const providerId = catalogProvidersOf(provider.id)[0]!;
  const id = slugId(`${providerId}/${entry.id}`);
  if (taken.has(id)) {
    out.skipped['duplicate'] = (out.skipped['duplicate'] ?? 0) + 1;
    return undefined;
  }
  taken.add(id);
  const resolved = options.resolveModel?.(entry);
  const modelId = resolved ?? slugId(entry.id.split('/').pop() ?? entry.id);
  if (resolved === undefined && !modelIds.has(modelId)) {
    const name = entry.name ?? entry.id;
    const { developer, family } = developerOf(entry.id, providerId);
    const model = Model.safeParse({
      id: modelId,
      name,
      developer,
      family,
      openWeights: false,
      contextTokens: entry.contextWindow,
      source: `${options.source} (entry: ${genaiKey(entry)})`,
      asOf: options.asOf,
    });
    if (!model.success) return `entry "${genaiKey(entry)}": ${describeZodError(model.error)}`;
    modelIds.add(modelId);
    out.models.push(model.data);
  }
  const blank = Offering.safeParse({
    id,
    provider: providerId,
    modelId,
    residency: 'global',
    usdPerMTok: entry.periods[0]!.usdPerMTok,
    source: options.source,
    asOf: options.asOf,
  });
  if (!blank.success) return `entry "${genaiKey(entry)}": ${describeZodError(blank.error)}`;
  return add(applyGenaiEntry(blank.data, entry, options), entry);
}
