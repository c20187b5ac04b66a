import type { LongContextTier, Offering } from '../schema/catalog.ts';
import { lognormalPoints, type WeightedPoint } from '../stats/distributions.ts';
import type { Workload } from '../schema/workload.ts';
import { TOKENS_PER_MTOK } from '../units.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import { effectivePromptCacheHitRate, promptCacheApplies } from './prompt-cache.ts';
import { applyTier, basePrices, type ResolvedPrices } from './tier-prices.ts';

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
  /** The long-context rule of the highest tier the mean prompt passes, or 'none'. */
  longContext: 'none' | 'whole-request' | 'tokens-above';
  /** Share of billed requests whose prompt passes a long-context tier (from the mean and p95). */
  longContextShare: number;
}

type CacheState = 'hit' | 'miss' | 'none';

/** Equally likely prompt sizes that stand for the prompt distribution across long-context tiers. */
const PROMPT_POINTS = 40;

/**
 * The price brackets one prompt size bills under: bracket i covers prompt positions
 * [from[i], from[i + 1]). Bracket 0 holds the base prices, or those of the highest whole-request
 * tier the prompt passed (it re-prices every token, output included); each tokens-above tier
 * passed beyond that adds a bracket at its own prices, like tax brackets.
 */
interface Schedule {
  from: number[];
  standard: ResolvedPrices[];
  batch: ResolvedPrices[];
  priority: ResolvedPrices[];
  rule: 'none' | 'whole-request' | 'tokens-above';
}

/** An offering's tier thresholds, ascending, and the schedule for each count of them passed. */
interface Schedules {
  thresholds: number[];
  byPassed: Schedule[];
}

/**
 * Resolved prices depend only on the offering and the tiers passed, not on the workload: computed
 * once per offering object and kept (offerings are immutable rows).
 */
const scheduleCache = new WeakMap<Offering, Schedules>();

function schedulesFor(o: Offering): Schedules {
  let cached = scheduleCache.get(o);
  if (cached === undefined) {
    const tiers = [...o.longContext].sort((a, b) => a.aboveInputTokens - b.aboveInputTokens);
    const byPassed: Schedule[] = [];
    for (let passed = 0; passed <= tiers.length; passed++) {
      byPassed.push(scheduleOf(o, tiers.slice(0, passed)));
    }
    cached = { thresholds: tiers.map((t) => t.aboveInputTokens), byPassed };
    scheduleCache.set(o, cached);
  }
  return cached;
}

/** The schedule once the prompt has passed `passed` (ascending) tiers. */
function scheduleOf(o: Offering, passed: LongContextTier[]): Schedule {
  const base = basePrices(o);
  const raw = o.usdPerMTok;
  let whole: LongContextTier | undefined;
  for (const tier of passed) if (tier.rule === 'whole-request') whole = tier;
  const from = [0];
  const list = [whole === undefined ? base : applyTier(raw, base, base, whole.usdPerMTok)];
  for (const tier of passed) {
    // A whole-request tier re-prices every token, so lower tokens-above brackets are superseded.
    if (tier.rule !== 'tokens-above') continue;
    if (whole !== undefined && tier.aboveInputTokens <= whole.aboveInputTokens) continue;
    from.push(tier.aboveInputTokens);
    list.push(applyTier(raw, base, base, tier.usdPerMTok));
  }
  const top = passed[passed.length - 1];
  return {
    from,
    standard: list,
    batch: list.map((p) => applyTier(raw, base, p, o.batch)),
    priority: list.map((p) => applyTier(raw, base, p, o.priority)),
    rule: top === undefined ? 'none' : top.rule,
  };
}

/** The schedule for a prompt of `inputTokens`: a tier applies strictly above its threshold. */
function scheduleForPrompt(s: Schedules, inputTokens: number): Schedule {
  let passed = 0;
  while (passed < s.thresholds.length && inputTokens > s.thresholds[passed]!) passed++;
  return s.byPassed[passed]!;
}

/** Per-request USD by component, accumulated with a weight. */
interface Acc {
  input: number;
  cachedInput: number;
  cacheWrite: number;
  output: number;
}

