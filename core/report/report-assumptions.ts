import type { CandidateCommitment } from '../commitments/types.ts';
import { unitsText } from '../commitments/units.ts';
import { benchmarkName } from '../sweep/constraints.ts';
import { higherIsBetter, objectiveLabel } from '../decision/objective.ts';
import {
  formatDecimal,
  formatLaunch,
  formatNumber,
  formatPct,
  formatUnitUsd,
  formatUsd,
} from '../format.ts';
import { requestValueUsd } from '../roi/value.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { Scenario } from '../schema/scenario.ts';
import { PLACEMENT_LABELS, type CandidateResult } from '../sweep/types.ts';
import type { UncertaintyResult } from '../uncertainty/simulate.ts';
import { prefixTokensCosted, type WorkloadRates } from '../workload/derive.ts';
import type { Fact } from './report-model.ts';
import { termText } from './procurement-report.ts';
import { formatRangeValue } from './uncertainty-report.ts';

/** One group of assumptions ("Workload", "Value and money", …). */
export interface FactGroup {
  title: string;
  facts: Fact[];
}

const KINDS = ['api', 'cloud', 'onprem'] as const;
const tokens = (n: number) => `${formatNumber(n)} tokens`;

/** What the workload is: volume and shape, sizes, caching, SLOs, quality, where it may run. */
export function workloadFacts(
  scenario: Pick<Scenario, 'workload'>,
  rates: WorkloadRates,
): FactGroup {
  const w = scenario.workload;
  const slo = [
    w.slo.ttftMs &&
      `time to first ${w.slo.ttftOf === 'visible' ? 'visible token' : 'token'} ≤ ${formatNumber(w.slo.ttftMs)} ms`,
    w.slo.tpotMs && `time per output token ≤ ${formatDecimal(w.slo.tpotMs, 1)} ms`,
    w.slo.e2eMs && `end to end ≤ ${formatNumber(w.slo.e2eMs)} ms`,
  ].filter(Boolean);
  const q = w.minQuality;
  const p95 = (x: number | undefined) => (x === undefined ? '' : ` (p95 ${tokens(x)})`);
  const facts: Fact[] = [
    {
      label: 'Requests',
      value: `${formatNumber(rates.requestsPerMonth)} a month (peak ÷ average ${formatDecimal(w.peakToAverage, 2)}, ${formatDecimal(w.schedule.hoursPerDay, 1)} h × ${formatDecimal(w.schedule.daysPerWeek, 1)} d a week)`,
    },
    {
      label: 'Growth',
      value: w.monthlyGrowthPct === 0 ? 'none' : `${formatDecimal(w.monthlyGrowthPct, 2)}% a month`,
    },
    { label: 'Prompt', value: `${tokens(w.inputTokens.mean)} mean${p95(w.inputTokens.p95)}` },
    { label: 'Output', value: `${tokens(w.outputTokens.mean)} mean${p95(w.outputTokens.p95)}` },
    {
      label: 'Prompt cache',
      value:
        w.promptCache.prefixTokens === 0
          ? 'no cacheable prefix'
          : `cacheable prefix ${prefixWords(w)}, ${formatPct(w.promptCache.hitRate)} prompt-cache hits, ${formatNumber(w.promptCache.distinctPrefixes)} distinct prefix${w.promptCache.distinctPrefixes === 1 ? '' : 'es'}`,
    },
    {
      label: 'Traffic mix',
      value: `response-cache hits ${formatPct(w.responseCacheHitRate)}, batch share ${formatPct(w.batchShare)}, priority share ${formatPct(w.priorityShare)}`,
    },
    { label: 'Reasoning', value: reasoningLine(w) },
    ...(w.task === undefined
      ? []
      : [
          {
            label: 'Agent task',
            value: `requests count tasks of ${formatNumber(w.task.turns)} turns, ${formatNumber(w.task.toolTokensPerTurn)} tool tokens added a turn, ${formatPct(w.task.cachedShare)} of the carried context cached${w.task.contextLimitTokens === undefined ? '' : `, past ${formatNumber(w.task.contextLimitTokens)} tokens the last ${w.task.keepLastTurns} turns kept`}, ${formatDecimal(w.task.toolSecondsPerTurn, 1)} s of tool time a turn`,
          },
        ]),
    {
      label: 'Latency SLOs',
      value:
        slo.length === 0
          ? 'none'
          : `${slo.join(', ')}${w.slo.includeUnknown ? ' (unknown latency included)' : ''}`,
    },
    {
      label: 'Minimum quality',
      value: q
        ? `${formatDecimal(q.score, 1)} on ${benchmarkName(q.benchmark)}${q.likeModelId ? ` (as good as ${q.likeModelId})` : ''}${q.includeUnknown ? ', models with no score included' : ''}`
        : 'none',
    },
    {
      label: 'Where it may run',
      value: `${w.residency.length === 0 ? 'any residency' : `residency ${w.residency.join(', ')}`}${w.regions.length === 0 ? '' : `; regions ${w.regions.join(', ')}`}`,
    },
    {
      label: 'Self-hosted weights',
      value: `${w.precision.toUpperCase()}${w.kvPrecision ? `, KV cache ${w.kvPrecision.toUpperCase()}` : ''}`,
    },
    {
      label: 'Stage',
      value:
        w.stage === 'experiment'
          ? `experiment${w.timeBoxMonths ? `, ends after ${w.timeBoxMonths} months` : ''} (no availability reserve)`
          : 'production (an availability reserve kept warm)',
    },
  ];
  return { title: 'Workload', facts };
}

