/** Parses what a person typed into a number field; the error names the rule broken. */
export interface NumberRules {
  min?: number;
  max?: number;
  integer?: boolean;
  /** Shown ×100 with a % unit; stored as a fraction. */
  percent?: boolean;
  /** Empty text means "not set" (optional fields such as SLOs). */
  optional?: boolean;
}

export type NumberParse = { ok: true; value: number | undefined } | { ok: false; error: string };

export function parseNumberInput(text: string, rules: NumberRules): NumberParse {
  const trimmed = text.trim().replace(/[,_\s]/g, '');
  if (trimmed === '')
    return rules.optional ? { ok: true, value: undefined } : { ok: false, error: 'required' };
  const shown = Number(trimmed);
  if (!Number.isFinite(shown)) return { ok: false, error: 'must be a number' };
  const scale = rules.percent ? 100 : 1;
  if (rules.integer && !Number.isInteger(shown))
    return { ok: false, error: 'must be a whole number' };
  if (rules.min !== undefined && shown < rules.min * scale) {
    return {
      ok: false,
      error: `must be at least ${fmt(rules.min * scale)}${rules.percent ? '%' : ''}`,
    };
  }
  if (rules.max !== undefined && shown > rules.max * scale) {
    return {
      ok: false,
      error: `must be at most ${fmt(rules.max * scale)}${rules.percent ? '%' : ''}`,
    };
  }
  return { ok: true, value: shown / scale };
}

/** How a stored value is shown in its field. */
export function formatNumberInput(value: number | undefined, rules: NumberRules): string {
  if (value === undefined) return '';
  const shown = rules.percent ? value * 100 : value;
  return String(Number(shown.toPrecision(12)));
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });
