import { formatMs, formatUnitUsd, formatUsd, formatNumber } from '../../../core/format.ts';
import { useResults } from '../../stores/results-store.ts';

/** The answer first: the recommended candidate and its numbers. */
export function Summary() {
  const evaluation = useResults((s) => s.evaluation);
  if (!evaluation?.ok) return null;
  const { result, context } = evaluation;
  const best = result.recommended >= 0 ? result.row(result.recommended) : null;
  const requests = context.rates.requestsPerMonth;
  return (
    <div className="card summary" data-testid="summary">
      <div className="kpi">
        <div className="label">Recommended</div>
        {best ? (
          <>
            <div className="pick" data-testid="recommended">
              <span className="star">★</span> {best.label}
            </div>
            <div className="sub">
              cheapest of {formatNumber(result.feasibleCount)} feasible · {formatNumber(requests)}{' '}
              requests/month
            </div>
          </>
        ) : (
          <div className="pick reason" data-testid="recommended">
            No candidate meets every constraint
          </div>
        )}
      </div>
      <Kpi
        label="Monthly cost"
        value={formatUsd(best?.monthlyUsd)}
        sub={best ? `${formatUnitUsd(best.perMTokUsd)} per 1M tokens` : ''}
        testId="kpi-monthly"
      />
      <Kpi
        label="Per request"
        value={formatUnitUsd(best?.perRequestUsd)}
        sub={best?.perSuccessUsd ? `${formatUnitUsd(best.perSuccessUsd)} per success` : ''}
        testId="kpi-request"
      />
      <Kpi
        label="Time to first token"
        value={formatMs(best?.ttftMs)}
        sub={
          best?.tpotMs ? `${formatMs(best.tpotMs)} per token` : best ? 'latency not published' : ''
        }
        testId="kpi-ttft"
      />
      <Kpi
        label="Net value / month"
        value={formatUsd(best?.roi?.netMonthlyUsd)}
        sub={best?.roi ? `NPV ${formatUsd(best.roi.npvUsd)}` : ''}
        testId="kpi-net"
      />
      <Kpi
        label="Payback"
        value={best?.roi?.paybackMonth ? `month ${best.roi.paybackMonth}` : '—'}
        sub={best ? `launch in ${best.weeksToLaunch} weeks` : ''}
        testId="kpi-payback"
      />
    </div>
  );
}

function Kpi(props: { label: string; value: string; sub: string; testId: string }) {
  return (
    <div className="kpi">
      <div className="label">{props.label}</div>
      <div className="value" data-testid={props.testId}>
        {props.value}
      </div>
      <div className="sub">{props.sub}</div>
    </div>
  );
}
