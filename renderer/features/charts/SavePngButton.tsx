import { exporting } from '../../app/later-parts.ts';

/** Saves the chart of the card it sits in as a PNG (chart.js draws on canvas: no SVG). */
export function SavePngButton() {
  return (
    <button
      type="button"
      className="btn small chart-save"
      title="Save this chart as a PNG image (chart.js draws on canvas: no SVG)"
      onClick={(e) => {
        const canvas = e.currentTarget.closest('.card')?.querySelector('canvas');
        if (canvas) exporting((x) => x.saveChartPng(canvas, canvas.dataset.testid ?? 'chart'));
      }}
    >
      PNG
    </button>
  );
}
