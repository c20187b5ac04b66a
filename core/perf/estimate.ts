import type { Gpu, OpenModel } from '../schema/catalog.ts';
import type { Engine, Precision } from '../schema/common.ts';
import { BYTES_PER_GB } from '../units.ts';
import type { EngineProfile, PerfParameters } from './efficiency.ts';
import { defaultKvPrecision } from './precision.ts';
import {
  admittedConcurrency,
  kvBytesPerSequence,
  replicaSpec,
  type ReplicaSpec,
} from './replica.ts';
import { operatingPoint, type OperatingPoint } from './serving.ts';

export interface EstimateInput {
  model: OpenModel;
  gpu: Gpu;
  /** GPUs in total; with `tp` smaller, the rest are data-parallel replicas. */
  gpus: number;
  tp?: number;
  precision: Precision;
  kvPrecision?: Precision;
  engine: Engine;
  inputTokens: number;
  outputTokens: number;
  /** Requests in flight across all replicas, or 'saturate' for the most that fit in memory. */
  concurrency: number | 'saturate';
  /** Prompt tokens served from the prefix cache (skip prefill). */
  cachedPrefixTokens?: number;
  /**
   * MoE layout over a replica's GPUs: attention data-parallel (true) or tensor parallel (false).
   * Unset: whichever serves the concurrency faster (see ReplicaConfig.attentionDataParallel).
   */
  attentionDataParallel?: boolean;
  profile?: Partial<EngineProfile>;
  parameters?: PerfParameters;
  /**
   * Replica constants already built for this configuration, by layout: a caller estimating many
   * points of one configuration with the same parameters (calibration) builds them once.
   */
  specs?: Map<boolean, ReplicaSpec>;
}

export interface Estimate {
  fitsInMemory: boolean;
  /** Why it does not fit, or why the configuration is impossible. */
  reason?: string;
  tp: number;
  replicas: number;
  precision: Precision;
  kvPrecision: Precision;
  concurrency: number;
  maxConcurrency: number;
  outputTokensPerSecond: number;
  requestsPerSecond: number;
  ttftMs: number | null;
  tpotMs: number | null;
  e2eLatencyMs: number | null;
  weightsGBPerGpu: number;
  kvCacheGBPerSequence: number;
  exceedsContext: boolean;
}

/** A configuration that cannot exist (wrong GPU count, TP that does not divide the heads). */
export class ConfigurationError extends Error {
  constructor(
    /** The input field at fault: 'gpus' or 'tp'. */
    readonly field: 'gpus' | 'tp',
    message: string,
  ) {
    super(message);
  }
}

/** Checks the parallel layout; throws ConfigurationError with the field named. */
export function checkParallelism(model: OpenModel, gpus: number, tp: number, tpGiven = true): void {
  if (!Number.isInteger(gpus) || gpus < 1) {
    throw new ConfigurationError('gpus', 'must be a whole number ≥ 1');
  }
  if (!Number.isInteger(tp) || tp < 1)
    throw new ConfigurationError('tp', 'must be a whole number ≥ 1');
  if (tp > gpus) throw new ConfigurationError('tp', `tp (${tp}) cannot exceed gpus (${gpus})`);
  if (gpus % tp !== 0) {
    throw new ConfigurationError(
      'gpus',
      `gpus (${gpus}) must be a multiple of tp (${tp}): replicas are whole`,
    );
  }
  if (model.arch.attentionHeads % tp !== 0) {
    throw new ConfigurationError(
      tpGiven ? 'tp' : 'gpus',
      tpGiven
        ? `tp (${tp}) must divide ${model.id}'s ${model.arch.attentionHeads} attention heads`
        : `one replica over all ${gpus} GPUs needs tp ${tp}, which does not divide ${model.id}'s ${model.arch.attentionHeads} attention heads: give tp`,
    );
  }
}

/** Performance of one self-hosted configuration (the CLI's `estimate`). */
export function estimate(input: EstimateInput): Estimate {
  const tp = input.tp ?? input.gpus;
  checkParallelism(input.model, input.gpus, tp, input.tp !== undefined);
  const layouts =
    input.attentionDataParallel !== undefined
      ? [input.attentionDataParallel]
      : input.model.arch.moe !== undefined && tp > 1
        ? [false, true]
        : [false];
  let best: Estimate | undefined;
  for (const attentionDataParallel of layouts) {
    const e = estimateLayout(input, tp, attentionDataParallel);
    if (best === undefined || (!best.fitsInMemory && e.fitsInMemory)) best = e;
    else if (e.fitsInMemory && e.outputTokensPerSecond > best.outputTokensPerSecond) best = e;
  }
  return best as Estimate;
}

