import { describe, expect, it } from 'vitest';
import { ttftBasis } from '../../renderer/features/details/candidate-facts.ts';
import { prefixCapWarning } from '../../renderer/features/workload/prefix-cap.ts';
import { withPromptMean } from '../../core/workload/derive.ts';
import { workload } from '../support/fixtures.ts';

const api = (
  source: 'published' | 'measured' | null,
  ttftMs: number | null,
  tpotMs: number | null,
) =>
  ({ kind: 'api', ttftMs, tpotMs, api: { latencySource: source } }) as Parameters<
    typeof ttftBasis
  >[0];

describe('the TTFT card never describes a figure it does not show', () => {
  it('a published median with a TTFT says so', () => {
    expect(ttftBasis(api('published', 420, 12.5), { ttftMs: 400 })).toBe(
      'published median, not a guarantee',
    );
  });

  it('a published row with only an output speed (GPT-5) says there is no published TTFT', () => {
    // 80 tokens/s published → 1000 / 80 = 12.5 ms per token.
    expect(ttftBasis(api('published', null, 12.5), {})).toBe(
      'no published TTFT · 12.5 ms per token (published)',
    );
  });

  it('a hidden reasoner at another effort: the TTFT exists at the default, unknown here', () => {
    expect(ttftBasis(api('published', null, 12.5), { ttftMs: 900 })).toBe(
      'unknown at this reasoning effort (the published TTFT is at the model’s default)',
    );
  });

  it('no figure at all is unknown', () => {
    expect(ttftBasis(api(null, null, null), undefined)).toBe(
      'unknown: no published or measured figure',
    );
  });
});

describe('the cacheable prefix field while the prompt is shorter', () => {
  it('warns with the costed figure, and is quiet once the prompt holds the prefix', () => {
    const w = workload({
      inputTokens: { mean: 2000 },
      promptCache: { prefixTokens: 1500, hitRate: 0.7 },
    });
    expect(prefixCapWarning(w)).toBeUndefined();
    const shrunk = withPromptMean(w, 1000, 'keep');
    expect(prefixCapWarning(shrunk)).toBe(
      'Longer than the 1,000-token mean prompt: costed as 1,000 tokens until the prompt is at least 1,500',
    );
    expect(prefixCapWarning(withPromptMean(shrunk, 2000, 'keep'))).toBeUndefined();
  });
});
