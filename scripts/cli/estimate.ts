import { z } from 'zod';
import {
  ConfigurationError,
  estimate,
  type Estimate,
  type EstimateInput,
} from '../../core/perf/estimate.ts';
import type { Catalog, OpenModel } from '../../core/schema/catalog.ts';
import { ENGINES, PRECISIONS, Engine, Precision } from '../../core/schema/common.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import { formatMs, formatNumber } from '../../core/format.ts';
import { enumFlag, intFlag, parseArgs, requiredFlag, stringFlag } from './args.ts';
import { UsageError } from './errors.ts';
import { lookup } from './lookup.ts';
import { readJsonFile } from './read-file.ts';

const OPTIONS = [
  'model',
  'gpu',
  'gpus',
  'tp',
  'precision',
  'kv-precision',
  'input',
  'output',
  'concurrency',
  'saturate',
  'engine',
  'json',
  'batch',
];
const SWITCHES = ['saturate', 'json'];

/** One configuration as the batch file spells it (camelCase of the flags). */
const BatchItem = z.strictObject({
  model: z.string(),
  gpu: z.string(),
  gpus: z.number().int().positive(),
  tp: z.number().int().positive().optional(),
  precision: Precision,
  kvPrecision: Precision.optional(),
  input: z.number().int().positive(),
  output: z.number().int().positive(),
  concurrency: z.number().int().positive().optional(),
  saturate: z.boolean().optional(),
  engine: Engine.default('vllm'),
});
type BatchItem = z.infer<typeof BatchItem>;

export function runEstimate(argv: readonly string[], catalog: Catalog): string {
  const a = parseArgs(argv, OPTIONS, SWITCHES);
  if (a.positionals.length > 0) throw new UsageError(`unexpected argument '${a.positionals[0]}'`);
  const batchFile = stringFlag(a, 'batch');
  if (batchFile !== undefined) {
    const others = [...a.flags.keys()].filter((k) => k !== 'batch' && k !== 'json');
    if (others.length > 0)
      throw new UsageError(`--batch takes its options from the file; drop --${others[0]}`);
    return runBatch(batchFile, rowsById(catalog));
  }
  const item: BatchItem = {
    model: requiredFlag(a, 'model'),
    gpu: requiredFlag(a, 'gpu'),
    gpus: required(intFlag(a, 'gpus', 1), 'gpus'),
    tp: intFlag(a, 'tp', 1),
    precision: required(enumFlag(a, 'precision', PRECISIONS), 'precision'),
    kvPrecision: enumFlag(a, 'kv-precision', PRECISIONS),
    input: required(intFlag(a, 'input', 1), 'input'),
    output: required(intFlag(a, 'output', 1), 'output'),
    concurrency: intFlag(a, 'concurrency', 1),
    saturate: a.flags.has('saturate'),
    engine: enumFlag(a, 'engine', ENGINES) ?? 'vllm',
  };
  if (item.saturate && item.concurrency !== undefined)
    throw new UsageError('give --concurrency or --saturate, not both');
  if (!item.saturate && item.concurrency === undefined)
    throw new UsageError('--concurrency N or --saturate is required');
  const result = estimateItem(item, rowsById(catalog), (field) => `--${kebab(field)}`);
  return a.flags.has('json') ? JSON.stringify(result) : humanEstimate(item, result);
}

