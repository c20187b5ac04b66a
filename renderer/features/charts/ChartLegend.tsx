import type { ChartLook } from './ChartCanvas.tsx';
import type { LegendEntry } from './chart-legend.ts';

/**
 * A chart's legend in HTML, as chart.js draws its own: a swatch in the dataset's colours and its
 * name, centred above the plot, in the theme's text colour at the charts' type size; a click hides
 * or shows the dataset (struck through while hidden). Laid out by the page once, not measured and
 * drawn again on the canvas at every slider step.
 */
export function ChartLegend({
  entries,
  look,
  testId,
  onToggle,
}: {
  entries: readonly LegendEntry[];
  look: ChartLook;
  testId: string;
  onToggle: (entry: LegendEntry) => void;
}) {
  return (
    <ul
      className="chart-legend"
      data-testid={testId}
      style={{ fontSize: `${look.fontPx}px`, color: look.text }}
    >
      {entries.map((e) => (
        <li key={e.datasetIndex}>
          <button
            type="button"
            aria-pressed={!e.hidden}
            title={e.hidden ? 'Show on the chart' : 'Hide from the chart'}
            onClick={() => onToggle(e)}
          >
            <span
              className="chart-legend-box"
              style={{
                // chart.js's box: 12 px wide at 12 px text, as tall as the text.
                width: `${12 * look.scale}px`,
                height: `${look.fontPx}px`,
                background: e.fill,
                border: `${e.strokePx}px solid ${e.stroke}`,
              }}
            />
            {e.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
