import { z } from 'zod';
import {
  Fraction,
  Id,
  NonNegative,
  NonNegativeInt,
  Positive,
  PositiveInt,
  Provenance,
  ResidencyZone,
} from './common.ts';

/**
 * A price per 1M tokens, USD. The bound is far above any real price (LiteLLM's file holds typos of
 * $540,000) yet keeps every monthly sum finite.
 */
const UsdPerMTok = NonNegative.max(1_000_000);

/** Prices in USD per 1M tokens. Cache prices are absent where the provider has no prompt cache. */
export const TokenPrices = z
  .strictObject({
    input: UsdPerMTok.meta({ title: 'Input', description: 'Uncached input, USD per 1M tokens.' }),
    output: UsdPerMTok.meta({
      title: 'Output',
      description: 'Output (reasoning included), USD per 1M tokens.',
    }),
    cacheRead: UsdPerMTok.optional().meta({
      title: 'Cached input',
      description: 'Input read from the prompt cache, USD per 1M tokens; absent: no prompt cache.',
    }),
    cacheWrite: UsdPerMTok.optional().meta({
      title: 'Cache write',
      description:
        'Input written to the prompt cache, USD per 1M tokens; absent: writes cost the input price.',
    }),
  })
  .describe('Prices in USD per 1M tokens.');
export type TokenPrices = z.infer<typeof TokenPrices>;

/** Prices of a tier (batch, priority, long context): a token type left out scales by the tier factor. */
export const TierPrices = TokenPrices.partial().describe(
  'Prices of a tier, USD per 1M tokens; a token type left out scales by the tier factor.',
);
export type TierPrices = z.infer<typeof TierPrices>;

export const LONG_CONTEXT_RULES = ['whole-request', 'tokens-above'] as const;

/**
 * A long-context price tier. `whole-request`: a request whose prompt is above the threshold pays
 * tier prices for every token (Anthropic, Google). `tokens-above`: only the prompt tokens beyond
 * the threshold pay the tier's input-side prices; output stays at the base price.
 */
export const LongContextTier = z
  .strictObject({
    aboveInputTokens: PositiveInt.describe('The tier applies to prompts longer than this, tokens.'),
    rule: z
      .enum(LONG_CONTEXT_RULES)
      .describe(
        'whole-request: every token at tier prices; tokens-above: only prompt tokens past the threshold.',
      ),
    usdPerMTok: TierPrices,
  })
  .describe('A long-context price tier.');
export type LongContextTier = z.infer<typeof LongContextTier>;

export const CACHE_STYLES = ['none', 'automatic', 'explicit', 'storage'] as const;

/**
 * How a provider's prompt cache bills. `automatic` (OpenAI-style): hits discounted, writes at the
 * input price. `explicit` (Anthropic-style): writes priced above input, TTL from the last hit.
 * `storage` (Gemini explicit caching): hits discounted, plus storage per token-hour while cached.
 */
export const PromptCachePolicy = z
  .strictObject({
    style: z
      .enum(CACHE_STYLES)
      .describe(
        'none; automatic (hits discounted, writes at the input price); explicit (writes priced above input); storage (plus storage per token-hour).',
      ),
    minPrefixTokens: NonNegativeInt.default(0).describe(
      'The shortest prefix the provider caches, tokens; shorter prompts never hit.',
    ),
    ttlMinutes: Positive.default(5).describe('Minutes a cached prefix lives after its last use.'),
    storageUsdPerMTokHour: NonNegative.optional().describe(
      'Storage price while cached, USD per 1M tokens per hour (storage style).',
    ),
    appliesToBatch: z
      .boolean()
      .default(true)
      .describe('Whether cache-read discounts also apply to batch-API requests.'),
  })
  .describe('How the provider’s prompt cache bills.');
export type PromptCachePolicy = z.infer<typeof PromptCachePolicy>;

