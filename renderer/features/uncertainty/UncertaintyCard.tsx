import { useMemo } from 'react';
import { objectiveLabel } from '../../../core/decision/objective.ts';
import { formatPct, formatUsd } from '../../../core/format.ts';
import {
  formatPercentiles,
  PERCENTILE_CONVENTION,
  simulationNote,
} from '../../../core/report/uncertainty-report.ts';
import type { UncertaintyResult } from '../../../core/uncertainty/simulate.ts';
import type { Tornado } from '../../../core/uncertainty/tornado.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { ChartCanvas, useChartLook, type ChartLook } from '../charts/ChartCanvas.tsx';
import { tornadoConfig } from '../charts/chart-configs.ts';
import { categoryBoxStyle } from '../charts/chart-options.ts';
import { tornadoBars } from '../../../core/charts/tornado-data.ts';
import { WholeWords } from '../../components/WholeWords.tsx';
import { useUncertainty } from './uncertainty-store.ts';

/** Rows of the win table: the ten best by the point estimate, and any other that ever wins. */
function tableRows(result: UncertaintyResult) {
  return result.candidates.filter((c, k) => k < 10 || c.uncertainty.winProbability > 0);
}

/** A tornado's lines of type besides its bars: the legend, the USD axis and its title. */
const TORNADO_LINES = 6;

function tornadoChart(t: Tornado, result: UncertaintyResult, look: ChartLook) {
  const bars = tornadoBars(t, result.ranges);
  return bars === null ? null : tornadoConfig(bars, look);
}

