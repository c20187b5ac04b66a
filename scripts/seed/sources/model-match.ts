/**
 * Which catalog model a provider's model name is. Open-weight models must land on the curated
 * open-model ids (llama-3.3-70b, …) so the app can compare an API with self-hosting the same
 * weights; a later checkpoint of the same architecture is mapped with a note, anything else
 * (distills, fine-tunes, guard models, newer generations) is left out.
 */
import { hostedModelName, matchHostedModel } from './hosted-models.ts';

/** Tokens providers add to a model name that do not change the weights' architecture. */
const SERVING_TOKENS = new Set([
  'instruct',
  'it',
  'chat',
  'turbo',
  'fp8',
  'dynamic',
  'hf',
  'versatile',
  'instant',
  'basic',
  'tput',
  'maas',
  'bf16',
]);

/** A provider's open-model name reduced to `family-version-size` (`Meta-Llama-3.1-8B-Instruct-Turbo` → `llama-3.1-8b`). */
export function openModelName(modelName: string): string {
  const base = hostedModelName(modelName)
    .replace(/(\d)p(\d)/g, '$1.$2') // Fireworks writes 3.3 as 3p3
    .replace(/v0:(\d)/g, 'v0.$1') // Bedrock writes v0.2 as v0:2
    .replace(/^meta-/, '')
    .replace(/^gemini-(?=gemma)/, '')
    .replace(/^llama-?v?(\d)/, 'llama-$1')
    .replace(/^llama-(\d)-(\d)-(\d+b)/, 'llama-$1.$2-$3') // Bedrock: llama3-3-70b
    .replace(/^qwen-v?(\d)/, 'qwen$1')
    .replace(/^gemma(\d)/, 'gemma-$1');
  return base
    .split('-')
    .filter((token) => !SERVING_TOKENS.has(token))
    .join('-');
}

interface OpenAlias {
  id: string;
  match: RegExp;
  /** Said in the offering's source when the served checkpoint is not the catalog's exact one. */
  checkpoint?: RegExp;
}

const OPEN_ALIASES: OpenAlias[] = [
  { id: 'llama-3.3-70b', match: /^llama-3\.3-70b$/ },
  { id: 'llama-3.1-8b', match: /^llama-3\.1-8b$/ },
  { id: 'llama-3.1-70b', match: /^llama-3\.1-70b$/ },
  { id: 'llama-3.1-405b', match: /^llama-3\.1-405b$/ },
  { id: 'llama-3.2-1b', match: /^llama-3\.2-1b$/ },
  { id: 'llama-3.2-3b', match: /^llama-3\.2-3b$/ },
  { id: 'llama-3-8b', match: /^llama-3-8b$/ },
  { id: 'llama-3-70b', match: /^llama-3-70b$/ },
  { id: 'llama-2-7b', match: /^llama-2-7b$/ },
  { id: 'llama-2-13b', match: /^llama-2-13b$/ },
  { id: 'llama-2-70b', match: /^llama-2-70b$/ },
  { id: 'llama-4-maverick', match: /^llama-4-maverick(-17b(-128e)?)?$/ },
  { id: 'llama-4-scout', match: /^llama-4-scout(-17b(-16e)?)?$/ },
  { id: 'mistral-7b', match: /^(open-)?mistral-7b(-v0\.[123])?$/, checkpoint: /v0\.[12]$/ },
  { id: 'mixtral-8x7b', match: /^(open-)?mixtral-8x7b(-v0\.1)?$/ },
  { id: 'mixtral-8x22b', match: /^(open-)?mixtral-8x22b(-v0\.1)?$/ },
  { id: 'qwen2.5-7b', match: /^qwen2\.5-7b$/ },
  { id: 'qwen2.5-14b', match: /^qwen2\.5-14b$/ },
  { id: 'qwen2.5-32b', match: /^qwen2\.5-32b$/ },
  { id: 'qwen2.5-72b', match: /^qwen2\.5-72b$/ },
  { id: 'qwen3-4b', match: /^qwen-?3-4b(-2507)?$/, checkpoint: /2507/ },
  { id: 'qwen3-8b', match: /^qwen-?3-8b$/ },
  { id: 'qwen3-14b', match: /^qwen-?3-14b$/ },
  { id: 'qwen3-32b', match: /^qwen-?3-32b$/ },
  { id: 'qwen3-30b-a3b', match: /^qwen3-30b-a3b(-thinking)?(-2507)?$/, checkpoint: /2507/ },
  { id: 'qwen3-235b-a22b', match: /^qwen3-235b-a22b(-thinking)?(-2507)?$/, checkpoint: /2507/ },
  { id: 'qwen3-coder-480b-a35b', match: /^qwen3-coder-480b(-a35b)?$/ },
  { id: 'deepseek-r1', match: /^deepseek-r1(-0528|-671b)?$/, checkpoint: /0528/ },
  { id: 'deepseek-v3', match: /^deepseek-v3(-0324)?$/, checkpoint: /0324/ },
  { id: 'gpt-oss-120b', match: /^gpt-oss-120b$/ },
  { id: 'gpt-oss-20b', match: /^gpt-oss-20b$/ },
  { id: 'gemma-3-27b', match: /^gemma-3-27b$/ },
  { id: 'gemma-3-12b', match: /^gemma-3-12b$/ },
  { id: 'gemma-2-27b', match: /^gemma-2-27b$/ },
  { id: 'gemma-2-9b', match: /^gemma-2-9b$/ },
  { id: 'kimi-k2', match: /^kimi-k2(-0711|-0905)?$/, checkpoint: /0905/ },
  { id: 'phi-4', match: /^phi-4$/ },
  { id: 'phi-3-mini', match: /^phi-3-mini-4k$/ },
];

/** Keys whose name reads like a catalog model but is not (checked against the provider's docs). */
const NOT_THE_MODEL: Record<string, string> = {
  // Bedrock's "DeepSeek-V3" model id is DeepSeek-V3.1, a different checkpoint and chat template.
  'deepseek.v3-v1:0': 'DeepSeek-V3.1',
};

export interface ModelMatch {
  modelId: string;
  /** Why a different checkpoint maps here, for the offering's source. */
  note?: string;
}

/** The catalog model of a provider model name, or undefined when none matches unambiguously. */
export function matchCatalogModel(key: string, modelName: string): ModelMatch | undefined {
  const bareKey = key.split('/').pop() ?? key;
  if (NOT_THE_MODEL[bareKey.replace(/^[a-z-]+\.(?=deepseek\.)/, '')] !== undefined)
    return undefined;
  const hosted = matchHostedModel(modelName);
  if (hosted !== undefined) return hosted.offered === false ? undefined : { modelId: hosted.id };
  const name = openModelName(modelName);
  const alias = OPEN_ALIASES.find((a) => a.match.test(name));
  if (alias === undefined) return undefined;
  const laterCheckpoint = alias.checkpoint?.test(name) === true;
  return laterCheckpoint
    ? {
        modelId: alias.id,
        note: `served checkpoint ${modelName}: same architecture as ${alias.id}`,
      }
    : { modelId: alias.id };
}
