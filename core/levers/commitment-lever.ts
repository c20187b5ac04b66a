import type { CandidateCommitment } from '../commitments/types.ts';
import { unitsText } from '../commitments/units.ts';
import { formatNumber, formatPct, formatUsd } from '../format.ts';
import { commitmentVariants } from '../procurement/vendors.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { HOURS_PER_MONTH } from '../units.ts';
import { compare, evaluateWhatIf, type Lever } from './lever.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/** A term's length in words: "3 years", "1 month", "1 week"; hourly units have none. */
export function termWords(termMonths: number): string {
  if (termMonths <= 0) return 'no term (by the hour)';
  if (termMonths < 1)
    return `${formatNumber(Math.round((termMonths * HOURS_PER_MONTH) / 168))} week`;
  if (termMonths % 12 === 0) {
    const years = termMonths / 12;
    return `${years} year${years === 1 ? '' : 's'}`;
  }
  return `${formatNumber(termMonths)} month${termMonths === 1 ? '' : 's'}`;
}

/** What a commitment holds: "9 instances", "1,610 PTUs of provisioned throughput". */
function heldText(c: CandidateCommitment): string {
  const units = unitsText(c.unit, c.committedUnits);
  return c.kind === 'provisioned' ? `${units} of provisioned throughput` : units;
}

/**
 * The lever's words for what it does to the recommendation's commitment (`before`, null when it
 * has none): take one, or shorten or lengthen the one it has. An hourly provisioned unit commits
 * to no term, so moving from it to a term is taking a commitment.
 */
export function commitmentChange(
  before: CandidateCommitment | null,
  after: CandidateCommitment,
): { description: string; lockIn: string } {
  const from = before?.termMonths ?? 0;
  const to = after.termMonths;
  const held = heldText(after);
  if (from === 0) {
    return {
      description: to === 0 ? `Buy ${held} by the hour` : `Commit to ${held} for ${termWords(to)}`,
      lockIn: to === 0 ? 'No lock-in: billed by the hour' : `Lock-in for ${termWords(to)}`,
    };
  }
  if (to === from) {
    return {
      description: `Change the commitment to ${held} for ${termWords(to)}`,
      lockIn: `Lock-in for ${termWords(to)}`,
    };
  }
  const verb = to < from ? 'Shorten' : 'Lengthen';
  return {
    description: `${verb} the commitment from ${termWords(from)} to ${termWords(to)} (${held})`,
    lockIn:
      to === 0
        ? `No lock-in (was ${termWords(from)}): billed by the hour`
        : `Lock-in ${to < from ? 'falls' : 'grows'} from ${termWords(from)} to ${termWords(to)}`,
  };
}

/**
 * The recommendation on another commitment (a rented instance's 1-/3-year term, a hosted API's
 * provisioned throughput), priced and risk-assessed by the commitments engine: the one that saves
 * most over the horizon, worded for what it changes.
 */
export function commitmentLever(
  e: Ok,
  rec: CandidateResult,
  scenario: Scenario,
  horizon: number,
): Lever | null {
  const { variants } = commitmentVariants(e.context, rec);
  let best: Lever | null = null;
  for (const v of variants) {
    const whatIf = { ...scenario, candidates: [...scenario.candidates, v] };
    const after = evaluateWhatIf(e.index, whatIf, v);
    if (after === null || !after.feasible || after.id === rec.id) continue;
    const c = after.commitment;
    const change = c === null ? null : commitmentChange(rec.commitment, c);
    const risk =
      c === null
        ? ''
        : ` At half the volume it would cost ${formatUsd(c.stressed50Usd)} over the horizon, ${formatUsd(c.stranded50Usd)} of it idle;${c.stopsPayingMonth === null ? '' : ` it stops paying in month ${c.stopsPayingMonth};`} break-even utilization ${formatPct(c.breakEvenUtilization)}.`;
    const lever = compare(rec, after, {
      lever: 'commitment',
      description: `${change?.description ?? 'Price it on a commitment'}: ${after.label}`,
      tradeOff: `${change?.lockIn ?? 'Lock-in for the term'}${c !== null && c.upfrontUsd > 0 ? ` and ${formatUsd(c.upfrontUsd)} upfront` : ''}.${risk}`,
      setupUsd: c?.upfrontUsd ?? 0,
      whatIf,
      horizon,
    });
    if (best === null || lever.tcoSavingUsd > best.tcoSavingUsd) best = lever;
  }
  return best;
}
