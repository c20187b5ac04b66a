import type { ChartConfiguration, ChartOptions, ChartType, LegendItem } from 'chart.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { placeInView, watchNearView, watchOnScreen } from '../../components/use-in-view.ts';
import { whenIdle } from '../../components/when-idle.ts';
import { useUi } from '../../stores/ui-store.ts';
import { ChartLegend } from './ChartLegend.tsx';
import {
  canvasLegendOptions,
  legendEntries,
  sameLegend,
  type LegendEntry,
} from './chart-legend.ts';
import { Chart, themeColors, type ThemeColors } from './chart-setup.ts';
import { ownData, takeData } from './chart-in-place.ts';

export type ChartLook = ThemeColors;

/** The look charts are drawn with, read again when the theme, text size or presenter mode change. */
export function useChartLook(): ChartLook {
  const theme = useUi((s) => s.theme);
  const largeText = useUi((s) => s.largeText);
  const presenter = useUi((s) => s.presenter);
  // The look comes from the stylesheet, which these switch: real inputs the linter cannot see.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => themeColors(), [theme, largeText, presenter]);
}

/**
 * What every chart inherits: text in the theme's colours at the look's size (axes, legends,
 * titles, tooltips), gridlines in the theme's line colour, tooltips on the theme's panel. Set
 * before each chart is built or updated (chart.js resolves its options on every update).
 */
function applyDefaults(look: ChartLook): void {
  Chart.defaults.font.size = look.fontPx;
  Chart.defaults.color = look.muted;
  Chart.defaults.borderColor = look.line;
  Chart.defaults.elements.point.radius = 3 * look.scale;
  Chart.defaults.elements.line.borderWidth = 2 * look.scale;
  const tooltip = Chart.defaults.plugins.tooltip;
  tooltip.backgroundColor = look.panel;
  tooltip.titleColor = look.text;
  tooltip.bodyColor = look.text;
  tooltip.borderColor = look.lineStrong;
  tooltip.borderWidth = 1;
  tooltip.titleFont = { size: look.fontPx, weight: 'bold' };
  tooltip.bodyFont = { size: look.fontPx };
  tooltip.padding = 6 * look.scale;
  Chart.defaults.plugins.legend.labels.color = look.text;
}

/**
 * The text a chart drew, as chart.js resolved it: the smallest type size and each colour of its
 * axes' ticks and titles and its legend. Written on the canvas for tests and checks (legible on
 * a projector, in both themes).
 */
function drawnText(chart: Chart): { minFontPx: number; colors: string[] } {
  const sizes: number[] = [];
  const colors = new Set<string>();
  const note = (font: unknown, color: unknown) => {
    const size = (font as { size?: unknown } | undefined)?.size;
    if (typeof size === 'number') sizes.push(size);
    if (typeof color === 'string') colors.add(color);
  };
  for (const scale of Object.values(chart.scales)) {
    const o = scale.options as {
      display?: unknown;
      ticks?: { display?: boolean; font?: unknown; color?: unknown };
      title?: { display?: boolean; font?: unknown; color?: unknown };
    };
    if (o.display === false) continue;
    if (o.ticks?.display !== false) note(o.ticks?.font, o.ticks?.color);
    if (o.title?.display) note(o.title.font, o.title.color);
  }
  const legend = (
    chart as unknown as {
      legend?: { options?: { display?: boolean; labels?: { font?: unknown; color?: unknown } } };
    }
  ).legend;
  if (legend?.options?.display !== false && legend?.options?.labels) {
    note(legend.options.labels.font, legend.options.labels.color);
  }
  return { minFontPx: sizes.length === 0 ? 0 : Math.min(...sizes), colors: [...colors] };
}

/**
 * How many of a category axis's labels chart.js drew, of how many ('3/6': every other bar
 * unnamed), or '' with no category axis. Written on the canvas for tests and checks.
 */
