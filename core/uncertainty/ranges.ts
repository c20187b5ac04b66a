import type { Placement } from '../schema/placement.ts';
import { NO_PRICE_CHANGE, type PriceChanges } from '../sweep/context.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { Uncertainty, UncertainInputId } from '../schema/uncertainty.ts';
import type { ThreePoint } from '../stats/distributions.ts';
import { INPUTS, type Assumptions, type UncertainInput } from './inputs.ts';

type Kind = Placement['kind'];

export type RangeId = UncertainInputId | `${Kind}PriceChange`;

/** An uncertain input with its three values settled (likely filled in) and checked. */
export interface ResolvedRange extends ThreePoint {
  id: RangeId;
  label: string;
  /** Shown as a percentage (shares, rates, price changes). */
  percent: boolean;
  /** The workload or value input, or the placement kind whose prices change. */
  target: { input: UncertainInput } | { priceKind: Kind };
}

const PRICE_LABELS: Record<Kind, string> = {
  api: 'Hosted API price change',
  cloud: 'Rented GPU price change',
  onprem: 'Owned GPU running-cost change',
};

export interface RangeIssue {
  path: (string | number)[];
  message: string;
}

export type ResolvedRanges =
  { ok: true; ranges: ResolvedRange[] } | { ok: false; issues: RangeIssue[] };

/**
 * The scenario's ranges with their likely values settled, in the app's order, or every problem
 * named by its field: low above high, a likely value outside low–high (the scenario's own value
 * when no likely is given), or a value the field itself does not allow.
 */
export function resolveRanges(u: Uncertainty, a: Assumptions): ResolvedRanges {
  const ranges: ResolvedRange[] = [];
  const issues: RangeIssue[] = [];
  for (const input of INPUTS) {
    const r = u.inputs[input.id];
    if (r === undefined) continue;
    const path = ['uncertainty', 'inputs', input.id];
    const point = input.point(a);
    if (r.likely === undefined && point === undefined) {
      issues.push({
        path,
        message: `the scenario states no ${input.path} to take as the likely value; set it (or give likely)`,
      });
      continue;
    }
    const likely = r.likely ?? (point as number);
    const before = issues.length;
    checkField(input, r.low, [...path, 'low'], issues);
    if (r.likely !== undefined) checkField(input, r.likely, [...path, 'likely'], issues);
    checkField(input, r.high, [...path, 'high'], issues);
    if (issues.length === before)
      checkOrder(r.low, likely, r.high, r.likely !== undefined, input.path, path, issues);
    if (input.id === 'batchShare' && r.high + a.workload.priorityShare > 1 + 1e-9) {
      issues.push({
        path: [...path, 'high'],
        message: `${r.high} plus the priority share ${a.workload.priorityShare} exceeds 1`,
      });
    }
    ranges.push({
      id: input.id,
      label: input.label(a),
      percent: input.percent,
      target: { input },
      low: r.low,
      likely,
      high: r.high,
    });
  }
  for (const kind of ['api', 'cloud', 'onprem'] as const) {
    const r = u.priceChange[kind];
    if (r === undefined) continue;
    // No stated price change: today's prices are the likely future, unless the range excludes them.
    const likely = r.likely ?? Math.min(r.high, Math.max(r.low, 0));
    checkOrder(
      r.low,
      likely,
      r.high,
      true,
      'the price change',
      ['uncertainty', 'priceChange', kind],
      issues,
    );
    ranges.push({
      id: `${kind}PriceChange`,
      label: PRICE_LABELS[kind],
      percent: true,
      target: { priceKind: kind },
      low: r.low,
      likely,
      high: r.high,
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, ranges };
}

function checkField(
  input: UncertainInput,
  x: number,
  path: RangeIssue['path'],
  issues: RangeIssue[],
): void {
  const parsed = input.schema().safeParse(x);
  if (!parsed.success) {
    const why = parsed.error.issues[0]?.message ?? 'not allowed';
    issues.push({ path, message: `${x} is not allowed for ${input.path} (${why})` });
  }
}

function checkOrder(
  low: number,
  likely: number,
  high: number,
  likelyGiven: boolean,
  field: string,
  path: RangeIssue['path'],
  issues: RangeIssue[],
): void {
  if (low > high) {
    issues.push({ path, message: `low (${low}) is above high (${high})` });
  } else if (likely < low || likely > high) {
    issues.push(
      likelyGiven
        ? { path: [...path, 'likely'], message: `${likely} is outside low–high (${low}–${high})` }
        : {
            path,
            message: `the scenario's ${field} ${likely} is outside low–high (${low}–${high}): give likely, or widen the range`,
          },
    );
  }
}

/** The likely price change per placement kind: what the point estimate assumes. */
export function likelyPriceChanges(ranges: readonly ResolvedRange[]): PriceChanges {
  const out = { ...NO_PRICE_CHANGE };
  for (const r of ranges) if ('priceKind' in r.target) out[r.target.priceKind] = r.likely;
  return out;
}

/** The assumptions and price changes with one range's input set to `x`. */
export function applyRange(
  r: ResolvedRange,
  a: Assumptions,
  prices: PriceChanges,
  x: number,
): { assumptions: Assumptions; prices: PriceChanges } {
  if ('input' in r.target) return { assumptions: r.target.input.apply(a, x), prices };
  return { assumptions: a, prices: { ...prices, [r.target.priceKind]: x } };
}

/**
 * The likely price changes a scenario assumes (none without ranges on prices); a scenario whose
 * ranges do not resolve was refused when it was read, so none is assumed for it here.
 */
export function likelyPriceChangesOf(
  s: Pick<Scenario, 'uncertainty' | 'workload' | 'value'>,
): Readonly<PriceChanges> {
  if (s.uncertainty === undefined) return NO_PRICE_CHANGE;
  const resolved = resolveRanges(s.uncertainty, s);
  return resolved.ok ? likelyPriceChanges(resolved.ranges) : NO_PRICE_CHANGE;
}
