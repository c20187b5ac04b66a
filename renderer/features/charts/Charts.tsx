import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { breakdownBars, shortLabel } from '../../../core/charts/breakdown-data.ts';
import { ChartCanvas, themeColors } from './ChartCanvas.tsx';
import { compactCount } from '../../../core/format.ts';
import { chartOptions } from './chart-options.ts';
import { chosenIndices } from '../../../core/charts/chosen.ts';
import { paybackLines } from '../../../core/charts/payback-data.ts';
import { costLatencyPoints } from '../../../core/charts/scatter-data.ts';
import { chartVolumeGrid, volumeCurves } from '../../../core/charts/volume-data.ts';
import { bandDatasets, bandFor } from '../uncertainty/band-datasets.ts';
import { useUncertainty } from '../uncertainty/uncertainty-store.ts';

const STACK_COLORS = [
  '#2857d8',
  '#7aa2f7',
  '#f2a541',
  '#0f8b8d',
  '#b48ead',
  '#34a853',
  '#9aa6b5',
  '#e67e22',
  '#8e44ad',
  '#c0392b',
];
/** What a shaded band is, said beside every chart that draws one. */
const BAND_NOTE = '; shaded: P10–P90 (P90 = not exceeded in 90 % of simulated futures)';

/** A candidate's label from the current results, for tooltips built before those results. */
function currentRowLabel(index: number): string {
  const evaluation = useResults.getState().evaluation;
  return evaluation?.ok ? evaluation.result.row(index).label : '';
}

