/**
 * The rules on one offering's prices, applied to its own prices and to each of its price
 * periods: the prices the engine charges must be in the order the tiers promise, and a price a
 * tier leaves out must not be scaled past what the tier documents.
 */
import { applyTier, basePrices, tierFactor, type ResolvedPrices } from '../pricing/tier-prices.ts';
import type { Offering, TierPrices } from '../schema/catalog.ts';
import { DOCUMENTED_TIER_FACTORS, finding, type Finding } from './rules.ts';

type TokenType = keyof ResolvedPrices;
const TYPES: readonly TokenType[] = ['input', 'output', 'cacheRead', 'cacheWrite'];

/** Equal within rounding (prices are read from per-token figures and scaled). */
const EPSILON = 1e-9;
const above = (a: number, b: number) => a > b * (1 + EPSILON) + EPSILON;

const usd = (value: number) => `${Number(value.toPrecision(6))} $/MTok`;

/** The token types the row actually charges (cache types only where its cache bills them). */
function chargedTypes(o: Offering): TokenType[] {
  const cached = o.cache.style !== 'none';
  return TYPES.filter((t) => {
    if (t === 'input' || t === 'output') return true;
    return cached && o.usdPerMTok[t] !== undefined;
  });
}

/** Every rule on the prices of `o` (a row, or a row at one of its periods). */
export function checkOfferingPrices(o: Offering, label: string, push: (f: Finding) => void): void {
  const at = (field: string) => `${label}${field}`;
  const base = basePrices(o);
  const types = chargedTypes(o);
  const tiers: { name: 'batch' | 'priority'; tier: TierPrices | undefined }[] = [
    { name: 'batch', tier: o.batch },
    { name: 'priority', tier: o.priority },
  ];
  const resolved = new Map<string, ResolvedPrices>([['standard', base]]);
  for (const { name, tier } of tiers) {
    if (tier !== undefined) resolved.set(name, applyTier(o.usdPerMTok, base, base, tier));
  }

  for (const { name, tier } of tiers) {
    const prices = resolved.get(name);
    if (tier === undefined || prices === undefined) continue;
    for (const t of types) {
      const wrongWay = name === 'batch' ? above(prices[t], base[t]) : above(base[t], prices[t]);
      if (!wrongWay) continue;
      const relation = name === 'batch' ? 'above' : 'below';
      push(
        finding(
          'tier-order',
          'offerings',
          o.id,
          at(`${name}.${t}`),
          `${name} ${t} ${usd(prices[t])} is ${relation} standard ${usd(base[t])}`,
        ),
      );
    }
    const leftOut = types.filter((t) => tier[t] === undefined);
    if (leftOut.length === 0) continue;
    const factor = tierFactor(o.usdPerMTok, tier);
    const range = DOCUMENTED_TIER_FACTORS[name];
    if (factor < range.min * (1 - EPSILON) || above(factor, range.max)) {
      push(
        finding(
          'tier-factor',
          'offerings',
          o.id,
          at(name),
          `${name} gives no ${leftOut.join(', ')} price, so ${leftOut.length === 1 ? 'it is' : 'they are'} scaled by ${Number(factor.toPrecision(4))}× (the tier's input ratio); ${name}'s documented factor is ${range.min}–${range.max}×`,
        ),
      );
    }
  }

  for (const [name, prices] of resolved) {
    const where = name === 'standard' ? 'usdPerMTok' : name;
    const cached = o.cache.style !== 'none';
    if (cached && o.usdPerMTok.cacheRead !== undefined && !above(prices.input, prices.cacheRead)) {
      push(
        finding(
          'cache-read-below-input',
          'offerings',
          o.id,
          at(`${where}.cacheRead`),
          `${name} cache read ${usd(prices.cacheRead)} is not below input ${usd(prices.input)}`,
        ),
      );
    }
    if (cached && o.usdPerMTok.cacheWrite !== undefined && above(prices.input, prices.cacheWrite)) {
      push(
        finding(
          'cache-write-at-least-input',
          'offerings',
          o.id,
          at(`${where}.cacheWrite`),
          `${name} cache write ${usd(prices.cacheWrite)} is below input ${usd(prices.input)}`,
        ),
      );
    }
  }
}

/** Long-context tiers that start at or past the context window: no prompt can reach them. */
export function checkTierThresholds(
  o: Offering,
  contextTokens: number | undefined,
  push: (f: Finding) => void,
): void {
  if (contextTokens === undefined) return;
  o.longContext.forEach((tier, i) => {
    if (tier.aboveInputTokens < contextTokens) return;
    push(
      finding(
        'tier-threshold-in-context',
        'offerings',
        o.id,
        `longContext[${i}].aboveInputTokens`,
        `a tier above ${tier.aboveInputTokens.toLocaleString('en-US')} prompt tokens, but the context window is ${contextTokens.toLocaleString('en-US')}`,
      ),
    );
  });
}

/**
 * The error-level findings on one offering (what `catalog check` would say of it): what an
 * import or an edit checks before it writes a row. `modelContextTokens`: the model's window,
 * for an offering that states none.
 */
export function offeringErrors(o: Offering, modelContextTokens: number | undefined): Finding[] {
  const found: Finding[] = [];
  const push = (f: Finding) => {
    if (f.level === 'error') found.push(f);
  };
  checkOfferingPrices(o, '', push);
  checkTierThresholds(o, o.contextTokens ?? modelContextTokens, push);
  return found;
}
