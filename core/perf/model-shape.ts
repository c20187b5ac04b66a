import type { Architecture } from '../schema/catalog.ts';

/** Parameter and attention counts derived from an architecture, in plain numbers. */
export interface ModelShape {
  /** Embedding table parameters (input embedding, plus the LM head when untied). */
  embeddingParams: number;
  /** Parameters multiplied per token: active parameters minus the input lookup table. */
  computeParams: number;
  /** Routed-expert parameters (0 for dense models) and the share one token activates. */
  routedExpertParams: number;
  expertActivationShare: number;
  /** Layers with a mixture-of-experts block (0 for dense models). */
  moeLayers: number;
  /** KV-cache elements per token per layer (K and V, or one MLA latent). */
  kvElementsPerTokenPerLayer: number;
  /** Whether the KV cache is split across tensor-parallel ranks (false for MLA's shared latent). */
  kvShardable: boolean;
  /** Attention FLOPs per token per context position in one layer. */
  attnFlopsPerTokenCtxPerLayer: number;
  fullAttentionLayers: number;
  windowedLayers: number;
  windowTokens: number;
  /** Layers that attend within fixed chunks (see Architecture.chunkedAttention), and the chunk. */
  chunkedLayers: number;
  chunkTokens: number;
}

const shapes = new WeakMap<Architecture, ModelShape>();

/** The shape of an architecture, derived once per architecture object. */
export function modelShape(a: Architecture): ModelShape {
  let shape = shapes.get(a);
  if (shape === undefined) {
    shape = deriveShape(a);
    shapes.set(a, shape);
  }
  return shape;
}

function deriveShape(a: Architecture): ModelShape {
  const embeddingParams = a.vocabSize * a.hiddenSize * (a.tiedEmbeddings ? 1 : 2);
  const inputTable = a.vocabSize * a.hiddenSize;
  // A tied table is also the LM head, so every row is multiplied; untied, the input side is a lookup.
  const computeParams = a.paramsActiveB * 1e9 - (a.tiedEmbeddings ? 0 : inputTable);
  let routedExpertParams = 0;
  let expertActivationShare = 0;
  if (a.moe !== undefined) {
    expertActivationShare = a.moe.expertsPerToken / a.moe.experts;
    // total = dense + routed; active = dense + routed × share  ⇒  routed = (total − active) / (1 − share)
    routedExpertParams =
      ((a.paramsTotalB - a.paramsActiveB) * 1e9) / Math.max(1e-9, 1 - expertActivationShare);
  }
  const mla = a.mla;
  const kvElementsPerTokenPerLayer =
    mla !== undefined ? mla.kvLoraRank + mla.ropeHeadDim : 2 * a.kvHeads * a.headDim;
  // MLA attends in the latent space: scores over rank + rope dims, values over the rank.
  const attnWidth =
    mla !== undefined
      ? a.attentionHeads * (2 * mla.kvLoraRank + mla.ropeHeadDim)
      : a.attentionHeads * a.headDim * 2;
  const windowedLayers = a.slidingWindow ? Math.round(a.layers * a.slidingWindow.layerFraction) : 0;
  const chunkedLayers = a.chunkedAttention
    ? Math.round(a.layers * a.chunkedAttention.layerFraction)
    : 0;
  const fullAttentionLayers = a.layers - windowedLayers - chunkedLayers;
  return {
    embeddingParams,
    computeParams,
    routedExpertParams,
    expertActivationShare,
    moeLayers: a.moe === undefined ? 0 : (a.moe.layers ?? a.layers),
    kvElementsPerTokenPerLayer,
    kvShardable: mla === undefined,
    // 2 FLOPs per multiply-add, for QKᵀ and AV: 2 × attnWidth per layer per context position.
    attnFlopsPerTokenCtxPerLayer: 2 * attnWidth,
    fullAttentionLayers,
    windowedLayers,
    windowTokens: a.slidingWindow?.windowTokens ?? 0,
    chunkedLayers,
    chunkTokens: a.chunkedAttention?.chunkTokens ?? 0,
  };
}
