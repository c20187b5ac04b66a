import { useEffect, useMemo } from 'react';
import { assumptionChanges } from '../../../core/scenario/assumption-changes.ts';
import { compareOutcomes, outcomeOf, type Outcome } from '../../../core/scenario/outcome.ts';
import type { Snapshot } from '../../../core/schema/scenario.ts';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { shortcutText } from './shortcuts.ts';
import {
  removeSnapshot,
  renameSnapshot,
  otherWorkloadName,
  restoreSnapshot,
  takeSnapshot,
  toggleCompare,
} from './snapshot-actions.ts';
import { knownOutcome, requestOutcomes, useSnapshotOutcomes } from './snapshot-outcomes.ts';
import { useWorkshop } from './workshop-store.ts';

const EMPTY: readonly Snapshot[] = [];

/** "14:32" today, "3 Mar 14:32" another day: when a snapshot was taken, in local time. */
function takenWords(iso: string): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === new Date().toDateString()
    ? time
    : `${at.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`;
}

/**
 * The session's snapshots in a strip: one button (or key) captures the scenario as it is, named and
 * timed; each snapshot says what it recommended, and opens the delta view against now.
 */
export function SnapshotStrip() {
  const snapshots = useWorkspace((s) => s.scenario.snapshots ?? EMPTY);
  const comparing = useWorkshop((s) => s.comparing);
  const presenter = useUi((s) => s.presenter);
  const inputsOpen = useUi((s) => s.inputsOpen);
  useSnapshotOutcomes((s) => s.version);
  useEffect(() => requestOutcomes(snapshots.map((s) => s.scenario)), [snapshots]);
  return (
    <div className="card snapshot-strip" data-testid="snapshot-strip">
      {presenter && (
        <button
          type="button"
          className="btn"
          aria-expanded={inputsOpen}
          data-testid="toggle-inputs"
          title={`The scenario's inputs (${shortcutText('view:inputs')})`}
          onClick={() => useUi.getState().toggleInputs()}
        >
          Inputs
        </button>
      )}
      <button
        type="button"
        className="btn primary"
        data-testid="take-snapshot"
        title={`Capture the scenario as it is now (${shortcutText('snapshot')})`}
        onClick={takeSnapshot}
      >
        Snapshot
      </button>
      {snapshots.length === 0 ? (
        <span className="muted">
          Take a snapshot before changing anything: compare with it and return to it later.
        </span>
      ) : (
        <ol className="snapshots" aria-label="Snapshots">
          {snapshots.map((s, k) => {
            const outcome = knownOutcome(s.scenario);
            return (
              <li key={`${s.takenAt}-${k}`}>
                <button
                  type="button"
                  className="snapshot"
                  aria-pressed={comparing === k}
                  data-testid={`snapshot-${k}`}
                  title={`Compare “${s.name}” with now`}
                  onClick={() => toggleCompare(k)}
                >
                  <span className="snapshot-name">{s.name}</span>
                  <span className="snapshot-time">{takenWords(s.takenAt)}</span>
                  <span className="snapshot-pick">
                    {outcome === undefined
                      ? '…'
                      : outcome.winner === null
                        ? 'none feasible'
                        : `★ ${outcome.winner.label}`}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/** The current draft's outcome, worked out once per evaluation. */
function useNowOutcome(): Outcome | null {
  const evaluation = useResults((s) => s.evaluation);
  return useMemo(() => (evaluation === null ? null : outcomeOf(evaluation)), [evaluation]);
}

/**
 * A snapshot against now: whether the recommendation changed, how cost, horizon cost and latency
 * moved, and which assumptions differ; restore returns to it (undo comes back).
 */
export function DeltaView() {
  const comparing = useWorkshop((s) => s.comparing);
  const scenario = useWorkspace((s) => s.scenario);
  const snapshot = comparing === null ? undefined : scenario.snapshots?.[comparing];
  useSnapshotOutcomes((s) => s.version);
  const now = useNowOutcome();
  const changes = useMemo(
    () => (snapshot === undefined ? [] : assumptionChanges(snapshot.scenario, scenario)),
    [snapshot, scenario],
  );
  if (snapshot === undefined || comparing === null) return null;
  const base = knownOutcome(snapshot.scenario);
  const compared = base === undefined || now === null ? null : compareOutcomes(base, now);
  const otherWorkload = otherWorkloadName(snapshot);
  return (
    <section className="card delta-view" data-testid="snapshot-delta" aria-label="Snapshot vs now">
      <div className="card-head">
        <span className="card-title">Now vs</span>
        <input
          className="plain snapshot-rename"
          aria-label="Snapshot name"
          data-testid="snapshot-name"
          value={snapshot.name}
          maxLength={200}
          onChange={(e) => renameSnapshot(comparing, e.target.value)}
        />
        <span className="muted">taken {takenWords(snapshot.takenAt)}</span>
        {otherWorkload !== null && (
          <span className="muted" data-testid="snapshot-workload">
            on the workload “{otherWorkload}”
          </span>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="btn primary"
          data-testid="restore-snapshot"
          title={`Return to this snapshot; undo comes back (${shortcutText('restore')})`}
          onClick={() => restoreSnapshot(comparing)}
        >
          Restore
        </button>
        <button
          type="button"
          className="btn danger"
          data-testid="remove-snapshot"
          onClick={() => removeSnapshot(comparing)}
        >
          Remove
        </button>
        <button
          type="button"
          className="btn"
          aria-label="Close the comparison"
          title={`Close (${shortcutText('compare')})`}
          onClick={() => useWorkshop.getState().compareWith(null)}
        >
          ✕
        </button>
      </div>
      {compared === null ? (
        <div className="card-body muted">Working out what the snapshot recommends…</div>
      ) : (
        <div className="delta-grid card-body">
          <div className="delta-winner" data-testid="delta-winner">
            <div className="delta-label">Recommended</div>
            <div>
              <span className="muted">then</span>{' '}
              <strong data-testid="delta-winner-before">
                {compared.winnerBefore?.label ?? 'none feasible'}
              </strong>
            </div>
            <div>
              <span className="muted">now</span>{' '}
              <strong data-testid="delta-winner-after">
                {compared.winnerAfter?.label ?? 'none feasible'}
              </strong>
            </div>
            <span
              className={`status-pill ${compared.winnerChanged ? 'unknown' : 'pass'}`}
              data-testid="delta-winner-changed"
              data-changed={String(compared.winnerChanged)}
            >
              {compared.winnerChanged ? 'the pick changed' : 'same pick'}
            </span>
          </div>
          <table className="list delta-table" data-testid="delta-measures">
            <thead>
              <tr>
                <th />
                <th className="num">{snapshot.name}</th>
                <th className="num">Now</th>
                <th className="num">Change</th>
              </tr>
            </thead>
            <tbody>
              {compared.measures.map((m) => (
                <tr key={m.key} data-measure={m.key}>
                  <th scope="row">{m.label}</th>
                  <td className="num">{m.before}</td>
                  <td className="num">{m.after}</td>
                  <td className={`num delta ${m.direction}`}>{m.change || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="delta-assumptions" data-testid="delta-assumptions">
            <div className="delta-label">
              {changes.length === 0
                ? 'No assumption differs'
                : `${changes.length} assumption${changes.length === 1 ? '' : 's'} differ${changes.length === 1 ? 's' : ''}`}
            </div>
            <ul className="plain">
              {changes.map((c) => (
                <li key={c.path} data-path={c.path}>
                  <span className="changed-label">{c.label}</span>{' '}
                  <span className="muted">{c.before}</span> → <strong>{c.after}</strong>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}
