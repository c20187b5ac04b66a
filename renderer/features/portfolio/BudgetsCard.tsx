import { useState } from 'react';
import { formatPct, formatUsd } from '../../../core/format.ts';
import type { PortfolioResult } from '../../../core/portfolio/evaluate.ts';
import { Budget } from '../../../core/schema/portfolio.ts';
import { NumberField, SelectField } from '../../components/NumberField.tsx';
import { numberFieldRules } from '../../../core/schema/field-rules.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';

const BUDGET_FIELD = numberFieldRules(Budget, ['monthlyUsd']);

/** Who a new budget covers: a team (`owner:NAME`) or one workload (`workload:ID`). */
type Target = `owner:${string}` | `workload:${string}`;

/**
 * Monthly budgets per team or workload with their alert thresholds: the first month the projection
 * passes each, and the workload that drives it there.
 */
export function BudgetsCard({ r }: { r: PortfolioResult }) {
  const budgets = useWorkspace((s) => s.file.budgets);
  const owners = [...new Set(r.workloads.map((w) => w.owner).filter((o) => o !== ''))];
  const targets: { value: Target; label: string }[] = [
    ...owners.map((o) => ({ value: `owner:${o}` as Target, label: `Team: ${o}` })),
    ...r.workloads.map((w) => ({
      value: `workload:${w.id}` as Target,
      label: `Workload: ${w.name}`,
    })),
  ];
  const [target, setTarget] = useState<Target | null>(null);
  const [amount, setAmount] = useState(10_000);
  const chosen = target ?? targets[0]?.value ?? null;
  const names = new Map(r.workloads.map((w) => [w.id, w.name]));
  const add = () => {
    if (chosen === null) return;
    const [kind, ...rest] = chosen.split(':');
    const who = rest.join(':');
    const budget = Budget.parse({
      ...(kind === 'owner' ? { owner: who } : { workloadId: who }),
      monthlyUsd: amount,
    });
    useWorkspace.getState().updateFile((f) => ({ ...f, budgets: [...f.budgets, budget] }));
  };
  const remove = (i: number) =>
    useWorkspace
      .getState()
      .updateFile((f) => ({ ...f, budgets: f.budgets.filter((_, k) => k !== i) }));
  return (
    <div className="card" data-testid="portfolio-budgets">
      <div className="card-head">
        <span className="card-title">Budgets</span>
        <span className="muted">Projected month by month with each workload’s growth</span>
      </div>
      {budgets.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th>Covers</th>
              <th className="num">Monthly budget</th>
              <th>Alerts (first month crossed, driven by)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {r.budgets.map((b, i) => (
              <tr key={i} data-testid={`budget-${i}`}>
                <td>
                  {b.owner !== null
                    ? `Team: ${b.owner}`
                    : `Workload: ${names.get(b.workloadId ?? '')}`}
                  {b.note !== null && (
                    <div className="muted" data-testid={`budget-${i}-note`}>
                      {b.note}
                    </div>
                  )}
                </td>
                <td className="num">{formatUsd(b.monthlyUsd)}</td>
                <td>
                  {b.crossings.map((c) => (
                    <span
                      key={c.threshold}
                      className={`status-pill ${c.month === null ? 'pass' : 'fail'}`}
                      data-testid={`budget-${i}-at-${Math.round(c.threshold * 100)}`}
                    >
                      {formatPct(c.threshold)}:{' '}
                      {c.month === null
                        ? 'not crossed'
                        : `month ${c.month} (${names.get(c.driverId ?? '') ?? ''})`}
                    </span>
                  ))}
                </td>
                <td>
                  <button type="button" className="btn small" onClick={() => remove(i)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen !== null && (
        <div className="card-body row">
          <SelectField
            label="New budget for"
            testId="budget-target"
            value={chosen}
            options={targets}
            onChange={setTarget}
          />
          <NumberField
            field={BUDGET_FIELD}
            testId="budget-amount"
            value={amount}
            unit="$/month"
            onCommit={setAmount}
          />
          <button type="button" className="btn small" data-testid="add-budget" onClick={add}>
            Add budget (alerts at 80 % and 100 %)
          </button>
        </div>
      )}
    </div>
  );
}
