import { useCallback, useEffect, useState } from 'react';
import type { CatalogCheck } from '../../../core/contract/ipc.ts';
import type { Finding, FindingLevel, RuleId } from '../../../core/catalog-check/rules.ts';
import { formatNumber } from '../../../core/format.ts';
import { call } from '../../api/api.ts';
import { VirtualTable, type Column } from '../../components/VirtualTable.tsx';
import { useCatalog } from '../../stores/catalog-store.ts';
import { attempt } from '../../stores/ui-store.ts';
import { filterFindings, ruleCounts, type ChecksFilter } from './checks.ts';

const COLUMNS: Column<Finding>[] = [
  {
    id: 'level',
    header: 'Level',
    size: 80,
    render: (f) => (
      <span className={`badge ${f.level === 'error' ? 'error' : 'stale'}`}>{f.level}</span>
    ),
  },
  { id: 'rule', header: 'Rule', size: 200, render: (f) => <span className="mono">{f.rule}</span> },
  {
    id: 'row',
    header: 'Row',
    size: 320,
    render: (f) => <span className="mono">{`${f.table}: ${f.key}`}</span>,
  },
  { id: 'message', header: 'Finding', size: 760, render: (f) => f.message },
];

/**
 * The catalog's consistency checks, as `catalog check` runs them: every finding names its row
 * and rule; errors first. Re-run after every catalog change.
 */
export function ChecksPanel() {
  const revision = useCatalog((s) => s.snapshot?.revision);
  const [report, setReport] = useState<CatalogCheck | null>(null);
  const [filter, setFilter] = useState<ChecksFilter>({ level: 'all', rule: 'all', text: '' });
  const load = useCallback(async () => {
    const r = await attempt(() => call('catalog:check', {}));
    if (r) setReport(r);
  }, []);
  useEffect(() => {
    // After the catalog settles (an import or an edit changes its revision), not during it.
    const t = setTimeout(() => void load(), 50);
    return () => clearTimeout(t);
  }, [load, revision]);
  if (report === null) return <div className="card card-body muted">Checking the catalog…</div>;
  const shown = filterFindings(report.findings, filter);
  const setLevel = (level: FindingLevel | 'all') => setFilter((f) => ({ ...f, level }));
  const setRule = (rule: RuleId | 'all') => setFilter((f) => ({ ...f, rule }));
  return (
    <div className="card" data-testid="checks-panel">
      <div className="card-head table-tools">
        <span className="card-title">Checks</span>
        <span
          className={report.errors > 0 ? 'reason' : 'ok'}
          data-testid="checks-summary"
          role="status"
        >
          {formatNumber(report.errors)} error{report.errors === 1 ? '' : 's'},{' '}
          {formatNumber(report.warnings)} warning{report.warnings === 1 ? '' : 's'}
        </span>
        <span className="spacer" />
        <div className="btn-group" role="group" aria-label="Level">
          {(['all', 'error', 'warning'] as const).map((l) => (
            <button
              key={l}
              type="button"
              className="btn small"
              aria-pressed={filter.level === l}
              onClick={() => setLevel(l)}
            >
              {l === 'all' ? 'All' : l === 'error' ? 'Errors' : 'Warnings'}
            </button>
          ))}
        </div>
        <select
          aria-label="Rule"
          value={filter.rule}
          onChange={(e) => setRule(e.target.value as RuleId | 'all')}
          data-testid="checks-rule"
          style={{ maxWidth: 280 }}
        >
          <option value="all">Every rule</option>
          {ruleCounts(report.byRule).map((r) => (
            <option key={r.rule} value={r.rule} title={r.description}>
              {r.rule} ({r.level}) · {r.count}
            </option>
          ))}
        </select>
        <input
          className="search"
          aria-label="Search the findings"
          placeholder="Search rows and messages"
          value={filter.text}
          onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
        />
        <button type="button" className="btn small" onClick={() => void load()}>
          Run again
        </button>
      </div>
      {report.problems.length > 0 && (
        <div className="card-body" role="alert" data-testid="checks-problems">
          {report.problems.map((p) => (
            <div key={p} className="reason">
              Left out of the catalog: {p}
            </div>
          ))}
        </div>
      )}
      <VirtualTable<Finding>
        testId="checks-table"
        columns={COLUMNS}
        rowCount={shown.length}
        rowAt={(k) => shown[k] as Finding}
        rowKey={(f) => `${f.rule}|${f.table}|${f.key}|${f.field ?? ''}`}
        height={560}
        empty="No finding matches"
      />
    </div>
  );
}
