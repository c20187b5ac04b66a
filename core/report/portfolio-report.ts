import { toCsv } from '../csv.ts';
import { formatPct, formatUsd } from '../format.ts';
import { explain } from '../decision/explain.ts';
import type { PortfolioResult } from '../portfolio/evaluate.ts';
import { markdownTable } from './writers.ts';

const cents = (c: number) => (c / 100).toFixed(2);

/**
 * The showback table as CSV: one line per workload and component (its use, its share of a pool's
 * idle capacity) and per idle line no workload carries, in dollars and cents that add up to the
 * total line exactly.
 */
export function showbackCsv(r: PortfolioResult): string {
  const names = new Map(r.workloads.map((w) => [w.id, w.name]));
  const rows = r.showback.rows.map((row) => [
    row.workloadId ?? '',
    row.workloadId === null ? 'Idle capacity' : (names.get(row.workloadId) ?? ''),
    row.owner,
    row.tags.join(';'),
    row.stage,
    row.vendor,
    row.placement,
    row.poolId ?? '',
    row.component,
    cents(row.cents),
  ]);
  const header = [
    'workloadId',
    'workload',
    'owner',
    'tags',
    'stage',
    'vendor',
    'placement',
    'poolId',
    'component',
    'monthlyUsd',
  ];
  const total = ['', 'Total', '', '', '', '', '', '', '', cents(r.showback.totalCents)];
  return toCsv([header, ...rows, total]);
}

/**
 * The portfolio in the CLI's JSON: the names the issue gives (`totalMonthlyUsd`, `tcoUsd`,
 * `workloads[]`, `pools[]`) are a public contract; more fields may be added, none renamed.
 */
export function portfolioJson(r: PortfolioResult) {
  return {
    totalMonthlyUsd: r.totalMonthlyUsd,
    tcoUsd: r.tcoUsd,
    horizonMonths: r.horizonMonths,
    workloads: r.workloads.map((w) => {
      const why = w.evaluation === null ? null : explain(w.evaluation);
      return {
        id: w.id,
        name: w.name,
        owner: w.owner,
        tags: w.tags,
        stage: w.stage,
        candidateId: w.candidateId,
        label: w.candidate?.label ?? null,
        poolId: w.poolId,
        monthlyUsd: w.monthlyUsd,
        useUsd: w.useUsd,
        allocatedIdleUsd: w.allocatedIdleUsd,
        aloneMonthlyUsd: w.aloneMonthlyUsd,
        tcoUsd: w.tcoUsd,
        budgetUsd: w.budgetUsd,
        firstBreachMonth: w.firstBreachMonth,
        requestsPerMonth: w.requestsPerMonth,
        tokensPerMonth: w.tokensPerMonth,
        gpuHoursPerMonth: w.gpuHoursPerMonth,
        unitTargets: w.unitTargets,
        problem: w.problem,
        explanation: why === null ? null : why.sentences,
      };
    }),
    pools: r.pools.map((p) => ({
      id: p.id,
      candidateId: p.candidateId,
      label: p.label,
      memberIds: p.memberIds,
      gpus: p.gpus,
      utilization: p.utilization,
      monthlyUsd: p.monthlyUsd,
      separateMonthlyUsd: p.separateMonthlyUsd,
      pooledSavingUsd: p.pooledSavingUsd,
      idleUsd: p.idleUsd,
      slo: p.slo,
      allocation: p.allocation,
    })),
    budgets: r.budgets,
    showback: {
      totalUsd: r.showback.totalCents / 100,
      byWorkload: dollars(r.showback.byWorkload),
      byOwner: dollars(r.showback.byOwner),
      byTag: dollars(r.showback.byTag),
      byStage: dollars(r.showback.byStage),
      byVendor: dollars(r.showback.byVendor),
      byPlacement: dollars(r.showback.byPlacement),
    },
  };
}

function dollars(byKey: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(byKey).map(([k, c]) => [k, c / 100]));
}

const month = (m: number | null) => (m === null ? 'never' : `month ${m}`);

/** The portfolio as Markdown tables: workloads, pools, budgets (terminal and reports). */
export function portfolioMarkdown(r: PortfolioResult, title: string): string {
  const workloads = markdownTable(
    ['Workload', 'Owner', 'Stage', 'Runs on', 'Monthly', 'Idle share', 'Budget crossed'],
    r.workloads.map((w) => [
      w.name,
      w.owner || '—',
      w.stage,
      w.candidate?.label ?? w.problem ?? '—',
      formatUsd(w.monthlyUsd),
      formatUsd(w.allocatedIdleUsd),
      w.firstBreachMonth === null ? '—' : month(w.firstBreachMonth),
    ]),
    ['left', 'left', 'left', 'left', 'right', 'right', 'left'],
  );
  const pools =
    r.pools.length === 0
      ? 'No shared pool: no two workloads run cheaper together.'
      : markdownTable(
          ['Pool', 'Members', 'GPUs', 'Utilization', 'Monthly', 'Saving vs apart'],
          r.pools.map((p) => [
            p.label,
            p.memberIds.join(', '),
            String(p.gpus),
            formatPct(p.utilization),
            formatUsd(p.monthlyUsd),
            formatUsd(p.pooledSavingUsd),
          ]),
          ['left', 'left', 'right', 'right', 'right', 'right'],
        );
  const budgets = r.budgets.map((b) => {
    const who = b.workloadId ?? b.owner ?? '';
    const crossed = b.crossings
      .map(
        (c) =>
          `${formatPct(c.threshold)}: ${month(c.month)}${c.driverId ? ` (${c.driverId})` : ''}`,
      )
      .join('; ');
    return `- ${who}: ${formatUsd(b.monthlyUsd)} a month — ${b.note ?? crossed}`;
  });
  return [
    `# ${title}`,
    '',
    `Total ${formatUsd(r.totalMonthlyUsd)} a month; ${formatUsd(r.tcoUsd)} over ${r.horizonMonths} months.`,
    '',
    '## Workloads',
    '',
    workloads,
    '',
    '## Shared pools',
    '',
    pools,
    ...(budgets.length === 0 ? [] : ['', '## Budgets', '', ...budgets]),
    '',
  ].join('\n');
}
