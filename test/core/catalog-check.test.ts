/**
 * Each consistency rule fails on a crafted bad row, names the row and the rule, and stays quiet
 * on a healthy catalog.
 */
import { describe, expect, it } from 'vitest';
import {
  checkCatalog,
  summarizeFindings,
  type CatalogTables,
} from '../../core/catalog-check/check.ts';
import { RULE_IDS, RULES, type RuleId } from '../../core/catalog-check/rules.ts';
import {
  Instance,
  LatencyMeasurement,
  Model,
  Offering,
  type OfferingInput,
} from '../../core/schema/catalog.ts';
import { offering } from '../support/fixtures.ts';

const SRC = { source: 'test fixture', asOf: '2026-11-01' };

/** Three providers price one model alike: a catalog every rule is happy with. */
function healthy(): CatalogTables {
  const sonnet = (id: string, provider: string, over: Partial<OfferingInput> = {}) =>
    offering({ id, provider, modelId: 'm', contextTokens: 200_000, ...over });
  return {
    providers: [],
    models: [
      Model.parse({
        ...SRC,
        id: 'm',
        name: 'M',
        developer: 'D',
        family: 'f',
        openWeights: false,
        contextTokens: 200_000,
      }),
    ],
    offerings: [
      sonnet('a/m', 'a', {
        priority: { input: 6, output: 30 },
        longContext: [
          {
            aboveInputTokens: 100_000,
            rule: 'whole-request',
            usdPerMTok: { input: 6, output: 22.5 },
          },
        ],
      }),
      sonnet('b/m', 'b'),
      sonnet('c/m', 'c'),
    ],
    gpus: [],
    instances: [
      Instance.parse({
        ...SRC,
        id: 'x/p5',
        cloud: 'x',
        instanceType: 'p5',
        gpuId: 'h100',
        gpuCount: 8,
        regionId: 'x:r',
        usdPerHour: { onDemand: 98, spot: 40, commit1y: 70, commit3y: 50 },
      }),
    ],
    regions: [],
    quality: [],
    latency: [
      LatencyMeasurement.parse({
        ...SRC,
        offeringId: 'a/m',
        kind: 'published',
        ttftMs: 800,
        outputTokPerS: 60,
      }),
    ],
  };
}

/** The healthy catalog with a latency figure of the user's added (parsed: schema-valid). */
function withLatency(over: Partial<LatencyMeasurement>): CatalogTables {
  const c = healthy();
  const m = LatencyMeasurement.parse({ ...SRC, offeringId: 'a/m', kind: 'measured', ...over });
  return { ...c, latency: [...(c.latency ?? []), m] };
}

/** The healthy catalog with one offering replaced by a crafted one (parsed, so it is schema-valid). */
function withOffering(over: Partial<OfferingInput>): CatalogTables {
  const c = healthy();
  const bad = Offering.parse({ ...c.offerings[0], ...over });
  return { ...c, offerings: [bad, ...c.offerings.slice(1)] };
}

const rulesOf = (c: CatalogTables, staleBefore?: string) =>
  checkCatalog(c, staleBefore === undefined ? {} : { staleBefore });

