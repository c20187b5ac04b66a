import type { LongContextTier, Offering } from '../schema/catalog.ts';
import type { Workload } from '../schema/workload.ts';
import { TOKENS_PER_MTOK } from '../units.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import { effectivePromptCacheHitRate, promptCacheApplies } from './prompt-cache.ts';
import { applyTier, basePrices, longContextTierFor, type ResolvedPrices } from './tier-prices.ts';

/** Monthly USD by what it pays for. */
export interface ApiCostBreakdown {
  inputUsd: number;
  cachedInputUsd: number;
  cacheWriteUsd: number;
  outputUsd: number;
  cacheStorageUsd: number;
}

export interface ApiCost {
  /** Expected cost of one request that reaches the model, after uplift and discount. */
  perBilledRequestUsd: number;
  /** Averaged over every request, response-cache hits (free) included. */
  perRequestUsd: number;
  monthlyUsd: number;
  breakdown: ApiCostBreakdown;
  /** Prompt-cache hit rate after the TTL and minimum-prefix rules. */
  effectiveCacheHitRate: number;
  /** The long-context rule the mean prompt lands under, or 'none'. */
  longContext: 'none' | 'whole-request' | 'tokens-above';
}

type CacheState = 'hit' | 'miss' | 'none';

/** The request's token counts and cache facts, the same for every tier. */
interface Shape {
  inputTokens: number;
  prefixTokens: number;
  outputTokens: number;
  aboveFrom: number;
  hitRate: number;
  writeIsSeparate: boolean;
}

/** Every price set an offering can bill at, for one long-context tier (or none). */
interface TierPriceSet {
  below: ResolvedPrices;
  above: ResolvedPrices;
  batchBelow: ResolvedPrices;
  batchAbove: ResolvedPrices;
  priorityBelow: ResolvedPrices;
  priorityAbove: ResolvedPrices;
}

/**
 * Resolved prices depend only on the offering and the long-context tier, not on the workload:
 * computed once per offering object and kept (offerings are immutable rows).
 */
const priceCache = new WeakMap<Offering, Map<LongContextTier | null, TierPriceSet>>();

function tierPricesFor(o: Offering, lc: LongContextTier | undefined): TierPriceSet {
  let byTier = priceCache.get(o);
  if (byTier === undefined) {
    byTier = new Map();
    priceCache.set(o, byTier);
  }
  const key = lc ?? null;
  let set = byTier.get(key);
  if (set === undefined) {
    const base = basePrices(o);
    const raw = o.usdPerMTok;
    const below =
      lc !== undefined && lc.rule === 'whole-request'
        ? applyTier(raw, base, base, lc.usdPerMTok)
        : base;
    const above =
      lc !== undefined && lc.rule === 'tokens-above'
        ? applyTier(raw, base, base, lc.usdPerMTok)
        : below;
    set = {
      below,
      above,
      batchBelow: applyTier(raw, base, below, o.batch),
      batchAbove: applyTier(raw, base, above, o.batch),
      priorityBelow: applyTier(raw, base, below, o.priority),
      priorityAbove: applyTier(raw, base, above, o.priority),
    };
    byTier.set(key, set);
  }
  return set;
}

/** Adds one service tier's share: hits and misses when the cache applies, else plain requests. */
function addTier(
  acc: Acc,
  s: Shape,
  share: number,
  below: ResolvedPrices,
  above: ResolvedPrices,
  cacheOn: boolean,
): void {
  if (share === 0) return;
  if (cacheOn) {
    addRequest(
      acc,
      share * s.hitRate,
      below,
      above,
      s.aboveFrom,
      s.inputTokens,
      s.prefixTokens,
      s.outputTokens,
      'hit',
      s.writeIsSeparate,
    );
    addRequest(
      acc,
      share * (1 - s.hitRate),
      below,
      above,
      s.aboveFrom,
      s.inputTokens,
      s.prefixTokens,
      s.outputTokens,
      'miss',
      s.writeIsSeparate,
    );
  } else {
    addRequest(
      acc,
      share,
      below,
      above,
      s.aboveFrom,
      s.inputTokens,
      0,
      s.outputTokens,
      'none',
      false,
    );
  }
}

/** Per-request USD by component (µ$ × 1e-6), accumulated with a weight. */
interface Acc {
  input: number;
  cachedInput: number;
  cacheWrite: number;
  output: number;
}

/**
 * Adds `weight` × the cost of one request. Prompt positions [0, prefix) are the cacheable prefix;
 * positions at or beyond `aboveFrom` pay `above` prices (the tokens-above long-context rule).
 */
