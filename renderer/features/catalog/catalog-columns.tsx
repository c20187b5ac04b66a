import { formatDecimal } from '../../../core/format.ts';
import type { CatalogRowView, CatalogTable } from '../../../core/contract/shapes.ts';
import type { Column } from '../../components/VirtualTable.tsx';

type Row = CatalogRowView;
const get = (r: Row, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], r.row);
const text = (v: unknown) =>
  v === undefined || v === null ? '—' : typeof v === 'number' ? formatDecimal(v) : String(v);

function field(
  id: string,
  header: string,
  path: string,
  size = 110,
  align: 'left' | 'right' = 'left',
): Column<Row> {
  return {
    id,
    header,
    size,
    align,
    render: (r: Row) => text(get(r, path)),
  };
}

const KEY: Column<Row> = {
  id: 'key',
  header: 'Id',
  size: 300,
  render: (r: Row) => (
    <span title={r.key}>
      {r.key}
      {r.origin !== 'seed' && (
        <span className="badge user" style={{ marginLeft: 6 }}>
          {r.origin}
        </span>
      )}
      {r.modified && (
        <span className="badge user" style={{ marginLeft: 6 }}>
          edited
        </span>
      )}
    </span>
  ),
};
const PROVENANCE: Column<Row>[] = [
  {
    id: 'asOf',
    header: 'As of',
    size: 118,
    render: (r: Row) => (
      <span>
        {r.asOf}{' '}
        {r.stale && (
          <span className="badge stale" title="Older than the stale threshold">
            stale
          </span>
        )}
      </span>
    ),
  },
  {
    id: 'source',
    header: 'Source',
    size: 420,
    render: (r: Row) => (
      <span title={r.source} className="muted">
        {r.source}
      </span>
    ),
  },
];

/** The columns each catalog table shows (every field is in the editor). */
export const CATALOG_COLUMNS: Record<CatalogTable, Column<Row>[]> = {
  providers: [
    KEY,
    field('name', 'Name', 'name', 160),
    field('kind', 'Kind', 'kind', 70),
    field('stackingRule', 'Stacking rule', 'stackingRule', 380),
    ...PROVENANCE,
  ],
  models: [
    KEY,
    field('name', 'Name', 'name', 200),
    field('developer', 'Developer', 'developer', 120),
    field('family', 'Family', 'family', 90),
    field('open', 'Open weights', 'openWeights', 100),
    field('params', 'Params (B)', 'arch.paramsTotalB', 96, 'right'),
    field('ctx', 'Context', 'contextTokens', 96, 'right'),
    ...PROVENANCE,
  ],
  offerings: [
    KEY,
    field('provider', 'Provider', 'provider', 100),
    field('model', 'Model', 'modelId', 170),
    field('residency', 'Zone', 'residency', 64),
    field('input', 'Input $/1M', 'usdPerMTok.input', 96, 'right'),
    field('output', 'Output $/1M', 'usdPerMTok.output', 100, 'right'),
    field('cacheRead', 'Cached $/1M', 'usdPerMTok.cacheRead', 100, 'right'),
    field('cacheWrite', 'Write $/1M', 'usdPerMTok.cacheWrite', 96, 'right'),
    field('batchIn', 'Batch in', 'batch.input', 86, 'right'),
    ...PROVENANCE,
  ],
  gpus: [
    KEY,
    field('name', 'Name', 'name', 190),
    field('mem', 'Memory GB', 'memoryGB', 96, 'right'),
    field('bw', 'TB/s', 'memoryBandwidthTBps', 70, 'right'),
    field('bf16', 'BF16 TFLOPS', 'tflops.bf16', 104, 'right'),
    field('fp8', 'FP8 TFLOPS', 'tflops.fp8', 100, 'right'),
    field('tdp', 'TDP W', 'tdpW', 76, 'right'),
    field('price', 'Price $', 'purchaseUsd', 90, 'right'),
    ...PROVENANCE,
  ],
  instances: [
    KEY,
    field('type', 'Type', 'instanceType', 170),
    field('gpu', 'GPU', 'gpuId', 96),
    field('count', 'GPUs', 'gpuCount', 56, 'right'),
    field('region', 'Region', 'regionId', 170),
    field('od', 'On-demand $/h', 'usdPerHour.onDemand', 116, 'right'),
    field('spot', 'Spot $/h', 'usdPerHour.spot', 86, 'right'),
    field('c1', '1-year $/h', 'usdPerHour.commit1y', 90, 'right'),
    field('c3', '3-year $/h', 'usdPerHour.commit3y', 90, 'right'),
    ...PROVENANCE,
  ],
  regions: [
    KEY,
    field('name', 'Name', 'name', 170),
    field('country', 'Country', 'country', 70),
    field('zone', 'Zone', 'residency', 64),
    field('co2', 'gCO2/kWh', 'gridGCo2PerKwh', 92, 'right'),
    field('pue', 'PUE', 'pue', 60, 'right'),
    ...PROVENANCE,
  ],
  quality: [
    KEY,
    field('model', 'Model', 'modelId', 200),
    field('benchmark', 'Benchmark', 'benchmark', 130),
    field('score', 'Score', 'score', 80, 'right'),
    ...PROVENANCE,
  ],
  latency: [
    { ...KEY, header: 'Offering | kind' },
    field('kind', 'Kind', 'kind', 90),
    field('ttft', 'TTFT ms', 'ttftMs', 86, 'right'),
    field('speed', 'Output tok/s', 'outputTokPerS', 104, 'right'),
    field('testIn', 'Test input', 'inputTokens', 90, 'right'),
    field('testOut', 'Test output', 'outputTokens', 96, 'right'),
    ...PROVENANCE,
  ],
};
