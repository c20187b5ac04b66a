import { describe, expect, it } from 'vitest';
import type { ChartData } from 'chart.js';
import { ownData, takeData } from '../../renderer/features/charts/chart-in-place.ts';

const step = (monthlyUsd: number[]): ChartData => ({
  labels: ['GPT-4o · OpenAI', 'Llama 3.1 70B · H100'],
  datasets: [
    { label: 'Input tokens', data: monthlyUsd, backgroundColor: '#2857d8', stack: 'cost' },
    { label: 'GPU hours', data: [0, 1_200], backgroundColor: '#7aa2f7', stack: 'cost' },
  ],
});

describe('a chart updated in place', () => {
  it('keeps each dataset object through a slider step and shows the step’s figures', () => {
    // chart.js keeps a dataset's controller and bars while the dataset object stays the same.
    const first = step([4_500, 0]);
    const own = ownData(first);
    const [input, gpu] = own.datasets;
    takeData(own, step([5_157, 0]));
    expect(own.datasets[0]).toBe(input);
    expect(own.datasets[1]).toBe(gpu);
    expect(own.datasets[0]!.data).toEqual([5_157, 0]);
    // The configuration the chart was first built from is not written to.
    expect(first.datasets[0]!.data).toEqual([4_500, 0]);
  });

  it('drops fields and datasets the new data no longer has, and adds new ones', () => {
    const own = ownData(step([4_500, 0]));
    takeData(own, {
      labels: ['GPT-4o · OpenAI'],
      datasets: [{ label: 'Input tokens', data: [4_500] }],
    });
    expect(own.datasets).toHaveLength(1);
    expect(own.datasets[0]).toEqual({ label: 'Input tokens', data: [4_500] });
    expect(own.labels).toEqual(['GPT-4o · OpenAI']);
    takeData(own, step([4_500, 0]));
    expect(own.datasets.map((d) => d.label)).toEqual(['Input tokens', 'GPU hours']);
    expect(own.datasets[1]!.stack).toBe('cost');
  });

  it('a chart without category labels has none after the update', () => {
    const own = ownData(step([1, 2]));
    takeData(own, { datasets: [{ label: 'Frontier', data: [{ x: 1, y: 2 }] }] });
    expect('labels' in own).toBe(false);
  });
});
