/**
 * Reads pydantic's genai-prices data (`prices/data.json`, also bundled in the npm package
 * `@pydantic/genai-prices`): a list of providers, each with models, each with a `match` clause
 * naming the model ids it prices and its prices — one set, or a list of conditional sets (a start
 * date, or a time of day). Prices are USD per 1M tokens; a price may be tiered by prompt size
 * (`{ base, tiers: [{ start, price }] }`: past `start` input tokens every token of that type is
 * charged the tier price, genai-prices' own reading of Anthropic's and Google's long-context
 * prices). Every malformed value refuses the file with its path; nothing here throws.
 */
import type { LongContextTier, TokenPrices } from '../schema/catalog.ts';
import { IsoDate, LIMITS } from '../schema/common.ts';
import { describeJsonType, MAX_JSON_DEPTH, valueDeeperThan } from './json-guard.ts';
import { isRecord } from './litellm-entry.ts';

/** A clause of genai-prices' model matching: equals / starts_with / ends_with / contains / regex, or / and. */
export type MatchClause =
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: RegExp }
  | { or: MatchClause[] }
  | { and: MatchClause[] };

/** One dated set of prices: it holds from `validFrom` (undefined: from the start) until the next. */
export interface GenaiPeriod {
  validFrom: string | undefined;
  usdPerMTok: TokenPrices;
  longContext: LongContextTier[];
}

export interface GenaiModel {
  /** genai-prices' provider id (`openai`, `aws`, `x-ai` …). */
  provider: string;
  id: string;
  name: string | undefined;
  match: MatchClause;
  contextWindow: number | undefined;
  deprecated: boolean;
  /** Oldest first. Empty when the entry prices no text tokens (input and output). */
  periods: GenaiPeriod[];
  /** Price fields the catalog does not model (audio, per-request fees). */
  ignoredFields: string[];
  /** Set when the entry has time-of-day prices: which one the periods carry, and why. */
  timeOfDayNote: string | undefined;
  /** Why the entry prices nothing the catalog models, when it does not. */
  unusable: string | undefined;
  /** The file's note on the prices (where they came from, what they leave out). */
  priceComment: string | undefined;
}

export interface GenaiProvider {
  id: string;
  name: string;
  /** Providers whose models this one also serves at their prices (Azure: OpenAI's, Anthropic's). */
  fallbacks: string[];
  models: GenaiModel[];
}

export type GenaiRead = { ok: true; providers: GenaiProvider[] } | { ok: false; error: string };

const TOKEN_FIELDS = {
  input_mtok: 'input',
  output_mtok: 'output',
  cache_read_mtok: 'cacheRead',
  cache_write_mtok: 'cacheWrite',
} as const;

/** Whether `value` looks like genai-prices data (a list of providers with models). */
export function looksLikeGenaiPrices(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    isRecord(value[0]) &&
    Array.isArray(value[0]['models']) &&
    typeof value[0]['id'] === 'string'
  );
}

class Refused extends Error {}

function refuse(path: string, message: string): never {
  throw new Refused(`${path}: ${message}`);
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    refuse(path, `must be a non-empty string (found ${describeJsonType(value)})`);
  }
  if (value.length > 500) refuse(path, 'is longer than 500 characters');
  return value;
}

function price(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    refuse(path, `must be a finite number ≥ 0 (found ${describeJsonType(value)})`);
  }
  if (value > LIMITS.usdPerMTok) {
    refuse(
      path,
      `${value} $/MTok is above the ${LIMITS.usdPerMTok.toLocaleString('en-US')} $/MTok any real price stays under`,
    );
  }
  return value;
}

