import { describe, expect, it } from 'vitest';
import { parseJsonSafely } from '../../core/json-safe.ts';
import {
  convertLiteLlm,
  type LiteLlmImport,
  type LiteLlmOptions,
} from '../../core/catalog-import/litellm.ts';
import type { Offering } from '../../core/schema/catalog.ts';

const OPTIONS: LiteLlmOptions = {
  asOf: '2026-07-24',
  source: 'fixture.json',
  deprecatedBefore: '2026-11-27',
};

function convert(value: unknown, options: Partial<LiteLlmOptions> = {}): LiteLlmImport {
  const result = convertLiteLlm(value, { ...OPTIONS, ...options });
  if (!result.ok) throw new Error(result.error);
  return result;
}

function offering(result: LiteLlmImport, id: string): Offering {
  const found = result.offerings.find((o) => o.id === id);
  if (found === undefined)
    throw new Error(`no offering ${id} in ${result.offerings.map((o) => o.id).join(', ')}`);
  return found;
}

const refusal = (value: unknown) => convertLiteLlm(value, OPTIONS);

describe('convertLiteLlm: a correct conversion', () => {
  const file = {
    sample_spec: { input_cost_per_token: 0, mode: 'one of: chat, embedding, …' },
    'claude-test': {
      litellm_provider: 'anthropic',
      mode: 'chat',
      input_cost_per_token: 3e-6,
      output_cost_per_token: 1.5e-5,
      cache_read_input_token_cost: 3e-7,
      cache_creation_input_token_cost: 3.75e-6,
      cache_creation_input_token_cost_above_1hr: 6e-6,
      input_cost_per_token_above_200k_tokens: 6e-6,
      output_cost_per_token_above_200k_tokens: 2.25e-5,
      cache_read_input_token_cost_above_200k_tokens: 6e-7,
      cache_creation_input_token_cost_above_200k_tokens: 7.5e-6,
      prompt_cache_min_tokens: 2048,
      max_input_tokens: 200000,
      max_output_tokens: 64000,
      provider_specific_entry: { us: 1.1, fast: 6 },
      search_context_cost_per_query: { search_context_size_low: 0.01 },
    },
    'gpt-test': {
      litellm_provider: 'openai',
      mode: 'chat',
      input_cost_per_token: 2.5e-6,
      output_cost_per_token: 1.5e-5,
      cache_read_input_token_cost: 2.5e-7,
      input_cost_per_token_batches: 1.25e-6,
      output_cost_per_token_batches: 7.5e-6,
      input_cost_per_token_priority: 5e-6,
      output_cost_per_token_priority: 3e-5,
      input_cost_per_token_flex: 1.25e-6,
      input_cost_per_token_above_272k_tokens: 5e-6,
      output_cost_per_token_above_272k_tokens: 2.25e-5,
      regional_processing_uplift_multiplier_eu: 1.1,
      regional_processing_uplift_multiplier_us: 1.1,
    },
    'eu.anthropic.claude-test-v1:0': {
      litellm_provider: 'bedrock_converse',
      mode: 'chat',
      input_cost_per_token: 3.3e-6,
      output_cost_per_token: 1.65e-5,
      cache_read_input_token_cost: 3.3e-7,
      cache_creation_input_token_cost: 4.125e-6,
    },
    'bedrock/eu-central-1/meta.llama-test': {
      litellm_provider: 'bedrock',
      mode: 'chat',
      input_cost_per_token: 7.2e-7,
      output_cost_per_token: 7.2e-7,
    },
    'vertex_ai/deepseek-test-maas': {
      litellm_provider: 'vertex_ai-deepseek_models',
      mode: 'chat',
      input_cost_per_token: 1.35e-6,
      output_cost_per_token: 5.4e-6,
      supported_regions: ['us-central1'],
    },
    'deepseek-test': {
      litellm_provider: 'deepseek',
      mode: 'chat',
      input_cost_per_token: 2.8e-7,
      output_cost_per_token: 4.2e-7,
      input_cost_per_token_cache_hit: 2.8e-8,
      cache_creation_input_token_cost: 0,
    },
    'deepseek/deepseek-test': {
      litellm_provider: 'deepseek',
      mode: 'chat',
      input_cost_per_token: 2.8e-7,
      output_cost_per_token: 4.2e-7,
    },
    'dashscope/qwen-test': {
      litellm_provider: 'dashscope',
      mode: 'chat',
      tiered_pricing: [
        { input_cost_per_token: 5e-8, output_cost_per_token: 4e-7, range: [0, 256000] },
        { input_cost_per_token: 2.5e-7, output_cost_per_token: 2e-6, range: [256000, 1000000] },
      ],
    },
    'old-model': {
      litellm_provider: 'openai',
      mode: 'chat',
      input_cost_per_token: 1e-6,
      output_cost_per_token: 2e-6,
      deprecation_date: '2026-02-01',
    },
    'dall-e-test': {
      litellm_provider: 'openai',
      mode: 'image_generation',
      input_cost_per_image: 'not checked',
    },
    'embed-a': { litellm_provider: 'openai', mode: 'embedding', input_cost_per_token: 2e-8 },
    'embed-b': { litellm_provider: 'openai', mode: 'embedding', input_cost_per_token: 1e-7 },
    'rerank-test': { litellm_provider: 'cohere', mode: 'rerank', input_cost_per_query: 0.002 },
    'size-bucket': {
      litellm_provider: 'fireworks_ai',
      input_cost_per_token: 1e-7,
      output_cost_per_token: 1e-7,
    },
    'openai/container': {
      litellm_provider: 'openai',
      mode: 'chat',
      code_interpreter_cost_per_session: 0.03,
    },
  };
  const result = convert(file);

  it('prices an Anthropic entry per 1M tokens with its cache and long-context tier', () => {
    const o = offering(result, 'anthropic/claude-test');
    // 3e-6 $/token × 1e6 = $3; 1.5e-5 → $15; cache read 3e-7 → $0.30; write 3.75e-6 → $3.75.
    expect(o.usdPerMTok).toEqual({ input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 });
    expect(o.longContext).toEqual([
      {
        aboveInputTokens: 200_000,
        rule: 'whole-request',
        usdPerMTok: { input: 6, output: 22.5, cacheRead: 0.6, cacheWrite: 7.5 },
      },
    ]);
    expect(o.cache).toEqual({
      style: 'explicit',
      minPrefixTokens: 2048,
      ttlMinutes: 5,
      appliesToBatch: true,
    });
    expect(o).toMatchObject({
      provider: 'anthropic',
      modelId: 'claude-test',
      residency: 'global',
      regionalUplift: 1,
    });
    expect(o).toMatchObject({
      contextTokens: 200_000,
      maxOutputTokens: 64_000,
      asOf: '2026-07-24',
    });
    expect(o.source).toBe('fixture.json (key: claude-test)');
  });

  it("makes Anthropic's US-only inference a variant at its 1.1× uplift", () => {
    const us = offering(result, 'anthropic/us/claude-test');
    expect(us).toMatchObject({ residency: 'us', regionalUplift: 1.1, modelId: 'claude-test' });
    expect(us.usdPerMTok.input).toBe(3);
  });

  it('prices an OpenAI entry: automatic cache (no write price), batch, priority, EU/US variants', () => {
    const o = offering(result, 'openai/gpt-test');
    expect(o.usdPerMTok).toEqual({ input: 2.5, output: 15, cacheRead: 0.25 });
    expect(o.batch).toEqual({ input: 1.25, output: 7.5 });
    expect(o.priority).toEqual({ input: 5, output: 30 });
    expect(o.longContext).toEqual([
      { aboveInputTokens: 272_000, rule: 'whole-request', usdPerMTok: { input: 5, output: 22.5 } },
    ]);
    expect(o.cache).toEqual({
      style: 'automatic',
      minPrefixTokens: 1024,
      ttlMinutes: 5,
      appliesToBatch: true,
    });
    expect(offering(result, 'openai/eu/gpt-test')).toMatchObject({
      residency: 'eu',
      regionalUplift: 1.1,
    });
    expect(offering(result, 'openai/us/gpt-test')).toMatchObject({
      residency: 'us',
      regionalUplift: 1.1,
    });
  });

  it('reads residency from Bedrock geo prefixes, Bedrock regions and Vertex supported_regions', () => {
    expect(offering(result, 'bedrock/eu.anthropic.claude-test-v1:0')).toMatchObject({
      residency: 'eu',
      regionalUplift: 1,
      modelId: 'claude-test-v1:0',
      usdPerMTok: { input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 },
    });
    const regional = offering(result, 'bedrock/eu-central-1/meta.llama-test');
    expect(regional).toMatchObject({
      residency: 'eu',
      regionId: 'aws:eu-central-1',
      modelId: 'llama-test',
    });
    expect(regional.cache.style).toBe('none');
    expect(offering(result, 'vertex/deepseek-test-maas')).toMatchObject({
      residency: 'us',
      regionId: 'gcp:us-central1',
    });
  });

  it("maps DeepSeek's cache-hit price and bills its cache misses at the input price", () => {
    const o = offering(result, 'deepseek/deepseek-test');
    expect(o.usdPerMTok).toEqual({ input: 0.28, output: 0.42, cacheRead: 0.028 });
    expect(o.cache).toMatchObject({ style: 'automatic', minPrefixTokens: 64 });
  });

  it('turns tiered_pricing brackets into a base price and whole-request tiers', () => {
    const o = offering(result, 'dashscope/qwen-test');
    expect(o.usdPerMTok).toEqual({ input: 0.05, output: 0.4 });
    expect(o.longContext).toEqual([
      { aboveInputTokens: 256_000, rule: 'whole-request', usdPerMTok: { input: 0.25, output: 2 } },
    ]);
  });

  it('counts what it skipped by reason, and the price fields it could not model', () => {
    expect(result.skipped).toEqual({
      sample_spec: 1,
      deprecated: 1,
      duplicate: 1, // deepseek/deepseek-test has the same id as deepseek-test
      'mode:image_generation': 1,
      'mode:embedding': 2,
      'mode:rerank': 1,
      'no-mode': 1,
      'no-token-price': 1,
    });
    expect(result.ignoredFields).toEqual({
      cache_creation_input_token_cost_above_1hr: 1,
      input_cost_per_token_flex: 1,
    });
    expect(result.offerings).toHaveLength(10);
  });

  it('creates a hosted model per unmapped entry, and none for entries mapped onto the catalog', () => {
    expect(result.models.find((m) => m.id === 'claude-test')).toMatchObject({
      developer: 'Anthropic',
      family: 'claude',
      openWeights: false,
      contextTokens: 200_000,
    });
    const mapped = convert(file, {
      resolveModel: ({ placement }) =>
        placement.modelName === 'llama-test' ? 'llama-3.3-70b' : undefined,
    });
    expect(offering(mapped, 'bedrock/eu-central-1/meta.llama-test').modelId).toBe('llama-3.3-70b');
    expect(mapped.models.map((m) => m.id)).not.toContain('llama-test');
    expect(mapped.entryOf['bedrock/eu-central-1/meta.llama-test']?.entry.key).toBe(
      'bedrock/eu-central-1/meta.llama-test',
    );
  });
});

