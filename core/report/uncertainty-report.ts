import { objectiveLabel } from '../decision/objective.ts';
import { formatDecimal, formatPct, formatUsd } from '../format.ts';
import type { RangeSummary } from '../uncertainty/setup.ts';
import type { Percentiles, UncertaintyResult } from '../uncertainty/simulate.ts';
import type { Tornado } from '../uncertainty/tornado.ts';
import type { ReportColumn, ReportTable } from './report-model.ts';
import { tableMarkdown } from './render-markdown.ts';

/** The percentile convention every view states with the bands. */
export const PERCENTILE_CONVENTION =
  'P90 = not exceeded in 90 % of simulated futures (P10 likewise in 10 %, P50 the median).';

/** An input's value as its range shows it: shares and price changes in percent. */
export function formatRangeValue(r: Pick<RangeSummary, 'percent'>, x: number): string {
  return r.percent ? formatPct(x, Math.abs(x * 100) % 1 === 0 ? 0 : 1) : formatDecimal(x, 2);
}

/** "$1,200 – $1,500 – $2,100" (P10 – P50 – P90), or — when unknown. */
export function formatPercentiles(p: Percentiles | null): string {
  return p === null ? '—' : `${formatUsd(p.p10)} – ${formatUsd(p.p50)} – ${formatUsd(p.p90)}`;
}

/** How the simulation was run, in one sentence (reports, the CLI, the app's help). */
export function simulationNote(u: UncertaintyResult): string {
  const shape = u.distribution === 'pert' ? 'PERT' : 'triangular';
  return `${u.samples.toLocaleString('en-US')} simulated futures (Latin hypercube, ${shape} ranges, seed ${u.seed}), each shared by all ${u.candidates.length} simulated candidates; self-hosted replicas are sized at prompt and output sizes and cache hit rates rounded to 7 levels across each range.`;
}

/**
 * The uncertainty section of the Markdown report: percentiles and win probability per simulated
 * candidate, the robust pick, and the tornadoes.
 */
export function uncertaintyMarkdown(u: UncertaintyResult, horizonMonths: number): string {
  const label = objectiveLabel(u.objective, horizonMonths);
  const ranges = u.ranges
    .map(
      (r) =>
        `- ${r.label}: ${formatRangeValue(r, r.low)} – ${formatRangeValue(r, r.likely)} – ${formatRangeValue(r, r.high)} (low – likely – high)`,
    )
    .join('\n');
  // The ten best by the point estimate, and any other that wins in some future.
  const shown = u.candidates.filter((c, k) => k < 10 || c.uncertainty.winProbability > 0);
  const rows = shown.map((c) => {
    const x = c.uncertainty;
    return `| ${c.label.replace(/\|/g, '\\|')} | ${formatPercentiles(x.monthlyUsd)} | ${formatPercentiles(x.tcoUsd)} | ${formatPercentiles(x.npvUsd)} | ${formatPct(x.winProbability, 1)} | ${formatPct(x.feasibleShare)} |`;
  });
  const table = [
    `| Candidate | Monthly P10 – P50 – P90 | ${horizonMonths}-month cost P10 – P50 – P90 | NPV P10 – P50 – P90 | Chance best (${label}) | Feasible |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  const more = u.candidates.length - shown.length;
  const tableNote =
    more > 0
      ? `\n\n${more} more simulated candidates never win; the JSON output lists them all.`
      : '';
  const robust = robustSentence(u, horizonMonths);
  const sections = [
    '## Uncertainty',
    `${simulationNote(u)} ${PERCENTILE_CONVENTION}`,
    ranges,
    table + tableNote,
    robust,
  ];
  if (u.tornado !== null) {
    sections.push(
      `### What moves the recommendation's ${label}`,
      `Each input swung from its low to its high with the others at their likely values (${formatUsd(u.tornado.baseUsd)} with all at likely).`,
      tableMarkdown(tornadoTableOf(u.tornado, u.ranges, 'tornado')),
    );
  }
  if (u.gapTornado !== null) {
    sections.push(
      `### What moves its lead over the runner-up`,
      `How far the recommendation is ahead of the runner-up on ${label} (${formatUsd(u.gapTornado.baseUsd)} with all at likely; below zero the runner-up would be ahead).`,
      tableMarkdown(tornadoTableOf(u.gapTornado, u.ranges, 'gap-tornado')),
    );
  }
  return sections.join('\n\n');
}

