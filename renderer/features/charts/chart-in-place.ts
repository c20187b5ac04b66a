import type { ChartData } from 'chart.js';

/**
 * A chart's data in objects of its own: the chart is updated by writing into them (`takeData`),
 * never into the configuration it was first built from.
 */
export function ownData(data: ChartData): ChartData {
  return { ...data, datasets: data.datasets.map((d) => ({ ...d })) };
}

/**
 * Writes `next` into the chart's own data: each dataset stays the same object, with `next`'s
 * fields. chart.js keeps a dataset's controller, elements and stacks while its object stays the
 * same; handed new objects, it builds them all again (a slider step's redraw allocated them all).
 */
export function takeData(own: ChartData, next: ChartData): void {
  if ('labels' in next) own.labels = next.labels;
  else delete own.labels;
  next.datasets.forEach((dataset, k) => {
    const mine = own.datasets[k] as Record<string, unknown> | undefined;
    if (mine === undefined) {
      own.datasets.push({ ...dataset });
      return;
    }
    for (const key of Object.keys(mine)) if (!(key in dataset)) delete mine[key];
    Object.assign(mine, dataset);
  });
  own.datasets.length = next.datasets.length;
}
