import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { higherIsBetter, objectiveLabel } from '../../../core/decision/objective.ts';
import { formatNumber } from '../../../core/format.ts';
import {
  checkText,
  comparisonColumns,
  OBJECTIVE_COLUMN_KEYS,
  type ComparisonView,
} from '../../../core/report/comparison-columns.ts';
import type { CandidateResult, CheckStatus } from '../../../core/sweep/types.ts';
import { useLatestWhileInView } from '../../components/use-in-view.ts';
import { VirtualTable, type Column } from '../../components/VirtualTable.tsx';
import { useResults } from '../../stores/results-store.ts';
import { textSizePx, useUi } from '../../stores/ui-store.ts';
import { exporting } from '../../app/later-parts.ts';
import { candidateLabelParts } from '../../../core/charts/candidate-label.ts';
import { useCompare } from './compare-store.ts';
import { visibleRows } from './table-model.ts';

/** How a placement kind reads on its badge and filter chip. */
const KIND_BADGES = { api: 'API', cloud: 'Cloud', onprem: 'Owned', route: 'Route' } as const;

/** A check's outcome as a pill: pass, fail and unknown look different, a check not set is a dash. */
function CheckPill({ status }: { status: CheckStatus }) {
  if (status === 'none') return <span className="faint">—</span>;
  return <span className={`status-pill ${status}`}>{checkText(status)}</span>;
}

/** The catalog the rows shown were evaluated on, for their names (GPU, instance). */
type LabelIndex = Parameters<typeof candidateLabelParts>[1];