function addRequest(
  acc: Acc,
  weight: number,
  below: ResolvedPrices,
  above: ResolvedPrices,
  aboveFrom: number,
  inputTokens: number,
  prefixTokens: number,
  outputTokens: number,
  state: CacheState,
  writeIsSeparate: boolean,
): void {
  if (weight === 0) return;
  const prefix = state === 'none' ? 0 : prefixTokens;
  const prefixAbove = Math.max(0, prefix - Math.max(0, aboveFrom));
  const prefixBelow = prefix - prefixAbove;
  const restAbove = Math.max(0, inputTokens - Math.max(prefix, aboveFrom));
  const restBelow = inputTokens - prefix - restAbove;
  const w = weight / TOKENS_PER_MTOK;
  acc.input += w * (restBelow * below.input + restAbove * above.input);
  acc.output += w * outputTokens * below.output;
  if (state === 'hit') {
    acc.cachedInput += w * (prefixBelow * below.cacheRead + prefixAbove * above.cacheRead);
  } else if (state === 'miss') {
    const write = w * (prefixBelow * below.cacheWrite + prefixAbove * above.cacheWrite);
    if (writeIsSeparate) acc.cacheWrite += write;
    else acc.input += write;
  }
}

/**
 * Cost of a hosted-API offering for a workload. Stacking rule, applied in this order:
 * 1. response-cache hits never reach the model and cost nothing;
 * 2. each billed request lands in one service tier (batch, priority or standard, by share);
 * 3. the long-context tier is chosen by the prompt size and re-prices per its rule;
 * 4. batch/priority prices apply on top of the long-context prices (explicit tier prices, else the
 *    tier factor), each token type once;
 * 5. the prompt cache splits each tier into hits and misses (misses write the prefix);
 * 6. cache storage (Gemini-style) is added per token-hour;
 * 7. the regional uplift, then the negotiated discount, multiply the total.
 */
export function apiCost(
  o: Offering,
  w: Workload,
  rates: WorkloadRates,
  discountFraction = 0,
): ApiCost {
  const inputTokens = w.inputTokens.mean;
  const outputTokens = w.outputTokens.mean;
  const prefixTokens = w.promptCache.prefixTokens;
  const caching = promptCacheApplies(o, prefixTokens);
  const billedPerMinute = rates.avgBilledPerSecond * 60;
  const hitRate = effectivePromptCacheHitRate(o, w, billedPerMinute);
  const writeIsSeparate = o.usdPerMTok.cacheWrite !== undefined;

  const lc = longContextTierFor(o, inputTokens);
  const prices = tierPricesFor(o, lc);
  const aboveFrom =
    lc !== undefined && lc.rule === 'tokens-above' ? lc.aboveInputTokens : Number.POSITIVE_INFINITY;

  const batchShare = w.batchShare;
  const priorityShare = w.priorityShare;
  const standardShare = Math.max(0, 1 - batchShare - priorityShare);
  const acc: Acc = { input: 0, cachedInput: 0, cacheWrite: 0, output: 0 };
  const shape: Shape = {
    inputTokens,
    prefixTokens,
    outputTokens,
    aboveFrom,
    hitRate,
    writeIsSeparate,
  };
  addTier(acc, shape, standardShare, prices.below, prices.above, caching);
  if (batchShare > 0) {
    addTier(
      acc,
      shape,
      batchShare,
      prices.batchBelow,
      prices.batchAbove,
      caching && o.cache.appliesToBatch,
    );
  }
  if (priorityShare > 0) {
    addTier(acc, shape, priorityShare, prices.priorityBelow, prices.priorityAbove, caching);
  }

  const multiplier = o.regionalUplift * (1 - discountFraction);
  const billed = rates.billedRequestsPerMonth;
  const perBilledList = acc.input + acc.cachedInput + acc.cacheWrite + acc.output;
  const storageList =
    caching && o.cache.style === 'storage' && billed > 0
      ? ((prefixTokens * w.promptCache.distinctPrefixes) / TOKENS_PER_MTOK) *
        (o.cache.storageUsdPerMTokHour ?? 0) *
        rates.activeHoursPerMonth
      : 0;
  const m = billed * multiplier;
  const breakdown: ApiCostBreakdown = {
    inputUsd: acc.input * m,
    cachedInputUsd: acc.cachedInput * m,
    cacheWriteUsd: acc.cacheWrite * m,
    outputUsd: acc.output * m,
    cacheStorageUsd: storageList * multiplier,
  };
  const monthlyUsd = perBilledList * m + storageList * multiplier;
  return {
    perBilledRequestUsd: perBilledList * multiplier,
    perRequestUsd: rates.requestsPerMonth > 0 ? monthlyUsd / rates.requestsPerMonth : 0,
    monthlyUsd,
    breakdown,
    effectiveCacheHitRate: hitRate,
    longContext: lc === undefined ? 'none' : lc.rule,
  };
}
