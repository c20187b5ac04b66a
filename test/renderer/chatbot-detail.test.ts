import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../core/format.ts';
import { WEEKS_PER_MONTH } from '../../core/units.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { candidateFacts } from '../../renderer/features/details/candidate-facts.ts';

// Issue 16: the chatbot story no longer recommends one bare card without server, staff or spare,
// and the recommendation and its numbers are explained in its detail.
describe('the chatbot story’s pick, in its detail', () => {
  const parsed = parseScenario(JSON.parse(readFileSync('examples/chatbot.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  const e = evaluateScenario({ ...readSeed(), discounts: [] }, parsed.scenario);
  if (!e.ok) throw new Error(e.error);
  const rec = e.result.row(e.result.recommended);
  const sections = candidateFacts(rec, e.index);
  const how = sections.find((s) => s.title === 'How the cost is made');
  const fact = (label: string) => how?.facts.find((f) => f.label === label)?.value;

  it('is not one bare card: a spare, staff and the running costs, each said with its arithmetic', () => {
    if (rec.selfHost === null) {
      // A hosted API pick has no fleet: nothing to staff or keep spare.
      expect(rec.kind).toBe('api');
      return;
    }
    // Production (no stage): N+1.
    expect(rec.selfHost.reserveReplicas).toBe(1);
    expect(rec.selfHost.replicasPeak).toBeGreaterThan(1);
    expect(fact('Fleet at peak')).toContain(
      '1 spare replica kept warm for availability (production N+1)',
    );
    // Rented: 0.25 FTE × $151,400 a year ÷ 12 = $3,154.17 a month.
    expect(rec.breakdown.staffUsd).toBeCloseTo((0.25 * 151_400) / 12, 6);
    expect(fact('Operations staff')).toBe('0.25 FTE × $151,400 a year ÷ 12 = $3,154 a month');
    // 40,000 a day × 365/12 days × 0.0001 GB = 121.7 GB × $0.09 = $10.95.
    expect(rec.breakdown.egressUsd).toBeCloseTo(40_000 * (365 / 12) * 0.0001 * 0.09, 9);
    expect(fact('Egress')).toBe('121.7 GB of responses a month × $0.09000/GB = $10.95');
    // The SLO at the story's p95 sizes (6,000 / 900 tokens), with the mean beside it.
    expect(rec.selfHost.p95?.ttftMs).toBeLessThanOrEqual(1500);
    expect(fact('Latency, mean / p95 size')).toContain('the SLO is checked at the p95 sizes');
  });

  it('shows the 36-month cost with the setup in it', () => {
    const cost = sections.find((s) => s.title === 'Cost')!.facts;
    const value = (label: string) => cost.find((f) => f.label === label)?.value;
    const weeks = rec.kind === 'api' ? 2 : rec.kind === 'cloud' ? 6 : 16;
    const setup = rec.kind === 'api' ? 5_000 : rec.kind === 'cloud' ? 40_000 : 150_000;
    expect(value('One-off setup')).toBe(formatUsd(setup));
    // No growth: setup + the months served after launch × the month's cost. A rented fleet
    // launches after 6 weeks: 36 − 6 ÷ 4.345 = 34.62 months (on today's pick, 40,000 + 34.62 ×
    // $5,408.32 = $227,232).
    const served = 36 - weeks / WEEKS_PER_MONTH;
    expect(rec.tcoUsd).toBeCloseTo(setup + served * rec.monthlyUsd!, 4);
    expect(value('Cost over the horizon (TCO)')).toBe(formatUsd(rec.tcoUsd));
  });
});
