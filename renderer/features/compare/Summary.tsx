import { costedKind } from '../../../core/schema/route.ts';
import {
  higherIsBetter,
  objectiveLabel,
  objectiveTitle,
  OBJECTIVES,
  type Objective,
} from '../../../core/decision/objective.ts';
import { objectiveValue } from '../../../core/decision/explain.ts';
import {
  formatLaunch,
  formatMs,
  formatNumber,
  formatUnitUsd,
  formatUsd,
  objectiveMoney,
} from '../../../core/format.ts';
import type { CatalogIndex } from '../../../core/sweep/catalog-index.ts';
import type { CandidateResult } from '../../../core/sweep/types.ts';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { ttftBasis } from '../details/candidate-facts.ts';
import { setupSource } from '../value/defaults.ts';

/** The answer first: the recommended candidate, under the scenario's objective, and its numbers. */
export function Summary() {
  const evaluation = useResults((s) => s.evaluation);
  if (!evaluation?.ok) return null;
  const { result, context } = evaluation;
  const objective = context.objective;
  const horizon = context.value.horizonMonths;
  const best = result.recommended >= 0 ? result.row(result.recommended) : null;
  const requests = context.rates.requestsPerMonth;
  const hasValue = context.value.perRequest !== undefined;
  const lead = higherIsBetter(objective) ? 'highest' : 'lowest';
  return (
    <div className="card summary" data-testid="summary">
      <div className="kpi">
        <div className="label row">
          Recommended
          <span className="spacer" />
          <ObjectivePicker objective={objective} horizonMonths={horizon} hasValue={hasValue} />
        </div>
        {best ? (
          <>
            <div className="pick" data-testid="recommended">
              <span className="star">★</span> {best.label}
            </div>
            <div className="sub" data-testid="recommended-why">
              {lead} {objectiveLabel(objective, horizon)} of {formatNumber(result.feasibleCount)}{' '}
              feasible · {formatNumber(requests)} requests/month
            </div>
            <UnknownNotes best={best} />
          </>
        ) : (
          <div className="pick reason" data-testid="recommended">
            No candidate meets every constraint
          </div>
        )}
      </div>
      {best && objective !== 'tco' && objective !== 'monthly' ? (
        <Kpi
          label={objectiveTitle(objective, horizon)}
          value={objectiveMoney(objective, objectiveValue(best, objective))}
          sub={`${objectiveTitle('tco', horizon)} ${formatUsd(best.tcoUsd)}`}
          testId="kpi-objective"
          ranked
        />
      ) : (
        <Kpi
          label={objectiveTitle('tco', horizon)}
          value={formatUsd(best?.tcoUsd)}
          sub={best ? horizonParts(best, context.value) : ''}
          title="Total cost over the horizon: one-off setup plus every month's run cost, undiscounted"
          testId="kpi-tco"
          ranked={objective === 'tco'}
        />
      )}
      <Kpi
        label="Monthly cost"
        value={formatUsd(best?.monthlyUsd)}
        sub={best ? monthlySub(best) : ''}
        testId="kpi-monthly"
        ranked={objective === 'monthly'}
      />
      <Kpi
        label="Time to first token"
        value={formatMs(best?.ttftMs)}
        sub={best ? ttftSub(best, evaluation.index) : ''}
        testId="kpi-ttft"
      />
      <Kpi
        label="Net value / month"
        value={hasValue ? formatUsd(best?.roi?.netMonthlyUsd) : '—'}
        sub={hasValue ? best?.roi ? `NPV ${formatUsd(best.roi.npvUsd)}` : '' : <SetValue />}
        testId="kpi-net"
      />
      <Kpi
        label="Payback"
        value={hasValue && best?.roi?.paybackMonth ? `month ${best.roi.paybackMonth}` : '—'}
        sub={hasValue ? best ? launchWords(best, context.value) : '' : <SetValue />}
        testId="kpi-payback"
      />
    </div>
  );
}

/**
 * "$0.003942 per request · excludes the $40,000 setup": the month is the run rate; the one-off
 * setup is in the horizon cost, not in it.
 */
function monthlySub(best: CandidateResult): string {
  const setup = best.setupUsd > 0 ? `excludes the ${formatUsd(best.setupUsd)} setup` : 'no setup';
  return `${formatUnitUsd(best.perRequestUsd)} per request · ${setup}`;
}

