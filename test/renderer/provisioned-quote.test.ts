import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { addProvisionedQuote } from '../../renderer/features/candidates/provisioned-quote.ts';
import { defaultScenario } from '../../renderer/features/scenarios/default-scenario.ts';

const catalog = { ...readSeed(), discounts: [] };
const OFFERING = 'bedrock/anthropic.claude-haiku-4-5-20251001-v1:0';

describe('a provisioned-throughput quote at your figures', () => {
  const base = Scenario.parse({
    ...defaultScenario(),
    workload: {
      requests: { count: 1_000_000, per: 'month' },
      inputTokens: { mean: 1000 },
      outputTokens: { mean: 200 },
    },
  });
  const quote = {
    offeringId: OFFERING,
    term: '1-month' as const,
    usdPerUnitHour: 20,
    inputTokensPerMinutePerUnit: 1e9,
    units: 2,
  };

  it('becomes a candidate priced at the quote, marked as yours', () => {
    const added = addProvisionedQuote(base, quote);
    if (!added.ok) throw new Error(added.error);
    const e = evaluateScenario(catalog, added.scenario);
    if (!e.ok) throw new Error(e.error);
    const row = e.result
      .rankedRows()
      .find((r) => r.id === `api:${OFFERING}:provisioned:1-month:2u`);
    // 2 units × $20 a unit-hour × 730 hours a month = $29,200; a billion tokens a minute a unit
    // serves all of it, so nothing overflows to pay-as-you-go.
    expect(row?.commitment?.monthlyCommittedUsd).toBeCloseTo(29_200, 6);
    expect(row?.commitment?.committedUnits).toBe(2);
    expect(row?.commitment?.yours).toBe(true);
    expect(row?.monthlyUsd).toBeCloseTo(29_200, 6);
  });

  it('replaces a quote for the same offering, term and units instead of adding a second', () => {
    const once = addProvisionedQuote(base, quote);
    if (!once.ok) throw new Error(once.error);
    const twice = addProvisionedQuote(once.scenario, { ...quote, usdPerUnitHour: 18 });
    if (!twice.ok) throw new Error(twice.error);
    const quotes = twice.scenario.candidates.filter(
      (p) => p.kind === 'api' && p.provisioned !== undefined,
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ provisioned: { usdPerUnitHour: 18 } });
  });

  it('rejects a price that is not positive, naming the field, and changes nothing', () => {
    const bad = addProvisionedQuote(base, { ...quote, usdPerUnitHour: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/usdPerUnitHour/);
  });
});
