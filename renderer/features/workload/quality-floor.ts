import { benchmarkName } from '../../../core/sweep/constraints.ts';
import type { Benchmark, Model } from '../../../core/schema/catalog.ts';
import { BENCHMARK_INFO, type QualityIndex } from '../../../core/quality.ts';
import type { Workload } from '../../../core/schema/workload.ts';

export interface ScoredModel {
  modelId: string;
  name: string;
  score: number;
}

/** Models with a score on the benchmark, best first (ties by name): the "as good as" choices. */
export function scoredModels(
  quality: QualityIndex,
  models: ReadonlyMap<string, Pick<Model, 'name'>>,
  benchmark: Benchmark,
): ScoredModel[] {
  const out: ScoredModel[] = [];
  for (const [modelId, scores] of quality) {
    const score = scores.get(benchmark);
    if (score === undefined) continue;
    out.push({ modelId, name: models.get(modelId)?.name ?? modelId, score });
  }
  return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

/** The minimum quality "at least as good as" a model: its score, and the model named. */
export function floorLike(
  min: NonNullable<Workload['minQuality']>,
  model: ScoredModel,
): NonNullable<Workload['minQuality']> {
  return { ...min, score: model.score, likeModelId: model.modelId };
}

/**
 * The minimum quality on another benchmark: a score on one benchmark means nothing on another, so
 * the floor follows the model it was set from when that model has a score there; else it starts
 * at the benchmark's median model (a floor that keeps out the weaker half).
 */
export function floorOnBenchmark(
  min: Workload['minQuality'],
  benchmark: Benchmark,
  models: readonly ScoredModel[],
): NonNullable<Workload['minQuality']> {
  const like = models.find((m) => m.modelId === min?.likeModelId);
  const includeUnknown = min?.includeUnknown ?? false;
  if (like !== undefined)
    return { benchmark, score: like.score, includeUnknown, likeModelId: like.modelId };
  const median = models[Math.floor(models.length / 2)];
  return median === undefined
    ? { benchmark, score: BENCHMARK_INFO[benchmark].defaultMinimum, includeUnknown }
    : { benchmark, score: median.score, includeUnknown, likeModelId: median.modelId };
}

/** "GPT-4o mini's score (LMArena text)", shown next to the threshold. */
export function floorHint(
  min: NonNullable<Workload['minQuality']>,
  models: readonly ScoredModel[],
): string {
  const like = models.find((m) => m.modelId === min.likeModelId);
  const on = benchmarkName(min.benchmark);
  return like === undefined
    ? `A score on ${on}; or pick a model above`
    : `As good as ${like.name} (${like.score} on ${on})`;
}
