/**
 * Hosted (API-only) models: names, developers and families are curated; context windows are read
 * from the model's first-party entry in LiteLLM's price file.
 */
import type { z } from 'zod';
import type { Model } from '../../../core/schema/catalog.ts';
import { SNAPSHOTS } from './reference.ts';

export interface HostedModelSpec {
  id: string;
  name: string;
  developer: string;
  family: string;
  /** The LiteLLM key whose max_input_tokens gives the context window. */
  contextKey: string;
  /** Provider model names (normalized by `hostedModelName`) that are this model. */
  match: RegExp;
  releaseDate?: string;
  /** false: kept for its quality scores only (retired or deprecated at every provider). */
  offered?: boolean;
}

const openai = (
  id: string,
  name: string,
  match: RegExp,
  extra: Partial<HostedModelSpec> = {},
): HostedModelSpec => ({
  id,
  name,
  developer: 'OpenAI',
  family: /^o\d/.test(id) ? 'o-series' : 'gpt',
  contextKey: id,
  match,
  ...extra,
});
const claude = (
  id: string,
  name: string,
  match: RegExp,
  extra: Partial<HostedModelSpec> = {},
): HostedModelSpec => ({
  id,
  name,
  developer: 'Anthropic',
  family: 'claude',
  contextKey: id,
  match,
  ...extra,
});
const gemini = (
  id: string,
  name: string,
  match: RegExp,
  contextKey: string,
  extra: Partial<HostedModelSpec> = {},
): HostedModelSpec => ({
  id,
  name,
  developer: 'Google',
  family: 'gemini',
  contextKey,
  match,
  ...extra,
});
const vendor =
  (developer: string, family: string) =>
  (
    id: string,
    name: string,
    match: RegExp,
    contextKey: string,
    extra: Partial<HostedModelSpec> = {},
  ): HostedModelSpec => ({
    id,
    name,
    developer,
    family,
    contextKey,
    match,
    ...extra,
  });
const mistral = vendor('Mistral AI', 'mistral');
const grok = vendor('xAI', 'grok');
const nova = vendor('Amazon', 'nova');

