import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { barLabel, breakdownBars, breakdownChart, shortLabel } from './breakdown-data.ts';
import { ChartCanvas, useChartLook } from './ChartCanvas.tsx';
import { objectiveTitle } from '../../../core/decision/objective.ts';
import { formatNumber } from '../../../core/format.ts';
import { objectiveMoney } from '../../../core/report/why-report.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { BreakEvenChart } from './BreakEvenChart.tsx';
import { chartOptions } from './chart-options.ts';
import { chosenIndices } from './chosen.ts';
import { paybackLines } from './payback-data.ts';
import { costLatencyPoints } from './scatter-data.ts';
import { BAND_NOTE, bandDatasets, bandFor } from '../uncertainty/band-datasets.ts';
import { useUncertainty } from '../uncertainty/uncertainty-store.ts';

/** A candidate's label from the current results, for tooltips built before those results. */
function currentRowLabel(index: number): string {
  const evaluation = useResults.getState().evaluation;
  return evaluation?.ok ? evaluation.result.row(index).label : '';
}

/** The four charts: what the money pays for, break-even against volume, cost vs latency, payback. */
export function Charts() {
  const evaluation = useResults((s) => s.evaluation);
  const paybackBands = useUncertainty((s) => s.paybackBands);
  const selected = useUi((s) => s.selected);
  const look = useChartLook();
  const objective = useWorkspace((s) => s.scenario.objective);
  const horizonMonths = useWorkspace((s) => s.scenario.value.horizonMonths);
  // Options follow the theme and the objective's name only; data follows every evaluation.
  const options = useMemo(
    () =>
      chartOptions(look, currentRowLabel, {
        title:
          objective === 'npv'
            ? objectiveTitle('tco', horizonMonths)
            : objectiveTitle(objective, horizonMonths),
        money: (usd) => objectiveMoney(objective, usd),
      }),
    [look, objective, horizonMonths],
  );
  const configs = useMemo(() => {
    if (!evaluation?.ok) return null;
    const colors = look;
    const px = (n: number) => n * look.scale;
    const name = (i: number) => shortLabel(evaluation.result.row(i), evaluation.index);
    const kindColor = { api: colors.api, cloud: colors.cloud, onprem: colors.onprem };
    const chosen = chosenIndices(evaluation, selected);
    const palette = [colors.accent, colors.cloud, colors.onprem, colors.star];

    // 1. Cost breakdown: the chosen candidates plus the next cheapest, stacked by component.
    const barRows = [...new Set([...chosen, ...Array.from(evaluation.result.order.slice(0, 6))])]
      .filter((i) => evaluation.result.columns.feasible[i] === 1)
      .slice(0, 7)
      .map((i) => evaluation.result.row(i));
    const bars = breakdownBars(barRows, (r) => barLabel(r, evaluation.index));
    const breakdown = breakdownChart(bars, options.breakdown);

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
            pointRadius: px(3),
          })),
          {
            showLine: true,
            label: 'Cost–latency frontier',
            data: pts.frontier,
            borderColor: colors.star,
            backgroundColor: colors.star,
            pointRadius: px(4),
            borderWidth: px(2),
            stepped: 'after' as const,
          },
          {
            label: 'Pareto (with quality)',
            data: pts.pareto,
            borderColor: colors.star,
            backgroundColor: 'transparent',
            pointRadius: px(6),
            pointStyle: 'circle' as const,
            borderWidth: px(1.5),
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
            label: `${name(chosen[k] as number)}${l.paybackMonth ? `: pays back month ${l.paybackMonth}` : ': no payback'}`,
            data: l.net,
            borderColor: palette[k % palette.length],
            backgroundColor: palette[k % palette.length],
            pointRadius: 0,
            borderWidth: px(2),
          })),
          // P10–P90 of the same line over the simulated futures, when ranges are given.
          ...pay.lines.flatMap((l, k) => {
            const band = bandFor(paybackBands, l.id);
            if (band === undefined || band.p10.length !== l.net.length) return [];
            return bandDatasets(
              band,
              palette[k % palette.length] as string,
              name(chosen[k] as number),
              (_j, y) => y,
            );
          }),
        ],
      },
      options: options.payback,
    };
    return {
      breakdown,
      scatter,
      payback,
      pts,
      chosen,
      hasValue: pay.lines.length > 0,
      paybackBanded: paybackBands.length > 0,
    };
  }, [evaluation, selected, look, options, paybackBands]);
  if (configs === null) return null;
  return (
    <div className="charts" data-testid="charts">
      <ChartCard
        title="Where the money goes"
        note="Monthly cost by component: the best-ranked and the rows picked in the table"
      >
        <ChartCanvas
          config={configs.breakdown}
          testId="chart-breakdown"
          label="Monthly cost breakdown"
        />
      </ChartCard>
      <BreakEvenChart />
      <ChartCard
        title="Cost vs latency"
        note={scatterNote(configs.pts.omitted, configs.pts.unknownLatency)}
      >
        <ChartCanvas
          config={configs.scatter}
          testId="chart-scatter"
          label="Cost under the objective against end-to-end latency"
        />
      </ChartCard>
      <ChartCard
        title="Payback"
        note={`Cumulative value minus cost, setup included${configs.paybackBanded ? BAND_NOTE : ''}`}
        banded={configs.paybackBanded}
      >
        {configs.hasValue ? (
          <ChartCanvas
            config={configs.payback}
            testId="chart-payback"
            label="Cumulative value minus cost by month"
          />
        ) : (
          <div className="chart-empty" data-testid="payback-unset">
            Set a value per request (Value panel) to see when each choice pays back.
          </div>
        )}
      </ChartCard>
    </div>
  );
}

/** What the latency chart leaves out, said: costlier points, and feasible ones with no latency. */
function scatterNote(omitted: number, unknownLatency: number): string {
  const parts = ['Frontier in gold; rings mark the cost × latency × quality Pareto set'];
  if (omitted > 0) parts.push(`${formatNumber(omitted)} costlier points not drawn`);
  if (unknownLatency > 0) {
    parts.push(
      `${formatNumber(unknownLatency)} feasible with unknown latency not drawn (no figure)`,
    );
  }
  return parts.join('; ');
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
