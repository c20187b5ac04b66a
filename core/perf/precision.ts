import type { Gpu } from '../schema/catalog.ts';
import type { Precision } from '../schema/common.ts';

/**
 * Bytes per weight. 4-bit formats carry their block scales: GPTQ/AWQ INT4 with a 16-bit scale
 * and zero point per 128 weights (0.5 + 4/128), NVFP4 with an FP8 scale per 16 (0.5 + 1/16).
 */
export const BYTES_PER_WEIGHT: Record<Precision, number> = {
  fp16: 2,
  bf16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5 + 4 / 128,
  fp4: 0.5 + 1 / 16,
};

/** Bytes per KV-cache element. */
export const BYTES_PER_KV: Record<Precision, number> = {
  fp16: 2,
  bf16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
  fp4: 0.5,
};

/** KV precision when none is given: FP8 beside 8- or 4-bit float weights, else 16-bit. */
export function defaultKvPrecision(weights: Precision): Precision {
  return weights === 'fp8' || weights === 'fp4' ? 'fp8' : 'bf16';
}

export interface ComputeMode {
  /** Dense peak TFLOPS of the math the GEMMs run in. */
  peakTflops: number;
  /** Which rate that is: native low-precision math, or 16-bit math on dequantized weights. */
  math: 'bf16' | 'fp8' | 'fp4';
  /** Weights are stored low-precision but multiplied in 16-bit (dequantized on the fly). */
  weightOnly: boolean;
}

/**
 * The math a precision runs in on a GPU. FP8 and FP4 use native tensor cores where the GPU has
 * them; everywhere else (INT8/INT4, or FP8 on Ampere) the weights are dequantized to 16-bit.
 */
export function computeMode(gpu: Gpu, precision: Precision): ComputeMode {
  if (precision === 'fp4' && gpu.tflops.fp4 !== undefined) {
    return { peakTflops: gpu.tflops.fp4, math: 'fp4', weightOnly: false };
  }
  if ((precision === 'fp8' || precision === 'fp4') && gpu.tflops.fp8 !== undefined) {
    // FP4 weights on an FP8-only GPU run as W4A8; FP8 runs natively.
    return { peakTflops: gpu.tflops.fp8, math: 'fp8', weightOnly: precision === 'fp4' };
  }
  const weightOnly = precision !== 'fp16' && precision !== 'bf16';
  return { peakTflops: gpu.tflops.bf16, math: 'bf16', weightOnly };
}