/** A clause, with regexes compiled (a bad pattern refuses the file, naming it). */
function clause(value: unknown, path: string, depth = 0): MatchClause {
  if (!isRecord(value)) refuse(path, `must be an object (found ${describeJsonType(value)})`);
  if (depth > 16) refuse(path, 'nests too deeply');
  const keys = Object.keys(value);
  if (keys.length !== 1)
    refuse(
      path,
      `must have exactly one of equals, starts_with, ends_with, contains, regex, or, and (found ${keys.join(', ') || 'none'})`,
    );
  const key = keys[0]!;
  const v = value[key];
  switch (key) {
    case 'or':
    case 'and': {
      if (!Array.isArray(v) || v.length === 0)
        refuse(`${path}.${key}`, 'must be a non-empty array');
      const list = v.map((c, i) => clause(c, `${path}.${key}[${i}]`, depth + 1));
      return key === 'or' ? { or: list } : { and: list };
    }
    case 'equals':
      return { equals: text(v, `${path}.equals`).toLowerCase() };
    case 'starts_with':
      return { starts_with: text(v, `${path}.starts_with`).toLowerCase() };
    case 'ends_with':
      return { ends_with: text(v, `${path}.ends_with`).toLowerCase() };
    case 'contains':
      return { contains: text(v, `${path}.contains`).toLowerCase() };
    case 'regex':
      try {
        return { regex: new RegExp(text(v, `${path}.regex`), 'i') };
      } catch {
        return refuse(`${path}.regex`, 'is not a valid regular expression');
      }
    default:
      return refuse(path, `unknown match '${key}'`);
  }
}

/** Whether a model name (any case) is one a clause matches. */
export function clauseMatches(c: MatchClause, name: string): boolean {
  return matchedBy(c, name.toLowerCase()) !== undefined;
}

/**
 * The leaf of a clause that matches a (lowercase) name: its kind and its text, so a caller can
 * tell an exact name (`equals`) from a pattern that merely contains it. Undefined: no match.
 */
export function matchedBy(
  c: MatchClause,
  name: string,
): { kind: 'equals' | 'pattern'; text: string } | undefined {
  if ('or' in c) {
    let found: { kind: 'equals' | 'pattern'; text: string } | undefined;
    for (const x of c.or) {
      const m = matchedBy(x, name);
      if (m?.kind === 'equals') return m;
      found ??= m;
    }
    return found;
  }
  if ('and' in c) {
    const all = c.and.map((x) => matchedBy(x, name));
    return all.every((m) => m !== undefined) ? { kind: 'pattern', text: all[0]!.text } : undefined;
  }
  if ('equals' in c) return name === c.equals ? { kind: 'equals', text: c.equals } : undefined;
  if ('starts_with' in c)
    return name.startsWith(c.starts_with) ? { kind: 'pattern', text: c.starts_with } : undefined;
  if ('ends_with' in c)
    return name.endsWith(c.ends_with) ? { kind: 'pattern', text: c.ends_with } : undefined;
  if ('contains' in c)
    return name.includes(c.contains) ? { kind: 'pattern', text: c.contains } : undefined;
  return c.regex.test(name) ? { kind: 'pattern', text: c.regex.source } : undefined;
}

interface PriceSet {
  usdPerMTok: Partial<TokenPrices>;
  longContext: Map<number, Partial<TokenPrices>>;
  ignored: string[];
}

/** One set of prices: plain or tiered values per token type. */
function priceSet(value: unknown, path: string): PriceSet {
  if (!isRecord(value))
    refuse(path, `must be an object of prices (found ${describeJsonType(value)})`);
  const out: PriceSet = { usdPerMTok: {}, longContext: new Map(), ignored: [] };
  for (const [field, raw] of Object.entries(value)) {
    const type = Object.hasOwn(TOKEN_FIELDS, field)
      ? TOKEN_FIELDS[field as keyof typeof TOKEN_FIELDS]
      : undefined;
    if (isRecord(raw)) {
      const base = price(raw['base'], `${path}.${field}.base`);
      const tiers = raw['tiers'];
      if (!Array.isArray(tiers)) refuse(`${path}.${field}.tiers`, 'must be an array');
      if (type === undefined) {
        out.ignored.push(field);
        continue;
      }
      out.usdPerMTok[type] = base;
      tiers.forEach((tier, i) => {
        const at = `${path}.${field}.tiers[${i}]`;
        if (!isRecord(tier)) refuse(at, `must be an object (found ${describeJsonType(tier)})`);
        const start = tier['start'];
        if (
          typeof start !== 'number' ||
          !Number.isInteger(start) ||
          start <= 0 ||
          start > LIMITS.tokens
        ) {
          refuse(
            `${at}.start`,
            `must be a whole number of tokens > 0 (found ${describeJsonType(start)})`,
          );
        }
        const prices = out.longContext.get(start) ?? {};
        prices[type] = price(tier['price'], `${at}.price`);
        out.longContext.set(start, prices);
      });
    } else if (type === undefined) {
      price(raw, `${path}.${field}`);
      out.ignored.push(field);
    } else {
      out.usdPerMTok[type] = price(raw, `${path}.${field}`);
    }
  }
  return out;
}

