import type { ChartConfiguration, ChartType } from 'chart.js';
import { useEffect, useRef } from 'react';
import { Chart } from './chart-setup.ts';

/**
 * One canvas, one chart.js chart, created once and updated in place (no animation) when its
 * configuration changes: redraws stay within a frame.
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
  useEffect(() => {
    if (canvas.current === null) return;
    const plain = config as unknown as ChartConfiguration;
    if (
      chart.current === null ||
      // Through unknown: asserting chart.js's config union to ChartConfiguration directly makes the
      // type checker compare the two structurally, which costs it seconds.
      (chart.current.config as unknown as { type?: ChartType }).type !== plain.type
    ) {
      chart.current?.destroy();
      chart.current = new Chart<ChartType>(canvas.current, plain);
    } else {
      chart.current.data = plain.data;
      // New options make chart.js re-resolve all of them: only hand them over when they changed.
      if (plain.options !== lastOptions.current) chart.current.options = plain.options ?? {};
      chart.current.update('none');
    }
    lastOptions.current = plain.options;
    canvas.current.dataset.version = String(Number(canvas.current.dataset.version ?? '0') + 1);
  }, [config]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
  return <canvas ref={canvas} data-testid={testId} role="img" aria-label={label} />;
}
