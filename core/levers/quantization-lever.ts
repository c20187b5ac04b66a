import { formatNumber } from '../format.ts';
import { computeMode } from '../perf/precision.ts';
import type { Precision } from '../schema/common.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { CatalogIndex } from '../sweep/catalog-index.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { compare, evaluateWhatIf, type Lever } from './lever.ts';

/** The next precision down for a self-hosted candidate at the workload's precision; null if none. */
export function lowerPrecision(rec: CandidateResult, precision: Precision): Precision | null {
  if (rec.placement.kind !== 'cloud' && rec.placement.kind !== 'onprem') return null;
  if (rec.placement.precision !== undefined) return null;
  const next: Partial<Record<Precision, Precision>> = {
    fp16: 'fp8',
    bf16: 'fp8',
    fp8: 'int4',
    int8: 'int4',
  };
  return next[precision] ?? null;
}

/**
 * What serving at the lower precision changed, in the engine's own figures: GPUs at peak (more,
 * not fewer, when the GPU has no math at that precision and its prefill slows), the KV cache's
 * precision when the workload leaves it to the default, and the GPU's math.
 */
export function quantizationTradeOff(
  index: CatalogIndex,
  before: CandidateResult,
  after: CandidateResult,
): string {
  const b = before.selfHost;
  const a = after.selfHost;
  if (b === null || a === null) return 'The quality delta is the catalog’s for that precision.';
  const parts = [
    a.gpusPeak === b.gpusPeak
      ? `The same ${formatNumber(a.gpusPeak)} GPUs at peak`
      : `${a.gpusPeak < b.gpusPeak ? 'Fewer' : 'More'} GPUs at peak (${formatNumber(b.gpusPeak)} → ${formatNumber(a.gpusPeak)})`,
  ];
  const gpu = index.gpus.get(a.gpuId);
  if (gpu !== undefined) {
    const mode = computeMode(gpu, a.precision);
    // H100 has FP8 tensor cores but no INT4 ones: INT4 weights are dequantized and multiplied in
    // 16-bit, at half FP8's peak before the dequantization's own cost (efficiency.ts).
    if (mode.weightOnly && mode.math !== a.precision) {
      parts.push(
        `${gpu.name} has no ${a.precision} math: the weights are dequantized and multiplied in ${mode.math === 'bf16' ? '16-bit' : mode.math}, so prompts take longer to process`,
      );
    }
  }
  if (a.kvPrecision !== b.kvPrecision) {
    parts.push(
      `the KV cache goes from ${b.kvPrecision} to ${a.kvPrecision} (the default beside ${a.precision} weights)`,
    );
  }
  return `${parts.join('; ')}. The quality delta is the catalog’s for that precision.`;
}

/** The recommendation served at the next precision down, if it is self-hosted at the workload's. */
export function quantizationLever(
  index: CatalogIndex,
  rec: CandidateResult,
  scenario: Scenario,
  horizon: number,
): Lever | null {
  const w = scenario.workload;
  const lower = lowerPrecision(rec, w.precision);
  if (lower === null) return null;
  const whatIf = { ...scenario, workload: { ...w, precision: lower } };
  const after = evaluateWhatIf(index, whatIf, rec.placement);
  if (after === null || !after.feasible) return null;
  return compare(rec, after, {
    lever: 'quantization',
    description: `Serve the weights at ${lower} instead of ${w.precision}`,
    tradeOff: quantizationTradeOff(index, rec, after),
    setupUsd: 0,
    whatIf,
    horizon,
  });
}
