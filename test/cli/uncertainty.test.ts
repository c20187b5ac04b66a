import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { workedExampleScenario } from '../support/scenarios.ts';
import { useDataDirEnv } from '../support/db.ts';
import { useTempDir, writeJson } from '../support/tmp.ts';

const tmp = useTempDir();
useDataDirEnv(beforeAll, afterAll);

/** DESIGN.md's worked example with its monthly volume given as a range around 1.5M. */
function rangedFile(extra: Record<string, unknown> = {}): string {
  return writeJson(tmp(), 'ranged.json', {
    ...workedExampleScenario(),
    uncertainty: {
      inputs: {
        volume: { low: 1_000_000, high: 3_000_000 },
        responseCacheHitRate: { low: 0.1, high: 0.1 },
      },
      ...extra,
    },
  });
}

const cost = (file: string, ...args: string[]) =>
  JSON.parse(run(['cost', '--scenario', file, '--format', 'json', ...args]));

describe('CLI: cost --uncertainty', () => {
  it('adds percentiles and a win probability to each simulated candidate, and a tornado', () => {
    const out = cost(rangedFile(), '--uncertainty', '--samples', '200');
    const [c] = out.candidates;
    for (const metric of ['monthlyUsd', 'tcoUsd']) {
      const p = c.uncertainty[metric];
      expect(p.p10).toBeLessThan(p.p50);
      expect(p.p50).toBeLessThan(p.p90);
    }
    // No value per request: no NPV to spread.
    expect(c.uncertainty.npvUsd).toBeNull();
    // The only candidate is the best in every future.
    expect(c.uncertainty.winProbability).toBe(1);
    expect(out.uncertainty.samples).toBe(200);
    // The tornado: volume swings the horizon cost; the zero-width response cache does not (last, 0).
    expect(out.tornado.map((b: { input: string }) => b.input)).toEqual([
      'volume',
      'responseCacheHitRate',
    ]);
    const [volume, cache] = out.tornado;
    expect(volume.lowUsd).toBeLessThan(c.tcoUsd);
    expect(volume.highUsd).toBeGreaterThan(c.tcoUsd);
    expect(cache.lowUsd).toBe(cache.highUsd);
    expect(out.uncertainty.tornadoBaseUsd).toBeCloseTo(c.tcoUsd, 6);
  });

  it('gives the same output for the same seed, another for another', () => {
    const file = rangedFile();
    const a = run(['cost', '--scenario', file, '--format', 'json', '--uncertainty', '--seed', '5']);
    const b = run(['cost', '--scenario', file, '--format', 'json', '--uncertainty', '--seed', '5']);
    const c = cost(file, '--uncertainty', '--seed', '6');
    expect(a).toBe(b);
    expect(c.candidates[0].uncertainty.tcoUsd).not.toEqual(
      JSON.parse(a).candidates[0].uncertainty.tcoUsd,
    );
  });

  it('puts the percentiles and the tornado in the Markdown report', () => {
    const md = run(['cost', '--scenario', rangedFile(), '--format', 'md', '--uncertainty']);
    expect(md).toContain('## Uncertainty');
    expect(md).toContain('P90 = not exceeded in 90 % of simulated futures');
    expect(md).toContain("### What moves the recommendation's 36-month cost");
    expect(md).toMatch(/\| Requests per month \| 1,000,000 → 3,000,000 \| \$[\d,]+ \| \$[\d,]+ \|/);
    const table = run(['cost', '--scenario', rangedFile(), '--uncertainty']);
    expect(table).toMatch(/horizon cost P10 – P50 – P90 \$[\d,]+ – \$[\d,]+ – \$[\d,]+/);
  });

  it.each([
    [
      ['--uncertainty', '--samples', '5'],
      "--samples must be a whole number from 100 to 100,000 (got '5')",
    ],
    [
      ['--uncertainty', '--seed', '-1'],
      "--seed must be a whole number from 0 to 4,294,967,295 (got '-1')",
    ],
    [['--samples', '500'], '--samples needs --uncertainty'],
    [['--seed', '3'], '--seed needs --uncertainty'],
    [['--uncertainty=yes'], '--uncertainty takes no value'],
  ])('refuses bad flags with a clear message (%j)', (args, message) => {
    expect(() => run(['cost', '--scenario', rangedFile(), ...args])).toThrow(message);
  });

  it('says when the scenario gives no ranges', () => {
    const file = writeJson(tmp(), 'plain.json', workedExampleScenario());
    expect(() => run(['cost', '--scenario', file, '--uncertainty'])).toThrow(
      'uncertainty: the scenario gives no ranges (set uncertainty.inputs or uncertainty.priceChange)',
    );
  });

  it('moves the recommendation to the robust pick when the scenario asks for it', () => {
    const out = cost(rangedFile({ recommendBy: 'robust' }), '--uncertainty', '--samples', '100');
    expect(out.recommended).toBe(out.uncertainty.robust.id);
    expect(out.candidates.filter((c: { recommended: boolean }) => c.recommended)).toHaveLength(1);
  });
});
