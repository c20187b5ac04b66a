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
  /**
   * Decode attention's KV-cache reads relative to the weight stream: paged attention gathers
   * blocks scattered over memory and splits long contexts across thread blocks, so it reaches less
   * of the bandwidth than a GEMM streaming contiguous weights.
   */
  attentionMemory: number;
  /**
   * GEMMs in native 8- and 4-bit float math relative to 16-bit ones, of their own (higher) peak:
   * scaling the activations, narrower tiles per byte and (4-bit) block scales keep them further
   * from peak (FP8 microbenchmarks reach 71–76 % vs 80 % in BF16).
   */
  fp8Math: number;
  fp4Math: number;
  /**
   * Time a mixture-of-experts layer adds to a step run eagerly (not replayed as a CUDA graph)
   * whatever its load, µs: launching the many small kernels of routing (top-k), sorting tokens by
   * expert, activation quantization, the grouped GEMMs, the weighted combine and under attention
   * data-parallel the gather and scatter, one by one from the host.
   */
  moeLayerOverheadUs: number;
  /**
   * How unevenly tokens route to the experts: the coefficient of variation of the tokens each
   * expert receives (0 when every expert gets its share). Under expert parallelism each GPU holds
   * a fixed set of experts and the step waits for the busiest one (see expertImbalance).
   */
  expertLoadSpread: number;
  /**
   * All-reduces and all-to-alls of a serving step relative to the link's bus bandwidth: the
   * catalog's figure is NCCL's at large messages, while a step's messages are a few MB at most
   * (a prefill's hidden states), where the collectives reach well under it.
   */
  commBandwidth: number;
  /**
   * The share of the GPU's KV-read rate one thread block of decode attention reaches. Engines that
   * do not split a sequence's context over blocks (see EngineProfile.splitsDecodeAttention) read
   * each KV head's cache with one block, so a small batch reads at a few blocks' rate, not the
   * GPU's. Fitted on the runs of such releases (the data's only ones), from one SM's even share of
   * an H100's bandwidth (1/132) with a weak pull: no microbenchmark gives a block's own rate.
   */
  decodeBlockBandwidth: number;
}

export const SERVING_EFFICIENCY: ServingEfficiency = {
  compute: 1,
  memory: 0.972,
  weightOnlyComputePenalty: 0.525,
  expertGemmEfficiency: 0.723,
  attentionMemory: 0.798,
  fp8Math: 0.922,
  fp4Math: 0.519,
  moeLayerOverheadUs: 390,
  expertLoadSpread: 4.82,
  commBandwidth: 0.722,
  decodeBlockBandwidth: 0.0215,
};

export interface EngineProfile {
  /** The engine's kernels relative to TensorRT-LLM's (1 = as fast). */
  kernelEfficiency: number;
  /** CPU time per engine step (scheduler loop, input preparation, synchronisation), ms. */
  stepOverheadMs: number;
  /**
   * Per-layer time per eagerly run step that kernels do not hide (launch gaps, small kernels), µs.
   * Steps replayed as CUDA graphs (see cudaGraphMaxBatch) do not pay it.
   */
  layerOverheadUs: number;
  /** CPU time per sequence per step (batch bookkeeping, sampling, detokenising), µs. */
  sequenceOverheadUs: number;
  /**
   * The engine prepares the next step on the CPU while the GPU runs the current one (TensorRT-LLM's
   * overlap scheduler, SGLang's overlap schedule): CPU time then costs only where it exceeds the
   * GPU's. Otherwise the two run one after the other.
   */
  overlapsScheduling: boolean;
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
  /**
   * Largest decode-only batch (per rank) the engine replays as a captured CUDA graph, 0 for none.
   * A replayed step launches no kernels one by one, so it pays no per-layer launch gaps; steps
   * with prefill tokens, or larger batches, run eagerly and pay them.
   */
  cudaGraphMaxBatch: number;
  /**
   * Rows the engine's grouped expert (MoE) GEMM multiplies at a time: in a step of no more tokens
   * than the model has experts (decode), and in a larger one. An expert given fewer rows still
   * costs a whole tile.
   */
  expertTileRowsFew: number;
  expertTileRowsMany: number;
  /**
   * Decode attention splits a sequence's context over several thread blocks (TensorRT-LLM's
   * multi_block_mode, on by default since 0.13; vLLM's paged attention v2 and flash-decoding), so
   * even a batch of one reads its KV at the GPU's rate. Without it (TensorRT-LLM before 0.13) one
   * block reads each KV head's whole cache (the XQA kernel's grid is KV heads × batch).
   */
  splitsDecodeAttention: boolean;
  /** The engine's KV reads relative to the serving efficiency's (1: as fitted for current releases). */
  kvReadEfficiency: number;
  /** Larger defaults the engine picks on GPUs with at least this much memory (not A100s). */
  largeGpuLimits?: { minMemoryGB: number; maxBatch: number; tokenBudget: number };
}

