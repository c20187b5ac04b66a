import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { breakdownBars } from '../../../core/charts/breakdown-data.ts';
import { appPalette, breakdownConfig } from '../charts/chart-configs.ts';
import { ChartCanvas, useChartLook } from '../charts/ChartCanvas.tsx';
import { breakdownOptions } from '../charts/chart-options.ts';
import { sideBySide, type ComparedCell, type ScenarioColumn } from './side-by-side.ts';

function Cell({ cell, testId }: { cell: ComparedCell; testId?: string }) {
  return (
    <td
      className={`num${cell.differs ? ' differs' : ''}`}
      data-testid={testId}
      data-differs={String(cell.differs)}
    >
      <div>{cell.text}</div>
      {cell.change !== '' && <div className={`delta ${cell.direction}`}>{cell.change}</div>}
    </td>
  );
}

/**
 * Saved scenarios side by side, the first as the base: each measure with its change from the
 * first, the recommendations, every assumption that differs (highlighted where it does), and
 * what each scenario's pick pays for.
 */
export function SideBySideView({ columns }: { columns: readonly ScenarioColumn[] }) {
  const table = useMemo(() => sideBySide(columns), [columns]);
  const look = useChartLook();
  const chart = useMemo((): ChartConfiguration<'bar'> => {
    const shown = columns.filter((c) => c.breakdown !== null) as (ScenarioColumn & {
      breakdown: NonNullable<ScenarioColumn['breakdown']>;
    })[];
    const bars = breakdownBars(shown, (c) => [c.name, c.outcome.winner?.label ?? '']);
    return breakdownConfig(bars, breakdownOptions(look), appPalette(look));
  }, [columns, look]);
  const first = columns[0]?.name ?? '';
  return (
    <>
      <div className="card side-by-side" data-testid="side-by-side">
        <div className="card-head">
          <span className="card-title">Side by side</span>
          <span className="muted">Changes are against “{first}”; highlighted: differs from it</span>
        </div>
        <div className="table-scroll">
          <table className="list">
            <thead>
              <tr>
                <th />
                {columns.map((c, k) => (
                  <th key={k} className="num" scope="col">
                    {c.name}
                    {k === 0 && <span className="muted"> (base)</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr data-row="recommended">
                <th scope="row">Recommended</th>
                {table.winners.map((cell, k) => (
                  <td
                    key={k}
                    className={cell.differs ? 'differs' : ''}
                    data-testid={`sbs-winner-${k}`}
                    data-differs={String(cell.differs)}
                  >
                    {cell.text}
                  </td>
                ))}
              </tr>
              {table.measures.map((m) => (
                <tr key={m.key} data-row={m.key}>
                  <th scope="row">{m.label}</th>
                  {m.cells.map((cell, k) => (
                    <Cell key={k} cell={cell} testId={`sbs-${m.key}-${k}`} />
                  ))}
                </tr>
              ))}
              <tr className="group-row">
                <th colSpan={columns.length + 1} scope="colgroup">
                  {table.assumptions.length === 0
                    ? 'Every assumption is the same'
                    : `Assumptions that differ from “${first}”`}
                </th>
              </tr>
              {table.assumptions.map((a) => (
                <tr key={a.path} data-row={a.path} data-testid="sbs-assumption">
                  <th scope="row">{a.label}</th>
                  {a.cells.map((cell, k) => (
                    <Cell key={k} cell={cell} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="card">
        <div className="card-head">
          <span className="card-title">Where the money goes, per scenario</span>
          <span className="chart-note">
            Each scenario’s recommendation: monthly cost by component
          </span>
        </div>
        <div className="chart-box">
          <ChartCanvas
            config={chart}
            testId="chart-side-by-side"
            label="Monthly cost by component of each scenario's recommendation"
          />
        </div>
      </div>
    </>
  );
}
