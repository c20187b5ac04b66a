import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { crossValidate, FIT_OPTIONS, PRIOR } from '../../core/calibration/fit.ts';
import { Measurement } from '../../core/calibration/measurement.ts';
import {
  errorStats,
  finiteRunWaitMs,
  legacyProfile,
  MEASUREMENT_FACTORS,
  metricGroup,
  poissonInFlight,
  predict,
  type Prediction,
} from '../../core/calibration/predict.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import { PERF_PARAMETERS } from '../../core/perf/efficiency.ts';
import { estimate, type EstimateInput } from '../../core/perf/estimate.ts';
import { defaultKvPrecision } from '../../core/perf/precision.ts';
import { replicaSpec } from '../../core/perf/replica.ts';
import { stepSeconds } from '../../core/perf/step-time.ts';
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

/** A run of the DLI sweep on H100s (Llama 3 8B on one GPU in FP16 unless given). */
const dliRun = (q: {
  model?: string;
  tp?: number;
  precision?: Measurement['precision'];
  input: number;
  output: number;
  users: number;
  metric: Measurement['metric'];
}) =>
  doc.measurements.find(
    (x) =>
      x.model === (q.model ?? 'llama-3-8b') &&
      x.gpu === 'h100-sxm' &&
      x.tp === (q.tp ?? 1) &&
      x.precision === (q.precision ?? 'fp16') &&
      x.input === q.input &&
      x.output === q.output &&
      x.concurrency === q.users &&
      x.metric === q.metric,
  ) as Measurement;

/** The DLI sweep's TTFT of Llama 3 8B on one H100 in FP16, prompts and outputs of `tokens`. */
const dliTtft = (tokens: number, users = 10) =>
  dliRun({ input: tokens, output: tokens, users, metric: 'ttftMs' });

/**
 * One admission iteration of m's release: `prompts` of m's prompts prefilled (they fit the token
 * budget, 8,192 unless given) while `running` admitted requests decode a token each, in ms.
 */
const iterationMs = (m: Measurement, prompts: number, running: number, tokenBudget = 8192) => {
  const spec = replicaSpec({
    model: models.get(m.model as string) as OpenModel,
    gpu: gpus.get(m.gpu as string) as Gpu,
    tp: m.tp,
    precision: m.precision,
    kvPrecision: defaultKvPrecision(m.precision),
    engine: m.engine,
    profile: { ...m.profile, ...legacyProfileFor(m), tokenBudget },
  });
  expect(prompts * m.input).toBeLessThanOrEqual(spec.tokenBudget);
  return 1000 * stepSeconds(spec, running, m.input + 1, prompts * m.input, m.input / 2);
};

