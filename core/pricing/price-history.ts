/**
 * An offering's prices over time. A row's own prices hold from `validFrom` through `validTo`;
 * `pricePeriods` holds its prices at other times (earlier prices an import kept, a promotion's
 * end announced in advance). Pure: dates are ISO days (YYYY-MM-DD), compared as text.
 */
import type { Offering, PricePeriod } from '../schema/catalog.ts';

/** The price fields a period replaces; everything else about an offering is the row's. */
const PRICE_FIELDS = ['usdPerMTok', 'batch', 'priority', 'longContext'] as const;

interface Validity {
  validFrom?: string | undefined;
  validTo?: string | undefined;
}

const covers = (v: Validity, date: string) =>
  (v.validFrom === undefined || v.validFrom <= date) &&
  (v.validTo === undefined || date <= v.validTo);

/** Whether an offering's prices ever change: most do not, and take the fast path everywhere. */
export function hasPriceHistory(o: Offering): boolean {
  return (
    o.validFrom !== undefined ||
    o.validTo !== undefined ||
    (o.pricePeriods !== undefined && o.pricePeriods.length > 0)
  );
}

const atCache = new WeakMap<Offering, Map<string, Offering | null>>();

/**
 * The offering with the prices that hold on `date` (the row itself when its own prices do), or
 * undefined when no known price covers that day: before the first price the catalog knows, or
 * after the offering ended. Kept per row and day, so the pricing caches keyed by the returned
 * object stay warm across evaluations.
 */
export function offeringAt(o: Offering, date: string): Offering | undefined {
  if (!hasPriceHistory(o) || covers(o, date)) return o;
  let byDate = atCache.get(o);
  if (byDate === undefined) atCache.set(o, (byDate = new Map()));
  const cached = byDate.get(date);
  if (cached !== undefined) return cached ?? undefined;
  const period = o.pricePeriods?.find((p) => covers(p, date));
  const at = period === undefined ? null : withPeriod(o, period);
  byDate.set(date, at);
  return at ?? undefined;
}

/**
 * The row with a period's prices, validity, source and date in place of its own; the row's own
 * prices become one of its periods, so the result is a whole offering with the same history.
 */
function withPeriod(o: Offering, p: PricePeriod): Offering {
  const others = (o.pricePeriods ?? []).filter((q) => q !== p);
  return {
    ...o,
    usdPerMTok: p.usdPerMTok,
    batch: p.batch,
    priority: p.priority,
    longContext: p.longContext,
    validFrom: p.validFrom,
    validTo: p.validTo,
    source: p.source,
    asOf: p.asOf,
    pricePeriods: [...others, asPeriod(o, o.validTo)].sort(byStart),
  };
}

const byStart = (a: Validity, b: Validity) => ((a.validFrom ?? '') < (b.validFrom ?? '') ? -1 : 1);

/** Why an offering has no price on `date`, for the comparison's reasons. */
export function unpricedReason(o: Offering, date: string): string {
  const known = [o, ...(o.pricePeriods ?? [])];
  const firstFrom = known.map((p) => p.validFrom).sort()[0];
  const ends = known.map((p) => p.validTo);
  const lastTo = ends.includes(undefined) ? undefined : ends.sort()[ends.length - 1];
  if (lastTo !== undefined && date > lastTo)
    return `not offered on ${date}: its prices end ${lastTo}`;
  if (firstFrom !== undefined && date < firstFrom) {
    return `not offered on ${date}: no price known before ${firstFrom}`;
  }
  return `no price known for ${date}`;
}

/** An ISO day `months` calendar months later (the 31st of a short month becomes its last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** An ISO day `days` later (negative: earlier). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The days where an offering's prices change, sorted: each period's first day and the day after
 * its last.
 */
