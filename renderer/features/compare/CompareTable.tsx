import { formatNumber } from '../../../core/format.ts';
import { useMemo, useState } from 'react';
import { COMPARISON_COLUMNS } from '../../../core/report/comparison-columns.ts';
import type { CandidateResult } from '../../../core/sweep/types.ts';
import { VirtualTable, type Column } from '../../components/VirtualTable.tsx';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useCompare } from './compare-store.ts';
import { visibleRows } from './table-model.ts';

function cellFor(id: string, text: (c: CandidateResult) => string) {
  return (c: CandidateResult) => {
    if (id === 'rank')
      return c.recommended ? (
        <span title="Recommended: cheapest feasible">
          <span className="star">★</span> 1
        </span>
      ) : (
        (c.rank ?? '—')
      );
    if (id === 'candidate') {
      return (
        <span title={c.label}>
          <span className={`badge ${c.kind}`}>
            {c.kind === 'api' ? 'API' : c.kind === 'cloud' ? 'Cloud' : 'Owned'}
          </span>{' '}
          {c.label}
        </span>
      );
    }
    if (id === 'status') {
      if (!c.feasible)
        return (
          <span className="reason" title={c.reasons.join('\n')}>
            {c.reasons.join('; ')}
          </span>
        );
      return c.warnings.length > 0 ? (
        <span className="muted" title={c.warnings.join('\n')}>
          {c.warnings.join('; ')}
        </span>
      ) : (
        <span className="ok">feasible{c.pareto ? ' · Pareto' : ''}</span>
      );
    }
    return text(c);
  };
}

const COLUMNS: Column<CandidateResult>[] = COMPARISON_COLUMNS.map((col) => ({
  id: col.key,
  header: col.header,
  size: col.widthPx,
  align: col.align,
  render: cellFor(col.key, col.text),
}));

/**
 * Search text per candidate, built on first use and kept while the placements live: a what-if
 * re-evaluates the same placements, whose text does not change.
 */
const searchCaches = new WeakMap<object, Map<number, string>>();
function searchCacheFor(placements: object): Map<number, string> {
  let cache = searchCaches.get(placements);
  if (cache === undefined) searchCaches.set(placements, (cache = new Map()));
  return cache;
}

/** The ranked comparison: every candidate, feasible first, sortable, filterable, virtualized. */
export function CompareTable() {
  const evaluation = useResults((s) => s.evaluation);
  const query = useCompare((s) => s.query);
  const columnVisibility = useCompare((s) => s.columnVisibility);
  const selected = useUi((s) => s.selected);
  const [showColumns, setShowColumns] = useState(false);
  const order = useMemo(() => {
    if (!evaluation?.ok) return new Int32Array(0);
    return visibleRows(
      evaluation.result,
      evaluation.index,
      query,
      searchCacheFor(evaluation.placements),
    );
  }, [evaluation, query]);
  if (!evaluation) return null;
  if (!evaluation.ok)
    return (
      <div className="card card-body reason" role="alert">
        {evaluation.error}
      </div>
    );
  const result = evaluation.result;
  const c = useCompare.getState();
  return (
    <div className="card" data-testid="compare-table-card">
      <div className="card-head table-tools">
        <span className="card-title">Ranked comparison</span>
        <span className="muted" data-testid="row-count">
          {formatNumber(order.length)} of {formatNumber(result.columns.size)} candidates ·{' '}
          {formatNumber(result.feasibleCount)} feasible
        </span>
        <span className="spacer" />
        <input
          className="search"
          placeholder="Filter: model, provider, GPU, region…"
          aria-label="Filter candidates"
          data-testid="compare-filter"
          value={query.text}
          onChange={(e) => c.setText(e.target.value)}
        />
        {(['api', 'cloud', 'onprem'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className="chip"
            aria-pressed={query.kinds.includes(k)}
            onClick={() => c.toggleKind(k)}
          >
            {k === 'api' ? 'API' : k === 'cloud' ? 'Cloud' : 'Owned'}
          </button>
        ))}
        <label className="row muted">
          <input
            type="checkbox"
            checked={query.feasibleOnly}
            onChange={(e) => c.setFeasibleOnly(e.target.checked)}
          />{' '}
          Feasible only
        </label>
        <button
          type="button"
          className="btn small"
          onClick={() => setShowColumns((s) => !s)}
          aria-expanded={showColumns}
        >
          Columns
        </button>
      </div>
      {showColumns && (
        <div className="card-body chips">
          {COLUMNS.filter((col) => col.id !== 'candidate').map((col) => (
            <button
              key={col.id}
              type="button"
              className="chip"
              aria-pressed={columnVisibility[col.id] !== false}
              onClick={() => c.toggleColumn(col.id)}
            >
              {String(col.header)}
            </button>
          ))}
        </div>
      )}
      <VirtualTable<CandidateResult>
        testId="compare-table"
        columns={COLUMNS}
        rowCount={order.length}
        rowAt={(k) => result.row(order[k] as number)}
        rowKey={(r) => r.id}
        height={460}
        columnVisibility={columnVisibility}
        sort={{ id: query.sort.column, desc: query.sort.desc }}
        onSort={(id) => c.sortBy(id)}
        onRowClick={(r) => useUi.getState().toggleSelected(r.id)}
        rowClassName={(r) =>
          [
            r.feasible ? '' : 'infeasible',
            r.recommended ? 'recommended' : '',
            selected.includes(r.id) ? 'selected' : '',
          ].join(' ')
        }
        empty="No candidate matches the filters"
      />
    </div>
  );
}
