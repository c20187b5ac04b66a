import { formatNumber } from '../../../core/format.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogRowView, CatalogTable } from '../../../core/contract/shapes.ts';
import { call } from '../../api/api.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { useCatalog } from '../../stores/catalog-store.ts';
import { attempt } from '../../stores/ui-store.ts';
import { exportCatalogFile, importCatalogFile } from '../scenarios/scenario-actions.ts';
import { CATALOG_COLUMNS } from './catalog-columns.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { DiscountsPanel } from './DiscountsPanel.tsx';
import { RowEditor } from './RowEditor.tsx';
import { templateRow } from './templates.ts';

/** Tabs in the order people look for them (the database writes parents first). */
type Tab = CatalogTable | 'discounts' | 'checks';

const TABS: readonly Tab[] = [
  'offerings',
  'models',
  'providers',
  'gpus',
  'instances',
  'regions',
  'quality',
  'latency',
  'discounts',
  'checks',
];

const LABELS: Record<Tab, string> = {
  providers: 'Providers',
  models: 'Models',
  offerings: 'API offerings',
  gpus: 'GPUs',
  instances: 'GPU instances',
  regions: 'Regions',
  quality: 'Quality scores',
  latency: 'API latency',
  discounts: 'Discounts',
  checks: 'Checks',
};

/** Every catalog table: search, browse (virtualized), edit, add; sources and dates visible. */
export function CatalogView() {
  const revision = useCatalog((s) => s.snapshot?.revision);
  const stats = useCatalog((s) => s.snapshot?.stats);
  const [table, setTable] = useState<Tab>('offerings');
  const [filter, setFilter] = useState('');
  const [rows, setRows] = useState<CatalogRowView[]>([]);
  const [total, setTotal] = useState(0);
  const [filterError, setFilterError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{
    key: string | null;
    row: Record<string, unknown>;
  } | null>(null);
  const latest = useRef(0);
  const load = useCallback(async () => {
    if (table === 'discounts' || table === 'checks') return;
    // Lists can come back out of order (a reload after an import, then a search typed at once):
    // only the last one asked for is shown, so the rows always match the search box.
    const request = ++latest.current;
    const r = await attempt(() =>
      call('catalog:list', { table, filter: filter === '' ? undefined : filter, limit: 100_000 }),
    );
    if (request !== latest.current) return;
    if (r) {
      setRows(r.rows);
      setTotal(r.total);
      setFilterError(r.filterError ?? null);
    }
  }, [table, filter]);
  useEffect(() => {
    const t = setTimeout(() => void load(), 120);
    return () => clearTimeout(t);
  }, [load, revision]);
  return (
    <div className="page" data-testid="catalog-view">
      <div className="row" style={{ marginBottom: 12, flexWrap: 'wrap' }}>
        <div className="tabs" role="tablist">
          {TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              className="tab"
              aria-selected={table === t}
              data-testid={`catalog-tab-${t}`}
              onClick={() => {
                setTable(t);
                setEditing(null);
              }}
            >
              {LABELS[t]}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          onClick={() => void importCatalogFile()}
          data-testid="catalog-import"
        >
          Import price list…
        </button>
        <button type="button" className="btn" onClick={() => void exportCatalogFile()}>
          Export catalog…
        </button>
      </div>
      {table === 'discounts' ? (
        <DiscountsPanel />
      ) : table === 'checks' ? (
        <ChecksPanel />
      ) : (
        <div className={editing ? 'catalog-layout editing' : 'catalog-layout'}>
          <div className="card">
            <div className="card-head table-tools">
              <span className="card-title">{LABELS[table]}</span>
              <span className="muted" data-testid="catalog-count">
                {formatNumber(rows.length)} of {formatNumber(total)} rows
                {stats ? ` · ${formatNumber(stats.staleRows)} stale in the catalog` : ''}
              </span>
              <span className="spacer" />
              <input
                className="search"
                aria-label="Search the catalog"
                placeholder="Search, or field=value,field=value"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                data-testid="catalog-search"
              />
              <button
                type="button"
                className="btn small"
                onClick={() =>
                  setEditing({
                    key: null,
                    row: templateRow(table, new Date().toISOString().slice(0, 10)),
                  })
                }
              >
                Add row
              </button>
            </div>
            {table === 'latency' && <LatencyNote />}
            {filterError && (
              <div className="card-body reason" role="alert">
                {filterError}
              </div>
            )}
            <VirtualTable<CatalogRowView>
              testId="catalog-table"
              columns={CATALOG_COLUMNS[table]}
              rowCount={rows.length}
              rowAt={(k) => rows[k] as CatalogRowView}
              rowKey={(r) => r.key}
              height={620}
              onRowClick={(r) => setEditing({ key: r.key, row: r.row })}
              rowClassName={(r) => (editing?.key === r.key ? 'selected' : '')}
              empty="No rows match the search"
            />
          </div>
          {editing && (
            <RowEditor
              table={table}
              rowKey={editing.key}
              row={editing.row}
              onDone={() => setEditing(null)}
            />
          )}
        </div>
      )}
    </div>
  );
}

/**
 * What the latency table holds, and the way in for a user's own load test: a CSV of medians per
 * offering, imported as measured figures after the same review as any import.
 */
function LatencyNote() {
  return (
    <div className="card-body row" style={{ flexWrap: 'wrap', gap: 8 }} data-testid="latency-note">
      <span className="muted" style={{ flex: '1 1 420px' }}>
        Median time to first token and output speed per API offering: published benchmarks' figures,
        and your own measurements, which the latency SLOs use first. A median, not a guarantee.
        Import a CSV of your load test (offering_id, ttft_ms, output_tok_per_s, input_tokens,
        output_tokens, source, as_of): its rows are kept as measured.
      </span>
      <button
        type="button"
        className="btn small"
        onClick={() => void importCatalogFile()}
        data-testid="latency-import"
      >
        Import your measurements…
      </button>
    </div>
  );
}