/** The four charts: what the money pays for, cost vs volume, cost vs latency, payback. */
export function Charts() {
  const evaluation = useResults((s) => s.evaluation);
  const bands = useUncertainty(
    useShallow((s) => ({
      volumes: s.volumes,
      volume: s.volumeBands,
      payback: s.paybackBands,
    })),
  );
  const selected = useUi((s) => s.selected);
  const theme = useUi((s) => s.theme);
  // Options follow the theme only; data follows every evaluation.
  const options = useMemo(
    () => chartOptions(themeColors(), currentRowLabel),
    // The colours come from the stylesheet, which `theme` switches: a real input the linter cannot see.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [theme],
  );
  const configs = useMemo(() => {
    if (!evaluation?.ok) return null;
    const colors = themeColors();
    const kindColor = { api: colors.api, cloud: colors.cloud, onprem: colors.onprem };
    const chosen = chosenIndices(evaluation, selected);
    const palette = [colors.accent, colors.cloud, colors.onprem, colors.star];

    // 1. Cost breakdown: the chosen candidates plus the next cheapest, stacked by component.
    const barRows = [...new Set([...chosen, ...Array.from(evaluation.result.order.slice(0, 6))])]
      .filter((i) => evaluation.result.columns.feasible[i] === 1)
      .slice(0, 7)
      .map((i) => evaluation.result.row(i));
    const bars = breakdownBars(barRows, shortLabel);
    const breakdown: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: bars.labels,
        datasets: bars.datasets.map((d, k) => ({
          label: d.label,
          data: d.data,
          backgroundColor: STACK_COLORS[k % STACK_COLORS.length],
          stack: 'cost',
        })),
      },
      options: options.breakdown,
    };

    // 2. Cost vs monthly volume with the break-even points.
    const now = evaluation.context.rates.requestsPerMonth;
    const grid = chartVolumeGrid(now);
    const curves = volumeCurves(evaluation, chosen, grid);
    const volume: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        datasets: [
          ...curves.series.map((s, k) => ({
            label: shortLabel(evaluation.result.row(chosen[k] as number)),
            data: s.cost.map((y, j) => ({ x: curves.volumes[j] as number, y: y ?? Number.NaN })),
            borderColor: palette[k % palette.length],
            backgroundColor: palette[k % palette.length],
            pointRadius: 0,
            borderWidth: 2,
            stepped: s.kind !== 'api' ? ('before' as const) : false,
          })),
          // P10–P90 of the same line over the simulated futures, when ranges are given.
          ...curves.series.flatMap((s, k) => {
            const band = bandFor(bands.volume, s.id);
            if (band === undefined) return [];
            const name = shortLabel(evaluation.result.row(chosen[k] as number));
            return bandDatasets(
              band,
              palette[k % palette.length] as string,
              name,
              (j, y) => ({ x: bands.volumes[j] as number, y: y ?? Number.NaN }),
              s.kind !== 'api' ? 'before' : false,
            );
          }),
          {
            label: 'Break-even',
            data: curves.breakEvens.map((b) => ({ x: b.requestsPerMonth, y: b.costUsd })),
            showLine: false,
            pointRadius: 6,
            pointStyle: 'rectRot' as const,
            borderColor: colors.bad,
            backgroundColor: colors.bad,
          },
          {
            label: 'Today',
            data: [
              {
                x: now,
                y:
                  evaluation.result.recommended >= 0
                    ? (evaluation.result.columns.monthlyUsd[
                        evaluation.result.recommended
                      ] as number)
                    : 0,
              },
            ],
            showLine: false,
            pointRadius: 5,
            borderColor: colors.star,
            backgroundColor: colors.star,
          },
        ],
      },
      options: options.volume,
    };

    // 3. Cost vs latency with the Pareto frontier.
    const pts = costLatencyPoints(evaluation);
    const scatter: ChartConfiguration<'scatter'> = {
      type: 'scatter',
      data: {
        datasets: [
          ...(['api', 'cloud', 'onprem'] as const).map((k) => ({
            label: k === 'api' ? 'Hosted API' : k === 'cloud' ? 'Rented GPUs' : 'Owned GPUs',
            data: pts.byKind[k],
            backgroundColor: `${kindColor[k]}88`,
            borderColor: kindColor[k],
            pointRadius: 3,
          })),
          {
            showLine: true,
            label: 'Cost–latency frontier',
            data: pts.frontier,
            borderColor: colors.star,
            backgroundColor: colors.star,
            pointRadius: 4,
            borderWidth: 2,
            stepped: 'after' as const,
          },
          {
            label: 'Pareto (with quality)',
            data: pts.pareto,
            borderColor: colors.star,
            backgroundColor: 'transparent',
            pointRadius: 6,
            pointStyle: 'circle' as const,
            borderWidth: 1.5,
          },
        ],
      },
      options: options.scatter,
    };

    // 4. Payback: cumulative value − cost for the chosen candidates.
    const pay = paybackLines(evaluation, chosen);
    const payback: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: pay.months,
        datasets: [
          ...pay.lines.map((l, k) => ({
            label: `${shortLabel(evaluation.result.row(chosen[k] as number))}${l.paybackMonth ? ` (pays back month ${l.paybackMonth})` : ' (no payback)'}`,
            data: l.net,
            borderColor: palette[k % palette.length],
            backgroundColor: palette[k % palette.length],
            pointRadius: 0,
            borderWidth: 2,
          })),
          ...pay.lines.flatMap((l, k) => {
            const band = bandFor(bands.payback, l.id);
            if (band === undefined || band.p10.length !== l.net.length) return [];
            const name = shortLabel(evaluation.result.row(chosen[k] as number));
            return bandDatasets(band, palette[k % palette.length] as string, name, (_j, y) => y);
          }),
        ],
      },
      options: options.payback,
    };
    return {
      breakdown,
      volume,
      scatter,
      payback,
      omitted: pts.omitted,
      breakEvens: curves.breakEvens,
      chosen,
      banded: { volume: bands.volume.length > 0, payback: bands.payback.length > 0 },
    };
    // The colours come from the stylesheet, which `theme` switches: a real input the linter cannot see.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [evaluation, selected, theme, options, bands]);
  if (configs === null) return null;
  return (
    <div className="charts" data-testid="charts">
      <ChartCard
        title="Where the money goes"
        note="Monthly cost by component, cheapest and chosen candidates"
      >
        <ChartCanvas
          config={configs.breakdown}
          testId="chart-breakdown"
          label="Monthly cost breakdown"
        />
      </ChartCard>
      <ChartCard
        title="Cost vs monthly volume"
        banded={configs.banded.volume}
        note={
          configs.breakEvens.length > 0
            ? `Break-even at ${configs.breakEvens.map((b) => compactCount(b.requestsPerMonth)).join(', ')} requests/month${configs.banded.volume ? BAND_NOTE : ''}`
            : `No break-even in this range${configs.banded.volume ? BAND_NOTE : ''}`
        }
      >
        <ChartCanvas
          config={configs.volume}
          testId="chart-volume"
          label="Monthly cost against volume with break-even points"
        />
      </ChartCard>
      <ChartCard
        title="Cost vs latency"
        note={`Frontier in gold; rings mark the cost × latency × quality Pareto set${configs.omitted > 0 ? `; ${configs.omitted.toLocaleString('en-US')} costlier points not drawn` : ''}`}
      >
        <ChartCanvas
          config={configs.scatter}
          testId="chart-scatter"
          label="Monthly cost against end-to-end latency"
        />
      </ChartCard>
      <ChartCard
        title="Payback"
        note={`Cumulative value minus cost, setup included${configs.banded.payback ? BAND_NOTE : ''}`}
        banded={configs.banded.payback}
      >
        <ChartCanvas
          config={configs.payback}
          testId="chart-payback"
          label="Cumulative value minus cost by month"
        />
      </ChartCard>
    </div>
  );
}

function ChartCard(props: {
  title: string;
  note: string;
  children: React.ReactNode;
  /** Whether P10–P90 bands are drawn (a marker for tests and assistive tools). */
  banded?: boolean;
}) {
  return (
    <div
      className="card"
      data-banded={props.banded === undefined ? undefined : String(props.banded)}
    >
      <div className="card-head">
        <span className="card-title">{props.title}</span>
        <span className="chart-note">{props.note}</span>
      </div>
      <div className="chart-box">{props.children}</div>
    </div>
  );
}
