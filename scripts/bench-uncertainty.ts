/**
 * The simulation's speed: 1,000 futures × the 50 best candidates (and each placement's best) of a
 * full-catalog sweep, with ranges on volume, growth, prompt and output sizes, the cache hit rate
 * and every placement's prices. Bar (issue 11): < 1 s.
 */
import { performance } from 'node:perf_hooks';
import type { Catalog } from '../core/schema/catalog.ts';
import { evaluateScenario } from '../core/scenario/evaluate.ts';
import { Scenario } from '../core/schema/scenario.ts';
import { simulationSetup } from '../core/uncertainty/setup.ts';
import { simulate } from '../core/uncertainty/simulate.ts';

export const benchScenario = Scenario.parse({
  schemaVersion: 1,
  name: 'bench: uncertainty',
  workload: {
    requests: { count: 50_000, per: 'day' },
    peakToAverage: 3,
    inputTokens: { mean: 1800, p95: 4000 },
    outputTokens: { mean: 350, p95: 900 },
    promptCache: { prefixTokens: 1200, hitRate: 0.6 },
  },
  value: { perRequest: { kind: 'timeSaved', minutesSavedPerRequest: 2, loadedUsdPerHour: 90 } },
  sweep: { api: {}, cloud: { regionChoice: 'cheapest' }, onprem: {} },
  uncertainty: {
    samples: 1000,
    inputs: {
      volume: { low: 20_000, high: 150_000 },
      promptTokens: { low: 1200, high: 3000 },
      outputTokens: { low: 200, high: 700 },
      promptCacheHitRate: { low: 0.4, high: 0.9 },
    },
    priceChange: {
      api: { low: -0.3, high: 0 },
      cloud: { low: -0.4, high: 0 },
      onprem: { low: -0.2, high: 0.1 },
    },
  },
});

export interface UncertaintyBench {
  /** Wall-clock ms of a run whose replica levels are new (a fresh evaluation), median of 3. */
  uncertaintyMs: number;
  /** CPU ms of the same runs (less sensitive to other processes on a shared machine). */
  uncertaintyCpuMs: number;
  /** Wall-clock ms of a run repeated with its replica levels known, median of 3. */
  uncertaintyWarmMs: number;
  uncertaintySamples: number;
  uncertaintyCandidates: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function setupFor(catalog: Catalog, seed: number) {
  const evaluation = evaluateScenario(catalog, benchScenario);
  if (!evaluation.ok) throw new Error(evaluation.error);
  const setup = simulationSetup(evaluation, benchScenario, { seed });
  if (!setup.ok) throw new Error(setup.error);
  return setup.setup;
}

function timed<T>(fn: () => T): { wallMs: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

export function runUncertaintyBench(catalog: Catalog): UncertaintyBench {
  simulate(setupFor(catalog, 99)); // warm-up (JIT), not timed
  const cold: { wallMs: number; cpuMs: number }[] = [];
  const warm: number[] = [];
  let samples = 0;
  let candidates = 0;
  for (let i = 0; i < 3; i++) {
    // A fresh evaluation: replicas are sized afresh at every level of the ranges.
    const setup = setupFor(catalog, 1 + i);
    const layouts = new Map();
    const first = timed(() => simulate(setup, { bestCapacityCache: layouts }));
    cold.push(first);
    samples = first.value.samples;
    candidates = first.value.candidates.length;
    warm.push(timed(() => simulate(setup, { bestCapacityCache: layouts })).wallMs);
  }
  return {
    uncertaintyMs: Math.round(median(cold.map((c) => c.wallMs))),
    uncertaintyCpuMs: Math.round(median(cold.map((c) => c.cpuMs))),
    uncertaintyWarmMs: Math.round(median(warm)),
    uncertaintySamples: samples,
    uncertaintyCandidates: candidates,
  };
}

export function printUncertaintyBench(b: UncertaintyBench): void {
  console.log(
    `uncertainty              ${b.uncertaintyMs} ms (${b.uncertaintyCpuMs} ms CPU), ${b.uncertaintyWarmMs} ms with replica levels known  (bar 1,000 ms; ${b.uncertaintySamples} futures × ${b.uncertaintyCandidates} candidates)`,
  );
}
