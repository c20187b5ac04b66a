import { describe, expect, it } from 'vitest';
import { readSeed } from '../../electron/db/seed-files.ts';

// The committed seed catalog (data/seed), validated by the same reader the app uses.
const seed = readSeed();
const ids = (rows: readonly { id: string }[]) => new Set(rows.map((r) => r.id));

describe('seed catalog: volume', () => {
  it('has ≥150 offerings from ≥10 providers, ≥80 models, ≥300 instances on ≥5 clouds in ≥30 regions', () => {
    expect(seed.offerings.length).toBeGreaterThanOrEqual(150);
    expect(new Set(seed.offerings.map((o) => o.provider)).size).toBeGreaterThanOrEqual(10);
    expect(seed.models.length).toBeGreaterThanOrEqual(80);
    expect(seed.instances.length).toBeGreaterThanOrEqual(300);
    expect(new Set(seed.instances.map((i) => i.cloud)).size).toBeGreaterThanOrEqual(5);
    expect(seed.regions.length).toBeGreaterThanOrEqual(30);
  });
});

describe('seed catalog: every reference resolves', () => {
  const models = ids(seed.models);
  const providers = ids(seed.providers);
  const regions = ids(seed.regions);
  const gpus = ids(seed.gpus);

  it('offerings name a catalog model, provider and (when regional) region', () => {
    for (const o of seed.offerings) {
      expect(models, o.id).toContain(o.modelId);
      expect(providers, o.id).toContain(o.provider);
      if (o.regionId !== undefined) expect(regions, o.id).toContain(o.regionId);
    }
  });

  it('instances name a catalog GPU, cloud and region', () => {
    for (const i of seed.instances) {
      expect(gpus, i.id).toContain(i.gpuId);
      expect(providers, i.id).toContain(i.cloud);
      expect(regions, i.id).toContain(i.regionId);
    }
  });

  it('quality scores name catalog models, one per model and benchmark', () => {
    const keys = seed.quality.map((q) => `${q.modelId}|${q.benchmark}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const q of seed.quality) expect(models).toContain(q.modelId);
  });

  it('has no duplicate ids in any table', () => {
    for (const table of [
      'providers',
      'models',
      'offerings',
      'gpus',
      'instances',
      'regions',
    ] as const) {
      const rows = seed[table];
      expect(ids(rows).size, table).toBe(rows.length);
    }
  });
});

describe('seed catalog: realism', () => {
  it('serves open-weight models under their open-model ids, so API and self-hosting compare', () => {
    const servers = (modelId: string) =>
      new Set(seed.offerings.filter((o) => o.modelId === modelId).map((o) => o.provider));
    expect([...servers('llama-3.3-70b')]).toEqual(
      expect.arrayContaining(['together', 'groq', 'bedrock']),
    );
    expect([...servers('gpt-oss-120b')]).toEqual(expect.arrayContaining(['groq', 'bedrock']));
    expect(servers('deepseek-r1').size).toBeGreaterThanOrEqual(3);
    const openIds = new Set(seed.models.filter((m) => m.openWeights).map((m) => m.id));
    const openOfferings = seed.offerings.filter((o) => openIds.has(o.modelId));
    expect(openOfferings.length).toBeGreaterThanOrEqual(100);
  });

  it('keeps cache-write prices only where writes are billed apart (explicit caches, or a write above input)', () => {
    for (const o of seed.offerings) {
      const write = o.usdPerMTok.cacheWrite;
      if (write !== undefined && o.cache.style !== 'explicit') {
        // OpenAI's GPT-5.6 family: automatic caching, writes at 1.25× input (both sources).
        expect(write, o.id).toBeGreaterThan(o.usdPerMTok.input);
      }
      if (o.cache.style === 'none') expect(o.usdPerMTok.cacheRead, o.id).toBeUndefined();
    }
  });

  it('places regional offerings in the residency zone of their region', () => {
    const regionById = new Map(seed.regions.map((r) => [r.id, r]));
    for (const o of seed.offerings) {
      if (o.regionId !== undefined)
        expect(o.residency, o.id).toBe(regionById.get(o.regionId)?.residency);
    }
  });

  it('has instance prices ordered spot < on-demand and 3-year ≤ 1-year ≤ on-demand', () => {
    for (const i of seed.instances) {
      const p = i.usdPerHour;
      if (p.spot !== undefined) expect(p.spot, i.id).toBeLessThan(p.onDemand);
      if (p.commit1y !== undefined) expect(p.commit1y, i.id).toBeLessThanOrEqual(p.onDemand);
      if (p.commit3y !== undefined && p.commit1y !== undefined) {
        expect(p.commit3y, i.id).toBeLessThanOrEqual(p.commit1y);
      }
    }
  });
});
