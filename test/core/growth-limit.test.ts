import { describe, expect, it } from 'vitest';
import { readSeed } from '../../electron/db/seed-files.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { growthIssue } from '../../core/schema/growth-limit.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import { workload } from '../support/fixtures.ts';

// 1,500,000 requests a month; the most a workload may state is 1e12. Over 120 months the volume
// compounds 119 times: the most growth is (1e12 ÷ 1.5e6)^(1/119) − 1 = e^(ln(666,667)/119) − 1
// = e^(13.41/119) − 1 = e^0.11269 − 1 = 11.93 % a month.
const base = workload({ requests: { count: 1_500_000, per: 'month' } });

describe('growth compounded over the horizon', () => {
  it('may not carry the volume past what the volume field allows', () => {
    expect(growthIssue({ ...base, monthlyGrowthPct: 11.9 }, 120)).toBeNull();
    expect(growthIssue({ ...base, monthlyGrowthPct: 12 }, 120)).toBe(
      '12% a month for 120 months grows 1,500,000 requests a month past 1,000,000,000,000, the most a workload may have; over this horizon growth can be at most 11.9% a month',
    );
    // The same growth over 36 months compounds 35 times: 1.5e6 × 1.12^35 = 79 million, fine.
    expect(growthIssue({ ...base, monthlyGrowthPct: 12 }, 36)).toBeNull();
    // Decline and no volume never grow past anything.
    expect(growthIssue({ ...base, monthlyGrowthPct: -50 }, 120)).toBeNull();
  });

  it('is refused in a scenario file by field, and in an edited draft by the engine', () => {
    const scenario = {
      schemaVersion: 2,
      name: 'growth',
      workload: { ...base, monthlyGrowthPct: 1000 },
      value: { horizonMonths: 120 },
      sweep: { api: {} },
    };
    const parsed = Scenario.safeParse(scenario);
    expect(parsed.success).toBe(false);
    expect(describeZodError(parsed.error!)).toMatch(
      /^workload\.monthlyGrowthPct: 1000% a month for 120 months grows 1,500,000 requests a month past/,
    );
    // The app evaluates its draft without parsing it again: the engine refuses it the same way.
    const draft = Scenario.parse({ ...scenario, workload: base });
    const edited = { ...draft, workload: { ...draft.workload, monthlyGrowthPct: 1000 } };
    const evaluation = evaluateScenario({ ...readSeed(), discounts: [] }, edited);
    expect(evaluation.ok).toBe(false);
    expect(evaluation.ok ? '' : evaluation.error).toMatch(/^workload\.monthlyGrowthPct: 1000%/);
  });
});
