/**
 * Bad input found by fuzzing (issue 9): each case here failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { catalogToCsv, parseCatalogCsv } from '../../core/catalog-import/csv-format.ts';
import { convertLiteLlm } from '../../core/catalog-import/litellm.ts';
import { parseJsonSafely } from '../../core/json-safe.ts';
import { Gpu, Instance, Model, Offering, Provider } from '../../core/schema/catalog.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { offering } from '../support/fixtures.ts';

const options = { asOf: '2026-11-27', source: 'test file' };

describe('JSON with a UTF-8 byte-order mark', () => {
  it('reads like the same JSON without it (CSV already did)', () => {
    // Windows editors save "UTF-8 with BOM"; JSON.parse refuses the U+FEFF in front.
    expect(parseJsonSafely('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('LiteLLM providers named like Object.prototype members', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a provider named %s imports as a provider of that name',
    (name) => {
      const file = JSON.parse(
        JSON.stringify({
          [`${name}/some-model`]: {
            litellm_provider: name,
            mode: 'chat',
            input_cost_per_token: 1e-6,
            output_cost_per_token: 2e-6,
          },
        }),
      ) as unknown;
      const converted = convertLiteLlm(file, options);
      if (!converted.ok) throw new Error(converted.error);
      expect(converted.offerings).toHaveLength(1);
      const o = converted.offerings[0]!;
      expect(typeof o.provider).toBe('string');
      // An id is lowercase with no leading or trailing dashes: `__proto__` → `proto`.
      expect(o.provider).toBe(name === '__proto__' ? 'proto' : name.toLowerCase());
      expect(o.usdPerMTok).toEqual({ input: 1, output: 2 });
    },
  );
});

describe('prices and quantities are bounded to a plausible range', () => {
  it('a price of 1e308 (or any that would overflow a cost) is refused, naming the field', () => {
    const parsed = Offering.safeParse({
      ...offering(),
      usdPerMTok: { input: 1e308, output: 15 },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['usdPerMTok', 'input']);
  });

  it('an instance price, a GPU purchase price and a model size have ceilings too', () => {
    const instance = {
      id: 'x/y',
      cloud: 'x',
      instanceType: 'y',
      gpuId: 'h100-sxm',
      gpuCount: 8,
      regionId: 'x:r',
      usdPerHour: { onDemand: 1e300 },
      source: 's',
      asOf: '2026-01-01',
    };
    expect(Instance.safeParse(instance).success).toBe(false);
    expect(
      Instance.safeParse({ ...instance, gpuCount: 1e9, usdPerHour: { onDemand: 98 } }).success,
    ).toBe(false);
    const gpu = {
      id: 'g',
      name: 'G',
      vendor: 'nvidia',
      family: 'hopper',
      memoryGB: 80,
      memoryBandwidthTBps: 3,
      tflops: { bf16: 1e308 },
      interconnect: { kind: 'nvlink', busGBps: 400, latencyUs: 8 },
      source: 's',
      asOf: '2026-01-01',
    };
    expect(Gpu.safeParse(gpu).success).toBe(false);
  });

  it('a LiteLLM entry whose per-token price overflows a monthly cost is skipped, not ranked', () => {
    const converted = convertLiteLlm(
      {
        'huge/model': {
          litellm_provider: 'huge',
          mode: 'chat',
          input_cost_per_token: 1e300,
          output_cost_per_token: 1e-6,
        },
        'fine/model': {
          litellm_provider: 'fine',
          mode: 'chat',
          input_cost_per_token: 1e-6,
          output_cost_per_token: 2e-6,
        },
      },
      options,
    );
    if (!converted.ok) throw new Error(converted.error);
    expect(converted.offerings.map((o) => o.id)).toEqual(['fine/model']);
    expect(converted.skipped).toEqual({ 'price above 10,000 $/MTok': 1 });
  });

  it('the dearest price the schema allows still gives a finite cost at the largest workload', () => {
    const scenario = Scenario.parse({
      schemaVersion: 1,
      name: 'ceiling',
      workload: {
        requests: { count: 1e12, per: 'month' },
        inputTokens: { mean: 10_000_000 },
        outputTokens: { mean: 10_000_000 },
      },
      catalog: {
        offerings: [
          offering({
            id: 'dear/model',
            usdPerMTok: { input: 10_000, output: 10_000, cacheRead: 10_000, cacheWrite: 10_000 },
            batch: undefined,
          }),
        ],
      },
      candidates: [{ kind: 'api', offeringId: 'dear/model' }],
    });
    const catalog = {
      providers: [],
      models: [],
      offerings: [],
      gpus: [],
      instances: [],
      regions: [],
      quality: [],
      discounts: [],
    };
    const evaluated = evaluateScenario(catalog, scenario);
    if (!evaluated.ok) throw new Error(evaluated.error);
    const r = evaluated.result.rankedRows()[0]!;
    // 1e12 requests × 2e7 tokens = 2e19 tokens × $10,000 per 1e6 tokens = $2e17 a month:
    // absurd, but finite.
    expect(r.monthlyUsd! / 2e17).toBeCloseTo(1, 12);
    expect(Number.isFinite(r.tcoUsd)).toBe(true);
  });
});

describe('names and sources', () => {
  it('a model name has a length limit', () => {
    const model = {
      id: 'm',
      name: 'x'.repeat(100_000),
      developer: 'd',
      family: 'f',
      openWeights: false,
      source: 's',
      asOf: '2026-01-01',
    };
    const parsed = Model.safeParse(model);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['name']);
    expect(
      Provider.safeParse({
        id: 'p',
        name: 'y'.repeat(100_000),
        kind: 'api',
        source: 's',
        asOf: '2026-01-01',
      }).success,
    ).toBe(false);
  });

  it('a whitespace-only source is refused, so every row survives the CSV round trip', () => {
    const parsed = Offering.safeParse({ ...offering(), source: '   ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['source']);
  });

  it('a source with surrounding spaces exports and re-imports to the same row', () => {
    const row = Offering.parse({ ...offering(), source: '  negotiated  ' });
    const csv = catalogToCsv('offerings', [row]);
    const back = parseCatalogCsv(csv);
    if (!back.ok) throw new Error(back.error);
    expect(back.rows[0]?.row).toEqual(row);
  });
});

describe('a candidate listed and also swept', () => {
  it('is evaluated once', () => {
    const scenario = Scenario.parse({
      schemaVersion: 1,
      name: 'twice',
      workload: {
        requests: { count: 1000, per: 'day' },
        inputTokens: { mean: 1000 },
        outputTokens: { mean: 100 },
      },
      catalog: { offerings: [offering({ id: 'test/model' })] },
      candidates: [{ kind: 'api', offeringId: 'test/model' }],
      sweep: { api: {} },
    });
    const catalog = {
      providers: [],
      models: [],
      offerings: [],
      gpus: [],
      instances: [],
      regions: [],
      quality: [],
      discounts: [],
    };
    const evaluated = evaluateScenario(catalog, scenario);
    if (!evaluated.ok) throw new Error(evaluated.error);
    expect(evaluated.result.rankedRows().map((c) => c.id)).toEqual(['api:test/model']);
  });
});
