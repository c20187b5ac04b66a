/**
 * Published latency of hosted APIs: median time to first token and output speed per provider ×
 * model, copied from public benchmarks with their source, as-of date and test sizes. The engine
 * checks an API's latency SLOs against these (a user's own measurement wins over them).
 *
 * Kept, and why:
 * - ray-project/llmperf-leaderboard (Apache-2.0): the only open, reproducible per-provider data;
 *   Llama 2 era (Dec 2023). Its client ran in AWS us-west-2 with 550-token prompts, 150-token
 *   outputs, 5 requests in flight. Its speed ("request output throughput") is output tokens ÷ the
 *   whole request time, TTFT included: not the catalog's speed after the first token, so only the
 *   TTFT is carried (the speed is quoted in the source).
 * - Artificial Analysis provider pages (artificialanalysis.ai): figures (facts) carried with
 *   attribution in each row's source. Medians (P50) of their recurring tests; their output speed is
 *   tokens/s after the first chunk, as the catalog means it. The pages are undated and do not
 *   state the prompt size (AA's default workload was 1,000 input tokens, later 10,000): the test
 *   sizes are left out, and the as-of date is the earliest day the page's own text implies (said
 *   in each source), which flags the rows stale.
 *
 * Left out, and why:
 * - A TTFT measured at a reasoning effort other than the model's default: GPT-5 at "minimal"
 *   (default: medium) and gpt-oss-120b at "low" — the first visible token of a default request
 *   comes after more reasoning. Their output speed (after the first token) does not depend on the
 *   effort, so it is kept.
 * - Two undated Artificial Analysis crawls that disagree (Claude 3.5 Sonnet 64 vs 95 tokens/s),
 *   and Bedrock's latency-optimized Claude 3.5 Haiku tier; neither model is offered in the catalog.
 * - llmperf runs of a model the catalog offers under another checkpoint (Fireworks llama-v2-7b /
 *   13b "chat" against the catalog's base-model rows), and of providers the catalog lacks.
 * - Vendor claims ("~500 tokens/s", "~3,000 tokens/s"): not medians of a stated test. OCI's
 *   dedicated-cluster benchmark: dedicated capacity, not the pay-per-token offering.
 * - Hourly OpenRouter probes from a blog (a 1-token prompt, ≤ 17 samples, routed to an unnamed
 *   provider) and blog tables without a method.
 */
import type { z } from 'zod';
import type { LatencyMeasurement } from '../../../core/schema/catalog.ts';

type Row = z.input<typeof LatencyMeasurement>;

const LLMPERF =
  'ray-project/llmperf-leaderboard (Apache-2.0) raw_data/summary/%FILE% @ 23af37e3: LLMPerf, client in AWS us-west-2, 550-token prompts, 150-token outputs, 5 concurrent requests; median TTFT';

function llmperf(
  offeringId: string,
  file: string,
  ttftMs: number,
  requestTokPerS: number,
  completed: number,
  asOf: string,
): Row {
  return {
    offeringId,
    kind: 'published',
    ttftMs,
    inputTokens: 550,
    outputTokens: 150,
    source: `${LLMPERF.replace('%FILE%', file)} (${completed} of 150 requests completed); its speed, ${requestTokPerS} tokens/s, is output ÷ whole request time (TTFT included), not carried`,
    asOf,
  };
}

const AA = 'Source: Artificial Analysis (artificialanalysis.ai)';
const AA_METHOD =
  'median (P50) TTFT and output speed (tokens/s after the first chunk); prompt size not stated (AA default: 1k input tokens, later 10k)';

function aa(
  offeringId: string,
  page: string,
  figures: { ttftMs?: number; outputTokPerS: number },
  note: string,
  asOf: string,
): Row {
  return {
    offeringId,
    kind: 'published',
    ...figures,
    source: `${AA}, https://artificialanalysis.ai/models/${page}/providers: ${AA_METHOD}; ${note}`,
    asOf,
  };
}

const O3_DATE =
  'undated page: as of the o3 price cut of 2025-06-10, the earliest day its $3.50 blended price held';
const GPT5_MINI_DATE =
  'undated page: as of 2025-08-07, the earliest day its mention of GPT-5 mini allows';
const GPT5_1_DATE =
  'undated page: as of 2025-11-12, the earliest day its mention of GPT-5.1 allows';