function estimateLayout(
  input: EstimateInput,
  tp: number,
  attentionDataParallel: boolean,
): Estimate {
  const kvPrecision = input.kvPrecision ?? defaultKvPrecision(input.precision);
  let spec = input.specs?.get(attentionDataParallel);
  if (spec === undefined) {
    spec = replicaSpec({
      model: input.model,
      gpu: input.gpu,
      tp,
      precision: input.precision,
      kvPrecision,
      engine: input.engine,
      attentionDataParallel,
      ...(input.profile ? { profile: input.profile } : {}),
      ...(input.parameters ? { parameters: input.parameters } : {}),
    });
    input.specs?.set(attentionDataParallel, spec);
  }
  const replicas = input.gpus / tp;
  const context = input.inputTokens + input.outputTokens;
  const perReplicaMax = admittedConcurrency(spec, input.inputTokens, input.outputTokens);
  const weightsGBPerGpu = spec.weightBytesPerGpu / BYTES_PER_GB;
  const kvCacheGBPerSequence = kvBytesPerSequence(spec, context) / BYTES_PER_GB;
  const exceedsContext =
    input.model.contextTokens !== undefined && context > input.model.contextTokens;
  // Written out field by field: in Node 20 an object spread followed by more fields costs
  // microseconds (a slow map transition per field), which calibration pays a million times.
  if (perReplicaMax < 1) {
    return {
      fitsInMemory: false,
      reason: noFitReason(spec, context),
      tp,
      replicas,
      precision: input.precision,
      kvPrecision,
      concurrency: 0,
      maxConcurrency: 0,
      outputTokensPerSecond: 0,
      requestsPerSecond: 0,
      ttftMs: null,
      tpotMs: null,
      e2eLatencyMs: null,
      weightsGBPerGpu,
      kvCacheGBPerSequence,
      exceedsContext,
    };
  }
  const total = input.concurrency === 'saturate' ? perReplicaMax * replicas : input.concurrency;
  const point = replicaPoint(spec, input, total / replicas, perReplicaMax);
  return {
    fitsInMemory: true,
    tp,
    replicas,
    precision: input.precision,
    kvPrecision,
    concurrency: total,
    maxConcurrency: perReplicaMax * replicas,
    outputTokensPerSecond: point.outputTokPerS * replicas,
    requestsPerSecond: point.requestsPerS * replicas,
    ttftMs: point.ttftS * 1000,
    tpotMs: input.outputTokens > 1 ? point.tpotS * 1000 : null,
    e2eLatencyMs: point.e2eS * 1000,
    weightsGBPerGpu,
    kvCacheGBPerSequence,
    exceedsContext,
  };
}

function replicaPoint(
  spec: ReplicaSpec,
  input: EstimateInput,
  concurrencyPerReplica: number,
  perReplicaMax: number,
): OperatingPoint {
  const cached = Math.min(input.cachedPrefixTokens ?? 0, input.inputTokens - 1);
  return operatingPoint(
    spec,
    {
      inputTokens: input.inputTokens,
      prefillTokens: input.inputTokens - Math.max(0, cached),
      outputTokens: input.outputTokens,
    },
    concurrencyPerReplica,
    perReplicaMax,
  );
}

/** Explains a configuration that cannot hold even one sequence. */
export function noFitReason(spec: ReplicaSpec, contextTokens: number): string {
  const perGpuGB = spec.gpuMemoryBytes / BYTES_PER_GB;
  const weightsGB = spec.weightBytesPerGpu / BYTES_PER_GB;
  if (spec.usableKvBytes <= 0) {
    const budgetGB = Math.max(0, spec.budgetBytesPerGpu / BYTES_PER_GB);
    return `weights need ${weightsGB.toFixed(1)} GB per GPU of ${perGpuGB.toFixed(0)} GB; ${budgetGB.toFixed(1)} GB is usable after the engine's memory share and runtime reserve: does not fit`;
  }
  const needGB = kvBytesPerSequence(spec, contextTokens) / BYTES_PER_GB;
  const haveGB = spec.usableKvBytes / BYTES_PER_GB;
  return `one ${contextTokens}-token sequence needs ${needGB.toFixed(2)} GB of KV cache; ${haveGB.toFixed(2)} GB is free after weights`;
}
