import {
  formatMs,
  formatNumber,
  formatPct,
  formatUnitUsd,
  formatUsd,
} from '../../../core/format.ts';
import { describeTerms } from '../../../core/pricing/negotiated.ts';
import { commitmentFacts } from '../../../core/report/procurement-report.ts';
import {
  apiSavingsLine,
  explainSelfHostCost,
  operationsSourceLines,
} from '../../../core/report/selfhost-explain.ts';
import type { LatencyMeasurement } from '../../../core/schema/catalog.ts';
import type { CatalogIndex } from '../../../core/sweep/catalog-index.ts';
import type { SweepResult } from '../../../core/sweep/sweep.ts';
import { KIND_CODE } from '../../../core/sweep/table.ts';
import {
  BREAKDOWN_KEYS,
  type ApiDetail,
  type CandidateResult,
  type RouteDetail,
} from '../../../core/sweep/types.ts';
import { BREAKDOWN_LABELS } from '../../../core/sweep/types.ts';
import { reasoningFacts, taskFacts } from './reasoning-facts.ts';

export interface FactSection {
  title: string;
  facts: { label: string; value: string }[];
}

/**
 * Everything behind one row, in sections a reader can check: the cost parts and how each is made,
 * the latency, how the fleet is sized, the return, the energy, and where each price came from and
 * when. `bestSelfHosted` is the self-hosted candidate a hosted API is set against; `setup` says
 * whether the setup and launch figures are the app's defaults (said next to them).
 */
export function candidateFacts(
  r: CandidateResult,
  index: CatalogIndex,
  bestSelfHosted: CandidateResult | null = null,
  setup?: { setup: 'default' | 'yours'; launch: 'default' | 'yours' },
): FactSection[] {
  const sections: FactSection[] = [];
  sections.push({
    title: 'Cost',
    facts: [
      { label: 'Monthly', value: formatUsd(r.monthlyUsd) },
      { label: r.task ? 'Per task' : 'Per request', value: formatUnitUsd(r.perRequestUsd) },
      { label: 'Per 1M tokens', value: formatUnitUsd(r.perMTokUsd) },
      { label: 'Per successful outcome', value: formatUnitUsd(r.perSuccessUsd) },
      ...BREAKDOWN_KEYS.filter((k) => r.breakdown[k] > 0).map((k) => ({
        label: `· ${BREAKDOWN_LABELS[k]}`,
        value: formatUsd(r.breakdown[k]),
      })),
      {
        label: `One-off setup${setup?.setup === 'default' ? " (as the app's default)" : ''}`,
        value: formatUsd(r.setupUsd),
      },
      {
        label: `Weeks to launch${setup?.launch === 'default' ? " (as the app's default)" : ''}`,
        value: formatNumber(r.weeksToLaunch),
      },
      { label: 'Cost over the horizon (TCO)', value: formatUsd(r.tcoUsd) },
      { label: 'Per successful outcome, over the horizon', value: formatUnitUsd(r.perOutcomeUsd) },
    ],
  });
  if (r.route !== null) sections.push(routeFacts(r.route));
  // A commitment's terms and risk sit right under the cost, not further down.
  if (r.commitment !== null)
    sections.push({ title: 'Commitment', facts: commitmentFacts(r.commitment) });
  const explained = explainSelfHostCost(r);
  const savings = apiSavingsLine(r, bestSelfHosted);
  if (explained.length > 0 || savings !== null) {
    sections.push({
      title: 'How the cost is made',
      facts: savings === null ? explained : [savings],
    });
  }
  sections.push({
    title: 'Latency',
    facts: [
      { label: 'Time to first token', value: formatMs(r.ttftMs) },
      { label: 'Time to first visible token', value: formatMs(r.ttftVisibleMs) },
      { label: 'Time per output token', value: formatMs(r.tpotMs) },
      { label: r.task ? 'End to end (a turn)' : 'End to end', value: formatMs(r.e2eMs) },
      { label: 'Against the SLOs', value: CHECK_WORDS.latency[r.latencyStatus] },
      ...(r.kind === 'api' ? [apiLatencyFact(r, index)] : []),
    ],
  });
  sections.push({
    title: 'Quality',
    facts: [
      { label: 'Score', value: r.quality === null ? 'no score' : formatNumber(r.quality, 1) },
      { label: 'Against the minimum', value: CHECK_WORDS.quality[r.qualityStatus] },
    ],
  });
  sections.push(...reasoningFacts(r), ...taskFacts(r));
  if (r.selfHost) {
    const s = r.selfHost;
    sections.push({
      title: 'Sizing',
      facts: [
        { label: 'GPU', value: index.gpus.get(s.gpuId)?.name ?? s.gpuId },
        { label: 'Tensor parallel', value: `${s.tp} GPU${s.tp === 1 ? '' : 's'} per replica` },
        {
          label: 'Precision',
          value: `${s.precision.toUpperCase()} weights, ${s.kvPrecision.toUpperCase()} KV cache`,
        },
        { label: 'Engine', value: s.engine },
        { label: 'Replicas at peak', value: formatNumber(s.replicasPeak) },
        ...(s.instancesPeak !== null
          ? [{ label: 'Instances at peak', value: formatNumber(s.instancesPeak) }]
          : []),
        { label: 'GPUs at peak', value: formatNumber(s.gpusPeak) },
        { label: 'Utilization', value: formatPct(s.utilization, 1) },
        {
          label: 'Concurrency per replica',
          value: `${formatNumber(s.sloConcurrency)} (SLO) of ${formatNumber(s.maxConcurrency)} that fit`,
        },
        { label: 'Weights per GPU', value: `${s.weightsGBPerGpu.toFixed(1)} GB` },
      ],
    });
  }
  if (r.api) {
    sections.push({
      title: 'Pricing',
      facts: [
        {
          label: 'Prompt-cache hits (effective)',
          value: formatPct(r.api.effectiveCacheHitRate, 1),
        },
        {
          label: 'Long-context tier',
          value: longContextFact(r.api),
        },
        { label: 'Negotiated terms', value: describeTerms(r.negotiated) },
      ],
    });
  }
  if (r.selfHost && r.negotiated !== null) {
    sections.push({
      title: 'Pricing',
      facts: [{ label: 'Negotiated terms', value: describeTerms(r.negotiated) }],
    });
  }
  if (r.roi) {
    sections.push({
      title: 'Return',
      facts: [
        { label: 'Net value / month', value: formatUsd(r.roi.netMonthlyUsd) },
        {
          label: 'Payback',
          value:
            r.roi.paybackMonth === null ? 'not within the horizon' : `month ${r.roi.paybackMonth}`,
        },
        { label: 'NPV', value: formatUsd(r.roi.npvUsd) },
        {
          label: 'ROI over the horizon',
          value: r.roi.roi === null ? '—' : `${formatNumber(r.roi.roi * 100)}%`,
        },
        { label: 'Time to value', value: `${r.roi.timeToValueWeeks} weeks` },
      ],
    });
  }
  if (r.energyKwhPerMonth !== null) {
    sections.push({
      title: 'Energy',
      facts: [
        { label: 'Energy / month', value: `${formatNumber(r.energyKwhPerMonth)} kWh` },
        {
          label: 'Emissions / month',
          value: r.co2KgPerMonth === null ? '—' : `${formatNumber(r.co2KgPerMonth)} kg CO₂e`,
        },
      ],
    });
  }
  sections.push({ title: 'Sources', facts: sources(r, index) });
  return sections;
}

