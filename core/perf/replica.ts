import type { Gpu, OpenModel } from '../schema/catalog.ts';
import type { Engine, Precision } from '../schema/common.ts';
import { BYTES_PER_DATASHEET_GB, BYTES_PER_GB } from '../units.ts';
import {
  FAMILY_EFFICIENCY,
  LOW_PRECISION_MATH_EFFICIENCY,
  PERF_PARAMETERS,
  RUNTIME_RESERVE_GB,
  type EngineProfile,
  type PerfParameters,
} from './efficiency.ts';
import { modelShape } from './model-shape.ts';
import { BYTES_PER_KV, BYTES_PER_WEIGHT, computeMode } from './precision.ts';

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
  /** Calibration constants; the stored ones unless a fit is trying others. */
  parameters?: PerfParameters;
}

/**
 * One serving replica reduced to the constants its step time needs: seconds per byte class and
 * per FLOP class, per GPU of the replica. Built once per configuration, then evaluated many times.
 */
export interface ReplicaSpec {
  tp: number;
  layers: number;
  fullAttentionLayers: number;
  windowedLayers: number;
  windowTokens: number;
  /** Memory (bytes, whole replica). */
  weightBytes: number;
  weightBytesPerGpu: number;
  gpuMemoryBytes: number;
  /** Per GPU: the engine's memory share less runtime and activation reserve, for weights + KV. */
  budgetBytesPerGpu: number;
  usableKvBytes: number;
  kvBytesPerTokenPerLayer: number;
  maxBatch: number;
  tokenBudget: number;
  /** Seconds to read the dense (non-expert) weights, and all routed-expert weights, per GPU. */
  denseReadS: number;
  expertReadS: number;
  expertActivationShare: number;
  /** GEMM seconds per token processed. */
  gemmSPerToken: number;
  /** Attention compute seconds per token per context position in one layer. */
  attnComputeSPerTokenCtxLayer: number;
  /** KV read seconds per cached token in one layer, per GPU. */
  kvReadSPerTokenLayer: number;
  /** Activation traffic (norms, residuals, activations) seconds per token. */
  activationSPerToken: number;
  /** Tensor-parallel all-reduce: fixed seconds per step, plus seconds per token. */
  commSPerStep: number;
  commSPerToken: number;
  overheadS: number;
  overheadSPerSequence: number;
}

