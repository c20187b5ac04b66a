import { useEffect } from 'react';
import { applyPendingImport } from '../scenarios/scenario-actions.ts';
import { addedKeys, changeLines, countsLine, rankingLines } from './import-review.ts';
import { useImportReview } from './import-review-store.ts';
import { ImportAsOf } from './ImportAsOf.tsx';

/** How many rows each list shows before "… N more". */
const SHOWN = 200;

/**
 * The review of an import before it is applied: what it adds, changes (old → new, with both
 * dates), ends and leaves out, and what it does to the open scenario's ranking. Apply writes it
 * all in one transaction; Discard writes nothing.
 */
export function ImportReview() {
  const pending = useImportReview((s) => s.pending);
  const applying = useImportReview((s) => s.applying);
  const waiting = useImportReview((s) => s.refreshing || s.dateError !== null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !useImportReview.getState().applying) {
        useImportReview.getState().close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (pending === null) return null;
  const { summary, ranking, rankingError } = pending.preview;
  const changes = changeLines(summary.diff);
  const effect = ranking === null ? null : rankingLines(ranking);
  return (
    <div className="overlay" role="presentation">
      <div
        className="card dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-review-title"
        data-testid="import-review"
      >
        <div className="card-head">
          <span className="card-title" id="import-review-title">
            Review import: {pending.fileName} ({summary.format})
          </span>
          <span className="spacer" />
          <span className="muted" data-testid="import-review-counts">
            {countsLine(summary)}
          </span>
        </div>
        <div className="card-body dialog-body">
          <ImportAsOf key={`${pending.fileName}@${pending.modifiedOn ?? ''}`} pending={pending} />
          <section aria-label="Effect on the open scenario">
            <h3>Effect on the open scenario</h3>
            {effect === null ? (
              <p className="muted">{rankingError ?? 'No scenario to rank.'}</p>
            ) : (
              <>
                <p data-testid="import-review-pick">{effect.headline}</p>
                {effect.moves.length > 0 && (
                  <ul className="plain mono small" data-testid="import-review-moves">
                    {effect.moves.slice(0, 20).map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </section>
          <section aria-label="Changed rows">
            <h3>Changed ({summary.counts.changed})</h3>
            <ul className="plain diff" data-testid="import-review-changed">
              {changes.slice(0, SHOWN).map((c) => (
                <li key={c.key}>
                  <span className="mono">{c.key}</span> <span className="muted">{c.dates}</span>
                  <ul className="plain mono small">
                    {c.fields.map((f) => (
                      <li key={f.field}>
                        {f.field}: <span className="old">{f.from}</span> →{' '}
                        <span className="new">{f.to}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            {summary.counts.changed > SHOWN && (
              <p className="muted">… {summary.counts.changed - SHOWN} more</p>
            )}
          </section>
          <section aria-label="Added rows">
            <h3>Added ({summary.counts.added})</h3>
            <p className="mono small" data-testid="import-review-added">
              {addedKeys(summary.diff, SHOWN)}
              {summary.counts.added > SHOWN ? ` … and ${summary.counts.added - SHOWN} more` : ''}
            </p>
          </section>
          {summary.counts.removed > 0 && (
            <section aria-label="Ended rows">
              <h3>No longer listed: they end ({summary.counts.removed})</h3>
              <ul className="plain mono small" data-testid="import-review-removed">
                {summary.diff.removed.slice(0, SHOWN).map((r) => (
                  <li key={r.key}>
                    {r.key}: prices end {r.lastDay}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {summary.leftOut.length > 0 && (
            <section aria-label="Rows left out">
              <h3>Left out: they fail a consistency check ({summary.leftOut.length})</h3>
              <ul className="plain small" data-testid="import-review-left-out">
                {summary.leftOut.slice(0, SHOWN).map((line) => (
                  <li key={line} className="reason">
                    {line}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {(summary.notes ?? []).map((n) => (
            <p key={n} className="muted small">
              {n}
            </p>
          ))}
        </div>
        <div className="card-head dialog-actions">
          <span className="muted small">
            Nothing is written until you apply; applying writes every row in one transaction.
          </span>
          <span className="spacer" />
          <button
            type="button"
            className="btn"
            disabled={applying}
            onClick={() => useImportReview.getState().close()}
            data-testid="import-discard"
          >
            Discard
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={applying || waiting}
            onClick={() => void applyPendingImport()}
            data-testid="import-apply"
          >
            {applying ? 'Applying…' : 'Apply import'}
          </button>
        </div>
      </div>
    </div>
  );
}
