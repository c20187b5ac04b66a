import type { Gpu, OpenModel } from '../schema/catalog.ts';
import { PERF_PARAMETERS, type EngineProfile, type PerfParameters } from '../perf/efficiency.ts';
import { estimate } from '../perf/estimate.ts';
import type { CalibrationMetric, Measurement } from './measurement.ts';
import { quantile } from '../stats/sample-quantile.ts';

/**
 * Legacy engine releases differ from the current ones the product models in two ways: slower
 * kernels (one shared factor on their kernel efficiency), and scheduling done between GPU steps
 * where current releases overlap it with the GPU (overlap scheduler, async scheduling, CUDA graphs),
 * so their per-step and per-sequence overheads count in full (one shared factor on the overheads).
 * Fitted with the rest; used only to compare with legacy measurements.
 */
export interface LegacyFactors {
  kernel: number;
  overhead: number;
}

export const LEGACY_FACTORS: LegacyFactors = { kernel: 1.131, overhead: 1.567 };

export interface Prediction {
  measurement: Measurement;
  predicted: number | null;
  /** (predicted − published) ÷ published, null when not comparable. */
  relativeError: number | null;
  note?: string;
}

/** Predicts one measurement with the given calibration constants (the stored ones by default). */
export function predict(
  m: Measurement,
  models: ReadonlyMap<string, OpenModel>,
  gpus: ReadonlyMap<string, Gpu>,
  parameters: PerfParameters = PERF_PARAMETERS,
  legacy: LegacyFactors = LEGACY_FACTORS,
): Prediction {
  if (m.excluded !== undefined || m.metric === null) {
    return {
      measurement: m,
      predicted: null,
      relativeError: null,
      note: m.excluded ?? 'no metric',
    };
  }
  const model = m.model === null ? undefined : models.get(m.model);
  const gpu = m.gpu === null ? undefined : gpus.get(m.gpu);
  if (model === undefined || gpu === undefined) {
    return {
      measurement: m,
      predicted: null,
      relativeError: null,
      note: 'model or GPU not in catalog',
    };
  }
  const e = estimate({
    model,
    gpu,
    gpus: m.gpus,
    tp: m.tp,
    precision: m.precision,
    ...(m.kvPrecision ? { kvPrecision: m.kvPrecision } : {}),
    engine: m.engine,
    attentionDataParallel: m.attentionDataParallel ?? false,
    inputTokens: m.input,
    outputTokens: m.output,
    concurrency: m.concurrency,
    profile: {
      ...m.profile,
      ...(m.legacy ? legacyProfile(parameters.engines[m.engine], legacy) : {}),
    },
    parameters,
  });
  const predicted = metricValue(e, m.metric);
  if (predicted === null) {
    return {
      measurement: m,
      predicted: null,
      relativeError: null,
      note: e.reason ?? 'not predicted',
    };
  }
  return { measurement: m, predicted, relativeError: (predicted - m.value) / m.value };
}

function legacyProfile(engine: EngineProfile, legacy: LegacyFactors): Partial<EngineProfile> {
  return {
    kernelEfficiency: engine.kernelEfficiency * legacy.kernel,
    stepOverheadMs: engine.stepOverheadMs * legacy.overhead,
    layerOverheadUs: engine.layerOverheadUs * legacy.overhead,
    sequenceOverheadUs: engine.sequenceOverheadUs * legacy.overhead,
  };
}

function metricValue(e: ReturnType<typeof estimate>, metric: CalibrationMetric): number | null {
  if (!e.fitsInMemory) return null;
  switch (metric) {
    case 'outputTokPerS':
      return e.outputTokensPerSecond;
    case 'ttftMs':
      return e.ttftMs;
    case 'tpotMs':
      return e.tpotMs;
    case 'e2eMs':
      return e.e2eLatencyMs;
  }
}

export interface ErrorStats {
  count: number;
  medianAbsPct: number;
  p90AbsPct: number;
}

/** Median and 90th-percentile absolute % error per metric group. */
export function errorStats(predictions: readonly Prediction[]): ErrorStats {
  const errors = predictions
    .map((p) => p.relativeError)
    .filter((e): e is number => e !== null)
    .map((e) => Math.abs(e) * 100)
    .sort((a, b) => a - b);
  return {
    count: errors.length,
    medianAbsPct: quantile(errors, 0.5),
    p90AbsPct: quantile(errors, 0.9),
  };
}

/** Metric groups the report and the test use: throughput, and latency (TTFT, TPOT, E2E). */
export function metricGroup(metric: CalibrationMetric): 'throughput' | 'ttft' | 'tpot' | 'e2e' {
  if (metric === 'outputTokPerS') return 'throughput';
  if (metric === 'ttftMs') return 'ttft';
  if (metric === 'tpotMs') return 'tpot';
  return 'e2e';
}
