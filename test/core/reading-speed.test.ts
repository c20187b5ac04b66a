import { describe, expect, it } from 'vitest';
import { readSeed } from '../../electron/db/seed-files.ts';
import { OnpremPlacement } from '../../core/schema/placement.ts';
import { ValueAssumptions } from '../../core/schema/value.ts';
import { Workload, type WorkloadInput } from '../../core/schema/workload.ts';
import { indexCatalog } from '../../core/sweep/catalog-index.ts';
import { makeContext } from '../../core/sweep/context.ts';
import { evaluateCandidate } from '../../core/sweep/sweep.ts';
import { READING_TOKENS_PER_S, slowStreamWarning } from '../../core/workload/reading-speed.ts';

const work = (over: Partial<WorkloadInput> = {}) =>
  Workload.parse({
    requests: { count: 50_000, per: 'day' },
    inputTokens: { mean: 1800 },
    outputTokens: { mean: 350 },
    slo: { ttftMs: 800 },
    ...over,
  });

describe('a stream slower than people read', () => {
  it('reading speed: 238 words a minute at 0.75 words a token', () => {
    // 238 ÷ 60 = 3.967 words/s ÷ 0.75 = 5.289 tokens/s.
    expect(READING_TOKENS_PER_S).toBeCloseTo(5.289, 3);
  });

  it('is said, with the rate, when only a TTFT SLO bounds the replica', () => {
    // 250 ms a token = 4.0 tokens/s < 5.3.
    expect(slowStreamWarning(work(), 250)).toBe(
      'streams 4.0 tokens/s at the load it is sized for, slower than people read (about 5.3): set a time-per-token SLO to size for faster answers',
    );
    // 150 ms a token = 6.7 tokens/s: faster than reading.
    expect(slowStreamWarning(work(), 150)).toBeNull();
  });

  it('is not said when a TPOT or end-to-end SLO bounds the stream, or answers are one token', () => {
    expect(slowStreamWarning(work({ slo: { ttftMs: 800, tpotMs: 400 } }), 250)).toBeNull();
    expect(slowStreamWarning(work({ slo: { e2eMs: 120_000 } }), 250)).toBeNull();
    expect(slowStreamWarning(work({ outputTokens: { mean: 1 } }), 250)).toBeNull();
  });

  it('reaches the row of a replica sized on TTFT alone, and goes with a TPOT SLO', () => {
    const seed = readSeed();
    const index = indexCatalog({ ...seed, discounts: [] });
    const value = ValueAssumptions.parse({});
    const placement = OnpremPlacement.parse({
      kind: 'onprem',
      gpuId: 'a100-80gb',
      modelId: 'llama-4-maverick',
    });
    const loose = evaluateCandidate(makeContext(index, work(), value), placement);
    expect(loose.reasons).toEqual([]);
    const tokensPerS = 1000 / loose.tpotMs!;
    expect(tokensPerS).toBeLessThan(READING_TOKENS_PER_S);
    expect(loose.warnings).toContain(slowStreamWarning(work(), loose.tpotMs!));
    expect(loose.warnings.join()).toContain(`streams ${tokensPerS.toFixed(1)} tokens/s`);

    const bounded = work({ slo: { ttftMs: 800, tpotMs: 150 } });
    const tight = evaluateCandidate(makeContext(index, bounded, value), placement);
    expect(tight.tpotMs!).toBeLessThanOrEqual(150);
    expect(tight.warnings.join()).not.toContain('people read');
  });
});
