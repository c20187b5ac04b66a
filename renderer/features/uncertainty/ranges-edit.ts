import { formatPath } from '../../../core/schema/errors.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import {
  Uncertainty,
  type InputRange,
  type PriceChangeRange,
  type UncertainInputId,
} from '../../../core/schema/uncertainty.ts';
import type { UncertainInput } from '../../../core/uncertainty/inputs.ts';
import { resolveRanges } from '../../../core/uncertainty/ranges.ts';

export type PriceKind = keyof Uncertainty['priceChange'];

/** Whether the scenario gives any range (the simulation has something to draw). */
export function hasRanges(s: Scenario): boolean {
  const u = s.uncertainty;
  if (u === undefined) return false;
  return (
    Object.values(u.inputs).some((r) => r !== undefined) ||
    Object.values(u.priceChange).some((r) => r !== undefined)
  );
}

/** The scenario's uncertainty block, or the defaults for a first range. */
function block(s: Scenario): Uncertainty {
  return s.uncertainty ?? Uncertainty.parse({});
}

/** The block without empty ranges; none at all when no range is left. */
function settled(s: Scenario, u: Uncertainty): Scenario {
  const next = { ...s, uncertainty: u };
  if (hasRanges(next)) return next;
  const { uncertainty: _dropped, ...rest } = next;
  return rest;
}

/** The scenario with an input's range set (or removed with `undefined`). */
export function withInputRange(
  s: Scenario,
  id: UncertainInputId,
  range: InputRange | undefined,
): Scenario {
  const u = block(s);
  const inputs = { ...u.inputs };
  if (range === undefined) delete inputs[id];
  else inputs[id] = range;
  return settled(s, { ...u, inputs });
}

/** The scenario with a placement kind's price change range set (or removed). */
export function withPriceRange(
  s: Scenario,
  kind: PriceKind,
  range: PriceChangeRange | undefined,
): Scenario {
  const u = block(s);
  const priceChange = { ...u.priceChange };
  if (range === undefined) delete priceChange[kind];
  else priceChange[kind] = range;
  return settled(s, { ...u, priceChange });
}

/** The scenario with simulation options changed (kept only while there are ranges). */
export function withOptions(
  s: Scenario,
  patch: Partial<Pick<Uncertainty, 'distribution' | 'seed' | 'samples' | 'recommendBy'>>,
): Scenario {
  return s.uncertainty === undefined ? s : { ...s, uncertainty: { ...s.uncertainty, ...patch } };
}

/**
 * A first range for an input around the scenario's value: shares ±20 points within 0–100 %,
 * growth ±3 points, anything else from half to twice the value (a value of 0 starts at 0–0).
 */
export function startingRange(input: UncertainInput, s: Scenario): InputRange {
  const point = input.point(s) ?? 0;
  if (input.percent) {
    return { low: Math.max(0, round(point - 0.2)), high: Math.min(1, round(point + 0.2)) };
  }
  if (input.id === 'monthlyGrowthPct') return { low: point - 3, high: point + 3 };
  // Prompt and output sizes are whole tokens, at least one.
  const low =
    input.id === 'promptTokens' || input.id === 'outputTokens'
      ? Math.max(1, Math.round(point / 2))
      : point / 2;
  return { low, high: point * 2 };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * What is wrong with the scenario's ranges, by the path of the range (`uncertainty.inputs.volume`):
 * empty when they all hold. The panel shows these instead of committing a range that would not.
 */
export function rangeProblems(s: Scenario): Map<string, string> {
  const out = new Map<string, string>();
  if (s.uncertainty === undefined) return out;
  const parsed = Uncertainty.safeParse(s.uncertainty);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = ['uncertainty', ...issue.path.slice(0, 2).map(String)];
      out.set(formatPath(where), issue.message);
    }
    return out;
  }
  const resolved = resolveRanges(parsed.data, s);
  if (resolved.ok) return out;
  for (const issue of resolved.issues) {
    out.set(formatPath(issue.path.slice(0, 3)), issue.message);
  }
  return out;
}