/**
 * "$40,000 setup + $178,598 run · launch in 6 weeks (both as the app's defaults)": the setup in the
 * total; with none, "no setup · $402,660 run" (as the monthly card and the explanation say it),
 * not "$0.00 setup + …".
 */
function horizonParts(best: CandidateResult, value: Parameters<typeof setupSource>[0]): string {
  const run = formatUsd(best.tcoUsd === null ? null : best.tcoUsd - best.setupUsd);
  const parts =
    best.setupUsd > 0 ? `${formatUsd(best.setupUsd)} setup + ${run} run` : `no setup · ${run} run`;
  return `${parts} · ${launchWords(best, value)}`;
}

/**
 * "launch in 6 weeks (both as the app's defaults)": whether the setup and launch used equal the
 * figures a new scenario starts from. A file may state them itself, so the note says they are the
 * same figures, never that nobody chose them.
 */
function launchWords(best: CandidateResult, value: Parameters<typeof setupSource>[0]): string {
  const source = setupSource(value, costedKind(best.placement));
  const defaults = [
    source.setup === 'default' ? 'setup' : null,
    source.launch === 'default' ? 'launch' : null,
  ].filter((x) => x !== null);
  const note =
    defaults.length === 2
      ? " (both as the app's defaults)"
      : defaults.length === 1
        ? ` (${defaults[0]} as the app's default)`
        : '';
  return `${formatLaunch(best.weeksToLaunch)}${note}`;
}

/** Where a TTFT comes from (a published median, a measurement, the sizing model), or why none. */
function ttftSub(best: CandidateResult, index: CatalogIndex): string {
  const p = best.placement;
  return ttftBasis(best, p.kind === 'api' ? index.latency.get(p.offeringId) : undefined);
}

/** A pick whose quality or latency could not be checked says so (it was included on request). */
function UnknownNotes({ best }: { best: CandidateResult }) {
  const notes = [
    best.qualityStatus === 'unknown' ? 'quality unknown: no score on the benchmark' : null,
    best.latencyStatus === 'unknown' ? 'latency unknown: no figure to check the SLO' : null,
  ].filter((x): x is string => x !== null);
  if (notes.length === 0) return null;
  return (
    <div className="sub">
      {notes.map((n) => (
        <span key={n} className="status-pill unknown" data-testid="recommended-unknown">
          {n}
        </span>
      ))}
    </div>
  );
}

function SetValue() {
  return (
    <button
      type="button"
      className="link"
      data-testid="set-value"
      onClick={() => useUi.getState().setPanel('value')}
    >
      set a value per request
    </button>
  );
}

const OBJECTIVE_NAMES: Record<Objective, (h: number) => string> = {
  tco: (h) => `Lowest ${h}-month cost`,
  npv: (h) => `Highest ${h}-month NPV`,
  monthly: () => 'Lowest monthly run rate',
  perOutcome: () => 'Lowest cost per successful outcome',
};

/** What "best" means for this scenario; NPV waits for a value per request, and says so. */
function ObjectivePicker(props: {
  objective: Objective;
  horizonMonths: number;
  hasValue: boolean;
}) {
  return (
    <label className="objective-picker" title="What the recommendation, ranking and charts follow">
      <span className="muted">best by</span>
      <select
        className="plain"
        data-testid="objective"
        aria-label="Objective"
        value={props.objective}
        onChange={(e) => {
          const objective = e.target.value as Objective;
          useWorkspace.getState().update((s) => ({ ...s, objective }));
        }}
      >
        {OBJECTIVES.map((o) => (
          <option key={o} value={o} disabled={o === 'npv' && !props.hasValue}>
            {OBJECTIVE_NAMES[o](props.horizonMonths)}
            {o === 'npv' && !props.hasValue ? ' — set a value per request first' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

function Kpi(props: {
  label: string;
  value: string;
  sub: React.ReactNode;
  testId: string;
  /** This is the objective the ranking follows. */
  ranked?: boolean;
  title?: string;
}) {
  return (
    <div className={`kpi${props.ranked ? ' ranked' : ''}`} title={props.title}>
      <div className="label">
        {props.label}
        {props.ranked && (
          <span className="star" title="The ranking follows this">
            {' '}
            ★
          </span>
        )}
      </div>
      <div className="value" data-testid={props.testId}>
        {props.value}
      </div>
      <div className="sub" data-testid={`${props.testId}-sub`}>
        {props.sub}
      </div>
    </div>
  );
}
