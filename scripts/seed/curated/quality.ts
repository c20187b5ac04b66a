/**
 * Quality scores of current models from public leaderboards, copied with their source and date
 * (scripts/seed/sources/quality.ts turns them into catalog rows). Each benchmark id is one
 * snapshot: scores drift between LMArena snapshots and LiveBench releases, so a threshold is only
 * meaningful against one of them and snapshots are never mixed under one id.
 *
 * Which row is a model's score: the one run at the model's default setting — what its API does
 * when a request sets no reasoning option (Claude up to 4.6: extended thinking off; Claude 4.7 and
 * later: adaptive thinking, its only mode; effort high, Anthropic's default; OpenAI GPT-5, -mini,
 * -nano and the o-series: reasoning effort medium; GPT-5.1 and 5.2: none; Gemini 3 Pro and 3.1 Pro:
 * thinking_level high; Qwen3: thinking on). Rows at other settings go to quality-variants.ts, for
 * the reasoning work to use; a model whose default no leaderboard ran has no score here (see the
 * allow-list in test/seed/seed-quality.test.ts). A leaderboard row of another checkpoint (Qwen3's
 * 2507 releases, DeepSeek R1 0528, Kimi K2 0905, a Gemini preview the catalog does not offer) is
 * not put on a catalog model.
 *
 * Not shipped: SWE-bench Verified bash-only (CC BY-NC 4.0: not for a commercial product).
 */

/** A leaderboard row: catalog model, the leaderboard's name for it, score, and what to add. */
export type SnapshotRow = [
  modelId: string,
  sourceModel: string,
  score: number,
  extra?: { asOf?: string; note?: string },
];

export interface Snapshot {
  benchmark: 'lmarena-text-2025-12' | 'lmarena-text-2025-12-raw';
  /** What the score is and where it was read, before "(model: …)". */
  source: string;
  asOf: string;
  rows: SnapshotRow[];
}

