import { memo, useMemo } from 'react';
import { volumeWords } from '../../../core/decision/explain.ts';
import { objectiveLabel } from '../../../core/decision/objective.ts';
import { objectiveMoney } from '../../../core/format.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useDecision } from '../why/decision-store.ts';
import { noBreakEvenText, todayVolumeText } from '../../../core/charts/break-even-data.ts';
import { ChartCanvas, useChartLook } from './ChartCanvas.tsx';
import { SavePngButton } from './SavePngButton.tsx';
import { appPalette, breakEvenConfig } from './chart-configs.ts';
import { breakEvenView } from '../../../core/charts/chart-data.ts';
import { breakEvenOptions } from './chart-options.ts';
import { pairOptions } from '../../../core/charts/pair.ts';
import { BAND_NOTE } from '../uncertainty/band-datasets.ts';
import { useUncertainty } from '../uncertainty/uncertainty-store.ts';

/**
 * Two explicit choices, picked from two menus (by default the recommendation and the best of
 * another placement), compared under the objective as volume changes: today's volume marked on
 * both lines, every crossing named under the chart. Memoized: it reads its own stores, and the
 * charts around it are drawn again at every slider step while it changes only when the
 * explanation catches up.
 */
export const BreakEvenChart = memo(function BreakEvenChart() {
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
  const view = useMemo(
    () =>
      data === null
        ? null
        : breakEvenView(data, { volumes: bandVolumes, volume: volumeBands, payback: [] }),
    [data, volumeBands, bandVolumes],
  );
  const banded = view !== null && view.bands.some((b) => b !== null);
  const config = useMemo(
    () => (view === null ? null : breakEvenConfig(view, options, appPalette(look))),
    [view, options, look],
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
        <SavePngButton />
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
              <li>{noBreakEvenText(data)}.</li>
            ) : (
              data.crossings.map((c) => (
                <li key={c.requestsPerMonth} data-requests={c.requestsPerMonth}>
                  Break-even at <strong>{volumeWords(c.requestsPerMonth)}</strong> requests a month:
                  above it, {c.betterAbove === 'a' ? data.a.label : data.b.label} is {better}.
                </li>
              ))
            )}
            <li className="muted">Today: {todayVolumeText(data)} requests a month.</li>
          </ul>
        </>
      )}
    </div>
  );
});

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
