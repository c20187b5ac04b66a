import { formatMs, formatNumber, formatSigned, formatUsd } from '../../../core/format.ts';
import {
  LEVER_LABELS,
  leverSaves,
  notWorthItReason,
  type Lever,
} from '../../../core/levers/lever.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { useLevers } from './levers-store.ts';

/**
 * What each lever would save on the recommendation — cache, batch, quantization, region, routing,
 * fine-tuning, trimming, another placement — ranked, each with its trade-off under what it does
 * and an "apply" that makes it the draft (undo brings the draft back). Levers that would not save
 * under the objective (the trade-off says why: a latency gain only, setup never paid back, a dearer
 * placement) follow under their own heading rather than as savings of $0 or less.
 */
export function SavingsCard() {
  const levers = useLevers((s) => s.levers);
  const pending = useLevers((s) => s.pending);
  const applied = useLevers((s) => s.applied);
  const leversFor = useLevers((s) => s.scenario);
  const draft = useWorkspace((s) => s.scenario);
  if (levers === null) return null;
  const current = leversFor === draft;
  const objective = (leversFor ?? draft).objective;
  const pays = levers.filter((l) => leverSaves(l, objective));
  const noSaving = levers.filter((l) => !leverSaves(l, objective));
  return (
    <section
      className="card savings"
      data-testid="savings-card"
      data-state={pending ? 'pending' : 'ready'}
      aria-label="Savings"
    >
      <div className="card-head">
        <span className="card-title">Savings: what if you…</span>
        <span className="muted">
          for the recommendation, ranked by what each saves{pending ? ' · updating…' : ''}
        </span>
        {applied !== null && (
          <span className="savings-applied" data-testid="savings-applied">
            Applied: {LEVER_LABELS[applied.lever.lever]}{' '}
            <button
              type="button"
              className="btn small"
              data-testid="savings-undo"
              onClick={() => useLevers.getState().undo()}
            >
              Undo
            </button>
          </span>
        )}
      </div>
      {levers.length === 0 ? (
        <p className="card-body muted">No lever applies to the recommendation.</p>
      ) : (
        <div className="savings-wrap">
          <table className="list savings-table" data-testid="savings-table">
            <thead>
              <tr>
                <th>Lever</th>
                <th>What if</th>
                <th className="num">Monthly saving</th>
                <th className="num">Horizon saving</th>
                <th className="num">Setup</th>
                <th className="num">First token</th>
                <th className="num">Quality</th>
              </tr>
            </thead>
            <tbody>
              {pays.map((l) => (
                <LeverRow key={`${l.lever}:${l.candidateId}`} lever={l} current={current} />
              ))}
            </tbody>
            {noSaving.length > 0 && (
              <tbody data-testid="savings-not">
                <tr className="savings-divider">
                  <th colSpan={7} scope="rowgroup">
                    {pays.length === 0
                      ? 'No lever saves money here'
                      : 'These would not save money here'}{' '}
                    <span className="muted">
                      ({objective === 'monthly' ? 'a month' : 'over the horizon, setup included'})
                    </span>
                  </th>
                </tr>
                {noSaving.map((l) => (
                  <LeverRow
                    key={`${l.lever}:${l.candidateId}`}
                    lever={l}
                    current={current}
                    reason={notWorthItReason(l, objective)}
                  />
                ))}
              </tbody>
            )}
          </table>
        </div>
      )}
    </section>
  );
}

function LeverRow({
  lever: l,
  current,
  reason,
}: {
  lever: Lever;
  current: boolean;
  /** Why a lever that does not save is not worth it here (the not-worth-it rows only). */
  reason?: string;
}) {
  const saves = l.tcoSavingUsd > 0 ? 'saves' : 'costs';
  return (
    <tr data-testid={`lever-${l.lever}`} data-saves={saves}>
      <th scope="row">
        <div>{LEVER_LABELS[l.lever]}</div>
        <button
          type="button"
          className="btn small"
          data-testid={`apply-${l.lever}`}
          disabled={l.whatIf === null || !current}
          title={
            l.whatIf === null
              ? 'A comparison: nothing in the scenario to change'
              : 'Make this the draft (undo brings it back)'
          }
          onClick={() => useLevers.getState().apply(l)}
        >
          Apply
        </button>
      </th>
      <td>
        {l.description}
        {reason !== undefined && (
          <div className="small" data-testid="lever-reason">
            Not worth it: {reason}.
          </div>
        )}
        <div className="muted small">{l.tradeOff}</div>
      </td>
      <td className="num">{formatUsd(l.monthlySavingUsd)}</td>
      <td className={`num ${saves}`}>{formatUsd(l.tcoSavingUsd)}</td>
      <td className="num">
        {l.setupUsd > 0 ? formatUsd(l.setupUsd) : '—'}
        {l.setupUsd > 0 && (
          <div className="muted">
            {l.paybackMonth === null ? 'no payback' : `pays back month ${l.paybackMonth}`}
          </div>
        )}
      </td>
      <td className="num">
        {l.ttftDeltaMs === null ? '—' : formatSigned(l.ttftDeltaMs, formatMs)}
      </td>
      <td className="num">
        {l.qualityDelta === null ? '—' : formatSigned(l.qualityDelta, (q) => formatNumber(q, 1))}
      </td>
    </tr>
  );
}