/** Builds the constants for a replica; pure arithmetic, no validation (see `checkReplica`). */
export function replicaSpec(c: ReplicaConfig): ReplicaSpec {
  const a = c.model.arch;
  const shape = modelShape(a);
  const parameters = c.parameters ?? PERF_PARAMETERS;
  const serving = parameters.serving;
  const profile = { ...parameters.engines[c.engine], ...c.profile };
  const family = FAMILY_EFFICIENCY[c.gpu.family];
  const mode = computeMode(c.gpu, c.precision);
  const tp = c.tp;

  const bytesPerWeight = BYTES_PER_WEIGHT[c.precision];
  // Embedding tables stay 16-bit in quantized checkpoints.
  const embeddingBytes = shape.embeddingParams * 2;
  const quantizedParams = a.paramsTotalB * 1e9 - shape.embeddingParams;
  const weightBytes = quantizedParams * bytesPerWeight + embeddingBytes;
  const expertBytes = shape.routedExpertParams * bytesPerWeight;
  // The input table is a lookup: a step reads only its rows, not the table.
  const inputTableBytes = a.tiedEmbeddings ? 0 : a.vocabSize * a.hiddenSize * 2;
  const denseReadBytes = weightBytes - expertBytes - inputTableBytes;

  const kernels = profile.kernelEfficiency;
  const bytesPerS = c.gpu.memoryBandwidthTBps * 1e12 * family.memory * serving.memory * kernels;
  const mathEfficiency = LOW_PRECISION_MATH_EFFICIENCY[mode.math];
  const penalty = mode.weightOnly ? serving.weightOnlyComputePenalty : 1;
  const computeShare = family.compute * serving.compute * kernels;
  const flopsPerS = mode.peakTflops * 1e12 * computeShare * mathEfficiency * penalty;
  // Attention math runs in 16-bit whatever the weight format.
  const attnPeak = c.gpu.tflops.bf16 * 1e12 * computeShare;

  // With more ranks than KV heads the heads are replicated; an MLA latent lives on every rank.
  const kvReplication = shape.kvShardable ? Math.max(1, tp / a.kvHeads) : tp;
  const kvBytesPerTokenPerLayer =
    shape.kvElementsPerTokenPerLayer * BYTES_PER_KV[c.kvPrecision] * kvReplication;

  const gpuMemoryBytes = c.gpu.memoryGB * BYTES_PER_DATASHEET_GB[c.gpu.memoryKind];
  const activationPeakBytes =
    profile.tokenBudget *
    (4 * a.hiddenSize + (2 * (a.intermediateSize ?? 4 * a.hiddenSize)) / tp) *
    2;
  const reservePerGpu = RUNTIME_RESERVE_GB * BYTES_PER_GB + activationPeakBytes;
  const budgetBytesPerGpu = gpuMemoryBytes * profile.memoryFraction - reservePerGpu;
  const usablePerGpu = budgetBytesPerGpu - weightBytes / tp;

  const interconnect = c.gpu.interconnect;
  const ringFactor = (2 * (tp - 1)) / tp;
  const allReducesPerStep = 2 * a.layers;
  const intermediate = a.intermediateSize ?? 4 * a.hiddenSize;

  return {
    tp,
    layers: a.layers,
    fullAttentionLayers: shape.fullAttentionLayers,
    windowedLayers: shape.windowedLayers,
    windowTokens: shape.windowTokens,
    weightBytes,
    weightBytesPerGpu: weightBytes / tp,
    gpuMemoryBytes,
    budgetBytesPerGpu,
    usableKvBytes: Math.max(0, usablePerGpu * tp),
    kvBytesPerTokenPerLayer,
    maxBatch: profile.maxBatch,
    tokenBudget: profile.tokenBudget,
    denseReadS: denseReadBytes / tp / bytesPerS,
    expertReadS: expertBytes / tp / bytesPerS,
    expertActivationShare: shape.expertActivationShare,
    gemmSPerToken: (2 * shape.computeParams) / tp / flopsPerS,
    attnComputeSPerTokenCtxLayer: shape.attnFlopsPerTokenCtxPerLayer / tp / attnPeak,
    kvReadSPerTokenLayer: kvBytesPerTokenPerLayer / tp / bytesPerS,
    // Per layer: ~12 hidden-sized and 3 intermediate-sized 16-bit reads/writes per token.
    activationSPerToken: (a.layers * (12 * a.hiddenSize + (3 * intermediate) / tp) * 2) / bytesPerS,
    commSPerStep: tp > 1 ? allReducesPerStep * interconnect.latencyUs * 1e-6 : 0,
    commSPerToken:
      tp > 1
        ? (allReducesPerStep * ringFactor * a.hiddenSize * 2) / (interconnect.busGBps * 1e9)
        : 0,
    overheadS: profile.stepOverheadMs / 1000 + (a.layers * profile.layerOverheadUs) / 1e6,
    overheadSPerSequence: profile.sequenceOverheadUs / 1e6,
  };
}

/** KV-cache bytes one sequence of `contextTokens` holds in the replica. */
export function kvBytesPerSequence(s: ReplicaSpec, contextTokens: number): number {
  const windowed =
    s.windowedLayers > 0 ? s.windowedLayers * Math.min(contextTokens, s.windowTokens) : 0;
  return s.kvBytesPerTokenPerLayer * (s.fullAttentionLayers * contextTokens + windowed);
}

/** Sequences of `contextTokens` that fit in the KV memory, capped by the engine's batch limit. */
export function maxConcurrency(s: ReplicaSpec, contextTokens: number): number {
  const perSequence = kvBytesPerSequence(s, contextTokens);
  if (perSequence <= 0) return 0;
  return Math.min(s.maxBatch, Math.floor(s.usableKvBytes / perSequence));
}
