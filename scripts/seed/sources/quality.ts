/**
 * Quality scores: LMArena text arena score (2025-08-04) and Aider polyglot pass rate (second
 * attempt), read from the reference data, for catalog models that a leaderboard row names
 * unambiguously; and the curated snapshots (LMArena 2025-12-11, LiveBench 2026-01-08) in
 * curated/quality.ts. Each mapping names one leaderboard row; previews, experimental builds,
 * later checkpoints and fine-tunes are not mapped onto a catalog model, and where a model ran at
 * several reasoning efforts the default one is used.
 */
import type { z } from 'zod';
import type { QualityScore } from '../../../core/schema/catalog.ts';
import {
  LIVEBENCH_2026_01,
  LMARENA_2025_12,
  LMARENA_2025_12_RAW,
  type Snapshot,
} from '../curated/quality.ts';
import { SNAPSHOTS, cellNumber, referenceCsv } from './reference.ts';

type QualityInput = z.input<typeof QualityScore>;

/** LMArena model name → catalog model id. */
const LMARENA: Record<string, string> = {
  'Gemini-2.5-Pro': 'gemini-2.5-pro',
  'Gemini-2.5-Flash': 'gemini-2.5-flash',
  'Gemini-2.0-Flash-001': 'gemini-2.0-flash',
  'Grok-4-0709': 'grok-4',
  'o3-2025-04-16': 'o3',
  'o1-2024-12-17': 'o1',
  'o4-mini-2025-04-16': 'o4-mini',
  'o3-mini': 'o3-mini',
  'GPT-4.1-2025-04-14': 'gpt-4.1',
  'GPT-4.1-mini-2025-04-14': 'gpt-4.1-mini',
  'GPT-4.1-nano-2025-04-14': 'gpt-4.1-nano',
  'GPT-4o-2024-08-06': 'gpt-4o',
  'GPT-4o-mini-2024-07-18': 'gpt-4o-mini',
  'Claude Opus 4 (20250514)': 'claude-opus-4',
  'Claude Sonnet 4 (20250514)': 'claude-sonnet-4',
  'Claude 3.7 Sonnet': 'claude-3-7-sonnet',
  'Claude 3.5 Sonnet (20241022)': 'claude-3-5-sonnet',
  'Claude 3.5 Haiku (20241022)': 'claude-3-5-haiku',
  'Claude 3 Haiku': 'claude-3-haiku',
  'Mistral Medium 3': 'mistral-medium-3',
  'Amazon Nova Pro 1.0': 'nova-pro',
  'Amazon Nova Lite 1.0': 'nova-lite',
  'Amazon Nova Micro 1.0': 'nova-micro',
  'DeepSeek-R1': 'deepseek-r1',
  'DeepSeek-V3': 'deepseek-v3',
  'Qwen3-235B-A22B': 'qwen3-235b-a22b',
  'Qwen3-Coder-480B-A35B-Instruct': 'qwen3-coder-480b-a35b',
  'Qwen3-32B': 'qwen3-32b',
  'Qwen3-30B-A3B': 'qwen3-30b-a3b',
  'Qwen2.5-72B-Instruct': 'qwen2.5-72b',
  'kimi-k2-0711-preview': 'kimi-k2',
  'Gemma-3-27B-it': 'gemma-3-27b',
  'Gemma-3-12B-it': 'gemma-3-12b',
  'Gemma-2-27B-it': 'gemma-2-27b',
  'Gemma-2-9B-it': 'gemma-2-9b',
  'Llama-4-Maverick-17B-128E-Instruct': 'llama-4-maverick',
  'Llama-4-Scout-17B-16E-Instruct': 'llama-4-scout',
  'Meta-Llama-3.1-405B-Instruct-bf16': 'llama-3.1-405b',
  'Meta-Llama-3.1-70B-Instruct': 'llama-3.1-70b',
  'Meta-Llama-3.1-8B-Instruct': 'llama-3.1-8b',
  'Llama-3.3-70B-Instruct': 'llama-3.3-70b',
  'Meta-Llama-3.2-3B-Instruct': 'llama-3.2-3b',
  'Meta-Llama-3.2-1B-Instruct': 'llama-3.2-1b',
  'Llama-3-70B-Instruct': 'llama-3-70b',
  'Llama-3-8B-Instruct': 'llama-3-8b',
  'Llama-2-70B-chat': 'llama-2-70b',
  'Llama-2-13b-chat': 'llama-2-13b',
  'Llama-2-7B-chat': 'llama-2-7b',
  'Mixtral-8x22b-Instruct-v0.1': 'mixtral-8x22b',
  'Mixtral-8x7B-Instruct-v0.1': 'mixtral-8x7b',
  'Phi-4': 'phi-4',
  'Phi-3-Mini-4k-Instruct': 'phi-3-mini',
};

