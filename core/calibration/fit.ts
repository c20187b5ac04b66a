import { ENGINE_PROFILES, type PerfParameters } from '../perf/efficiency.ts';
import type { Gpu, OpenModel } from '../schema/catalog.ts';
import type { Engine } from '../schema/common.ts';
import type { Measurement } from './measurement.ts';
import { nelderMead } from './nelder-mead.ts';
import { predict } from './predict.ts';

/** Calibration state: the product's constants plus the legacy-release factor. */
export interface CalibrationState {
  perf: PerfParameters;
  legacyKernelFactor: number;
}

/**
 * Where the fit starts and what it is pulled back towards: physically plausible values set before
 * looking at the data (matmul and stream efficiencies near microbenchmark figures, TensorRT-LLM as
 * the fastest engine, launch and scheduling overheads of a few µs to ms). Fitting always starts
 * here, so `--fit` is reproducible whatever constants are stored.
 */
export const PRIOR: CalibrationState = {
  legacyKernelFactor: 0.75,
  perf: {
    serving: { compute: 0.7, memory: 0.85, weightOnlyComputePenalty: 0.6 },
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
      name: 'legacyKernelFactor',
      get: (s) => s.legacyKernelFactor,
      set: (s, v) => (s.legacyKernelFactor = v),
      max: 1.5,
    },
    servingKnob('compute', 1),
    servingKnob('memory', 1),
    servingKnob('weightOnlyComputePenalty', 1),
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

function servingKnob(field: 'compute' | 'memory' | 'weightOnlyComputePenalty', max: number): Knob {
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
}

/** The loss the fit minimises: weighted Σ |ln(predicted ÷ published)|, a miss costing 5. */
export function calibrationLoss(
  measurements: readonly Measurement[],
  models: ReadonlyMap<string, OpenModel>,
  gpus: ReadonlyMap<string, Gpu>,
  state: CalibrationState,
  lowConfidenceWeight: number,
): number {
  let total = 0;
  for (const m of measurements) {
    if (m.excluded !== undefined || m.metric === null) continue;
    const p = predict(m, models, gpus, state.perf, state.legacyKernelFactor);
    const weight = m.lowConfidence ? lowConfidenceWeight : 1;
    total +=
      p.predicted === null || p.predicted <= 0
        ? 5 * weight
        : weight * Math.abs(Math.log(p.predicted / m.value));
  }
  return total;
}

/** Fits the knobs in log space with Nelder–Mead, restarted to escape stalls. */
export function fitParameters(
  measurements: readonly Measurement[],
  models: ReadonlyMap<string, OpenModel>,
  gpus: ReadonlyMap<string, Gpu>,
  start: CalibrationState,
  options: FitOptions,
): { state: CalibrationState; loss: number; knobs: { name: string; value: number }[] } {
  const usable = measurements.filter((m) => options.engines.includes(m.engine));
  const ks = knobs(options.engines);
  const startX = ks.map((k) => Math.log(k.get(start)));
  const toState = (x: readonly number[]): CalibrationState => {
    const s = JSON.parse(JSON.stringify(start)) as CalibrationState;
    ks.forEach((k, i) => k.set(s, Math.min(Math.exp(x[i] as number), k.max)));
    return s;
  };
  const loss = (x: readonly number[]): number => {
    let prior = 0;
    x.forEach((xi, i) => {
      const strength = ks[i]?.weakPrior ? options.priorStrength / 10 : options.priorStrength;
      prior += strength * (xi - (startX[i] as number)) ** 2;
    });
    return calibrationLoss(usable, models, gpus, toState(x), options.lowConfidenceWeight) + prior;
  };
  let best = nelderMead(loss, startX, { step: 0.3, iterations: 3000 });
  for (let round = 0; round < 3; round++) {
    best = nelderMead(loss, best.x, { step: 0.15, iterations: 3000 });
  }
  const state = toState(best.x);
  return { state, loss: best.value, knobs: ks.map((k) => ({ name: k.name, value: k.get(state) })) };
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
    for (const m of held) out.push(predict(m, models, gpus, state.perf, state.legacyKernelFactor));
  }
  return out;
}
