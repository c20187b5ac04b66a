import type { ReplicaSpec } from './replica.ts';
import { meanChunkPosition, stepSeconds } from './step-time.ts';

/** A request's token counts as the serving model sees them. */
export interface RequestShape {
  inputTokens: number;
  /** Prompt tokens actually prefilled: the input minus prefix-cache hits. */
  prefillTokens: number;
  outputTokens: number;
}

/** One replica's steady state under a closed loop of `concurrency` requests in flight. */
export interface OperatingPoint {
  /** Requests in flight the replica serves at once (≤ what fits in memory). */
  batch: number;
  ttftS: number;
  /** Time per output token after the first (inter-token latency). */
  tpotS: number;
  e2eS: number;
  requestsPerS: number;
  outputTokPerS: number;
}

/**
 * Continuous batching, in steady state. Each step decodes the running sequences and fills the rest
 * of the token budget with prefill chunks, at the rate that keeps the batch full (b × prompt ÷
 * (output − 1) tokens a step). A request's TTFT is half a step's wait, its own prefill chunks, and
 * queueing behind other prefills (M/D/1 on the prefill budget); its TPOT is the step time with the
 * other requests' prefills interleaved. Throughput follows from Little's law over TTFT + decode,
 * so prefill time counts. Requests beyond what fits in memory wait in the queue. With `out`, the
 * point is written into it.
 */
export function operatingPoint(
  s: ReplicaSpec,
  shape: RequestShape,
  concurrency: number,
  maxBatch: number,
  out?: OperatingPoint,
): OperatingPoint {
  const batch = Math.min(concurrency, maxBatch);
  const input = shape.inputTokens;
  const prefill = Math.max(1, shape.prefillTokens);
  const output = Math.max(1, shape.outputTokens);
  const budget = s.tokenBudget;
  // Causal prefill: the token at position j attends to j earlier ones. Prefilled tokens sit after
  // the cached prefix, at positions input − prefill … input, so they attend input − prefill/2 on
  // average (input/2 with no cache hit), whatever the chunking.
  const prefillCtx = input - prefill / 2;
  const chunkCtx =
    s.chunkedLayers > 0 ? meanChunkPosition(input - prefill, input, s.chunkTokens) : prefillCtx;

  let ttftS: number;
  let tpotS = 0;
  if (output <= 1) {
    // Prefill only: the batch's prompts go through in rounds of the token budget.
    const rounds = Math.max(1, (batch * prefill) / budget);
    ttftS = rounds * stepSeconds(s, 0, 0, Math.min(budget, batch * prefill), prefillCtx, chunkCtx);
  } else {
    const decodeSteps = output - 1;
    const decodeCtx = input + output / 2;
    let decode = batch;
    let prefillPerStep = (batch * prefill) / decodeSteps;
    let slowdown = 1;
    if (decode + prefillPerStep > budget) {
      // The budget binds: each sequence decodes only on some steps.
      const scale = budget / (decode + prefillPerStep);
      decode *= scale;
      prefillPerStep *= scale;
      slowdown = 1 / scale;
    }
    const others = batch > 1 ? (batch - 1) / batch : 0;
    const prefillBudget = Math.max(budget - decode, 1);
    const chunks = Math.ceil(prefill / prefillBudget);
    // Steps carrying a prefill chunk run eagerly; the others replay a CUDA graph when the batch is
    // one the engine captured. A request arrives every prefill ÷ prefillPerStep steps and spans
    // `chunks` of them.
    const eagerShare =
      decode > s.cudaGraphMaxBatch
        ? 1
        : Math.min(1, ((prefillPerStep * others) / prefill) * chunks);
    const stepS = stepSeconds(
      s,
      decode,
      decodeCtx,
      prefillPerStep * others,
      prefillCtx,
      chunkCtx,
      eagerShare,
    );
    tpotS = stepS * slowdown;

    const ownPrefillS =
      chunks * stepSeconds(s, decode * others, decodeCtx, prefill / chunks, prefillCtx, chunkCtx);
    const utilization = Math.min(0.95, prefillPerStep / prefillBudget);
    const queueS = batch > 1 ? (ownPrefillS * utilization) / (2 * (1 - utilization)) : 0;
    ttftS = 0.5 * stepS * others + queueS + ownPrefillS;
  }

  const e2eServiceS = ttftS + (output - 1) * tpotS;
  const requestsPerS = batch / e2eServiceS;
  // Requests beyond the batch wait their turn: Little's law on the whole queue.
  const waitS = concurrency > batch ? (concurrency - batch) / requestsPerS : 0;
  if (out === undefined) {
    return {
      batch,
      ttftS: ttftS + waitS,
      tpotS,
      e2eS: e2eServiceS + waitS,
      requestsPerS,
      outputTokPerS: requestsPerS * output,
    };
  }
  // Into the caller's point: a replica's sizing tries a dozen batches and keeps two or three.
  out.batch = batch;
  out.ttftS = ttftS + waitS;
  out.tpotS = tpotS;
  out.e2eS = e2eServiceS + waitS;
  out.requestsPerS = requestsPerS;
  out.outputTokPerS = requestsPerS * output;
  return out;
}
