import { z } from 'zod';
import {
  Fraction,
  Id,
  IsoDate,
  LIMITS,
  Name,
  NonNegative,
  NonNegativeInt,
  Positive,
  PositiveInt,
  Precision,
  Provenance,
  ResidencyZone,
  TokenCount,
  UsdPerMTok,
} from './common.ts';
import { CommitmentOption, ProvisionedThroughput } from './procurement.ts';
import { ModelReasoning } from './reasoning.ts';

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
    aboveInputTokens: TokenCount.describe('The tier applies to prompts longer than this, tokens.'),
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
    minPrefixTokens: NonNegativeInt.max(LIMITS.tokens)
      .default(0)
      .describe('The shortest prefix the provider caches, tokens; shorter prompts never hit.'),
    ttlMinutes: Positive.max(525_600)
      .default(5)
      .describe('Minutes a cached prefix lives after its last use (a year at most).'),
    storageUsdPerMTokHour: UsdPerMTok.optional().describe(
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
  name: Name.describe('The provider’s name.'),
  kind: z
    .enum(['api', 'cloud', 'both'])
    .describe('Whether it sells hosted APIs, cloud GPUs, or both.'),
  stackingRule: z
    .string()
    .max(2000)
    .default('')
    .describe('How batch, cache and tier discounts stack, as the provider documents it.'),
  url: z.string().max(2000).default('').describe('The provider’s pricing page.'),
}).describe('A provider of hosted APIs or cloud GPUs.');
export type Provider = z.infer<typeof Provider>;

/** When a row's prices hold: from `validFrom` through `validTo` (both days included). */
const PriceValidity = {
  /** First day the prices apply; absent: since before the catalog knew them. */
  validFrom: IsoDate.optional(),
  /** Last day the prices apply; absent: until further notice. */
  validTo: IsoDate.optional(),
};

/** An offering's prices during one period, with where they came from. */
export const PricePeriod = Provenance.extend({
  validFrom: PriceValidity.validFrom.describe(
    'First day these prices apply; absent: since before the catalog knew them.',
  ),
  validTo: PriceValidity.validTo.describe(
    'Last day these prices apply; absent: until further notice.',
  ),
  usdPerMTok: TokenPrices,
  batch: TierPrices.optional(),
  priority: TierPrices.optional(),
  longContext: z
    .array(LongContextTier)
    .default([])
    .describe('Long-context price tiers in the period.'),
}).describe('An offering’s prices during one period, with where they came from.');
export type PricePeriod = z.infer<typeof PricePeriod>;

interface Validity {
  validFrom?: string | undefined;
  validTo?: string | undefined;
}

/**
 * The first problem with an offering's price periods: a period that ends before it starts, or two
 * that share a day (the price on that day would be ambiguous).
 */
function periodOverlap(
  o: Validity & { pricePeriods?: readonly Validity[] | undefined },
): { message: string; path: (string | number)[] } | undefined {
  const periods: { v: Validity; path: (string | number)[] }[] = [{ v: o, path: ['validTo'] }];
  (o.pricePeriods ?? []).forEach((v, i) => periods.push({ v, path: ['pricePeriods', i] }));
  for (const { v, path } of periods) {
    if (v.validFrom !== undefined && v.validTo !== undefined && v.validTo < v.validFrom) {
      return { message: `validTo ${v.validTo} is before validFrom ${v.validFrom}`, path };
    }
  }
  const sorted = [...periods].sort((a, b) =>
    (a.v.validFrom ?? '') < (b.v.validFrom ?? '') ? -1 : 1,
  );
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!.v;
    const after = sorted[i]!.v;
    if (
      before.validTo === undefined ||
      after.validFrom === undefined ||
      before.validTo >= after.validFrom
    ) {
      return {
        message: `two price periods overlap (one from ${before.validFrom ?? 'the start'} to ${before.validTo ?? 'no end'}, one from ${after.validFrom ?? 'the start'})`,
        path: sorted[i]!.path,
      };
    }
  }
  return undefined;
}

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
  regionalUplift: Positive.max(LIMITS.multiplier)
    .default(1)
    .describe('Multiplier for regional or data-zone processing (1.1 for a 10% uplift).'),
  cache: PromptCachePolicy.default({
    style: 'none',
    minPrefixTokens: 0,
    ttlMinutes: 5,
    appliesToBatch: true,
  }),
  contextTokens: TokenCount.optional().describe('The context window, tokens.'),
  maxOutputTokens: TokenCount.optional().describe('The most output tokens per request.'),
  rateLimitRpm: PositiveInt.max(1e9).optional().describe('Requests per minute allowed.'),
  // Older files carry an offering's published latency here. The catalog keeps latency in its own
  // table: an import or edit moves these into a published latency row (legacy-latency.ts); a
  // scenario's inline offering is still read with them.
  publishedTtftMs: Positive.max(600_000)
    .optional()
    .describe(
      'Published median time to first token, ms (older files; the catalog keeps it as a published latency row).',
    ),
  publishedOutputTokPerS: Positive.max(100_000)
    .optional()
    .describe(
      'Published median output speed, tokens per second (older files; the catalog keeps it as a published latency row).',
    ),
  validFrom: PriceValidity.validFrom.describe(
    'First day the prices apply; absent: since before the catalog knew them.',
  ),
  validTo: PriceValidity.validTo.describe(
    'Last day the prices apply; absent: until further notice.',
  ),
  pricePeriods: z
    .array(PricePeriod)
    .max(200)
    .optional()
    .describe(
      'The offering’s prices at other times: earlier prices kept by imports, and known changes to come (a promotion’s end).',
    ),
  provisioned: ProvisionedThroughput.optional().describe(
    'Provisioned throughput sold for this offering (capacity per unit, minimum, prices per term); absent: none.',
  ),
})
  .describe('A hosted-API offering: a model from a provider, in a region, at a price.')
  .superRefine((o, ctx) => {
    const problem = periodOverlap(o);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', ...problem });
  });