/** A price set as catalog prices, or why it cannot be one. */
function asPeriod(set: PriceSet, validFrom: string | undefined): GenaiPeriod | string {
  const { input, output, cacheRead, cacheWrite } = set.usdPerMTok;
  if (input === undefined) return 'no input price';
  if (output === undefined) return 'no output price';
  const usdPerMTok: TokenPrices = { input, output };
  if (cacheRead !== undefined) usdPerMTok.cacheRead = cacheRead;
  if (cacheWrite !== undefined) usdPerMTok.cacheWrite = cacheWrite;
  const longContext: LongContextTier[] = [...set.longContext]
    .sort((a, b) => a[0] - b[0])
    .map(([aboveInputTokens, prices]) => ({
      aboveInputTokens,
      // genai-prices charges every token of a type at the tier price once the prompt passes it.
      rule: 'whole-request',
      usdPerMTok: prices,
    }));
  return { validFrom, usdPerMTok, longContext };
}

const HHMMSS = /^(\d{2}):(\d{2}):(\d{2})Z?$/;

function hoursOf(time: unknown, path: string): number {
  const m = typeof time === 'string' ? HHMMSS.exec(time) : null;
  if (m === null) refuse(path, `must be a time like 16:30:00Z (found ${describeJsonType(time)})`);
  return Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600;
}

/** The entry's prices as dated periods; time-of-day prices keep the one that holds longest. */
function periodsOf(
  value: unknown,
  path: string,
): {
  sets: { validFrom: string | undefined; set: PriceSet }[];
  note: string | undefined;
} {
  if (!Array.isArray(value))
    return { sets: [{ validFrom: undefined, set: priceSet(value, path) }], note: undefined };
  if (value.length === 0) refuse(path, 'must not be an empty list');
  const dated: { validFrom: string | undefined; set: PriceSet }[] = [];
  let note: string | undefined;
  let daily: { hours: number; set: PriceSet } | undefined;
  value.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(entry)) refuse(at, `must be an object (found ${describeJsonType(entry)})`);
    const set = priceSet(entry['prices'], `${at}.prices`);
    const constraint = entry['constraint'];
    if (constraint === undefined) {
      dated.push({ validFrom: undefined, set });
      return;
    }
    if (!isRecord(constraint))
      refuse(`${at}.constraint`, `must be an object (found ${describeJsonType(constraint)})`);
    if (constraint['start_date'] !== undefined) {
      const day = IsoDate.safeParse(constraint['start_date']);
      if (!day.success) refuse(`${at}.constraint.start_date`, 'must be a date like 2026-09-01');
      dated.push({ validFrom: day.data, set });
      return;
    }
    if (constraint['start_time'] !== undefined || constraint['end_time'] !== undefined) {
      const from = hoursOf(constraint['start_time'], `${at}.constraint.start_time`);
      const to = hoursOf(constraint['end_time'], `${at}.constraint.end_time`);
      const hours = to > from ? to - from : 24 - from + to;
      daily = { hours, set };
      note = `time-of-day prices: the price of the longer part of the day (${hours.toFixed(1)} h of 24) is the list price; the other part's is not modeled`;
      return;
    }
    refuse(`${at}.constraint`, `unknown constraint (keys: ${Object.keys(constraint).join(', ')})`);
  });
  // A time-of-day price that holds most of the day is the list price (DeepSeek's standard hours).
  if (daily !== undefined && daily.hours > 12) {
    const plain = dated.findIndex((d) => d.validFrom === undefined);
    if (plain >= 0) dated[plain] = { validFrom: undefined, set: daily.set };
  }
  return { sets: dated.sort((a, b) => ((a.validFrom ?? '') < (b.validFrom ?? '') ? -1 : 1)), note };
}

