import type { LongContextTier, Offering } from '../schema/catalog.ts';
import { lognormalPoints, type WeightedPoint } from '../stats/distributions.ts';
import type { Workload } from '../schema/workload.ts';
import { TOKENS_PER_MTOK } from '../units.ts';
import { prefixTokensCosted, type WorkloadRates } from '../workload/derive.ts';
import { cachedTaskTurns, callsPerRequest } from '../workload/task.ts';
import { effectivePromptCacheHitRate, promptCacheApplies } from './prompt-cache.ts';
import { turnCachePlan } from './turn-cache.ts';
import { applyTier, basePrices, type ResolvedPrices } from './tier-prices.ts';

/** Monthly USD by what it pays for. */
export interface ApiCostBreakdown {
  inputUsd: number;
  cachedInputUsd: number;
  cacheWriteUsd: number;
  /** Visible output. */
  outputUsd: number;
  /** Hidden reasoning tokens, billed at the output price. */
  reasoningUsd: number;
  cacheStorageUsd: number;
}

export function emptyApiCostBreakdown(): ApiCostBreakdown {
  return {
    inputUsd: 0,
    cachedInputUsd: 0,
    cacheWriteUsd: 0,
    outputUsd: 0,
    reasoningUsd: 0,
    cacheStorageUsd: 0,
  };
}

/** What a candidate adds to the workload: its reasoning tokens, and a task's turn spacing. */
export interface ApiCostOptions {
  /** Hidden reasoning tokens per request (per turn of a task), billed as output. */
  reasoningTokens?: number;
  /** Seconds from one turn of a task to the next (the model's time and the tool's). */
  turnGapSeconds?: number;
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
  /** A task's turns, each priced at its own context size; null for single requests. */
  turns: TurnCost[] | null;
}

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
export interface Acc {
  input: number;
  cachedInput: number;
  cacheWrite: number;
  output: number;
  reasoning: number;
}

/** One prompt size's request: token counts and cache facts. */
export interface Request {
  inputTokens: number;
  prefixTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  writeIsSeparate: boolean;
}

/** Tokens of [lo, hi) that fall in [from, to). */
function overlap(lo: number, hi: number, from: number, to: number): number {
  return Math.max(0, Math.min(hi, to) - Math.max(lo, from));
}

/**
 * Adds `weight` × the cost of one request. Prompt positions [0, read) are read from the prompt
 * cache, [read, read + written) are written to it, the rest are plain input; each position pays
 * the prices of the bracket it falls in. Output (reasoning too) is not a prompt position and pays
 * bracket 0's price.
 */