function categoryLabelsDrawn(chart: Chart): string {
  const scale = Object.values(chart.scales).find((s) => s.type === 'category');
  return scale === undefined ? '' : `${scale.ticks.length}/${chart.data.labels?.length ?? 0}`;
}

/** The redraws of charts out of sight, waiting for them to scroll in: by canvas. */
const heldDraws = new Map<HTMLCanvasElement, () => void>();

/** Writes a canvas attribute only when it changes (a write is a DOM mutation, redrawn or not). */
function setData(el: HTMLElement, key: string, value: string): void {
  if (el.dataset[key] !== value) el.dataset[key] = value;
}

/**
 * Brings every chart out of sight up to date now: for what reads a chart's canvas for the user
 * (saving it as an image), which must show the current results, not the ones it was left with.
 */
export function drawHeldCharts(): void {
  for (const draw of [...heldDraws.values()]) draw();
}

/** For charts whose legend is HTML: draws the canvas with chart.js's legend while `read` runs. */
const legendDrawers = new Map<HTMLCanvasElement, (read: () => void) => void>();

/**
 * Runs `read` (which reads the canvas's pixels) with the chart's legend drawn on the canvas, as a
 * saved image needs it; then draws the canvas as it was. All in one task: nothing is painted
 * between.
 */
export function withCanvasLegend(canvas: HTMLCanvasElement, read: () => void): void {
  const drawer = legendDrawers.get(canvas);
  if (drawer === undefined) read();
  else drawer(read);
}

/** The legend chart.js built on its last update (it builds one even when it draws none). */
function legendOf(chart: Chart): LegendEntry[] {
  return legendEntries(
    (chart as unknown as { legend?: { legendItems?: LegendItem[] } }).legend?.legendItems,
  );
}

/**
 * One canvas, one chart.js chart, created once and updated in place (no animation) when its
 * configuration changes. A chart on screen is redrawn within the frame; one just off screen (in
 * the margin it is redrawn ahead in) once the page is idle, so a slider step paints what is seen
 * first; one further away keeps its new data until it comes near. A new look is drawn at once,
 * seen or not. A chart that mounts out of sight is built when it comes near or when the page is
 * idle, whichever is first: the first screen does not wait for it.
 */