function readModel(provider: string, value: unknown, path: string): GenaiModel {
  if (!isRecord(value)) refuse(path, `must be an object (found ${describeJsonType(value)})`);
  const id = text(value['id'], `${path}.id`);
  const where = `${path} ('${id}')`;
  const name = value['name'] === undefined ? undefined : text(value['name'], `${where}.name`);
  const context = value['context_window'];
  if (
    context !== undefined &&
    (typeof context !== 'number' ||
      !Number.isInteger(context) ||
      context <= 0 ||
      context > LIMITS.tokens)
  ) {
    refuse(
      `${where}.context_window`,
      `must be a whole number of tokens (found ${describeJsonType(context)})`,
    );
  }
  const { sets, note } = periodsOf(value['prices'], `${where}.prices`);
  const periods: GenaiPeriod[] = [];
  let unusable: string | undefined;
  const ignored = new Set<string>();
  for (const { validFrom, set } of sets) {
    set.ignored.forEach((f) => ignored.add(f));
    const period = asPeriod(set, validFrom);
    if (typeof period === 'string') unusable = period;
    else periods.push(period);
  }
  return {
    provider,
    id,
    name,
    match: clause(value['match'], `${where}.match`),
    contextWindow: context as number | undefined,
    deprecated: value['deprecated'] === true,
    periods: unusable === undefined ? periods : [],
    ignoredFields: [...ignored],
    timeOfDayNote: note,
    unusable,
    priceComment:
      typeof value['price_comments'] === 'string'
        ? value['price_comments'].slice(0, 500)
        : undefined,
  };
}

/** Validates and reads a parsed genai-prices file. */
export function readGenaiPrices(value: unknown): GenaiRead {
  if (!Array.isArray(value)) {
    return {
      ok: false,
      error: `the top level must be a list of providers (found ${describeJsonType(value)})`,
    };
  }
  if (value.length === 0) return { ok: false, error: 'the file lists no providers' };
  if (valueDeeperThan(value)) {
    return { ok: false, error: `the file nests deeper than ${MAX_JSON_DEPTH} levels` };
  }
  try {
    const providers = value.map((raw, i) => {
      const path = `[${i}]`;
      if (!isRecord(raw))
        refuse(path, `must be a provider object (found ${describeJsonType(raw)})`);
      const id = text(raw['id'], `${path}.id`);
      const where = `${path} ('${id}')`;
      const models = raw['models'];
      if (!Array.isArray(models))
        refuse(`${where}.models`, `must be a list (found ${describeJsonType(models)})`);
      const fallbacks = raw['fallback_model_providers'];
      return {
        id,
        name: raw['name'] === undefined ? id : text(raw['name'], `${where}.name`),
        fallbacks: Array.isArray(fallbacks)
          ? fallbacks.filter((f): f is string => typeof f === 'string')
          : [],
        models: models.map((m, j) => readModel(id, m, `${where}.models[${j}]`)),
      };
    });
    return { ok: true, providers };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.message };
    throw error;
  }
}

/** An entry and the part of its clause that named the model. */
export interface GenaiMatch {
  entry: GenaiModel;
  by: { kind: 'equals' | 'pattern'; text: string };
}

/**
 * The entry of `provider` (or, failing that, of its fallback providers) that prices `name`: one
 * whose clause names it exactly, else the first whose clause matches in file order (as
 * genai-prices itself picks; the exact name first keeps `gpt-4o-2024-05-13` from a pattern meant
 * for another snapshot). A fallback provider's entry counts only when its prices are that
 * provider's own (not noted as imported from OpenRouter).
 */
export function matchGenaiModel(
  providers: ReadonlyMap<string, GenaiProvider>,
  provider: string,
  name: string,
): GenaiMatch | undefined {
  const own = providers.get(provider);
  if (own === undefined) return undefined;
  const n = name.toLowerCase();
  for (const p of [own, ...own.fallbacks.flatMap((f) => providers.get(f) ?? [])]) {
    const usable = (m: GenaiModel) => p === own || !/openrouter/i.test(m.priceComment ?? '');
    let first: GenaiMatch | undefined;
    for (const entry of p.models) {
      if (!usable(entry)) continue;
      const by = matchedBy(entry.match, n);
      if (by === undefined) continue;
      if (by.kind === 'equals') return { entry, by };
      first ??= { entry, by };
    }
    if (first !== undefined) return first;
  }
  return undefined;
}
