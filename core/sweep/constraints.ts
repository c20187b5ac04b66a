import { formatUsdWhole } from '../format.ts';
import { greatCircleKm, networkRttMs } from '../network.ts';
import { BENCHMARK_INFO } from '../quality.ts';
import type { Benchmark, Region } from '../schema/catalog.ts';
import type { ResidencyZone } from '../schema/common.ts';
import { largestPromptTokens } from '../workload/task.ts';
import type { EvalContext } from './context.ts';

/** Residency: allowed when no zone is required, the zone is listed, or the site is the user's own. */
export function residencyReason(
  ctx: EvalContext,
  residency: ResidencyZone | 'own',
  regionId: string | null,
): string | null {
  const w = ctx.workload;
  if (residency !== 'own' && w.residency.length > 0 && !w.residency.includes(residency)) {
    return `outside residency: processed in '${residency}', allowed ${w.residency.join(', ')}`;
  }
  if (
    w.regions.length > 0 &&
    residency !== 'own' &&
    (regionId === null || !w.regions.includes(regionId))
  ) {
    return `outside the allowed regions (${regionId ?? 'provider-routed'})`;
  }
  return null;
}

/** Minimum quality: a model without a score on the benchmark cannot be shown to meet it. */
export function qualityReason(ctx: EvalContext, quality: number | null): string | null {
  const min = ctx.workload.minQuality;
  if (min === undefined) return null;
  if (quality === null) {
    return min.includeUnknown
      ? null
      : `no ${benchmarkName(min.benchmark)} score to check the minimum quality`;
  }
  if (quality < min.score) {
    return `quality ${quality.toFixed(1)} below the minimum ${min.score} (${benchmarkName(min.benchmark)})`;
  }
  return null;
}

/** A benchmark's name with its snapshot, as messages and the workload form show it. */
export function benchmarkName(b: Benchmark): string {
  return BENCHMARK_INFO[b].name;
}

/**
 * The context window must hold the p95 prompt, the p95 output and the hidden reasoning (it is in
 * the context while the answer is written); a task's largest turn the same way.
 */
export function contextReason(
  ctx: EvalContext,
  contextTokens: number | undefined,
  reasoningTokens = 0,
): string | null {
  if (contextTokens === undefined) return null;
  const w = ctx.workload;
  const output = (w.outputTokens.p95 ?? w.outputTokens.mean) + reasoningTokens;
  const what = reasoningTokens > 0 ? 'prompt + output + reasoning' : 'prompt + output';
  if (w.task !== undefined) {
    const need = largestPromptTokens(w) + output;
    return need > contextTokens
      ? `the task's largest turn (${what}, ${Math.round(need)} tokens) exceeds the ${contextTokens}-token context window`
      : null;
  }
  const need = (w.inputTokens.p95 ?? w.inputTokens.mean) + output;
  return need > contextTokens
    ? `${what} (${Math.round(need)} tokens at p95) exceed the ${contextTokens}-token context window`
    : null;
}

export function budgetReason(ctx: EvalContext, monthlyUsd: number | null): string | null {
  if (ctx.maxMonthlyUsd === undefined || monthlyUsd === null) return null;
  return monthlyUsd > ctx.maxMonthlyUsd
    ? `over budget: ${formatUsdWhole(monthlyUsd)} > ${formatUsdWhole(ctx.maxMonthlyUsd)} a month`
    : null;
}

export function staleWarning(ctx: EvalContext, asOf: string, what: string): string | null {
  return ctx.staleBefore !== undefined && asOf < ctx.staleBefore
    ? `${what} dated ${asOf} (stale)`
    : null;
}

/** Network round trip from the user's location to a region, ms; 0 when either is unknown. */
export function rttToRegionMs(ctx: EvalContext, region: Region | undefined): number {
  const user = ctx.workload.userLocation;
  if (user === undefined || region === undefined) return 0;
  return networkRttMs(
    greatCircleKm(user.latitude, user.longitude, region.latitude, region.longitude),
  );
}
