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
  Provenance,
  ResidencyZone,
  TokenCount,
  UsdPerMTok,
} from './common.ts';

/** Prices in USD per 1M tokens. Cache prices are absent where the provider has no prompt cache. */
export const TokenPrices = z.strictObject({
  input: UsdPerMTok,
  output: UsdPerMTok,
  cacheRead: UsdPerMTok.optional(),
  cacheWrite: UsdPerMTok.optional(),
});
export type TokenPrices = z.infer<typeof TokenPrices>;

/** Prices of a tier (batch, priority, long context): a token type left out scales by the tier factor. */
export const TierPrices = TokenPrices.partial();
export type TierPrices = z.infer<typeof TierPrices>;

export const LONG_CONTEXT_RULES = ['whole-request', 'tokens-above'] as const;

/**
 * A long-context price tier. `whole-request`: a request whose prompt is above the threshold pays
 * tier prices for every token (Anthropic, Google). `tokens-above`: only the prompt tokens beyond
 * the threshold pay the tier's input-side prices; output stays at the base price.
 */
export const LongContextTier = z.strictObject({
  aboveInputTokens: TokenCount,
  rule: z.enum(LONG_CONTEXT_RULES),
  usdPerMTok: TierPrices,
});
export type LongContextTier = z.infer<typeof LongContextTier>;

export const CACHE_STYLES = ['none', 'automatic', 'explicit', 'storage'] as const;

/**
 * How a provider's prompt cache bills. `automatic` (OpenAI-style): hits discounted, writes at the
 * input price. `explicit` (Anthropic-style): writes priced above input, TTL from the last hit.
 * `storage` (Gemini explicit caching): hits discounted, plus storage per token-hour while cached.
 */
export const PromptCachePolicy = z.strictObject({
  style: z.enum(CACHE_STYLES),
  minPrefixTokens: NonNegativeInt.max(LIMITS.tokens).default(0),
  /** Minutes a cached prefix stays warm; a year at most. */
  ttlMinutes: Positive.max(525_600).default(5),
  storageUsdPerMTokHour: UsdPerMTok.optional(),
  /** Whether cache-read discounts also apply to batch-API requests. */
  appliesToBatch: z.boolean().default(true),
});
export type PromptCachePolicy = z.infer<typeof PromptCachePolicy>;

export const Provider = Provenance.extend({
  id: Id,
  name: Name,
  kind: z.enum(['api', 'cloud', 'both']),
  /** The stacking rule of batch, cache and tier discounts as the provider documents it. */
  stackingRule: z.string().max(2000).default(''),
  url: z.string().max(2000).default(''),
});
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
  ...PriceValidity,
  usdPerMTok: TokenPrices,
  batch: TierPrices.optional(),
  priority: TierPrices.optional(),
  longContext: z.array(LongContextTier).default([]),
});
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
  id: Id,
  provider: Id,
  modelId: Id,
  /** Residency zone where requests are processed ('global' = provider-routed, no guarantee). */
  residency: ResidencyZone,
  /** A specific cloud region when the offering is regional (Bedrock, Vertex, Azure). */
  regionId: Id.optional(),
  usdPerMTok: TokenPrices,
  batch: TierPrices.optional(),
  priority: TierPrices.optional(),
  longContext: z
    .array(LongContextTier)
    .default([])
    .refine(
      (tiers) => new Set(tiers.map((t) => t.aboveInputTokens)).size === tiers.length,
      'two long-context tiers at the same threshold',
    ),
  /** Multiplier for regional / data-zone processing (e.g. 1.1 for a 10% uplift). */
  regionalUplift: Positive.max(LIMITS.multiplier).default(1),
  cache: PromptCachePolicy.default({
    style: 'none',
    minPrefixTokens: 0,
    ttlMinutes: 5,
    appliesToBatch: true,
  }),
  contextTokens: TokenCount.optional(),
  maxOutputTokens: TokenCount.optional(),
  rateLimitRpm: PositiveInt.max(1e9).optional(),
  /** Published or measured median latency, when a public source gives it. */
  publishedTtftMs: Positive.max(1e7).optional(),
  publishedOutputTokPerS: Positive.max(1e6).optional(),
  ...PriceValidity,
  /**
   * The offering's prices at other times: earlier prices kept by imports, and known changes to
   * come (a promotion's end). The row's own prices hold from `validFrom` to `validTo`.
   */
  pricePeriods: z.array(PricePeriod).max(200).optional(),
}).superRefine((o, ctx) => {
  const problem = periodOverlap(o);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', ...problem });
});
export type Offering = z.infer<typeof Offering>;
export type OfferingInput = z.input<typeof Offering>;

/** A size in a model's architecture (layers, widths, heads): a million at most. */
const ArchSize = PositiveInt.max(1_000_000);

export const MoeSpec = z.strictObject({
  experts: ArchSize,
  expertsPerToken: ArchSize,
  sharedExperts: NonNegativeInt.max(1_000_000).default(0),
});

/** Multi-head latent attention (DeepSeek): the KV cache holds one compressed latent per layer. */
export const MlaSpec = z.strictObject({ kvLoraRank: ArchSize, ropeHeadDim: ArchSize });

/** Sliding-window attention on a share of the layers caps their KV cache at the window. */
export const SlidingWindowSpec = z.strictObject({
  windowTokens: TokenCount,
  layerFraction: Fraction,
});

export const Architecture = z
  .strictObject({
    /** Billions of parameters: 100,000 B (100 trillion) at most. */
    paramsTotalB: Positive.max(100_000),
    paramsActiveB: Positive.max(100_000),
    layers: ArchSize,
    hiddenSize: ArchSize,
    intermediateSize: PositiveInt.max(100_000_000).optional(),
    attentionHeads: ArchSize,
    kvHeads: ArchSize,
    headDim: ArchSize,
    vocabSize: PositiveInt.max(100_000_000),
    tiedEmbeddings: z.boolean().default(false),
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
  });
