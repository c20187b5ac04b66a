import type { ChartConfiguration, ChartType } from 'chart.js';
import { useEffect, useMemo, useRef } from 'react';
import { watchNearView } from '../../components/use-in-view.ts';
import { useUi } from '../../stores/ui-store.ts';
import { Chart, themeColors, type ThemeColors } from './chart-setup.ts';

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

/** The redraws of charts out of sight, waiting for them to scroll in: by canvas. */
const heldDraws = new Map<HTMLCanvasElement, () => void>();

/**
 * Brings every chart out of sight up to date now: for what reads a chart's canvas for the user
 * (saving it as an image), which must show the current results, not the ones it was left with.
 */
export function drawHeldCharts(): void {
  for (const draw of [...heldDraws.values()]) draw();
}

/**
 * One canvas, one chart.js chart, created once and updated in place (no animation) when its
 * configuration changes: redraws stay within a frame. A chart scrolled out of view keeps its new
 * data until it comes back (a slider step then redraws only what can be seen); a new look is
 * drawn at once, seen or not.
 */
export function ChartCanvas<T extends ChartType>({
  config,
  testId,
  label,
}: {
  config: ChartConfiguration<T>;
  testId: string;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const lastOptions = useRef<unknown>(null);
  const look = useChartLook();
  const lastLook = useRef<ChartLook | null>(null);
  // Until the observer says otherwise the chart counts as seen.
  const inView = useRef(true);
  useEffect(() => {
    const el = canvas.current;
    if (el === null) return;
    const draw = () => {
      heldDraws.delete(el);
      const plain = config as unknown as ChartConfiguration;
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
        chart.current = new Chart<ChartType>(el, plain);
      } else {
        chart.current.data = plain.data;
        // New options make chart.js re-resolve all of them: only hand them over when they changed.
        if (plain.options !== lastOptions.current) chart.current.options = plain.options ?? {};
        chart.current.update('none');
      }
      lastOptions.current = plain.options;
      lastLook.current = look;
      const text = drawnText(chart.current);
      el.dataset.fontPx = String(text.minFontPx);
      el.dataset.textColors = text.colors.join(' ');
      el.dataset.version = String(Number(el.dataset.version ?? '0') + 1);
    };
    if (inView.current || chart.current === null || lastLook.current !== look) draw();
    else heldDraws.set(el, draw);
  }, [config, look]);
  useEffect(() => {
    const el = canvas.current;
    if (el === null) return;
    const stop = watchNearView(el, (seen) => {
      inView.current = seen;
      if (seen) heldDraws.get(el)?.();
    });
    return () => {
      stop();
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
  return <canvas ref={canvas} data-testid={testId} role="img" aria-label={label} />;
}
