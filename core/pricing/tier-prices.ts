import type { Offering, TierPrices, TokenPrices } from '../schema/catalog.ts';

/** Prices for one token type of one request, USD per 1M tokens; cache prices already resolved. */
export interface ResolvedPrices {
  input: number;
  output: number;
  /** Price of a prompt-cache hit token; equals `input` when there is no cache. */
  cacheRead: number;
  /** Price of writing the prefix on a miss: the write price, or `input` when writes are free. */
  cacheWrite: number;
}

/**
 * The tier's factor for token types it gives no price for: its input price over the base input
 * price (or output over output when only output is given). 1 when the tier names no price.
 */
export function tierFactor(base: TokenPrices, tier: TierPrices): number {
  if (tier.input !== undefined && base.input > 0) return tier.input / base.input;
  if (tier.output !== undefined && base.output > 0) return tier.output / base.output;
  return 1;
}

/**
 * Scales `current` prices by a tier. A type the tier prices explicitly takes the ratio of that price
 * to the base price (so a long-context price keeps its premium under batch); any other type scales
 * by the tier factor.
 */
export function applyTier(
  rawBase: TokenPrices,
  base: ResolvedPrices,
  current: ResolvedPrices,
  tier: TierPrices | undefined,
): ResolvedPrices {
  if (tier === undefined) return current;
  const factor = tierFactor(rawBase, tier);
  return {
    input: scaled(current.input, base.input, tier.input, factor),
    output: scaled(current.output, base.output, tier.output, factor),
    cacheRead: scaled(current.cacheRead, base.cacheRead, tier.cacheRead, factor),
    cacheWrite: scaled(current.cacheWrite, base.cacheWrite, tier.cacheWrite, factor),
  };
}

function scaled(current: number, baseUsd: number, explicit: number | undefined, factor: number) {
  if (explicit === undefined) return current * factor;
  if (baseUsd > 0) return current * (explicit / baseUsd);
  return explicit; // the base is free: the tier's own price stands
}

/** Base prices with cache prices resolved (no cache → cache tokens cost the input price). */
export function basePrices(o: Offering): ResolvedPrices {
  const p = o.usdPerMTok;
  const cached = o.cache.style !== 'none';
  return {
    input: p.input,
    output: p.output,
    cacheRead: cached && p.cacheRead !== undefined ? p.cacheRead : p.input,
    cacheWrite: cached && p.cacheWrite !== undefined ? p.cacheWrite : p.input,
  };
}