export const Provider = Provenance.extend({
  id: Id.describe('The provider id (e.g. anthropic, aws).'),
  name: z.string().min(1).describe('The provider’s name.'),
  kind: z
    .enum(['api', 'cloud', 'both'])
    .describe('Whether it sells hosted APIs, cloud GPUs, or both.'),
  stackingRule: z
    .string()
    .default('')
    .describe('How batch, cache and tier discounts stack, as the provider documents it.'),
  url: z.string().default('').describe('The provider’s pricing page.'),
}).describe('A provider of hosted APIs or cloud GPUs.');
export type Provider = z.infer<typeof Provider>;

export const Offering = Provenance.extend({
  id: Id.describe('The offering id (e.g. anthropic/claude-sonnet-4-5).'),
  provider: Id.describe('The provider id.'),
  modelId: Id.describe('The model id.'),
  residency: ResidencyZone.describe(
    'Residency zone where requests are processed (global: provider-routed, no guarantee).',
  ),
  regionId: Id.optional().describe(
    'A specific cloud region when the offering is regional (Bedrock, Vertex, Azure).',
  ),
  usdPerMTok: TokenPrices.describe('Standard prices, USD per 1M tokens.'),
  batch: TierPrices.optional().describe('Batch-API prices; absent: no batch API.'),
  priority: TierPrices.optional().describe('Priority-tier prices; absent: no priority tier.'),
  longContext: z
    .array(LongContextTier)
    .default([])
    .refine(
      (tiers) => new Set(tiers.map((t) => t.aboveInputTokens)).size === tiers.length,
      'two long-context tiers at the same threshold',
    )
    .describe('Long-context price tiers, each above its own prompt length.'),
  regionalUplift: Positive.default(1).describe(
    'Multiplier for regional or data-zone processing (1.1 for a 10% uplift).',
  ),
  cache: PromptCachePolicy.default({
    style: 'none',
    minPrefixTokens: 0,
    ttlMinutes: 5,
    appliesToBatch: true,
  }),
  contextTokens: PositiveInt.optional().describe('The context window, tokens.'),
  maxOutputTokens: PositiveInt.optional().describe('The most output tokens per request.'),
  rateLimitRpm: PositiveInt.optional().describe('Requests per minute allowed.'),
  publishedTtftMs: Positive.optional().describe(
    'Published or measured median time to first token, ms, when a public source gives it.',
  ),
  publishedOutputTokPerS: Positive.optional().describe(
    'Published or measured median output speed, tokens per second, when a public source gives it.',
  ),
}).describe('A hosted-API offering: a model from a provider, in a region, at a price.');
export type Offering = z.infer<typeof Offering>;
export type OfferingInput = z.input<typeof Offering>;

export const MoeSpec = z
  .strictObject({
    experts: PositiveInt.describe('Routed experts per MoE layer.'),
    expertsPerToken: PositiveInt.describe('Routed experts each token activates.'),
    sharedExperts: NonNegativeInt.default(0).describe('Experts every token uses.'),
  })
  .describe('Mixture-of-experts layout.');

/** Multi-head latent attention (DeepSeek): the KV cache holds one compressed latent per layer. */
export const MlaSpec = z
  .strictObject({
    kvLoraRank: PositiveInt.describe('Width of the compressed KV latent.'),
    ropeHeadDim: PositiveInt.describe('Width of the decoupled rotary key per head.'),
  })
  .describe('Multi-head latent attention: one compressed latent per layer in the KV cache.');

/** Sliding-window attention on a share of the layers caps their KV cache at the window. */
export const SlidingWindowSpec = z
  .strictObject({
    windowTokens: PositiveInt.describe('The attention window, tokens.'),
    layerFraction: Fraction.describe('Share of the layers that use the window (0–1).'),
  })
  .describe('Sliding-window attention on a share of the layers.');

