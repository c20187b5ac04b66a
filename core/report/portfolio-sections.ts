import { spendSeries } from '../charts/spend-data.ts';
import { formatPct, formatUsd } from '../format.ts';
import type { BudgetResult } from '../portfolio/budgets.ts';
import type { PortfolioResult, PortfolioWorkloadResult } from '../portfolio/evaluate.ts';
import { IDLE_UNALLOCATED } from '../portfolio/showback.ts';
import type { Pooling } from '../schema/portfolio.ts';
import { SECONDS_PER_HOUR } from '../units.ts';
import type { KeyFigure, ReportSection, ReportTable } from './report-model.ts';
import { monthStart } from './report-tables.ts';

/**
 * The sections of a portfolio's report, each from the portfolio engine's result as it is: the
 * totals and the spend chart, the workloads, the shared pools and how they are shared, the budgets,
 * the showback, and the spend month by month. Nothing is worked out again here.
 */
export interface PortfolioSectionInput {
  r: PortfolioResult;
  /** The file's pooling rules (how idle capacity is shown back). */
  pooling: Pooling;
  /** The first day of month 1 (ISO): the scenario's start date, else the prices' day. */
  start: string;
}

/** "month 13 (from 2027-11-27)". */
export function monthWords(m: number, start: string): string {
  return `month ${m} (from ${monthStart(start, m)})`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How a pool's idle capacity is shown back, in words. */
export function idleRuleWords(pooling: Pooling): string {
  switch (pooling.idleAllocation) {
    case 'proportional':
      return 'to its members in proportion to the GPU-seconds each uses';
    case 'owner':
      return `to one team, ${pooling.idleOwner ?? ''}`;
    case 'unallocated':
      return 'to no workload: it is shown on a line of its own';
  }
}

function namesOf(r: PortfolioResult): Map<string, string> {
  return new Map(r.workloads.map((w) => [w.id, w.name]));
}

/** Who a budget is for: its team, or its workload by name. */
function budgetSubject(b: BudgetResult, names: ReadonlyMap<string, string>): string {
  return b.owner ?? names.get(b.workloadId ?? '') ?? b.workloadId ?? '';
}

/**
 * A budget in one sentence: whether and when it is first exceeded and what drives it, its alert
 * thresholds, or why it can never alert.
 */
export function budgetSentence(
  b: BudgetResult,
  names: ReadonlyMap<string, string>,
  start: string,
  horizonMonths: number,
): string {
  const head = `${budgetSubject(b, names)}: ${formatUsd(b.monthlyUsd)} a month`;
  if (b.note !== null) return `${head} — ${b.note}`;
  const driver = (id: string | null) => (id === null ? '' : `, driven by ${names.get(id) ?? id}`);
  const full = b.crossings.find((c) => c.threshold === 1);
  const exceeded =
    b.firstBreachMonth === null
      ? `not exceeded within the ${horizonMonths} months`
      : `first exceeded in ${monthWords(b.firstBreachMonth, start)}${driver(full?.driverId ?? null)}`;
  const alerts = b.crossings
    .filter((c) => c.threshold !== 1)
    .map((c) =>
      c.month === null
        ? `its ${formatPct(c.threshold)} alert is not reached`
        : `its ${formatPct(c.threshold)} alert is passed in ${monthWords(c.month, start)}${driver(c.driverId)}`,
    );
  return `${head} — ${[exceeded, ...alerts].join('; ')}.`;
}

/** The totals, the budgets in a sentence each, and the spend chart stacked by team. */
export function summarySection({ r, pooling, start }: PortfolioSectionInput): ReportSection {
  const teams = [...new Set(r.workloads.map((w) => w.owner).filter((o) => o !== ''))];
  const byStage = r.showback.byStage;
  const stage = (key: string) => (byStage[key] ?? 0) / 100;
  const figures: KeyFigure[] = [
    {
      label: `${r.horizonMonths}-month cost`,
      value: r.tcoUsd,
      format: 'usd',
      note: 'setup and every month, growth included',
    },
    { label: 'Monthly', value: r.totalMonthlyUsd, format: 'usd', note: 'first full month' },
    { label: 'Production', value: stage('production'), format: 'usd', note: 'a month' },
    { label: 'Experiments', value: stage('experiment'), format: 'usd', note: 'a month' },
  ];
  if (byStage['idle'] !== undefined)
    figures.push({
      label: 'Idle, no workload',
      value: stage('idle'),
      format: 'usd',
      note: 'a month',
    });
  if (r.pools.length > 0)
    figures.push({
      label: 'Pooling saves',
      value: r.pooledSavingUsd,
      format: 'usd',
      note: `a month, ${plural(r.pools.length, 'shared pool')}`,
    });
  figures.push({
    label: 'Workloads',
    value: r.workloads.length,
    format: 'integer',
    note: plural(teams.length, 'team'),
  });
  const names = namesOf(r);
  const series = spendSeries(r, 'owner');
  return {
    id: 'portfolio',
    title: 'Portfolio',
    blocks: [
      {
        kind: 'paragraph',
        strong: true,
        text: `${plural(r.workloads.length, 'workload')}${teams.length === 0 ? '' : ` of ${plural(teams.length, 'team')} (${teams.join(', ')})`}, ${r.pools.length === 0 ? (pooling.enabled ? 'no shared pool' : 'pooling off') : plural(r.pools.length, 'shared pool')}`,
      },
      { kind: 'figures', figures },
      ...(r.budgets.length === 0
        ? []
        : [
            {
              kind: 'list' as const,
              items: r.budgets.map((b) => budgetSentence(b, names, start, r.horizonMonths)),
            },
          ]),
      {
        kind: 'chart',
        title: `Spend month by month over ${r.horizonMonths} months`,
        note: `Stacked by team from ${start}${series.budgets.some((b) => b.stack !== null) ? '; each dashed line is a team’s budget drawn on top of its own stack, so the stack passes it in the month the budget is exceeded' : ''}`,
        chart: { id: 'spend', type: 'spend', data: series },
      },
    ],
  };
}

/** The workload it would run on alone, when that is not where it runs. */
function ownPick(w: PortfolioWorkloadResult): string | null {
  const e = w.evaluation;
  if (e === null || e.result.recommended < 0) return null;
  const own = e.result.row(e.result.recommended);
  return own.id === w.candidateId ? null : own.label;
}

/**
 * What the table cannot say: where a pooled workload would run on its own when that is elsewhere,
 * each unit-cost target against its actual, and why a workload has no pick.
 */
function workloadNotes(r: PortfolioResult): string[] {
  return r.workloads.flatMap((w): string[] => {
    if (w.problem !== null) return [`${w.name}: ${w.problem}.`];
    const notes: string[] = [];
    const own = w.poolId === null ? null : ownPick(w);
    if (own !== null)
      notes.push(
        `On its own, ${w.name} would run on ${own} at ${formatUsd(w.aloneMonthlyUsd)} a month; in ${w.poolId} it costs ${formatUsd(w.monthlyUsd)}.`,
      );
    for (const t of w.unitTargets) {
      const unit =
        t.target === 'usdPer1kRequests' ? 'per 1,000 requests' : 'per successful outcome';
      notes.push(
        `${w.name}: ${formatUsd(t.actualUsd)} ${unit} against a target of ${formatUsd(t.limitUsd)} — ${t.met ? 'met' : 'missed'}.`,
      );
    }
    return notes;
  });
}

/** Each workload: who owns it, where it runs, what it costs a month and over the horizon. */
export function workloadsSection({ r }: PortfolioSectionInput): ReportSection {
  const table: ReportTable = {
    id: 'portfolio-workloads',
    columns: [
      { key: 'name', header: 'Workload', format: 'text', width: 24 },
      { key: 'owner', header: 'Team', format: 'text', width: 18 },
      { key: 'tags', header: 'Tags', format: 'text', width: 18 },
      { key: 'stage', header: 'Stage', format: 'text', width: 11 },
      { key: 'runsOn', header: 'Runs on', format: 'text', width: 50 },
      { key: 'monthly', header: 'Monthly', format: 'usd', width: 13 },
      { key: 'idle', header: 'Idle share', format: 'usd', width: 13 },
      { key: 'alone', header: 'On its own', format: 'usd', width: 13 },
      { key: 'tco', header: `${r.horizonMonths}-month cost`, format: 'usd', width: 15 },
    ],
    rows: r.workloads.map((w) => ({
      name: w.name,
      owner: w.owner === '' ? '—' : w.owner,
      tags: w.tags.length === 0 ? '—' : w.tags.join(', '),
      stage: w.stage,
      runsOn:
        w.candidate === null
          ? (w.problem ?? '—')
          : `${w.poolId === null ? '' : `${w.poolId}: `}${w.candidate.label}`,
      monthly: w.monthlyUsd,
      // Only a pool has idle capacity to share.
      idle: w.poolId === null ? null : w.allocatedIdleUsd,
      alone: w.aloneMonthlyUsd,
      tco: w.tcoUsd,
    })),
  };
  const notes = workloadNotes(r);
  return {
    id: 'workloads',
    title: 'Workloads',
    blocks: [
      {
        kind: 'paragraph',
        text: `Each workload is recommended on its own under the objective, then pooled where sharing a fleet costs less. Monthly is the first full month with its share of a pool's idle capacity; on its own, what its own pick would cost a month; the ${r.horizonMonths}-month cost is its setup and every month it runs.`,
      },
      { kind: 'table', caption: '', table },
      ...(notes.length === 0 ? [] : [{ kind: 'list' as const, items: notes }]),
    ],
  };
}

/** The shared pools: what each rents, who shares it, what it saves, and how its cost is split. */
export function poolsSection({ r, pooling }: PortfolioSectionInput): ReportSection {
  if (r.pools.length === 0) {
    return {
      id: 'pools',
      title: 'Shared pools',
      blocks: [
        {
          kind: 'paragraph',
          text: pooling.enabled
            ? 'No shared pool: no two workloads run cheaper together on one rented model and instance.'
            : 'Pooling is off for this file: every workload runs on its own pick.',
        },
      ],
    };
  }
  const names = namesOf(r);
  const owners = new Map(r.workloads.map((w) => [w.id, w.owner]));
  const pools: ReportTable = {
    id: 'portfolio-pools',
    columns: [
      { key: 'label', header: 'Pool', format: 'text', width: 50 },
      { key: 'members', header: 'Members', format: 'text', width: 40 },
      { key: 'gpus', header: 'GPUs', format: 'integer', width: 8 },
      { key: 'utilization', header: 'Utilization', format: 'pct', width: 11 },
      { key: 'ttft', header: 'TTFT held', format: 'ms', width: 10 },
      { key: 'monthly', header: 'Monthly', format: 'usd', width: 13 },
      { key: 'apart', header: 'Apart', format: 'usd', width: 13 },
      { key: 'saving', header: 'Saving', format: 'usd', width: 13 },
    ],
    rows: r.pools.map((p) => ({
      label: `${p.id}: ${p.label}`,
      members: p.memberIds.map((id) => names.get(id) ?? id).join(', '),
      gpus: p.gpus,
      utilization: p.utilization,
      ttft: p.slo.ttftMs,
      monthly: p.monthlyUsd,
      apart: p.separateMonthlyUsd,
      saving: p.pooledSavingUsd,
    })),
  };
  const allocations = r.pools.map((p): ReportTable => {
    // Each line as the showback rounds it, so the table adds up to the pool's bill to the cent; the
    // idle capacity no member carries is its own line.
    const lineOf = (workloadId: string | null, component: 'use' | 'idle') =>
      r.showback.rows.find(
        (row) =>
          row.poolId === p.id && row.workloadId === workloadId && row.component === component,
      );
    const usdOf = (workloadId: string, component: 'use' | 'idle') =>
      (lineOf(workloadId, component)?.cents ?? 0) / 100;
    const left = lineOf(null, 'idle');
    return {
      id: `portfolio-allocation-${p.id}`,
      columns: [
        { key: 'member', header: 'Member', format: 'text', width: 26 },
        { key: 'owner', header: 'Team', format: 'text', width: 18 },
        { key: 'gpuHours', header: 'GPU-hours used a month', format: 'number', width: 12 },
        { key: 'use', header: 'Use', format: 'usd', width: 13 },
        { key: 'idle', header: 'Idle allocated', format: 'usd', width: 13 },
      ],
      rows: [
        ...p.allocation.map((a) => ({
          member: names.get(a.workloadId) ?? a.workloadId,
          owner: owners.get(a.workloadId) || '—',
          gpuHours: a.gpuSeconds / SECONDS_PER_HOUR,
          use: usdOf(a.workloadId, 'use'),
          idle: usdOf(a.workloadId, 'idle'),
        })),
        ...(left === undefined
          ? []
          : [
              {
                member: 'Idle capacity no member carries',
                owner: left.owner === IDLE_UNALLOCATED ? '—' : left.owner,
                gpuHours: null,
                use: null,
                idle: left.cents / 100,
              },
            ]),
      ],
    };
  });
  return {
    id: 'pools',
    title: 'Shared pools',
    blocks: [
      {
        kind: 'paragraph',
        text: `A pool rents one fleet for its members, sized hour by hour of the week for their combined demand at the strictest latency objective among them, so every member's SLO holds; GPUs are those of its busiest hour. Each member pays for the GPU-seconds it uses; the idle capacity goes ${idleRuleWords(pooling)}. Apart: the members' own picks, each on its own fleet.`,
      },
      { kind: 'table', caption: '', table: pools },
      ...allocations.map((table, k) => ({
        kind: 'table' as const,
        caption: `${r.pools[k]!.id}: how its ${formatUsd(r.pools[k]!.monthlyUsd)} a month is shared (idle capacity ${formatUsd(r.pools[k]!.idleUsd)})`,
        table,
      })),
    ],
  };
}
