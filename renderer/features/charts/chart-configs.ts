import type { ChartConfiguration, ChartOptions } from 'chart.js';
import type { StackedBars } from '../../../core/charts/breakdown-data.ts';
import type { BreakEvenView, PaybackChart } from '../../../core/charts/chart-data.ts';
import { KINDS, type ScatterPoints } from '../../../core/charts/scatter-data.ts';
import type { SpendSeries } from '../../../core/charts/spend-data.ts';
import type { TornadoBars } from '../../../core/charts/tornado-data.ts';
import { CATEGORY_LABEL_CHARS, wrapLabel } from '../../../core/charts/wrap-label.ts';
import { compactCount, compactUsd, formatUsd } from '../../../core/format.ts';
import { PLACEMENT_LABELS } from '../../../core/sweep/types.ts';
import { bandDatasets, bandFor } from '../uncertainty/band-datasets.ts';
import type { ThemeColors } from './chart-setup.ts';

/**
 * The chart.js configuration of each chart from its data: the app's charts and the decision
 * report's are built here, so both draw the same thing.
 */
export interface ChartPalette {
  colors: ThemeColors;
  /** One colour per chosen candidate's line, in order. */
  lines: string[];
  /** The cost components' colours, stacked in order. */
  stack: string[];
  /** A dash pattern per line, in order (print: lines stay apart in greyscale); empty: solid. */
  dashes: number[][];
}

const STACK_COLORS = [
  '#2857d8',
  '#7aa2f7',
  '#f2a541',
  '#0f8b8d',
  '#b48ead',
  '#34a853',
  '#9aa6b5',
  '#e67e22',
  '#8e44ad',
  '#c0392b',
  // Enough for every cost component at once (17): a chart never shows two in one colour.
  '#1b4d3e',
  '#ffd166',
  '#5c6bc0',
  '#a0522d',
  '#ef6f9a',
  '#6d8b00',
  '#00a3e0',
];

/** The app's palette: the theme's colours. */
export function appPalette(colors: ThemeColors): ChartPalette {
  return {
    colors,
    lines: [colors.accent, colors.cloud, colors.onprem, colors.star],
    stack: STACK_COLORS,
    dashes: [],
  };
}

const at = <T>(list: readonly T[], k: number): T => list[k % list.length] as T;
const dash = (p: ChartPalette, k: number) =>
  p.dashes.length === 0 ? {} : { borderDash: at(p.dashes, k) };

/** Monthly cost by component, one stacked bar per candidate. */
export function breakdownConfig(
  bars: StackedBars,
  options: ChartOptions<'bar'>,
  palette: ChartPalette,
  labelChars = CATEGORY_LABEL_CHARS,
): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: bars.labels.map((l) => wrapLabel(l, labelChars)),
      datasets: bars.datasets.map((d, k) => ({
        label: d.label,
        data: d.data,
        backgroundColor: at(palette.stack, k),
        stack: 'cost',
      })),
    },
    options,
  };
}

/**
 * Two candidates under the objective as volume changes: their lines (A and B), P10–P90 bands of
 * those lines where simulated, the break-even points, and today's volume on both.
 */
export function breakEvenConfig(
  view: BreakEvenView,
  options: ChartOptions<'line'>,
  palette: ChartPalette,
): ChartConfiguration<'line'> {
  const { chart: data } = view;
  const colors = palette.colors;
  // The pair in the first and third of the palette's lines: apart in hue and in lightness.
  const lineColors = [at(palette.lines, 0), at(palette.lines, 2)];
  const lines = [data.a, data.b];
  const named = (k: number) => {
    const line = lines[k]!;
    const label = line.label.length > 48 ? `${line.label.slice(0, 47)}…` : line.label;
    return `${k === 0 ? 'A' : 'B'} · ${label}`;
  };
  return {
    type: 'line',
    data: {
      datasets: [
        ...lines.map((line, k) => ({
          label: named(k),
          data: line.points,
          borderColor: lineColors[k],
          backgroundColor: lineColors[k],
          pointRadius: 0,
          borderWidth: 2 * palette.colors.scale,
          ...dash(palette, k * 2),
        })),
        // P10–P90 of each line over the simulated futures, when ranges are given.
        ...lines.flatMap((_line, k) => {
          const band = view.bands[k];
          if (band === null || band === undefined) return [];
          return bandDatasets(band, lineColors[k] as string, named(k), (j, y) => ({
            x: view.bandVolumes[j] as number,
            y: y ?? Number.NaN,
          }));
        }),
        {
          label: 'Break-even',
          data: data.crossings.flatMap((c) =>
            c.y === null ? [] : [{ x: c.requestsPerMonth, y: c.y }],
          ),
          showLine: false,
          pointRadius: 7 * palette.colors.scale,
          pointStyle: 'rectRot' as const,
          borderColor: colors.bad,
          backgroundColor: colors.bad,
        },
        {
          label: `Today (${compactCount(data.requestsPerMonth)}/month)`,
          data: lines.flatMap((l) => (l.today === null ? [] : [l.today])),
          showLine: false,
          pointRadius: 5 * palette.colors.scale,
          borderColor: colors.star,
          backgroundColor: colors.star,
        },
      ],
    },
    options,
  };
}

/** Budget lines' dashes, one per budget in turn. */
const BUDGET_DASHES = [
  [6, 4],
  [2, 3],
  [12, 3, 3, 3],
  [8, 3, 2, 3],
];