describe('catalog check', () => {
  it('finds nothing on a healthy catalog', () => {
    expect(rulesOf(healthy())).toEqual([]);
  });

  const cases: [RuleId, string, () => CatalogTables, string][] = [
    [
      'tier-order',
      'a batch output dearer than standard',
      () => withOffering({ batch: { input: 1.5, output: 20 } }),
      "offering 'a/m': tier-order: batch.output: batch output 20 $/MTok is above standard 15 $/MTok",
    ],
    [
      'tier-order',
      'a priority input cheaper than standard',
      () => withOffering({ priority: { input: 2, output: 30 } }),
      "offering 'a/m': tier-order: priority.input: priority input 2 $/MTok is below standard 3 $/MTok",
    ],
    [
      'cache-read-below-input',
      'a cache hit priced like an uncached token',
      () => withOffering({ usdPerMTok: { input: 3, output: 15, cacheRead: 3, cacheWrite: 3.75 } }),
      "offering 'a/m': cache-read-below-input: usdPerMTok.cacheRead: standard cache read 3 $/MTok is not below input 3 $/MTok",
    ],
    [
      'cache-write-at-least-input',
      'a cache write cheaper than input',
      () => withOffering({ usdPerMTok: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 2 } }),
      "offering 'a/m': cache-write-at-least-input: usdPerMTok.cacheWrite: standard cache write 2 $/MTok is below input 3 $/MTok",
    ],
    [
      'tier-factor',
      "gpt-5-nano's priority: gpt-5's input price and nothing else (output scaled 50×)",
      () =>
        withOffering({
          usdPerMTok: { input: 0.05, output: 0.4, cacheRead: 0.005 },
          cache: { style: 'automatic', minPrefixTokens: 1024 },
          batch: undefined,
          priority: { input: 2.5 },
        }),
      "offering 'a/m': tier-factor: priority: priority gives no output, cacheRead price, so they are scaled by 50× (the tier's input ratio); priority's documented factor is 1–2.5×",
    ],
    [
      'tier-threshold-in-context',
      "Sonnet 4.5's >200k tier on a 200k context",
      () =>
        withOffering({
          longContext: [
            { aboveInputTokens: 200_000, rule: 'whole-request', usdPerMTok: { input: 6 } },
          ],
        }),
      "offering 'a/m': tier-threshold-in-context: longContext[0].aboveInputTokens: a tier above 200,000 prompt tokens, but the context window is 200,000",
    ],
    [
      'provenance',
      'a row that reached the catalog without a source',
      () => {
        const c = healthy();
        return { ...c, offerings: [{ ...c.offerings[0]!, source: ' ' }, ...c.offerings.slice(1)] };
      },
      "offering 'a/m': provenance: source: names no source",
    ],
    [
      'provenance',
      'a row without a real as-of date',
      () => {
        const c = healthy();
        return {
          ...c,
          offerings: [{ ...c.offerings[0]!, asOf: '2026-02-31' }, ...c.offerings.slice(1)],
        };
      },
      "offering 'a/m': provenance: asOf: has no as-of date (YYYY-MM-DD)",
    ],
    [
      'price-outlier',
      'an output price 10× the median at other providers',
      () =>
        withOffering({
          usdPerMTok: { input: 3, output: 150, cacheRead: 0.3, cacheWrite: 3.75 },
          batch: { input: 1.5, output: 75 },
          priority: { input: 6, output: 300 },
        }),
      "offering 'a/m': price-outlier: usdPerMTok.output: output 150 $/MTok is 10.0× above the median 15 $/MTok of m at 2 offerings of other providers",
    ],
    [
      'cache-minimum-per-model',
      'one host of a model with another minimum cacheable prefix',
      () => withOffering({ cache: { style: 'explicit', minPrefixTokens: 4096 } }),
      "offering 'a/m': cache-minimum-per-model: cache.minPrefixTokens: 4,096 tokens here, 1,024 at 2 other offerings of m",
    ],
    [
      'instance-price-order',
      'a 3-year commitment dearer than on-demand',
      () => {
        const c = healthy();
        const i = Instance.parse({
          ...c.instances[0],
          usdPerHour: { onDemand: 98, commit1y: 70, commit3y: 120 },
        });
        return { ...c, instances: [i] };
      },
      "instance 'x/p5': instance-price-order: usdPerHour.commit3y: commit3y $120/h is above on-demand $98/h",
    ],
    [
      'instance-price-order',
      'an all-upfront year dearer than on-demand: 876,000 ÷ 8,760 h = $100/h',
      () => {
        const c = healthy();
        const i = Instance.parse({
          ...c.instances[0],
          commitmentOptions: [
            { ...SRC, term: 'commit1y', payment: 'allUpfront', upfrontUsd: 876_000, usdPerHour: 0 },
          ],
        });
        return { ...c, instances: [i] };
      },
      "instance 'x/p5': instance-price-order: commitmentOptions[0]: commit1y allUpfront at $100.0000/h effective is above on-demand $98/h",
    ],
    [
      'provisioned-term-order',
      'a yearly reservation dearer a month than the monthly one: 3,600 ÷ 12 = $300 > $260',
      () =>
        withOffering({
          provisioned: {
            ...SRC,
            unit: 'ptu',
            inputTokensPerMinutePerUnit: 2500,
            prices: [
              { ...SRC, term: '1-month', usd: 260, per: 'month' },
              { ...SRC, term: '1-year', usd: 3600, per: 'year' },
            ],
          },
        }),
      "offering 'a/m': provisioned-term-order: provisioned.prices[1]: 1-year at $300.00 a unit-month is above 1-month at $260.00",
    ],
    [
      'latency-offering',
      'a load test of an offering the catalog lacks',
      () => withLatency({ offeringId: 'z/m', ttftMs: 700 }),
      "latency figure 'z/m|measured': latency-offering: offeringId: no API offering 'z/m' in the catalog",
    ],
    [
      'latency-plausible',
      'a TTFT of 0.8 s typed into the ms column',
      () => withLatency({ ttftMs: 0.8 }),
      "latency figure 'a/m|measured': latency-plausible: ttftMs: 0.8 ms is below 10 ms, faster than any hosted API answers: was it given in seconds?",
    ],
    [
      'latency-plausible',
      "a whole load test's tokens per second given as one stream's",
      () => withLatency({ outputTokPerS: 25_000 }),
      "latency figure 'a/m|measured': latency-plausible: outputTokPerS: 25,000 tokens/s is above 10,000, faster than any single stream runs: is it a whole test's throughput?",
    ],
    [
      'latency-unusual',
      'three minutes to a first token',
      () => withLatency({ ttftMs: 180_000 }),
      "latency figure 'a/m|measured': latency-unusual: ttftMs: 180,000 ms is over 120 s to a first token",
    ],
    [
      'latency-unusual',
      'half a token per second (a cold-starting host)',
      () => withLatency({ outputTokPerS: 0.5 }),
      "latency figure 'a/m|measured': latency-unusual: outputTokPerS: 0.5 tokens/s is below 1 token/s",
    ],
  ];

  it.each(cases)('%s: %s', (rule, _what, catalog, message) => {
    const findings = rulesOf(catalog());
    expect(findings.map((f) => f.message)).toContain(message);
    const f = findings.find((x) => x.message === message)!;
    expect(f).toMatchObject({
      rule,
      level: RULES[rule].level,
      table: expect.any(String),
      key: expect.any(String),
    });
  });

  it('stale: a row read before the staleness window', () => {
    const findings = rulesOf(healthy(), '2026-11-02');
    // The model, the three offerings (read 2026-01-01), the instance and the latency figure.
    expect(findings.filter((f) => f.rule === 'stale')).toHaveLength(6);
    expect(findings[0]).toMatchObject({
      level: 'warning',
      message: "model 'm': stale: asOf: read 2026-11-01, before 2026-11-02",
    });
    expect(findings[1]?.message).toBe(
      "offering 'a/m': stale: asOf: read 2026-01-01, before 2026-11-02",
    );
  });

  it('checks a row at each of its price periods too', () => {
    const findings = rulesOf(
      withOffering({
        validFrom: '2026-09-01',
        pricePeriods: [
          {
            validTo: '2026-08-31',
            usdPerMTok: { input: 2, output: 10, cacheRead: 2.5, cacheWrite: 2.5 },
            source: 'launch price',
            asOf: '2026-08-21',
          },
        ],
      }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      "offering 'a/m': cache-read-below-input: pricePeriods[0].usdPerMTok.cacheRead: standard cache read 2.5 $/MTok is not below input 2 $/MTok",
    ]);
  });

  it('has a test case for every rule', () => {
    const tested = new Set([...cases.map((c) => c[0]), 'stale']);
    expect(RULE_IDS.filter((r) => !tested.has(r))).toEqual([]);
  });

  it('summarizes by level and rule', () => {
    const findings = rulesOf(withOffering({ batch: { input: 1.5, output: 20 } }), '2026-11-02');
    expect(summarizeFindings(findings)).toEqual({
      errors: 1,
      warnings: 6,
      byRule: { 'tier-order': 1, stale: 6 },
    });
  });
});