function cellFor(
  id: string,
  text: (c: CandidateResult) => string,
  view: ComparisonView,
  index: LabelIndex | null,
) {
  const best = `${higherIsBetter(view.objective) ? 'highest' : 'lowest'} ${objectiveLabel(view.objective, view.horizonMonths)}`;
  return (c: CandidateResult) => {
    if (id === 'rank')
      return c.recommended ? (
        <span title={`Recommended: the ${best} of the feasible candidates`}>
          <span className="star">★</span> 1
        </span>
      ) : (
        (c.rank ?? '—')
      );
    if (id === 'qualityStatus') return <CheckPill status={c.qualityStatus} />;
    if (id === 'latencyStatus') return <CheckPill status={c.latencyStatus} />;
    if (id === 'candidate') return <CandidateCell c={c} index={index} />;
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

/** The model and GPU on the first line, where it runs under it; the whole label on hover. */
function CandidateCell({ c, index }: { c: CandidateResult; index: LabelIndex | null }) {
  // The index of the results shown (held while the table is out of sight), not the latest.
  const parts =
    index !== null ? candidateLabelParts(c, index) : { primary: c.label, secondary: '' };
  return (
    <span className="candidate-cell" title={c.label}>
      <span className="candidate-main">
        <span className={`badge ${c.kind}`}>{KIND_BADGES[c.kind]}</span> {parts.primary}
      </span>
      {parts.secondary !== '' && <span className="candidate-sub">{parts.secondary}</span>}
    </span>
  );
}

/** The table's columns under a view: the comparison's columns with the app's cells. */
function tableColumns(view: ComparisonView, index: LabelIndex | null): Column<CandidateResult>[] {
  const objectiveKey = OBJECTIVE_COLUMN_KEYS[view.objective];
  return comparisonColumns(view).map((col) => ({
    id: col.key,
    header: col.key === objectiveKey ? `${col.header} ★` : col.header,
    size: col.widthPx,
    align: col.align,
    render: cellFor(col.key, col.text, view, index),
  }));
}

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

/** Picks or unpicks a row for the charts and details (the same function every render). */
const toggleRow = (r: CandidateResult) => useUi.getState().toggleSelected(r.id);
const rowId = (r: CandidateResult) => r.id;
const sortBy = (columnId: string) => useCompare.getState().sortBy(columnId);
const NO_ROW = (): CandidateResult => {
  throw new Error('no rows without results');
};

/** The ranked comparison: every candidate, feasible first, sortable, filterable, virtualized. */
export function CompareTable() {
  // Scrolled away (the room watching the charts), the table keeps the results it shows until it
  // comes back: a slider step then does not rebuild, lay out and paint rows nobody sees.
  const [card, shown, held] = useLatestWhileInView(
    useResults(useShallow((s) => ({ evaluation: s.evaluation, version: s.version }))),
  );
  const evaluation = shown.evaluation;
  // Which results the rows show: read by bench:ui and tests.
  const resultsVersion = shown.version;
  const query = useCompare((s) => s.query);
  const columnVisibility = useCompare((s) => s.columnVisibility);
  const selected = useUi((s) => s.selected);
  const textPx = useUi(textSizePx);
  const presenter = useUi((s) => s.presenter);
  const [showColumns, setShowColumns] = useState(false);
  const objective = evaluation?.ok ? evaluation.context.objective : 'tco';
  const horizonMonths = evaluation?.ok ? evaluation.context.value.horizonMonths : 36;
  // The index stays the same object across what-ifs (only a catalog or candidate change makes
  // a new one), so the columns are rebuilt only then.
  const labelIndex = evaluation?.ok ? evaluation.index : null;
  const columns = useMemo(
    () => tableColumns({ objective, horizonMonths }, labelIndex),
    [objective, horizonMonths, labelIndex],
  );
  // The rows in display order, and how to read one: the same function for the same rows, so the
  // table's rows (memoized) are not rebuilt while it holds them out of sight.
  const { order, rowAt } = useMemo(() => {
    if (!evaluation?.ok) return { order: new Int32Array(0), rowAt: NO_ROW };
    const shownRows = visibleRows(
      evaluation.result,
      evaluation.index,
      query,
      searchCacheFor(evaluation.placements),
    );
    const result = evaluation.result;
    return { order: shownRows, rowAt: (k: number) => result.row(shownRows[k] as number) };
  }, [evaluation, query]);
  // The table's props stay the same values while nothing they show changes (it is memoized).
  const sort = useMemo(() => ({ id: query.sort.column, desc: query.sort.desc }), [query.sort]);
  const rowClassName = useCallback(
    (r: CandidateResult) =>
      [
        r.feasible ? '' : 'infeasible',
        r.recommended ? 'recommended' : '',
        selected.includes(r.id) ? 'selected' : '',
      ].join(' '),
    [selected],
  );
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
    <div
      ref={card}
      className="card"
      data-testid="compare-table-card"
      data-results-version={resultsVersion}
      data-held={held ? 'true' : undefined}
    >
      <div className="card-head table-tools">
        <span className="card-title">Ranked comparison</span>
        <span className="muted" data-testid="row-count">
          {formatNumber(order.length)} of {formatNumber(result.columns.size)} candidates ·{' '}
          {formatNumber(result.feasibleCount)} feasible
        </span>
        {query.excluded !== null && (
          <button
            type="button"
            className="chip"
            aria-pressed="true"
            data-testid="excluded-filter"
            title="Show every candidate again"
            onClick={() => c.showExcluded(null)}
          >
            Excluded: {query.excluded.label} ✕
          </button>
        )}
        <span className="spacer" />
        <input
          className="search"
          placeholder="Filter: model, provider, GPU, region…"
          aria-label="Filter candidates"
          data-testid="compare-filter"
          value={query.text}
          onChange={(e) => c.setText(e.target.value)}
        />
        {(['api', 'cloud', 'onprem', 'route'] as const).map((k) => (
          <button
            key={k}
            type="button"
            className="chip"
            aria-pressed={query.kinds.includes(k)}
            onClick={() => c.toggleKind(k)}
          >
            {KIND_BADGES[k]}
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
          onClick={() => void exporting((x) => x.exportComparison('csv'))}
          title="The rows and columns shown, in this order, with raw numbers"
          data-testid="export-csv"
        >
          CSV
        </button>
        <button
          type="button"
          className="btn small"
          onClick={() => void exporting((x) => x.exportComparison('md'))}
          title="A report: the assumptions, why this one, and the rows and columns shown"
          data-testid="export-md"
        >
          Markdown
        </button>
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
          {columns
            .filter((col) => col.id !== 'candidate')
            .map((col) => (
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
        columns={columns}
        rowCount={order.length}
        rowAt={rowAt}
        rowKey={rowId}
        // Two lines a row (the model and GPU, then where it runs), at the text size shown.
        rowHeight={Math.round(textPx * 3.1)}
        height={presenter ? '60vh' : 460}
        columnVisibility={columnVisibility}
        sort={sort}
        onSort={sortBy}
        onRowClick={toggleRow}
        rowClassName={rowClassName}
        empty="No candidate matches the filters"
      />
    </div>
  );
}
