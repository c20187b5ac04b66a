import { z } from 'zod';
import { checkCatalog } from '../../core/catalog-check/check.ts';
import type { Finding } from '../../core/catalog-check/rules.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import { CATALOG_SCHEMAS } from '../../core/catalog-import/catalog-tables.ts';
import { SEED_TABLES, type SeedTables } from '../../electron/db/seed-files.ts';
import { curatedJson } from './curated-json.ts';
import { API_LATENCY } from './curated/api-latency.ts';
import type { ModelReasoning } from '../../core/schema/reasoning.ts';
import { GPUS } from './curated/gpus.ts';
import { QUALITY_VARIANTS, type Setting } from './curated/quality-variants.ts';
import { hostedModels } from './sources/hosted-models.ts';
import { seedInstances } from './sources/instances.ts';
import { seedOfferings } from './sources/offerings.ts';
import type { SecondSource } from './sources/second-source.ts';
import { withProvisioned } from './sources/provisioned.ts';
import { seedProviders } from './sources/providers.ts';
import { seedQuality } from './sources/quality.ts';
import { seedRegions } from './sources/regions.ts';

export interface CollectedSeed {
  tables: SeedTables;
  /** genai-prices against LiteLLM, row by row: the cross-source report. */
  secondSource: SecondSource;
  /** Every consistency finding on the seed (none is an error: the build fails on those). */
  findings: Finding[];
}

/**
 * Gathers every seed table and validates it, then runs the catalog's consistency checks; throws
 * naming the table and row on a bad fact, and listing every error-level finding (row and rule).
 */
export function collectSeed(): CollectedSeed {
  const api = seedOfferings();
  const offerings = withProvisioned(api.rows);
  const instances = seedInstances().rows;
  const models = withReasoning([
    ...(curatedJson('open-models.json') as { id: string }[]),
    ...hostedModels(api.litellm),
  ]);
  const raw: Record<string, unknown[]> = {
    providers: seedProviders([
      ...offerings.map((o) => o.provider),
      ...instances.map((i) => i.cloud),
    ]),
    models,
    offerings,
    gpus: GPUS,
    instances,
    regions: seedRegions([
      ...offerings.flatMap((o) => o.regionId ?? []),
      ...instances.map((i) => i.regionId),
    ]),
    quality: seedQuality(new Set(models.map((m) => m.id))),
    latency: API_LATENCY,
  };
  const out = {} as Record<string, unknown[]>;
  for (const table of SEED_TABLES) {
    const parsed = z.array(CATALOG_SCHEMAS[table]).safeParse(raw[table]);
    if (!parsed.success) throw new Error(`${table}: ${describeZodError(parsed.error)}`);
    out[table] = parsed.data;
  }
  const tables = out as SeedTables;
  const findings = checkCatalog(tables);
  const errors = findings.filter((f) => f.level === 'error');
  if (errors.length > 0) {
    throw new Error(
      `the seed fails ${errors.length} consistency check${errors.length === 1 ? '' : 's'}:\n${errors.map((f) => `  ${f.message}`).join('\n')}`,
    );
  }
  return { tables, secondSource: api.secondSource, findings };
}

/**
 * Adds each model's reasoning facts (curated/reasoning.json, by model id: effort levels, default,
 * typical reasoning tokens with their derivation, visibility, billing) to its row, with the
 * scores published at each level (curated/quality-variants.ts, the settings that are not a
 * model's default). A fact for a model the seed lacks is a mistake in the curated file: the build
 * fails naming it.
 */
function withReasoning(models: { id: string }[]): { id: string }[] {
  const facts = curatedJson('reasoning.json') as Record<string, ModelReasoningInput>;
  const ids = new Set(models.map((m) => m.id));
  const unknown = Object.keys(facts).filter((id) => !ids.has(id));
  if (unknown.length > 0)
    throw new Error(`reasoning.json: unknown model ids ${unknown.join(', ')}`);
  return models.map((m) => {
    const r = facts[m.id];
    return r === undefined ? m : { ...m, reasoning: withLevelScores(m.id, r) };
  });
}

type ModelReasoningInput = z.input<typeof ModelReasoning>;
type LevelInput = ModelReasoningInput['levels'][number];

/** The model's levels with the scores published at each (those a level can be told by). */
function withLevelScores(modelId: string, r: ModelReasoningInput): ModelReasoningInput {
  const levels = r.levels.map((level) => {
    const scores = QUALITY_VARIANTS.filter(
      (v) => v.modelId === modelId && levelOf(v.setting, r.levels) === level,
    ).map((v) => ({ benchmark: v.benchmark, score: v.score, source: v.source, asOf: v.asOf }));
    return scores.length === 0
      ? level
      : { ...level, quality: [...(level.quality ?? []), ...scores] };
  });
  return { ...r, levels };
}

/**
 * The level a leaderboard's setting is: its effort where the model offers that level (OpenAI's
 * reasoning_effort, Anthropic's adaptive effort, Gemini's thinking_level); thinking off is the
 * none level; a thinking budget is the level set to that budget (Aider's and these boards' 32k
 * runs). Anything else (a 16k or 64k budget, thinking off at an effort) is no level here.
 */
function levelOf(setting: Setting, levels: readonly LevelInput[]): LevelInput | undefined {
  if (setting.thinking === 'off') {
    return setting.effort === undefined ? levels.find((l) => l.effort === 'none') : undefined;
  }
  if (setting.thinking === 'budget') {
    const budget = setting.thinkingBudgetTokens;
    if (budget !== 32_000 && budget !== 32_768) return undefined;
    return levels.find((l) => /budget_tokens: 32000/.test(l.setting));
  }
  if (setting.effort === undefined) return undefined;
  return levels.find((l) => l.effort === setting.effort);
}
