import type { ChartConfiguration } from 'chart.js';
import type { ReportChart } from '../../../core/report/report-model.ts';
import {
  CHART_WIDTH_PX,
  REPORT_LABEL_CHARS,
  chartHeightPx,
} from '../../../core/report/render-html.ts';
import { formatUsd, objectiveMoney } from '../../../core/format.ts';
import {
  breakdownConfig,
  breakEvenConfig,
  paybackConfig,
  spendConfig,
  tornadoConfig,
  type ChartPalette,
} from '../charts/chart-configs.ts';
import { breakEvenOptions, chartOptions, spendOptions } from '../charts/chart-options.ts';
import { Chart, type ThemeColors } from '../charts/chart-setup.ts';

/** Print colours: dark on white, lines apart by lightness as well as hue. */
const PRINT_COLORS: ThemeColors = {
  text: '#111111',
  muted: '#333333',
  line: '#d0d0d0',
  lineStrong: '#888888',
  panel: '#ffffff',
  api: '#1f3b8f',
  cloud: '#c45a00',
  onprem: '#555555',
  route: '#7b3294',
  accent: '#1f3b8f',
  good: '#2a7a2a',
  bad: '#b3261e',
  star: '#e0a000',
  // Printed at chart.js's own size: the report's charts are images the page scales.
  fontPx: 12,
  scale: 1,
};

/**
 * The report's palette: lines told apart by dash as well as colour, and stacked components that
 * alternate dark and light, so a greyscale print still separates them.
 */
export const PRINT_PALETTE: ChartPalette = {
  colors: PRINT_COLORS,
  lines: ['#1f3b8f', '#c45a00', '#555555', '#8a6d00'],
  stack: [
    '#08306b',
    '#fdae6b',
    '#4292c6',
    '#525252',
    '#c6dbef',
    '#e6550d',
    '#969696',
    '#2171b5',
    '#fdd0a2',
    '#252525',
    // Enough for every cost component at once (17), still alternating dark and light.
    '#9ecae1',
    '#7f2704',
    '#d9d9d9',
    '#00441b',
    '#fee6ce',
    '#3f007d',
    '#a1d99b',
  ],
  dashes: [[], [8, 4], [2, 3], [12, 3, 3, 3]],
};

/** A report chart's chart.js configuration: the app's, in print colours, at a fixed size. */
export function reportChartConfig(chart: ReportChart): ChartConfiguration {
  const options = chartOptions(PRINT_COLORS, () => '', { title: '', money: formatUsd });
  // A printed chart has a fixed size and twice the pixels, so it stays sharp on paper.
  const fixed = { responsive: false, maintainAspectRatio: false, devicePixelRatio: 2 };
  switch (chart.type) {
    case 'breakdown':
      return breakdownConfig(
        chart.data,
        { ...options.breakdown, ...fixed },
        PRINT_PALETTE,
        REPORT_LABEL_CHARS,
      ) as ChartConfiguration;
    case 'break-even': {
      const data = chart.data.chart;
      const axis = {
        title: data.yTitle,
        money: (usd: number) => objectiveMoney(data.objective, usd),
      };
      const lineOptions = { ...breakEvenOptions(PRINT_COLORS, axis, data.logY), ...fixed };
      return breakEvenConfig(chart.data, lineOptions, PRINT_PALETTE) as ChartConfiguration;
    }
    case 'payback':
      return paybackConfig(
        chart.data,
        { ...options.payback, ...fixed },
        PRINT_PALETTE,
      ) as ChartConfiguration;
    case 'spend':
      return spendConfig(
        chart.data,
        { ...spendOptions(PRINT_COLORS, chart.data), ...fixed },
        PRINT_PALETTE,
      ) as ChartConfiguration;
    case 'tornado': {
      const config = tornadoConfig(chart.data, PRINT_COLORS, REPORT_LABEL_CHARS);
      return {
        ...config,
        options: { ...config.options, ...fixed },
      } as unknown as ChartConfiguration;
    }
  }
}

/** Draws each `canvas[data-chart]` under `root` from the charts' data; returns the charts drawn. */
export function drawReportCharts(
  root: ParentNode,
  charts: Readonly<Record<string, ReportChart>>,
): Chart[] {
  const drawn: Chart[] = [];
  for (const canvas of Array.from(root.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]'))) {
    const chart = charts[canvas.dataset.chart ?? ''];
    if (chart === undefined) continue;
    canvas.width = CHART_WIDTH_PX;
    canvas.height = chartHeightPx(chart);
    drawn.push(new Chart(canvas, reportChartConfig(chart)));
  }
  return drawn;
}

/**
 * Draws each chart on a canvas out of sight and returns PNG data URLs by id: the app embeds them
 * in the report it prints and saves.
 */
export function chartImages(charts: Readonly<Record<string, ReportChart>>): Record<string, string> {
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:800px;pointer-events:none';
  document.body.append(host);
  const out: Record<string, string> = {};
  try {
    for (const id of Object.keys(charts)) {
      const canvas = document.createElement('canvas');
      canvas.dataset.chart = id;
      host.append(canvas);
    }
    for (const c of drawReportCharts(host, charts)) {
      const id = (c.canvas as HTMLCanvasElement).dataset.chart ?? '';
      out[id] = c.toBase64Image('image/png', 1);
      c.destroy();
    }
  } finally {
    host.remove();
  }
  return out;
}
