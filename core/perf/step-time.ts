import type { ReplicaSpec } from './replica.ts';

/**
 * Seconds for one engine step that decodes `decodeTokens` sequences at mean context `decodeCtx`
 * and prefills `prefillTokens` tokens that each attend `prefillCtx` positions on average
 * (`prefillChunkCtx` in layers that attend within chunks). `eagerShare` is the share of such steps
 * run eagerly rather than replayed as a CUDA graph (by default: steps with prefill, or a decode
 * batch larger than the engine captures). Kernels run one after another,
 * so each kernel class takes its own roofline (memory time vs compute time) and the step is their
 * sum: weight GEMMs (weights read once per step, shared by every token), attention (KV reads for
 * decode, quadratic math for prefill), activation traffic, communication between the GPUs, and
 * launch gaps; then the engine's CPU work (scheduling, per-sequence bookkeeping), in series or
 * overlapped with the GPU's.
 */
export function stepSeconds(
  s: ReplicaSpec,
  decodeTokens: number,
  decodeCtx: number,
  prefillTokens: number,
  prefillCtx: number,
  prefillChunkCtx = prefillCtx,
  eagerShare = prefillTokens > 0 || decodeTokens > s.cudaGraphMaxBatch ? 1 : 0,
): number {
  const tokens = decodeTokens + prefillTokens;
  if (tokens <= 0) return 0;
  // A MoE step reads only the experts its tokens route to: 1 − (1 − k/E)^tokens of them.
  const expertShare =
    s.expertActivationShare > 0 ? 1 - Math.pow(1 - s.expertActivationShare, tokens) : 0;
  const weightReadS = s.denseReadS + s.expertReadS * expertShare;
  const gemmS = roofline(
    weightReadS,
    s.gemmSPerToken * tokens + expertGemmS(s, tokens, expertShare),
  );

  let attentionS = 0;
  if (decodeTokens > 0) {
    const ctxLayers = attendedPositions(s, decodeCtx);
    const readS = s.kvReadSPerTokenLayer * ctxLayers;
    const mathS = s.attnComputeSPerTokenCtxLayer * ctxLayers;
    const batchS = decodeTokens * roofline(readS, mathS);
    attentionS += batchS;
    // Unsplit, each block walks one KV head's whole cache alone: a small batch cannot fill the
    // GPU, however little it reads in all. (Only legacy runs; the product's engines all split.)
    if (s.unsplitDecodeSPerPositionLayer > 0) {
      const blockS = s.unsplitDecodeSPerPositionLayer * ctxLayers;
      if (blockS > batchS) attentionS += blockS - batchS;
    }
  }
  if (prefillTokens > 0) {
    const chunked = s.chunkedLayers > 0 ? s.chunkedLayers * (prefillChunkCtx - prefillCtx) : 0;
    attentionS +=
      prefillTokens * s.attnComputeSPerTokenCtxLayer * (attendedPositions(s, prefillCtx) + chunked);
  }

  const activationS = s.activationSPerToken * tokens;
  const commS = s.commSPerStep + s.commSPerToken * tokens;
  const gpuS = gemmS + attentionS + activationS + commS + s.launchS * eagerShare;
  const cpuS = s.scheduleS + s.overheadSPerSequence * (decodeTokens + (prefillTokens > 0 ? 1 : 0));
  // Overlapped, the CPU's share costs only as it approaches the GPU's; otherwise in series.
  return s.overlapsScheduling ? roofline(gpuS, cpuS) : gpuS + cpuS;
}

/**
 * Routed-expert GEMM time of a step. Each active expert multiplies the rows (tokens) routed to it,
 * tokens × k ÷ active experts on average, but a tensor-core tile multiplies the engine's tile rows
 * at a time: a lightly loaded expert costs a whole tile (smoothly: the 4-norm of rows and tile).
 * Decode batches spread over many experts pay for tiles they barely fill; prefills fill them.
 */
function expertGemmS(s: ReplicaSpec, tokens: number, expertShare: number): number {
  if (s.experts === 0 || expertShare <= 0) return 0;
  const active = s.experts * expertShare;
  const rows = (tokens * s.expertActivationShare * s.experts) / active;
  const rows2 = rows * rows;
  const tile = tokens <= s.experts ? s.expertTileRowsFew : s.expertTileRowsMany;
  const tile2 = tile * tile;
  return active * Math.sqrt(Math.sqrt(rows2 * rows2 + tile2 * tile2)) * s.expertGemmSPerRow;
}

/**
 * Context positions attended, summed over layers: windowed layers stop at their window; chunked
 * layers attend the whole context here (decode: see ReplicaSpec.chunkedLayers).
 */
function attendedPositions(s: ReplicaSpec, ctx: number): number {
  const windowed = s.windowedLayers > 0 ? s.windowedLayers * Math.min(ctx, s.windowTokens) : 0;
  return (s.fullAttentionLayers + s.chunkedLayers) * ctx + windowed;
}

/**
 * Mean position within its chunk of the tokens at positions [from, to): what a token attends to in
 * a layer of chunked attention (`chunk` tokens a chunk), averaged over those tokens.
 */
export function meanChunkPosition(from: number, to: number, chunk: number): number {
  const integral = (x: number) => {
    const whole = Math.floor(x / chunk);
    const rest = x - whole * chunk;
    return (whole * chunk * chunk + rest * rest) / 2;
  };
  return to > from ? (integral(to) - integral(from)) / (to - from) : from % chunk;
}

/**
 * Time of a kernel bound by memory time `a` and compute time `b`. Real kernels do not switch
 * sharply at the ridge point: near it, both limits cost. The 2-norm is 41% above max() when the
 * two are equal and within 1% once one is 7× the other.
 */
function roofline(a: number, b: number): number {
  return Math.sqrt(a * a + b * b);
}