export type Offering = z.infer<typeof Offering>;
export type OfferingInput = z.input<typeof Offering>;

/** A size in a model's architecture (layers, widths, heads): a million at most. */
const ArchSize = PositiveInt.max(1_000_000);

export const MoeSpec = z
  .strictObject({
    experts: ArchSize.describe('Routed experts per MoE layer.'),
    expertsPerToken: ArchSize.describe('Routed experts each token activates.'),
    sharedExperts: NonNegativeInt.max(1_000_000).default(0).describe('Experts every token uses.'),
    layers: ArchSize.optional().describe(
      'Layers with a mixture-of-experts block; the others have a dense feed-forward block (Llama 4 Maverick: every other layer, 24 of 48; DeepSeek-V3/R1: all but the first 3). Unset: every layer.',
    ),
  })
  .describe('Mixture-of-experts layout.');

/** Multi-head latent attention (DeepSeek): the KV cache holds one compressed latent per layer. */
export const MlaSpec = z
  .strictObject({
    kvLoraRank: ArchSize.describe('Width of the compressed KV latent.'),
    ropeHeadDim: ArchSize.describe('Width of the decoupled rotary key per head.'),
  })
  .describe('Multi-head latent attention: one compressed latent per layer in the KV cache.');

/** Sliding-window attention on a share of the layers caps their KV cache at the window. */
export const SlidingWindowSpec = z
  .strictObject({
    windowTokens: TokenCount.describe('The attention window, tokens.'),
    layerFraction: Fraction.describe('Share of the layers that use the window (0–1).'),
  })
  .describe('Sliding-window attention on a share of the layers.');

/**
 * Chunked local attention (Llama 4): the context is cut into fixed chunks and a token attends only
 * to the earlier tokens of its own chunk, so attention work stops growing with the context.
 */
export const ChunkedAttentionSpec = z
  .strictObject({
    chunkTokens: TokenCount.describe(
      'The chunk length, tokens: a token attends only to earlier tokens of its own chunk.',
    ),
    layerFraction: Fraction.describe(
      'Share of the layers that attend within chunks (0–1); the others attend to the whole context.',
    ),
  })
  .describe('Chunked local attention on a share of the layers (Llama 4: 8,192-token chunks).');

/**
 * A checkpoint published with only its routed experts quantized (gpt-oss: MXFP4 experts, attention
 * and embeddings in BF16). Serving at that precision means serving that checkpoint.
 */
export const PartialQuantizationSpec = z
  .strictObject({
    precision: Precision.describe('The precision of the quantized weights (gpt-oss MXFP4: fp4).'),
    modules: z
      .enum(['routed-experts'])
      .describe(
        'Which weights the checkpoint quantizes: routed-experts (attention, shared experts, dense layers and embeddings stay 16-bit).',
      ),
  })
  .describe(
    'A published checkpoint that quantizes only some weights: served at its precision, the rest stay 16-bit.',
  );

