import type { TokenPrices } from '../schema/catalog.ts';

/** A provider's price to fine-tune a model and to serve the tuned model, with its source. */
export interface FineTuneRate {
  /** The base model's API offering in the catalog. */
  offeringId: string;
  /** Training, USD per 1M training tokens (tokens × epochs). */
  trainingUsdPerMTok: number;
  /** The tuned model's token prices, USD per 1M tokens. */
  tunedUsdPerMTok: TokenPrices;
  /** A fee for keeping the tuned model deployed, USD per hour, whether called or not. */
  hostingUsdPerHour: number;
  source: string;
  asOf: string;
}

const OPENAI_SOURCE =
  'platform.openai.com pricing page, as copied in dakota-jamie-sims/OpenAI-Learning-Center-Agent docs/openai_documentation/03_Models/02_Pricing.md@225d78b';
const AZURE_SOURCE =
  'Azure Retail Prices API (Global deployment), as pulled in nikklavzar/azure-genai-prices src/azure_genai_prices/data/snapshot.json@6d6491a; hosting fee per deployment hour';

/**
 * Supervised fine-tuning prices. OpenAI bills the tuned model above the base (1.5× for gpt-4.1 and
 * gpt-4o, 2× for the minis and nano) and no hosting; Azure bills the base rates plus an hourly
 * hosting fee per deployment. Curated rows: each with its source and date.
 */
export const FINE_TUNE_RATES: readonly FineTuneRate[] = [
  openai('openai/gpt-4.1', 25, 3, 0.75, 12),
  openai('openai/gpt-4.1-mini', 5, 0.8, 0.2, 3.2),
  openai('openai/gpt-4.1-nano', 1.5, 0.2, 0.05, 0.8),
  openai('openai/gpt-4o', 25, 3.75, 1.875, 15),
  openai('openai/gpt-4o-mini', 3, 0.3, 0.15, 1.2),
  azure('azure/gpt-4.1', 25, 2, 0.5, 8),
  azure('azure/gpt-4.1-mini', 5, 0.4, 0.1, 1.6),
  azure('azure/gpt-4.1-nano', 1.5, 0.1, 0.025, 0.4),
  azure('azure/gpt-4o-mini', 3, 0.15, 0.075, 0.6),
];

function openai(id: string, training: number, input: number, cacheRead: number, output: number) {
  return {
    offeringId: id,
    trainingUsdPerMTok: training,
    tunedUsdPerMTok: { input, cacheRead, output },
    hostingUsdPerHour: 0,
    source: OPENAI_SOURCE,
    asOf: '2025-08-10',
  };
}

function azure(id: string, training: number, input: number, cacheRead: number, output: number) {
  return {
    offeringId: id,
    trainingUsdPerMTok: training,
    tunedUsdPerMTok: { input, cacheRead, output },
    hostingUsdPerHour: 1.7,
    source: AZURE_SOURCE,
    asOf: '2026-07-31',
  };
}

/**
 * Training FLOPs per token per parameter: full fine-tuning 6 (2 forward + 4 backward; Kaplan et
 * al. 2020, arXiv:2001.08361 §2.1); LoRA 4 (the frozen weights still run forward and pass
 * activation gradients back, with no weight gradients: derived from the 6N split; LoRA's paper
 * reports a 1.33× training throughput gain on GPT-3, Hu et al. 2021, arXiv:2106.09685).
 */
export const TRAINING_FLOPS_PER_TOKEN_PER_PARAM = { full: 6, lora: 4 } as const;

/**
 * Model FLOPs utilization of a training run at BF16: llm-foundry's H100 benchmarks reach 36–46 %
 * for 7–70B models (mosaicml/llm-foundry scripts/train/benchmarking/README.md, @061f2c7c). Short,
 * padded fine-tuning batches run lower, so the low end's 0.40 is used.
 */
export const TRAINING_MFU = 0.4;