/** A few lines for the terminal: the recommendation's spread and chance, the widest swings. */
export function uncertaintySentences(u: UncertaintyResult): string[] {
  const rec = u.candidates.find((c) => c.id === u.recommendedId);
  const lines = [simulationNote(u), PERCENTILE_CONVENTION];
  if (rec !== undefined) {
    const x = rec.uncertainty;
    lines.push(
      `${rec.label}: horizon cost P10 – P50 – P90 ${formatPercentiles(x.tcoUsd)}; best in ${formatPct(x.winProbability, 1)} of futures.`,
    );
  }
  if (u.robust !== null && u.robust.id !== u.recommendedId) {
    const label = u.candidates.find((c) => c.id === u.robust?.id)?.label ?? u.robust.id;
    lines.push(
      `Robust pick (lowest P90 horizon cost): ${label}, P90 ${formatUsd(u.robust.p90TcoUsd)}.`,
    );
  }
  const top = u.tornado?.bars.slice(0, 3) ?? [];
  if (top.length > 0) {
    const swings = top.map(
      (b) => `${b.label} ${b.swingUsd === null ? '(decides feasibility)' : formatUsd(b.swingUsd)}`,
    );
    lines.push(`Widest swings: ${swings.join(', ')}.`);
  }
  return lines;
}

/**
 * The simulated spread of the candidates listed (those the simulation covered), numbers kept as
 * numbers: P10 / P50 / P90 of monthly and horizon cost, the chance each is best, how often feasible.
 */
export function uncertaintyTable(
  u: UncertaintyResult,
  ids: readonly string[],
  horizonMonths: number,
): ReportTable {
  const byId = new Map(u.candidates.map((c) => [c.id, c]));
  const shown = ids.flatMap((id) => byId.get(id) ?? []);
  const usd = (key: string, header: string): ReportColumn => ({
    key,
    header,
    format: 'usd',
    width: 12,
  });
  return {
    id: 'uncertainty',
    columns: [
      { key: 'candidate', header: 'Candidate', format: 'text', width: 48 },
      usd('monthlyP10', 'Monthly P10'),
      usd('monthlyP50', 'Monthly P50'),
      usd('monthlyP90', 'Monthly P90'),
      usd('tcoP10', `${horizonMonths}-month P10`),
      usd('tcoP50', `${horizonMonths}-month P50`),
      usd('tcoP90', `${horizonMonths}-month P90`),
      { key: 'win', header: 'Chance best', format: 'pct', width: 11 },
      { key: 'feasible', header: 'Feasible', format: 'pct', width: 9 },
    ],
    rows: shown.map((c) => {
      const x = c.uncertainty;
      return {
        candidate: c.label,
        monthlyP10: x.monthlyUsd?.p10 ?? null,
        monthlyP50: x.monthlyUsd?.p50 ?? null,
        monthlyP90: x.monthlyUsd?.p90 ?? null,
        tcoP10: x.tcoUsd?.p10 ?? null,
        tcoP50: x.tcoUsd?.p50 ?? null,
        tcoP90: x.tcoUsd?.p90 ?? null,
        win: x.winProbability,
        feasible: x.feasibleShare,
      };
    }),
    emphasis: shown.flatMap((c, k) => (c.id === u.recommendedId ? [k] : [])),
  };
}

/** A tornado's bars as a table: input, its range, the measure at each end, the swing. */
export function tornadoTableOf(
  t: Tornado,
  ranges: readonly RangeSummary[],
  id: string,
): ReportTable {
  const byId = new Map(ranges.map((r) => [r.id, r]));
  return {
    id,
    columns: [
      { key: 'input', header: 'Input', format: 'text', width: 30 },
      { key: 'span', header: 'Low → high', format: 'text', width: 18 },
      { key: 'lowUsd', header: 'At low', format: 'usd', width: 12 },
      { key: 'highUsd', header: 'At high', format: 'usd', width: 12 },
      { key: 'swingUsd', header: 'Swing', format: 'usd', width: 12 },
    ],
    rows: t.bars.map((b) => {
      const r = byId.get(b.input);
      return {
        input: b.label,
        span:
          r === undefined
            ? ''
            : `${formatRangeValue(r, b.lowValue)} → ${formatRangeValue(r, b.highValue)}`,
        lowUsd: b.lowUsd,
        highUsd: b.highUsd,
        swingUsd: b.swingUsd,
      };
    }),
  };
}

/** The robust pick in one sentence. */
export function robustSentence(u: UncertaintyResult, horizonMonths: number): string {
  if (u.robust === null)
    return 'No candidate is feasible in 90 % of futures, so there is no robust pick.';
  const label = u.candidates.find((c) => c.id === u.robust?.id)?.label ?? u.robust.id;
  return `Robust pick (lowest P90 ${horizonMonths}-month cost, feasible in ≥ 90 % of futures): ${label}, P90 ${formatUsd(u.robust.p90TcoUsd)}.`;
}
