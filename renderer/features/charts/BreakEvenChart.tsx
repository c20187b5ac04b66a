import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { volumeWords } from '../../../core/decision/explain.ts';
import { higherIsBetter, objectiveLabel } from '../../../core/decision/objective.ts';
import { compactCount } from '../../../core/format.ts';
import { objectiveMoney } from '../../../core/report/why-report.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useDecision } from '../why/decision-store.ts';
import { BREAK_EVEN_RANGE, type BreakEvenChartData } from './break-even-data.ts';
import { ChartCanvas, useChartLook, type ChartLook } from './ChartCanvas.tsx';
import { breakEvenOptions } from './chart-options.ts';
import { pairOptions } from './pair.ts';
import { BAND_NOTE, bandDatasets, bandFor } from '../uncertainty/band-datasets.ts';
import { useUncertainty } from '../uncertainty/uncertainty-store.ts';
import type { Band } from '../../../core/uncertainty/bands.ts';

/**
 * Two explicit choices, picked from two menus (by default the recommendation and the best of
 * another placement), compared under the objective as volume changes: today's volume marked on
 * both lines, every crossing named under the chart.
 */
export function BreakEvenChart() {
  const evaluation = useDecision((s) => s.evaluation);
  const explanation = useDecision((s) => s.explanation);
  const data = useDecision((s) => s.breakEven);
  const pending = useDecision((s) => s.pending);
  const bandVolumes = useUncertainty((s) => s.volumes);
  const volumeBands = useUncertainty((s) => s.volumeBands);
  const selected = useUi((s) => s.selected);
  const look = useChartLook();
  const objective = data?.objective ?? 'tco';
  const menu = useMemo(
    () =>
      evaluation === null
        ? []
        : pairOptions(evaluation, explanation, [
            ...selected,
            ...(data === null ? [] : [data.a.id, data.b.id]),
          ]),
    [evaluation, explanation, selected, data],
  );
  const options = useMemo(
    () =>
      breakEvenOptions(
        look,
        { title: data?.yTitle ?? '', money: (usd) => objectiveMoney(objective, usd) },
        data?.logY ?? true,
      ),
    [look, data?.yTitle, data?.logY, objective],
  );
  const bands = useMemo(
    () =>
      data === null
        ? []
        : [bandFor(volumeBands, data.a.id), bandFor(volumeBands, data.b.id)].map((band) =>
            band === undefined || band.p10.length !== bandVolumes.length ? undefined : band,
          ),
    [data, volumeBands, bandVolumes],
  );
  const banded = bands.some((b) => b !== undefined);
  const config = useMemo(
    () => (data === null ? null : chartConfig(data, options, bands, bandVolumes, look)),
    [data, options, look, bands, bandVolumes],
  );
  const pick = (side: 'a' | 'b', id: string) => {
    if (data === null) return;
    const other = side === 'a' ? data.b.id : data.a.id;
    const decision = useDecision.getState();
    // Picking on one side what the other shows swaps them: neither pick is dropped unasked.
    if (id === other) decision.pick(side === 'a' ? 'b' : 'a', side === 'a' ? data.a.id : data.b.id);
    decision.pick(side, id);
  };
  const better = objective === 'npv' ? 'better' : 'cheaper';
  return (
    <div
      className="card break-even"
      data-testid="break-even"
      data-state={pending ? 'pending' : 'ready'}
      data-banded={String(banded)}
    >
      <div className="card-head">
        <span className="card-title">
          Break-even: {data === null ? 'cost' : objectiveLabel(data.objective, data.horizonMonths)}{' '}
          vs monthly volume
        </span>
        <span className="chart-note">
          {data?.objective === 'tco'
            ? 'Setup spread over the horizon; today’s volume marked on both lines'
            : 'Today’s volume marked on both lines'}
          {banded ? BAND_NOTE : ''}
        </span>
      </div>
      {data === null ? (
        <div className="card-body muted">Nothing to compare: no feasible candidate.</div>
      ) : (
        <>
          <div className="card-body pair-pickers">
            <PairMenu
              label="Compare"
              testId="break-even-a"
              value={data.a.id}
              other={data.b.id}
              options={menu}
              onPick={(id) => pick('a', id)}
            />
            <PairMenu
              label="with"
              testId="break-even-b"
              value={data.b.id}
              other={data.a.id}
              options={menu}
              onPick={(id) => pick('b', id)}
            />
          </div>
          <div className="chart-box">
            {config && (
              <ChartCanvas
                config={config}
                testId="chart-volume"
                label={`${data.yTitle} against monthly volume for two candidates, with break-even points`}
              />
            )}
          </div>
          <ul className="crossings" data-testid="break-even-crossings">
            {data.crossings.length === 0 ? (
              <li>
                No break-even between {compactCount(BREAK_EVEN_RANGE.minVolume)} and{' '}
                {compactCount(BREAK_EVEN_RANGE.maxVolume)} requests a month
                {throughout(data) === null ? '.' : `: ${throughout(data)} is ${better} throughout.`}
              </li>
            ) : (
              data.crossings.map((c) => (
                <li key={c.requestsPerMonth} data-requests={c.requestsPerMonth}>
                  Break-even at <strong>{volumeWords(c.requestsPerMonth)}</strong> requests a month:
                  above it, {c.betterAbove === 'a' ? data.a.label : data.b.label} is {better}.
                </li>
              ))
            )}
            <li className="muted">Today: {volumeWords(data.requestsPerMonth)} requests a month.</li>
          </ul>
        </>
      )}
    </div>
  );
}