/** One prompt size's request: token counts and cache facts. */
interface Request {
  inputTokens: number;
  prefixTokens: number;
  outputTokens: number;
  writeIsSeparate: boolean;
}

/** Tokens of [lo, hi) that fall in [from, to). */
function overlap(lo: number, hi: number, from: number, to: number): number {
  return Math.max(0, Math.min(hi, to) - Math.max(lo, from));
}

/**
 * Adds `weight` × the cost of one request. Prompt positions [0, prefix) are the cacheable prefix,
 * the rest are plain input; each position pays the prices of the bracket it falls in. Output is
 * not a prompt position and pays bracket 0's price.
 */
function addRequest(
  acc: Acc,
  weight: number,
  from: number[],
  prices: ResolvedPrices[],
  r: Request,
  state: CacheState,
): void {
  if (weight === 0) return;
  const prefix = state === 'none' ? 0 : r.prefixTokens;
  const w = weight / TOKENS_PER_MTOK;
  for (let i = 0; i < from.length; i++) {
    const lo = from[i]!;
    const hi = i + 1 < from.length ? from[i + 1]! : Number.POSITIVE_INFINITY;
    const p = prices[i]!;
    acc.input += w * overlap(prefix, r.inputTokens, lo, hi) * p.input;
    const prefixIn = overlap(0, prefix, lo, hi);
    if (prefixIn === 0) continue;
    if (state === 'hit') {
      acc.cachedInput += w * prefixIn * p.cacheRead;
    } else if (state === 'miss') {
      if (r.writeIsSeparate) acc.cacheWrite += w * prefixIn * p.cacheWrite;
      else acc.input += w * prefixIn * p.cacheWrite;
    }
  }
  acc.output += w * r.outputTokens * prices[0]!.output;
}

/** Adds one service tier's share: hits and misses when the cache applies, else plain requests. */
function addServiceTier(
  acc: Acc,
  r: Request,
  share: number,
  from: number[],
  prices: ResolvedPrices[],
  cacheOn: boolean,
  hitRate: number,
): void {
  if (share === 0) return;
  if (cacheOn) {
    addRequest(acc, share * hitRate, from, prices, r, 'hit');
    addRequest(acc, share * (1 - hitRate), from, prices, r, 'miss');
  } else {
    addRequest(acc, share, from, prices, r, 'none');
  }
}

/** A group of prompts billed under one schedule: their share of requests and mean size. */
interface PromptGroup {
  schedule: Schedule;
  weight: number;
  meanTokens: number;
}

/**
 * The prompts to price, grouped by the schedule they bill under. One group at the mean, unless
 * the offering has long-context tiers and the p95 prompt passes the lowest: then the variable part
 * of the prompt (beyond the fixed cached prefix) is taken as lognormal with the workload's mean
 * and p95, so the share of requests that land in a tier pays its prices even when the mean prompt
 * does not. Within one schedule a request's cost is linear in its size (it lies in the last,
 * open-ended bracket), so each group is priced exactly at its mean size.
 */
function promptGroups(w: Workload, s: Schedules): PromptGroup[] {
  const mean = w.inputTokens.mean;
  const p95 = w.inputTokens.p95;
  const lowest = s.thresholds[0];
  const prefix = w.promptCache.prefixTokens;
  if (lowest === undefined || p95 === undefined || p95 <= lowest || mean - prefix <= 0) {
    return [{ schedule: scheduleForPrompt(s, mean), weight: 1, meanTokens: mean }];
  }
  const groups: PromptGroup[] = [];
  let current: PromptGroup | undefined;
  // Points come in ascending size, so each schedule's points are consecutive.
  for (const p of variablePoints(mean - prefix, p95 - prefix)) {
    const tokens = prefix + p.value;
    const schedule = scheduleForPrompt(s, tokens);
    if (current === undefined || current.schedule !== schedule) {
      current = { schedule, weight: 0, meanTokens: 0 };
      groups.push(current);
    }
    current.meanTokens =
      (current.meanTokens * current.weight + tokens * p.weight) / (current.weight + p.weight);
    current.weight += p.weight;
  }
  return groups;
}

