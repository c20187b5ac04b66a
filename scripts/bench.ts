/**
 * Engine speed on this machine. `npm run bench` prints a summary with each bar and whether it
 * holds; `npm run -s bench -- --json` ends with one JSON line: { apiEvalsPerSec, sweepMs, … }.
 * Bars (issue 7, on the 2-core machine): ≥ 5,000,000 API and ≥ 2,000,000 self-host evaluations/s;
 * a full-catalog sweep (~60,000 candidates) < 30 ms; the same sweep with monthly growth < 60 ms.
 * The machine is shared, so wall-clock figures are noisy: each is shown with the CPU time of this
 * process (`process.cpuUsage`), and a bar is judged on the best of several runs.
 */
import { exitQuietlyOnClosedPipe } from './cli/closed-pipe.ts';
import { performance } from 'node:perf_hooks';
import { apiCost } from '../core/pricing/api-cost.ts';
import {
  replicaCapacity,
  selfHostP95Shape,
  selfHostShape,
  type ReplicaCapacity,
} from '../core/selfhost/capacity.ts';
import { cloudCost } from '../core/selfhost/cloud-cost.ts';
import { deploymentTerms } from '../core/selfhost/deployment.ts';
import { Operations } from '../core/schema/operations.ts';
import type { RequestShape } from '../core/perf/serving.ts';
import type { OpenModel } from '../core/schema/catalog.ts';
import { ValueAssumptions } from '../core/schema/value.ts';
import { Workload } from '../core/schema/workload.ts';
import { CandidateSweep } from '../core/schema/scenario.ts';
import { indexCatalog } from '../core/sweep/catalog-index.ts';
import { sweepPlacements } from '../core/sweep/candidates.ts';
import { makeContext } from '../core/sweep/context.ts';
import { ObjectPairCache } from '../core/sweep/object-cache.ts';
import { sweep } from '../core/sweep/sweep.ts';
import { workloadRates } from '../core/workload/derive.ts';
import { readSeed } from '../electron/db/seed-files.ts';
import { printDbBench, runDbBench } from './bench-db.ts';
import { printUncertaintyBench, runUncertaintyBench } from './bench-uncertainty.ts';

const workload = Workload.parse({
  requests: { count: 50_000, per: 'day' },
  peakToAverage: 3,
  inputTokens: { mean: 1800, p95: 4000 },
  outputTokens: { mean: 350, p95: 900 },
  promptCache: { prefixTokens: 1200, hitRate: 0.6 },
  responseCacheHitRate: 0.1,
  batchShare: 0.2,
  precision: 'fp8',
  slo: { ttftMs: 800 },
});
const value = ValueAssumptions.parse({
  perRequest: { kind: 'timeSaved', minutesSavedPerRequest: 2, loadedUsdPerHour: 90 },
});

/** CPU time of this process so far, in ms (user + system). */
function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** A rate by wall clock and by this process's CPU time. */
interface Rate {
  perSec: number;
  perCpuSec: number;
}

/**
 * Operations per second (each call of `fn` does `perCall`): the best of several rounds of at
 * least `ms` each, by wall clock and by CPU time.
 */
function rate(fn: () => number, perCall: number, ms = 500, rounds = 3): Rate {
  let sink = 0;
  for (let i = 0; i < 3; i++) sink += fn(); // warm-up (JIT)
  const best = { perSec: 0, perCpuSec: 0 };
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    const cpuStart = cpuMs();
    let calls = 0;
    while (performance.now() - start < ms) {
      sink += fn();
      calls++;
    }
    const elapsed = performance.now() - start;
    const cpu = Math.max(cpuMs() - cpuStart, 1e-3);
    best.perSec = Math.max(best.perSec, (calls * perCall) / (elapsed / 1000));
    best.perCpuSec = Math.max(best.perCpuSec, (calls * perCall) / (cpu / 1000));
  }
  if (sink === 42.4242) console.log(''); // keep the work observable
  return best;
}

/** Times `fn` by wall clock and CPU time. */
function timed(fn: () => void): { wallMs: number; cpuMs: number } {
  const start = performance.now();
  const cpuStart = cpuMs();
  fn();
  return { wallMs: performance.now() - start, cpuMs: cpuMs() - cpuStart };
}

