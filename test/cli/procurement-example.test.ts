import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { WEEKS_PER_MONTH } from '../../core/units.ts';
import { useDataDirEnv } from '../support/db.ts';

useDataDirEnv(beforeAll, afterAll);

interface Row {
  id: string;
  kind: 'api' | 'cloud' | 'onprem';
  modelId: string;
  feasible: boolean;
  rank: number | null;
  monthlyUsd: number | null;
  tcoUsd: number | null;
  latencyStatus: string;
}

interface Out {
  objective: string;
  recommended: string;
  candidateCount: number;
  feasibleCount: number;
  exclusions: { code: string; count: number }[];
  explanation: { sentences: string[] };
  candidates: Row[];
}

// Issue 8's procurement story: one model, every supplier of it, on one bill of comparison.
describe('examples/procurement.json: who to buy Llama 3.3 70B from', () => {
  let out: Out;
  beforeAll(() => {
    out = JSON.parse(run(['cost', '--scenario', 'examples/procurement.json', '--format', 'json']));
  });

  it('prices every supplier of the one model, each placement, nothing dropped uncounted', () => {
    expect(new Set(out.candidates.map((c) => c.modelId))).toEqual(new Set(['llama-3.3-70b']));
    expect(new Set(out.candidates.map((c) => c.kind))).toEqual(new Set(['api', 'cloud', 'onprem']));
    const counted = out.exclusions.reduce((n, x) => n + x.count, 0);
    expect(out.feasibleCount + counted).toBe(out.candidateCount);
    // No latency target: hosted APIs are not checked, never passed.
    const apis = out.candidates.filter((c) => c.kind === 'api');
    expect(apis.length).toBeGreaterThan(5);
    expect(apis.every((c) => c.latencyStatus === 'none')).toBe(true);
  });

  it('recommends the lowest 36-month cost, by hand', () => {
    // 15,000 requests a working day × 5 days × 365/7/12 weeks = 325,892.86 requests a month.
    // Lambda's row (LiteLLM, 2026-07-24): $0.12 input, $0.30 output per MTok, no prompt cache:
    // 2,500 × 0.12e-6 + 600 × 0.30e-6 = $0.00048 a request → $156.43 a month. Launch 2 weeks:
    // 36 − 2 ÷ 4.345 = 35.540 months served; 5,000 + 35.540 × 156.43 = $10,559.43.
    // DeepInfra turbo: $0.13 / $0.39 → $0.000559 → $182.17 a month → 5,000 + 35.540 × 182.17
    // = $11,474.42: $914.99 more, so it would win with setup below 5,000 − 914.99 = $4,085.
    const perMonth = 15_000 * 5 * WEEKS_PER_MONTH;
    const served = 36 - 2 / WEEKS_PER_MONTH;
    const lambda = perMonth * (2_500 * 0.12e-6 + 600 * 0.3e-6);
    const deepinfra = perMonth * (2_500 * 0.13e-6 + 600 * 0.39e-6);
    expect(lambda).toBeCloseTo(156.43, 2);
    expect(out.objective).toBe('tco');
    expect(out.recommended).toBe('api:lambda/llama3.3-70b-instruct-fp8');
    const byId = new Map(out.candidates.map((c) => [c.id, c]));
    const rec = byId.get(out.recommended)!;
    expect(rec.monthlyUsd).toBeCloseTo(lambda, 6);
    expect(rec.tcoUsd).toBeCloseTo(5_000 + served * lambda, 4);
    expect(rec.tcoUsd).toBeCloseTo(10_559.43, 2);
    const runnerUp = byId.get('api:deepinfra/meta-llama/llama-3.3-70b-instruct-turbo')!;
    expect(runnerUp.rank).toBe(2);
    expect(runnerUp.tcoUsd).toBeCloseTo(5_000 + served * deepinfra, 4);
    // The lowest 36-month cost of all that are feasible: nothing cheaper ranks below it.
    const feasible = out.candidates.filter((c) => c.feasible);
    expect(Math.min(...feasible.map((c) => c.tcoUsd!))).toBe(rec.tcoUsd);
    expect(out.explanation.sentences[1]).toContain('with setup below $4,085 (now $5,000)');
  });

  it('names the best rented and the best owned supplier against it', () => {
    const [, ...others] = out.explanation.sentences;
    expect(others.some((s) => s.startsWith('Best with rented GPUs: '))).toBe(true);
    expect(others.some((s) => s.startsWith('Best with owned GPUs: '))).toBe(true);
  });
});
