/**
 * Providers and clouds, each with how its discounts stack as its pricing documentation states it.
 * These rules are the curator's summary of each provider's pricing pages, not read from a file.
 */
import type { z } from 'zod';
import type { Provider } from '../../../core/schema/catalog.ts';
import { CURATED_ON } from './reference.ts';

type ProviderInput = z.input<typeof Provider>;

const provider = (
  id: string,
  name: string,
  kind: ProviderInput['kind'],
  url: string,
  stackingRule: string,
): ProviderInput => ({
  id,
  name,
  kind,
  url,
  stackingRule,
  source: `curator's summary of ${url} (pricing and prompt-caching docs)`,
  asOf: CURATED_ON,
});

const FLAT =
  'Flat per-token serverless prices; no batch or prompt-cache discount is published for the models in the catalog, and dedicated endpoints are billed per GPU-hour instead.';

export const PROVIDERS: ProviderInput[] = [
  provider(
    'openai',
    'OpenAI API',
    'api',
    'https://openai.com/api/pricing',
    'Batch API is 50% off input and output (cached input too) and Priority processing replaces the standard prices; cached input is discounted automatically, also inside batch. Regional processing (EU/US data residency) multiplies every price by 1.1 for the models that list it, and prompts over 272K tokens re-price the whole request.',
  ),
  provider(
    'anthropic',
    'Anthropic API',
    'api',
    'https://www.anthropic.com/pricing',
    'Message Batches are 50% off every token type and stack with prompt caching (5-minute writes 1.25×, reads 0.1× of the batch input price). Prompts over 200K tokens on long-context models re-price the whole request; US-only inference multiplies every price by 1.1.',
  ),
  provider(
    'gemini',
    'Google Gemini API',
    'api',
    'https://ai.google.dev/gemini-api/docs/pricing',
    'Batch Mode is 50% of standard; implicit caching discounts cached input automatically (explicit caches add storage per token-hour). Prompts over 200K tokens are billed at the higher tier for the whole request, cached tokens included.',
  ),
  provider(
    'vertex',
    'Google Vertex AI',
    'api',
    'https://cloud.google.com/vertex-ai/generative-ai/pricing',
    "Gemini: batch prediction is 50% off and the >200K tier re-prices the whole request. Partner models bill their own per-token rates; Claude keeps Anthropic's cache and batch rules, and its regional endpoints cost 10% more than the global endpoint (Sonnet 4.5 and later).",
  ),
  provider(
    'bedrock',
    'Amazon Bedrock',
    'api',
    'https://aws.amazon.com/bedrock/pricing',
    'On-demand per-token prices; batch inference is 50% of on-demand for supported models. Claude prompt caching bills writes at 1.25× and reads at 0.1× of input, and geo cross-region profiles (us., eu., au., jp.) of Claude Sonnet 4.5 and later cost 10% more than global ones; Provisioned Throughput is billed per model-unit hour instead.',
  ),
  provider(
    'azure',
    'Microsoft Azure (Azure OpenAI / AI Foundry and VMs)',
    'both',
    'https://azure.microsoft.com/pricing/details/cognitive-services/openai-service',
    'Azure OpenAI: Data Zone (EU/US) deployments are priced about 10% above Global; Global Batch is 50% off Global Standard and cached input is discounted automatically; PTU reservations are billed per hour instead. VMs: pay-as-you-go, Spot and 1-/3-year reservations are alternatives, not stacked.',
  ),
  provider(
    'mistral',
    'Mistral AI',
    'api',
    'https://mistral.ai/pricing',
    "Batch API is 50% off input and output; no prompt-cache discount is listed for the catalog's models.",
  ),
  provider(
    'deepseek',
    'DeepSeek API',
    'api',
    'https://api-docs.deepseek.com/quick_start/pricing',
    'Context caching is automatic: input tokens that hit the disk cache are billed at the cache-hit price, misses at the input price, with no write charge; there is no batch tier.',
  ),
  provider(
    'xai',
    'xAI API',
    'api',
    'https://docs.x.ai/docs/models',
    'Cached prompt tokens are billed at the cached price automatically; models with a long-context tier bill the whole request at the higher rate above the threshold.',
  ),
  provider('together', 'Together AI', 'api', 'https://www.together.ai/pricing', FLAT),
  provider(
    'fireworks',
    'Fireworks AI',
    'api',
    'https://fireworks.ai/pricing',
    'Serverless per-token prices; cached prompt tokens are discounted automatically on the models that list a cached price. Dedicated deployments are billed per GPU-hour instead.',
  ),
  provider(
    'groq',
    'Groq',
    'api',
    'https://groq.com/pricing',
    'Per-token prices; cached input tokens are discounted automatically on the models that list a cached price.',
  ),
  provider('cerebras', 'Cerebras Inference', 'api', 'https://www.cerebras.ai/pricing', FLAT),
  provider(
    'deepinfra',
    'DeepInfra',
    'api',
    'https://deepinfra.com/pricing',
    'Per-token prices; cached input tokens are billed at the cached price on the models that list one.',
  ),
  provider('sambanova', 'SambaNova Cloud', 'api', 'https://cloud.sambanova.ai/pricing', FLAT),
  provider(
    'nebius',
    'Nebius (AI Studio and AI Cloud)',
    'both',
    'https://nebius.com/prices',
    'AI Studio inference: flat per-token prices. GPU cloud: on-demand and preemptible prices are alternatives; commitments are negotiated.',
  ),
  provider(
    'lambda',
    'Lambda',
    'both',
    'https://lambda.ai/pricing',
    'Inference API: flat per-token prices. GPU cloud: on-demand per instance-hour at one price in every region; reserved clusters are negotiated.',
  ),
  provider(
    'oci',
    'Oracle Cloud Infrastructure',
    'both',
    'https://www.oracle.com/cloud/price-list',
    'Generative AI: on-demand per-token prices, dedicated AI clusters per unit-hour. GPU shapes: pay-as-you-go per shape-hour, the same in every commercial region; preemptible capacity is 50% off where offered.',
  ),
  provider(
    'aws',
    'Amazon Web Services (EC2)',
    'cloud',
    'https://aws.amazon.com/ec2/pricing',
    'On-demand, Savings Plans or Reserved Instances (1-/3-year), and Spot are alternatives for the same hour, not stacked; capacity blocks for p5/p6 are priced separately.',
  ),
  provider(
    'gcp',
    'Google Cloud (Compute Engine)',
    'cloud',
    'https://cloud.google.com/compute/gpus-pricing',
    'On-demand, Spot VMs and 1-/3-year committed-use discounts are alternatives, not stacked; sustained-use discounts do not apply to these GPU machine types.',
  ),
];

/** Provider rows for the ids the offerings and instances use; throws naming one with no row. */
export function seedProviders(usedIds: Iterable<string>): ProviderInput[] {
  const byId = new Map(PROVIDERS.map((p) => [p.id, p]));
  const rows: ProviderInput[] = [];
  for (const id of [...new Set(usedIds)].sort()) {
    const row = byId.get(id);
    if (row === undefined) throw new Error(`provider ${id} is used but has no row in providers.ts`);
    rows.push(row);
  }
  return rows;
}
