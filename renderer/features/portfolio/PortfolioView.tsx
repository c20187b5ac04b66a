import { useMemo, useState } from 'react';
import { formatNumber, formatPct, formatUsd } from '../../../core/format.ts';
import type { PortfolioResult } from '../../../core/portfolio/evaluate.ts';
import { IDLE_UNALLOCATED, NO_OWNER, type Showback } from '../../../core/portfolio/showback.ts';
import { showbackCsv } from '../../../core/report/portfolio-report.ts';
import { IDLE_ALLOCATIONS } from '../../../core/schema/portfolio.ts';
import { CheckField, SelectField } from '../../components/NumberField.tsx';
import { call } from '../../api/api.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { attempt, useUi } from '../../stores/ui-store.ts';
import { evaluateOpenPortfolio } from '../../stores/results-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { scenarioFileName } from '../scenarios/scenario-file.ts';
import { BudgetsCard } from './BudgetsCard.tsx';
import { consumption, CONSUMPTION_SLICES, type ConsumptionSlice } from './portfolio-model.ts';
import { SpendChart } from './SpendChart.tsx';

/** The portfolio of the open file, evaluated whenever a workload or the catalog changes. */
function usePortfolio(): { result: PortfolioResult | null; error: string | null } {
  const file = useWorkspace((s) => s.file);
  const scenario = useWorkspace((s) => s.scenario);
  const snapshot = useCatalog((s) => s.snapshot);
  return useMemo(() => {
    const e = evaluateOpenPortfolio();
    if (e === null) return { result: null, error: null };
    return e.ok ? { result: e.result, error: null } : { result: null, error: e.error };
    // The file, the active scenario and the catalog are what it evaluates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, scenario, snapshot]);
}

/**
 * The whole plan: every workload's choice and cost, the shared pools and what they save, the
 * spend over the horizon against the budgets, the showback table and projected consumption.
 */
export function PortfolioView() {
  const { result, error } = usePortfolio();
  if (result === null)
    return (
      <div className="page" data-testid="portfolio-view">
        <div className="card reason" role="alert">
          {error ?? 'Loading…'}
        </div>
      </div>
    );
  return (
    <div className="page portfolio" data-testid="portfolio-view">
      <Totals r={result} />
      <SpendChart r={result} />
      <WorkloadsCard r={result} />
      <PoolsCard r={result} />
      <ShowbackCard r={result} />
      <BudgetsCard r={result} />
      <ConsumptionCard r={result} />
    </div>
  );
}

function Totals({ r }: { r: PortfolioResult }) {
  const byStage = r.showback.byStage;
  return (
    <div className="card summary portfolio-totals" data-testid="portfolio-totals">
      <Kpi label="Monthly" value={formatUsd(r.totalMonthlyUsd)} testId="portfolio-monthly" />
      <Kpi label={`${r.horizonMonths} months`} value={formatUsd(r.tcoUsd)} testId="portfolio-tco" />
      <Kpi label="Production" value={formatUsd((byStage['production'] ?? 0) / 100)} />
      <Kpi label="Experiments" value={formatUsd((byStage['experiment'] ?? 0) / 100)} />
      <Kpi
        label="Pooling saves"
        value={formatUsd(r.pooledSavingUsd)}
        sub={`${r.pools.length} shared pool${r.pools.length === 1 ? '' : 's'}`}
      />
      <Kpi label="Workloads" value={String(r.workloads.length)} />
    </div>
  );
}

function Kpi(props: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <div className="kpi">
      <div className="label">{props.label}</div>
      <div className="value" data-testid={props.testId}>
        {props.value}
      </div>
      {props.sub && <div className="sub">{props.sub}</div>}
    </div>
  );
}

const month = (m: number | null) => (m === null ? '—' : `month ${m}`);

function WorkloadsCard({ r }: { r: PortfolioResult }) {
  const edit = (id: string) => {
    useWorkspace.getState().activate(id);
    useUi.getState().setView('compare');
  };
  return (
    <div className="card">
      <div className="card-head">
        <span className="card-title">Workloads</span>
        <span className="muted">Each recommended on its own; pooled where cheaper</span>
      </div>
      <table className="list" data-testid="portfolio-workloads">
        <thead>
          <tr>
            <th>Workload</th>
            <th>Owner</th>
            <th>Stage</th>
            <th>Runs on</th>
            <th>Pool</th>
            <th className="num">Monthly</th>
            <th className="num">Idle share</th>
            <th className="num">Alone</th>
            <th>Budget crossed</th>
            <th>Unit targets</th>
          </tr>
        </thead>
        <tbody>
          {r.workloads.map((w) => (
            <tr key={w.id} data-testid={`portfolio-row-${w.id}`}>
              <td>
                <button type="button" className="link" onClick={() => edit(w.id)}>
                  {w.name}
                </button>
              </td>
              <td>{w.owner || '—'}</td>
              <td>{w.stage}</td>
              <td>{w.candidate?.label ?? <span className="reason">{w.problem}</span>}</td>
              <td>{w.poolId ?? '—'}</td>
              <td className="num">{formatUsd(w.monthlyUsd)}</td>
              <td className="num">{formatUsd(w.allocatedIdleUsd)}</td>
              <td className="num">{formatUsd(w.aloneMonthlyUsd)}</td>
              <td data-testid={`breach-${w.id}`}>{month(w.firstBreachMonth)}</td>
              <td>
                {w.unitTargets.length === 0
                  ? '—'
                  : w.unitTargets.map((t) => (
                      <span key={t.target} className={`status-pill ${t.met ? 'pass' : 'fail'}`}>
                        {t.target === 'usdPer1kRequests' ? 'per 1k' : 'per outcome'}{' '}
                        {formatUsd(t.actualUsd)} ≤ {formatUsd(t.limitUsd)}
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PoolsCard({ r }: { r: PortfolioResult }) {
  const names = new Map(r.workloads.map((w) => [w.id, w.name]));
  const enabled = useWorkspace((s) => s.file.pooling.enabled);
  return (
    <div className="card" data-testid="portfolio-pools">
      <div className="card-head">
        <span className="card-title">Shared pools</span>
        <span className="muted">
          Sized hour by hour of the week at the strictest latency objective of their members
        </span>
        <span className="spacer" />
        <CheckField
          label="Pool where cheaper"
          testId="pooling-enabled"
          checked={enabled}
          onChange={(on) =>
            useWorkspace
              .getState()
              .updateFile((f) => ({ ...f, pooling: { ...f.pooling, enabled: on } }))
          }
        />
      </div>
      {r.pools.length === 0 ? (
        <div className="card-body muted">
          No shared pool: no two workloads run cheaper together on one rented model and instance.
        </div>
      ) : (
        r.pools.map((p) => (
          <div className="card-body" key={p.id} data-testid={`pool-${p.id}`}>
            <div className="pool-head">
              <strong>{p.label}</strong> · {p.gpus} GPU{p.gpus === 1 ? '' : 's'} at the busiest hour
              · utilization {formatPct(p.utilization)} · {formatUsd(p.monthlyUsd)} a month,{' '}
              <span data-testid="pool-saving">{formatUsd(p.pooledSavingUsd)}</span> less than{' '}
              {formatUsd(p.separateMonthlyUsd)} apart
              {p.slo.ttftMs !== null && ` · TTFT ≤ ${formatNumber(p.slo.ttftMs)} ms`}
            </div>
            <table className="list" data-testid="pool-allocation">
              <thead>
                <tr>
                  <th>Member</th>
                  <th className="num">GPU-hours used</th>
                  <th className="num">Use</th>
                  <th className="num">Idle allocated</th>
                </tr>
              </thead>
              <tbody>
                {p.allocation.map((a) => (
                  <tr key={a.workloadId}>
                    <td>{names.get(a.workloadId)}</td>
                    <td className="num">{formatNumber(a.gpuSeconds / 3600)}</td>
                    <td className="num">{formatUsd(a.useUsd)}</td>
                    <td className="num">{formatUsd(a.idleUsd)}</td>
                  </tr>
                ))}
                <tr>
                  <td className="muted">Idle capacity</td>
                  <td />
                  <td />
                  <td className="num">{formatUsd(p.idleUsd)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        ))
      )}
    </div>
  );
}

const SHOWBACK_VIEWS: { key: keyof Omit<Showback, 'totalCents' | 'rows'>; label: string }[] = [
  { key: 'byWorkload', label: 'Workload' },
  { key: 'byOwner', label: 'Team' },
  { key: 'byTag', label: 'Tag' },
  { key: 'byStage', label: 'Stage' },
  { key: 'byVendor', label: 'Vendor' },
  { key: 'byPlacement', label: 'Placement' },
];

const IDLE_LABELS: Record<(typeof IDLE_ALLOCATIONS)[number], string> = {
  proportional: 'Proportional to use',
  owner: 'One team',
  unallocated: 'Left unallocated',
};

function ShowbackCard({ r }: { r: PortfolioResult }) {
  const [view, setView] = useState<(typeof SHOWBACK_VIEWS)[number]['key']>('byWorkload');
  const pooling = useWorkspace((s) => s.file.pooling);
  const owners = [...new Set(r.workloads.map((w) => w.owner).filter((o) => o !== ''))];
  const names = new Map(r.workloads.map((w) => [w.id, w.name]));
  const totals = Object.entries(r.showback[view]).sort((a, b) => b[1] - a[1]);
  const setRule = (idleAllocation: (typeof IDLE_ALLOCATIONS)[number]) =>
    useWorkspace.getState().updateFile((f) => ({
      ...f,
      pooling: {
        ...f.pooling,
        idleAllocation,
        ...(idleAllocation === 'owner' && !f.pooling.idleOwner
          ? { idleOwner: owners[0] ?? '' }
          : {}),
      },
    }));
  const exportCsv = () =>
    attempt(
      () =>
        call('file:save', {
          kind: 'report',
          suggestedName: scenarioFileName(
            `${useWorkspace.getState().scenario.name} showback`,
          ).replace(/\.json$/, '.csv'),
          text: showbackCsv(r),
        }),
      'Exported the showback table',
    );
  const label = (key: string) =>
    view === 'byWorkload' && key !== IDLE_UNALLOCATED ? (names.get(key) ?? key) : key;
  return (
    <div className="card" data-testid="portfolio-showback">
      <div className="card-head">
        <span className="card-title">Showback</span>
        <span className="muted">
          By GPU-seconds used; every view adds up to the total to the cent
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="btn small"
          data-testid="export-showback"
          onClick={() => void exportCsv()}
        >
          Export CSV…
        </button>
      </div>
      <div className="card-body row">
        <SelectField
          label="Idle capacity goes to"
          testId="idle-rule"
          value={pooling.idleAllocation}
          options={IDLE_ALLOCATIONS.map((k) => ({ value: k, label: IDLE_LABELS[k] }))}
          onChange={setRule}
        />
        {pooling.idleAllocation === 'owner' && owners.length > 0 && (
          <SelectField
            label="Team"
            testId="idle-owner"
            value={
              pooling.idleOwner && owners.includes(pooling.idleOwner)
                ? pooling.idleOwner
                : owners[0]!
            }
            options={owners.map((o) => ({ value: o, label: o }))}
            onChange={(idleOwner) =>
              useWorkspace
                .getState()
                .updateFile((f) => ({ ...f, pooling: { ...f.pooling, idleOwner } }))
            }
          />
        )}
        <SelectField
          label="Show by"
          testId="showback-by"
          value={view}
          options={SHOWBACK_VIEWS.map((v) => ({ value: v.key, label: v.label }))}
          onChange={setView}
        />
      </div>
      <table className="list" data-testid="showback-table">
        <thead>
          <tr>
            <th>{SHOWBACK_VIEWS.find((v) => v.key === view)?.label}</th>
            <th className="num">Monthly</th>
            <th className="num">Share</th>
          </tr>
        </thead>
        <tbody>
          {totals.map(([key, cents]) => (
            <tr key={key}>
              <td>{key === '' ? NO_OWNER : label(key)}</td>
              <td className="num">{formatUsd(cents / 100)}</td>
              <td className="num">
                {formatPct(r.showback.totalCents > 0 ? cents / r.showback.totalCents : 0)}
              </td>
            </tr>
          ))}
          <tr className="total">
            <td>Total</td>
            <td className="num" data-testid="showback-total">
              {formatUsd(r.showback.totalCents / 100)}
            </td>
            <td />
          </tr>
        </tbody>
      </table>
      {view === 'byTag' && (
        <p className="card-body muted" data-testid="showback-tag-note">
          A workload with several tags is split evenly over them, so the tags add up to the total.
        </p>
      )}
    </div>
  );
}

function ConsumptionCard({ r }: { r: PortfolioResult }) {
  const [by, setBy] = useState<ConsumptionSlice>('owner');
  const rows = consumption(r, by);
  return (
    <div className="card" data-testid="portfolio-consumption">
      <div className="card-head">
        <span className="card-title">Projected consumption a month</span>
        <span className="spacer" />
        <SelectField
          label="By"
          value={by}
          options={CONSUMPTION_SLICES.map((s) => ({ value: s.key, label: s.label }))}
          onChange={setBy}
        />
      </div>
      <table className="list">
        <thead>
          <tr>
            <th>{CONSUMPTION_SLICES.find((s) => s.key === by)?.label}</th>
            <th className="num">Requests</th>
            <th className="num">Tokens</th>
            <th className="num">GPU-hours</th>
            <th className="num">Monthly</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.key}</td>
              <td className="num">{formatNumber(row.requestsPerMonth)}</td>
              <td className="num">{formatNumber(row.tokensPerMonth)}</td>
              <td className="num">{formatNumber(row.gpuHoursPerMonth)}</td>
              <td className="num">{formatUsd(row.monthlyUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