/** "1,500 tokens, costed as 1,000 (the whole 1,000-token mean prompt)" while the prompt is shorter. */
export function prefixWords(w: Scenario['workload']): string {
  const costed = prefixTokensCosted(w);
  if (costed === w.promptCache.prefixTokens) return tokens(costed);
  return `${tokens(w.promptCache.prefixTokens)}, costed as ${formatNumber(costed)} (the whole mean prompt)`;
}

/** The workload's reasoning setting in words. */
function reasoningLine(w: Scenario['workload']): string {
  const r = w.reasoning;
  const effort = r?.effort === undefined ? 'each model’s default effort' : `${r.effort} effort`;
  const count =
    r?.tokensPerRequest === undefined
      ? 'the catalog’s typical reasoning tokens per level'
      : `${formatNumber(r.tokensPerRequest)} reasoning tokens a request (yours)`;
  const unknown = r?.includeUnknown ? '; unknown figures counted as 0' : '';
  return `${effort}, ${count}${unknown}`;
}

/** What requests are worth and how money is counted: value, horizon, discounting, budget. */
export function valueFacts(
  scenario: Pick<Scenario, 'value' | 'objective' | 'constraints' | 'asOf' | 'startDate'>,
  pricesAsOf: string,
): FactGroup {
  const v = scenario.value;
  return {
    title: 'Value and money',
    facts: [
      {
        label: 'Objective',
        value: `the ${higherIsBetter(scenario.objective) ? 'highest' : 'lowest'} ${objectiveLabel(scenario.objective, v.horizonMonths)}`,
      },
      ...worthFacts(v),
      ...moneyFacts(scenario, pricesAsOf),
    ],
  };
}

/** What a workload's requests are worth: its own in a file of several workloads. */
export function worthFacts(v: Pick<Scenario['value'], 'perRequest' | 'successRate'>): Fact[] {
  const per = v.perRequest;
  const value =
    per === undefined
      ? 'not set: no NPV, payback or ROI'
      : per.kind === 'revenue'
        ? `${formatUnitUsd(per.usdPerRequest)} revenue per successful request`
        : `${formatDecimal(per.minutesSavedPerRequest, 2)} minutes saved per successful request × ${formatUsd(per.loadedUsdPerHour)} an hour = ${formatUnitUsd(requestValueUsd(per))}`;
  return [
    { label: 'Value per request', value },
    { label: 'Success rate', value: formatPct(v.successRate) },
  ];
}

