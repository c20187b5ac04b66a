import { describe, expect, it } from 'vitest';
import { convertGenaiPrices } from '../../core/catalog-import/genai-prices.ts';
import { readGenaiPrices } from '../../core/catalog-import/genai-prices-read.ts';
import { detectImportFormat } from '../../core/catalog-import/native-json.ts';
import { offeringAt } from '../../core/pricing/price-history.ts';
import { Offering, type OfferingInput } from '../../core/schema/catalog.ts';
import { genaiFile } from '../support/genai-fixture.ts';

const SRC = { source: 'LiteLLM file', asOf: '2026-07-24' };
const row = (input: Partial<OfferingInput> & { id: string; provider: string; modelId: string }) =>
  Offering.parse({ residency: 'global', usdPerMTok: { input: 1, output: 1 }, ...SRC, ...input });

/** Catalog rows as the LiteLLM import makes them (cache writes dropped for OpenAI). */
const existing = [
  row({
    id: 'openai/gpt-5.6',
    provider: 'openai',
    modelId: 'gpt-5.6',
    usdPerMTok: { input: 5, output: 30, cacheRead: 0.5 },
    batch: { input: 2.5, output: 15 },
    priority: { input: 10, output: 60, cacheRead: 1 },
    cache: { style: 'automatic', minPrefixTokens: 1024 },
    contextTokens: 1_050_000,
  }),
  row({
    id: 'openai/eu/gpt-5.6',
    provider: 'openai',
    modelId: 'gpt-5.6',
    residency: 'eu',
    regionalUplift: 1.1,
    usdPerMTok: { input: 5, output: 30, cacheRead: 0.5 },
    cache: { style: 'automatic', minPrefixTokens: 1024 },
  }),
  // An Azure data-zone deployment: genai-prices prices Global deployments only.
  row({
    id: 'azure/eu/gpt-5.6',
    provider: 'azure',
    modelId: 'gpt-5.6',
    residency: 'eu',
    usdPerMTok: { input: 5.5, output: 33 },
  }),
  row({
    id: 'azure/gpt-5.6',
    provider: 'azure',
    modelId: 'gpt-5.6',
    usdPerMTok: { input: 5, output: 30 },
  }),
  row({
    id: 'anthropic/claude-sonnet-5',
    provider: 'anthropic',
    modelId: 'claude-sonnet-5',
    usdPerMTok: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
    batch: { input: 1.5, output: 7.5 },
    cache: { style: 'explicit', minPrefixTokens: 1024 },
  }),
];

function convert(asOf = '2026-08-21') {
  const result = convertGenaiPrices(genaiFile(), { existing, asOf, source: 'genai-prices' });
  if (!result.ok) throw new Error(result.error);
  return result;
}
const byId = (r: ReturnType<typeof convert>, id: string) => r.offerings.find((o) => o.id === id);

