import { describe, expect, it } from 'vitest';
import { apiCost } from '../../core/pricing/api-cost.ts';
import { workloadFacts } from '../../core/report/report-assumptions.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { prefixTokensCosted, withPromptMean, workloadRates } from '../../core/workload/derive.ts';
import type { Workload } from '../../core/schema/workload.ts';
import { offering, workload } from '../support/fixtures.ts';
import { workedExampleScenario } from '../support/scenarios.ts';

const monthly = (w: Workload) => apiCost(offering(), w, workloadRates(w)).monthlyUsd;

describe('a prompt shorter than the cacheable prefix', () => {
  it('costs the whole prompt as the prefix, and the stated prefix comes back with the prompt', () => {
    // The worked example: 1,800-token prompts with a 1,200-token prefix, $11,015.19 a month.
    const start = workload();
    expect(monthly(start)).toBeCloseTo(11_015.19, 2);
    // Shrunk to 1,100 tokens: the prefix is costed as the whole 1,100-token prompt.
    // Hit 1,100×0.30 + 350×15 = 5,580 µ$; miss 1,100×3.75 + 5,250 = 9,375 µ$;
    // standard 0.6×5,580 + 0.4×9,375 = 7,098 µ$; batch at half 3,549 µ$;
    // blend 0.8×7,098 + 0.2×3,549 = 6,388.2 µ$ × 1,350,000 billed = $8,624.07.
    const shrunk = withPromptMean(start, 1100, 'keep');
    expect(shrunk.promptCache.prefixTokens).toBe(1200);
    expect(prefixTokensCosted(shrunk)).toBe(1100);
    expect(monthly(shrunk)).toBeCloseTo(8_624.07, 2);
    // Back to 1,800 (and through 1 token on the way): the same $11,015.19, not the
    // $11,175.57 a prefix cut to 1,100 would cost (hit 700×3 + 1,100×0.30 + 5,250 = 7,680 µ$).
    const tiny = withPromptMean(shrunk, 1, 'keep');
    expect(prefixTokensCosted(tiny)).toBe(1);
    const back = withPromptMean(tiny, 1800, 'keep');
    expect(back.promptCache).toEqual(start.promptCache);
    expect(monthly(back)).toBeCloseTo(11_015.19, 2);
  });

  it('a scenario file may state a prefix longer than the prompt; the report says how it is costed', () => {
    const file = workedExampleScenario() as { workload: Record<string, unknown> };
    file.workload['promptCache'] = { prefixTokens: 5000, hitRate: 0.6 };
    const parsed = parseScenario(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const w = parsed.scenario.workload;
    // Kept as the file says, so saving it again writes 5,000.
    expect(w.promptCache.prefixTokens).toBe(5000);
    // Costed as the 1,800-token prompt: hit 1,800×0.30 + 5,250 = 5,790 µ$; miss 1,800×3.75 +
    // 5,250 = 12,000 µ$; standard 0.6×5,790 + 0.4×12,000 = 8,274 µ$; batch 4,137 µ$;
    // blend 0.8×8,274 + 0.2×4,137 = 7,446.6 µ$ × 1,350,000 = $10,052.91.
    expect(monthly(w)).toBeCloseTo(10_052.91, 2);
    const facts = workloadFacts(parsed.scenario, workloadRates(w)).facts;
    expect(facts.find((f) => f.label === 'Prompt cache')?.value).toBe(
      'cacheable prefix 5,000 tokens, costed as 1,800 (the whole mean prompt), 60% prompt-cache hits, 1 distinct prefix',
    );
  });
});