/** How money is counted, whatever the workload: horizon, discounting, prices, the budget. */
export function moneyFacts(
  scenario: Pick<Scenario, 'value' | 'constraints' | 'startDate'>,
  pricesAsOf: string,
): Fact[] {
  const v = scenario.value;
  return [
    { label: 'Horizon', value: `${v.horizonMonths} months` },
    { label: 'Discount rate (NPV)', value: `${formatPct(v.discountRateAnnual, 1)} a year` },
    { label: 'Prices as of', value: pricesAsOf },
    { label: 'Horizon starts', value: scenario.startDate ?? pricesAsOf },
    {
      label: 'Budget',
      value:
        scenario.constraints.maxMonthlyUsd === undefined
          ? 'none'
          : `${formatUsd(scenario.constraints.maxMonthlyUsd)} a month at most`,
    },
  ];
}

/** Setup cost and weeks to launch per placement kind. */
export function setupFacts(scenario: Pick<Scenario, 'value'>): FactGroup {
  const v = scenario.value;
  return {
    title: 'Setup and launch',
    facts: KINDS.map((k) => ({
      label: PLACEMENT_LABELS[k],
      value: `${formatUsd(v.setupUsd[k])} setup, ${formatLaunch(v.weeksToLaunch[k])}`,
    })),
  };
}

/** Negotiated discounts: the scenario's, each candidate's own, and the catalog's. */
export function discountFacts(
  scenario: Pick<Scenario, 'discounts' | 'candidates'>,
  catalog: Pick<Catalog, 'discounts'>,
): FactGroup {
  const line = (
    d: Catalog['discounts'][number] & { aboveMonthlyUsd?: number },
    from: string,
  ): Fact => {
    // A threshold changes what the share comes off: only the spend above it each month.
    const above = d.aboveMonthlyUsd ?? 0;
    const off = above > 0 ? `the spend above ${formatUsd(above)} a month` : 'list prices';
    return {
      label: d.offeringId ?? d.provider ?? '',
      value: `${formatPct(d.fraction, 1)} off ${off} (${from}${d.note ? `: ${d.note}` : ''})`,
    };
  };
  const facts = [
    ...scenario.discounts.map((d) => line(d, 'scenario')),
    ...scenario.candidates.flatMap((p) =>
      p.kind === 'api' && p.negotiatedDiscount !== undefined
        ? [
            {
              label: p.offeringId,
              value: `${formatPct(p.negotiatedDiscount, 1)} off list prices (this candidate)`,
            },
          ]
        : [],
    ),
    ...catalog.discounts.map((d) => line(d, 'catalog')),
  ];
  return {
    title: 'Negotiated discounts',
    facts: facts.length > 0 ? facts : [{ label: 'Discounts', value: 'none: list prices' }],
  };
}

/** Running costs and availability of self-hosted placements (the scenario's operations block). */
export function operationsFacts(scenario: Pick<Scenario, 'operations'>): FactGroup {
  const o = scenario.operations;
  const a = o.availability;
  return {
    title: 'Operations (self-hosted)',
    facts: [
      {
        label: 'Staff',
        value: `${formatUsd(o.staff.usdPerFteYear)} a year per engineer; ${formatDecimal(o.staff.fte.cloud, 3)} FTE on rented GPUs, ${formatDecimal(o.staff.fte.onprem, 3)} on owned GPUs + ${formatDecimal(o.staff.ftePerOwnedGpu, 4)} per owned GPU`,
      },
      {
        label: 'Storage, egress, monitoring',
        value: `${formatUnitUsd(o.storageUsdPerGBMonth)} per GB-month; ${formatUnitUsd(o.egressUsdPerGB)} per GB at ${formatNumber(o.egressBytesPerOutputToken)} bytes per output token; ${formatUsd(o.monitoringUsdPerHostMonth)} per host a month`,
      },
      {
        label: 'Availability',
        value: `${a.reserveReplicas} spare replica${a.reserveReplicas === 1 ? '' : 's'} kept warm${a.reserveHeadroom > 0 ? ` or ${formatPct(a.reserveHeadroom)} headroom` : ''}; weights load at ${formatDecimal(a.weightsLoadGBps, 2)} GB/s + ${formatNumber(a.engineStartS)} s engine start`,
      },
      {
        label: 'Spot',
        value: `${formatPct(o.spot.interruptionsPerMonth)} of spot instances reclaimed a month, ${formatNumber(o.spot.fallbackHours)} h on on-demand each`,
      },
    ],
  };
}

