import { useMemo } from 'react';
import type { ExclusionCount } from '../../../core/decision/exclusions.ts';
import { unknownContenderSentence } from '../../../core/decision/explain.ts';
import { objectiveTitle } from '../../../core/decision/objective.ts';
import { formatNumber } from '../../../core/format.ts';
import { whyRows, type WhyRow } from '../../../core/report/why-report.ts';
import { hasSlo } from '../../../core/decision/status.ts';
import { benchmarkName } from '../../../core/sweep/constraints.ts';
import { updateWorkload } from '../../stores/workspace-store.ts';
import { useCompare } from '../compare/compare-store.ts';
import type { ExcludedFilter } from '../compare/table-model.ts';
import { useDecision } from './decision-store.ts';
import { includedUnknowns, unknownCounts } from './why-model.ts';

/** Filters the table to some excluded candidates and brings it into view. */
function showInTable(filter: ExcludedFilter): void {
  useCompare.getState().showExcluded(filter);
  document.querySelector('[data-testid="compare-table-card"]')?.scrollIntoView({ block: 'start' });
}

/**
 * Why the recommendation is the answer, in explain()'s words and numbers: the runner-up and the
 * best of each other placement with what differs and what would change the decision, and every
 * candidate counted — feasible, or excluded by its first reason. Unknown quality and latency are
 * counted on their own, each with "include them" and "show them".
 */
export function WhyPanel() {
  const evaluation = useDecision((s) => s.evaluation);
  const why = useDecision((s) => s.explanation);
  const pending = useDecision((s) => s.pending);
  const rows = useMemo(() => (why === null ? [] : whyRows(why)), [why]);
  const included = useMemo(
    () => (evaluation === null ? null : includedUnknowns(evaluation)),
    [evaluation],
  );
  if (why === null || evaluation === null || included === null) return null;
  const unknown = unknownCounts(why);
  const w = evaluation.context.workload;
  const n = (x: number) => formatNumber(x);
  return (
    <section
      className="card why"
      data-testid="why-panel"
      data-state={pending ? 'pending' : 'ready'}
      aria-label="Why this one"
    >
      <div className="card-head">
        <span className="card-title">Why this one</span>
        <span className="muted">
          ranked by {why.objectiveLabel}
          {pending ? ' · updating…' : ''}
        </span>
      </div>
      <div className="why-grid">
        <div className="card-body why-words" data-testid="why-sentences">
          {/* The last sentence counts the exclusions: the list beside says it, with links. */}
          {why.sentences.slice(0, -1).map((s) => (
            <p key={s}>{s}</p>
          ))}
        </div>
        <div className="card-body why-counts">
          <h4>Every candidate, counted</h4>
          <ul className="plain exclusions" data-testid="why-exclusions">
            <li>
              <span className="count ok" data-testid="why-feasible">
                {n(why.feasibleCount)}
              </span>{' '}
              feasible
            </li>
            {why.exclusions.map((e) => (
              <ExclusionItem key={e.code} exclusion={e} />
            ))}
            <li className="muted">{n(why.candidateCount)} evaluated in all</li>
          </ul>
          <div className="unknowns">
            <UnknownRow
              what="quality"
              title="Unknown quality"
              count={unknown.quality}
              included={w.minQuality?.includeUnknown ? included.quality : null}
              active={w.minQuality !== undefined}
              text={
                w.minQuality
                  ? `with no ${benchmarkName(w.minQuality.benchmark)} score and nothing else ruling them out`
                  : 'no minimum quality set'
              }
              onInclude={(on) =>
                w.minQuality &&
                updateWorkload({ minQuality: { ...w.minQuality, includeUnknown: on } })
              }
            />
            <UnknownRow
              what="latency"
              title="Unknown latency"
              count={unknown.latency}
              included={w.slo.includeUnknown ? included.latency : null}
              active={hasSlo(w)}
              text="hosted APIs with no published or measured latency, nothing else ruling them out"
              onInclude={(on) => updateWorkload({ slo: { ...w.slo, includeUnknown: on } })}
            />
            {why.bestUnknown !== null && (
              <p className="best-unknown" data-testid="why-best-unknown">
                {unknownContenderSentence(why.bestUnknown, why.objectiveLabel, why.objective)}
              </p>
            )}
          </div>
        </div>
      </div>
      {rows.length > 1 && (
        <WhyTable rows={rows} title={objectiveTitle(why.objective, why.horizonMonths)} />
      )}
    </section>
  );
}

