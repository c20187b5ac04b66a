import { useState } from 'react';
import type { Scenario } from '../../../core/schema/scenario.ts';
import { numberFieldRules, type NumberFieldRules } from '../../../core/schema/field-rules.ts';
import {
  PriceChangeRange,
  Uncertainty,
  type InputRange,
} from '../../../core/schema/uncertainty.ts';
import { INPUTS, type UncertainInput } from '../../../core/uncertainty/inputs.ts';
import { NumberField, SelectField } from '../../components/NumberField.tsx';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { PERCENTILE_CONVENTION } from '../../../core/report/uncertainty-report.ts';
import {
  rangeProblems,
  startingRange,
  withInputRange,
  withOptions,
  withPriceRange,
  type PriceKind,
} from './ranges-edit.ts';

/** Each input's field rules (label, bounds) from its schema: the range's ends follow them. */
const INPUT_RULES = new Map(INPUTS.map((input) => [input.id, input.rules()]));
const PRICE_RULES = {
  low: numberFieldRules(PriceChangeRange, ['low']),
  likely: numberFieldRules(PriceChangeRange, ['likely']),
  high: numberFieldRules(PriceChangeRange, ['high']),
};
const OPTION_RULES = {
  samples: numberFieldRules(Uncertainty, ['samples']),
  seed: numberFieldRules(Uncertainty, ['seed']),
};

const PRICE_KINDS: { kind: PriceKind; label: string }[] = [
  { kind: 'api', label: 'Hosted API prices' },
  { kind: 'cloud', label: 'Rented GPU prices' },
  { kind: 'onprem', label: 'Owned GPU running costs' },
];

/**
 * Applies an edit only if every range still holds; otherwise returns what is wrong with the edited
 * range (the scenario keeps its last valid ranges, as every form does).
 */
function tryEdit(edit: (s: Scenario) => Scenario, path: string): string | null {
  const state = useWorkspace.getState();
  const next = edit(state.scenario);
  const problems = rangeProblems(next);
  if (problems.size > 0) return problems.get(path) ?? [...problems.values()][0] ?? null;
  state.update(() => next, `range:${path}`);
  return null;
}

/** Low / likely / high for one input; likely is the scenario's own value unless the file says. */
function InputRangeRow({ input }: { input: UncertainInput }) {
  const scenario = useWorkspace((s) => s.scenario);
  const [problem, setProblem] = useState<string | null>(null);
  const range = scenario.uncertainty?.inputs[input.id];
  const path = `uncertainty.inputs.${input.id}`;
  const point = input.point(scenario);
  const label = input.label(scenario);
  const set = (edit: (s: Scenario) => Scenario) => setProblem(tryEdit(edit, path));
  const setEnd = (end: 'low' | 'high' | 'likely', x: number | undefined) => {
    if (x === undefined || range === undefined) return;
    if (end === 'likely' && range.likely === undefined) {
      // The likely value is the scenario's own: editing it edits the input itself.
      set((s) => input.apply(s, x));
      return;
    }
    set((s) => withInputRange(s, input.id, { ...range, [end]: x } as InputRange));
  };
  const rules = INPUT_RULES.get(input.id) as NumberFieldRules;
  const end = (name: 'Low' | 'Likely' | 'High') => ({
    field: { ...rules, label: name },
    percent: input.percent,
  });
  return (
    <div className="range-row" data-testid={`range-${input.id}`}>
      <div className="range-head">
        <span>{label}</span>
        {range === undefined ? (
          <button
            type="button"
            className="btn small"
            disabled={point === undefined}
            title={point === undefined ? 'Set the value first (Value tab)' : undefined}
            onClick={() => set((s) => withInputRange(s, input.id, startingRange(input, s)))}
          >
            Add range
          </button>
        ) : (
          <button
            type="button"
            className="btn small"
            onClick={() => set((s) => withInputRange(s, input.id, undefined))}
          >
            Remove
          </button>
        )}
      </div>
      {range !== undefined && (
        <div className="range-fields">
          <NumberField
            {...end('Low')}
            value={range.low}
            testId={`range-${input.id}-low`}
            onCommit={(x) => setEnd('low', x)}
          />
          <NumberField
            {...end('Likely')}
            value={range.likely ?? point ?? range.low}
            testId={`range-${input.id}-likely`}
            onCommit={(x) => setEnd('likely', x)}
          />
          <NumberField
            {...end('High')}
            value={range.high}
            testId={`range-${input.id}-high`}
            onCommit={(x) => setEnd('high', x)}
          />
        </div>
      )}
      {problem && (
        <div className="error" role="alert" data-testid={`range-${input.id}-problem`}>
          {label}: {problem}
        </div>
      )}
    </div>
  );
}

