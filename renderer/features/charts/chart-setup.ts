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

/** The colours a chart is drawn in. */
export interface ThemeColors {
  text: string;
  muted: string;
  line: string;
  api: string;
  cloud: string;
  onprem: string;
  accent: string;
  good: string;
  bad: string;
  star: string;
}

/** The theme's colours, read from the stylesheet so charts follow light and dark. */
export function themeColors(): ThemeColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    muted: v('--muted'),
    line: v('--line'),
    api: v('--api'),
    cloud: v('--cloud'),
    onprem: v('--onprem'),
    accent: v('--accent'),
    good: v('--good'),
    bad: v('--bad'),
    star: v('--star'),
  };
}
