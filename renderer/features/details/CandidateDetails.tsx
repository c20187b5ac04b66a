import { useMemo } from 'react';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { setupSource } from '../value/defaults.ts';
import { bestSelfHostedIndex, candidateFacts } from './candidate-facts.ts';

/** Sections whose lines are sentences: they take the card's whole width. */
const WIDE = new Set(['Sources', 'How the cost is made', 'Agent task']);

/** The numbers behind the picked row (or the recommendation), with their sources. */
export function CandidateDetails() {
  const evaluation = useResults((s) => s.evaluation);
  const selected = useUi((s) => s.selected);
  const detail = useMemo(() => {
    if (!evaluation?.ok) return null;
    const { result } = evaluation;
    const wanted = selected[selected.length - 1];
    const index = wanted === undefined ? result.recommended : result.indexOf(wanted);
    if (index < 0) return null;
    const row = result.row(index);
    const best = row.kind === 'api' ? bestSelfHostedIndex(result) : -1;
    const bestRow = best < 0 ? null : result.row(best);
    const setup = setupSource(evaluation.context.value, row.kind);
    return { row, sections: candidateFacts(row, evaluation.index, bestRow, setup) };
  }, [evaluation, selected]);
  if (detail === null) return null;
  const { row, sections } = detail;
  return (
    <div className="card" data-testid="candidate-details">
      <div className="card-head">
        <span className="card-title">
          {row.recommended && <span className="star">★ </span>}
          {row.label}
        </span>
        <span className={row.feasible ? 'ok' : 'reason'}>
          {row.feasible ? 'feasible' : row.reasons.join('; ')}
        </span>
        <span className="spacer" />
        <span className="muted">
          {selected.length === 0
            ? 'The recommendation — click rows to follow others'
            : 'Last row picked'}
        </span>
      </div>
      {row.warnings.length > 0 && <div className="card-body muted">{row.warnings.join(' · ')}</div>}
      <div className="facts">
        {sections.map((s) => (
          <section key={s.title} className={WIDE.has(s.title) ? 'wide' : undefined}>
            <h4>{s.title}</h4>
            <dl>
              {s.facts.map((f) => (
                <div key={f.label}>
                  <dt>{f.label}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