describe('convertLiteLlm: spot checks against LiteLLM @ RoCry/llm-api-price 8442b939', () => {
  // Entries copied verbatim (price fields only) from the reference file; expected values by hand.
  const file = {
    'claude-sonnet-4-5': {
      cache_creation_input_token_cost: 3.75e-6,
      cache_read_input_token_cost: 3e-7,
      input_cost_per_token: 3e-6,
      input_cost_per_token_above_200k_tokens: 6e-6,
      output_cost_per_token_above_200k_tokens: 2.25e-5,
      cache_creation_input_token_cost_above_200k_tokens: 7.5e-6,
      cache_read_input_token_cost_above_200k_tokens: 6e-7,
      litellm_provider: 'anthropic',
      max_input_tokens: 200000,
      mode: 'chat',
      output_cost_per_token: 1.5e-5,
      prompt_cache_min_tokens: 1024,
    },
    'gpt-4o-mini': {
      cache_read_input_token_cost: 7.5e-8,
      cache_read_input_token_cost_priority: 1.25e-7,
      input_cost_per_token: 1.5e-7,
      input_cost_per_token_batches: 7.5e-8,
      input_cost_per_token_priority: 2.5e-7,
      litellm_provider: 'openai',
      max_input_tokens: 128000,
      mode: 'chat',
      output_cost_per_token: 6e-7,
      output_cost_per_token_batches: 3e-7,
      output_cost_per_token_priority: 1e-6,
    },
    'eu.anthropic.claude-sonnet-4-5-20250929-v1:0': {
      cache_creation_input_token_cost: 4.125e-6,
      cache_read_input_token_cost: 3.3e-7,
      input_cost_per_token: 3.3e-6,
      input_cost_per_token_above_200k_tokens: 6.6e-6,
      output_cost_per_token_above_200k_tokens: 2.475e-5,
      cache_creation_input_token_cost_above_200k_tokens: 8.25e-6,
      cache_read_input_token_cost_above_200k_tokens: 6.6e-7,
      litellm_provider: 'bedrock_converse',
      mode: 'chat',
      output_cost_per_token: 1.65e-5,
      prompt_cache_min_tokens: 1024,
    },
    'gemini/gemini-2.5-pro': {
      cache_read_input_token_cost: 1.25e-7,
      cache_read_input_token_cost_above_200k_tokens: 2.5e-7,
      input_cost_per_token: 1.25e-6,
      input_cost_per_token_above_200k_tokens: 2.5e-6,
      litellm_provider: 'gemini',
      mode: 'chat',
      output_cost_per_token: 1e-5,
      output_cost_per_token_above_200k_tokens: 1.5e-5,
      rpm: 2000,
    },
    'deepseek/deepseek-r1': {
      input_cost_per_token: 5.5e-7,
      input_cost_per_token_cache_hit: 1.4e-7,
      litellm_provider: 'deepseek',
      max_input_tokens: 65536,
      mode: 'chat',
      output_cost_per_token: 2.19e-6,
    },
  };
  const result = convert(file);

  it('claude-sonnet-4-5: $3 / $15, cache $0.30 read / $3.75 write, ×2 input above 200k', () => {
    const o = offering(result, 'anthropic/claude-sonnet-4-5');
    expect(o.usdPerMTok).toEqual({ input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 });
    expect(o.longContext[0]?.usdPerMTok).toEqual({
      input: 6,
      output: 22.5,
      cacheRead: 0.6,
      cacheWrite: 7.5,
    });
    expect(o.cache.minPrefixTokens).toBe(1024);
  });

  it('gpt-4o-mini: $0.15 / $0.60, cached $0.075, batch half price, priority $0.25 / $1.00', () => {
    const o = offering(result, 'openai/gpt-4o-mini');
    expect(o.usdPerMTok).toEqual({ input: 0.15, output: 0.6, cacheRead: 0.075 });
    expect(o.batch).toEqual({ input: 0.075, output: 0.3 });
    expect(o.priority).toEqual({ input: 0.25, output: 1, cacheRead: 0.125 });
  });

  it('Bedrock EU Claude Sonnet 4.5: the EU profile is 10% above the global $3 / $15', () => {
    const o = offering(result, 'bedrock/eu.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(o.usdPerMTok).toEqual({ input: 3.3, output: 16.5, cacheRead: 0.33, cacheWrite: 4.125 });
    expect(o.longContext[0]?.usdPerMTok).toEqual({
      input: 6.6,
      output: 24.75,
      cacheRead: 0.66,
      cacheWrite: 8.25,
    });
    expect(o.residency).toBe('eu');
  });

  it('gemini-2.5-pro: $1.25 / $10, cached $0.125, $2.50 / $15 above 200k, 2,000 rpm', () => {
    const o = offering(result, 'gemini/gemini-2.5-pro');
    expect(o.usdPerMTok).toEqual({ input: 1.25, output: 10, cacheRead: 0.125 });
    expect(o.longContext[0]).toEqual({
      aboveInputTokens: 200_000,
      rule: 'whole-request',
      usdPerMTok: { input: 2.5, output: 15, cacheRead: 0.25 },
    });
    expect(o.rateLimitRpm).toBe(2000);
    expect(o.cache).toMatchObject({ style: 'automatic', minPrefixTokens: 2048 });
  });

  it('deepseek-r1: $0.55 / $2.19 with cache hits at $0.14', () => {
    const o = offering(result, 'deepseek/deepseek-r1');
    expect(o.usdPerMTok).toEqual({ input: 0.55, output: 2.19, cacheRead: 0.14 });
    expect(o.contextTokens).toBe(65_536);
  });
});

describe('convertLiteLlm: refusals name the entry and the field', () => {
  const chat = (fields: Record<string, unknown>) => ({
    'gpt-4o': {
      litellm_provider: 'openai',
      mode: 'chat',
      input_cost_per_token: 1e-6,
      output_cost_per_token: 2e-6,
      ...fields,
    },
  });

  it('refuses a price that is a string, negative, null, NaN or infinite', () => {
    expect(refusal(chat({ input_cost_per_token: '0.000003' }))).toEqual({
      ok: false,
      error: 'entry "gpt-4o": input_cost_per_token must be a finite number ≥ 0 (found a string)',
    });
    expect(refusal(chat({ output_cost_per_token: -1e-6 }))).toEqual({
      ok: false,
      error:
        'entry "gpt-4o": output_cost_per_token must be a finite number ≥ 0 (found the number -0.000001)',
    });
    expect(refusal(chat({ cache_read_input_token_cost: null }))).toEqual({
      ok: false,
      error: 'entry "gpt-4o": cache_read_input_token_cost must be a finite number ≥ 0 (found null)',
    });
    expect(refusal(chat({ input_cost_per_token_batches: Number.NaN }))).toEqual({
      ok: false,
      error: 'entry "gpt-4o": input_cost_per_token_batches must be a finite number ≥ 0 (found NaN)',
    });
    expect(refusal(chat({ output_cost_per_token: Number.POSITIVE_INFINITY }))).toEqual({
      ok: false,
      error: 'entry "gpt-4o": output_cost_per_token must be a finite number ≥ 0 (found Infinity)',
    });
  });

  it('refuses an invalid price even in a field the catalog does not model', () => {
    expect(refusal(chat({ input_cost_per_audio_token: 'free' }))).toEqual({
      ok: false,
      error:
        'entry "gpt-4o": input_cost_per_audio_token must be a finite number ≥ 0 (found a string)',
    });
  });

  it('refuses a regional uplift that is not a positive number', () => {
    expect(refusal(chat({ regional_processing_uplift_multiplier_eu: 0 }))).toEqual({
      ok: false,
      error:
        'entry "gpt-4o": regional_processing_uplift_multiplier_eu must be a finite number > 0 (found the number 0)',
    });
  });

  it('refuses a malformed tiered_pricing bracket', () => {
    const tiered = {
      'qwen-plus': {
        mode: 'chat',
        tiered_pricing: [{ input_cost_per_token: 1e-7, range: [0, 1000] }],
      },
    };
    expect(refusal(tiered)).toEqual({
      ok: false,
      error:
        'entry "qwen-plus": tiered_pricing[0].output_cost_per_token must be a finite number ≥ 0 (found undefined)',
    });
  });

  it('refuses an entry that is not an object, and a mode that is not a string', () => {
    expect(refusal({ 'gpt-4o': [1, 2] })).toEqual({
      ok: false,
      error: 'entry "gpt-4o": must be an object (found an array)',
    });
    expect(refusal({ 'gpt-4o': 'chat' })).toEqual({
      ok: false,
      error: 'entry "gpt-4o": must be an object (found a string)',
    });
    expect(refusal({ 'gpt-4o': { mode: 7 } })).toEqual({
      ok: false,
      error: 'entry "gpt-4o": mode must be a string (found the number 7)',
    });
  });

  it('does not check prices of entries it skips', () => {
    const result = convert({
      ...chat({}),
      'tts-1': { mode: 'audio_speech', input_cost_per_character: 'n/a' },
    });
    expect(result.skipped).toEqual({ 'mode:audio_speech': 1 });
  });

  it('refuses a top level that is not an object of entries, or holds none', () => {
    expect(refusal([])).toEqual({
      ok: false,
      error: 'the top level must be an object of model entries (found an array)',
    });
    expect(refusal('text')).toEqual({
      ok: false,
      error: 'the top level must be an object of model entries (found a string)',
    });
    expect(refusal(null)).toEqual({
      ok: false,
      error: 'the top level must be an object of model entries (found null)',
    });
    expect(refusal({})).toEqual({ ok: false, error: 'the file holds no model entries' });
  });

  it('refuses a value nested deeper than 64 levels without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(refusal({ 'gpt-4o': deep })).toEqual({
      ok: false,
      error: 'the file nests deeper than 64 levels; not a LiteLLM price file',
    });
  });
});