/**
 * The portfolio's spend month by month, stacked by team, workload or placement, with each budget
 * as a dashed line on a stack of its own (never added to another), at its stack's base plus the
 * budget, so the stack's top crosses its own line.
 */
export function spendConfig(
  series: SpendSeries,
  options: ChartOptions<'bar' | 'line'>,
  palette: ChartPalette,
): ChartConfiguration<'bar' | 'line'> {
  return {
    type: 'bar',
    data: {
      labels: series.months.map(String),
      datasets: [
        ...series.stacks.map((s, k) => ({
          type: 'bar' as const,
          label: s.label,
          data: s.usd,
          backgroundColor: at(palette.stack, k),
          stack: 'spend',
        })),
        ...series.budgets.map((b, k) => ({
          type: 'line' as const,
          stack: `budget-${k}`,
          label: b.stack === null ? `${b.label} (level; its spend is not one stack here)` : b.label,
          data: b.lineUsd,
          // In the text's colour with a dash of its own: drawn across its stack, a line in the
          // stack's colour would vanish there (and a light one on paper). A line at the budget's
          // level alone (no stack is its spend) is marked apart.
          borderColor: b.stack === null ? palette.colors.bad : palette.colors.text,
          borderDash: at(BUDGET_DASHES, k),
          borderWidth: 2 * palette.colors.scale,
          pointRadius: 0,
          stepped: 'middle' as const,
          // Drawn over the bars (chart.js draws a lower order later): a line under its own stack
          // would hide in the months it is passed.
          order: -1,
        })),
      ],
    },
    options,
  };
}

/** Cost under the objective against end-to-end latency, by placement, with the frontier. */
export function scatterConfig(
  pts: ScatterPoints,
  options: ChartOptions<'scatter'>,
  colors: ThemeColors,
): ChartConfiguration<'scatter'> {
  const kindColor = {
    api: colors.api,
    cloud: colors.cloud,
    onprem: colors.onprem,
    route: colors.route,
  };
  return {
    type: 'scatter',
    data: {
      datasets: [
        ...KINDS.map((k) => ({
          label: PLACEMENT_LABELS[k],
          data: pts.byKind[k],
          backgroundColor: `${kindColor[k]}88`,
          borderColor: kindColor[k],
          pointRadius: 3 * colors.scale,
        })),
        {
          showLine: true,
          label: 'Cost–latency frontier',
          data: pts.frontier,
          borderColor: colors.star,
          backgroundColor: colors.star,
          pointRadius: 4 * colors.scale,
          borderWidth: 2 * colors.scale,
          stepped: 'after' as const,
        },
        {
          label: 'Pareto (with quality)',
          data: pts.pareto,
          borderColor: colors.star,
          backgroundColor: 'transparent',
          pointRadius: 6 * colors.scale,
          pointStyle: 'circle' as const,
          borderWidth: 1.5 * colors.scale,
        },
      ],
    },
    options,
  };
}

/** Cumulative value minus cost month by month, P10–P90 bands where simulated. */
export function paybackConfig(
  p: PaybackChart,
  options: ChartOptions<'line'>,
  palette: ChartPalette,
): ChartConfiguration<'line'> {
  const { lines } = p;
  return {
    type: 'line',
    data: {
      labels: lines.months,
      datasets: [
        ...lines.lines.map((l, k) => ({
          label: `${p.names[k] ?? l.label}${l.paybackMonth ? ` (pays back month ${l.paybackMonth})` : ' (no payback)'}`,
          data: l.net,
          borderColor: at(palette.lines, k),
          backgroundColor: at(palette.lines, k),
          pointRadius: 0,
          borderWidth: 2 * palette.colors.scale,
          ...dash(palette, k),
        })),
        ...lines.lines.flatMap((l, k) => {
          const band = bandFor(p.bands, l.id);
          if (band === undefined || band.p10.length !== l.net.length) return [];
          return bandDatasets(band, at(palette.lines, k), p.names[k] ?? l.label, (_j, y) => y);
        }),
      ],
    },
    options,
  };
}

/** A tornado: each input's low and high either side of the all-likely value, widest on top. */
export function tornadoConfig(
  bars: TornadoBars,
  colors: ThemeColors,
  labelChars = CATEGORY_LABEL_CHARS,
): ChartConfiguration<'bar', ([number, number] | null)[]> {
  return {
    type: 'bar',
    data: {
      labels: bars.labels.map((l) => wrapLabel(l, labelChars)),
      datasets: [
        // Not grouped: both ends of an input share its row, either side of the base.
        {
          label: 'Input at its low',
          data: bars.low,
          backgroundColor: colors.accent,
          grouped: false,
        },
        {
          label: 'Input at its high',
          data: bars.high,
          backgroundColor: colors.star,
          grouped: false,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: { labels: { color: colors.text, boxWidth: 12 * colors.scale } },
        tooltip: {
          callbacks: {
            label: (c) => {
              const raw = c.raw as [number, number] | null;
              return raw === null ? 'not costed' : `${c.dataset.label}: ${formatUsd(raw[1])}`;
            },
          },
        },
      },
      scales: {
        x: {
          grid: { color: colors.line },
          beginAtZero: false,
          ticks: { color: colors.muted, callback: compactUsd },
          title: { display: true, text: 'USD', color: colors.muted },
        },
        // Every input named: chart.js would otherwise skip labels that do not fit.
        y: { grid: { display: false }, ticks: { color: colors.text, autoSkip: false } },
      },
    },
  };
}
