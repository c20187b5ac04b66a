/**
 * The rows issue 9's audit found wrong or stale, as the seed now carries them, each with the
 * source that fixed it (the rule per field is docs/catalog-sources.md).
 */
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../core/catalog-check/check.ts';
import { apiCost } from '../../core/pricing/api-cost.ts';
import { offeringAt } from '../../core/pricing/price-history.ts';
import { workloadRates } from '../../core/workload/derive.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { workload } from '../support/fixtures.ts';

const seed = readSeed();
const row = (id: string) => {
  const o = seed.offerings.find((x) => x.id === id);
  if (o === undefined) throw new Error(`no seed offering '${id}'`);
  return o;
};

describe('issue 9: rows fixed with their sources', () => {
  it('gpt-5-nano has no priority tier (the file gave gpt-5’s $2.50 input, scaling output 50×)', () => {
    const nano = row('openai/gpt-5-nano');
    expect(nano.priority).toBeUndefined();
    expect(nano.source).toMatch(/priority dropped: the file gives only input at 50× standard/);
    // All-priority traffic now pays the standard price, not 50× it: 1e6 requests × (1,000 ×
    // $0.05 + 100 × $0.40) / 1e6 = $90 a month.
    const w = workload({
      requests: { count: 1_000_000, per: 'month' },
      inputTokens: { mean: 1000 },
      outputTokens: { mean: 100 },
      promptCache: { prefixTokens: 0, hitRate: 0 },
      responseCacheHitRate: 0,
      batchShare: 0,
      priorityShare: 1,
    });
    expect(apiCost(nano, w, workloadRates(w)).monthlyUsd).toBeCloseTo(90, 9);
  });

  it('the GPT-5.6 family keeps the cache-write price both sources list: 1.25× input', () => {
    for (const id of [
      'openai/gpt-5.6',
      'openai/gpt-5.6-terra',
      'openai/gpt-5.6-luna',
      'openai/eu/gpt-5.6',
      'openai/us/gpt-5.6-luna',
      'azure/gpt-5.6',
    ]) {
      const p = row(id).usdPerMTok;
      expect(p.cacheWrite, id).toBeCloseTo(1.25 * p.input, 12);
    }
    expect(row('openai/gpt-5.6').usdPerMTok).toEqual({
      input: 5,
      output: 30,
      cacheRead: 0.5,
      cacheWrite: 6.25,
    });
  });

  it('DeepSeek V3 and R1 at DeepSeek’s API: the current $0.28 / $0.42 / $0.028, the older prices as history', () => {
    for (const id of ['deepseek/deepseek-v3', 'deepseek/deepseek-r1']) {
      const o = row(id);
      expect(o.usdPerMTok, id).toEqual({ input: 0.28, output: 0.42, cacheRead: 0.028 });
      expect(o.validFrom, id).toBe('2025-09-29');
      expect(offeringAt(o, '2025-09-10')?.usdPerMTok, id).toEqual({
        input: 0.56,
        output: 1.68,
        cacheRead: 0.07,
      });
    }
    expect(offeringAt(row('deepseek/deepseek-v3'), '2025-06-01')?.usdPerMTok).toEqual({
      input: 0.27,
      output: 1.1,
      cacheRead: 0.07,
    });
    expect(row('deepseek/deepseek-v3').source).toMatch(/key: deepseek\/deepseek-chat/);
  });

  it('Bedrock’s EU Claude Opus 4.5 profile at genai-prices’ regional price (+10% over global)', () => {
    const eu = row('bedrock/eu.anthropic.claude-opus-4-5-20251101-v1:0');
    expect(eu.usdPerMTok).toEqual({ input: 5.5, output: 27.5, cacheRead: 0.55, cacheWrite: 6.875 });
    expect(eu.source).toMatch(/entry: aws\/regional\.anthropic\.claude-opus-4-5-v1:0/);
    expect(row('bedrock/global.anthropic.claude-opus-4-5-20251101-v1:0').usdPerMTok.input).toBe(5);
  });

  it('Gemini 3.6 Flash: both sources agree on $1.50 / $7.50 / $0.15', () => {
    for (const id of ['gemini/gemini-3.6-flash', 'vertex/gemini-3.6-flash']) {
      expect(row(id).usdPerMTok, id).toEqual({ input: 1.5, output: 7.5, cacheRead: 0.15 });
      expect(row(id).source, id).toMatch(/genai-prices/);
    }
  });

  it('cache-read prices for Codestral, Mistral Medium 3.1 and Grok 4', () => {
    expect(row('mistral/codestral-2508').usdPerMTok.cacheRead).toBe(0.03);
    expect(row('mistral/mistral-medium-2508').usdPerMTok.cacheRead).toBe(0.04);
    expect(row('xai/grok-4').usdPerMTok.cacheRead).toBe(0.75);
    expect(row('xai/grok-4').cache.style).toBe('automatic');
  });

  it('minimum cacheable prefix: Claude Haiku 3 at 2,048; Azure’s Claude rows at the model’s', () => {
    expect(row('anthropic/claude-3-haiku-20240307').cache.minPrefixTokens).toBe(2048);
    expect(row('bedrock/anthropic.claude-3-haiku-20240307-v1:0').cache.minPrefixTokens).toBe(2048);
    expect(row('azure/claude-opus-4-5').cache.minPrefixTokens).toBe(4096);
    expect(row('azure/claude-haiku-4-5').cache.minPrefixTokens).toBe(4096);
    expect(row('azure/claude-opus-4-6').cache.minPrefixTokens).toBe(
      row('anthropic/claude-opus-4-6').cache.minPrefixTokens,
    );
    expect(row('azure/claude-opus-4-7').cache.minPrefixTokens).toBe(2048);
  });

  it('Claude Sonnet 4.5: a row with the >200k tier has the 1M window the tier is for', () => {
    const tiered = seed.offerings.filter(
      (o) => o.modelId === 'claude-sonnet-4-5' && o.longContext.length > 0,
    );
    expect(tiered.length).toBeGreaterThanOrEqual(5);
    for (const o of tiered) expect(o.contextTokens, o.id).toBe(1_000_000);
  });

  it('the seed passes every error-level consistency check', () => {
    expect(checkCatalog(seed).filter((f) => f.level === 'error')).toEqual([]);
  });
});
