/**
 * A few entries shaped like genai-prices' prices/data.json (pydantic/genai-prices, MIT): the
 * shapes the importer must read — tiered prices, dated prices, time-of-day prices, fallbacks.
 * Values are the file's own (snapshot 47df840a, 2026-08-21) for the entries named.
 */
export function genaiFile(): unknown[] {
  return [
    {
      id: 'anthropic',
      name: 'Anthropic',
      models: [
        {
          id: 'claude-sonnet-5',
          name: 'Claude Sonnet 5',
          match: { or: [{ starts_with: 'claude-sonnet-5' }, { starts_with: 'claude-5-sonnet' }] },
          context_window: 1_000_000,
          prices: [
            {
              prices: {
                input_mtok: 2,
                cache_write_mtok: 2.5,
                cache_read_mtok: 0.2,
                output_mtok: 10,
              },
            },
            {
              constraint: { start_date: '2026-09-01' },
              prices: {
                input_mtok: 3,
                cache_write_mtok: 3.75,
                cache_read_mtok: 0.3,
                output_mtok: 15,
              },
            },
          ],
        },
        {
          id: 'claude-2',
          match: { starts_with: 'claude-2' },
          prices: { input_mtok: 8, output_mtok: 24 },
          deprecated: true,
        },
      ],
    },
    {
      id: 'openai',
      name: 'OpenAI',
      models: [
        {
          id: 'gpt-5.6-sol',
          name: 'GPT-5.6 Sol',
          match: { or: [{ equals: 'gpt-5.6-sol' }, { equals: 'gpt-5.6' }] },
          context_window: 1_050_000,
          prices: {
            input_mtok: { base: 5, tiers: [{ start: 272000, price: 10 }] },
            cache_write_mtok: { base: 6.25, tiers: [{ start: 272000, price: 12.5 }] },
            cache_read_mtok: { base: 0.5, tiers: [{ start: 272000, price: 1 }] },
            output_mtok: { base: 30, tiers: [{ start: 272000, price: 45 }] },
          },
        },
        {
          id: 'text-embedding-3-small',
          match: { equals: 'text-embedding-3-small' },
          prices: { input_mtok: 0.02 },
        },
        {
          id: 'gpt-realtime',
          match: { equals: 'gpt-realtime' },
          prices: { input_mtok: 4, output_mtok: 16, input_audio_mtok: 32, output_audio_mtok: 64 },
        },
      ],
    },
    {
      id: 'azure',
      name: 'Microsoft Azure',
      fallback_model_providers: ['openai'],
      models: [],
    },
    {
      id: 'deepseek',
      name: 'Deepseek',
      models: [
        {
          id: 'deepseek-chat',
          match: { starts_with: 'deepseek-chat' },
          prices: [
            { prices: { input_mtok: 0.135, cache_read_mtok: 0.035, output_mtok: 0.55 } },
            {
              constraint: { start_time: '00:30:00Z', end_time: '16:30:00Z' },
              prices: { input_mtok: 0.27, cache_read_mtok: 0.07, output_mtok: 1.1 },
            },
          ],
        },
      ],
    },
  ];
}
