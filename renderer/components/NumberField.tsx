import { useId, useState } from 'react';
import { formatNumberInput, parseNumberInput, type NumberRules } from './number-input.ts';

export interface NumberFieldProps extends NumberRules {
  label: string;
  value: number | undefined;
  onCommit: (value: number | undefined) => void;
  unit?: string;
  hint?: string;
  testId?: string;
}

/**
 * A number input that applies valid values at once and refuses invalid ones in place, with the
 * rule broken shown under it; the last valid value stays in the scenario meanwhile.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, value, onCommit, unit, hint, testId, ...rules } = props;
  const id = useId();
  // What the person is typing; null shows the scenario's value (and follows undo, sliders, loads).
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? formatNumberInput(value, rules);
  const parsed = draft === null ? null : parseNumberInput(draft, rules);
  const error = parsed !== null && !parsed.ok ? `${label} ${parsed.error}` : null;
  const change = (next: string) => {
    setDraft(next);
    const p = parseNumberInput(next, rules);
    if (p.ok && p.value !== value) onCommit(p.value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={`input-unit${error ? ' invalid' : ''}`}>
        <input
          id={id}
          data-testid={testId}
          inputMode="decimal"
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onBlur={() => {
            // A valid entry settles to the stored value's own formatting; an invalid one stays to fix.
            if (error === null) setDraft(null);
          }}
          onChange={(e) => change(e.target.value)}
        />
        {unit && <span className="unit">{rules.percent ? '%' : unit}</span>}
        {!unit && rules.percent && <span className="unit">%</span>}
      </div>
      {error && (
        <div className="error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
      {hint && !error && <div className="hint">{hint}</div>}
    </div>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="input-unit">
        <select
          id={id}
          data-testid={props.testId}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value as T)}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function Chips<T extends string>(props: {
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onToggle: (value: T) => void;
  testId?: string;
}) {
  return (
    <div className="chips" data-testid={props.testId}>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          className="chip"
          aria-pressed={props.selected.includes(o.value)}
          onClick={() => props.onToggle(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