/** The pick, the runner-up and the best of each other placement: value, gap, what would change. */
function WhyTable({ rows, title }: { rows: readonly WhyRow[]; title: string }) {
  return (
    <div className="why-table-wrap">
      <table className="list why-table" data-testid="why-table">
        <thead>
          <tr>
            <th />
            <th>Candidate</th>
            <th className="num">{title}</th>
            <th className="num">Gap</th>
            <th>Biggest differences</th>
            <th>It would win</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.role} data-testid={`why-row-${r.role}`}>
              <th scope="row">{r.roleLabel}</th>
              <td>{r.label}</td>
              <td className="num" data-cell="value">
                {r.value}
              </td>
              <td className="num" data-cell="gap">
                {r.gap || '—'}
              </td>
              <td data-cell="differences">
                {r.differences.length === 0 ? '—' : r.differences.join('; ')}
              </td>
              <td data-cell="would-win">
                {r.wouldWin.length === 0 ? '—' : r.wouldWin.join(', or ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExclusionItem({ exclusion: e }: { exclusion: ExclusionCount }) {
  return (
    <li data-testid={`why-exclusion-${e.code}`}>
      <span className="count">{formatNumber(e.count)}</span> {e.label}{' '}
      <button
        type="button"
        className="link"
        onClick={() => showInTable({ kind: 'reason', code: e.code, label: e.label })}
      >
        show
      </button>
    </li>
  );
}

function UnknownRow(props: {
  what: 'quality' | 'latency';
  title: string;
  count: number;
  /** Ranked with this unknown, when the user included them; null when excluded. */
  included: number | null;
  active: boolean;
  text: string;
  onInclude: (on: boolean) => void;
}) {
  const { what } = props;
  if (!props.active) return null;
  return (
    <div className={`unknown-row${props.count > 0 ? ' has' : ''}`} data-testid={`unknown-${what}`}>
      <div className="unknown-text">
        <strong>{props.title}: </strong>
        {props.included === null ? (
          <>
            <span className="count" data-testid={`unknown-${what}-count`}>
              {formatNumber(props.count)}
            </span>{' '}
            excluded, {props.text}.
          </>
        ) : (
          <>
            <span className="count" data-testid={`unknown-${what}-included`}>
              {formatNumber(props.included)}
            </span>{' '}
            feasible and ranked with their unknown marked (included at your request).
          </>
        )}
      </div>
      <div className="unknown-actions">
        {props.included === null ? (
          <button
            type="button"
            className="btn small"
            data-testid={`include-unknown-${what}`}
            disabled={props.count === 0}
            onClick={() => props.onInclude(true)}
          >
            Include them
          </button>
        ) : (
          <button
            type="button"
            className="btn small"
            data-testid={`exclude-unknown-${what}`}
            onClick={() => props.onInclude(false)}
          >
            Exclude them again
          </button>
        )}
        {props.included === null && (
          <button
            type="button"
            className="btn small"
            data-testid={`show-unknown-${what}`}
            disabled={props.count === 0}
            onClick={() =>
              showInTable({
                kind: 'unknown',
                what,
                label:
                  what === 'quality'
                    ? 'out only for no quality score'
                    : 'out only for no latency figure',
              })
            }
          >
            Show them
          </button>
        )}
      </div>
    </div>
  );
}