/** The tornado's numbers as a table: read by screen readers (and tests) instead of the canvas. */
function TornadoTable({ tornado, testId }: { tornado: Tornado; testId: string }) {
  return (
    <table className="sr-only" data-testid={testId}>
      <thead>
        <tr>
          <th>Input</th>
          <th>At its low</th>
          <th>At its high</th>
          <th>Swing</th>
        </tr>
      </thead>
      <tbody>
        {tornado.bars.map((b) => (
          <tr key={b.input} data-input={b.input}>
            <td>{b.label}</td>
            <td>{formatUsd(b.lowUsd)}</td>
            <td>{formatUsd(b.highUsd)}</td>
            <td>{b.swingUsd === null ? 'not costed at one end' : formatUsd(b.swingUsd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Progress({ share }: { share: number }) {
  const pct = Math.round(share * 100);
  return (
    <span className="sim-progress" data-testid="uncertainty-progress">
      <span
        className="bar"
        role="progressbar"
        aria-label="Simulating futures"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span style={{ width: `${pct}%` }} />
      </span>
      Simulating… {pct}%
    </span>
  );
}

/**
 * How sure the answer is: the chance each choice comes out best over the simulated futures, its
 * P10–P50–P90, the robust pick, and the inputs that move the recommendation and its lead most.
 */
export function UncertaintyCard() {
  const status = useUncertainty((s) => s.status);
  const progress = useUncertainty((s) => s.progress);
  const result = useUncertainty((s) => s.result);
  const error = useUncertainty((s) => s.error);
  const current = useUncertainty((s) => s.current);
  const where = useUncertainty((s) => s.where);
  const horizon = useWorkspace((s) => s.scenario.value.horizonMonths);
  const look = useChartLook();
  const charts = useMemo(
    () =>
      result === null
        ? null
        : {
            tornado: result.tornado && tornadoChart(result.tornado, result, look),
            gap: result.gapTornado && tornadoChart(result.gapTornado, result, look),
          },
    [result, look],
  );
  if (status === 'off') {
    return (
      <div className="card card-body muted" data-testid="uncertainty-off">
        Every input is a single number. Give ranges (the Ranges tab) to see how sure the pick is,
        P10–P90 bands and which input matters most.
      </div>
    );
  }
  const label = result ? objectiveLabel(result.objective, horizon) : '';
  const nameOf = (id: string | null | undefined) =>
    result?.candidates.find((c) => c.id === id)?.label ?? id ?? '';
  return (
    <div
      className="card"
      data-testid="uncertainty"
      data-state={status}
      data-current={current ? 'yes' : 'no'}
      data-where={where ?? undefined}
    >
      <div className="card-head">
        <span className="card-title">How sure is the pick?</span>
        {status === 'running' && <Progress share={progress} />}
        {status === 'error' && (
          <span className="reason" role="alert">
            {error}
          </span>
        )}
        <span className="spacer" />
        <span className="chart-note">{PERCENTILE_CONVENTION}</span>
      </div>
      {result !== null && (
        <div className={`card-body uncertainty-body${current ? '' : ' following'}`}>
          <p className="muted">{simulationNote(result)}</p>
          {result.recommendBy === 'robust' && (
            <p data-testid="robust-recommended">
              Recommended (robust: lowest P90 {horizon}-month cost):{' '}
              <strong>{nameOf(result.recommendedId)}</strong>
            </p>
          )}
          <div className="table-scroll">
            <table className="win-table" data-testid="win-table">
              <thead>
                <tr>
                  <th>Candidate</th>
                  <th className="num chance">Chance best ({label})</th>
                  <th className="num">{horizon}-month cost P10 – P50 – P90</th>
                  <th className="num">Monthly P10 – P90</th>
                  <th className="num">NPV P10 – P90</th>
                  <th className="num">Feasible</th>
                </tr>
              </thead>
              <tbody>
                {tableRows(result).map((c) => {
                  const u = c.uncertainty;
                  return (
                    <tr key={c.id} data-row-key={c.id}>
                      <td className="candidate">
                        <span className={`badge ${c.kind}`}>
                          {c.kind === 'api' ? 'API' : c.kind === 'cloud' ? 'Cloud' : 'Owned'}
                        </span>{' '}
                        <WholeWords text={c.label} />
                        {c.id === result.robust?.id && (
                          <span className="robust-tag" title="Lowest P90 horizon cost">
                            {' '}
                            robust
                          </span>
                        )}
                      </td>
                      <td className="num" data-testid="win-probability">
                        {formatPct(u.winProbability, 1)}
                      </td>
                      <td className="num">{formatPercentiles(u.tcoUsd)}</td>
                      <td className="num">
                        {u.monthlyUsd
                          ? `${formatUsd(u.monthlyUsd.p10)} – ${formatUsd(u.monthlyUsd.p90)}`
                          : '—'}
                      </td>
                      <td className="num">
                        {u.npvUsd ? `${formatUsd(u.npvUsd.p10)} – ${formatUsd(u.npvUsd.p90)}` : '—'}
                      </td>
                      <td className="num">{formatPct(u.feasibleShare)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {result.robust !== null && (
            <p className="muted" data-testid="robust-pick">
              Robust pick (lowest P90 {horizon}-month cost): {nameOf(result.robust.id)}, P90{' '}
              {formatUsd(result.robust.p90TcoUsd)}.
              {result.noWinnerShare > 0 &&
                ` In ${formatPct(result.noWinnerShare, 1)} of futures no simulated candidate meets every constraint.`}
            </p>
          )}
          <div className="tornadoes">
            {charts?.tornado && result.tornado && (
              <div className="tornado" data-testid="tornado">
                <div className="card-title">What moves the recommendation’s {label}</div>
                <div className="chart-note">
                  Each input from its low to its high, the others at likely (
                  {formatUsd(result.tornado.baseUsd)}); widest on top
                </div>
                <TornadoTable tornado={result.tornado} testId="tornado-table" />
                <div
                  className="chart-box tornado-box"
                  style={categoryBoxStyle(
                    charts.tornado.data.labels ?? [],
                    look.fontPx,
                    TORNADO_LINES,
                  )}
                >
                  <ChartCanvas
                    config={charts.tornado}
                    testId="chart-tornado"
                    label="Tornado: the recommendation's cost as each input swings"
                  />
                </div>
              </div>
            )}
            {charts?.gap && result.gapTornado && (
              <div className="tornado" data-testid="tornado-gap">
                <div className="card-title">What moves its lead over #2</div>
                <div className="chart-note">
                  {nameOf(result.gapTornado.candidateId)} ahead of{' '}
                  {nameOf(result.gapTornado.versusId)} by {formatUsd(result.gapTornado.baseUsd)};
                  below zero #2 is ahead
                </div>
                <TornadoTable tornado={result.gapTornado} testId="tornado-gap-table" />
                <div
                  className="chart-box tornado-box"
                  style={categoryBoxStyle(charts.gap.data.labels ?? [], look.fontPx, TORNADO_LINES)}
                >
                  <ChartCanvas
                    config={charts.gap}
                    testId="chart-tornado-gap"
                    label="Tornado: the lead of #1 over #2 as each input swings"
                  />
                </div>
              </div>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