/** LMArena text arena, style-controlled (the leaderboard's default view), category "full". */
export const LMARENA_2025_12: Snapshot = {
  benchmark: 'lmarena-text-2025-12',
  source:
    'LMArena text arena, style control (its default view), category full: lmarena/arena-catalog data/leaderboard-text-style-control.json @ 3b12b7fd (the 2025-12-11 update; gemini-3-flash added 2025-12-17)',
  asOf: '2025-12-11',
  rows: [
    [
      'gemini-3-flash',
      'gemini-3-flash',
      1476.7,
      { asOf: '2025-12-17', note: "the preview model, which the catalog's gemini-3-flash is" },
    ],
    ['claude-opus-4-5', 'claude-opus-4-5-20251101', 1468.3],
    ['gemini-2.5-pro', 'gemini-2.5-pro', 1451.0],
    ['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929', 1445.4],
    ['claude-opus-4-1', 'claude-opus-4-1-20250805', 1441.1],
    [
      'gpt-5.1',
      'gpt-5.1',
      1437.9,
      {
        note: "the arena's entry with no effort suffix, taken as the default setting (effort none)",
      },
    ],
    ['o3', 'o3-2025-04-16', 1433.8],
    [
      'grok-4.1-fast',
      'grok-4-1-fast-reasoning',
      1429.4,
      { note: "the reasoning model, which the catalog's grok-4-1-fast is" },
    ],
    [
      'kimi-k2',
      'kimi-k2-0711-preview',
      1417.0,
      { note: 'the July 2025 K2 Instruct; the 0905 checkpoint is not mapped' },
    ],
    ['claude-opus-4', 'claude-opus-4-20250514', 1412.2],
    ['gpt-4.1', 'gpt-4.1-2025-04-14', 1412.2],
    ['mistral-medium-3.1', 'mistral-medium-2508', 1410.8],
    ['grok-4', 'grok-4-0709', 1408.9],
    ['gemini-2.5-flash', 'gemini-2.5-flash', 1408.4],
    ['claude-haiku-4-5', 'claude-haiku-4-5-20251001', 1402.4],
    ['o1', 'o1-2024-12-17', 1401.2],
    [
      'deepseek-r1',
      'deepseek-r1',
      1396.1,
      { note: 'the January 2025 release; the 0528 checkpoint is not mapped' },
    ],
    ['o4-mini', 'o4-mini-2025-04-16', 1391.4],
    ['claude-sonnet-4', 'claude-sonnet-4-20250514', 1389.2],
    ['qwen3-coder-480b-a35b', 'qwen3-coder-480b-a35b-instruct', 1385.6],
    ['mistral-medium-3', 'mistral-medium-2505', 1383.4],
    ['gpt-4.1-mini', 'gpt-4.1-mini-2025-04-14', 1380.9],
    [
      'qwen3-235b-a22b',
      'qwen3-235b-a22b',
      1374.1,
      {
        note: 'the April 2025 hybrid model, thinking on by default; its 2507 checkpoints are not mapped',
      },
    ],
    ['claude-3-5-sonnet', 'claude-3-5-sonnet-20241022', 1372.7],
    ['claude-3-7-sonnet', 'claude-3-7-sonnet-20250219', 1371.4],
    ['gemma-3-27b', 'gemma-3-27b-it', 1364.8],
    ['gemini-2.0-flash', 'gemini-2.0-flash-001', 1360.6],
    [
      'deepseek-v3',
      'deepseek-v3',
      1358.1,
      { note: 'the December 2024 release; the 0324 checkpoint is not mapped' },
    ],
    ['gpt-oss-120b', 'gpt-oss-120b', 1352.5],
    ['o3-mini', 'o3-mini', 1348.2],
    ['qwen3-32b', 'qwen3-32b', 1344.7],
    ['gemma-3-12b', 'gemma-3-12b-it', 1340.6],
    ['llama-3.1-405b', 'llama-3.1-405b-instruct-bf16', 1336.2],
    ['gpt-4o', 'gpt-4o-2024-08-06', 1335.8],
    ['nova-2-lite', 'nova-2-lite', 1334.5],
    ['llama-4-maverick', 'llama-4-maverick-17b-128e-instruct', 1327.6],
    [
      'qwen3-30b-a3b',
      'qwen3-30b-a3b',
      1326.1,
      {
        note: 'the April 2025 hybrid model, thinking on by default; its 2507 checkpoints are not mapped',
      },
    ],
    ['claude-3-5-haiku', 'claude-3-5-haiku-20241022', 1323.1],
    ['llama-4-scout', 'llama-4-scout-17b-16e-instruct', 1322.5],
    ['gpt-4.1-nano', 'gpt-4.1-nano-2025-04-14', 1320.8],
    ['llama-3.3-70b', 'llama-3.3-70b-instruct', 1319.7],
    ['gpt-oss-20b', 'gpt-oss-20b', 1318.1],
    ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 1317.3],
    ['qwen2.5-72b', 'qwen2.5-72b-instruct', 1302.8],
    ['llama-3.1-70b', 'llama-3.1-70b-instruct', 1294.3],
    ['nova-pro', 'amazon-nova-pro-v1.0', 1288.8],
    ['gemma-2-27b', 'gemma-2-27b-it', 1288.3],
    ['llama-3-70b', 'llama-3-70b-instruct', 1277.7],
    ['gemma-2-9b', 'gemma-2-9b-it', 1265.7],
    ['claude-3-haiku', 'claude-3-haiku-20240307', 1263.2],
    ['nova-lite', 'amazon-nova-lite-v1.0', 1260.3],
    ['phi-4', 'phi-4', 1255.9],
    ['nova-micro', 'amazon-nova-micro-v1.0', 1241.9],
    ['mixtral-8x22b', 'mixtral-8x22b-instruct-v0.1', 1231.7],
    ['llama-3-8b', 'llama-3-8b-instruct', 1225.2],
    ['llama-3.1-8b', 'llama-3.1-8b-instruct', 1212.4],
    ['mixtral-8x7b', 'mixtral-8x7b-instruct-v0.1', 1200.2],
    ['llama-2-70b', 'llama-2-70b-chat', 1174.1],
    ['llama-3.2-3b', 'llama-3.2-3b-instruct', 1168.4],
    ['llama-2-13b', 'llama-2-13b-chat', 1145.2],
    ['phi-3-mini', 'phi-3-mini-4k-instruct', 1131.4],
    ['llama-3.2-1b', 'llama-3.2-1b-instruct', 1114.6],
    ['llama-2-7b', 'llama-2-7b-chat', 1111.5],
  ],
};