/** Aider polyglot model name (one run each) → catalog model id. */
const AIDER: Record<string, string> = {
  'gpt-4o-2024-08-06': 'gpt-4o',
  'gpt-4o-mini-2024-07-18': 'gpt-4o-mini',
  'gpt-4.1': 'gpt-4.1',
  'gpt-4.1-mini': 'gpt-4.1-mini',
  'gpt-4.1-nano': 'gpt-4.1-nano',
  'gpt-5 (medium)': 'gpt-5', // medium is GPT-5's default reasoning effort
  o3: 'o3',
  'o3-pro (high)': 'o3-pro',
  'o4-mini (high)': 'o4-mini',
  'o3-mini (medium)': 'o3-mini', // medium is the default effort
  'o1-2024-12-17 (high)': 'o1',
  'claude-3-5-sonnet-20241022': 'claude-3-5-sonnet',
  'claude-3-5-haiku-20241022': 'claude-3-5-haiku',
  'claude-3-7-sonnet-20250219 (no thinking)': 'claude-3-7-sonnet',
  'claude-sonnet-4-20250514 (no thinking)': 'claude-sonnet-4',
  'claude-opus-4-20250514 (no think)': 'claude-opus-4',
  'grok-4 (high)': 'grok-4',
  'DeepSeek R1': 'deepseek-r1',
  'DeepSeek Chat V3 (prev)': 'deepseek-v3',
  'Kimi K2': 'kimi-k2',
  'gpt-oss-120b (high)': 'gpt-oss-120b',
  'Llama 4 Maverick': 'llama-4-maverick',
  'Qwen3 32B': 'qwen3-32b',
  'Qwen3 235B A22B diff, no think, Alibaba API': 'qwen3-235b-a22b',
  'gemma-3-27b-it': 'gemma-3-27b',
};

function scores(
  file: string,
  nameColumn: string,
  scoreColumn: string,
  mapping: Record<string, string>,
  benchmark: QualityInput['benchmark'],
  label: string,
  asOf: string,
): QualityInput[] {
  const rows = referenceCsv(file);
  const out: QualityInput[] = [];
  for (const [name, modelId] of Object.entries(mapping)) {
    const matches = rows.filter((r) => r[nameColumn] === name);
    const score = cellNumber(matches[0]?.[scoreColumn]);
    if (matches.length !== 1 || score === undefined) {
      throw new Error(
        `${file}: expected one row "${name}" with a ${scoreColumn}, found ${matches.length}`,
      );
    }
    out.push({ modelId, benchmark, score, source: `${label} (${nameColumn}: ${name})`, asOf });
  }
  return out;
}

/** A curated snapshot's rows, each with the leaderboard's name for the model in its source. */
function snapshotRows(snapshot: Snapshot): QualityInput[] {
  return snapshot.rows.map(([modelId, name, score, extra]) => ({
    modelId,
    benchmark: snapshot.benchmark,
    score,
    source: `${snapshot.source} (model: ${name}${extra?.note === undefined ? '' : `; ${extra.note}`})`,
    asOf: extra?.asOf ?? snapshot.asOf,
  }));
}

/** LiveBench's rows: the global average and two categories per model, each its own benchmark. */
function liveBenchRows(): QualityInput[] {
  const { source, benchmarks: b, rows } = LIVEBENCH_2026_01;
  return rows.flatMap(([modelId, name, asOf, global, coding, agentic, setting]) =>
    (
      [
        [b.global, global],
        [b.coding, coding],
        [b.agenticCoding, agentic],
      ] as const
    ).map(([benchmark, score]) => ({
      modelId,
      benchmark: benchmark.id,
      score,
      source: `${source}, ${benchmark.what} (model: ${name}; setting: ${setting})`,
      asOf,
    })),
  );
}

/** Quality rows for the catalog's models; throws naming a mapped model the catalog lacks. */
export function seedQuality(catalogModelIds: ReadonlySet<string>): QualityInput[] {
  const rows = [
    ...scores(
      SNAPSHOTS.lmarena.file,
      'model',
      'arena_score',
      LMARENA,
      'lmarena-text',
      SNAPSHOTS.lmarena.label,
      SNAPSHOTS.lmarena.asOf,
    ),
    ...scores(
      SNAPSHOTS.aider.file,
      'model',
      'pass_rate_2',
      AIDER,
      'aider-polyglot',
      SNAPSHOTS.aider.label,
      SNAPSHOTS.aider.asOf,
    ),
    ...snapshotRows(LMARENA_2025_12),
    ...snapshotRows(LMARENA_2025_12_RAW),
    ...liveBenchRows(),
  ];
  const missing = rows.filter((r) => !catalogModelIds.has(r.modelId)).map((r) => r.modelId);
  if (missing.length > 0)
    throw new Error(`quality scores for models not in the catalog: ${missing.join(', ')}`);
  return rows;
}
