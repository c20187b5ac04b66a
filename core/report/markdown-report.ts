import type { Explanation } from '../decision/explain.ts';
import { objectiveLabel } from '../decision/objective.ts';
import { formatNumber, formatPct, formatUnitUsd, formatUsd } from '../format.ts';
import { requestValueUsd } from '../roi/value.ts';
import type { Scenario } from '../schema/scenario.ts';
import { benchmarkName } from '../sweep/constraints.ts';
import { PLACEMENT_LABELS, type CandidateResult } from '../sweep/types.ts';
import type { UncertaintyResult } from '../uncertainty/simulate.ts';
import { uncertaintyMarkdown } from './uncertainty-report.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import type { VendorView } from '../procurement/vendors.ts';
import type { ComparisonColumn } from './comparison-columns.ts';
import { commitmentsMarkdown, vendorMarkdown } from './procurement-report.ts';
import { whyMarkdown } from './why-report.ts';
import { comparisonMarkdown } from './writers.ts';

export interface MarkdownReportOptions {
  /** The table's columns, in order (the app passes the ones shown). */
  columns: readonly ComparisonColumn[];
  /** The explanation of the pick; the "Why this one" section is left out without it. */
  why?: Explanation;
  /** Said above the table when the rows are a filtered view ("17 of 4,593 candidates: …"). */
  shown?: string;
  /** The simulation's spread, when one was run (its section follows the table). */
  uncertainty?: UncertaintyResult;
  /** The procurement view: its vendor table follows the comparison. */
  vendors?: VendorView;
}

/**
 * The ranked comparison as a Markdown report with the assumptions it rests on and why the pick
 * is the answer: what the app's "export report" and the CLI's `cost --format md` both write.
 */
export function markdownReport(
  scenario: Pick<Scenario, 'name' | 'workload' | 'value' | 'objective'>,
  rates: WorkloadRates,
  rows: readonly CandidateResult[],
  options: MarkdownReportOptions,
): string {
  const w = scenario.workload;
  const v = scenario.value;
  const slo = [
    w.slo.ttftMs &&
      `TTFT ≤ ${w.slo.ttftMs} ms (${w.slo.ttftOf === 'visible' ? 'first visible token' : 'first token'})`,
    w.slo.tpotMs && `TPOT ≤ ${w.slo.tpotMs} ms`,
    w.slo.e2eMs && `end-to-end ≤ ${w.slo.e2eMs} ms`,
  ].filter(Boolean);
  const unknownLatency =
    slo.length > 0 && w.slo.includeUnknown ? ' (unknown latency included)' : '';
  const q = w.minQuality;
  const quality = q
    ? `${formatNumber(q.score)} on ${benchmarkName(q.benchmark)}${q.likeModelId ? ` (as good as ${q.likeModelId})` : ''}${q.includeUnknown ? ', models with no score included' : ''}`
    : 'none';
  const kinds = Object.keys(PLACEMENT_LABELS) as (keyof typeof PLACEMENT_LABELS)[];
  const launch = kinds
    .map(
      (k) =>
        `${PLACEMENT_LABELS[k]} ${formatUsd(v.setupUsd[k])} setup, ${v.weeksToLaunch[k]} weeks to launch`,
    )
    .join('; ');
  const assumptions = [
    `- Objective: the ${scenario.objective === 'npv' ? 'highest' : 'lowest'} ${objectiveLabel(scenario.objective, v.horizonMonths)}`,
    `- Requests: ${formatNumber(rates.requestsPerMonth)} a month (peak ÷ average ${w.peakToAverage}, ${w.schedule.hoursPerDay} h × ${w.schedule.daysPerWeek} d)`,
    `- Prompt ${w.inputTokens.mean} tokens (cacheable prefix ${w.promptCache.prefixTokens}, ${formatPct(w.promptCache.hitRate)} prompt-cache hits), output ${w.outputTokens.mean} tokens`,
    `- Response-cache hits ${formatPct(w.responseCacheHitRate)}, batch share ${formatPct(w.batchShare)}, priority ${formatPct(w.priorityShare)}`,
    `- Reasoning: ${reasoningLine(w)}`,
    ...(w.task === undefined
      ? []
      : [
          `- Agent task: requests count tasks of ${w.task.turns} turns, ${formatNumber(w.task.toolTokensPerTurn)} tool tokens added a turn, ${formatPct(w.task.cachedShare)} of the carried context cached${w.task.contextLimitTokens === undefined ? '' : `, past ${formatNumber(w.task.contextLimitTokens)} tokens the last ${w.task.keepLastTurns} turns kept`}, ${w.task.toolSecondsPerTurn} s of tool time a turn`,
        ]),
    `- SLOs: ${slo.join(', ') || 'none'}${unknownLatency}`,
    `- Residency: ${w.residency.length === 0 ? 'any' : w.residency.join(', ')}; minimum quality: ${quality}`,
    `- Self-hosted weights ${w.precision.toUpperCase()}`,
    `- Setup and launch: ${launch}; horizon ${v.horizonMonths} months`,
    `- Value per request: ${v.perRequest ? `${formatUnitUsd(requestValueUsd(v.perRequest))}, success rate ${formatPct(v.successRate)}` : 'not set (no NPV, payback or ROI)'}`,
  ].join('\n');
  const why = options.why ? `${whyMarkdown(options.why)}\n\n` : '';
  const shown = options.shown ? `${options.shown}\n\n` : '';
  const spread =
    options.uncertainty === undefined
      ? ''
      : `\n\n${uncertaintyMarkdown(options.uncertainty, scenario.value.horizonMonths)}`;
  const vendors =
    options.vendors === undefined
      ? ''
      : `\n\n## Vendors\n\n${vendorMarkdown(options.vendors, scenario.value.horizonMonths)}`;
  const committed = commitmentsMarkdown(rows);
  const commitments = committed === null ? '' : `\n\n## Commitments\n\n${committed}`;
  return `# ${scenario.name}\n\n## Assumptions\n\n${assumptions}\n\n${why}## Ranked comparison\n\n${shown}${comparisonMarkdown(rows, options.columns)}${spread}${vendors}${commitments}\n\nPrices and specifications carry their source and date in the catalog; generated by Modelwise.\n`;
}

/** The workload's reasoning setting in words. */
function reasoningLine(w: Scenario['workload']): string {
  const r = w.reasoning;
  const effort = r?.effort === undefined ? 'each model’s default effort' : `${r.effort} effort`;
  const tokens =
    r?.tokensPerRequest === undefined
      ? 'the catalog’s typical reasoning tokens per level'
      : `${formatNumber(r.tokensPerRequest)} reasoning tokens a request (yours)`;
  const unknown = r?.includeUnknown ? '; unknown figures counted as 0' : '';
  return `${effort}, ${tokens}${unknown}`;
}
