import type { Model } from '../schema/catalog.ts';
import {
  EFFORTS,
  EFFORT_LABELS,
  type Effort,
  type ModelReasoning,
  type ReasoningLevel,
} from '../schema/reasoning.ts';
import type { Workload } from '../schema/workload.ts';

/** Where a candidate's reasoning-token figure comes from. */
export type ReasoningSource =
  /** The model does not reason (or runs with reasoning off). */
  | 'none'
  /** The catalog's typical figure for the level. */
  | 'catalog'
  /** The user's own figure. */
  | 'yours'
  /**
   * The model reasons at the level, but no figure is published: the candidate is excluded, or,
   * when the user includes unknowns, counted at 0 and said.
   */
  | 'unknown';

/** A candidate's reasoning: the level it runs at and the hidden tokens each request carries. */
export interface ResolvedReasoning {
  /** The level run at; null for a model that does not reason. */
  effort: Effort | null;
  /** Hidden reasoning tokens per request (per turn of a task). */
  tokensPerRequest: number;
  from: ReasoningSource;
  /** The catalog's facts on the model; null when it does not reason. */
  model: ModelReasoning | null;
  /** The level's facts; null when the model does not reason. */
  level: ReasoningLevel | null;
  /** What the user should know: a nearest level used, an assumed default, no figure. */
  warnings: readonly string[];
}

const NONE: ResolvedReasoning = {
  effort: null,
  tokensPerRequest: 0,
  from: 'none',
  model: null,
  level: null,
  warnings: [],
};

/** The level closest to `wanted` on the effort scale (the lower one on a tie). */
function nearestLevel(r: ModelReasoning, wanted: Effort): ReasoningLevel {
  const at = EFFORTS.indexOf(wanted);
  let best = r.levels[0]!;
  for (const l of r.levels) {
    const d = Math.abs(EFFORTS.indexOf(l.effort) - at);
    if (d < Math.abs(EFFORTS.indexOf(best.effort) - at)) best = l;
  }
  return best;
}

/**
 * The reasoning a candidate runs with. The level: the candidate's own effort (effort levels
 * compared as candidates), else the user's for this model, else the workload's, else the model's
 * default; a model without the level asked runs at its nearest one. The tokens: the user's own
 * figure where it applies (not to a level compared on its own), else the catalog's typical
 * figure for the level (a multiple of the visible output, or a count), else 0 and a warning.
 */
export function resolveReasoning(
  model: Model | undefined,
  w: Workload,
  candidateEffort?: Effort,
): ResolvedReasoning {
  const r = model?.reasoning;
  if (model === undefined || r === undefined) return NONE;
  const own = w.reasoning?.perModel.find((m) => m.modelId === model.id);
  const workloadEffort = own?.effort ?? w.reasoning?.effort;
  const wanted = candidateEffort ?? workloadEffort;
  const warnings: string[] = [];
  let level: ReasoningLevel;
  if (wanted === undefined) {
    level = r.levels.find((l) => l.effort === r.defaultEffort) ?? r.levels[0]!;
    if (!r.defaultDocumented) {
      warnings.push(`default reasoning effort not documented: ${level.effort} assumed`);
    }
  } else {
    level = nearestLevel(r, wanted);
    if (level.effort !== wanted) {
      warnings.push(`offers no ${wanted} reasoning effort: ${level.effort} used`);
    }
  }
  const base = { effort: level.effort, model: r, level };
  if (level.effort === 'none') return { ...base, tokensPerRequest: 0, from: 'none', warnings };
  // The user's figure is for the workload's level: a level compared on its own keeps the catalog's.
  const yours = own?.tokensPerRequest ?? w.reasoning?.tokensPerRequest;
  const workloadLevel =
    workloadEffort === undefined ? r.defaultEffort : nearestLevel(r, workloadEffort).effort;
  if (yours !== undefined && (candidateEffort === undefined || level.effort === workloadLevel)) {
    return { ...base, tokensPerRequest: yours, from: 'yours', warnings };
  }
  const t = level.tokens;
  if (t === undefined) {
    // Excluded unless the user includes unknowns (sweep/reasoning-row.ts says why); then said here.
    if (w.reasoning?.includeUnknown) {
      warnings.push(
        `reasoning tokens unknown at ${level.effort} effort: counted as 0 (included; set your own)`,
      );
    }
    return { ...base, tokensPerRequest: 0, from: 'unknown', warnings };
  }
  const tokens = t.tokensPerRequest ?? (t.multipleOfOutput ?? 0) * w.outputTokens.mean;
  return { ...base, tokensPerRequest: tokens, from: 'catalog', warnings };
}

/** How a candidate's effort reads after its model's name ("high reasoning"). */
export function effortLabel(effort: Effort): string {
  return EFFORT_LABELS[effort];
}

/**
 * A model's score at an effort level: the level's own published score, else the model's score
 * when the level is its default (the level a general score stands for), else unknown.
 */
export function scoreAtEffort(
  r: ResolvedReasoning,
  benchmark: string,
  generalScore: number | null,
  /** What the level's own score keeps when served quantized (the general score has it already). */
  retained = 1,
): number | null {
  const level = r.level;
  if (level === null || r.model === null) return generalScore;
  const own = level.quality.find((q) => q.benchmark === benchmark);
  if (own !== undefined) return own.score * retained;
  return level.effort === r.model.defaultEffort ? generalScore : null;
}

/**
 * Why a candidate is out when its reasoning tokens are unknown (no published figure at its level,
 * none of the user's), or null: unknown is a visible state, never a silent 0.
 */
export function reasoningUnknownReason(r: ResolvedReasoning, w: Workload): string | null {
  if (r.from !== 'unknown' || w.reasoning?.includeUnknown) return null;
  return UNKNOWN_REASONS[r.effort ?? 'none'];
}

/** One text per level: a sweep excludes thousands of candidates for the same reason. */
const UNKNOWN_REASONS = Object.fromEntries(
  EFFORTS.map((e) => [
    e,
    `reasoning tokens unknown: no published figure at ${e} effort (set your own, or include unknowns)`,
  ]),
) as Record<Effort, string>;