export const HOSTED_MODEL_SPECS: HostedModelSpec[] = [
  openai('gpt-4o', 'GPT-4o', /^gpt-4o(-2024-(05-13|08-06|11-20))?$/, { releaseDate: '2024-05-13' }),
  openai('gpt-4o-mini', 'GPT-4o mini', /^gpt-4o-mini(-2024-07-18)?$/, {
    releaseDate: '2024-07-18',
  }),
  openai('gpt-4.1', 'GPT-4.1', /^gpt-4\.1(-2025-04-14)?$/, { releaseDate: '2025-04-14' }),
  openai('gpt-4.1-mini', 'GPT-4.1 mini', /^gpt-4\.1-mini(-2025-04-14)?$/, {
    releaseDate: '2025-04-14',
  }),
  openai('gpt-4.1-nano', 'GPT-4.1 nano', /^gpt-4\.1-nano(-2025-04-14)?$/, {
    releaseDate: '2025-04-14',
  }),
  openai('gpt-5', 'GPT-5', /^gpt-5(-2025-08-07)?$/, { releaseDate: '2025-08-07' }),
  openai('gpt-5-mini', 'GPT-5 mini', /^gpt-5-mini(-2025-08-07)?$/, { releaseDate: '2025-08-07' }),
  openai('gpt-5-nano', 'GPT-5 nano', /^gpt-5-nano(-2025-08-07)?$/, { releaseDate: '2025-08-07' }),
  openai('gpt-5-pro', 'GPT-5 pro', /^gpt-5-pro(-2025-10-06)?$/, { releaseDate: '2025-10-06' }),
  openai('gpt-5.1', 'GPT-5.1', /^gpt-5\.1(-2025-11-13)?$/, { releaseDate: '2025-11-13' }),
  openai('gpt-5.1-codex', 'GPT-5.1 Codex', /^gpt-5\.1-codex(-2025-11-13)?$/),
  openai('gpt-5.2', 'GPT-5.2', /^gpt-5\.2(-2025-12-11)?$/, { releaseDate: '2025-12-11' }),
  openai('gpt-5.2-pro', 'GPT-5.2 pro', /^gpt-5\.2-pro(-2025-12-11)?$/, {
    releaseDate: '2025-12-11',
  }),
  openai('gpt-5.4', 'GPT-5.4', /^gpt-5\.4(-2026-03-05)?$/, { releaseDate: '2026-03-05' }),
  openai('gpt-5.4-mini', 'GPT-5.4 mini', /^gpt-5\.4-mini(-2026-03-17)?$/, {
    releaseDate: '2026-03-17',
  }),
  openai('gpt-5.4-nano', 'GPT-5.4 nano', /^gpt-5\.4-nano(-2026-03-17)?$/, {
    releaseDate: '2026-03-17',
  }),
  openai('gpt-5.4-pro', 'GPT-5.4 pro', /^gpt-5\.4-pro(-2026-03-05)?$/, {
    releaseDate: '2026-03-05',
  }),
  openai('gpt-5.5', 'GPT-5.5', /^gpt-5\.5(-2026-04-23)?$/, { releaseDate: '2026-04-23' }),
  openai('gpt-5.5-pro', 'GPT-5.5 pro', /^gpt-5\.5-pro(-2026-04-23)?$/, {
    releaseDate: '2026-04-23',
  }),
  openai('gpt-5.6', 'GPT-5.6', /^gpt-5\.6$/),
  openai('gpt-5.6-terra', 'GPT-5.6 Terra', /^gpt-5\.6-terra$/),
  openai('gpt-5.6-luna', 'GPT-5.6 Luna', /^gpt-5\.6-luna$/),
  openai('o1', 'o1', /^o1(-2024-12-17)?$/, { releaseDate: '2024-12-17' }),
  openai('o3', 'o3', /^o3(-2025-04-16)?$/, { releaseDate: '2025-04-16' }),
  openai('o3-mini', 'o3-mini', /^o3-mini(-2025-01-31)?$/, { releaseDate: '2025-01-31' }),
  openai('o3-pro', 'o3-pro', /^o3-pro(-2025-06-10)?$/, { releaseDate: '2025-06-10' }),
  openai('o4-mini', 'o4-mini', /^o4-mini(-2025-04-16)?$/, { releaseDate: '2025-04-16' }),

  claude('claude-3-haiku', 'Claude 3 Haiku', /^claude-3-haiku(-20240307)?$/, {
    contextKey: 'claude-3-haiku-20240307',
  }),
  claude('claude-3-5-haiku', 'Claude 3.5 Haiku', /^claude-3-5-haiku(-20241022)?$/, {
    contextKey: 'vertex_ai/claude-3-5-haiku',
    offered: false,
  }),
  claude('claude-3-5-sonnet', 'Claude 3.5 Sonnet', /^claude-3-5-sonnet(-20241022)?$/, {
    contextKey: 'vertex_ai/claude-3-5-sonnet',
    offered: false,
  }),
  claude('claude-3-7-sonnet', 'Claude 3.7 Sonnet', /^claude-3-7-sonnet(-20250219)?$/, {
    contextKey: 'claude-3-7-sonnet-20250219',
    offered: false,
  }),
  claude('claude-sonnet-4', 'Claude Sonnet 4', /^claude-(sonnet-4|4-sonnet)(-20250514)?$/, {
    contextKey: 'claude-sonnet-4-20250514',
    offered: false,
  }),
  claude('claude-opus-4', 'Claude Opus 4', /^claude-(opus-4|4-opus)(-20250514)?$/, {
    contextKey: 'claude-opus-4-20250514',
    offered: false,
  }),
  claude('claude-opus-4-1', 'Claude Opus 4.1', /^claude-opus-4-1(-20250805)?$/, { offered: false }),
  claude('claude-haiku-4-5', 'Claude Haiku 4.5', /^claude-haiku-4-5(-20251001)?$/),
  claude('claude-sonnet-4-5', 'Claude Sonnet 4.5', /^claude-sonnet-4-5(-20250929)?$/, {
    releaseDate: '2025-09-29',
  }),
  claude('claude-opus-4-5', 'Claude Opus 4.5', /^claude-opus-4-5(-20251101)?$/),
  claude('claude-sonnet-4-6', 'Claude Sonnet 4.6', /^claude-sonnet-4-6$/),
  claude('claude-opus-4-6', 'Claude Opus 4.6', /^claude-opus-4-6(-20260205)?$/),
  claude('claude-opus-4-7', 'Claude Opus 4.7', /^claude-opus-4-7(-20260416)?$/),
  claude('claude-opus-4-8', 'Claude Opus 4.8', /^claude-opus-4-8$/),
  claude('claude-sonnet-5', 'Claude Sonnet 5', /^claude-sonnet-5$/),
  claude('claude-opus-5', 'Claude Opus 5', /^claude-opus-5$/),
  claude('claude-fable-5', 'Claude Fable 5', /^claude-fable-5$/),

  gemini(
    'gemini-2.0-flash',
    'Gemini 2.0 Flash',
    /^gemini-2\.0-flash(-001)?$/,
    'gemini/gemini-2.0-flash',
    { offered: false },
  ),
  gemini('gemini-2.5-pro', 'Gemini 2.5 Pro', /^gemini-2\.5-pro$/, 'gemini/gemini-2.5-pro'),
  gemini('gemini-2.5-flash', 'Gemini 2.5 Flash', /^gemini-2\.5-flash$/, 'gemini/gemini-2.5-flash'),
  gemini(
    'gemini-2.5-flash-lite',
    'Gemini 2.5 Flash-Lite',
    /^gemini-2\.5-flash-lite$/,
    'gemini/gemini-2.5-flash-lite',
  ),
  gemini(
    'gemini-3-flash',
    'Gemini 3 Flash (preview)',
    /^gemini-3-flash-preview$/,
    'gemini/gemini-3-flash-preview',
  ),
  gemini(
    'gemini-3.1-pro',
    'Gemini 3.1 Pro (preview)',
    /^gemini-3\.1-pro-preview$/,
    'gemini/gemini-3.1-pro-preview',
  ),
  gemini(
    'gemini-3.1-flash-lite',
    'Gemini 3.1 Flash-Lite',
    /^gemini-3\.1-flash-lite$/,
    'gemini/gemini-3.1-flash-lite',
  ),
  gemini('gemini-3.5-flash', 'Gemini 3.5 Flash', /^gemini-3\.5-flash$/, 'gemini/gemini-3.5-flash'),
  gemini(
    'gemini-3.5-flash-lite',
    'Gemini 3.5 Flash-Lite',
    /^gemini-3\.5-flash-lite$/,
    'gemini/gemini-3.5-flash-lite',
  ),
  gemini('gemini-3.6-flash', 'Gemini 3.6 Flash', /^gemini-3\.6-flash$/, 'gemini/gemini-3.6-flash'),

  mistral(
    'mistral-medium-3',
    'Mistral Medium 3',
    /^mistral-medium-(2505|3)$/,
    'mistral/mistral-medium-2505',
  ),
  mistral(
    'mistral-medium-3.1',
    'Mistral Medium 3.1',
    /^mistral-medium-(2508|3-1-2508)$/,
    'mistral/mistral-medium-2508',
  ),
  mistral('codestral-2508', 'Codestral 25.08', /^codestral-2508$/, 'mistral/codestral-2508'),
  mistral(
    'magistral-medium-1.2',
    'Magistral Medium 1.2',
    /^magistral-medium-(2509|1-2-2509)$/,
    'mistral/magistral-medium-2509',
  ),
  mistral(
    'devstral-medium',
    'Devstral Medium',
    /^devstral-medium-2507$/,
    'mistral/devstral-medium-2507',
  ),

  grok('grok-4', 'Grok 4', /^grok-4(-0709)?$/, 'xai/grok-4'),
  grok('grok-4.1-fast', 'Grok 4.1 Fast', /^grok-4-1-fast$/, 'xai/grok-4-1-fast'),
  grok(
    'grok-4.20',
    'Grok 4.20 (reasoning)',
    /^grok-4\.20-0309-reasoning$/,
    'xai/grok-4.20-0309-reasoning',
  ),
  grok('grok-4.3', 'Grok 4.3', /^grok-4\.3$/, 'xai/grok-4.3'),
  grok('grok-4.5', 'Grok 4.5', /^grok-4\.5$/, 'xai/grok-4.5'),
  grok('grok-code-fast', 'Grok Code Fast', /^grok-code-fast$/, 'xai/grok-code-fast'),

  nova('nova-micro', 'Amazon Nova Micro', /^nova-micro$/, 'amazon.nova-micro-v1:0'),
  nova('nova-lite', 'Amazon Nova Lite', /^nova-lite$/, 'amazon.nova-lite-v1:0'),
  nova('nova-pro', 'Amazon Nova Pro', /^nova-pro$/, 'amazon.nova-pro-v1:0'),
  nova('nova-premier', 'Amazon Nova Premier', /^nova-premier$/, 'us.amazon.nova-premier-v1:0'),
  nova('nova-2-lite', 'Amazon Nova 2 Lite', /^nova-2-lite$/, 'amazon.nova-2-lite-v1:0'),
];