export type Architecture = z.infer<typeof Architecture>;

export const Model = Provenance.extend({
  id: Id,
  name: Name,
  developer: Name,
  family: Name,
  openWeights: z.boolean(),
  contextTokens: TokenCount.optional(),
  licence: z.string().max(500).default(''),
  releaseDate: z.string().max(40).optional(),
  /** Architecture, required for open-weight models (self-hosting needs it). */
  arch: Architecture.optional(),
}).refine((m) => !m.openWeights || m.arch !== undefined, {
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

export const Interconnect = z.strictObject({
  kind: z.enum(['nvlink', 'pcie', 'infinity-fabric', 'ici', 'roce']),
  /** Per-GPU all-reduce bus bandwidth for large messages, GB/s. */
  busGBps: Positive.max(1e6),
  /** Fixed latency of one all-reduce call, microseconds (decode-sized messages are latency-bound). */
  latencyUs: Positive.max(1e6),
});

/** Dense tensor throughput, TFLOPS: a million at most (a B200 does 2,250 at BF16). */
const Tflops = Positive.max(1e6);

/**
 * A server as bought for owned GPUs: how many GPUs it holds, its price with everything in it (the
 * GPUs, CPUs, memory, network cards, local storage, chassis and power supplies), and what it draws
 * beyond the GPUs at load. Facts with their own source and date.
 */
export const GpuServer = Provenance.extend({
  gpus: PositiveInt.max(72),
  usd: Positive.max(LIMITS.usdPerGpu * 72),
  /** Power beyond the GPUs (CPUs, memory, fans, NICs, storage) at load, watts, where known. */
  nonGpuPowerW: NonNegative.max(1e6).optional(),
});
export type GpuServer = z.infer<typeof GpuServer>;

/** SXM and OAM modules sit on a baseboard (NVLink / Infinity Fabric / Gaudi RoCE mesh). */
function isBoardPart(g: { interconnect: { kind: string } }): boolean {
  return g.interconnect.kind !== 'pcie';
}

export const Gpu = Provenance.extend({
  id: Id,
  name: Name,
  vendor: z.enum(['nvidia', 'amd', 'intel', 'google']),
  family: GpuFamily,
  memoryGB: Positive.max(1e6),
  /**
   * How the datasheet counts memory: HBM parts quote binary GB (an "80 GB" H100 has 80 GiB less
   * a little), GDDR parts decimal GB (a "24 GB" A10G reports 23,028 MiB).
   */
  memoryKind: z.enum(['hbm', 'gddr']).default('hbm'),
  memoryBandwidthTBps: Positive.max(1e4),
  /** Dense (not 2:4-sparse) peak tensor throughput per precision. */
  tflops: z.strictObject({ bf16: Tflops, fp8: Tflops.optional(), fp4: Tflops.optional() }),
  tdpW: Positive.max(1e6).optional(),
  interconnect: Interconnect,
  /** Indicative street price of the card (or module) alone. */
  purchaseUsd: Positive.max(LIMITS.usdPerGpu).optional(),
  /** The server it is bought in: owned GPUs are bought in whole servers. */
  server: GpuServer.optional(),
}).refine((g) => g.server === undefined || !isBoardPart(g) || g.server.gpus % 4 === 0, {
  message: 'SXM/OAM parts ship on 4- or 8-GPU boards: server.gpus must be a multiple of 4',
  path: ['server', 'gpus'],
});
export type Gpu = z.infer<typeof Gpu>;

export const PRICING_MODELS = ['onDemand', 'spot', 'commit1y', 'commit3y'] as const;
export const PricingModel = z.enum(PRICING_MODELS);
export type PricingModel = z.infer<typeof PricingModel>;

/** USD per hour for one instance. */
const UsdPerHour = Positive.max(LIMITS.usdPerHour);

export const Instance = Provenance.extend({
  id: Id,
  cloud: Id,
  instanceType: Name,
  gpuId: Id,
  /** GPUs in one instance: 1,024 at most (a full rack-scale pod). */
  gpuCount: PositiveInt.max(1024),
  regionId: Id,
  vcpus: PositiveInt.max(1e6).optional(),
  memoryGiB: Positive.max(1e8).optional(),
  usdPerHour: z.strictObject({
    onDemand: UsdPerHour,
    spot: UsdPerHour.optional(),
    commit1y: UsdPerHour.optional(),
    commit3y: UsdPerHour.optional(),
  }),
});
export type Instance = z.infer<typeof Instance>;

export const Region = Provenance.extend({
  id: Id,
  cloud: Id,
  code: Name,
  name: Name,
  country: z.string().min(2).max(2),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  residency: ResidencyZone,
  /** Grid carbon intensity, gCO2e per kWh (location-based). */
  gridGCo2PerKwh: NonNegative.max(5000).optional(),
  /** Power usage effectiveness of the provider's data centres. */
  pue: z.number().min(1).max(3).optional(),
});
export type Region = z.infer<typeof Region>;

export const BENCHMARKS = ['lmarena-text', 'aider-polyglot'] as const;
export const Benchmark = z.enum(BENCHMARKS);
export type Benchmark = z.infer<typeof Benchmark>;

export const QualityScore = Provenance.extend({
  modelId: Id,
  benchmark: Benchmark,
  score: z.number().finite().min(-1e6).max(1e6),
});
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
    provider: Id.optional(),
    offeringId: Id.optional(),
    fraction: z.number().min(0).max(0.95),
    note: z.string().max(2000).default(''),
  })
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
