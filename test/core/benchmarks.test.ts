import { describe, expect, it } from 'vitest';
import { BENCHMARK_INFO } from '../../core/quality.ts';
import { BENCHMARKS } from '../../core/schema/catalog.ts';
import { Workload } from '../../core/schema/workload.ts';
import { benchmarkName } from '../../core/sweep/constraints.ts';
import { readSeed } from '../../electron/db/seed-files.ts';

const seed = readSeed();

describe('benchmarks the workload form offers', () => {
  it('name each snapshot with its date', () => {
    expect(BENCHMARKS.map(benchmarkName)).toEqual([
      'LMArena text (2025-08-04)',
      'Aider polyglot (2025-10-04)',
      'LMArena text, style control (2025-12-11)',
      'LMArena text, raw (2025-12-11)',
      'LiveBench (2026-01-08)',
      'LiveBench coding (2026-01-08)',
      'LiveBench agentic coding (2026-01-08)',
    ]);
  });

  it.each(BENCHMARKS)(
    '%s: the form’s starting minimum is a valid score that some seed models meet and some miss',
    (benchmark) => {
      const minimum = BENCHMARK_INFO[benchmark].defaultMinimum;
      const minQuality = Workload.shape.minQuality.unwrap();
      expect(minQuality.shape.score.safeParse(minimum).success).toBe(true);
      const scores = seed.quality.filter((q) => q.benchmark === benchmark).map((q) => q.score);
      expect(scores.some((s) => s >= minimum)).toBe(true);
      expect(scores.some((s) => s < minimum)).toBe(true);
    },
  );
});