function required<T>(v: T | undefined, name: string): T {
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

/** The catalog's models and GPUs by id, built once per command (a batch has up to 100,000 items). */
interface RowsById {
  models: Map<string, Catalog['models'][number]>;
  gpus: Map<string, Catalog['gpus'][number]>;
}

function rowsById(catalog: Catalog): RowsById {
  return {
    models: new Map(catalog.models.map((m) => [m.id, m])),
    gpus: new Map(catalog.gpus.map((g) => [g.id, g])),
  };
}

function runBatch(file: string, rows: RowsById): string {
  const raw = readJsonFile(file);
  if (!Array.isArray(raw)) throw new UsageError(`${file}: must be a JSON array of configurations`);
  if (raw.length > 100_000) throw new UsageError(`${file}: at most 100,000 configurations`);
  const results = raw.map((entry, i) => {
    const parsed = BatchItem.safeParse(entry);
    if (!parsed.success)
      throw new UsageError(`${file}: ${describeZodError(parsed.error, `[${i}]`)}`);
    const item = parsed.data;
    if (item.saturate === true && item.concurrency !== undefined) {
      throw new UsageError(`${file}: [${i}]: give concurrency or saturate, not both`);
    }
    if (item.saturate !== true && item.concurrency === undefined) {
      throw new UsageError(`${file}: [${i}]: concurrency or saturate: true is required`);
    }
    return estimateItem(item, rows, (field) => `${file}: [${i}].${field}`);
  });
  return JSON.stringify(results);
}

/** Names a field in an error: `--kv-precision` on the command line, `file: [3].kvPrecision` in a batch. */
type FieldName = (field: string) => string;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function estimateItem(
  item: BatchItem,
  { models, gpus }: RowsById,
  name: FieldName,
): Estimate & { model: string; gpu: string; gpus: number; engine: Engine } {
  const model = lookup(models, item.model, 'model', name('model'));
  if (!model.openWeights || model.arch === undefined) {
    throw new UsageError(`${name('model')}: '${model.id}' has no open weights to self-host`);
  }
  const gpu = lookup(gpus, item.gpu, 'GPU', name('gpu'));
  const input: EstimateInput = {
    model: model as OpenModel,
    gpu,
    gpus: item.gpus,
    ...(item.tp !== undefined ? { tp: item.tp } : {}),
    precision: item.precision,
    ...(item.kvPrecision !== undefined ? { kvPrecision: item.kvPrecision } : {}),
    engine: item.engine,
    inputTokens: item.input,
    outputTokens: item.output,
    concurrency: item.saturate ? 'saturate' : (item.concurrency as number),
  };
  try {
    return {
      model: model.id,
      gpu: gpu.id,
      gpus: item.gpus,
      engine: item.engine,
      ...estimate(input),
    };
  } catch (e) {
    if (e instanceof ConfigurationError) throw new UsageError(`${name(e.field)}: ${e.message}`);
    throw e;
  }
}

function humanEstimate(item: BatchItem, e: Estimate): string {
  const head = `${item.model} on ${item.gpus}× ${item.gpu} (tp ${e.tp}, ${e.replicas} replica${e.replicas === 1 ? '' : 's'}), ${e.precision} weights, ${e.kvPrecision} KV, ${item.engine}`;
  if (!e.fitsInMemory) return `${head}\ndoes not fit: ${e.reason ?? ''}`;
  const rows: [string, string][] = [
    ['output tokens/s (all GPUs)', formatNumber(e.outputTokensPerSecond, 1)],
    ['requests/s', formatNumber(e.requestsPerSecond, 2)],
    ['TTFT', formatMs(e.ttftMs)],
    ['TPOT', formatMs(e.tpotMs)],
    ['end-to-end', formatMs(e.e2eLatencyMs)],
    [
      'concurrency',
      e.concurrency > e.maxConcurrency
        ? `${formatNumber(e.concurrency)}: ${formatNumber(e.maxConcurrency)} run at once (all that fit), the other ${formatNumber(e.concurrency - e.maxConcurrency)} queue — TTFT and end-to-end include that wait`
        : `${formatNumber(e.concurrency)} (max that fits: ${formatNumber(e.maxConcurrency)})`,
    ],
    ['weights per GPU', `${e.weightsGBPerGpu.toFixed(1)} GB`],
    ['KV cache per sequence', `${e.kvCacheGBPerSequence.toFixed(3)} GB`],
  ];
  if (e.exceedsContext) rows.push(['warning', 'prompt + output exceed the model context window']);
  return [head, ...rows.map(([k, v]) => `  ${k.padEnd(26)} ${v}`)].join('\n');
}