/**
 * Committed capacity among the candidates shown: the term and what it holds (where present), as the
 * commitments engine plans it — the units committed and their charge, not the fleet at its peak
 * (the rest of the fleet runs on demand, or spot, beside them).
 */
export function commitmentFacts(rows: readonly CandidateResult[]): FactGroup | null {
  const facts = rows.flatMap((r): Fact[] => {
    const c = r.commitment;
    if (c !== null) return [{ label: r.label, value: committedText(r, c) }];
    const months = r.selfHost?.commitmentMonths ?? null;
    // A brief row carries no plan: the term alone, never figures it does not have.
    return months === null ? [] : [{ label: r.label, value: `${months}-month commitment` }];
  });
  return facts.length === 0 ? null : { title: 'Commitments', facts };
}

/**
 * What an owned-GPU candidate among those shown is costed on: the hardware's life and price, the
 * power and its price, the site's PUE and colocation. Each is the placement's own figure or the
 * app's default (the colocation default is CBRE's asking rate, see OPERATIONS_SOURCES).
 */
export function ownedFacts(rows: readonly CandidateResult[]): FactGroup | null {
  const facts = rows.flatMap((r): Fact[] => {
    const p = r.placement;
    const owned = r.selfHost?.owned;
    if (p.kind !== 'onprem' || owned === null || owned === undefined) return [];
    const colocation =
      p.colocationUsdPerGpuMonth !== undefined
        ? `${formatUsd(p.colocationUsdPerGpuMonth)} per GPU a month`
        : `${formatUsd(p.colocationUsdPerKwMonth)} per kW of server rating a month (${formatDecimal(owned.serverRatedKw, 2)} kW a server)`;
    const server =
      owned.serverPriceFrom === 'catalog'
        ? `${formatUsd(owned.serverUsd)} a server (the catalog's, with its source)`
        : `${formatUsd(owned.serverUsd)} a server (the scenario's)`;
    return [
      {
        label: r.label,
        value: `${server}, written off over ${owned.lifeMonths} months; electricity $${formatDecimal(p.powerUsdPerKwh, 4)} per kWh at a PUE of ${formatDecimal(p.pue, 2)}; non-GPU server power ${formatPct(owned.serverOverheadFraction)} of the GPUs' where the server's is not known; colocation ${colocation}`,
      },
    ];
  });
  return facts.length === 0 ? null : { title: 'Owned GPUs', facts };
}

/** "1-year, no upfront: 2 instances committed, paid every hour of the term …($648.02 a month)". */
function committedText(r: CandidateResult, c: CandidateCommitment): string {
  const upfront = c.upfrontUsd > 0 ? `, ${formatUsd(c.upfrontUsd)} upfront` : '';
  const above =
    c.kind === 'provisioned'
      ? 'tokens above them pay as you go'
      : `demand above them runs ${r.placement.kind === 'cloud' && r.placement.burst === 'spot' ? 'on spot' : 'on demand'}`;
  return `${termText(c)}: ${unitsText(c.unit, c.committedUnits)} committed, paid every hour of the term whatever demand does (${formatUsd(c.monthlyCommittedUsd)} a month${upfront}); ${above}`;
}

/** The scenario's ranges (low – likely – high), when it simulates futures. */
export function rangeFacts(u: UncertaintyResult): FactGroup {
  return {
    title: 'Ranges (low – likely – high)',
    facts: u.ranges.map((r) => ({
      label: r.label,
      value: `${formatRangeValue(r, r.low)} – ${formatRangeValue(r, r.likely)} – ${formatRangeValue(r, r.high)}`,
    })),
  };
}
