/**
 * Provisioned throughput as the seed carries it: Azure PTU and Vertex GSU figures copied from the
 * vendors' documentation with their sources; none for Bedrock, which publishes neither.
 */
import { describe, expect, it } from 'vitest';
import { unitMonthlyUsd } from '../../core/pricing/provisioned.ts';
import { readSeed } from '../../electron/db/seed-files.ts';

const seed = readSeed();
const row = (id: string) => {
  const o = seed.offerings.find((x) => x.id === id);
  if (o === undefined) throw new Error(`no seed offering '${id}'`);
  return o;
};

describe('provisioned throughput in the seed', () => {
  it('Azure GPT-4o, global: 2,500 input tokens a minute per PTU, output ×4, 15 + 5s, $1/h, $260/month, $2,652/year', () => {
    const pt = row('azure/gpt-4o').provisioned!;
    expect(pt).toMatchObject({
      unit: 'ptu',
      deployment: 'global',
      inputTokensPerMinutePerUnit: 2500,
      outputTokenWeight: 4,
      cachedInputWeight: 0,
      minUnits: 15,
      unitIncrement: 5,
    });
    expect(pt.source).toMatch(/provisioned-throughput-sizing/);
    // $1 × 730 h = $730; $260; $2,652 ÷ 12 = $221 a PTU-month.
    expect(pt.prices.map((p) => [p.term, unitMonthlyUsd(p)])).toEqual([
      ['hourly', 730],
      ['1-month', 260],
      ['1-year', 221],
    ]);
    for (const p of pt.prices) expect(p.source).toMatch(/prices\.azure\.com/);
  });

  it('an Azure data-zone offering gets the data-zone prices: $1.10/h, $286/month', () => {
    const pt = row('azure/eu/gpt-5.5').provisioned!;
    expect(pt.deployment).toBe('data zone');
    expect(pt.prices.find((p) => p.term === 'hourly')?.usd).toBe(1.1);
    expect(pt.prices.find((p) => p.term === '1-month')?.usd).toBe(286);
  });

  it('Vertex Gemini 2.5 Pro: 650 tokens a second per GSU (39,000 a minute), output ×8, GSU terms', () => {
    const pt = row('vertex/gemini-2.5-pro').provisioned!;
    expect(pt).toMatchObject({
      unit: 'gsu',
      inputTokensPerMinutePerUnit: 39_000,
      outputTokenWeight: 8,
    });
    // $1,200 a week × 730/168; $2,700; $2,400; $2,000 a GSU-month.
    expect(pt.prices.map((p) => [p.term, Math.round(unitMonthlyUsd(p))])).toEqual([
      ['1-week', 5214],
      ['1-month', 2700],
      ['3-month', 2400],
      ['1-year', 2000],
    ]);
  });

  it('Claude on Vertex needs at least 25 GSUs; regional endpoints and Bedrock carry none', () => {
    expect(row('vertex/claude-sonnet-4-5').provisioned?.minUnits).toBe(25);
    expect(row('vertex/claude-sonnet-4-5/us-east5').provisioned).toBeUndefined();
    expect(seed.offerings.filter((o) => o.provider === 'bedrock' && o.provisioned)).toEqual([]);
  });
});
