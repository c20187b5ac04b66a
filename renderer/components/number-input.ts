import type { NumberFieldRules } from '../../core/schema/field-rules.ts';

/** Parses what a person typed into a number field; the error names the rule broken. */
export interface NumberRules {
  min?: number;
  /** The minimum itself is refused ("more than 0"). */
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  integer?: boolean;
  /** Shown ×100 with a % unit; stored as a fraction. */
  percent?: boolean;
  /** Empty text means "not set" (optional fields such as SLOs). */
  optional?: boolean;
  /** Accepts a magnitude suffix, as sliders show their values: 1.5k, 15M, 2B (what-if entry). */
  compact?: boolean;
}

/** What a form adds to a field's schema rules: how it is shown, and bounds set by other fields. */
export interface FieldOptions {
  percent?: boolean;
  /** The form lets the field be emptied (its value may be unset). */
  optional?: boolean;
  /** A tighter lower bound from another field (a p95 is at least its mean). */
  min?: number;
  /** A tighter upper bound from another field (the cacheable prefix is at most the prompt). */
  max?: number;
}

/**
 * The rules a form field enforces: the schema's, narrowed by the form's bounds from other fields.
 * Emptying is allowed only where the schema and the form both allow it.
 */
export function fieldInputRules(field: NumberFieldRules, options: FieldOptions): NumberRules {
  const rules: NumberRules = {
    integer: field.integer,
    percent: options.percent === true,
    optional: field.optional && options.optional === true,
  };
  const min = tighter(field.min, field.minExclusive, options.min, (a, b) => a > b);
  if (min) [rules.min, rules.minExclusive] = min;
  const max = tighter(field.max, field.maxExclusive, options.max, (a, b) => a < b);
  if (max) [rules.max, rules.maxExclusive] = max;
  return rules;
}

/** The tighter of the schema's bound and the form's (inclusive) one. */
function tighter(
  schema: number | undefined,
  exclusive: boolean,
  form: number | undefined,
  isTighter: (a: number, b: number) => boolean,
): [number, boolean] | undefined {
  if (form !== undefined && (schema === undefined || isTighter(form, schema))) return [form, false];
  return schema === undefined ? undefined : [schema, exclusive];
}

export type NumberParse = { ok: true; value: number | undefined } | { ok: false; error: string };

export function parseNumberInput(text: string, rules: NumberRules): NumberParse {
  let trimmed = text.trim().replace(/[,_\s]/g, '');
  if (rules.percent) trimmed = trimmed.replace(/%$/, '');
  if (trimmed === '')
    return rules.optional ? { ok: true, value: undefined } : { ok: false, error: 'required' };
  const shown = rules.compact ? compactNumber(trimmed) : Number(trimmed);
  if (!Number.isFinite(shown)) return { ok: false, error: 'must be a number' };
  const scale = rules.percent ? 100 : 1;
  const unit = rules.percent ? '%' : '';
  if (rules.integer && !Number.isInteger(shown))
    return { ok: false, error: 'must be a whole number' };
  if (rules.min !== undefined) {
    const min = rules.min * scale;
    if (rules.minExclusive ? shown <= min : shown < min)
      return {
        ok: false,
        error: `must be ${rules.minExclusive ? 'more than' : 'at least'} ${fmt(min)}${unit}`,
      };
  }
  if (rules.max !== undefined) {
    const max = rules.max * scale;
    if (rules.maxExclusive ? shown >= max : shown > max)
      return {
        ok: false,
        error: `must be ${rules.maxExclusive ? 'less than' : 'at most'} ${fmt(max)}${unit}`,
      };
  }
  return { ok: true, value: shown / scale };
}

/** Magnitude suffixes as the app's compact numbers write them (k thousand, M million, B billion). */
const MAGNITUDES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9, t: 1e12 };

/** "1.5k" → 1,500, "15M" → 15,000,000; a bare number as it is; NaN for anything else. */
function compactNumber(text: string): number {
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)([a-z]*)$/i.exec(text);
  if (m === null) return Number.NaN;
  const suffix = (m[2] ?? '').toLowerCase();
  if (suffix === '') return Number(m[1]);
  const factor = MAGNITUDES[suffix];
  // Multiplying then rounding to 12 digits keeps 1.1M at 1,100,000 (not 1,100,000.0000000002).
  return factor === undefined ? Number.NaN : Number((Number(m[1]) * factor).toPrecision(12));
}

/** How a stored value is shown in its field. */
export function formatNumberInput(value: number | undefined, rules: NumberRules): string {
  if (value === undefined) return '';
  const shown = rules.percent ? value * 100 : value;
  return String(Number(shown.toPrecision(12)));
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });
