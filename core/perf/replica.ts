import type { Gpu, OpenModel } from '../schema/catalog.ts';
import type { Engine, Precision } from '../schema/common.ts';
import { BYTES_PER_DATASHEET_GB, BYTES_PER_GB } from '../units.ts';
import {
  FAMILY_EFFICIENCY,
  PERF_PARAMETERS,
  RUNTIME_RESERVE_GB,
  type EngineProfile,
  type PerfParameters,
  type ServingEfficiency,
} from './efficiency.ts';
import { normalQuantile } from '../stats/distributions.ts';
import { modelShape } from './model-shape.ts';
import { BYTES_PER_KV, BYTES_PER_WEIGHT, computeMode, type ComputeMode } from './precision.ts';

export interface ReplicaConfig {
  model: OpenModel;
  gpu: Gpu;
  /** GPUs in the replica (tensor-parallel degree). */
  tp: number;
  precision: Precision;
  kvPrecision: Precision;
  engine: Engine;
  /** Overrides of the engine's limits (a deployment's own batch or token budget). */
  profile?: Partial<EngineProfile>;
  /**
   * Mixture-of-experts layout over the replica's GPUs: attention data-parallel (each GPU runs its
   * own sequences' attention with a full copy of the dense weights; experts split across GPUs,
   * tokens sent to them all-to-all), as TensorRT-LLM's enable_attention_dp, SGLang's
   * --enable-dp-attention and vLLM's data-parallel expert-parallel run. Ignored for dense models
   * and single GPUs; otherwise tensor parallel throughout.
   */
  attentionDataParallel?: boolean;
  /** Calibration constants; the stored ones unless a fit is trying others. */
  parameters?: PerfParameters;
}

/**
 * One serving replica reduced to the constants its step time needs: seconds per byte class and
 * per FLOP class, per GPU of the replica. Built once per configuration, then evaluated many times.
 */
export interface ReplicaSpec {
  tp: number;
  /** MoE with attention data-parallel over the tp GPUs (see ReplicaConfig). */
  attentionDataParallel: boolean;
  /** Share of output tokens whose KV the scheduler reserves at admission (EngineProfile). */
  admissionOutputShare: number;
  layers: number;
  fullAttentionLayers: number;
  windowedLayers: number;
  windowTokens: number;
  /**
   * Layers that attend within chunks, and the chunk. Only prefill attention is cut to the chunk:
   * TensorRT-LLM applies chunked attention to context requests only and keeps these layers' whole
   * cache (vLLM's hybrid cache frees passed chunks; not modelled, a conservative reading there).
   */
  chunkedLayers: number;
  chunkTokens: number;
  /** Memory (bytes, whole replica). */
  weightBytes: number;
  weightBytesPerGpu: number;
  gpuMemoryBytes: number;
  /** Per GPU: the engine's memory share less runtime and activation reserve, for weights + KV. */
  budgetBytesPerGpu: number;
  usableKvBytes: number;
  kvBytesPerTokenPerLayer: number;
  /** Most sequences and tokens per engine step for the whole replica (per rank × ranks under DP). */
  maxBatch: number;
  tokenBudget: number;
  /** Largest decode-only batch of the replica replayed as CUDA graphs (per rank × ranks). */
  cudaGraphMaxBatch: number;
  /** Seconds to read the dense (non-expert) weights, and all routed-expert weights, per GPU. */
  denseReadS: number;
  expertReadS: number;
  expertActivationShare: number;
  /** Dense (non-expert) GEMM seconds per token processed. */
  gemmSPerToken: number;
  /** Routed experts: how many, and GEMM seconds per row one expert multiplies (0 if dense). */
  experts: number;
  expertGemmSPerRow: number;
  /** Rows the engine's grouped expert GEMM multiplies at a time (EngineProfile). */
  expertTileRowsFew: number;
  expertTileRowsMany: number;
  /** Attention compute seconds per token per context position in one layer. */
  attnComputeSPerTokenCtxLayer: number;
  /** KV read seconds per cached token in one layer, per GPU. */
  kvReadSPerTokenLayer: number;
  /**
   * Engines that do not split decode attention (EngineProfile.splitsDecodeAttention): seconds one
   * thread block takes per cached position per layer, reading its KV head's cache alone; the
   * blocks of a step's sequences and heads run side by side. 0 when the engine splits.
   */
  unsplitDecodeSPerPositionLayer: number;
  /** Activation traffic (norms, residuals, activations) seconds per token. */
  activationSPerToken: number;
  /**
   * Communication per step: fixed seconds (call latencies) plus seconds per token of the replica.
   * Tensor parallel: two all-reduces per layer; attention data-parallel: each MoE layer's
   * dispatch to and combine from the GPUs holding a token's experts (all-to-all).
   */
  commSPerStep: number;
  commSPerToken: number;
  /** GPU time per eagerly run step that kernels do not hide (launch gaps over the layers). */
  launchS: number;
  /** CPU time per step, and per sequence in the step (see EngineProfile.overlapsScheduling). */
  scheduleS: number;
  overheadSPerSequence: number;
  overlapsScheduling: boolean;
}

/** Builds the constants for a replica; pure arithmetic, no validation (see `checkReplica`). */
export function replicaSpec(c: ReplicaConfig): ReplicaSpec {
  const a = c.model.arch;
  const shape = modelShape(a);
  const parameters = c.parameters ?? PERF_PARAMETERS;
  const serving = parameters.serving;
  const profile = engineProfile(parameters.engines[c.engine], c.gpu, c.profile);
  const family = FAMILY_EFFICIENCY[c.gpu.family];
  const mode = computeMode(c.gpu, c.precision);
  const tp = c.tp;
  const dp = c.attentionDataParallel === true && a.moe !== undefined && tp > 1;

  const bytesPerWeight = BYTES_PER_WEIGHT[c.precision];
  // A checkpoint that quantizes only its routed experts (gpt-oss) keeps the rest in 16-bit, read
  // and multiplied as such, when served at its own precision.
  const expertsOnly = a.partialQuantization?.precision === c.precision;
  const denseBytesPerWeight = expertsOnly ? BYTES_PER_WEIGHT.bf16 : bytesPerWeight;
  // Embedding tables stay 16-bit in quantized checkpoints.
  const embeddingBytes = shape.embeddingParams * 2;
  const quantizedParams = a.paramsTotalB * 1e9 - shape.embeddingParams;
  const expertBytes = shape.routedExpertParams * bytesPerWeight;
  const weightBytes =
    (quantizedParams - shape.routedExpertParams) * denseBytesPerWeight +
    expertBytes +
    embeddingBytes;
  const expertActiveParams = shape.routedExpertParams * shape.expertActivationShare;
  // The input table is a lookup: a step reads only its rows, not the table.
  const inputTableBytes = a.tiedEmbeddings ? 0 : a.vocabSize * a.hiddenSize * 2;
  const denseReadBytes = weightBytes - expertBytes - inputTableBytes;
  // Attention data-parallel keeps a whole copy of the dense (non-expert) weights on every GPU.
  const weightBytesPerGpu = dp ? weightBytes - expertBytes + expertBytes / tp : weightBytes / tp;

  const kernels = profile.kernelEfficiency;
  const bytesPerS = c.gpu.memoryBandwidthTBps * 1e12 * family.memory * serving.memory * kernels;
  const computeShare = family.compute * serving.compute * kernels;
  const expertFlopsPerS = flopsPerSecond(mode, computeShare, serving);
  const flopsPerS = expertsOnly
    ? flopsPerSecond(computeMode(c.gpu, 'bf16'), computeShare, serving)
    : expertFlopsPerS;
  // Attention math runs in 16-bit whatever the weight format.
  const attnPeak = c.gpu.tflops.bf16 * 1e12 * computeShare;

  // With more ranks than KV heads the heads are replicated; an MLA latent lives on every rank.
  // Under attention data-parallel a sequence's cache lives on one GPU only.
  const kvReplication = dp ? 1 : shape.kvShardable ? Math.max(1, tp / a.kvHeads) : tp;
  const kvBytesPerTokenPerLayer =
    shape.kvElementsPerTokenPerLayer * BYTES_PER_KV[c.kvPrecision] * kvReplication;
  // Unsplit, a block walks one KV head's cache (an MLA latent is one head) position by position.
  // The 2024 sweeps slow down alike with 8- and 16-bit caches, so the walk's rate is per position:
  // a 16-bit position's bytes at the block's share of the bandwidth.
  const unsplitPositionBytes =
    (shape.kvElementsPerTokenPerLayer / (shape.kvShardable ? a.kvHeads : 1)) * BYTES_PER_KV.bf16;

  const gpuMemoryBytes = c.gpu.memoryGB * BYTES_PER_DATASHEET_GB[c.gpu.memoryKind];
  const intermediate = a.intermediateSize ?? 4 * a.hiddenSize;
  const activationPeakBytes =
    profile.tokenBudget * (4 * a.hiddenSize + (2 * intermediate) / (dp ? 1 : tp)) * 2;
  const reservePerGpu = RUNTIME_RESERVE_GB * BYTES_PER_GB + activationPeakBytes;
  // Weights + KV share: of the whole GPU, or (TensorRT-LLM) of what weights and runtime leave free.
  const budgetBytesPerGpu =
    profile.memoryFractionOf === 'free'
      ? weightBytesPerGpu +
        profile.memoryFraction * (gpuMemoryBytes - weightBytesPerGpu - reservePerGpu)
      : gpuMemoryBytes * profile.memoryFraction - reservePerGpu;
  const usablePerGpu = budgetBytesPerGpu - weightBytesPerGpu;

  // Each data-parallel rank schedules its own batch and token budget.
  const ranks = dp ? tp : 1;
  const comm = communication(c, dp, mode.math);

  return {
    tp,
    attentionDataParallel: dp,
    admissionOutputShare: profile.admissionOutputShare,
    layers: a.layers,
    fullAttentionLayers: shape.fullAttentionLayers,
    windowedLayers: shape.windowedLayers,
    windowTokens: shape.windowTokens,
    chunkedLayers: shape.chunkedLayers,
    chunkTokens: shape.chunkTokens,
    weightBytes,
    weightBytesPerGpu,
    gpuMemoryBytes,
    budgetBytesPerGpu,
    usableKvBytes: Math.max(0, usablePerGpu * tp),
    kvBytesPerTokenPerLayer,
    maxBatch: profile.maxBatch * ranks,
    tokenBudget: profile.tokenBudget * ranks,
    cudaGraphMaxBatch: profile.cudaGraphMaxBatch * ranks,
    // Dense weights: split across ranks, or (data-parallel) read whole by every rank.
    denseReadS: (dp ? denseReadBytes : denseReadBytes / tp) / bytesPerS,
    expertReadS: expertBytes / tp / bytesPerS,
    expertActivationShare: shape.expertActivationShare,
    gemmSPerToken: (2 * (shape.computeParams - expertActiveParams)) / tp / flopsPerS,
    experts: a.moe?.experts ?? 0,
    expertGemmSPerRow:
      a.moe === undefined
        ? 0
        : ((2 * shape.routedExpertParams) /
            a.moe.experts /
            tp /
            (expertFlopsPerS * serving.expertGemmEfficiency)) *
          (dp ? expertImbalance(serving.expertLoadSpread, a.moe.experts, tp) : 1),
    expertTileRowsFew: profile.expertTileRowsFew,
    expertTileRowsMany: profile.expertTileRowsMany,
    attnComputeSPerTokenCtxLayer: shape.attnFlopsPerTokenCtxPerLayer / tp / attnPeak,
    kvReadSPerTokenLayer:
      kvBytesPerTokenPerLayer /
      tp /
      (bytesPerS * serving.attentionMemory * profile.kvReadEfficiency),
    unsplitDecodeSPerPositionLayer: profile.splitsDecodeAttention
      ? 0
      : unsplitPositionBytes / (bytesPerS * serving.attentionMemory * serving.decodeBlockBandwidth),
    // Per layer: ~12 hidden-sized and 3 intermediate-sized 16-bit reads/writes per token; tensor
    // parallel ranks each hold every token's hidden state, data-parallel ranks only their own.
    activationSPerToken:
      (a.layers * (12 * a.hiddenSize + (3 * intermediate) / tp) * 2) / (dp ? tp : 1) / bytesPerS,
    commSPerStep: comm.perStepS,
    commSPerToken: comm.perTokenS,
    launchS:
      (a.layers * profile.layerOverheadUs + shape.moeLayers * serving.moeLayerOverheadUs) / 1e6,
    scheduleS: profile.stepOverheadMs / 1000,
    // Data-parallel ranks do their sequences' bookkeeping side by side.
    overheadSPerSequence: profile.sequenceOverheadUs / 1e6 / ranks,
    overlapsScheduling: profile.overlapsScheduling,
  };
}

/**
 * Communication of a step over the replica's GPUs, as call latencies and seconds per token of the
 * replica. Tensor parallel: each layer all-reduces the hidden states of every token twice (ring:
 * 2(tp − 1)/tp of them over each GPU's link). Attention data-parallel: each MoE layer gathers every
 * GPU's tokens onto every GPU for its local experts and reduce-scatters the results back
 * (TensorRT-LLM's default for attention DP): (tp − 1)/tp of all tokens cross each GPU's link once
 * each way, the gather in the GEMMs' precision (8- or 4-bit where the math is), the scatter in
 * 16-bit.
 */
function communication(
  c: ReplicaConfig,
  dataParallel: boolean,
  math: 'bf16' | 'fp8' | 'fp4',
): { perStepS: number; perTokenS: number } {
  const tp = c.tp;
  if (tp <= 1) return { perStepS: 0, perTokenS: 0 };
  const a = c.model.arch;
  const link = c.gpu.interconnect;
  const busBytesPerS = link.busGBps * 1e9 * (c.parameters ?? PERF_PARAMETERS).serving.commBandwidth;
  const calls = 2 * a.layers;
  if (!dataParallel) {
    return {
      perStepS: calls * link.latencyUs * 1e-6,
      perTokenS: (calls * ((2 * (tp - 1)) / tp) * a.hiddenSize * 2) / busBytesPerS,
    };
  }
  const gatherBytes = math === 'bf16' ? 2 : math === 'fp8' ? 1 : 0.5 + 1 / 16;
  const moeLayers = modelShape(a).moeLayers;
  return {
    perStepS: 2 * moeLayers * link.latencyUs * 1e-6,
    perTokenS: (moeLayers * ((tp - 1) / tp) * a.hiddenSize * (gatherBytes + 2)) / busBytesPerS,
  };
}

/**
 * The busiest GPU's routed-expert work relative to the mean when `ranks` GPUs each hold a fixed
 * share of the `experts` (expert parallelism) and expert loads vary with coefficient of variation
 * `spread`: a GPU's load sums experts/ranks of them drawn from the whole set, so its coefficient
 * of variation is spread × √((ranks − 1) / experts); the largest of `ranks` such loads lies
 * E[max of `ranks` standard normals] of them above the mean (Blom: Φ⁻¹((n − 0.375) / (n + 0.25))).
 */
export function expertImbalance(spread: number, experts: number, ranks: number): number {
  if (ranks <= 1 || spread <= 0) return 1;
  const rankSpread = spread * Math.sqrt((ranks - 1) / experts);
  return 1 + rankSpread * normalQuantile((ranks - 0.375) / (ranks + 0.25));
}

/** GEMM FLOPs per second in a compute mode: the family's and the serving share of its peak. */
function flopsPerSecond(
  mode: ComputeMode,
  computeShare: number,
  serving: ServingEfficiency,
): number {
  const mathEfficiency =
    mode.math === 'fp4' ? serving.fp4Math : mode.math === 'fp8' ? serving.fp8Math : 1;
  const penalty = mode.weightOnly ? serving.weightOnlyComputePenalty : 1;
  return mode.peakTflops * 1e12 * computeShare * mathEfficiency * penalty;
}