/**
 * A bar's verdict: met by the best wall-clock run, or only by CPU time (other processes held the
 * cores), or not met.
 */
function verdict(wallMet: boolean, cpuMet: boolean): string {
  if (wallMet) return 'pass';
  return cpuMet ? 'pass on CPU time (wall clock over: machine busy)' : 'FAIL';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function main(): void {
  exitQuietlyOnClosedPipe();
  // The engine on the shipped seed catalog (the database holds the same rows; bench-db times it).
  const catalog = { ...readSeed(), discounts: [] };
  const index = indexCatalog(catalog);
  const rates = workloadRates(workload);
  const offerings = catalog.offerings;

  const apiEvalsPerSec = rate(() => {
    let total = 0;
    for (const o of offerings) total += apiCost(o, workload, rates, 0).monthlyUsd;
    return total;
  }, offerings.length);

  // Self-host: one replica sized for the SLO (spec, memory, SLO search, saturation) and costed.
  const models = catalog.models.filter(
    (m): m is OpenModel => m.openWeights && m.arch !== undefined,
  );
  const instances = catalog.instances.slice(0, 200);
  const configs = instances
    .flatMap((instance) =>
      models.slice(0, 6).map((model) => ({ instance, model, gpu: index.gpus.get(instance.gpuId) })),
    )
    .filter((c) => c.gpu !== undefined);
  const shape = selfHostShape(workload);
  const operations = Operations.parse({});
  // One self-host evaluation: capacity and cost. With p95 sizes the SLO is checked on requests of
  // that size (a binary search where the mean size often meets the SLO at full concurrency), so
  // the two are measured apart: the mean-only figure compares with earlier runs.
  const selfHostRate = (sloShape: RequestShape | null) => {
    const capacityOf = (c: (typeof configs)[number]) =>
      replicaCapacity(
        { model: c.model, gpu: c.gpu!, tp: c.instance.gpuCount, precision: 'fp8', engine: 'vllm' },
        shape,
        workload.slo,
        0,
        sloShape,
      );
    // Only configurations that fit and meet the SLO: each runs the whole SLO search and costing.
    const fitting = configs.filter((c) => capacityOf(c).ok);
    const evalsPerSec = rate(() => {
      let total = 0;
      for (const c of fitting) {
        const cap = capacityOf(c);
        if (!cap.ok) continue;
        const placement = {
          kind: 'cloud',
          instanceId: c.instance.id,
          modelId: c.model.id,
          pricing: 'onDemand',
          engine: 'vllm',
          targetUtilization: 0.8,
          minReplicas: 1,
          scaling: 'autoscale',
        } as const;
        const weightsGiB = cap.weightsGBPerGpu * cap.tp;
        const terms = deploymentTerms(operations, true, placement, workload, weightsGiB);
        const cost = cloudCost(placement, c.instance, cap, workload, rates, terms);
        if (cost.ok) total += cost.monthlyUsd;
      }
      return total;
    }, fitting.length);
    return { evalsPerSec, configs: fitting.length };
  };
  const meanOnly = selfHostRate(null);
  const atP95 = selfHostRate(selfHostP95Shape(workload));
  const selfHostEvalsPerSec = meanOnly.evalsPerSec;

  // A full-catalog sweep: every offering, every open model on every instance (on-demand),
  // every open model on every GPU owned. Cold = fresh capacity cache; warm = kept (what-if moves).
  const placements = sweepPlacements(
    index,
    CandidateSweep.parse({ api: {}, cloud: { pricing: ['onDemand'] }, onprem: {} }),
  );
  const cold: { wallMs: number; cpuMs: number }[] = [];
  const warm: number[] = [];
  const cache = new ObjectPairCache<ReplicaCapacity>();
  let candidates = 0;
  let feasible = 0;
  for (let i = 0; i < 9; i++) {
    cold.push(
      timed(() => {
        const r = sweep(makeContext(index, workload, value), placements);
        candidates = r.columns.size;
        feasible = r.feasibleCount;
      }),
    );
    const scaled = { ...workload, requests: { count: 50_000 + i * 1000, per: 'day' as const } };
    const t = performance.now();
    sweep(makeContext(index, scaled, value, { capacityCache: cache }), placements);
    warm.push(performance.now() - t);
  }
  // With monthly growth every candidate's ROI re-costs each month of the horizon at its volume.
  const growing = Workload.parse({ ...workload, monthlyGrowthPct: 5 });
  const growth: { wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < 7; i++) {
    growth.push(timed(() => sweep(makeContext(index, growing, value), placements)));
  }
  // The first runs warm the JIT: the bars take the best of the rest.
  const best = (runs: { wallMs: number; cpuMs: number }[]) => ({
    wallMs: Math.min(...runs.slice(2).map((r) => r.wallMs)),
    cpuMs: Math.min(...runs.slice(2).map((r) => r.cpuMs)),
  });
  const sweepBest = best(cold);
  const growthBest = best(growth);
  const fixed = (x: number) => Number(x.toFixed(1));
  const result = {
    apiEvalsPerSec: Math.round(apiEvalsPerSec.perSec),
    apiEvalsPerCpuSec: Math.round(apiEvalsPerSec.perCpuSec),
    selfHostEvalsPerSec: Math.round(selfHostEvalsPerSec.perSec),
    selfHostEvalsPerCpuSec: Math.round(selfHostEvalsPerSec.perCpuSec),
    selfHostP95EvalsPerSec: Math.round(atP95.evalsPerSec.perSec),
    selfHostP95Configs: atP95.configs,
    sweepMs: fixed(median(cold.map((r) => r.wallMs))),
    sweepBestMs: fixed(sweepBest.wallMs),
    sweepCpuMs: fixed(sweepBest.cpuMs),
    sweepWarmMs: fixed(median(warm.slice(1))),
    sweepGrowthMs: fixed(median(growth.map((r) => r.wallMs))),
    sweepGrowthBestMs: fixed(growthBest.wallMs),
    sweepGrowthCpuMs: fixed(growthBest.cpuMs),
    sweepCandidates: candidates,
    sweepFeasible: feasible,
    offerings: offerings.length,
    instances: catalog.instances.length,
    openModels: models.length,
    selfHostConfigs: meanOnly.configs,
  };
  if (!process.argv.includes('--json') || process.argv.includes('--verbose')) {
    const n = (x: number) => x.toLocaleString('en-US');
    const atLeast = (r: Rate, bar: number) => verdict(r.perSec >= bar, r.perCpuSec >= bar);
    const under = (b: { wallMs: number; cpuMs: number }, bar: number) =>
      verdict(b.wallMs < bar, b.cpuMs < bar);
    console.log(
      `API evaluations/s        ${n(result.apiEvalsPerSec)} wall, ${n(result.apiEvalsPerCpuSec)} per CPU s  (bar ≥ 5,000,000: ${atLeast(apiEvalsPerSec, 5_000_000)})`,
    );
    console.log(
      `self-host evaluations/s  ${n(result.selfHostEvalsPerSec)} wall, ${n(result.selfHostEvalsPerCpuSec)} per CPU s  (bar ≥ 2,000,000: ${atLeast(selfHostEvalsPerSec, 2_000_000)})`,
    );
    console.log(
      `  with the SLO at p95    ${n(result.selfHostP95EvalsPerSec)}  (${result.selfHostP95Configs} configurations)`,
    );
    console.log(
      `full sweep               ${result.sweepBestMs} ms best, ${result.sweepMs} ms median, ${result.sweepCpuMs} ms CPU; ${result.sweepWarmMs} ms warm  (bar < 30 ms: ${under(sweepBest, 30)}; ${candidates} candidates, ${feasible} feasible)`,
    );
    console.log(
      `full sweep, 5%/mo growth ${result.sweepGrowthBestMs} ms best, ${result.sweepGrowthMs} ms median, ${result.sweepGrowthCpuMs} ms CPU  (bar < 60 ms: ${under(growthBest, 60)}; ROI re-costs every month)`,
    );
  }
  const uncertainty = runUncertaintyBench(catalog);
  if (!process.argv.includes('--json') || process.argv.includes('--verbose')) {
    printUncertaintyBench(uncertainty);
  }
  const db = runDbBench();
  if (!process.argv.includes('--json') || process.argv.includes('--verbose')) printDbBench(db);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...result, ...uncertainty, ...db }));
  }
}

main();
