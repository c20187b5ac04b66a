import { formatRangeValue } from '../report/uncertainty-report.ts';
import type { RangeSummary } from '../uncertainty/setup.ts';
import type { Tornado } from '../uncertainty/tornado.ts';

/** A tornado as chart.js floating bars: from the all-likely value to the value at each end. */
export interface TornadoBars {
  labels: string[];
  /** [base, value at the input's low], one per input, widest swing first. */
  low: ([number, number] | null)[];
  high: ([number, number] | null)[];
  baseUsd: number;
}

/**
 * The bars of a tornado, widest on top (chart.js draws the first label at the top of a horizontal
 * bar chart). An end that cannot be costed has no bar; an input with no effect has zero-width bars
 * at the base, last.
 */
export function tornadoBars(t: Tornado, ranges: readonly RangeSummary[]): TornadoBars | null {
  if (t.baseUsd === null) return null;
  const base = t.baseUsd;
  const byId = new Map(ranges.map((r) => [r.id, r]));
  return {
    labels: t.bars.map((b) => {
      const r = byId.get(b.input);
      const span =
        r === undefined
          ? ''
          : ` (${formatRangeValue(r, b.lowValue)} → ${formatRangeValue(r, b.highValue)})`;
      return `${b.label}${span}`;
    }),
    low: t.bars.map((b) => (b.lowUsd === null ? null : [base, b.lowUsd])),
    high: t.bars.map((b) => (b.highUsd === null ? null : [base, b.highUsd])),
    baseUsd: base,
  };
}
