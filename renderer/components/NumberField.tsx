import { useId, useState } from 'react';
import type { NumberFieldRules } from '../../core/schema/field-rules.ts';
import {
  fieldInputRules,
  formatNumberInput,
  parseNumberInput,
  type FieldOptions,
} from './number-input.ts';

/** A field that always holds a number, or (`optional`) one that may be emptied to unset it. */
type Value =
  | { value: number; optional?: false; onCommit: (value: number) => void }
  | { value: number | undefined; optional: true; onCommit: (value: number | undefined) => void };

export type NumberFieldProps = Value &
  Omit<FieldOptions, 'optional'> & {
    /** The field's rules read from its schema (core/schema/field-rules.ts): label, bounds, default. */
    field: NumberFieldRules;
    unit?: string;
    hint?: string;
    /** Shown in place of the hint while the value stands but is not used as it is (a cap). */
    warning?: string;
    testId?: string;
  };

/**
 * A number input that applies valid values at once and refuses invalid ones in place, with the
 * rule broken shown under it; the last valid value stays in the scenario meanwhile. Its label and
 * limits come from the schema, so the form accepts exactly what a scenario file may hold.
 */
export function NumberField(props: NumberFieldProps) {
  const { field, value, unit, hint, warning, testId } = props;
  const rules = fieldInputRules(field, props);
  const id = useId();
  // What the person is typing; null shows the scenario's value (and follows undo, sliders, loads).
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? formatNumberInput(value, rules);
  const parsed = draft === null ? null : parseNumberInput(draft, rules);
  const error = parsed !== null && !parsed.ok ? `${field.label} ${parsed.error}` : null;
  const change = (next: string) => {
    setDraft(next);
    const p = parseNumberInput(next, rules);
    if (!p.ok || p.value === value) return;
    // Only a field the form and the schema both let be emptied parses to undefined.
    if (props.optional) props.onCommit(p.value);
    else if (p.value !== undefined) props.onCommit(p.value);
  };
  return (
    <div className="field">
      <label htmlFor={id} title={field.description}>
        {field.label}
      </label>
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
      {warning && !error && (
        <div className="warning" role="status" data-testid={testId && `${testId}-warning`}>
          {warning}
        </div>
      )}
      {hint && !warning && !error && <div className="hint">{hint}</div>}
    </div>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  testId?: string;
  /** The menu under its label, the panel's full width (long names). */
  wide?: boolean;
}) {
  const id = useId();
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
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

/** A yes/no switch with a label and, under it, what it does. */
export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field check">
      <label htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          data-testid={props.testId}
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
        />{' '}
        {props.label}
      </label>
      {props.hint && <div className="hint">{props.hint}</div>}
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