export function ChartCanvas<T extends ChartType>({
  config,
  testId,
  label,
  htmlLegend = false,
}: {
  config: ChartConfiguration<T>;
  testId: string;
  label: string;
  /**
   * The legend in HTML above the canvas instead of on it: chart.js measures and draws its own
   * legend's text on every update, a large share of a slider step's redraw.
   */
  htmlLegend?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const lastOptions = useRef<ChartOptions | undefined>(undefined);
  // The HTML legend's entries, and the datasets hidden from it by name: chart.js forgets a hidden
  // dataset when it is handed new data, so they are hidden again on every update.
  const [legend, setLegend] = useState<LegendEntry[]>([]);
  const hidden = useRef(new Set<string>());
  const look = useChartLook();
  const lastLook = useRef<ChartLook | null>(null);
  // Where the chart is: looked up when it mounts, then as the observers report.
  const near = useRef<boolean | null>(null);
  const onScreen = useRef(false);
  // A draw is waiting for the page to be idle.
  const idleQueued = useRef(false);
  useEffect(() => {
    const el = canvas.current;
    if (el === null) return;
    const draw = () => {
      heldDraws.delete(el);
      const plain = config as unknown as ChartConfiguration;
      const options = htmlLegend ? canvasLegendOptions(plain.options ?? {}, false) : plain.options;
      applyDefaults(look);
      if (
        chart.current === null ||
        // A new look (theme, text size) rebuilds the chart: its fonts and layout start afresh.
        lastLook.current !== look ||
        // Through unknown: asserting chart.js's config union to ChartConfiguration directly makes
        // the type checker compare the two structurally, which costs it seconds.
        (chart.current.config as unknown as { type?: ChartType }).type !== plain.type
      ) {
        chart.current?.destroy();
        chart.current = new Chart<ChartType>(el, { ...plain, data: ownData(plain.data), options });
        if (hidden.current.size > 0) {
          showNamed(chart.current, hidden.current);
          chart.current.update('none');
        }
      } else {
        takeData(chart.current.data, plain.data);
        // New options make chart.js re-resolve all of them: only hand them over when they changed.
        if (plain.options !== lastOptions.current) chart.current.options = options ?? {};
        showNamed(chart.current, hidden.current);
        chart.current.update('none');
      }
      lastOptions.current = plain.options;
      lastLook.current = look;
      if (htmlLegend) {
        const entries = legendOf(chart.current);
        setLegend((shown) => (sameLegend(shown, entries) ? shown : entries));
      }
      const text = drawnText(chart.current);
      setData(el, 'fontPx', String(text.minFontPx));
      setData(el, 'textColors', text.colors.join(' '));
      setData(el, 'categoryLabels', categoryLabelsDrawn(chart.current));
      el.dataset.version = String(Number(el.dataset.version ?? '0') + 1);
    };
    if (near.current === null) {
      // Read once, at mount, while the first frame's layout is being made anyway.
      const place = placeInView(el);
      near.current = place !== 'away';
      onScreen.current = place === 'on-screen';
    }
    const built = chart.current !== null;
    if (built ? onScreen.current || lastLook.current !== look : near.current) {
      draw();
      return;
    }
    heldDraws.set(el, draw);
    // Built when idle wherever it is; once built, redrawn when idle only near the screen.
    if ((!built || near.current) && !idleQueued.current) {
      idleQueued.current = true;
      whenIdle(() => {
        idleQueued.current = false;
        if (chart.current === null || near.current) heldDraws.get(el)?.();
      });
    }
  }, [config, look, htmlLegend]);
  useEffect(() => {
    const el = canvas.current;
    if (el === null || !htmlLegend) return;
    legendDrawers.set(el, (read) => {
      const drawn = chart.current;
      if (drawn === null) return read();
      const options = lastOptions.current ?? {};
      drawn.options = canvasLegendOptions(options, true);
      drawn.update('none');
      try {
        read();
      } finally {
        drawn.options = canvasLegendOptions(options, false);
        drawn.update('none');
      }
    });
    return () => {
      legendDrawers.delete(el);
    };
  }, [htmlLegend]);
  useEffect(() => {
    const el = canvas.current;
    if (el === null) return;
    const stopNear = watchNearView(el, (seen) => {
      near.current = seen;
      if (seen) heldDraws.get(el)?.();
    });
    const stopOnScreen = watchOnScreen(el, (seen) => {
      onScreen.current = seen;
      if (seen) heldDraws.get(el)?.();
    });
    return () => {
      stopNear();
      stopOnScreen();
      heldDraws.delete(el);
    };
  }, []);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
  const drawing = <canvas ref={canvas} data-testid={testId} role="img" aria-label={label} />;
  if (!htmlLegend) return drawing;
  const toggle = (entry: LegendEntry) => {
    const drawn = chart.current;
    if (drawn === null) return;
    if (!hidden.current.delete(entry.label)) hidden.current.add(entry.label);
    drawn.setDatasetVisibility(entry.datasetIndex, !hidden.current.has(entry.label));
    drawn.update('none');
    setLegend(legendOf(drawn));
  };
  return (
    <div className="chart-with-legend">
      <ChartLegend entries={legend} look={look} testId={`${testId}-legend`} onToggle={toggle} />
      <div className="chart-plot">{drawing}</div>
    </div>
  );
}

/**
 * Shows every dataset but those named in `hidden`. The chart keeps its datasets from update to
 * update, and with them what was hidden at each position: a position can name another dataset now.
 */
function showNamed(chart: Chart, hidden: ReadonlySet<string>): void {
  chart.data.datasets.forEach((d, k) => {
    chart.setDatasetVisibility(k, d.label === undefined || !hidden.has(d.label));
  });
}
