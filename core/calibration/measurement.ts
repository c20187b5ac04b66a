import { z } from 'zod';
import { Engine, Id, Precision } from '../schema/common.ts';

export const CALIBRATION_METRICS = ['outputTokPerS', 'ttftMs', 'tpotMs', 'e2eMs'] as const;
export type CalibrationMetric = (typeof CALIBRATION_METRICS)[number];

/** One published measurement, mapped to catalog ids (see test/data/published-inference.json). */
export const Measurement = z.object({
  id: z.number().int(),
  model: Id.nullable(),
  gpu: Id.nullable(),
  gpus: z.number().int().positive(),
  tp: z.number().int().positive(),
  precision: Precision,
  kvPrecision: Precision.optional(),
  engine: Engine,
  input: z.number().positive(),
  output: z.number().positive(),
  concurrency: z.union([z.number().positive(), z.literal('saturate')]),
  metric: z.enum(CALIBRATION_METRICS).nullable(),
  value: z.number().positive(),
  /** The run's own engine limits (per GPU under attention data-parallel), where the source gives them. */
  profile: z
    .object({
      tokenBudget: z.number().optional(),
      maxBatch: z.number().optional(),
      memoryFraction: z.number().optional(),
      /** Largest batch the run captured as CUDA graphs (its cuda_graph_config batch_sizes). */
      cudaGraphMaxBatch: z.number().int().nonnegative().optional(),
      /** false for TensorRT-LLM releases before 0.13, whose decode attention ran unsplit. */
      splitsDecodeAttention: z.boolean().optional(),
    })
    .optional(),
  /** How the benchmark client ran and counted, where it differs from a closed loop that holds its concurrency. */
  harness: z
    .object({
      /**
       * Requests actually in flight on average, where the client did not hold its offered
       * concurrency: Little's law on the run's own published request rate × mean request time.
       */
      inFlight: z.number().positive().optional(),
      /**
       * Output tokens per request as the client counted them (with its own tokenizer) when that
       * differs from what the engine generated (`output`); throughput is reported in these.
       */
      countedOutputTokens: z.number().positive().optional(),
      /**
       * What the published time per output token is: `decode` (the default: time after the first
       * token ÷ (output − 1)), `requestPerToken` (llmperf: whole request time, TTFT included, ÷
       * counted output tokens) or `inferencePerToken` (TGI's x-time-per-token: prefill and decode
       * time ÷ generated tokens).
       */
      tpot: z.enum(['decode', 'requestPerToken', 'inferencePerToken']).optional(),
      /**
       * `cohort`: a closed loop of fixed-length requests, whose requests finish and come back
       * together (see MeasurementFactors.cohortWait); unset: arrivals spread out in time.
       */
      arrivals: z.enum(['cohort']).optional(),
      /**
       * Requests sent at random at this mean rate per second (a Poisson process: vLLM's
       * `benchmark_serving` / `vllm bench serve` and SGLang's `bench_serving` with `--request-rate`),
       * each timed from when it is sent. The requests in flight are then what Little's law gives,
       * rate × mean request time, at most `concurrency` (the client's `--max-concurrency`, or its
       * number of prompts where it set none): see predict's poissonInFlight.
       */
      requestsPerS: z.number().positive().finite().optional(),
      /**
       * Every request sent at once (request rate ∞) and throughput taken over the whole run, until
       * the last request finishes: `requests` of them, `input`/`output` their means and
       * `outputTokensMax` the longest output.
       */
      burst: z
        .object({ requests: z.number().int().positive(), outputTokensMax: z.number().positive() })
        .optional(),
    })
    .superRefine((h, ctx) => {
      // Random arrivals set the load themselves: no other harness may say how many were in flight.
      if (h.requestsPerS === undefined) return;
      if (h.inFlight !== undefined || h.arrivals !== undefined || h.burst !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['requestsPerS'],
          message: 'random arrivals at a rate cannot also be a cohort, a burst or a given inFlight',
        });
      }
    })
    .optional(),
  /** MoE run with attention data-parallel over the TP GPUs (TensorRT-LLM DEP / enable_attention_dp). */
  attentionDataParallel: z.boolean().optional(),
  lowConfidence: z.boolean().optional(),
  /** The engine release predates 2025 (TensorRT-LLM 0.x, vLLM 0.4, TGI 1–2, NIM 1.0). */
  legacy: z.boolean().optional(),
  /** Why the measurement cannot be compared with a single-replica prediction. */
  excluded: z.string().optional(),
  source: z.string(),
  date: z.string(),
});
export type Measurement = z.infer<typeof Measurement>;
