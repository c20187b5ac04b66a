import type { ReplicaSpec } from './replica.ts';

/**
 * Seconds for one engine step that decodes `decodeTokens` sequences at mean context `decodeCtx`
 * and prefills `prefillTokens` tokens that each attend `prefillCtx` positions on average. Kernels run one after another,
 * so each kernel class takes its own roofline (memory time vs compute time) and the step is their
 * sum: weight GEMMs (weights read once per step, shared by every token), attention (KV reads for
 * decode, quadratic math for prefill), activation traffic, tensor-parallel all-reduces, and the
 * engine's fixed per-step overhead.
 */
export function stepSeconds(
  s: ReplicaSpec,
  decodeTokens: number,
  decodeCtx: number,
  prefillTokens: number,
  prefillCtx: number,
): number {
  const tokens = decodeTokens + prefillTokens;
  if (tokens <= 0) return 0;
  // A MoE step reads only the experts its tokens route to: 1 − (1 − k/E)^tokens of them.
  const expertShare =
    s.expertActivationShare > 0 ? 1 - Math.pow(1 - s.expertActivationShare, tokens) : 0;
  const weightReadS = s.denseReadS + s.expertReadS * expertShare;
  const gemmS = roofline(weightReadS, s.gemmSPerToken * tokens);

  let attentionS = 0;
  if (decodeTokens > 0) {
    const ctxLayers = attendedPositions(s, decodeCtx);
    const readS = s.kvReadSPerTokenLayer * ctxLayers;
    const mathS = s.attnComputeSPerTokenCtxLayer * ctxLayers;
    attentionS += decodeTokens * roofline(readS, mathS);
  }
  if (prefillTokens > 0) {
    attentionS += prefillTokens * s.attnComputeSPerTokenCtxLayer * attendedPositions(s, prefillCtx);
  }

  const activationS = s.activationSPerToken * tokens;
  const commS = s.commSPerStep + s.commSPerToken * tokens;
  const overheadS =
    s.overheadS + s.overheadSPerSequence * (decodeTokens + (prefillTokens > 0 ? 1 : 0));
  return gemmS + attentionS + activationS + commS + overheadS;
}

/** Context positions attended, summed over layers (windowed layers stop at their window). */
function attendedPositions(s: ReplicaSpec, ctx: number): number {
  const windowed = s.windowedLayers > 0 ? s.windowedLayers * Math.min(ctx, s.windowTokens) : 0;
  return s.fullAttentionLayers * ctx + windowed;
}

/**
 * Time of a kernel bound by memory time `a` and compute time `b`. Real kernels do not switch
 * sharply at the ridge point: near it, both limits cost. The 2-norm is 41% above max() when the
 * two are equal and within 1% once one is 7× the other.
 */
function roofline(a: number, b: number): number {
  return Math.sqrt(a * a + b * b);
}