// Held-out folds: every 5th usable measurement is predicted by a fit on the other four fifths,
// with the same fit `npm run calibrate` reports (FIT_OPTIONS: 6 reweighting rounds of 25
// Levenberg–Marquardt steps at each of the five legacy budgets, ~20 s of CPU a fold). Deterministic: fixed folds, no randomness.
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
  // ≤ 40 %. Over 2,858 points: throughput 7.5 % / 25.2 %, TPOT 6.9 % / 19.5 %, TTFT 12.9 % / 39.5 %
  // (40.2 % before the 2024 sweeps' runs were costed as the finite runs they were; see
  // MeasurementFactors.legacyRequestCount). The folds are fixed, so the figures repeat exactly.
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

  it("TTFT, held out: median ≤ 15 %, P90 ≤ 40 % (the issue's bar)", () => {
    const s = group(heldOut, 'ttft');
    expect(s.count).toBeGreaterThanOrEqual(800);
    expect(s.medianAbsPct).toBeLessThanOrEqual(15);
    expect(s.p90AbsPct).toBeLessThanOrEqual(40);
  });

  it('a cohort that fits one iteration waits for all its prompts, whatever the share', () => {
    // Llama 3 8B on one H100 (DLI, 2024 NIM): ten 200-token prompts fit one iteration of the
    // 8,192-token budget, so first and later waves alike wait for the prefill of all ten, T10,
    // where spread arrivals wait for their own prompt's while nine others decode, T1. The client
    // sends the ten's next requests one after another, 4 ms apart: spread over 10 × 4 ms, the
    // group stays whole in the share e^(−40 ÷ T10); NIM's front end adds its time before all.
    const m = dliTtft(200);
    const spread = predict({ ...m, harness: {} }, models, gpus).predicted as number;
    const t10 = iterationMs(m, 10, 0);
    const t1 = iterationMs(m, 1, 9);
    expect(t10).toBeGreaterThan(t1);
    for (const share of [0, 0.5, 1]) {
      const f = {
        ...MEASUREMENT_FACTORS,
        cohortWait: share,
        clientSendMs: 4,
        frontEndMs: 5,
        legacyCohortTokenBudget: 8192,
      };
      const expected = spread + 5 + Math.exp(-40 / t10) * (t10 - t1);
      expect(predict(m, models, gpus, undefined, f).predicted).toBeCloseTo(expected, 6);
    }
  });

  it('a cohort over several iterations waits for the ones before it only while it holds', () => {
    // 2,000-token prompts: four to an 8,192-token iteration, so ten users go in three (4, 4, 2),
    // each iteration also decoding those admitted before it: the first wave's clock reads
    // c1 = T(4, 0), c2 = c1 + T(4, 4), c3 = c2 + T(2, 8), and it waits (4·c1 + 4·c2 + 2·c3) ÷ 10.
    // Later waves come back as their groups, the rest decoding: (8·T(4, 6) + 2·T(2, 8)) ÷ 10. The
    // share weighs the two; three iterations are within the hold, so it counts in full. A group
    // of four comes back 4 × 10 ms spread: whole in the share e^(−40 ÷ T(4, 6)).
    const m = dliTtft(2000);
    const T = (prompts: number, running: number) => iterationMs(m, prompts, running);
    const c1 = T(4, 0);
    const c2 = c1 + T(4, 4);
    const c3 = c2 + T(2, 8);
    const firstWave = (4 * c1 + 4 * c2 + 2 * c3) / 10;
    const laterWaves = (8 * T(4, 6) + 2 * T(2, 8)) / 10;
    const whole = Math.exp(-40 / T(4, 6));
    const spread = predict({ ...m, harness: {} }, models, gpus).predicted as number;
    for (const share of [0, 0.25, 1]) {
      const f = {
        ...MEASUREMENT_FACTORS,
        cohortWait: share,
        cohortHoldIterations: 3,
        clientSendMs: 10,
        frontEndMs: 0,
        legacyCohortTokenBudget: 8192,
      };
      const meanMs = share * firstWave + (1 - share) * laterWaves;
      const expected = spread + whole * (meanMs - T(1, 9));
      expect(predict(m, models, gpus, undefined, f).predicted).toBeCloseTo(expected, 6);
    }
  });

  it("the 2024 sweeps' budget admits ten 2,000-token prompts in one iteration", () => {
    // The fitted budget (65,536 tokens) holds all ten prompts (20,000 tokens): first and later
    // waves alike wait the one iteration T10 = T(10, 0), where spread arrivals wait their own
    // prompt's among nine decodes, T(1, 9). Ten come back 10 × δ spread: whole in e^(−10δ ÷ T10).
    const m = dliTtft(2000);
    const budget = MEASUREMENT_FACTORS.legacyCohortTokenBudget;
    expect(budget).toBe(65536);
    const t10 = iterationMs(m, 10, 0, budget);
    const t1 = iterationMs(m, 1, 9, budget);
    const delta = MEASUREMENT_FACTORS.clientSendMs;
    const spread = predict(
      { ...m, harness: {}, profile: { ...m.profile, tokenBudget: budget } },
      models,
      gpus,
    ).predicted as number;
    const expected =
      spread + MEASUREMENT_FACTORS.frontEndMs + Math.exp((-10 * delta) / t10) * (t10 - t1);
    expect(predict(m, models, gpus).predicted).toBeCloseTo(expected, 6);
    // Published: 444 ms, about ten single prefills (the run at one user: 54 ms).
    expect(m.value).toBeGreaterThan(400);
  });

  it('a cohort spanning more iterations than it holds for waits as a smaller first wave', () => {
    // 2,000-token prompts at 50 users: 13 iterations of four. Held for 4 iterations with decay
    // 0.5, the first wave's share 0.8 counts as 0.8 × (4 ÷ 13)^0.5 = 0.4438.
    const at50 = dliTtft(2000, 50);
    const f = {
      ...MEASUREMENT_FACTORS,
      cohortHoldIterations: 4,
      cohortDecay: 0.5,
      legacyCohortTokenBudget: 8192,
    };
    const decayed = predict(at50, models, gpus, undefined, { ...f, cohortWait: 0.8 });
    const scaled = predict(at50, models, gpus, undefined, {
      ...f,
      cohortWait: 0.8 * Math.sqrt(4 / 13),
      cohortHoldIterations: 13,
    });
    expect(decayed.predicted).toBeCloseTo(scaled.predicted as number, 6);
    const held = predict(at50, models, gpus, undefined, {
      ...f,
      cohortWait: 0.8,
      cohortHoldIterations: 13,
    });
    expect(held.predicted as number).toBeGreaterThan(decayed.predicted as number);
  });

  it('a client that did not hold its users is predicted at the load it held', () => {
    // llmperf at 64 offered users on one A10G (vLLM 0.4.3): 102.7 requests/min × 10.87 s per
    // request (61.73 ms × 176.0 counted tokens) = 18.6 in flight. Its throughput, 301 counted
    // tokens/s, is predicted within 30 % at 18.6 users (27 % since vLLM's constants are fitted to
    // its 0.11 runs, which this 0.4.3 run reaches through the legacy factor; 25 % before); at 64
    // the queue would not change it, but the TTFT would be seconds of waiting the run never saw.
    const run = inSample.find((p) => p.measurement.id === 77) as Prediction;
    expect(run.measurement.harness?.inFlight).toBeCloseTo(18.59, 2);
    expect(Math.abs(run.relativeError as number)).toBeLessThan(0.3);
  });

  it("NIM 1.8's front end passes streamed tokens at its own pace, around the first token", () => {
    // Llama 3.1 8B FP8 on one H100, 200/200 tokens, 250 users. Without the front end's limit the
    // engine makes thr0 tokens/s, each request taking E = 250 × 200 ÷ thr0 (Little's law). A front
    // end of u per token is busy a = thr0 × u; the wait w solves w² + w·E·(1 − a) − u·a·E = 0 and
    // stretches every request: throughput thr0 × E ÷ (E + w), the first token later by 40 % of w
    // (the share) and the other 199 spaced by the rest.
    const run = (metric: Measurement['metric']) =>
      doc.measurements.find(
        (x) =>
          x.model === 'llama-3.1-8b' &&
          x.gpu === 'h100-sxm' &&
          x.legacy !== true &&
          x.input === 200 &&
          x.output === 200 &&
          x.concurrency === 250 &&
          x.metric === metric,
      ) as Measurement;
    const at = (m: Measurement, usPerToken: number) =>
      predict(m, models, gpus, undefined, {
        ...MEASUREMENT_FACTORS,
        frontEndUsPerToken: usPerToken,
        frontEndFirstTokenShare: 0.4,
      }).predicted as number;
    const thr0 = at(run('outputTokPerS'), 0);
    const eMs = ((250 * 200) / thr0) * 1000;
    const uMs = 0.08;
    const a = (thr0 / 1000) * uMs;
    const b = eMs * (1 - a);
    const wMs = (-b + Math.sqrt(b * b + 4 * uMs * a * eMs)) / 2;
    expect(at(run('outputTokPerS'), 80)).toBeCloseTo((thr0 * eMs) / (eMs + wMs), 6);
    expect(at(run('ttftMs'), 80)).toBeCloseTo(at(run('ttftMs'), 0) + 0.4 * wMs, 6);
    expect(at(run('tpotMs'), 80)).toBeCloseTo(at(run('tpotMs'), 0) + (0.6 * wMs) / 199, 6);
    // However fast the engine, the loop gets no more than 1 ÷ u: 5,000 tokens/s at 200 µs.
    expect(at(run('outputTokPerS'), 200)).toBeLessThan(5000);
    expect(at(run('outputTokPerS'), 200)).toBeGreaterThan(4950);
    // Published 12,965 tokens/s at this load, where the engine alone is predicted far above. The
    // fitted front end (92 µs) holds it to 10,920: 16 % low, traded against how these runs wait
    // for their first tokens (MeasurementFactors.frontEndUsPerToken).
    expect(thr0).toBeGreaterThan(1.3 * run('outputTokPerS').value);
    expect(
      Math.abs(inSample.find((p) => p.measurement === run('outputTokPerS'))!.relativeError!),
    ).toBeLessThan(0.2);
  });

  it("the 2024 sweeps are not costed the front end's token time (it predicted worse held out)", () => {
    const m = dliTtft(200, 100);
    const f = (usPerToken: number) =>
      predict(m, models, gpus, undefined, {
        ...MEASUREMENT_FACTORS,
        frontEndUsPerToken: usPerToken,
      }).predicted;
    expect(f(500)).toBe(f(0));
  });

  it('a run of a few waves from a cold start waits less than a steady loop, by hand', () => {
    // 4 users, 2 batch slots of 10 ms each (2 slots ÷ 200 requests/s). A steady loop queues each
    // request (4 − 2) ÷ 200/s = 10 ms. The first 4 requests start at 0, 0, 10 and 10 ms (the last
    // two when the first two free their slots): mean wait 5 ms, 5 less than steady. Two more start
    // at 20 ms, 10 ms after their users' previous requests returned: 40 ÷ 6 = 6.67 ms, 3.33 less.
    const run = { concurrency: 4, maxConcurrency: 2, replicas: 1, requestsPerSecond: 200 };
    expect(finiteRunWaitMs(run, 4)).toBeCloseTo(-5, 9);
    expect(finiteRunWaitMs(run, 6)).toBeCloseTo(-10 / 3, 9);
    // Between whole counts the fit sees a straight line: 5 requests wait 30 ÷ 5 = 6 ms.
    expect(finiteRunWaitMs(run, 4.5)).toBeCloseTo(-4.5, 9);
    // Users the batch holds never queue.
    expect(finiteRunWaitMs({ ...run, concurrency: 2 }, 4)).toBe(0);
  });

  it('the 2024 sweeps past saturation wait as runs of about a thousand requests do', () => {
    // Llama 3 8B FP16 on one H100, 7,000/1,000 tokens, 150 and 250 users: 80.1 s and 148.8 s to a
    // first token published, predicted within 15 %. A run ten times as long waits longer, towards
    // the steady loop's queue.
    for (const users of [150, 250]) {
      const m = dliRun({ input: 7000, output: 1000, users, metric: 'ttftMs' });
      const at = (requestCount: number) =>
        predict(m, models, gpus, undefined, {
          ...MEASUREMENT_FACTORS,
          legacyRequestCount: requestCount,
        }).predicted as number;
      expect(Math.abs(at(MEASUREMENT_FACTORS.legacyRequestCount) / m.value - 1)).toBeLessThan(0.15);
      expect(at(10 * MEASUREMENT_FACTORS.legacyRequestCount)).toBeGreaterThan(
        at(MEASUREMENT_FACTORS.legacyRequestCount) * 1.03,
      );
    }
  });

  it("a release before TensorRT-LLM 0.13 reads one user's long context at its blocks' rate", () => {
    // Llama 3 70B FP8 on eight H100s (one KV head a GPU, so one block a layer), one user: 12.0 ms
    // a token at 200/200 tokens, 17.6 ms at 7,000/1,000. The whole GPU would read 7,500
    // positions' KV in a fraction of a millisecond; one block takes about five more.
    const tpot = (input: number, output: number) =>
      dliRun({
        model: 'llama-3-70b',
        tp: 8,
        precision: 'fp8',
        input,
        output,
        users: 1,
        metric: 'tpotMs',
      });
    const short = tpot(200, 200);
    const long = tpot(7000, 1000);
    expect([short.value, long.value]).toEqual([expect.closeTo(12.0, 1), expect.closeTo(17.57, 1)]);
    expect(long.profile?.splitsDecodeAttention).toBe(false);
    const predicted = (m: Measurement) => predict(m, models, gpus).predicted as number;
    expect(predicted(short)).toBeCloseTo(short.value, -0.5);
    expect(predicted(long)).toBeCloseTo(long.value, -0.5);
    // Split (as every current release runs), the same run would gain under a millisecond.
    const split = { ...long, profile: { ...long.profile, splitsDecodeAttention: true } };
    expect(predicted(split) - predicted(short)).toBeLessThan(1);
    expect(predicted(long) - predicted(short)).toBeGreaterThan(4);
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

  describe('random arrivals at a request rate (harness.requestsPerS)', () => {
    // Llama 3 8B on one H100 in FP16, 2,000-token prompts and outputs, spread (not cohort) arrivals.
    const base: Measurement = { ...dliTtft(2000), harness: {}, concurrency: 1000 };
    const input = (concurrency: number): EstimateInput => ({
      model: models.get('llama-3-8b') as OpenModel,
      gpu: gpus.get('h100-sxm') as Gpu,
      gpus: 1,
      tp: 1,
      precision: 'fp16',
      engine: base.engine,
      inputTokens: 2000,
      outputTokens: 2000,
      concurrency,
      profile: { ...base.profile, ...legacyProfileFor(base) },
    });
    const at = (concurrency: number) => estimate(input(concurrency));
    const poisson = (metric: Measurement['metric'], requestsPerS: number, cap = 1000) =>
      predict({ ...base, metric, concurrency: cap, harness: { requestsPerS } }, models, gpus)
        .predicted as number;
    const closedLoop = (metric: Measurement['metric'], concurrency: number) =>
      predict({ ...base, metric, concurrency }, models, gpus).predicted as number;

    it("a rate equal to a closed loop's request rate holds that loop's load", () => {
      // A closed loop of 8 users serves r8 = 8 ÷ e2e(8) requests a second. Sent at random at r8,
      // requests stay e2e(8) each, so by Little's law r8 × e2e(8) = 8 are in flight: the same
      // operating point, so the same TTFT and TPOT, and r8 × 2,000 output tokens a second.
      const r8 = at(8).requestsPerSecond;
      expect(r8 * ((at(8).e2eLatencyMs as number) / 1000)).toBeCloseTo(8, 9);
      expect(poissonInFlight(input(1), r8, 1000)).toBeCloseTo(8, 6);
      expect(poisson('ttftMs', r8)).toBeCloseTo(closedLoop('ttftMs', 8), 4);
      expect(poisson('tpotMs', r8)).toBeCloseTo(closedLoop('tpotMs', 8), 4);
      expect(poisson('outputTokPerS', r8)).toBeCloseTo(r8 * 2000, 3);
    });

    it("the load found satisfies Little's law: in flight = rate × request time", () => {
      // Rates of 5 %, 50 % and 90 % of what a full replica serves (its most users, 115, in flight).
      const capacity = at(at(1000).maxConcurrency).requestsPerSecond;
      for (const requestsPerS of [0.05 * capacity, 0.5 * capacity, 0.9 * capacity]) {
        const c = poissonInFlight(input(1), requestsPerS, 1000);
        const e2eS = (at(c).e2eLatencyMs as number) / 1000;
        expect(c / (requestsPerS * e2eS)).toBeCloseTo(1, 6);
        // Below capacity every request is served: throughput is the rate × 2,000 tokens.
        expect(poisson('outputTokPerS', requestsPerS)).toBeCloseTo(requestsPerS * 2000, 3);
      }
      // A slower rate keeps fewer in flight, and they wait less for their first token.
      expect(poisson('ttftMs', 0.05 * capacity)).toBeLessThan(poisson('ttftMs', 0.9 * capacity));
    });

    it("past capacity, or past the client's cap, the load is the cap", () => {
      const capacity = at(at(1000).maxConcurrency).requestsPerSecond;
      // Twice what the replica can serve: a closed loop of the client's cap, 1,000 in flight.
      expect(poissonInFlight(input(1), 2 * capacity, 1000)).toBe(1000);
      expect(poisson('ttftMs', 2 * capacity)).toBeCloseTo(closedLoop('ttftMs', 1000), 6);
      // A rate that would need 8 in flight, from a client that allows 4: 4 in flight.
      const r8 = at(8).requestsPerSecond;
      expect(poissonInFlight(input(1), r8, 4)).toBe(4);
      expect(poisson('tpotMs', r8, 4)).toBeCloseTo(closedLoop('tpotMs', 4), 6);
    });

    it('a rate that is not a positive number is rejected, naming the field', () => {
      for (const requestsPerS of [0, -2, Number.POSITIVE_INFINITY]) {
        const parsed = Measurement.safeParse({ ...base, harness: { requestsPerS } });
        expect(parsed.success).toBe(false);
        if (!parsed.success)
          expect(describeZodError(parsed.error)).toMatch(/^harness\.requestsPerS: /);
      }
      const both = Measurement.safeParse({
        ...base,
        harness: { requestsPerS: 2, arrivals: 'cohort' },
      });
      expect(both.success).toBe(false);
      if (!both.success) {
        expect(describeZodError(both.error)).toBe(
          'harness.requestsPerS: random arrivals at a rate cannot also be a cohort, a burst or a given inFlight',
        );
      }
    });
  });

  it('the model keeps physical orderings the data shows', () => {
    // H200's extra bandwidth and memory help a long-context run: 17,744 vs 15,220 published.
    const h200 = inSample.find((p) => p.measurement.id === 41)?.predicted ?? 0;
    const h100 = inSample.find((p) => p.measurement.id === 42)?.predicted ?? 0;
    expect(h200).toBeGreaterThan(h100);
  });
});