export const Architecture = z
  .strictObject({
    paramsTotalB: Positive.max(100_000).describe('Parameters in all, billions.'),
    paramsActiveB: Positive.max(100_000).describe(
      'Parameters active per token, billions (MoE: fewer).',
    ),
    layers: ArchSize.describe('Transformer layers.'),
    hiddenSize: ArchSize.describe('Hidden (model) dimension.'),
    intermediateSize: PositiveInt.max(100_000_000)
      .optional()
      .describe('Feed-forward inner dimension.'),
    attentionHeads: ArchSize.describe('Query heads.'),
    kvHeads: ArchSize.describe('Key/value heads (grouped-query attention: fewer).'),
    headDim: ArchSize.describe('Dimension per head.'),
    vocabSize: PositiveInt.max(100_000_000).describe('Vocabulary size.'),
    tiedEmbeddings: z
      .boolean()
      .default(false)
      .describe('Whether input and output embeddings share weights.'),
    moe: MoeSpec.optional(),
    mla: MlaSpec.optional(),
    slidingWindow: SlidingWindowSpec.optional(),
    chunkedAttention: ChunkedAttentionSpec.optional(),
    partialQuantization: PartialQuantizationSpec.optional(),
  })
  .refine((a) => a.paramsActiveB <= a.paramsTotalB, {
    message: 'paramsActiveB must not exceed paramsTotalB',
    path: ['paramsActiveB'],
  })
  .refine((a) => a.moe === undefined || a.moe.expertsPerToken <= a.moe.experts, {
    message: 'expertsPerToken must not exceed experts',
    path: ['moe', 'expertsPerToken'],
  })
  .refine((a) => a.moe?.layers === undefined || a.moe.layers <= a.layers, {
    message: 'moe.layers must not exceed layers',
    path: ['moe', 'layers'],
  })
  .refine(
    (a) => (a.slidingWindow?.layerFraction ?? 0) + (a.chunkedAttention?.layerFraction ?? 0) <= 1,
    {
      message: 'slidingWindow and chunkedAttention layer fractions must not add up to more than 1',
      path: ['chunkedAttention', 'layerFraction'],
    },
  )
  .describe('The model’s architecture, for sizing and speed.');
export type Architecture = z.infer<typeof Architecture>;