/** With no crossing, the one better today is better at every volume searched: its label. */
function throughout(data: BreakEvenChartData): string | null {
  const a = data.a.today?.y;
  const b = data.b.today?.y;
  if (a === undefined || b === undefined || a === b) return null;
  const aBetter = higherIsBetter(data.objective) ? a > b : a < b;
  return aBetter ? data.a.label : data.b.label;
}

function PairMenu(props: {
  label: string;
  testId: string;
  value: string;
  other: string;
  options: readonly { id: string; text: string }[];
  onPick: (id: string) => void;
}) {
  return (
    <label className="pair-menu">
      <span className="muted">{props.label}</span>
      <select
        className="plain"
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onPick(e.target.value)}
      >
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.id === props.other ? `${o.text} (the other side)` : o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

function chartConfig(
  data: BreakEvenChartData,
  options: ReturnType<typeof breakEvenOptions>,
  bands: readonly (Band | undefined)[],
  bandVolumes: readonly number[],
  colors: ChartLook,
): ChartConfiguration<'line'> {
  const px = (n: number) => n * colors.scale;
  const lineColors = [colors.accent, colors.onprem];
  const lines = [data.a, data.b];
  const named = (side: 'a' | 'b') => {
    const line = side === 'a' ? data.a : data.b;
    return `${side.toUpperCase()} · ${line.label}`;
  };
  return {
    type: 'line',
    data: {
      datasets: [
        ...lines.map((line, k) => ({
          label: named(k === 0 ? 'a' : 'b'),
          data: line.points,
          borderColor: lineColors[k],
          backgroundColor: lineColors[k],
          pointRadius: 0,
          borderWidth: px(2),
        })),
        // P10–P90 of each line over the simulated futures, when ranges are given.
        ...lines.flatMap((line, k) => {
          const band = bands[k];
          if (band === undefined) return [];
          return bandDatasets(
            band,
            lineColors[k] as string,
            named(k === 0 ? 'a' : 'b'),
            (j, y) => ({
              x: bandVolumes[j] as number,
              y: y ?? Number.NaN,
            }),
          );
        }),
        {
          label: 'Break-even',
          data: data.crossings.flatMap((c) =>
            c.y === null ? [] : [{ x: c.requestsPerMonth, y: c.y }],
          ),
          showLine: false,
          pointRadius: px(7),
          pointStyle: 'rectRot' as const,
          borderColor: colors.bad,
          backgroundColor: colors.bad,
        },
        {
          label: `Today (${compactCount(data.requestsPerMonth)}/month)`,
          data: lines.flatMap((l) => (l.today === null ? [] : [l.today])),
          showLine: false,
          pointRadius: px(5),
          borderColor: colors.star,
          backgroundColor: colors.star,
        },
      ],
    },
    options,
  };
}
