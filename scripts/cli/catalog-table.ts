/** How `catalog list` prints each table in a terminal: a few columns that identify a row. */
import { formatNumber } from '../../core/format.ts';
import type { CatalogRowView, CatalogTable } from '../../core/contract/shapes.ts';

type Row = Record<string, unknown>;
type Column = [header: string, cell: (row: Row) => string];

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const num = (v: unknown, digits = 0) => (typeof v === 'number' ? formatNumber(v, digits) : '');
const price = (v: unknown) => (typeof v === 'number' ? String(v) : '');
const at = (row: Row, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null ? (v as Row)[k] : undefined),
    row,
  );

const COLUMNS: Record<CatalogTable, Column[]> = {
  providers: [
    ['id', (r) => str(r['id'])],
    ['name', (r) => str(r['name'])],
    ['kind', (r) => str(r['kind'])],
  ],
  models: [
    ['id', (r) => str(r['id'])],
    ['name', (r) => str(r['name'])],
    ['developer', (r) => str(r['developer'])],
    ['open', (r) => (r['openWeights'] === true ? 'yes' : 'no')],
    ['params B', (r) => num(at(r, 'arch', 'paramsTotalB'), 1)],
    ['context', (r) => num(r['contextTokens'])],
  ],
  offerings: [
    ['id', (r) => str(r['id'])],
    ['model', (r) => str(r['modelId'])],
    ['residency', (r) => str(r['residency'])],
    ['in $/MTok', (r) => price(at(r, 'usdPerMTok', 'input'))],
    ['out $/MTok', (r) => price(at(r, 'usdPerMTok', 'output'))],
    ['cached $/MTok', (r) => price(at(r, 'usdPerMTok', 'cacheRead'))],
  ],
  gpus: [
    ['id', (r) => str(r['id'])],
    ['name', (r) => str(r['name'])],
    ['memory GB', (r) => num(r['memoryGB'])],
    ['TB/s', (r) => num(r['memoryBandwidthTBps'], 2)],
    ['BF16 TFLOPS', (r) => num(at(r, 'tflops', 'bf16'))],
  ],
  instances: [
    ['id', (r) => str(r['id'])],
    ['GPUs', (r) => `${str(r['gpuCount'])}× ${str(r['gpuId'])}`],
    ['on-demand $/h', (r) => price(at(r, 'usdPerHour', 'onDemand'))],
    ['spot $/h', (r) => price(at(r, 'usdPerHour', 'spot'))],
  ],
  regions: [
    ['id', (r) => str(r['id'])],
    ['name', (r) => str(r['name'])],
    ['country', (r) => str(r['country'])],
    ['residency', (r) => str(r['residency'])],
    ['gCO2/kWh', (r) => num(r['gridGCo2PerKwh'])],
  ],
  quality: [
    ['model', (r) => str(r['modelId'])],
    ['benchmark', (r) => str(r['benchmark'])],
    ['score', (r) => num(r['score'], 1)],
  ],
  latency: [
    ['offering', (r) => str(r['offeringId'])],
    ['kind', (r) => str(r['kind'])],
    ['TTFT ms', (r) => num(r['ttftMs'])],
    ['out tok/s', (r) => num(r['outputTokPerS'], 1)],
    ['test in/out tokens', (r) => testSizes(r)],
  ],
};

/** The test's prompt and output sizes, "550 / 150", when the figure states them. */
function testSizes(r: Row): string {
  const input = r['inputTokens'];
  const output = r['outputTokens'];
  if (input === undefined && output === undefined) return '';
  return `${num(input) || '?'} / ${num(output) || '?'}`;
}

/** What the bookkeeping says about a row, in a word or two ("user", "edited, stale"). */
function flags(view: CatalogRowView): string {
  const out: string[] = [];
  if (view.origin !== 'seed') out.push(view.origin);
  if (view.modified) out.push('edited');
  if (view.stale) out.push('stale');
  return out.join(', ');
}

/** An aligned text table of rows, with the as-of date and flags last. */
export function catalogText(table: CatalogTable, views: readonly CatalogRowView[]): string {
  const columns: Column[] = [...COLUMNS[table], ['as of', (r) => str(r['asOf'])]];
  const cells = [
    [...columns.map(([h]) => h), 'flags'],
    ...views.map((v) => [...columns.map(([, cell]) => cell(v.row)), flags(v)]),
  ];
  // A fold, not Math.max(...cells): an imported catalog may list more rows than a call takes arguments.
  const widths =
    cells[0]?.map((_, i) => cells.reduce((w, r) => Math.max(w, (r[i] ?? '').length), 0)) ?? [];
  return cells
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
