import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breakdownChart } from '../../core/charts/chart-data.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { readSeed } from '../../electron/db/seed-files.ts';

describe('cost breakdown bars', () => {
  it('name the instance of two bars that would otherwise read the same', () => {
    // uncertainty.json: Gemma 3 12B on GCP's g2-standard-4 and g2-standard-8, both one L4 in
    // us-east4 on demand, read "Gemma 3 12B · NVIDIA L4 / GCP (us-east4, on-demand)" alike.
    const parsed = parseScenario(JSON.parse(readFileSync('examples/uncertainty.json', 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    const e = evaluateScenario({ ...readSeed(), discounts: [] }, parsed.scenario, {
      asOf: '2026-12-02',
    });
    if (!e.ok) throw new Error(e.error);
    const labels = breakdownChart(e, [e.result.recommended]).labels.map((l) =>
      Array.isArray(l) ? l.join(' / ') : l,
    );
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('Gemma 3 12B · NVIDIA L4 / GCP g2-standard-4 (us-east4, on-demand)');
    expect(labels).toContain('Gemma 3 12B · NVIDIA L4 / GCP g2-standard-8 (us-east4, on-demand)');
    // A bar no other reads like keeps the short form.
    expect(labels).toContain('Gemma 3 12B · NVIDIA L4 / AWS (us-east-1, on-demand)');
  });
});
