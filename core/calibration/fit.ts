import { ENGINE_PROFILES, type PerfParameters } from '../perf/efficiency.ts';
import type { Gpu, OpenModel } from '../schema/catalog.ts';
import type { Engine } from '../schema/common.ts';
import type { Measurement } from './measurement.ts';
import { levenbergMarquardt } from './least-squares.ts';
import { predict, type LegacyFactors } from './predict.ts';

/** Calibration state: the product's constants plus the legacy-release factors. */
export interface CalibrationState {
  perf: PerfParameters;
  legacy: LegacyFactors;
}

/**
 * Where the fit starts and what it is pulled back towards: physically plausible values set before
 * looking at the data (matmul and stream efficiencies near microbenchmark figures, TensorRT-LLM as
 * the fastest engine, launch and scheduling overheads of a few µs to ms). Fitting always starts
 * here, so `--fit` is reproducible whatever constants are stored.
 */
export const PRIOR: CalibrationState = {
  legacy: { kernel: 0.75, overhead: 2 },
  perf: {
    serving: {
      compute: 0.7,
      memory: 0.85,
      weightOnlyComputePenalty: 0.6,
      expertGemmEfficiency: 0.8,
    },
    engines: {
      trtllm: {
        ...ENGINE_PROFILES.trtllm,
        kernelEfficiency: 1,
        stepOverheadMs: 1.5,
        layerOverheadUs: 5,
        sequenceOverheadUs: 2.5,
      },
      vllm: {
        ...ENGINE_PROFILES.vllm,
        kernelEfficiency: 0.85,
        stepOverheadMs: 2.5,
        layerOverheadUs: 10,
        sequenceOverheadUs: 10,
      },
      sglang: { ...ENGINE_PROFILES.sglang },
      tgi: {
        ...ENGINE_PROFILES.tgi,
        kernelEfficiency: 0.75,
        stepOverheadMs: 5,
        layerOverheadUs: 20,
        sequenceOverheadUs: 10,
      },
    },
  },
};

/** One fitted number: where it lives in the state, and its upper bound. */
interface Knob {
  name: string;
  get: (s: CalibrationState) => number;
  set: (s: CalibrationState, value: number) => void;
  max: number;
  /** Overheads have no trustworthy prior value; efficiencies do (microbenchmarks, engine docs). */
  weakPrior?: boolean;
}

/**
 * The few factors calibration may move: serving efficiencies shared by every engine, and per
 * engine its kernel efficiency (TensorRT-LLM is the reference) and its overheads.
 */
export function knobs(engines: readonly Engine[]): Knob[] {
  const out: Knob[] = [
    {
      name: 'legacy.kernel',
      get: (s) => s.legacy.kernel,
      set: (s, v) => (s.legacy.kernel = v),
      max: 1.5,
    },
    {
      name: 'legacy.overhead',
      get: (s) => s.legacy.overhead,
      set: (s, v) => (s.legacy.overhead = v),
      max: 20,
      weakPrior: true,
    },
    servingKnob('compute', 1),
    servingKnob('memory', 1),
    servingKnob('weightOnlyComputePenalty', 1),
    servingKnob('expertGemmEfficiency', 1),
  ];
  for (const engine of engines) {
    const fields = ['stepOverheadMs', 'layerOverheadUs', 'sequenceOverheadUs'] as const;
    if (engine !== 'trtllm') out.push(engineKnob(engine, 'kernelEfficiency', 1));
    for (const field of fields) {
      out.push({ ...engineKnob(engine, field, Number.POSITIVE_INFINITY), weakPrior: true });
    }
  }
  return out;
}

function servingKnob(
  field: 'compute' | 'memory' | 'weightOnlyComputePenalty' | 'expertGemmEfficiency',
  max: number,
): Knob {
  return {
    name: `serving.${field}`,
    get: (s) => s.perf.serving[field],
    set: (s, v) => (s.perf.serving[field] = v),
    max,
  };
}

function engineKnob(
  engine: Engine,
  field: 'kernelEfficiency' | 'stepOverheadMs' | 'layerOverheadUs' | 'sequenceOverheadUs',
  max: number,
): Knob {
  return {
    name: `${engine}.${field}`,
    get: (s) => s.perf.engines[engine][field],
    set: (s, v) => (s.perf.engines[engine][field] = v),
    max,
  };
}

export interface FitOptions {
  engines: readonly Engine[];
  /** Weight of a low-confidence measurement relative to 1. */
  lowConfidenceWeight: number;
  /** Pull towards the starting value, per squared log-ratio: keeps sparse engines physical. */
  priorStrength: number;
  /** Reweighting rounds and Levenberg–Marquardt steps per round (fewer: faster, coarser). */
  rounds?: number;
  iterationsPerRound?: number;
}