const GPT4O_DATE =
  'undated 2024 page (14-day medians): as of the checkpoint release, 2024-05-13, the earliest it can be';
const OSS_DATE = 'undated page: as of gpt-oss release, 2025-08-05, the earliest it can be';

export const API_LATENCY: Row[] = [
  llmperf('bedrock/meta.llama2-13b-chat-v1', 'bedrock_13b.json', 269, 37.4, 53, '2023-12-27'),
  llmperf('bedrock/meta.llama2-70b-chat-v1', 'bedrock_70b.json', 388, 21.4, 101, '2023-12-27'),
  llmperf('fireworks/llama-v2-70b-chat', 'fireworks_70b.json', 517, 13.6, 150, '2023-12-19'),

  aa(
    'openai/o3',
    'o3',
    { ttftMs: 22_990, outputTokPerS: 108.1 },
    `o3 hides its reasoning: TTFT is the time to the first answer token; ${O3_DATE}`,
    '2025-06-10',
  ),
  aa(
    'azure/o3',
    'o3',
    { ttftMs: 37_700, outputTokPerS: 82.6 },
    `o3 hides its reasoning: TTFT is the time to the first answer token; ${O3_DATE}`,
    '2025-06-10',
  ),
  aa(
    'openai/o3-mini',
    'o3-mini',
    { ttftMs: 18_550, outputTokPerS: 132.1 },
    `o3-mini hides its reasoning: TTFT is the time to the first answer token; ${GPT5_MINI_DATE}`,
    '2025-08-07',
  ),
  aa(
    'azure/o3-mini',
    'o3-mini',
    { ttftMs: 16_110, outputTokPerS: 152.6 },
    `o3-mini hides its reasoning: TTFT is the time to the first answer token; ${GPT5_MINI_DATE}`,
    '2025-08-07',
  ),
  aa(
    'openai/gpt-4.1-mini',
    'gpt-4-1-mini',
    { ttftMs: 930, outputTokPerS: 77.2 },
    `the page notes AA's default is now 10k input tokens; ${GPT5_MINI_DATE}`,
    '2025-08-07',
  ),
  aa(
    'azure/gpt-4.1-mini',
    'gpt-4-1-mini',
    { ttftMs: 1140, outputTokPerS: 107.9 },
    `the page notes AA's default is now 10k input tokens; ${GPT5_MINI_DATE}`,
    '2025-08-07',
  ),
  aa(
    'openai/gpt-4o-2024-05-13',
    'gpt-4o-2024-05-13',
    { ttftMs: 390, outputTokPerS: 81 },
    GPT4O_DATE,
    '2024-05-13',
  ),
  aa(
    'azure/gpt-4o-2024-05-13',
    'gpt-4o-2024-05-13',
    { ttftMs: 770, outputTokPerS: 115 },
    GPT4O_DATE,
    '2024-05-13',
  ),
  aa(
    'openai/gpt-5',
    'gpt-5-minimal',
    { outputTokPerS: 80 },
    `measured at reasoning effort minimal: its TTFT (890 ms) is not carried, a default (medium) request reasons longer before its first token; ${GPT5_1_DATE}`,
    '2025-11-12',
  ),
  aa(
    'azure/gpt-5',
    'gpt-5-minimal',
    { outputTokPerS: 155 },
    `measured at reasoning effort minimal: its TTFT (1,700 ms) is not carried, a default (medium) request reasons longer before its first token; ${GPT5_1_DATE}`,
    '2025-11-12',
  ),
  aa(
    'cerebras/gpt-oss-120b',
    'gpt-oss-120b-low',
    { outputTokPerS: 1844.1 },
    `measured at reasoning effort low: its time to first answer token (1,540 ms) is not carried; ${OSS_DATE}`,
    '2025-08-05',
  ),
  aa(
    'sambanova/gpt-oss-120b',
    'gpt-oss-120b-low',
    { outputTokPerS: 737.9 },
    `measured at reasoning effort low: its time to first answer token (4,310 ms) is not carried; ${OSS_DATE}`,
    '2025-08-05',
  ),
  aa(
    'fireworks/gpt-oss-120b',
    'gpt-oss-120b-low',
    { outputTokPerS: 525 },
    `measured at reasoning effort low; ${OSS_DATE}`,
    '2025-08-05',
  ),
];
