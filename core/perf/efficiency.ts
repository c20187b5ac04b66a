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

/**
 * How much of the family's best rates a whole model step reaches in a serving engine, for every
 * engine alike: GEMMs, weight and KV reads. Fitted (`npm run calibrate -- --fit`).
 */
export interface ServingEfficiency {
  compute: number;
  memory: number;
  /** Slowdown of GEMMs on weight-only quantized weights (dequantization inside the kernel). */
  weightOnlyComputePenalty: number;
  /**
   * Routed-expert GEMMs relative to dense ones: grouped GEMMs over many small per-expert batches,
   * with token permutation and all-to-all dispatch around them, run below a dense GEMM's rate.
   */
  expertGemmEfficiency: number;
}

export const SERVING_EFFICIENCY: ServingEfficiency = {
  compute: 0.728,
  memory: 0.799,
  weightOnlyComputePenalty: 0.436,
  expertGemmEfficiency: 0.415,
};

export interface EngineProfile {
  /** The engine's kernels relative to TensorRT-LLM's (1 = as fast). */
  kernelEfficiency: number;
  /** Fixed time per engine step (scheduler loop, synchronisation), ms. */
  stepOverheadMs: number;
  /** Per-layer time per step that kernels do not hide (launch gaps without CUDA graphs), µs. */
  layerOverheadUs: number;
  /** Per-sequence time per step (batch bookkeeping, sampling, detokenising), µs. */
  sequenceOverheadUs: number;
  /** Share of memory the engine may use (vLLM gpu_memory_utilization and peers). */
  memoryFraction: number;
  /**
   * What that share is of: the whole GPU (vLLM gpu_memory_utilization, SGLang mem_fraction_static)
   * or the memory still free once weights and runtime are loaded (TensorRT-LLM
   * kv_cache_free_gpu_mem_fraction).
   */
  memoryFractionOf: 'gpu' | 'free';
  /**
   * Share of a request's output tokens the scheduler reserves KV for when it admits the request.
   * TensorRT-LLM's default GUARANTEED_NO_EVICT policy reserves them all (1). vLLM allocates blocks
   * as tokens are generated and preempts when they run out, so in steady state a sequence holds
   * its prompt and half its output on average (0.5). SGLang reserves an estimate that decays
   * towards what sequences actually hold (taken as vLLM's).
   */
  admissionOutputShare: number;
  /** Most sequences the scheduler runs at once by default. */
  maxBatch: number;
  /** Tokens per engine step (chunked-prefill budget, max_num_batched_tokens / max_num_tokens). */
  tokenBudget: number;
  /** Larger defaults the engine picks on GPUs with at least this much memory (not A100s). */
  largeGpuLimits?: { minMemoryGB: number; maxBatch: number; tokenBudget: number };
}

/**
 * Serving engines. kernelEfficiency and the overheads are fitted to the published measurements
 * (TensorRT-LLM is the reference, kernelEfficiency 1; `npm run calibrate -- --fit`); the limits
 * (memoryFraction, maxBatch, tokenBudget) are the engines' documented defaults. SGLang has no
 * usable measurement in the calibration set and takes vLLM's fitted factors. TGI's come from
 * TGI 1.0–2.0 runs, before CUDA graphs: its large per-layer overhead is theirs.
 */
export const ENGINE_PROFILES: Record<Engine, EngineProfile> = {
  trtllm: {
    kernelEfficiency: 1,
    stepOverheadMs: 1.84,
    layerOverheadUs: 23.2,
    sequenceOverheadUs: 13.5,
    memoryFraction: 0.9,
    memoryFractionOf: 'free',
    admissionOutputShare: 1,
    maxBatch: 2048,
    tokenBudget: 8192,
  },
  vllm: {
    kernelEfficiency: 1,
    stepOverheadMs: 0.786,
    layerOverheadUs: 6.99,
    sequenceOverheadUs: 10.1,
    memoryFraction: 0.9,
    memoryFractionOf: 'gpu',
    admissionOutputShare: 0.5,
    maxBatch: 256,
    tokenBudget: 2048,
    largeGpuLimits: { minMemoryGB: 70, maxBatch: 1024, tokenBudget: 8192 },
  },
  sglang: {
    kernelEfficiency: 1,
    stepOverheadMs: 0.786,
    layerOverheadUs: 6.99,
    sequenceOverheadUs: 10.1,
    memoryFraction: 0.88,
    memoryFractionOf: 'gpu',
    admissionOutputShare: 0.5,
    maxBatch: 4096,
    tokenBudget: 8192,
  },
  tgi: {
    kernelEfficiency: 0.948,
    stepOverheadMs: 4.27,
    layerOverheadUs: 81.3,
    sequenceOverheadUs: 12.1,
    memoryFraction: 0.9,
    memoryFractionOf: 'gpu',
    admissionOutputShare: 1,
    maxBatch: 128,
    tokenBudget: 4096,
  },
};

/** Everything the performance model takes from calibration, as one replaceable value. */
export interface PerfParameters {
  serving: ServingEfficiency;
  engines: Record<Engine, EngineProfile>;
}

export const PERF_PARAMETERS: PerfParameters = {
  serving: SERVING_EFFICIENCY,
  engines: ENGINE_PROFILES,
};

/** Memory held per GPU outside weights and KV: CUDA context, NCCL and allocator slack, GiB. */
export const RUNTIME_RESERVE_GB = 1.5;