/**
 * Serving engines. The limits (memoryFraction, maxBatch, tokenBudget, admission) are the engines'
 * documented defaults. Kernel efficiency and overheads are fitted (`npm run calibrate -- --fit`)
 * where the calibration set holds runs of a current release: TensorRT-LLM's (the kernel reference,
 * kernelEfficiency 1), and vLLM's from its 0.11 runs on A100s (gpustack's gpt-oss-120b and
 * Qwen3-235B-A22B). SGLang, with no run in the set, takes vLLM's; TGI (its runs are 1.0–2.0, fitted
 * only as legacy factors) keeps the prior values, set before looking at data (ENGINE_PRIORS, which
 * are also where the fit starts).
 */
export const ENGINE_PRIORS = {
  vllm: {
    kernelEfficiency: 0.85,
    stepOverheadMs: 2.5,
    layerOverheadUs: 10,
    sequenceOverheadUs: 10,
  },
  tgi: { kernelEfficiency: 0.75, stepOverheadMs: 5, layerOverheadUs: 20, sequenceOverheadUs: 10 },
} as const;

const VLLM_FITTED = {
  kernelEfficiency: 0.943,
  stepOverheadMs: 1.29,
  layerOverheadUs: 20.2,
  sequenceOverheadUs: 40,
} as const;

/**
 * Engines with no run of a current release that take another engine's fitted constants (kernel
 * efficiency and overheads) below: SGLang takes vLLM's. Calibration moves them together, so that
 * its predictions of their runs are the product's.
 */
export const TAKE_FITTED_CONSTANTS: Partial<Record<Engine, readonly Engine[]>> = {
  vllm: ['sglang'],
};

export const ENGINE_PROFILES: Record<Engine, EngineProfile> = {
  trtllm: {
    kernelEfficiency: 1,
    stepOverheadMs: 0.108,
    layerOverheadUs: 65.4,
    sequenceOverheadUs: 24.5,
    overlapsScheduling: true,
    memoryFraction: 0.9,
    memoryFractionOf: 'free',
    admissionOutputShare: 1,
    maxBatch: 2048,
    tokenBudget: 8192,
    // CudaGraphConfig's default (llm_args.py): generation-only batches up to 128.
    cudaGraphMaxBatch: 128,
    // The CUTLASS grouped MoE GEMMs tile 128 tokens.
    expertTileRowsFew: 128,
    expertTileRowsMany: 128,
    splitsDecodeAttention: true,
    kvReadEfficiency: 1,
  },
  vllm: {
    ...VLLM_FITTED,
    overlapsScheduling: false,
    memoryFraction: 0.9,
    memoryFractionOf: 'gpu',
    admissionOutputShare: 0.5,
    maxBatch: 256,
    tokenBudget: 2048,
    // CompilationConfig's default capture sizes end at 512.
    cudaGraphMaxBatch: 512,
    // Fused MoE (Triton): blocks of 16 rows while a step has no more tokens than experts, 64
    // beyond (the default fused_moe config). Weight-only formats run Marlin kernels, which size
    // the block to the mean rows per expert (8 to 64); the model keeps 16/64 for them too, as
    // costing Marlin's own blocks fitted the calibration set worse when tried (loss 391.09
    // against 387.87, before the front end's token limit was modelled).
    expertTileRowsFew: 16,
    expertTileRowsMany: 64,
    splitsDecodeAttention: true,
    kvReadEfficiency: 1,
    largeGpuLimits: { minMemoryGB: 70, maxBatch: 1024, tokenBudget: 8192 },
  },
  sglang: {
    ...VLLM_FITTED,
    overlapsScheduling: true,
    memoryFraction: 0.88,
    memoryFractionOf: 'gpu',
    admissionOutputShare: 0.5,
    maxBatch: 4096,
    tokenBudget: 8192,
    // --cuda-graph-max-bs: 160 on 80 GB GPUs by default.
    cudaGraphMaxBatch: 160,
    // SGLang's fused MoE is vLLM's Triton kernel with the same default configs.
    expertTileRowsFew: 16,
    expertTileRowsMany: 64,
    splitsDecodeAttention: true,
    kvReadEfficiency: 1,
  },
  tgi: {
    ...ENGINE_PRIORS.tgi,
    overlapsScheduling: false,
    memoryFraction: 0.9,
    memoryFractionOf: 'gpu',
    admissionOutputShare: 1,
    maxBatch: 128,
    tokenBudget: 4096,
    // --cuda-graphs default: 1, 2, 4, 8, 16, 32.
    cudaGraphMaxBatch: 32,
    // TGI's MoE layers take their fused kernels from vLLM; the same blocks are assumed.
    expertTileRowsFew: 16,
    expertTileRowsMany: 64,
    splitsDecodeAttention: true,
    kvReadEfficiency: 1,
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
