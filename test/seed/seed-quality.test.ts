import { describe, expect, it } from 'vitest';
import { BENCHMARKS } from '../../core/schema/catalog.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { QUALITY_VARIANTS } from '../../scripts/seed/curated/quality-variants.ts';

// The committed seed's quality scores (data/seed/quality.json) and the per-setting scores kept
// apart for the reasoning work (scripts/seed/curated/quality-variants.ts).
const seed = readSeed();
const score = (modelId: string, benchmark: string) =>
  seed.quality.find((q) => q.modelId === modelId && q.benchmark === benchmark);

/**
 * Catalog models released in 2025 or later (or undated: the catalog dates few hosted models) that
 * no public leaderboard in the seed scores at their default setting. Each says why; a model that
 * gains a score must leave the list (the test checks both ways).
 */
const NO_DEFAULT_SCORE: Record<string, string> = {
  // Run only at settings other than their API default (scores in quality-variants.ts):
  'claude-opus-4-6': 'LiveBench ran it with adaptive thinking; thinking is off unless asked',
  'claude-sonnet-4-6': 'LiveBench ran it with adaptive thinking; thinking is off unless asked',
  'claude-sonnet-5': 'LiveBench ran it at effort xhigh only; the default effort is high',
  'gpt-5.4': 'LiveBench ran it at effort high and xhigh only; its default effort is not either',
  'gpt-5.5': 'LiveBench ran it at effort medium, high and xhigh; its default is not stated',
  'gemini-3.5-flash': "LiveBench ran thinking_level high; the model's default is medium",
  'gemini-2.5-flash-lite':
    'LiveBench ran high thinking (off by default); LMArena only a preview checkpoint with thinking',
  'gemini-3.1-flash-lite': 'LiveBench ran a preview checkpoint, not the released model',
  // No public leaderboard in the seed's snapshots runs them:
  'claude-opus-5': 'newer than every snapshot',
  'gpt-5.6': 'newer than every snapshot',
  'gpt-5.6-luna': 'newer than every snapshot',
  'gpt-5.6-terra': 'newer than every snapshot',
  'grok-4.5': 'newer than every snapshot',
  'gemini-3.5-flash-lite': 'newer than every snapshot',
  'gemini-3.6-flash': 'newer than every snapshot',
  'gpt-5.2-pro': 'the pro models are too dear for the leaderboards to run',
  'gpt-5.4-pro': 'the pro models are too dear for the leaderboards to run',
  'gpt-5.5-pro': 'the pro models are too dear for the leaderboards to run',
  'codestral-2508': 'a code-completion model; no leaderboard in the snapshots runs it',
  'devstral-medium': 'not in the snapshots (LiveBench ran devstral-2512, another model)',
  'magistral-medium-1.2': 'not in the snapshots',
  'nova-premier': 'not in the snapshots',
  'qwen3-4b': 'the small Qwen3 models are not in the snapshots',
  'qwen3-8b': 'the small Qwen3 models are not in the snapshots',
  'qwen3-14b': 'the small Qwen3 models are not in the snapshots',
};

