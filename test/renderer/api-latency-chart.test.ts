import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { costLatencyPoints } from '../../core/charts/scatter-data.ts';

// Issue 8: a hosted API with a published latency is plotted on the latency chart; one without is
// never drawn as if it had one, and is counted.
const catalog = { ...readSeed(), discounts: [] };

function apiLatency(includeUnknown: boolean) {
  const parsed = parseScenario(JSON.parse(readFileSync('examples/api-latency.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  const s = parsed.scenario;
  const e = evaluateScenario(
    catalog,
    Scenario.parse({
      ...s,
      workload: { ...s.workload, slo: { ...s.workload.slo, includeUnknown } },
    }),
  );
  if (!e.ok) throw new Error(e.error);
  return e;
}

describe('hosted APIs on the latency chart', () => {
  it('plots a published median: GPT-4.1 mini at 930 ms + 349 tokens at 77.2 tokens/s', () => {
    const e = apiLatency(false);
    const pts = costLatencyPoints(e);
    const ids = pts.byKind.api.map((p) => e.result.row(p.index).id);
    expect(ids).toContain('api:openai/gpt-4.1-mini');
    const mini = pts.byKind.api[ids.indexOf('api:openai/gpt-4.1-mini')]!;
    // End to end: 930 + 349 × 1000 ÷ 77.2 = 930 + 4,520.73 = 5,450.73 ms → 5.451 s on the chart.
    expect(mini.y).toBeCloseTo((930 + (349 * 1000) / 77.2) / 1000, 9);
    expect(pts.unknownLatency).toBe(0);
  });

  it('included without a figure, an API is counted as unknown, never drawn', () => {
    const e = apiLatency(true);
    const pts = costLatencyPoints(e);
    const rows = e.result.rankedRows().filter((r) => r.feasible);
    const unknown = rows.filter((r) => r.latencyStatus === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(pts.unknownLatency).toBe(unknown.length);
    const drawn = new Set(
      [...pts.byKind.api, ...pts.byKind.cloud, ...pts.byKind.onprem].map(
        (p) => e.result.row(p.index).id,
      ),
    );
    expect(unknown.filter((r) => drawn.has(r.id))).toEqual([]);
    expect(drawn.size + pts.omitted + pts.unknownLatency).toBe(rows.length);
  });
});
