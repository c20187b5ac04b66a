import { describe, expect, it } from 'vitest';
import { readSeed } from '../../electron/db/seed-files.ts';

// The committed seed's published latency (data/seed/latency.json, from scripts/seed/curated).
const seed = readSeed();
const byOffering = new Map(seed.latency.map((m) => [m.offeringId, m]));

describe('seed: published latency of hosted APIs', () => {
  it('names seed offerings, one published figure each', () => {
    const offerings = new Set(seed.offerings.map((o) => o.id));
    for (const m of seed.latency) expect(offerings, m.offeringId).toContain(m.offeringId);
    expect(seed.latency.every((m) => m.kind === 'published')).toBe(true);
    expect(byOffering.size).toBe(seed.latency.length);
  });

  it('pins a few figures with their source and date', () => {
    expect(byOffering.get('openai/o3')).toMatchObject({
      ttftMs: 22_990,
      outputTokPerS: 108.1,
      asOf: '2025-06-10',
      source: expect.stringContaining(
        'Source: Artificial Analysis (artificialanalysis.ai), https://artificialanalysis.ai/models/o3/providers',
      ),
    });
    expect(byOffering.get('azure/gpt-4.1-mini')).toMatchObject({
      ttftMs: 1140,
      outputTokPerS: 107.9,
      asOf: '2025-08-07',
    });
    // llmperf's speed counts the TTFT in: only its TTFT is carried, with the test's sizes.
    expect(byOffering.get('bedrock/meta.llama2-70b-chat-v1')).toEqual({
      offeringId: 'bedrock/meta.llama2-70b-chat-v1',
      kind: 'published',
      ttftMs: 388,
      inputTokens: 550,
      outputTokens: 150,
      asOf: '2023-12-27',
      source: expect.stringMatching(
        /^ray-project\/llmperf-leaderboard \(Apache-2\.0\) raw_data\/summary\/bedrock_70b\.json @ 23af37e3: .*550-token prompts, 150-token outputs.*\(101 of 150 requests completed\); its speed, 21\.4 tokens\/s, is output ÷ whole request time \(TTFT included\), not carried$/,
      ),
    });
    // GPT-5 was measured at effort minimal: its speed is kept, its TTFT (not the default's) is not.
    expect(byOffering.get('openai/gpt-5')).toMatchObject({ outputTokPerS: 80 });
    expect(byOffering.get('openai/gpt-5')).not.toHaveProperty('ttftMs');
  });

  it('attributes every Artificial Analysis figure and says what each test was', () => {
    for (const m of seed.latency) {
      const fromAa = m.source.includes('artificialanalysis.ai');
      expect(fromAa || m.source.startsWith('ray-project/llmperf-leaderboard'), m.offeringId).toBe(
        true,
      );
      if (fromAa) {
        expect(m.source, m.offeringId).toMatch(
          /^Source: Artificial Analysis \(artificialanalysis\.ai\)/,
        );
        expect(m.source, m.offeringId).toContain('prompt size not stated');
      } else {
        expect([m.inputTokens, m.outputTokens], m.offeringId).toEqual([550, 150]);
      }
    }
  });
});
