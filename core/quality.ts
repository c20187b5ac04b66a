import type { Benchmark, QualityScore } from './schema/catalog.ts';
import type { Precision } from './schema/common.ts';

/**
 * Share of a benchmark score lost to quantization. From "Give Me BF16 or Give Me Death?
 * Accuracy-Performance Trade-Offs in LLM Quantization" (Kurtic et al., 2024): FP8 W8A8 recovers
 * ~99.8% of BF16 accuracy, INT8 W8A8 ~99.5%, INT4 W4A16 ~98.5%; NVFP4 model cards report ~1%.
 * Applied to any benchmark's score as a relative loss; users may override per scenario.
 */
export const QUANTIZATION_QUALITY_LOSS: Record<Precision, number> = {
  fp16: 0,
  bf16: 0,
  fp8: 0.002,
  int8: 0.005,
  int4: 0.015,
  fp4: 0.01,
};

/**
 * What each benchmark is, for people: its name with its snapshot, and a starting minimum for the
 * workload form (a middling score of current models on it; the user sets their own).
 */
export const BENCHMARK_INFO: Record<Benchmark, { name: string; defaultMinimum: number }> = {
  'lmarena-text': { name: 'LMArena text (2025-08-04)', defaultMinimum: 1300 },
  'aider-polyglot': { name: 'Aider polyglot (2025-10-04)', defaultMinimum: 50 },
  'lmarena-text-2025-12': {
    name: 'LMArena text, style control (2025-12-11)',
    defaultMinimum: 1400,
  },
  'lmarena-text-2025-12-raw': { name: 'LMArena text, raw (2025-12-11)', defaultMinimum: 1350 },
  'livebench-2026-01': { name: 'LiveBench (2026-01-08)', defaultMinimum: 50 },
  'livebench-2026-01-coding': { name: 'LiveBench coding (2026-01-08)', defaultMinimum: 70 },
  'livebench-2026-01-agentic-coding': {
    name: 'LiveBench agentic coding (2026-01-08)',
    defaultMinimum: 40,
  },
};

/**
 * The benchmark a candidate's quality is read on when the workload sets no minimum (the sweep's
 * quality column, and the sources that cite it).
 */
export const DEFAULT_BENCHMARK: Benchmark = 'lmarena-text';

/** The benchmark a workload's quality is read on: its minimum's, else the default. */
export function workloadBenchmark(w: {
  minQuality?: { benchmark: Benchmark } | undefined;
}): Benchmark {
  return w.minQuality?.benchmark ?? DEFAULT_BENCHMARK;
}

export type QualityIndex = ReadonlyMap<string, ReadonlyMap<Benchmark, number>>;

/** Scores by model, then benchmark (the last row wins for duplicates). */
export function indexQuality(scores: readonly QualityScore[]): QualityIndex {
  const out = new Map<string, Map<Benchmark, number>>();
  for (const s of scores) {
    let byBenchmark = out.get(s.modelId);
    if (byBenchmark === undefined) out.set(s.modelId, (byBenchmark = new Map()));
    byBenchmark.set(s.benchmark, s.score);
  }
  return out;
}

/** A model's score on a benchmark, less the quantization loss when self-hosted at a precision. */
export function qualityScore(
  index: QualityIndex,
  modelId: string,
  benchmark: Benchmark,
  precision?: Precision,
): number | null {
  const score = index.get(modelId)?.get(benchmark);
  if (score === undefined) return null;
  return precision === undefined ? score : score * (1 - QUANTIZATION_QUALITY_LOSS[precision]);
}