export const Model = Provenance.extend({
  id: Id.describe('The model id (e.g. llama-3.3-70b).'),
  name: Name.describe('The model’s name.'),
  developer: Name.describe('Who trained it.'),
  family: Name.describe('The model family (sweeps filter on it).'),
  openWeights: z.boolean().describe('Whether its weights can be self-hosted.'),
  contextTokens: TokenCount.optional().describe('The context window, tokens.'),
  licence: z.string().max(500).default('').describe('The weights’ licence.'),
  releaseDate: z.string().max(40).optional().describe('When it was released.'),
  arch: Architecture.optional().describe(
    'The architecture; required for open-weight models (self-hosting needs it).',
  ),
  reasoning: ModelReasoning.optional().describe(
    'How the model reasons (effort levels, default, typical reasoning tokens, billing); absent: it does not reason.',
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
    busGBps: Positive.max(1e6).describe(
      'Per-GPU all-reduce bus bandwidth for large messages, GB/s.',
    ),
    latencyUs: Positive.max(1e6).describe(
      'Fixed latency of one all-reduce call, µs (decode-sized messages are latency-bound).',
    ),
  })
  .describe('How the GPUs of one server talk for tensor parallelism.');

/** Dense tensor throughput, TFLOPS: a million at most (a B200 does 2,250 at BF16). */
const Tflops = Positive.max(1e6);

/**
 * A server as bought for owned GPUs: how many GPUs it holds, its price with everything in it (the
 * GPUs, CPUs, memory, network cards, local storage, chassis and power supplies), and what it draws
 * beyond the GPUs at load. Facts with their own source and date.
 */
export const GpuServer = Provenance.extend({
  gpus: PositiveInt.max(72).describe('GPUs in one server.'),
  usd: Positive.max(LIMITS.usdPerGpu * 72).describe(
    'Price of the whole server with its GPUs, USD.',
  ),
  nonGpuPowerW: NonNegative.max(1e6)
    .optional()
    .describe(
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
  name: Name.describe('The GPU’s name.'),
  vendor: z.enum(['nvidia', 'amd', 'intel', 'google']).describe('Who makes it.'),
  family: GpuFamily.describe('The architecture generation (sets calibrated efficiencies).'),
  memoryGB: Positive.max(1e6).describe(
    'Memory per GPU, GB as the datasheet counts it (see memoryKind).',
  ),
  /**
   * How the datasheet counts memory: HBM parts quote binary GB (an "80 GB" H100 has 80 GiB less
   * a little), GDDR parts decimal GB (a "24 GB" A10G reports 23,028 MiB).
   */
  memoryKind: z
    .enum(['hbm', 'gddr'])
    .default('hbm')
    .describe('hbm: the datasheet counts binary GB; gddr: decimal GB.'),
  memoryBandwidthTBps: Positive.max(1e4).describe('Memory bandwidth, TB/s.'),
  tflops: z
    .strictObject({
      bf16: Tflops.describe('Dense BF16 tensor TFLOPS.'),
      fp8: Tflops.optional().describe('Dense FP8 tensor TFLOPS; absent: no FP8 support.'),
      fp4: Tflops.optional().describe('Dense FP4 tensor TFLOPS; absent: no FP4 support.'),
    })
    .describe('Dense (not 2:4-sparse) peak tensor throughput per precision.'),
  tdpW: Positive.max(1e6).optional().describe('Board power, W.'),
  interconnect: Interconnect,
  purchaseUsd: Positive.max(LIMITS.usdPerGpu)
    .optional()
    .describe('Indicative street price of the card (or module) alone, USD.'),
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

/** USD per hour for one instance. */
const UsdPerHour = Positive.max(LIMITS.usdPerHour);

export const Instance = Provenance.extend({
  id: Id.describe('The instance id (e.g. aws/p5.48xlarge/us-east-1).'),
  cloud: Id.describe('The cloud provider id.'),
  instanceType: Name.describe('The cloud’s instance type name.'),
  gpuId: Id.describe('The GPU it carries.'),
  gpuCount: PositiveInt.max(1024).describe('GPUs per instance (1,024 at most: a rack-scale pod).'),
  regionId: Id.describe('The region it is priced in.'),
  vcpus: PositiveInt.max(1e6).optional().describe('Virtual CPUs.'),
  memoryGiB: Positive.max(1e8).optional().describe('Host memory, GiB.'),
  usdPerHour: z
    .strictObject({
      onDemand: UsdPerHour.describe('On-demand price, USD per hour.'),
      spot: UsdPerHour.optional().describe('Spot price, USD per hour.'),
      commit1y: UsdPerHour.optional().describe(
        'Effective price with a 1-year commitment, USD per hour.',
      ),
      commit3y: UsdPerHour.optional().describe(
        'Effective price with a 3-year commitment, USD per hour.',
      ),
    })
    .describe('Prices for the whole instance, USD per hour.'),
  commitmentOptions: z
    .array(CommitmentOption)
    .max(12)
    .optional()
    .describe(
      'Commitments paid partly or wholly upfront, each with its own source; the no-upfront rates are commit1y and commit3y.',
    ),
}).describe('A cloud GPU instance type in one region, with its prices.');
export type Instance = z.infer<typeof Instance>;

export const Region = Provenance.extend({
  id: Id.describe('The region id (e.g. aws/us-east-1).'),
  cloud: Id.describe('The cloud provider id.'),
  code: Name.describe('The cloud’s region code (e.g. us-east-1).'),
  name: Name.describe('The region’s name.'),
  country: z.string().min(2).max(2).describe('ISO 3166 country code.'),
  latitude: z.number().min(-90).max(90).describe('Latitude, degrees.'),
  longitude: z.number().min(-180).max(180).describe('Longitude, degrees.'),
  residency: ResidencyZone.describe('The residency zone it satisfies.'),
  gridGCo2PerKwh: NonNegative.max(5000)
    .optional()
    .describe('Grid carbon intensity, gCO2e per kWh (location-based).'),
  pue: z
    .number()
    .min(1)
    .max(3)
    .optional()
    .describe('Power usage effectiveness of the provider’s data centres.'),
}).describe('A cloud region.');
export type Region = z.infer<typeof Region>;

/**
 * Quality benchmarks, one snapshot each: scores drift between leaderboard snapshots, so a
 * threshold holds against one of them only. `lmarena-text` is the 2025-08-04 LMArena snapshot
 * (kept as it was: scenarios that name it keep their meaning); later snapshots get dated ids.
 */
export const BENCHMARKS = [
  'lmarena-text',
  'aider-polyglot',
  'lmarena-text-2025-12',
  'lmarena-text-2025-12-raw',
  'livebench-2026-01',
  'livebench-2026-01-coding',
  'livebench-2026-01-agentic-coding',
] as const;
export const Benchmark = z
  .enum(BENCHMARKS)
  .describe(
    'A quality benchmark snapshot: lmarena-text (LMArena text arena score, 2025-08-04), aider-polyglot (percent solved, 2025-10-04), lmarena-text-2025-12 (LMArena, style control, 2025-12-11), lmarena-text-2025-12-raw (LMArena, raw, 2025-12-11), livebench-2026-01 (LiveBench global average, 0–100, 2026-01-08 questions), livebench-2026-01-coding and livebench-2026-01-agentic-coding (its categories).',
  );
export type Benchmark = z.infer<typeof Benchmark>;

export const QualityScore = Provenance.extend({
  modelId: Id.describe('The model id.'),
  benchmark: Benchmark.describe('The benchmark.'),
  score: z.number().finite().min(-1e6).max(1e6).describe('The model’s score on it.'),
}).describe('A model’s score on a quality benchmark.');
export type QualityScore = z.infer<typeof QualityScore>;

/** Whose figure a latency row is: a public benchmark's published median, or the user's own. */
export const LATENCY_KINDS = ['published', 'measured'] as const;

/**
 * A hosted API's latency: a published median (a public benchmark's, with its source) or the
 * user's own measurement (a load test). Either is a typical figure, not a guarantee. Its key is
 * `offeringId|kind`: an offering has at most one of each.
 */
export const LatencyMeasurement = Provenance.extend({
  offeringId: Id.describe('The API offering measured.'),
  kind: z
    .enum(LATENCY_KINDS)
    .describe("published: a public benchmark's median; measured: your own load test."),
  /** Median time to first token, ms. */
  ttftMs: Positive.max(600_000)
    .optional()
    .describe('Median time to first token, ms (network included, as the client saw it).'),
  /** Median output tokens per second of one stream (after the first token). */
  outputTokPerS: Positive.max(100_000)
    .optional()
    .describe('Median output tokens per second of one stream, after the first token.'),
  /** The test's prompt and output sizes, when the source states them. */
  inputTokens: TokenCount.optional().describe("The test's prompt size, tokens, when stated."),
  outputTokens: TokenCount.optional().describe("The test's output size, tokens, when stated."),
})
  .describe("A hosted API's typical latency: a published median or your own measurement.")
  .refine((m) => m.ttftMs !== undefined || m.outputTokPerS !== undefined, {
    message: 'give a time to first token, an output speed, or both',
    path: ['ttftMs'],
  });
export type LatencyMeasurement = z.infer<typeof LatencyMeasurement>;

const DISCOUNT_FIELDS = {
  provider: Id.optional().describe(
    'Every offering of this provider, or every instance of this cloud (or give offeringId).',
  ),
  offeringId: Id.optional().describe('This one offering (or give provider).'),
  fraction: z.number().min(0).max(0.95).meta({
    title: 'Discount',
    description: 'Discount on list prices (0–0.95).',
  }),
  note: z.string().max(2000).default('').describe('What the discount rests on (contract, term).'),
};

/** A discount names one target: a provider or an offering. */
function oneTarget<T extends z.ZodType<{ provider?: string; offeringId?: string }>>(schema: T) {
  return schema
    .refine((d) => d.provider === undefined || d.offeringId === undefined, {
      message: 'give either provider or offeringId, not both',
      path: ['provider'],
    })
    .refine((d) => d.provider !== undefined || d.offeringId !== undefined, {
      message: 'name what the discount is on: a provider or an offeringId',
      path: ['provider'],
    });
}

/** A negotiated discount on a provider's list prices, or on one offering. */
export const Discount = oneTarget(
  z
    .strictObject(DISCOUNT_FIELDS)
    .describe('A negotiated discount on a provider’s list prices, or on one offering.'),
);
export type Discount = z.infer<typeof Discount>;

/**
 * A scenario's negotiated terms: a discount that may apply only to the spend above a committed
 * monthly amount (a volume tier), over the catalog's organization-wide discounts.
 */
export const ScenarioDiscount = oneTarget(
  z
    .strictObject({
      ...DISCOUNT_FIELDS,
      aboveMonthlyUsd: NonNegative.max(1e12).default(0).meta({
        title: 'Above monthly spend',
        description:
          'The discount applies to the candidate’s monthly spend with the vendor above this, USD (0: to all of it).',
      }),
    })
    .describe(
      'A negotiated discount for this scenario: on a provider’s (or cloud’s) list prices or one offering, optionally only above a monthly spend.',
    ),
);
export type ScenarioDiscount = z.infer<typeof ScenarioDiscount>;

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