describe('seed: quality scores', () => {
  it('pins scores of current models with their source and date', () => {
    expect(score('claude-opus-4-5', 'lmarena-text-2025-12')).toEqual({
      modelId: 'claude-opus-4-5',
      benchmark: 'lmarena-text-2025-12',
      score: 1468.3,
      source:
        'LMArena text arena, style control (its default view), category full: lmarena/arena-catalog data/leaderboard-text-style-control.json @ 3b12b7fd (the 2025-12-11 update; gemini-3-flash added 2025-12-17) (model: claude-opus-4-5-20251101)',
      asOf: '2025-12-11',
    });
    expect(score('gemini-3-flash', 'lmarena-text-2025-12')).toMatchObject({
      score: 1476.7,
      asOf: '2025-12-17',
    });
    expect(score('claude-opus-4-5', 'lmarena-text-2025-12-raw')).toMatchObject({
      score: 1446.4,
      asOf: '2025-12-11',
      source: expect.stringContaining('leaderboard-text.json @ ea8297b5'),
    });
    // GPT-5.1's default is no reasoning: its LiveBench score is the "nothinking" run.
    expect(score('gpt-5.1', 'livebench-2026-01')).toEqual({
      modelId: 'gpt-5.1',
      benchmark: 'livebench-2026-01',
      score: 42.65,
      source:
        'LiveBench (livebench.ai), CC BY-SA 4.0: release 2026-01-08 question set, LiveBench/livebench.github.io public/table_2026_01_08.csv @ 4bf96c8d, global average of its 7 categories (model: gpt-5.1-2025-11-13-nothinking; setting: reasoning effort none, the default)',
      asOf: '2026-01-08',
    });
    expect(score('gemini-3.1-pro', 'livebench-2026-01')).toMatchObject({
      score: 79.93,
      asOf: '2026-02-20',
    });
    expect(score('claude-opus-4-7', 'livebench-2026-01-coding')).toMatchObject({
      score: 83.18,
      asOf: '2026-04-17',
    });
    // The 2025-08-04 snapshot is kept as it was under its own id.
    expect(score('gemini-2.5-pro', 'lmarena-text')).toMatchObject({
      score: 1470,
      asOf: '2025-08-04',
    });
    expect(score('gemini-2.5-pro', 'lmarena-text-2025-12')?.score).toBe(1451);
  });

  it('covers the newest models from more than one leaderboard', () => {
    for (const id of ['claude-opus-4-5', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'gpt-5.1']) {
      const benchmarks = seed.quality.filter((q) => q.modelId === id).map((q) => q.benchmark);
      expect(benchmarks, id).toEqual(
        expect.arrayContaining(['lmarena-text-2025-12', 'livebench-2026-01']),
      );
    }
    for (const id of ['claude-opus-4-7', 'claude-opus-4-8', 'gpt-5.2', 'gemini-3.1-pro']) {
      expect(score(id, 'livebench-2026-01'), id).toBeDefined();
    }
  });

  it('every model released in 2025 or later has a score, or is listed with the reason it has none', () => {
    const scored = new Set(seed.quality.map((q) => q.modelId));
    const recent = seed.models.filter((m) => (m.releaseDate ?? '9999') >= '2025-01-01');
    const missing = recent.filter((m) => !scored.has(m.id)).map((m) => m.id);
    expect(missing.sort()).toEqual(Object.keys(NO_DEFAULT_SCORE).sort());
  });

  it('keeps each benchmark id to one snapshot (one source, sans model name)', () => {
    const snapshot = (source: string) => source.replace(/ \(model: [^)]*(\([^)]*\)[^)]*)*\)$/, '');
    for (const benchmark of BENCHMARKS) {
      const sources = new Set(
        seed.quality.filter((q) => q.benchmark === benchmark).map((q) => snapshot(q.source)),
      );
      expect(sources.size, benchmark).toBe(1);
    }
  });

  it('attributes LiveBench (CC BY-SA 4.0) on every row, and ships no NonCommercial data', () => {
    for (const q of seed.quality.filter((x) => x.benchmark.startsWith('livebench'))) {
      expect(q.source).toMatch(/^LiveBench \(livebench\.ai\), CC BY-SA 4\.0: /);
    }
    expect(seed.quality.some((q) => /swe-bench/i.test(q.source))).toBe(false);
  });
});

describe('quality at other settings (for the reasoning work)', () => {
  it('names catalog models and benchmarks, never the default row, one per setting', () => {
    const models = new Set(seed.models.map((m) => m.id));
    const keys = new Set<string>();
    for (const v of QUALITY_VARIANTS) {
      expect(models, v.modelId).toContain(v.modelId);
      expect(BENCHMARKS).toContain(v.benchmark);
      const key = `${v.modelId}|${v.benchmark}|${v.sourceModel}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
      // The default row's leaderboard name differs: a variant never repeats the catalog's score.
      expect(score(v.modelId, v.benchmark)?.source ?? '', key).not.toContain(
        `(model: ${v.sourceModel}`,
      );
      expect(v.source, key).toContain(`; setting: ${v.setting.label}, not the model's default)`);
    }
  });

  it('holds the ladders the reasoning work needs, e.g. GPT-5.1 and Claude Opus 4.6', () => {
    const ladder = (modelId: string) =>
      QUALITY_VARIANTS.filter((v) => v.modelId === modelId && v.benchmark === 'livebench-2026-01')
        .map((v) => [v.setting.effort, v.score])
        .sort();
    // With the default (none, 42.65) in the catalog: low 59.95, medium 69.17, high 72.04.
    expect(ladder('gpt-5.1')).toEqual([
      ['high', 72.04],
      ['low', 59.95],
      ['medium', 69.17],
    ]);
    expect(ladder('claude-opus-4-6')).toEqual([['high', 76.33]]);
    expect(
      QUALITY_VARIANTS.find((v) => v.sourceModel === 'claude-opus-4-6-thinking-auto-high-effort'),
    ).toMatchObject({ setting: { thinking: 'adaptive', effort: 'high' }, asOf: '2026-02-07' });
  });
});