export function addRequest(
  acc: Acc,
  weight: number,
  from: number[],
  prices: ResolvedPrices[],
  r: Request,
  readTokens: number,
  writtenTokens: number,
): void {
  if (weight === 0) return;
  const cached = readTokens + writtenTokens;
  const w = weight / TOKENS_PER_MTOK;
  for (let i = 0; i < from.length; i++) {
    const lo = from[i]!;
    const hi = i + 1 < from.length ? from[i + 1]! : Number.POSITIVE_INFINITY;
    const p = prices[i]!;
    acc.input += w * overlap(cached, r.inputTokens, lo, hi) * p.input;
    if (cached === 0) continue;
    const read = overlap(0, readTokens, lo, hi);
    if (read > 0) acc.cachedInput += w * read * p.cacheRead;
    const written = overlap(readTokens, cached, lo, hi);
    if (written === 0) continue;
    if (r.writeIsSeparate) acc.cacheWrite += w * written * p.cacheWrite;
    else acc.input += w * written * p.cacheWrite;
  }
  const output = w * prices[0]!.output;
  acc.output += output * r.outputTokens;
  acc.reasoning += output * r.reasoningTokens;
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
    // A hit reads the prefix; a miss writes it (at the write price, or the input price).
    addRequest(acc, share * hitRate, from, prices, r, r.prefixTokens, 0);
    addRequest(acc, share * (1 - hitRate), from, prices, r, 0, r.prefixTokens);
  } else {
    addRequest(acc, share, from, prices, r, 0, 0);
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
function promptGroups(w: Workload, s: Schedules): readonly PromptGroup[] {
  const mean = w.inputTokens.mean;
  const p95 = w.inputTokens.p95;
  const lowest = s.thresholds[0];
  const prefix = prefixTokensCosted(w);
  if (lowest === undefined || p95 === undefined || p95 <= lowest || mean - prefix <= 0) {
    // The common case, millions of times a second in a sweep: one group, written in place
    // (apiCost reads it before it asks again).
    oneGroup.schedule = scheduleForPrompt(s, mean);
    oneGroup.meanTokens = mean;
    return oneGroupList;
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

const oneGroup: PromptGroup = {
  schedule: undefined as unknown as Schedule,
  weight: 1,
  meanTokens: 0,
};
const oneGroupList: readonly PromptGroup[] = [oneGroup];

/** Points depend only on the workload; the sweep prices many offerings for one workload. */
let lastPoints: { mean: number; p95: number; points: WeightedPoint[] } | undefined;

function variablePoints(mean: number, p95: number): WeightedPoint[] {
  if (lastPoints === undefined || lastPoints.mean !== mean || lastPoints.p95 !== p95) {
    lastPoints = { mean, p95, points: lognormalPoints(mean, p95, PROMPT_POINTS) };
  }
  return lastPoints.points;
}

const NO_OPTIONS: ApiCostOptions = Object.freeze({});
const scratchAcc: Acc = { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 };
const scratchRequest: Request = {
  inputTokens: 0,
  prefixTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  writeIsSeparate: false,
};

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
 * Hidden reasoning tokens (`options.reasoningTokens`) are billed at the output price of the tier
 * the request lands in. A task (`w.task`) is priced turn by turn, each at its own context size.
 */
export function apiCost(
  o: Offering,
  w: Workload,
  rates: WorkloadRates,
  discountFraction = 0,
  options: ApiCostOptions = NO_OPTIONS,
  out?: ApiCost,
): ApiCost {
  const inputTokens = w.inputTokens.mean;
  const prefixTokens = prefixTokensCosted(w);
  const caching = promptCacheApplies(o, prefixTokens);
  // Every model call reuses the prefix: a task's turns keep it warm too.
  const billedPerMinute = rates.avgBilledPerSecond * 60 * callsPerRequest(w);
  const hitRate = effectivePromptCacheHitRate(o, w, billedPerMinute);
  const writeIsSeparate = o.usdPerMTok.cacheWrite !== undefined;
  const reasoningTokens = options.reasoningTokens ?? 0;

  const schedules = schedulesFor(o);
  const standardShare = Math.max(0, 1 - w.batchShare - w.priorityShare);
  // Scratch, reset here: nothing below calls apiCost again before the totals are read.
  const acc = scratchAcc;
  acc.input = 0;
  acc.cachedInput = 0;
  acc.cacheWrite = 0;
  acc.output = 0;
  acc.reasoning = 0;
  let longContextShare = 0;
  let turns: TurnCost[] | null = null;
  const multiplier = o.regionalUplift * (1 - discountFraction);
  if (w.task === undefined) {
    const r = scratchRequest;
    r.prefixTokens = prefixTokens;
    r.outputTokens = w.outputTokens.mean;
    r.reasoningTokens = reasoningTokens;
    r.writeIsSeparate = writeIsSeparate;
    const batchCaches = caching && o.cache.appliesToBatch;
    for (const group of promptGroups(w, schedules)) {
      const { from, standard, batch, priority, rule } = group.schedule;
      if (rule !== 'none') longContextShare += group.weight;
      r.inputTokens = group.meanTokens;
      const share = group.weight;
      addServiceTier(acc, r, standardShare * share, from, standard, caching, hitRate);
      addServiceTier(acc, r, w.batchShare * share, from, batch, batchCaches, hitRate);
      addServiceTier(acc, r, w.priorityShare * share, from, priority, caching, hitRate);
    }
  } else {
    const shares = { standard: standardShare, batch: w.batchShare, priority: w.priorityShare };
    turns = addTaskTurns(acc, o, w, schedules, shares, {
      reasoningTokens,
      writeIsSeparate,
      systemPrefixTokens: caching ? prefixTokens : 0,
      systemHitRate: hitRate,
      turnGapSeconds: options.turnGapSeconds ?? 0,
      multiplier,
    });
    for (const t of turns) if (t.longContext !== 'none') longContextShare += 1 / turns.length;
  }

  const billed = rates.billedRequestsPerMonth;
  const perBilledList = acc.input + acc.cachedInput + acc.cacheWrite + acc.output + acc.reasoning;
  const storageList =
    caching && o.cache.style === 'storage' && billed > 0
      ? ((prefixTokens * w.promptCache.distinctPrefixes) / TOKENS_PER_MTOK) *
        (o.cache.storageUsdPerMTokHour ?? 0) *
        rates.activeHoursPerMonth
      : 0;
  const m = billed * multiplier;
  const monthlyUsd = perBilledList * m + storageList * multiplier;
  const largest = turns === null ? inputTokens : turns[turns.length - 1]!.inputTokens;
  const perRequestUsd = rates.requestsPerMonth > 0 ? monthlyUsd / rates.requestsPerMonth : 0;
  const longContext = scheduleForPrompt(schedules, turns === null ? inputTokens : largest).rule;
  if (out === undefined) {
    const breakdown: ApiCostBreakdown = {
      inputUsd: acc.input * m,
      cachedInputUsd: acc.cachedInput * m,
      cacheWriteUsd: acc.cacheWrite * m,
      outputUsd: acc.output * m,
      reasoningUsd: acc.reasoning * m,
      cacheStorageUsd: storageList * multiplier,
    };
    return {
      perBilledRequestUsd: perBilledList * multiplier,
      perRequestUsd,
      monthlyUsd,
      breakdown,
      effectiveCacheHitRate: hitRate,
      longContext,
      longContextShare,
      turns,
    };
  }
  // Into the caller's cost (a growing sweep prices each hosted-API candidate every month).
  const b = out.breakdown;
  b.inputUsd = acc.input * m;
  b.cachedInputUsd = acc.cachedInput * m;
  b.cacheWriteUsd = acc.cacheWrite * m;
  b.outputUsd = acc.output * m;
  b.reasoningUsd = acc.reasoning * m;
  b.cacheStorageUsd = storageList * multiplier;
  out.perBilledRequestUsd = perBilledList * multiplier;
  out.perRequestUsd = perRequestUsd;
  out.monthlyUsd = monthlyUsd;
  out.effectiveCacheHitRate = hitRate;
  out.longContext = longContext;
  out.longContextShare = longContextShare;
  out.turns = turns;
  return out;
}

/** A cost to write into (see `apiCost`'s `out`). */
export function apiCostScratch(): ApiCost {
  return {
    perBilledRequestUsd: 0,
    perRequestUsd: 0,
    monthlyUsd: 0,
    breakdown: emptyApiCostBreakdown(),
    effectiveCacheHitRate: 0,
    longContext: 'none',
    longContextShare: 0,
    turns: null,
  };
}

/** One turn of a task as billed: its context, what the cache served, and its cost. */
export interface TurnCost {
  turn: number;
  inputTokens: number;
  /** Expected prompt tokens read from the prompt cache (standard tier). */
  cachedTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** The long-context rule its prompt bills under. */
  longContext: 'none' | 'whole-request' | 'tokens-above';
  /** Cost of the turn, after uplift and discount. */
  usd: number;
}

interface TaskTerms {
  reasoningTokens: number;
  writeIsSeparate: boolean;
  systemPrefixTokens: number;
  systemHitRate: number;
  turnGapSeconds: number;
  multiplier: number;
}

/**
 * Adds one task's turns, each priced at its own context size: the long-context tier its prompt
 * passes (from the turn that crosses a threshold on), the cache reads and writes between turns
 * (core/pricing/turn-cache.ts) in each service tier. Returns each turn's cost.
 */
function addTaskTurns(
  acc: Acc,
  o: Offering,
  w: Workload,
  schedules: Schedules,
  shares: { standard: number; batch: number; priority: number },
  t: TaskTerms,
): TurnCost[] {
  const task = w.task!;
  const taskTurnsList = cachedTaskTurns(w);
  const cacheOn = o.cache.style !== 'none';
  // Storage-billed caches are kept alive on purpose; the others live their TTL after each use.
  const warm = o.cache.style === 'storage' || t.turnGapSeconds <= o.cache.ttlMinutes * 60;
  const terms = {
    warmBetweenTurns: warm,
    cachedShare: task.cachedShare,
    minPrefixTokens: o.cache.minPrefixTokens,
    systemPrefixTokens: t.systemPrefixTokens,
    systemHitRate: t.systemHitRate,
  };
  const plan = turnCachePlan(taskTurnsList, { ...terms, cacheOn });
  const batchPlan =
    o.cache.appliesToBatch || shares.batch === 0
      ? plan
      : turnCachePlan(taskTurnsList, { ...terms, cacheOn: false });
  const out: TurnCost[] = [];
  for (let k = 0; k < taskTurnsList.length; k++) {
    const turn = taskTurnsList[k]!;
    const { from, standard, batch, priority, rule } = scheduleForPrompt(
      schedules,
      turn.inputTokens,
    );
    const r: Request = {
      inputTokens: turn.inputTokens,
      prefixTokens: 0,
      outputTokens: turn.outputTokens,
      reasoningTokens: t.reasoningTokens,
      writeIsSeparate: t.writeIsSeparate,
    };
    const before = acc.input + acc.cachedInput + acc.cacheWrite + acc.output + acc.reasoning;
    const c = plan[k]!;
    const b = batchPlan[k]!;
    addRequest(acc, shares.standard, from, standard, r, c.readTokens, c.writtenTokens);
    addRequest(acc, shares.batch, from, batch, r, b.readTokens, b.writtenTokens);
    addRequest(acc, shares.priority, from, priority, r, c.readTokens, c.writtenTokens);
    const after = acc.input + acc.cachedInput + acc.cacheWrite + acc.output + acc.reasoning;
    out.push({
      turn: turn.turn,
      inputTokens: turn.inputTokens,
      cachedTokens: c.readTokens,
      outputTokens: turn.outputTokens,
      reasoningTokens: t.reasoningTokens,
      longContext: rule,
      usd: (after - before) * t.multiplier,
    });
  }
  return out;
}

/** The first turn whose cost is at least twice the first turn's, or null. */
export function costDoublesAtTurn(turns: readonly TurnCost[]): number | null {
  const first = turns[0]?.usd ?? 0;
  if (first <= 0) return null;
  for (const t of turns) if (t.usd >= 2 * first) return t.turn;
  return null;
}

/** Tokens billed a month by type: what a hosted API's usage is metered in. */
export interface ApiTokens {
  /** Input billed at the input price (cache misses included where writes are not priced apart). */
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  /** Hidden reasoning tokens, billed as output. */
  reasoningTokens: number;
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
export function apiTokensPerMonth(
  o: Offering,
  w: Workload,
  rates: WorkloadRates,
  options: ApiCostOptions = {},
): ApiTokens {
  const b = apiCost(countingOffering(o), w, rates, 0, options).breakdown;
  return {
    inputTokens: b.inputUsd * TOKENS_PER_MTOK,
    cachedInputTokens: b.cachedInputUsd * TOKENS_PER_MTOK,
    cacheWriteTokens: b.cacheWriteUsd * TOKENS_PER_MTOK,
    outputTokens: b.outputUsd * TOKENS_PER_MTOK,
    reasoningTokens: b.reasoningUsd * TOKENS_PER_MTOK,
  };
}