/**
 * The engine's profile on this GPU with a deployment's own overrides. vLLM raises its defaults to
 * 1,024 sequences and 8,192 tokens a step on GPUs with 70 GiB or more that are not A100s
 * (EngineArgs.get_batch_defaults). Written out field by field: an object spread followed by more
 * fields is a slow path in Node 20, and calibration builds this a million times.
 */
export function engineProfile(
  base: EngineProfile,
  gpu: Gpu,
  o: Partial<EngineProfile> | undefined,
): EngineProfile {
  const large = base.largeGpuLimits;
  const raised =
    large !== undefined && gpu.memoryGB >= large.minMemoryGB && gpu.family !== 'ampere';
  return {
    kernelEfficiency: o?.kernelEfficiency ?? base.kernelEfficiency,
    stepOverheadMs: o?.stepOverheadMs ?? base.stepOverheadMs,
    layerOverheadUs: o?.layerOverheadUs ?? base.layerOverheadUs,
    sequenceOverheadUs: o?.sequenceOverheadUs ?? base.sequenceOverheadUs,
    overlapsScheduling: o?.overlapsScheduling ?? base.overlapsScheduling,
    memoryFraction: o?.memoryFraction ?? base.memoryFraction,
    memoryFractionOf: o?.memoryFractionOf ?? base.memoryFractionOf,
    admissionOutputShare: o?.admissionOutputShare ?? base.admissionOutputShare,
    maxBatch: o?.maxBatch ?? (raised ? large.maxBatch : base.maxBatch),
    tokenBudget: o?.tokenBudget ?? (raised ? large.tokenBudget : base.tokenBudget),
    cudaGraphMaxBatch: o?.cudaGraphMaxBatch ?? base.cudaGraphMaxBatch,
    expertTileRowsFew: o?.expertTileRowsFew ?? base.expertTileRowsFew,
    expertTileRowsMany: o?.expertTileRowsMany ?? base.expertTileRowsMany,
    splitsDecodeAttention: o?.splitsDecodeAttention ?? base.splitsDecodeAttention,
    kvReadEfficiency: o?.kvReadEfficiency ?? base.kvReadEfficiency,
  };
}

/** KV-cache bytes one sequence of `contextTokens` holds in the replica. */
export function kvBytesPerSequence(s: ReplicaSpec, contextTokens: number): number {
  const windowed =
    s.windowedLayers > 0 ? s.windowedLayers * Math.min(contextTokens, s.windowTokens) : 0;
  const whole = s.fullAttentionLayers + s.chunkedLayers;
  return s.kvBytesPerTokenPerLayer * (whole * contextTokens + windowed);
}

/** Sequences of `contextTokens` that fit in the KV memory, capped by the engine's batch limit. */
export function maxConcurrency(s: ReplicaSpec, contextTokens: number): number {
  const perSequence = kvBytesPerSequence(s, contextTokens);
  if (perSequence <= 0) return 0;
  return Math.min(s.maxBatch, Math.floor(s.usableKvBytes / perSequence));
}

/**
 * Tokens of KV the scheduler holds per running sequence: the prompt and the reserved share of the
 * output (all of it under TensorRT-LLM's no-evict policy, half on average under vLLM's on-demand
 * blocks). One sequence must still fit whole.
 */
export function admissionTokens(s: ReplicaSpec, inputTokens: number, outputTokens: number): number {
  return inputTokens + s.admissionOutputShare * outputTokens;
}

/** Requests a replica runs at once for a request shape: memory at admission and the batch limit. */
export function admittedConcurrency(
  s: ReplicaSpec,
  inputTokens: number,
  outputTokens: number,
): number {
  if (maxConcurrency(s, inputTokens + outputTokens) < 1) return 0;
  return Math.max(1, maxConcurrency(s, admissionTokens(s, inputTokens, outputTokens)));
}