/** A price change by the horizon's end for one placement kind, in percent of today's prices. */
function PriceRangeRow({ kind, label }: { kind: PriceKind; label: string }) {
  const range = useWorkspace((s) => s.scenario.uncertainty?.priceChange[kind]);
  const [problem, setProblem] = useState<string | null>(null);
  const path = `uncertainty.priceChange.${kind}`;
  const set = (edit: (s: Scenario) => Scenario) => setProblem(tryEdit(edit, path));

  const likely =
    range === undefined ? 0 : (range.likely ?? Math.min(range.high, Math.max(range.low, 0)));
  return (
    <div className="range-row" data-testid={`price-${kind}`}>
      <div className="range-head">
        <span>{label}</span>
        <button
          type="button"
          className="btn small"
          onClick={() =>
            set((s) =>
              withPriceRange(s, kind, range === undefined ? { low: -0.2, high: 0 } : undefined),
            )
          }
        >
          {range === undefined ? 'Add range' : 'Remove'}
        </button>
      </div>
      {range !== undefined && (
        <div className="range-fields">
          {(['low', 'likely', 'high'] as const).map((end) => (
            <NumberField
              key={end}
              field={PRICE_RULES[end]}
              percent
              value={end === 'likely' ? likely : range[end]}
              testId={`price-${kind}-${end}`}
              onCommit={(x) => set((s) => withPriceRange(s, kind, { ...range, [end]: x }))}
            />
          ))}
        </div>
      )}
      {problem && (
        <div className="error" role="alert">
          {label}: {problem}
        </div>
      )}
    </div>
  );
}

/** Ranges on the inputs a team is unsure of, and how their futures are simulated. */
export function RangesPanel() {
  const u = useWorkspace((s) => s.scenario.uncertainty);
  const update = (patch: Parameters<typeof withOptions>[1]) =>
    useWorkspace.getState().update((s) => withOptions(s, patch));
  return (
    <div data-testid="ranges-panel">
      <section className="section">
        <h3>Uncertain inputs</h3>
        <p className="hint">
          Give a low, most likely and high value for any input you are unsure of. Modelwise
          simulates {(u?.samples ?? 1000).toLocaleString('en-US')} possible futures, each shared by
          every candidate, and shows how often each choice comes out best, P10–P90 bands in the
          charts and which input moves the answer most. {PERCENTILE_CONVENTION}
        </p>
        {INPUTS.map((input) => (
          <InputRangeRow key={input.id} input={input} />
        ))}
      </section>
      <section className="section">
        <h3>Price changes by the horizon’s end</h3>
        <p className="hint">
          A change of −30 % means prices fall in a straight line from today’s at the decision to 30
          % lower at the horizon’s end; each month pays the price at its middle. It applies to each
          month’s run cost (tokens; instance hours and the running costs with them; owned GPUs’
          power, colocation, staff and storage), not to setup or hardware bought, which is paid at
          today’s price. A 1- or 3-year commitment pays the price of the month it is signed for its
          whole term. The likely change defaults to none (0 %); the point estimate uses the likely
          change.
        </p>
        {PRICE_KINDS.map((p) => (
          <PriceRangeRow key={p.kind} kind={p.kind} label={p.label} />
        ))}
      </section>
      {u !== undefined && (
        <section className="section" data-testid="simulation-options">
          <h3>Simulation</h3>
          <SelectField
            label="Shape of each range"
            value={u.distribution}
            testId="range-distribution"
            options={[
              { value: 'pert', label: 'PERT' },
              { value: 'triangular', label: 'Triangular' },
            ]}
            onChange={(distribution) => update({ distribution })}
          />
          <p className="hint" data-testid="distribution-help">
            <strong>PERT</strong> (a Beta distribution with mean (low + 4 × likely + high) ÷ 6) puts
            most futures near the likely value and few near the ends: use it when the likely value
            is a real estimate and the ends are rare extremes. <strong>Triangular</strong> falls off
            in straight lines to low and high, so the ends weigh more: use it when you know little
            beyond the three numbers, or want the cautious answer.
          </p>
          <SelectField
            label="Recommend by"
            value={u.recommendBy}
            testId="range-recommend-by"
            options={[
              { value: 'objective', label: 'Point estimate' },
              { value: 'robust', label: 'Robust (P90)' },
            ]}
            onChange={(recommendBy) => update({ recommendBy })}
          />
          <p className="hint">
            Point estimate: the best under the scenario’s objective with every input at its likely
            value. Robust: the lowest P90 horizon cost among candidates feasible in at least 90 % of
            futures — the choice that is least bad when things go badly.
          </p>
          <NumberField
            field={OPTION_RULES.samples}
            value={u.samples}
            hint="More futures, steadier percentiles (1,000 is plenty for P10–P90)"
            onCommit={(samples) => update({ samples })}
          />
          <NumberField
            field={OPTION_RULES.seed}
            value={u.seed}
            hint="The same seed gives the same futures"
            onCommit={(seed) => update({ seed })}
          />
        </section>
      )}
    </div>
  );
}