/**
 * A provider's model name reduced for matching: no `@version`, no Bedrock id suffix (`-v1:0`,
 * `-1:0`, `-v1`). `-v0:2` stays: there it is the model's own version (Mistral 7B v0.2).
 */
export function hostedModelName(modelName: string): string {
  return modelName
    .toLowerCase()
    .replace(/@.*$/, '')
    .replace(/-v[1-9]\d*:\d+$|-\d+:\d+$|-v1$/, '');
}

/** The hosted model a provider model name is, if any. */
export function matchHostedModel(modelName: string): HostedModelSpec | undefined {
  const name = hostedModelName(modelName);
  return HOSTED_MODEL_SPECS.find((spec) => spec.match.test(name));
}

/** Hosted model rows, context windows read from LiteLLM's price file. */
export function hostedModels(litellm: Record<string, unknown>): z.input<typeof Model>[] {
  return HOSTED_MODEL_SPECS.map((spec) => {
    const entry = litellm[spec.contextKey];
    if (typeof entry !== 'object' || entry === null) {
      throw new Error(`hosted model ${spec.id}: LiteLLM has no entry "${spec.contextKey}"`);
    }
    const maxInput = (entry as Record<string, unknown>)['max_input_tokens'];
    return {
      id: spec.id,
      name: spec.name,
      developer: spec.developer,
      family: spec.family,
      openWeights: false,
      contextTokens: typeof maxInput === 'number' ? maxInput : undefined,
      releaseDate: spec.releaseDate,
      licence: 'proprietary (API only)',
      source: `name/developer/family curated; context: ${SNAPSHOTS.litellm.label} (key: ${spec.contextKey}, max_input_tokens)`,
      asOf: SNAPSHOTS.litellm.asOf,
    };
  });
}
