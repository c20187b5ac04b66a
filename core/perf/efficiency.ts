import type { Engine } from '../schema/common.ts';
import type { GpuFamily } from '../schema/catalog.ts';

/**
 * Best measured fraction of datasheet peak per GPU family: dense BF16 matmul and stream-style
 * memory bandwidth (microbenchmarks summarised in the reference SOURCES: A100 87% / 83%,
 * H100 80% / 89%, H200 – / 86%, B200 78%, MI300X 51% / 77%). Families without a published
 * figure take their nearest relative's. These are hardware facts and are not fitted.
 */
export const FAMILY_EFFICIENCY: Record<GpuFamily, { compute: number; memory: number }> = {
  ampere: { compute: 0.87, memory: 0.83 },
  ada: { compute: 0.8, memory: 0.85 },
  hopper: { compute: 0.8, memory: 0.88 },
  blackwell: { compute: 0.78, memory: 0.86 },
  cdna3: { compute: 0.51, memory: 0.77 },
  gaudi: { compute: 0.7, memory: 0.8 },
  tpu: { compute: 0.75, memory: 0.85 },
};

/** Native FP8/FP4 matmul relative to BF16 on the same GPU (FP8 reaches 71–76% vs 80% BF16). */
export const LOW_PRECISION_MATH_EFFICIENCY = { bf16: 1, fp8: 0.92, fp4: 0.85 } as const;

export interface EngineProfile {
  /** Share of the family's best matmul rate a serving engine reaches on whole model steps. */
  compute: number;
  /** Share of the family's best bandwidth reached on weight and KV reads. */
  memory: number;
  /** Fixed time per engine step (scheduling, sampling, launches), ms. */
  stepOverheadMs: number;
  /** Slowdown of GEMMs on weight-only quantized weights (dequantization in the kernel). */
  weightOnlyComputePenalty: number;
  /** Share of GPU memory the engine may use (vLLM gpu_memory_utilization and peers). */
  memoryFraction: number;
  /** Most sequences the scheduler runs at once by default. */
  maxBatch: number;
  /** Tokens per engine step (chunked-prefill budget, max_num_batched_tokens / max_num_tokens). */
  tokenBudget: number;
}

/**
 * Serving-engine factors. compute, memory, stepOverheadMs and weightOnlyComputePenalty are fitted
 * to the published measurements by `npm run calibrate -- --fit` (see test/data); the limits
 * (memoryFraction, maxBatch, tokenBudget) are the engines' documented defaults. SGLang has no
 * usable measurement in the calibration set and takes vLLM's fitted factors.
 */
export const ENGINE_PROFILES: Record<Engine, EngineProfile> = {
  trtllm: {
    compute: 0.5,
    memory: 0.85,
    stepOverheadMs: 1,
    weightOnlyComputePenalty: 0.7,
    memoryFraction: 0.9,
    maxBatch: 2048,
    tokenBudget: 8192,
  },
  vllm: {
    compute: 0.45,
    memory: 0.8,
    stepOverheadMs: 3,
    weightOnlyComputePenalty: 0.7,
    memoryFraction: 0.9,
    maxBatch: 256,
    tokenBudget: 8192,
  },
  sglang: {
    compute: 0.45,
    memory: 0.8,
    stepOverheadMs: 3,
    weightOnlyComputePenalty: 0.7,
    memoryFraction: 0.88,
    maxBatch: 4096,
    tokenBudget: 8192,
  },
  tgi: {
    compute: 0.4,
    memory: 0.75,
    stepOverheadMs: 4,
    weightOnlyComputePenalty: 0.7,
    memoryFraction: 0.9,
    maxBatch: 128,
    tokenBudget: 4096,
  },
};

/** Memory held per GPU outside weights and KV: CUDA context, NCCL and allocator slack, GiB. */
export const RUNTIME_RESERVE_GB = 1.5;