describe('parseJsonSafely: malformed files get a one-line refusal', () => {
  it('refuses an empty or blank file', () => {
    expect(parseJsonSafely('')).toEqual({ ok: false, error: 'the file is empty' });
    expect(parseJsonSafely(' \n\t ')).toEqual({ ok: false, error: 'the file is empty' });
  });

  it('refuses binary data', () => {
    expect(parseJsonSafely('PK\u0003\u0004\u0000\u0000zip')).toEqual({
      ok: false,
      error: 'the file is binary data, not JSON',
    });
  });

  it('refuses truncated JSON with one line and no stack trace', () => {
    const result = parseJsonSafely('{"gpt-4o": {"input_cost_per_token": 2.5e-6,');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^not valid JSON \(truncated or corrupt\?\): /);
    expect(result.error).not.toContain('\n');
    expect(result.error).not.toMatch(/\bat \S+ \(/);
  });

  it('refuses nesting deeper than 64 levels before parsing, even 1,000,000 deep', () => {
    const error = 'the file nests deeper than 64 levels';
    expect(parseJsonSafely('['.repeat(65) + ']'.repeat(65))).toEqual({ ok: false, error });
    expect(parseJsonSafely('['.repeat(1_000_000))).toEqual({ ok: false, error });
  });

  it('counts brackets inside strings as text, not nesting', () => {
    const result = parseJsonSafely(JSON.stringify({ note: '['.repeat(100) }));
    expect(result).toEqual({ ok: true, value: { note: '['.repeat(100) } });
  });

  it('parses a valid file, which convertLiteLlm then reads', () => {
    const parsed = parseJsonSafely(
      JSON.stringify({
        m: { mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 1e-6 },
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(convert(parsed.value).offerings.map((o) => o.id)).toEqual(['unknown/m']);
  });
});