function sources(r: CandidateResult, index: CatalogIndex): FactSection['facts'] {
  const p = r.placement;
  const out: FactSection['facts'] = [];
  if (p.kind === 'route') {
    // Each arm's sources, named by the arm.
    for (const arm of [p.small, p.large]) {
      for (const f of sources({ ...r, placement: arm }, index)) {
        out.push({ ...f, label: `${arm === p.small ? 'Small' : 'Large'} arm: ${f.label}` });
      }
    }
    return out;
  }
  if (p.kind === 'api') {
    const o = index.offerings.get(p.offeringId);
    if (o) out.push({ label: `Prices (as of ${o.asOf})`, value: o.source });
    const pt = o?.provisioned;
    if (p.provisioned && pt) {
      const price = pt.prices.find((x) => x.term === p.provisioned?.term);
      if (price && p.provisioned.usdPerUnitHour === undefined) {
        out.push({ label: `Provisioned price (as of ${price.asOf})`, value: price.source });
      }
      if (p.provisioned.inputTokensPerMinutePerUnit === undefined) {
        out.push({ label: `Provisioned capacity (as of ${pt.asOf})`, value: pt.source });
      }
    }
    if (r.commitment?.yours) {
      out.push({ label: 'Your figures', value: 'a provisioned price or capacity you entered' });
    }
  } else if (p.kind === 'cloud') {
    const i = index.instances.get(p.instanceId);
    if (i) out.push({ label: `Instance price (as of ${i.asOf})`, value: i.source });
  } else {
    const g = index.gpus.get(p.gpuId);
    if (g) out.push({ label: `GPU specs (as of ${g.asOf})`, value: g.source });
  }
  if (p.kind === 'onprem') {
    const server = index.gpus.get(p.gpuId)?.server;
    if (server) out.push({ label: `Server price (as of ${server.asOf})`, value: server.source });
  }
  const m = index.models.get(r.modelId);
  if (m) out.push({ label: `Model (as of ${m.asOf})`, value: m.source });
  if (r.reasoning) {
    out.push({ label: `Reasoning (as of ${r.reasoning.asOf})`, value: r.reasoning.source });
    if (r.reasoning.method) out.push({ label: 'Reasoning tokens, how', value: r.reasoning.method });
  }
  out.push(...operationsSourceLines(r));
  return out;
}

