import { useId, useState } from 'react';
import { RESIDENCY_ZONES } from '../../../core/schema/common.ts';
import {
  fieldInputRules,
  formatNumberInput,
  parseNumberInput,
  type NumberRules,
} from '../../components/number-input.ts';
import { updateWorkload, useWorkspace } from '../../stores/workspace-store.ts';
import {
  PLACEMENT_KIND_LABELS,
  sweptKinds,
  togglePlacementKind,
} from '../candidates/placement-kinds.ts';
import { PRECISION_OPTIONS, toggledZones, ZONE_LABELS } from '../workload/choices.ts';
import { fromPosition, scaleAround, SLIDER_STEPS, stepped, toPosition } from './slider-scale.ts';
import { WHAT_IF_SLIDERS, type WhatIfSlider } from './what-if-sliders.ts';

/** The typed entry's rules: the field's limits, as a percentage where the slider shows one. */
function entryRules(def: WhatIfSlider): NumberRules {
  return { ...fieldInputRules(def.field, { percent: def.percent }), compact: true };
}

/** Steps read as people say them: ×½, ×2, ×10. */
const stepLabel = (factor: number) => (factor === 0.5 ? '×½' : `×${factor}`);

/** Applies a value from the slider, a step or typed entry: one undo step per control and drag. */
function write(def: WhatIfSlider, v: number): void {
  useWorkspace.getState().update((s) => def.write(s, v), `whatif:${def.key}`);
}

/**
 * One slider with its typed entry (and steps, for volume). The slider's window is centred on the
 * value it starts from and re-centres when a drag ends or the value is set another way (typed,
 * stepped, undone, restored, opened), so each drag reaches ÷30…×30 from where the value is.
 */
function Slider({ def }: { def: WhatIfSlider }) {
  const id = useId();
  const value = useWorkspace((s) => def.read(s.scenario));
  const [anchor, setAnchor] = useState(value);
  // The last value this slider wrote: a different value came from elsewhere and re-centres it.
  const [written, setWritten] = useState<number | null>(null);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== written) setAnchor(value);
  }
  const scale = scaleAround(anchor, def.range, def.integer);
  const limits = { min: def.range.min, max: def.range.max };
  const set = (v: number) => {
    setWritten(v);
    write(def, v);
  };
  return (
    <div
      className={def.steps.length > 0 ? 'slider wide' : 'slider'}
      data-testid={`whatif-${def.key}-control`}
    >
      <div className="slider-head">
        <label htmlFor={id}>{def.label}</label>
        {def.steps.length > 0 && (
          <div className="slider-steps" role="group" aria-label={`${def.label} steps`}>
            {def.steps.map((f) => (
              <button
                key={f}
                type="button"
                className="btn small"
                data-testid={`whatif-${def.key}-x${f}`}
                title={`${def.label} ${stepLabel(f)}`}
                onClick={() => write(def, stepped(value, f, limits, def.integer))}
              >
                {stepLabel(f)}
              </button>
            ))}
          </div>
        )}
        <TypedEntry def={def} value={value} onCommit={(v) => write(def, v)} />
      </div>
      <input
        id={id}
        type="range"
        data-testid={`whatif-${def.key}`}
        min={0}
        max={SLIDER_STEPS}
        value={toPosition(value, scale)}
        aria-label={`${def.label}, what-if slider`}
        aria-valuetext={def.show(value)}
        onChange={(e) => set(fromPosition(Number(e.target.value), scale))}
        onPointerUp={() => setAnchor(value)}
      />
    </div>
  );
}

/**
 * The value, typed: "15M", "1.5k", "60%". Applied on Enter or when focus leaves; a value outside
 * the field's limits is refused in place with the limit named, the scenario keeping its last one.
 */
function TypedEntry(props: { def: WhatIfSlider; value: number; onCommit: (v: number) => void }) {
  const { def, value } = props;
  const rules = entryRules(def);
  const [draft, setDraft] = useState<string | null>(null);
  const parsed = draft === null ? null : parseNumberInput(draft, rules);
  const error = parsed !== null && !parsed.ok ? `${def.label} ${parsed.error}` : null;
  const commit = () => {
    if (parsed === null) return;
    if (!parsed.ok || parsed.value === undefined) return;
    const v = def.integer ? Math.round(parsed.value) : parsed.value;
    if (v !== value) props.onCommit(v);
    setDraft(null);
  };
  const shown = def.percent ? `${formatNumberInput(value, rules)}%` : def.show(value);
  return (
    <input
      className={`whatif-entry${error ? ' invalid' : ''}`}
      data-testid={`whatif-${def.key}-input`}
      aria-label={`${def.label}, what-if value`}
      aria-invalid={error !== null}
      title={
        error ?? `Type a value (${def.percent ? 'e.g. 60%' : 'e.g. 1.5k, 15M'}); Enter applies`
      }
      inputMode="decimal"
      value={draft ?? shown}
      onFocus={(e) => e.target.select()}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

/** Quantization, placement kinds and residency: the what-ifs that are choices, not amounts. */
function Choices() {
  const precision = useWorkspace((s) => s.scenario.workload.precision);
  const residency = useWorkspace((s) => s.scenario.workload.residency);
  const sweep = useWorkspace((s) => s.scenario.sweep);
  const kinds = sweptKinds(sweep);
  return (
    <div className="whatif-choices">
      <div className="choice" role="group" aria-label="Quantization" data-testid="whatif-precision">
        <span className="choice-label">Quantization</span>
        {PRECISION_OPTIONS.map((o) => (
          <button
            key={o.value}
            type="button"
            className="chip"
            aria-pressed={precision === o.value}
            onClick={() => updateWorkload({ precision: o.value })}
          >
            {o.label}
          </button>
        ))}
      </div>
      <div className="choice" role="group" aria-label="Placement" data-testid="whatif-placement">
        <span className="choice-label">Placement</span>
        {(['api', 'cloud', 'onprem'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className="chip"
            aria-pressed={kinds.includes(k)}
            // The last kind stays: a scenario with nothing to compare has no answer.
            disabled={kinds.length === 1 && kinds[0] === k}
            onClick={() => togglePlacementKind(k)}
          >
            {PLACEMENT_KIND_LABELS[k]}
          </button>
        ))}
      </div>
      <div className="choice" role="group" aria-label="Region" data-testid="whatif-region">
        <span className="choice-label">Region</span>
        <button
          type="button"
          className="chip"
          aria-pressed={residency.length === 0}
          title="Any residency zone"
          onClick={() => updateWorkload({ residency: [] })}
        >
          Any
        </button>
        {RESIDENCY_ZONES.filter((z) => z !== 'global').map((z) => (
          <button
            key={z}
            type="button"
            className="chip"
            aria-pressed={residency.includes(z)}
            onClick={() => updateWorkload({ residency: toggledZones(residency, z) })}
          >
            {ZONE_LABELS[z]}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The what-if bar: the amounts a room steers live, and the choices beside them. */
export function WhatIfBar() {
  return (
    <div className="card" data-testid="whatif">
      <div className="whatif">
        {WHAT_IF_SLIDERS.map((d) => (
          <Slider key={d.key} def={d} />
        ))}
      </div>
      <Choices />
    </div>
  );
}