export const Architecture = z
  .strictObject({
    paramsTotalB: Positive.describe('Parameters in all, billions.'),
    paramsActiveB: Positive.describe('Parameters active per token, billions (MoE: fewer).'),
    layers: PositiveInt.describe('Transformer layers.'),
    hiddenSize: PositiveInt.describe('Hidden (model) dimension.'),
    intermediateSize: PositiveInt.optional().describe('Feed-forward inner dimension.'),
    attentionHeads: PositiveInt.describe('Query heads.'),
    kvHeads: PositiveInt.describe('Key/value heads (grouped-query attention: fewer).'),
    headDim: PositiveInt.describe('Dimension per head.'),
    vocabSize: PositiveInt.describe('Vocabulary size.'),
    tiedEmbeddings: z
      .boolean()
      .default(false)
      .describe('Whether input and output embeddings share weights.'),
    moe: MoeSpec.optional(),
    mla: MlaSpec.optional(),
    slidingWindow: SlidingWindowSpec.optional(),
  })
  .refine((a) => a.paramsActiveB <= a.paramsTotalB, {
    message: 'paramsActiveB must not exceed paramsTotalB',
    path: ['paramsActiveB'],
  })
  .refine((a) => a.moe === undefined || a.moe.expertsPerToken <= a.moe.experts, {
    message: 'expertsPerToken must not exceed experts',
    path: ['moe', 'expertsPerToken'],
  })
  .describe('The model’s architecture, for sizing and speed.');
export type Architecture = z.infer<typeof Architecture>;

export const Model = Provenance.extend({
  id: Id.describe('The model id (e.g. llama-3.3-70b).'),
  name: z.string().min(1).describe('The model’s name.'),
  developer: z.string().min(1).describe('Who trained it.'),
  family: z.string().min(1).describe('The model family (sweeps filter on it).'),
  openWeights: z.boolean().describe('Whether its weights can be self-hosted.'),
  contextTokens: PositiveInt.optional().describe('The context window, tokens.'),
  licence: z.string().default('').describe('The weights’ licence.'),
  releaseDate: z.string().optional().describe('When it was released.'),
  arch: Architecture.optional().describe(
    'The architecture; required for open-weight models (self-hosting needs it).',
  ),
})
  .describe('A model.')
  .refine((m) => !m.openWeights || m.arch !== undefined, {
    message: 'an open-weight model needs its architecture (arch)',
    path: ['arch'],
  });
export type Model = z.infer<typeof Model>;
export type OpenModel = Model & { arch: Architecture };

export const GPU_FAMILIES = [
  'ampere',
  'ada',
  'hopper',
  'blackwell',
  'cdna3',
  'gaudi',
  'tpu',
] as const;
export const GpuFamily = z.enum(GPU_FAMILIES);
export type GpuFamily = z.infer<typeof GpuFamily>;

export const Interconnect = z
  .strictObject({
    kind: z
      .enum(['nvlink', 'pcie', 'infinity-fabric', 'ici', 'roce'])
      .describe('The link between the GPUs of a server.'),
    busGBps: Positive.describe('Per-GPU all-reduce bus bandwidth for large messages, GB/s.'),
    latencyUs: Positive.describe(
      'Fixed latency of one all-reduce call, µs (decode-sized messages are latency-bound).',
    ),
  })
  .describe('How the GPUs of one server talk for tensor parallelism.');

/**
 * A server as bought for owned GPUs: how many GPUs it holds, its price with everything in it (the
 * GPUs, CPUs, memory, network cards, local storage, chassis and power supplies), and what it draws
 * beyond the GPUs at load. Facts with their own source and date.
 */
export const GpuServer = Provenance.extend({
  gpus: PositiveInt.max(72).describe('GPUs in one server.'),
  usd: Positive.describe('Price of the whole server with its GPUs, USD.'),
  nonGpuPowerW: NonNegative.optional().describe(
    'Power beyond the GPUs (CPUs, memory, fans, NICs, storage) at load, watts, where known.',
  ),
}).describe('A server as bought for owned GPUs, with its own source and date.');
export type GpuServer = z.infer<typeof GpuServer>;

