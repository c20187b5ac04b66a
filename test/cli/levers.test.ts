import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';

useDataDirEnv(beforeAll, afterAll);
const cost = (...args: string[]) =>
  JSON.parse(run(['cost', '--scenario', 'examples/routing.json', '--format', 'json', ...args]));

describe('examples/routing.json', () => {
  it('a cascade of a small open model and a frontier API beats both alone', () => {
    const out = cost();
    const byId = (id: string) => out.candidates.find((c: { id: string }) => c.id === id);
    const gemma = byId('api:deepinfra/google/gemma-3-12b-it');
    const gpt = byId('api:openai/gpt-4.1');
    const cascade = out.candidates.find((c: { kind: string }) => c.kind === 'route');
    // 30,000 a day × 365 ÷ 12 = 912,500 requests a month.
    // Gemma 3 12B (no prompt cache): 1,800 × $0.05 + 300 × $0.10 = 120 µ$ → $109.50 a month, but
    // its LMArena score 1,335 is under the 1,345 minimum.
    expect(gemma.monthlyUsd).toBeCloseTo(109.5, 6);
    expect(gemma.feasible).toBe(false);
    // GPT-4.1 with 60 % prompt-cache hits on a 1,200-token prefix: hit 600 × 2 + 1,200 × 0.5 +
    // 300 × 8 = 4,200 µ$; miss 1,800 × 2 + 300 × 8 = 6,000 µ$; 0.6 × 4,200 + 0.4 × 6,000 =
    // 4,920 µ$ → $4,489.50 a month.
    expect(gpt.monthlyUsd).toBeCloseTo(4_489.5, 6);
    // Cascade: every request to Gemma ($109.50) + 30 % to GPT-4.1 (0.3 × 4,489.50 = 1,346.85) +
    // the router 912,500 × $0.00000332 = 3.0295 → $1,459.3795 a month.
    expect(cascade.monthlyUsd).toBeCloseTo(1_459.3795, 4);
    expect(cascade.placement.small).toEqual({
      kind: 'api',
      offeringId: 'deepinfra/google/gemma-3-12b-it',
    });
    expect(cascade.route.small.id).toBe('api:deepinfra/google/gemma-3-12b-it');
    expect(cascade.route.large.id).toBe('api:openai/gpt-4.1');
    // Quality 0.7 × 1,335 + 0.3 × 1,380 = 1,348.5 ≥ 1,345.
    expect(cascade.quality).toBeCloseTo(0.7 * 1335 + 0.3 * 1380, 6);
    expect(out.recommended).toBe(cascade.id);
    expect(out.levers).toBeUndefined();
  });

  it('--levers adds the ranked savings list with the contract’s field names', () => {
    const out = cost('--levers');
    expect(out.levers.length).toBeGreaterThanOrEqual(2);
    for (const l of [...out.levers, ...out.leversNotWorthIt]) {
      expect(Object.keys(l)).toEqual(
        expect.arrayContaining([
          'lever',
          'description',
          'monthlySavingUsd',
          'tcoSavingUsd',
          'ttftDeltaMs',
          'qualityDelta',
          'setupUsd',
        ]),
      );
    }
    const tco = out.levers.map((l: { tcoSavingUsd: number }) => l.tcoSavingUsd);
    expect(tco).toEqual([...tco].sort((a, b) => b - a));
    // Offered as savings only when they save over the horizon (the scenario ranks by TCO).
    for (const saving of tco) expect(saving).toBeGreaterThan(0);
    const ft = out.leversNotWorthIt.find((l: { lever: string }) => l.lever === 'fine-tuning');
    // Training: 2M tokens × 3 epochs × $5/MTok (GPT-4.1 mini) = $30 a run; + $8,000 engineering.
    expect(ft.setupUsd).toBeCloseTo(8_030, 9);
    expect(ft.tcoSavingUsd).toBeLessThan(0);
    expect(ft.reason).toMatch(/^saves \$[\d.,]+ a month, too little to pay back its \$8,030 setup/);
  });

  it('the cascade’s vendor concentration counts its one setup once', () => {
    const out = cost();
    // 24 months less 2 weeks to launch: 24 − 14 ÷ (365 ÷ 12) = 23.5397 months served.
    // OpenAI (30 % escalated): 1,346.85 × 23.5397 = $31,704.48; DeepInfra: 109.50 × 23.5397 =
    // $2,577.60. Share with OpenAI: 31,704.48 ÷ (31,704.48 + 2,577.60) = 92.48 % → 92 %.
    // (With each arm's horizon cost carrying the $5,000 setup the route pays once:
    // 36,704.48 ÷ 44,282.08 = 83 %.)
    expect(out.concentration.vendor).toBe('openai');
    expect(out.concentration.share).toBeCloseTo(31_704.48 / (31_704.48 + 2_577.6), 4);
    expect(out.concentration.summary).toMatch(
      /^The recommended plan puts 92% of its horizon cost with OpenAI API;/,
    );
  });

  it('--levers is refused with a value', () => {
    expect(() => run(['cost', '--scenario', 'examples/routing.json', '--levers=yes'])).toThrow(
      '--levers takes no value',
    );
  });
});