describe('genai-prices import', () => {
  it('is detected from the text: a JSON list of providers', () => {
    expect(detectImportFormat('data.json', JSON.stringify(genaiFile()))).toBe('genai-prices');
    expect(detectImportFormat('data.json', '\uFEFF  [{"id": "openai"}]')).toBe('genai-prices');
  });

  it('prices the catalog rows it matches and keeps the cache-write price both sources list', () => {
    const r = convert();
    const gpt = byId(r, 'openai/gpt-5.6')!;
    // genai-prices: writes billed at 1.25× input (developers.openai.com prompt-caching guide).
    expect(gpt.usdPerMTok).toEqual({ input: 5, output: 30, cacheRead: 0.5, cacheWrite: 6.25 });
    expect(gpt.longContext).toEqual([
      {
        aboveInputTokens: 272000,
        rule: 'whole-request',
        usdPerMTok: { input: 10, output: 45, cacheRead: 1, cacheWrite: 12.5 },
      },
    ]);
    // Batch and priority are not in genai-prices: kept (at their ratio to standard).
    expect(gpt.batch).toEqual({ input: 2.5, output: 15 });
    expect(gpt.source).toBe(
      'genai-prices (entry: openai/gpt-5.6-sol); kept from the catalog row: batch, priority',
    );
    expect(r.entryOf['openai/gpt-5.6']).toBe('openai/gpt-5.6-sol');
    // The EU-processing row keeps its uplift; its base prices are the global ones.
    expect(byId(r, 'openai/eu/gpt-5.6')).toMatchObject({
      regionalUplift: 1.1,
      usdPerMTok: { input: 5 },
    });
  });

  it('Azure: a Global deployment takes OpenAI’s price (the fallback); a data-zone row is left alone', () => {
    const r = convert();
    expect(byId(r, 'azure/gpt-5.6')?.usdPerMTok.input).toBe(5);
    expect(byId(r, 'azure/eu/gpt-5.6')).toBeUndefined();
  });

  it('dated prices become price periods: a promotion with its end', () => {
    const during = byId(convert('2026-08-21'), 'anthropic/claude-sonnet-5')!;
    expect(during.usdPerMTok).toEqual({ input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 });
    expect(during.validTo).toBe('2026-08-31');
    // The batch price keeps its 50% of standard through the change.
    expect(during.batch).toEqual({ input: 1, output: 5 });
    expect(offeringAt(during, '2026-09-01')?.usdPerMTok.input).toBe(3);
    const after = byId(convert('2026-12-02'), 'anthropic/claude-sonnet-5')!;
    expect(after).toMatchObject({ validFrom: '2026-09-01', usdPerMTok: { input: 3, output: 15 } });
    expect(offeringAt(after, '2026-08-31')?.usdPerMTok.input).toBe(2);
  });

  it('time-of-day prices: the one that holds most of the day is the list price, and the source says so', () => {
    const r = convert();
    const chat = byId(r, 'deepseek/deepseek-chat')!;
    // 00:30–16:30 UTC is 16 of 24 hours at 0.27/1.10; the 8 off-peak hours at 0.135/0.55 are not modeled.
    expect(chat.usdPerMTok).toEqual({ input: 0.27, output: 1.1, cacheRead: 0.07 });
    expect(chat.source).toMatch(
      /time-of-day prices: the price of the longer part of the day \(16\.0 h of 24\)/,
    );
    expect(chat.cache).toMatchObject({ style: 'automatic', minPrefixTokens: 64 });
    expect(r.models.map((m) => m.id)).toContain('deepseek-chat');
  });

  it('skips what it cannot price, by reason, and counts fields it does not model', () => {
    const r = convert();
    expect(r.skipped).toEqual({ deprecated: 1, 'no output price': 1 });
    expect(r.ignoredFields).toEqual({ input_audio_mtok: 1, output_audio_mtok: 1 });
  });

  it.each([
    [{}, 'the top level must be a list of providers (found an object)'],
    [[], 'the file lists no providers'],
    [
      [{ id: 'x', models: [{ id: 'm', match: { equals: 'm' }, prices: { input_mtok: -1 } }] }],
      "[0] ('x').models[0] ('m').prices.input_mtok: must be a finite number ≥ 0 (found the number -1)",
    ],
    [
      [
        {
          id: 'x',
          models: [
            { id: 'm', match: { equals: 'm' }, prices: { input_mtok: 1e300, output_mtok: 1 } },
          ],
        },
      ],
      "[0] ('x').models[0] ('m').prices.input_mtok: 1e+300 $/MTok is above the 10,000 $/MTok any real price stays under",
    ],
    [
      [
        {
          id: 'x',
          models: [{ id: 'm', match: { regex: '(' }, prices: { input_mtok: 1, output_mtok: 1 } }],
        },
      ],
      "[0] ('x').models[0] ('m').match.regex: is not a valid regular expression",
    ],
    [
      [
        {
          id: 'x',
          models: [
            {
              id: 'm',
              match: { equals: 'm' },
              prices: [{ constraint: { start_date: '2026-02-31' }, prices: {} }],
            },
          ],
        },
      ],
      "[0] ('x').models[0] ('m').prices[0].constraint.start_date: must be a date like 2026-09-01",
    ],
  ])('refuses a malformed file with the path of the bad value: %#', (file, error) => {
    expect(readGenaiPrices(file)).toEqual({ ok: false, error });
  });
});
