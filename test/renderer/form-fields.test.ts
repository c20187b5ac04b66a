import { describe, expect, it } from 'vitest';
import { fieldLabel, numberFieldRules } from '../../core/schema/field-rules.ts';
import { Constraints } from '../../core/schema/scenario.ts';
import { Workload } from '../../core/schema/workload.ts';
import {
  fieldInputRules,
  parseNumberInput,
  type NumberRules,
} from '../../renderer/components/number-input.ts';
import { CANDIDATE_FIELDS } from '../../renderer/features/candidates/fields.ts';
import { OPERATIONS_FIELDS, VALUE_FIELDS } from '../../renderer/features/value/fields.ts';
import { WORKLOAD_FIELDS } from '../../renderer/features/workload/fields.ts';

const accepts = (text: string, rules: NumberRules) => parseNumberInput(text, rules).ok;

describe('form fields read their rules from the schema', () => {
  it('labels, bounds, whole numbers, defaults and optional fields', () => {
    // The output size the form allowed was 1M while a scenario file could hold 10M: now both 10M.
    expect(WORKLOAD_FIELDS.outputMean).toMatchObject({
      label: 'Output, mean',
      min: 1,
      max: 10_000_000,
      integer: false,
      optional: false,
    });
    expect(accepts('10000000', fieldInputRules(WORKLOAD_FIELDS.outputMean, {}))).toBe(true);
    expect(accepts('10000001', fieldInputRules(WORKLOAD_FIELDS.outputMean, {}))).toBe(false);
    // SLO caps live in the schema too, and an SLO may be left unset.
    expect(WORKLOAD_FIELDS.ttftMs).toMatchObject({ min: 1, max: 600_000, optional: true });
    expect(Workload.safeParse({ ...minimalWorkload, slo: { ttftMs: 600_001 } }).success).toBe(
      false,
    );
    expect(VALUE_FIELDS.horizonMonths).toMatchObject({
      label: 'Horizon',
      integer: true,
      min: 1,
      max: 120,
      defaultValue: 36,
    });
    expect(VALUE_FIELDS.setupUsd.cloud.label).toBe('Rented GPUs setup');
    // An owned-GPU assumption a sweep may leave unset still has a value: the default.
    expect(CANDIDATE_FIELDS.amortizationMonths).toMatchObject({
      label: 'Amortization',
      optional: false,
      defaultValue: 36,
      max: 240,
    });
    expect(fieldLabel(Workload, ['requests', 'per']).label).toBe('Counted per');
  });

  it('a strictly positive field refuses zero by saying so', () => {
    const budget = numberFieldRules(Constraints, ['maxMonthlyUsd']);
    expect(budget).toMatchObject({ min: 0, minExclusive: true, optional: true });
    const rules = fieldInputRules(budget, { optional: true });
    expect(parseNumberInput('0', rules)).toEqual({ ok: false, error: 'must be more than 0' });
    expect(parseNumberInput('0.01', rules)).toEqual({ ok: true, value: 0.01 });
    expect(parseNumberInput('', rules)).toEqual({ ok: true, value: undefined });
  });

  it('a bound from another field narrows the schema’s, never widens it', () => {
    const prefix = WORKLOAD_FIELDS.prefixTokens;
    expect(fieldInputRules(prefix, { max: 1800 })).toMatchObject({ min: 0, max: 1800 });
    expect(fieldInputRules(prefix, { max: 1e9 })).toMatchObject({ max: 10_000_000 });
    const batch = fieldInputRules(WORKLOAD_FIELDS.batchShare, { percent: true, max: 0.7 });
    expect(parseNumberInput('71', batch)).toEqual({ ok: false, error: 'must be at most 70%' });
    // Emptying needs both the schema and the form to allow it.
    expect(fieldInputRules(WORKLOAD_FIELDS.batchShare, { optional: true }).optional).toBe(false);
    expect(fieldInputRules(WORKLOAD_FIELDS.ttftMs, {}).optional).toBe(false);
  });

  it('every form field accepts its bounds and refuses just past them, as its schema does', () => {
    const fields = [
      ...Object.values(WORKLOAD_FIELDS),
      ...Object.values(CANDIDATE_FIELDS),
      ...Object.values(OPERATIONS_FIELDS),
      VALUE_FIELDS.revenue,
      VALUE_FIELDS.successRate,
      ...Object.values(VALUE_FIELDS.setupUsd),
      VALUE_FIELDS.horizonMonths,
    ];
    expect(fields.length).toBeGreaterThan(40);
    for (const f of fields) {
      const rules = fieldInputRules(f, {});
      expect(f.label, f.path).not.toBe('');
      if (f.max !== undefined) {
        expect(accepts(String(f.max), rules), f.path).toBe(!f.maxExclusive);
        expect(accepts(String(f.max + Math.max(1, f.max / 1000)), rules), f.path).toBe(false);
      }
      if (f.min !== undefined) {
        expect(accepts(String(f.min), rules), f.path).toBe(!f.minExclusive);
        expect(accepts(String(f.min - 1), rules), f.path).toBe(false);
      }
    }
  });

  it('a path to no field, or to a field without a title, is a mistake found at once', () => {
    expect(() => numberFieldRules(Workload, ['requests', 'cnt'])).toThrow(
      "no field 'cnt' at 'requests.cnt'",
    );
    expect(() => numberFieldRules(Workload, ['requests', 'per'])).toThrow(
      "the field 'requests.per' is not a number",
    );
    expect(() => numberFieldRules(Workload, ['userLocation', 'latitude'])).toThrow(
      "the field 'userLocation.latitude' has no title",
    );
  });
});

const minimalWorkload = {
  requests: { count: 1000, per: 'day' },
  inputTokens: { mean: 100 },
  outputTokens: { mean: 10 },
};