function boundaries(o: Offering): string[] {
  const days = new Set<string>();
  for (const p of [o, ...(o.pricePeriods ?? [])]) {
    if (p.validFrom !== undefined) days.add(p.validFrom);
    if (p.validTo !== undefined) days.add(addDays(p.validTo, 1));
  }
  return [...days].sort();
}

/**
 * The offering priced on `date`, or the nearest known prices when none hold that day (a horizon
 * running past an offering's last known price keeps paying it: the change is not known).
 */
function nearestPriced(o: Offering, date: string): Offering {
  const exact = offeringAt(o, date);
  if (exact !== undefined) return exact;
  const periods = [o, ...(o.pricePeriods ?? [])];
  let best: { row: Offering; distance: number } | undefined;
  for (const p of periods) {
    const edge = p.validTo !== undefined && p.validTo < date ? p.validTo : (p.validFrom ?? date);
    const distance = Math.abs(daysBetween(edge, date));
    if (best === undefined || distance < best.distance) {
      best = { row: offeringAt(o, edge) ?? o, distance };
    }
  }
  return best?.row ?? o;
}

/** A stretch of days at one set of prices: the row priced then, and its share of the period. */
export interface PricedPart {
  row: Offering;
  share: number;
}

/**
 * The days from `from` up to (not including) `to`, cut where the offering's prices change: each
 * part at the prices that hold on its first day (the nearest known ones when none hold), with its
 * share of the days. One part when the prices hold all through.
 */
export function pricedParts(o: Offering, from: string, to: string): PricedPart[] {
  const cuts = [from, ...boundaries(o).filter((d) => d > from && d < to), to];
  const total = daysBetween(from, to);
  const parts: PricedPart[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const share = daysBetween(cuts[i]!, cuts[i + 1]!) / total;
    parts.push({ row: nearestPriced(o, cuts[i]!), share });
  }
  return parts;
}

/**
 * Per-month price factors over a horizon that starts on `startDate`: factor[m] (m = 1…months;
 * index 0 is unused) is the month's cost at the prices that hold in it — each day at that day's
 * prices — over the cost at `o`'s own prices. Month m runs from `startDate` + (m − 1) months to
 * `startDate` + m months. `monthlyCostOf` prices one month of the workload at an offering's
 * prices. Undefined when every month costs what `o` costs (no price change in the horizon), or
 * when `o` costs nothing (a factor cannot say what a free month becomes).
 */
export function monthlyPriceFactors(
  o: Offering,
  startDate: string,
  months: number,
  monthlyCostOf: (priced: Offering) => number,
): Float64Array | undefined {
  if (!hasPriceHistory(o)) return undefined;
  const end = addMonths(startDate, months);
  const changes = boundaries(o).filter((d) => d > startDate && d < end);
  const first = nearestPriced(o, startDate);
  if (changes.length === 0 && first === o) return undefined;
  const base = monthlyCostOf(o);
  if (!(base > 0)) return undefined;
  const costs = new Map<Offering, number>([[o, base]]);
  const costOf = (row: Offering) => {
    let cost = costs.get(row);
    if (cost === undefined) costs.set(row, (cost = monthlyCostOf(row)));
    return cost;
  };
  const factors = new Float64Array(months + 1).fill(1);
  let changed = false;
  for (let m = 1; m <= months; m++) {
    let sum = 0;
    for (const part of pricedParts(o, addMonths(startDate, m - 1), addMonths(startDate, m))) {
      sum += part.share * costOf(part.row);
    }
    factors[m] = sum / base;
    if (Math.abs(factors[m]! - 1) > 1e-12) changed = true;
  }
  return changed ? factors : undefined;
}

/** The prices of a row as a period (what an import keeps when it brings new prices). */
function asPeriod(o: Offering, validTo: string | undefined): PricePeriod {
  return {
    validFrom: o.validFrom,
    validTo,
    usdPerMTok: o.usdPerMTok,
    batch: o.batch,
    priority: o.priority,
    longContext: o.longContext,
    source: o.source,
    asOf: o.asOf,
  };
}