/** SXM and OAM modules sit on a baseboard (NVLink / Infinity Fabric / Gaudi RoCE mesh). */
function isBoardPart(g: { interconnect: { kind: string } }): boolean {
  return g.interconnect.kind !== 'pcie';
}

export const Gpu = Provenance.extend({
  id: Id.describe('The GPU id (e.g. h100-sxm).'),
  name: z.string().min(1).describe('The GPU’s name.'),
  vendor: z.enum(['nvidia', 'amd', 'intel', 'google']).describe('Who makes it.'),
  family: GpuFamily.describe('The architecture generation (sets calibrated efficiencies).'),
  memoryGB: Positive.describe('Memory per GPU, GB as the datasheet counts it (see memoryKind).'),
  /**
   * How the datasheet counts memory: HBM parts quote binary GB (an "80 GB" H100 has 80 GiB less
   * a little), GDDR parts decimal GB (a "24 GB" A10G reports 23,028 MiB).
   */
  memoryKind: z
    .enum(['hbm', 'gddr'])
    .default('hbm')
    .describe('hbm: the datasheet counts binary GB; gddr: decimal GB.'),
  memoryBandwidthTBps: Positive.describe('Memory bandwidth, TB/s.'),
  tflops: z
    .strictObject({
      bf16: Positive.describe('Dense BF16 tensor TFLOPS.'),
      fp8: Positive.optional().describe('Dense FP8 tensor TFLOPS; absent: no FP8 support.'),
      fp4: Positive.optional().describe('Dense FP4 tensor TFLOPS; absent: no FP4 support.'),
    })
    .describe('Dense (not 2:4-sparse) peak tensor throughput per precision.'),
  tdpW: Positive.optional().describe('Board power, W.'),
  interconnect: Interconnect,
  purchaseUsd: Positive.optional().describe(
    'Indicative street price of the card (or module) alone, USD.',
  ),
  server: GpuServer.optional().describe(
    'The server it is bought in: owned GPUs are bought in whole servers.',
  ),
})
  .describe('A GPU.')
  .refine((g) => g.server === undefined || !isBoardPart(g) || g.server.gpus % 4 === 0, {
    message: 'SXM/OAM parts ship on 4- or 8-GPU boards: server.gpus must be a multiple of 4',
    path: ['server', 'gpus'],
  });
export type Gpu = z.infer<typeof Gpu>;

export const PRICING_MODELS = ['onDemand', 'spot', 'commit1y', 'commit3y'] as const;
export const PricingModel = z
  .enum(PRICING_MODELS)
  .describe('onDemand, spot, commit1y (1-year commitment) or commit3y.');
export type PricingModel = z.infer<typeof PricingModel>;

export const Instance = Provenance.extend({
  id: Id.describe('The instance id (e.g. aws/p5.48xlarge/us-east-1).'),
  cloud: Id.describe('The cloud provider id.'),
  instanceType: z.string().min(1).describe('The cloud’s instance type name.'),
  gpuId: Id.describe('The GPU it carries.'),
  gpuCount: PositiveInt.describe('GPUs per instance.'),
  regionId: Id.describe('The region it is priced in.'),
  vcpus: PositiveInt.optional().describe('Virtual CPUs.'),
  memoryGiB: Positive.optional().describe('Host memory, GiB.'),
  usdPerHour: z
    .strictObject({
      onDemand: Positive.describe('On-demand price, USD per hour.'),
      spot: Positive.optional().describe('Spot price, USD per hour.'),
      commit1y: Positive.optional().describe(
        'Effective price with a 1-year commitment, USD per hour.',
      ),
      commit3y: Positive.optional().describe(
        'Effective price with a 3-year commitment, USD per hour.',
      ),
    })
    .describe('Prices for the whole instance, USD per hour.'),
}).describe('A cloud GPU instance type in one region, with its prices.');
export type Instance = z.infer<typeof Instance>;