/** Per measurement: weight × ln(predicted ÷ published), or null for a miss (no prediction). */
function logErrors(
  measurements: readonly Measurement[],
  models: ReadonlyMap<string, OpenModel>,
  gpus: ReadonlyMap<string, Gpu>,
  state: CalibrationState,
  lowConfidenceWeight: number,
): (number | null)[] {
  return measurements.map((m) => {
    const p = predict(m, models, gpus, state.perf, state.legacy);
    const weight = m.lowConfidence ? lowConfidenceWeight : 1;
    return p.predicted === null || p.predicted <= 0
      ? null
      : weight * Math.log(p.predicted / m.value);
  });
}

/** The loss the fit minimises: weighted Σ |ln(predicted ÷ published)|, a miss costing 5. */
export function calibrationLoss(
  measurements: readonly Measurement[],
  models: ReadonlyMap<string, OpenModel>,
  gpus: ReadonlyMap<string, Gpu>,
  state: CalibrationState,
  lowConfidenceWeight: number,
): number {
  const usable = measurements.filter((m) => m.excluded === undefined && m.metric !== null);
  const errors = logErrors(usable, models, gpus, state, lowConfidenceWeight);
  return errors.reduce<number>(
    (sum, e, i) =>
      sum + (e === null ? 5 * (usable[i]?.lowConfidence ? lowConfidenceWeight : 1) : Math.abs(e)),
    0,
  );
}

/**
 * Fits the knobs in log space. The loss is a sum of absolute log errors (robust to the odd
 * outlier) plus a quadratic pull towards the prior; it is minimised by iteratively reweighted
 * least squares — each round a Levenberg–Marquardt solve of Σ e²/|e_previous| — which needs a few
 * hundred model evaluations where a simplex search needs tens of thousands.
 */
export function fitParameters(
  measurements: readonly Measurement[],
  models: ReadonlyMap<string, OpenModel>,
  gpus: ReadonlyMap<string, Gpu>,
  start: CalibrationState,
  options: FitOptions,
): { state: CalibrationState; loss: number; knobs: { name: string; value: number }[] } {
  const usable = measurements.filter(
    (m) => options.engines.includes(m.engine) && m.excluded === undefined && m.metric !== null,
  );
  const ks = knobs(options.engines);
  const startX = ks.map((k) => Math.log(k.get(start)));
  const toState = (x: readonly number[]): CalibrationState => {
    const s = JSON.parse(JSON.stringify(start)) as CalibrationState;
    ks.forEach((k, i) => k.set(s, Math.min(Math.exp(x[i] as number), k.max)));
    return s;
  };
  const priorStrength = ks.map((k) =>
    k.weakPrior ? options.priorStrength / 10 : options.priorStrength,
  );
  const priorResiduals = (x: readonly number[]) =>
    x.map((xi, i) => Math.sqrt(priorStrength[i] as number) * (xi - (startX[i] as number)));
  // A miss has no gradient: it keeps the residual of a 5-nat error.
  const errorsAt = (x: readonly number[]) =>
    logErrors(usable, models, gpus, toState(x), options.lowConfidenceWeight).map((e) => e ?? 5);

  let x = startX;
  let scale = errorsAt(x).map(() => 1);
  for (let round = 0; round < (options.rounds ?? 6); round++) {
    const s = scale;
    const fit = levenbergMarquardt(
      (xi) => [...errorsAt(xi).map((e, i) => e / (s[i] as number)), ...priorResiduals(xi)],
      x,
      { iterations: options.iterationsPerRound ?? 25 },
    );
    x = fit.x;
    // |e| ≈ e² / |e|: reweight by the current errors (floored so exact fits do not dominate).
    scale = errorsAt(x).map((e) => Math.sqrt(Math.max(Math.abs(e), 0.02)));
  }
  const state = toState(x);
  const prior = priorResiduals(x).reduce((sum, r) => sum + r * r, 0);
  const loss = calibrationLoss(usable, models, gpus, state, options.lowConfidenceWeight) + prior;
  return { state, loss, knobs: ks.map((k) => ({ name: k.name, value: k.get(state) })) };
}

/**
 * k-fold cross-validation: fit on all folds but one, predict the held-out fold. The out-of-fold
 * errors estimate how the model does on measurements it was not fitted to.
 */
export function crossValidate(
  measurements: readonly Measurement[],
  models: ReadonlyMap<string, OpenModel>,
  gpus: ReadonlyMap<string, Gpu>,
  start: CalibrationState,
  options: FitOptions,
  folds: number,
): ReturnType<typeof predict>[] {
  const usable = measurements.filter((m) => m.excluded === undefined && m.metric !== null);
  const out: ReturnType<typeof predict>[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = usable.filter((_, i) => i % folds === fold);
    const train = usable.filter((_, i) => i % folds !== fold);
    const { state } = fitParameters(train, models, gpus, start, options);
    for (const m of held) out.push(predict(m, models, gpus, state.perf, state.legacy));
  }
  return out;
}