/** A check's outcome in words: unknown is said as such, never as a pass. */
const CHECK_WORDS = {
  latency: {
    pass: 'met',
    fail: 'missed',
    unknown: 'unknown: no figure to check',
    none: 'no SLO set',
  },
  quality: {
    pass: 'met',
    fail: 'below',
    unknown: 'unknown: no score on the benchmark',
    none: 'no minimum set',
  },
} as const;

/** Where a hosted API's latency figure comes from, as the app says it next to the figure. */
export function latencyBasis(source: 'published' | 'measured' | null): string {
  if (source === 'published') return 'published median, not a guarantee';
  if (source === 'measured') return 'your measurement';
  return 'unknown: no published or measured figure';
}

/**
 * The TTFT card's line under its figure: where the figure comes from, or, with no figure, why
 * there is none — never the basis of a figure that is not there. `measurement` is the hosted
 * API's latency row the engine used (the index keeps it).
 */
export function ttftBasis(
  r: Pick<CandidateResult, 'kind' | 'ttftMs' | 'tpotMs' | 'api'>,
  measurement: Pick<LatencyMeasurement, 'ttftMs'> | undefined,
): string {
  const tpot = r.tpotMs === null ? '' : `${formatMs(r.tpotMs)} per token`;
  if (r.kind !== 'api') return r.ttftMs === null ? 'no TTFT estimate' : tpot;
  const source = r.api?.latencySource ?? null;
  if (r.ttftMs !== null || source === null) return latencyBasis(source);
  const what = source === 'measured' ? 'measured' : 'published';
  // The row holds a TTFT the engine could not carry: a hidden reasoner at another effort.
  if (measurement?.ttftMs !== undefined)
    return `unknown at this reasoning effort (the ${what} TTFT is at the model’s default)`;
  return `no ${what} TTFT${tpot === '' ? '' : ` · ${tpot} (${what})`}`;
}

/** The latency figure's basis with its source and date (the index keeps the one it used). */
function apiLatencyFact(r: CandidateResult, index: CatalogIndex): FactSection['facts'][number] {
  const basis = latencyBasis(r.api?.latencySource ?? null);
  const m = r.placement.kind === 'api' ? index.latency.get(r.placement.offeringId) : undefined;
  return {
    label: 'Latency figures',
    value: m === undefined ? basis : `${basis} — ${m.source} (as of ${m.asOf})`,
  };
}

/** The mean prompt's tier, and the share of requests priced in any tier when it is not all. */
function longContextFact(api: ApiDetail): string {
  const share = api.longContextShare;
  if (share === 0) return 'not reached';
  const rule = api.longContext === 'none' ? 'not reached by the mean prompt' : api.longContext;
  return share >= 1 ? rule : `${rule}; ${formatPct(share, 0)} of requests in a tier`;
}

/** The best-ranked feasible self-hosted candidate of a sweep (rank order), or -1. */
export function bestSelfHostedIndex(result: SweepResult): number {
  for (const i of result.order) {
    if (result.columns.feasible[i] !== 1) break;
    if (result.columns.kind[i] !== KIND_CODE.api) return i;
  }
  return -1;
}

/** A route's two arms, its split and where it stops paying against the large arm alone. */
function routeFacts(route: RouteDetail): FactSection {
  const arm = (what: string, a: RouteDetail['small']) => ({
    label: `${what} arm (${formatPct(a.share)} of requests)`,
    value: `${a.label}: ${formatUsd(a.monthlyUsd)} a month`,
  });
  return {
    title: route.mode === 'cascade' ? 'Cascade' : 'Router',
    facts: [
      arm('Small', route.small),
      arm('Large', route.large),
      {
        label: route.mode === 'cascade' ? 'Check per request' : 'Router per request',
        value: `${formatUnitUsd(route.routerUsdPerRequest)}, ${formatMs(route.routerLatencyMs)}`,
      },
      { label: 'First token, p95 over the two paths', value: formatMs(route.ttftP95Ms) },
      { label: 'Large model alone', value: `${formatUsd(route.largeAloneMonthlyUsd)} a month` },
      {
        label: 'Break-even escalation share',
        value:
          route.breakEvenEscalationShare === null
            ? 'none: never cheaper than the large model alone'
            : `${formatPct(route.breakEvenEscalationShare, 1)} (now ${formatPct(route.escalationShare)})`,
      },
    ],
  };
}