/** Points depend only on the workload; the sweep prices many offerings for one workload. */
let lastPoints: { mean: number; p95: number; points: WeightedPoint[] } | undefined;

function variablePoints(mean: number, p95: number): WeightedPoint[] {
  if (lastPoints === undefined || lastPoints.mean !== mean || lastPoints.p95 !== p95) {
    lastPoints = { mean, p95, points: lognormalPoints(mean, p95, PROMPT_POINTS) };
  }
  return lastPoints.points;
}

/**
 * Cost of a hosted-API offering for a workload. Stacking rule, applied in this order:
 * 1. response-cache hits never reach the model and cost nothing;
 * 2. each billed request lands in one service tier (batch, priority or standard, by share);
 * 3. the long-context tiers the prompt passes re-price it per their rules (over the prompt-size
 *    distribution when the workload gives a p95 that passes a tier);
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

  const schedules = schedulesFor(o);
  const groups = promptGroups(w, schedules);
  const batchShare = w.batchShare;
  const priorityShare = w.priorityShare;
  const standardShare = Math.max(0, 1 - batchShare - priorityShare);
  const acc: Acc = { input: 0, cachedInput: 0, cacheWrite: 0, output: 0 };
  let longContextShare = 0;
  for (const group of groups) {
    const { from, standard, batch, priority, rule } = group.schedule;
    if (rule !== 'none') longContextShare += group.weight;
    const r: Request = {
      inputTokens: group.meanTokens,
      prefixTokens,
      outputTokens,
      writeIsSeparate,
    };
    const share = group.weight;
    addServiceTier(acc, r, standardShare * share, from, standard, caching, hitRate);
    const batchCaches = caching && o.cache.appliesToBatch;
    addServiceTier(acc, r, batchShare * share, from, batch, batchCaches, hitRate);
    addServiceTier(acc, r, priorityShare * share, from, priority, caching, hitRate);
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
    longContext: scheduleForPrompt(schedules, inputTokens).rule,
    longContextShare,
  };
}

/** Tokens billed a month by type: what a hosted API's usage is metered in. */
export interface ApiTokens {
  /** Input billed at the input price (cache misses included where writes are not priced apart). */
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
}

/** The offering with every price $1 per 1M tokens: pricing it counts tokens (kept per offering). */
const countingOfferings = new WeakMap<Offering, Offering>();

function countingOffering(o: Offering): Offering {
  let c = countingOfferings.get(o);
  if (c === undefined) {
    const p = o.usdPerMTok;
    c = {
      ...o,
      usdPerMTok: {
        input: 1,
        output: 1,
        ...(p.cacheRead === undefined ? {} : { cacheRead: 1 }),
        ...(p.cacheWrite === undefined ? {} : { cacheWrite: 1 }),
      },
      // An empty tier scales every token type by 1: the same tiers, each token counted once.
      batch: o.batch === undefined ? undefined : {},
      priority: o.priority === undefined ? undefined : {},
      longContext: o.longContext.map((t) => ({ ...t, usdPerMTok: {} })),
      regionalUplift: 1,
    };
    countingOfferings.set(o, c);
  }
  return c;
}

/**
 * Tokens a month by the type they are billed as, split exactly as `apiCost` splits the dollars
 * (the same cache, batch and tier rules): it prices the workload at $1 per 1M tokens of every type.
 */
export function apiTokensPerMonth(o: Offering, w: Workload, rates: WorkloadRates): ApiTokens {
  const b = apiCost(countingOffering(o), w, rates).breakdown;
  return {
    inputTokens: b.inputUsd * TOKENS_PER_MTOK,
    cachedInputTokens: b.cachedInputUsd * TOKENS_PER_MTOK,
    cacheWriteTokens: b.cacheWriteUsd * TOKENS_PER_MTOK,
    outputTokens: b.outputUsd * TOKENS_PER_MTOK,
  };
}
