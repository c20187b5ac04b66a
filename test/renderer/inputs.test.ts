import { describe, expect, it } from 'vitest';
import { formatNumberInput, parseNumberInput } from '../../renderer/components/number-input.ts';
import { flattenRow, unflattenRow } from '../../renderer/features/catalog/row-form.ts';
import { scenarioFileName } from '../../renderer/features/scenarios/scenario-file.ts';
import {
  fromPosition,
  niceRound,
  toPosition,
} from '../../renderer/features/whatif/slider-scale.ts';

describe('number fields', () => {
  it('accept numbers with separators and percentages shown ×100', () => {
    expect(parseNumberInput('1,500,000', { min: 0 })).toEqual({ ok: true, value: 1_500_000 });
    expect(parseNumberInput('60', { percent: true, min: 0, max: 1 })).toEqual({
      ok: true,
      value: 0.6,
    });
    expect(formatNumberInput(0.6, { percent: true })).toBe('60');
    expect(formatNumberInput(0.07, { percent: true })).toBe('7');
  });

  it('refuse what breaks a rule, saying which', () => {
    expect(parseNumberInput('abc', {})).toEqual({ ok: false, error: 'must be a number' });
    expect(parseNumberInput('', {})).toEqual({ ok: false, error: 'required' });
    expect(parseNumberInput('', { optional: true })).toEqual({ ok: true, value: undefined });
    expect(parseNumberInput('2.5', { integer: true })).toEqual({
      ok: false,
      error: 'must be a whole number',
    });
    expect(parseNumberInput('140', { percent: true, max: 1 })).toEqual({
      ok: false,
      error: 'must be at most 100%',
    });
    expect(parseNumberInput('-1', { min: 0 })).toEqual({ ok: false, error: 'must be at least 0' });
  });
});

describe('what-if sliders', () => {
  const volume = { min: 1_000, max: 1e9, log: true, integer: true };
  it('map positions logarithmically and back', () => {
    expect(fromPosition(0, volume)).toBe(1_000);
    expect(fromPosition(1000, volume)).toBe(1e9);
    // halfway on a log scale from 1e3 to 1e9 is 1e6
    expect(fromPosition(500, volume)).toBe(1_000_000);
    expect(toPosition(1_000_000, volume)).toBe(500);
    expect(toPosition(5e12, volume)).toBe(1000); // clamped
  });

  it('round to three significant figures', () => {
    expect(niceRound(12_345.6)).toBe(12_300);
    expect(niceRound(0.123456)).toBeCloseTo(0.123, 12);
    expect(fromPosition(333, { min: 0, max: 1, log: false })).toBe(0.333);
  });
});

describe('catalog row editor', () => {
  const offering = {
    id: 'openai/gpt-4o',
    usdPerMTok: { input: 2.5, output: 10, cacheRead: 1.25 },
    longContext: [],
    cache: { style: 'automatic', minPrefixTokens: 1024, appliesToBatch: true },
  };

  it('flattens nested fields to dotted paths and rebuilds the same row', () => {
    const fields = flattenRow(offering);
    expect(fields.map((f) => f.path)).toEqual([
      'id',
      'usdPerMTok.input',
      'usdPerMTok.output',
      'usdPerMTok.cacheRead',
      'longContext',
      'cache.style',
      'cache.minPrefixTokens',
      'cache.appliesToBatch',
    ]);
    expect(unflattenRow(fields)).toEqual({ ok: true, row: offering });
  });

  it('an emptied price drops the field; bad text names its path', () => {
    const fields = flattenRow(offering).map((f) =>
      f.path === 'usdPerMTok.cacheRead' ? { ...f, text: '' } : f,
    );
    const rebuilt = unflattenRow(fields);
    expect(rebuilt.ok && (rebuilt.row.usdPerMTok as Record<string, number>).cacheRead).toBe(
      undefined,
    );
    const bad = flattenRow(offering).map((f) =>
      f.path === 'usdPerMTok.output' ? { ...f, text: 'ten' } : f,
    );
    expect(unflattenRow(bad)).toEqual({
      ok: false,
      error: "usdPerMTok.output: must be a number (got 'ten')",
    });
    const badBool = flattenRow(offering).map((f) =>
      f.path === 'cache.appliesToBatch' ? { ...f, text: 'yes' } : f,
    );
    expect(unflattenRow(badBool)).toEqual({
      ok: false,
      error: 'cache.appliesToBatch: must be true or false',
    });
  });
});

describe('scenario files', () => {
  it('are named from the scenario', () => {
    expect(scenarioFileName('Support copilot — EU (v2)')).toBe('support-copilot-eu-v2.json');
    expect(scenarioFileName('***')).toBe('scenario.json');
  });
});
