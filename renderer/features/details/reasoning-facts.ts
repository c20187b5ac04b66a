import { formatMs, formatNumber, formatPct, formatUnitUsd } from '../../../core/format.ts';
import type { CandidateResult } from '../../../core/sweep/types.ts';
import type { FactSection } from './candidate-facts.ts';

const FROM: Record<NonNullable<CandidateResult['reasoning']>['from'], string> = {
  none: 'reasoning off',
  catalog: 'the catalog’s typical figure',
  yours: 'your figure',
  unknown: 'no published figure: counted as 0',
};

/**
 * How a candidate reasons: its level, the hidden tokens each request carries and where the
 * figure comes from, the share of the cost they take, how they are billed and whether anything
 * streams before the answer. Empty for a model that does not reason.
 */
export function reasoningFacts(r: CandidateResult): FactSection[] {
  const d = r.reasoning;
  if (d === null) return [];
  const tokens = formatNumber(r.reasoningTokensPerRequest);
  const per = r.task === null ? 'a request' : 'a turn';
  const derived =
    d.multipleOfOutput === null
      ? FROM[d.from]
      : `${d.multipleOfOutput} × the visible output (${d.basis === 'coding-task' ? 'measured on coding tasks, per task' : 'per chat request'})`;
  return [
    {
      title: 'Reasoning',
      facts: [
        { label: 'Effort', value: `${d.effort} (${d.setting})` },
        { label: `Reasoning tokens ${per}`, value: `${tokens} — ${derived}` },
        { label: 'Share of the cost', value: formatPct(r.reasoningShareOfCost, 1) },
        {
          label: 'Billed as',
          value: d.billing === 'output' ? 'output tokens' : 'output tokens (not confirmed)',
        },
        {
          label: 'Before the answer',
          value:
            d.visibility === 'hidden'
              ? 'nothing streams: the first token is the answer’s'
              : 'the reasoning streams first',
        },
      ],
    },
  ];
}

/** An agent task as the candidate serves it: cost per task and per success, time, the turns. */
export function taskFacts(r: CandidateResult): FactSection[] {
  const t = r.task;
  if (t === null) return [];
  const facts: FactSection['facts'] = [
    { label: 'Cost per task', value: formatUnitUsd(r.costPerTaskUsd) },
    { label: 'Per successful task', value: formatUnitUsd(r.costPerSuccessfulTaskUsd) },
    {
      label: 'Task time',
      value: r.taskSeconds === null ? '— (latency unknown)' : formatMs(r.taskSeconds * 1000),
    },
    { label: 'Turns', value: formatNumber(t.turns) },
    {
      label: 'Prompt per turn',
      value: `${formatNumber(t.meanPromptTokens)} on average, ${formatNumber(t.largestPromptTokens)} at most`,
    },
  ];
  if (t.perTurn !== null) {
    facts.push({
      label: 'Cost per turn doubles',
      value:
        r.costDoublesAtTurn === null ? 'not within the task' : `at turn ${r.costDoublesAtTurn}`,
    });
    facts.push({
      label: 'Turns (prompt → cost)',
      value: t.perTurn
        .map((p) => `${p.turn}: ${formatNumber(p.inputTokens)} → ${formatUnitUsd(p.usd)}`)
        .join(' · '),
    });
  } else {
    facts.push({
      label: 'Sized at',
      value: 'the mean turn, its carried context prefix-cached (per-turn costs not separated)',
    });
  }
  return [{ title: 'Agent task', facts }];
}
