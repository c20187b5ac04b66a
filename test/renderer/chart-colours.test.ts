import { describe, expect, it } from 'vitest';
import { BREAKDOWN_KEYS, BREAKDOWN_LABELS } from '../../core/sweep/types.ts';
import { appPalette, breakdownConfig } from '../../renderer/features/charts/chart-configs.ts';
import type { ThemeColors } from '../../renderer/features/charts/chart-setup.ts';
import { PRINT_PALETTE } from '../../renderer/features/reports/report-charts.ts';

describe('cost breakdown colours', () => {
  it('never give two cost components one colour, in the app or in print', () => {
    // Every component at once (17): the palettes used to hold 10, so the 11th took the 1st's
    // colour (input tokens and egress both navy in a report's legend).
    const bars = {
      labels: ['a'],
      datasets: BREAKDOWN_KEYS.map((key) => ({ key, label: BREAKDOWN_LABELS[key], data: [1] })),
    };
    const app = appPalette({} as ThemeColors);
    for (const palette of [app, PRINT_PALETTE]) {
      const colours = breakdownConfig(bars, {}, palette).data.datasets.map(
        (d) => d.backgroundColor,
      );
      expect(colours).toHaveLength(BREAKDOWN_KEYS.length);
      expect(new Set(colours).size).toBe(BREAKDOWN_KEYS.length);
    }
  });
});
