import { useMemo } from 'react';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { ChartCanvas, useChartLook } from './ChartCanvas.tsx';
import { objectiveTitle } from '../../../core/decision/objective.ts';
import { formatNumber, objectiveMoney } from '../../../core/format.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { BreakEvenChart } from './BreakEvenChart.tsx';
import { categoryBoxStyle, chartOptions } from './chart-options.ts';
import { appPalette, breakdownConfig, paybackConfig, scatterConfig } from './chart-configs.ts';
import {
  breakdownChart,
  paybackChart,
  type PaybackChart,
} from '../../../core/charts/chart-data.ts';
import { hasRequestValue } from '../../../core/roi/value.ts';
import { chosenIndices } from '../../../core/charts/chosen.ts';
import { costLatencyPoints } from '../../../core/charts/scatter-data.ts';
import { BAND_NOTE } from '../uncertainty/band-datasets.ts';
import { useUncertainty } from '../uncertainty/uncertainty-store.ts';
import { SavePngButton } from './SavePngButton.tsx';

/** No payback lines: without a value per request no candidate has a payback (its ROI is unset). */
const NO_PAYBACK: PaybackChart = { lines: { months: [], lines: [] }, names: [], bands: [] };

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
    const palette = appPalette(colors);
    const chosen = chosenIndices(evaluation, selected);
    // 1. Cost breakdown: the chosen candidates plus the next cheapest, stacked by component.
    const breakdown = breakdownConfig(
      breakdownChart(evaluation, chosen),
      options.breakdown,
      palette,
    );
    // 3. Cost vs latency with the Pareto frontier.
    const pts = costLatencyPoints(evaluation);
    const scatter = scatterConfig(pts, options.scatter, colors);
    // 4. Payback: cumulative value − cost for the chosen candidates (P10–P90 when simulated),
    // each worked out again month by month: not at every slider step when there is none to draw.
    const pay = hasRequestValue(evaluation.context.value)
      ? paybackChart(evaluation, chosen, { volumes: [], volume: [], payback: paybackBands })
      : NO_PAYBACK;
    const payback = paybackConfig(pay, options.payback, palette);
    return {
      breakdown,
      scatter,
      payback,
      pts,
      chosen,
      hasValue: pay.lines.lines.length > 0,
      paybackBanded: paybackBands.length > 0,
    };
  }, [evaluation, selected, look, options, paybackBands]);
  if (configs === null) return null;
  return (
    <div className="charts" data-testid="charts">
      <ChartCard
        title="Where the money goes"
        note="Monthly cost by component: the best-ranked and the rows picked in the table"
        // Up to seven bars with two-line labels: the box grows so none is skipped or squeezed;
        // the HTML legend (up to three rows) and the cost axis take about nine lines of type.
        boxStyle={categoryBoxStyle(configs.breakdown.data.labels ?? [], look.fontPx, 9)}
      >
        <ChartCanvas
          config={configs.breakdown}
          testId="chart-breakdown"
          label="Monthly cost breakdown"
          htmlLegend
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
          htmlLegend
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
  /** The chart box's style: the least height its chart needs (`categoryBoxStyle`). */
  boxStyle?: React.CSSProperties;
}) {
  return (
    <div
      className="card"
      data-banded={props.banded === undefined ? undefined : String(props.banded)}
    >
      <div className="card-head">
        <span className="card-title">{props.title}</span>
        <span className="chart-note">{props.note}</span>
        <SavePngButton />
      </div>
      <div className="chart-box" style={props.boxStyle}>
        {props.children}
      </div>
    </div>
  );
}
