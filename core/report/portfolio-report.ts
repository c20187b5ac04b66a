import { toCsv } from '../csv.ts';
import { formatUsd } from '../format.ts';
import { explain } from '../decision/explain.ts';
import type { PortfolioResult } from '../portfolio/evaluate.ts';
import type { ScenarioFile } from '../schema/scenario.ts';
import { portfolioStart } from './portfolio-document.ts';
import { budgetsSection } from './portfolio-governance.ts';
import { poolsSection, summarySection, workloadsSection } from './portfolio-sections.ts';
import { sectionMarkdown } from './render-markdown.ts';

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
    pooledSavingUsd: r.pooledSavingUsd,
    horizonMonths: r.horizonMonths,
    /** Spend by month 1…horizon: every workload and the idle capacity no workload carries. */
    usdByMonth: r.usdByMonth,
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

/**
 * The portfolio as Markdown for `cost`: the totals, then the report's Portfolio (without its
 * chart), Workloads, Shared pools and Budgets sections, as the portfolio report shows them.
 */
export function portfolioMarkdown(r: PortfolioResult, file: ScenarioFile): string {
  const at = { r, pooling: file.pooling, start: portfolioStart(file, r) };
  // Text has no chart: the summary's figures and budgets in words, then the tables.
  const summary = summarySection(at);
  const sections = [
    { ...summary, blocks: summary.blocks.filter((b) => b.kind !== 'chart') },
    workloadsSection(at),
    poolsSection(at),
    budgetsSection(at),
  ].flatMap((s) => (s === null ? [] : [sectionMarkdown(s)]));
  return [
    `# ${file.name}`,
    `Total ${formatUsd(r.totalMonthlyUsd)} a month; ${formatUsd(r.tcoUsd)} over ${r.horizonMonths} months.`,
    ...sections,
    '',
  ].join('\n\n');
}