/** The same update's raw scores (no style control): lower for verbose models, higher for terse ones. */
export const LMARENA_2025_12_RAW: Snapshot = {
  benchmark: 'lmarena-text-2025-12-raw',
  source:
    'LMArena text arena, raw scores (no style control), category full: lmarena/arena-catalog data/leaderboard-text.json @ ea8297b5 (the 2025-12-11 update)',
  asOf: '2025-12-11',
  rows: [
    ['gemini-2.5-pro', 'gemini-2.5-pro', 1464.5],
    ['claude-opus-4-5', 'claude-opus-4-5-20251101', 1446.4],
    ['mistral-medium-3.1', 'mistral-medium-2508', 1430.4],
    ['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929', 1426.6],
    [
      'gpt-5.1',
      'gpt-5.1',
      1420.8,
      {
        note: "the arena's entry with no effort suffix, taken as the default setting (effort none)",
      },
    ],
    ['gemini-2.5-flash', 'gemini-2.5-flash', 1415.1],
    ['claude-opus-4-1', 'claude-opus-4-1-20250805', 1413.0],
    ['o3', 'o3-2025-04-16', 1410.8],
    [
      'grok-4.1-fast',
      'grok-4-1-fast-reasoning',
      1409.4,
      { note: "the reasoning model, which the catalog's grok-4-1-fast is" },
    ],
    ['grok-4', 'grok-4-0709', 1408.9],
    ['claude-haiku-4-5', 'claude-haiku-4-5-20251001', 1384.2],
    ['gpt-4.1', 'gpt-4.1-2025-04-14', 1382.4],
    [
      'deepseek-r1',
      'deepseek-r1',
      1372.6,
      { note: 'the January 2025 release; the 0528 checkpoint is not mapped' },
    ],
    [
      'kimi-k2',
      'kimi-k2-0711-preview',
      1371.6,
      { note: 'the July 2025 K2 Instruct; the 0905 checkpoint is not mapped' },
    ],
    ['mistral-medium-3', 'mistral-medium-2505', 1368.6],
    [
      'qwen3-235b-a22b',
      'qwen3-235b-a22b',
      1366.9,
      {
        note: 'the April 2025 hybrid model, thinking on by default; its 2507 checkpoints are not mapped',
      },
    ],
    ['o1', 'o1-2024-12-17', 1365.6],
    ['gpt-oss-120b', 'gpt-oss-120b', 1365.2],
    ['claude-opus-4', 'claude-opus-4-20250514', 1364.5],
    ['nova-2-lite', 'nova-2-lite', 1363.2],
    ['gemma-3-27b', 'gemma-3-27b-it', 1357.8],
    ['qwen3-coder-480b-a35b', 'qwen3-coder-480b-a35b-instruct', 1356.4],
    ['gemini-2.0-flash', 'gemini-2.0-flash-001', 1354.3],
    ['o4-mini', 'o4-mini-2025-04-16', 1354.0],
    ['gpt-4.1-mini', 'gpt-4.1-mini-2025-04-14', 1340.5],
    ['qwen3-32b', 'qwen3-32b', 1339.8],
    ['claude-sonnet-4', 'claude-sonnet-4-20250514', 1338.3],
    ['gemma-3-12b', 'gemma-3-12b-it', 1334.0],
    [
      'deepseek-v3',
      'deepseek-v3',
      1333.1,
      { note: 'the December 2024 release; the 0324 checkpoint is not mapped' },
    ],
    ['o3-mini', 'o3-mini', 1320.0],
    [
      'qwen3-30b-a3b',
      'qwen3-30b-a3b',
      1317.9,
      {
        note: 'the April 2025 hybrid model, thinking on by default; its 2507 checkpoints are not mapped',
      },
    ],
    ['claude-3-7-sonnet', 'claude-3-7-sonnet-20250219', 1299.9],
    ['claude-3-5-sonnet', 'claude-3-5-sonnet-20241022', 1298.5],
    ['gpt-oss-20b', 'gpt-oss-20b', 1288.9],
    ['llama-4-maverick', 'llama-4-maverick-17b-128e-instruct', 1288.7],
    ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 1287.2],
    ['gpt-4.1-nano', 'gpt-4.1-nano-2025-04-14', 1285.4],
    ['llama-3.1-405b', 'llama-3.1-405b-instruct-bf16', 1284.4],
    ['gpt-4o', 'gpt-4o-2024-08-06', 1283.5],
    ['llama-4-scout', 'llama-4-scout-17b-16e-instruct', 1281.6],
    ['llama-3.3-70b', 'llama-3.3-70b-instruct', 1276.2],
    ['qwen2.5-72b', 'qwen2.5-72b-instruct', 1269.8],
    ['llama-3.1-70b', 'llama-3.1-70b-instruct', 1262.0],
    ['nova-pro', 'amazon-nova-pro-v1.0', 1258.9],
    ['claude-3-5-haiku', 'claude-3-5-haiku-20241022', 1256.5],
    ['gemma-2-27b', 'gemma-2-27b-it', 1232.4],
    ['nova-lite', 'amazon-nova-lite-v1.0', 1229.2],
    ['llama-3-70b', 'llama-3-70b-instruct', 1221.7],
    ['phi-4', 'phi-4', 1217.4],
    ['nova-micro', 'amazon-nova-micro-v1.0', 1210.4],
    ['gemma-2-9b', 'gemma-2-9b-it', 1208.4],
    ['claude-3-haiku', 'claude-3-haiku-20240307', 1195.9],
    ['llama-3.1-8b', 'llama-3.1-8b-instruct', 1188.1],
    ['llama-3-8b', 'llama-3-8b-instruct', 1166.8],
    ['mixtral-8x22b', 'mixtral-8x22b-instruct-v0.1', 1162.9],
    ['mixtral-8x7b', 'mixtral-8x7b-instruct-v0.1', 1132.9],
    ['llama-2-70b', 'llama-2-70b-chat', 1116.7],
    ['llama-3.2-3b', 'llama-3.2-3b-instruct', 1110.4],
    ['llama-2-13b', 'llama-2-13b-chat', 1086.4],
    ['phi-3-mini', 'phi-3-mini-4k-instruct', 1075.0],
    ['llama-3.2-1b', 'llama-3.2-1b-instruct', 1056.8],
    ['llama-2-7b', 'llama-2-7b-chat', 1054.8],
  ],
};