export const Region = Provenance.extend({
  id: Id.describe('The region id (e.g. aws/us-east-1).'),
  cloud: Id.describe('The cloud provider id.'),
  code: z.string().min(1).describe('The cloud’s region code (e.g. us-east-1).'),
  name: z.string().min(1).describe('The region’s name.'),
  country: z.string().min(2).max(2).describe('ISO 3166 country code.'),
  latitude: z.number().min(-90).max(90).describe('Latitude, degrees.'),
  longitude: z.number().min(-180).max(180).describe('Longitude, degrees.'),
  residency: ResidencyZone.describe('The residency zone it satisfies.'),
  gridGCo2PerKwh: NonNegative.optional().describe(
    'Grid carbon intensity, gCO2e per kWh (location-based).',
  ),
  pue: z
    .number()
    .min(1)
    .max(3)
    .optional()
    .describe('Power usage effectiveness of the provider’s data centres.'),
}).describe('A cloud region.');
export type Region = z.infer<typeof Region>;

export const BENCHMARKS = ['lmarena-text', 'aider-polyglot'] as const;
export const Benchmark = z
  .enum(BENCHMARKS)
  .describe('A quality benchmark: lmarena-text (Elo) or aider-polyglot (percent solved).');
export type Benchmark = z.infer<typeof Benchmark>;

export const QualityScore = Provenance.extend({
  modelId: Id.describe('The model id.'),
  benchmark: Benchmark.describe('The benchmark.'),
  score: z.number().finite().describe('The model’s score on it.'),
}).describe('A model’s score on a quality benchmark.');
export type QualityScore = z.infer<typeof QualityScore>;

/**
 * A hosted API's latency: a published median (a public benchmark's, with its source) or the
 * user's own measurement (a load test). Either is a typical figure, not a guarantee.
 */
export const LatencyMeasurement = Provenance.extend({
  offeringId: Id,
  kind: z.enum(['published', 'measured']),
  /** Median time to first token, ms. */
  ttftMs: Positive.max(600_000).optional(),
  /** Median output tokens per second of one stream (after the first token). */
  outputTokPerS: Positive.max(100_000).optional(),
  /** The test's prompt and output sizes, when the source states them. */
  inputTokens: PositiveInt.optional(),
  outputTokens: PositiveInt.optional(),
}).refine((m) => m.ttftMs !== undefined || m.outputTokPerS !== undefined, {
  message: 'give ttftMs, outputTokPerS or both',
  path: ['ttftMs'],
});
export type LatencyMeasurement = z.infer<typeof LatencyMeasurement>;

/** A negotiated discount on a provider's list prices, or on one offering. */
export const Discount = z
  .strictObject({
    provider: Id.optional().describe('Every offering of this provider (or give offeringId).'),
    offeringId: Id.optional().describe('This one offering (or give provider).'),
    fraction: z.number().min(0).max(0.95).meta({
      title: 'Discount',
      description: 'Discount on list prices (0–0.95).',
    }),
    note: z.string().default('').describe('What the discount rests on (contract, term).'),
  })
  .describe('A negotiated discount on a provider’s list prices, or on one offering.')
  .refine((d) => d.provider === undefined || d.offeringId === undefined, {
    message: 'give either provider or offeringId, not both',
    path: ['provider'],
  })
  .refine((d) => d.provider !== undefined || d.offeringId !== undefined, {
    message: 'name what the discount is on: a provider or an offeringId',
    path: ['provider'],
  });
export type Discount = z.infer<typeof Discount>;

/** Everything the engine reads: the catalog as plain, validated rows. */
export interface Catalog {
  providers: Provider[];
  models: Model[];
  offerings: Offering[];
  gpus: Gpu[];
  instances: Instance[];
  regions: Region[];
  quality: QualityScore[];
  discounts: Discount[];
  /** Hosted-API latency figures (published medians and the user's measurements). */
  latency?: LatencyMeasurement[];
}