/** Whether two rows charge the same prices (whatever their sources and dates). */
export function samePrices(a: Offering, b: Offering): boolean {
  return PRICE_FIELDS.every((f) => JSON.stringify(a[f] ?? null) === JSON.stringify(b[f] ?? null));
}

/**
 * What an import writes over a stored offering, keeping its price history. With the same prices
 * (and no periods of its own) the incoming row keeps the stored validity and periods. With new
 * prices, they start on `incoming.validFrom`, else `changeDate`: stored prices that started
 * before then become periods ending the day before; stored periods that start later (a known
 * change to come) are kept, and the new prices end the day before the first of them; a stored
 * period starting that very day is replaced. Periods the incoming row states itself win over
 * stored ones for the days they cover.
 */
export function mergePriceHistory(
  stored: Offering,
  incoming: Offering,
  changeDate: string,
): Offering {
  const incomingPeriods = incoming.pricePeriods ?? [];
  const storedPeriods = stored.pricePeriods ?? [];
  if (samePrices(stored, incoming) && incomingPeriods.length === 0) {
    // Listed again by its source: an offering that had ended is offered again.
    const later =
      stored.validTo !== undefined && storedPeriods.some((p) => startsAfter(p, stored.validTo!));
    return withPeriods(
      {
        ...incoming,
        validFrom: incoming.validFrom ?? stored.validFrom,
        validTo: incoming.validTo ?? (later ? stored.validTo : undefined),
      },
      storedPeriods,
    );
  }
  const startsOn = incoming.validFrom ?? changeDate;
  const lastOldDay = addDays(startsOn, -1);
  const past: PricePeriod[] = [];
  const future: PricePeriod[] = [];
  for (const p of [...storedPeriods, asPeriod(stored, stored.validTo)]) {
    if (p.validFrom !== undefined && p.validFrom > startsOn) future.push(p);
    else if (p.validFrom === undefined || p.validFrom < startsOn) {
      past.push({
        ...p,
        validTo: p.validTo === undefined || p.validTo > lastOldDay ? lastOldDay : p.validTo,
      });
    }
  }
  const keptFuture = future.filter((p) => !incomingPeriods.some((q) => overlaps(p, q)));
  const nextStart = keptFuture.map((p) => p.validFrom!).sort()[0];
  const fresh: Offering = {
    ...incoming,
    validFrom: startsOn,
    validTo: incoming.validTo ?? (nextStart === undefined ? undefined : addDays(nextStart, -1)),
  };
  const periods = [
    ...past.filter((p) => !incomingPeriods.some((q) => overlaps(p, q))),
    ...keptFuture,
    ...incomingPeriods,
  ];
  return withPeriods(fresh, periods);
}

const startsAfter = (p: Validity, day: string) => p.validFrom !== undefined && p.validFrom > day;

function overlaps(a: Validity, b: Validity): boolean {
  const aFrom = a.validFrom ?? '0000-01-01';
  const bFrom = b.validFrom ?? '0000-01-01';
  const aTo = a.validTo ?? '9999-12-31';
  const bTo = b.validTo ?? '9999-12-31';
  return aFrom <= bTo && bFrom <= aTo;
}

/** The row with these periods, sorted by start (none: the field is left out). */
function withPeriods(o: Offering, periods: readonly PricePeriod[]): Offering {
  const { pricePeriods: _old, ...rest } = o;
  if (periods.length === 0) return rest;
  return { ...rest, pricePeriods: [...periods].sort(byStart) };
}

/**
 * The row ended: its prices hold through `lastDay` (what a refresh does to an offering its
 * source no longer lists). A row that already ended earlier keeps its end.
 */
export function endOffering(o: Offering, lastDay: string): Offering {
  if (o.validTo !== undefined && o.validTo <= lastDay) return o;
  return { ...o, validTo: lastDay };
}
