import { useEffect, useId, useState } from 'react';
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
  const [text, setText] = useState(() => formatNumberInput(value, rules));
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  // Follow outside changes (undo, sliders, a loaded scenario) unless the person is typing.
  useEffect(() => {
    if (!editing) {
      setText(formatNumberInput(value, rules));
      setError(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, editing]);
  const change = (next: string) => {
    setText(next);
    const parsed = parseNumberInput(next, rules);
    if (!parsed.ok) return setError(`${label} ${parsed.error}`);
    setError(null);
    if (parsed.value !== value) onCommit(parsed.value);
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
          onFocus={() => setEditing(true)}
          onBlur={() => setEditing(false)}
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
        <select id={id} data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
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
