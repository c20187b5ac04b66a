import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

/**
 * chart.js with the parts the app's charts use, no animation: registered once by whoever draws a
 * chart first (the app's canvases, the decision report's page).
 */
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
);
Chart.defaults.animation = false;
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;

export { Chart };

/**
 * The theme's colours and the text size a chart is drawn with: `fontPx` is the charts' type size
 * (≥ 18 on a projector), `scale` how much points and lines grow with it (1 at chart.js's 12 px).
 */
export interface ThemeColors {
  text: string;
  muted: string;
  line: string;
  lineStrong: string;
  panel: string;
  api: string;
  cloud: string;
  onprem: string;
  route: string;
  accent: string;
  good: string;
  bad: string;
  star: string;
  fontPx: number;
  scale: number;
}

/** Read from the stylesheet, so charts follow light and dark, larger text and presenter mode. */
export function themeColors(): ThemeColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  const fontPx = parseFloat(v('--chart-font')) || 12;
  return {
    text: v('--text'),
    muted: v('--muted'),
    line: v('--line'),
    lineStrong: v('--line-strong'),
    panel: v('--panel'),
    api: v('--api'),
    cloud: v('--cloud'),
    onprem: v('--onprem'),
    route: v('--route'),
    accent: v('--accent'),
    good: v('--good'),
    bad: v('--bad'),
    star: v('--star'),
    fontPx,
    scale: fontPx / 12,
  };
}