/**
 * LiveBench, release 2026-01-08 question set (23 tasks in 7 categories), licensed CC BY-SA 4.0:
 * each row's source attributes it. Global = the mean of the 7 category means, as the site
 * averages (src/Table/Averaging.js); Coding = code generation and completion; Agentic Coding =
 * the javascript, typescript and python agent tasks. asOf: the day the row was first published.
 */
export const LIVEBENCH_2026_01 = {
  source:
    'LiveBench (livebench.ai), CC BY-SA 4.0: release 2026-01-08 question set, LiveBench/livebench.github.io public/table_2026_01_08.csv @ 4bf96c8d',
  benchmarks: {
    global: { id: 'livebench-2026-01', what: 'global average of its 7 categories' },
    coding: { id: 'livebench-2026-01-coding', what: 'Coding category' },
    agenticCoding: { id: 'livebench-2026-01-agentic-coding', what: 'Agentic Coding category' },
  },
  /** Catalog model, LiveBench's name, first published, global, coding, agentic coding, setting. */
  rows: [
    [
      'gemini-3.1-pro',
      'gemini-3.1-pro-preview-high',
      '2026-02-20',
      79.93,
      76.45,
      65.0,
      'thinking_level high, the default',
    ],
    [
      'claude-opus-4-8',
      'claude-opus-4-8-high-effort',
      '2026-05-28',
      77.16,
      76.39,
      60.0,
      'adaptive thinking (its only mode) at the default effort, high',
    ],
    [
      'claude-fable-5',
      'claude-fable-5-high-effort',
      '2026-06-09',
      75.47,
      76.39,
      51.67,
      'adaptive thinking (its only mode) at the default effort, high',
    ],
    [
      'claude-opus-4-7',
      'claude-opus-4-7-high-effort',
      '2026-04-17',
      74.89,
      83.18,
      61.67,
      'adaptive thinking (its only mode) at the default effort, high',
    ],
    [
      'gpt-5-pro',
      'gpt-5-pro-2025-10-06',
      '2026-01-08',
      70.48,
      72.11,
      51.67,
      'reasoning effort high, its only setting',
    ],
    ['gpt-5.1-codex', 'gpt-5.1-codex', '2026-01-08', 68.61, 71.78, 53.33, 'default effort'],
    [
      'grok-4.20',
      'grok-4.20-beta-0309-reasoning',
      '2026-03-13',
      67.96,
      66.09,
      43.33,
      'the 0309 reasoning model, run by LiveBench as a beta',
    ],
    ['grok-4.3', 'grok-4.3', '2026-05-03', 66.74, 69.93, 50.0, 'default'],
    ['grok-4', 'grok-4-0709', '2026-01-08', 62.02, 73.13, 30.0, 'always reasoning'],
    [
      'gpt-5-mini',
      'gpt-5-mini',
      '2026-01-08',
      61.01,
      76.07,
      35.0,
      'reasoning effort default (medium)',
    ],
    [
      'grok-4.1-fast',
      'grok-4-1-fast-reasoning',
      '2026-01-08',
      59.99,
      69.61,
      31.67,
      "the reasoning model, which the catalog's grok-4-1-fast is",
    ],
    [
      'claude-opus-4-5',
      'claude-opus-4-5-20251101-high-effort',
      '2026-01-08',
      58.59,
      77.8,
      61.67,
      'extended thinking off (the default), effort high (the default)',
    ],
    [
      'claude-opus-4-1',
      'claude-4-1-opus-20250805-base',
      '2026-01-08',
      54.45,
      76.07,
      53.33,
      'extended thinking off (the default)',
    ],
    [
      'claude-sonnet-4-5',
      'claude-sonnet-4-5-20250929',
      '2026-01-08',
      53.69,
      76.07,
      48.33,
      'extended thinking off (the default)',
    ],
    [
      'claude-sonnet-4',
      'claude-4-sonnet-20250514-base',
      '2026-01-08',
      50.98,
      80.74,
      38.33,
      'extended thinking off (the default)',
    ],
    [
      'gpt-5.2',
      'gpt-5.2-2025-12-11-nothinking',
      '2026-01-08',
      48.91,
      76.45,
      40.0,
      'reasoning effort none, the default',
    ],
    [
      'gpt-5-nano',
      'gpt-5-nano',
      '2026-01-08',
      48.56,
      67.38,
      28.33,
      'reasoning effort default (medium)',
    ],
    [
      'kimi-k2',
      'kimi-k2-instruct',
      '2026-01-08',
      48.1,
      74.28,
      31.67,
      'K2 Instruct (does not reason)',
    ],
    [
      'gpt-oss-120b',
      'gpt-oss-120b',
      '2026-01-08',
      46.09,
      60.21,
      16.67,
      "LiveBench's default run (effort not stated)",
    ],
    [
      'claude-haiku-4-5',
      'claude-haiku-4-5-20251001',
      '2026-01-08',
      45.33,
      72.17,
      33.33,
      'extended thinking off (the default)',
    ],
    ['grok-code-fast', 'grok-code-fast-1-0825', '2026-01-08', 45.13, 64.44, 33.33, 'default'],
    [
      'qwen3-32b',
      'qwen3-32b-thinking',
      '2026-01-08',
      43.56,
      66.03,
      3.33,
      'thinking on, the default',
    ],
    [
      'gpt-5.1',
      'gpt-5.1-2025-11-13-nothinking',
      '2026-01-08',
      42.65,
      77.48,
      28.33,
      'reasoning effort none, the default',
    ],
    [
      'qwen3-30b-a3b',
      'qwen3-30b-a3b-thinking',
      '2026-01-08',
      39.01,
      48.88,
      1.67,
      'thinking on, the default',
    ],
    [
      'gpt-5.4-mini',
      'gpt-5.4-mini',
      '2026-03-20',
      36.95,
      74.7,
      17.02,
      "LiveBench's default-effort run",
    ],
    [
      'gpt-5.4-nano',
      'gpt-5.4-nano',
      '2026-03-20',
      32.39,
      61.88,
      27.11,
      "LiveBench's default-effort run",
    ],
  ] satisfies [string, string, string, number, number, number, string][],
} as const;
