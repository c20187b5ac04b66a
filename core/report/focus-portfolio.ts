import { IDLE_NO_WORKLOAD } from '../charts/spend-data.ts';
import type {
  PoolResult,
  PortfolioResult,
  PortfolioWorkloadResult,
} from '../portfolio/evaluate.ts';
import { IDLE_UNALLOCATED, NO_OWNER } from '../portfolio/showback.ts';
import type { ScenarioFile } from '../schema/scenario.ts';
import { BREAKDOWN_KEYS, type CandidateResult } from '../sweep/types.ts';
import { HOURS_PER_MONTH } from '../units.ts';
import {
  baseColumns,
  billing,
  centsSplit,
  commitPlan,
  monthColumns,
  monthRows,
  type Billing,
  type CommitPlan,
  type FocusRow,
} from './focus.ts';
import { portfolioPricesAsOf, portfolioStart } from './portfolio-document.ts';

type Ok = NonNullable<PortfolioWorkloadResult['evaluation']>;

export interface PortfolioFocusInput {
  /** The file as evaluated (its name, and the day its horizon starts). */
  file: Pick<ScenarioFile, 'name' | 'startDate' | 'asOf'>;
  /** The portfolio engine's result for it. */
  result: PortfolioResult;
}

/** One of the amounts a portfolio's month is made of: how it is billed, and whose it is. */
interface Line {
  billing: Billing;
  usdByMonth: readonly number[];
  /** The workload, its team, stage and tags, its pool: as the showback shows them. */
  columns: FocusRow;
}

/**
 * A portfolio's planned spend as FOCUS 1.2 rows, from the portfolio engine's own months: for each
 * month of the horizon, each workload's pick billed as the single-workload rows bill a candidate
 * (the same columns, components, commitments), plus the workload's team, stage and tags.
 *
 * - A month's lines are each workload's cost (a pooled member's use of its pool, and the pool's idle
 *   capacity it carries) and each pool's idle capacity no workload carries; they are rounded
 *   together (largest remainder) so a month's rows add up to the portfolio's month to the cent.
 * - A shared pool's cost appears once, split as the showback splits it: by GPU-seconds used, idle
 *   by the portfolio's rule; idle capacity no workload carries is a row of its own (no workload,
 *   its team or "(idle, unallocated)", stage "idle").
 * - The portfolio counts owned servers by the month (depreciation and capital charge), so here they
 *   are Usage rows carried in EffectiveCost, billed when the servers were bought (BilledCost 0);
 *   EffectiveCost adds up to the month in every case, BilledCost wherever no servers are owned.
 * - Setup is not a provider's charge and is not in the portfolio's months: it is left out.
 */
export function portfolioFocusRows({ file, result: r }: PortfolioFocusInput): FocusRow[] {
  const lines = portfolioLines(r);
  if (lines.length === 0) return [];
  const start = portfolioStart(file, r);
  const base = baseColumns(file.name, portfolioPricesAsOf(r) ?? start);
  const rows: FocusRow[] = [];
  r.usdByMonth.forEach((monthUsd, k) => {
    const amounts = lines.map((l) => l.usdByMonth[k] ?? 0);
    const cents = centsSplit(monthUsd, amounts);
    lines.forEach((l, j) => {
      const usd = cents[j] ?? 0;
      if (usd <= 0) return;
      const t = l.billing;
      const steady = t.weights.reduce((sum, x) => sum + x, 0);
      const common = { ...monthColumns(base, start, k + 1, t.who, t.row), ...l.columns };
      rows.push(...monthRows(t, common, usd, steady > 0 ? amounts[j]! / steady : 0));
    });
  });
  return rows;
}

/** The portfolio's lines: each workload's (a pooled member's use and its idle part), then idle no one carries. */
function portfolioLines(r: PortfolioResult): Line[] {
  const lines: Line[] = [];
  for (const w of r.workloads) {
    const ctx = w.evaluation;
    const c = w.candidate;
    if (ctx === null || c === null) continue;
    const pool = r.pools.find((p) => p.id === w.poolId);
    const columns = whose(w.id, w.name, w.owner, w.tags, w.stage, w.poolId);
    if (pool === undefined) {
      lines.push({
        billing: billing(ctx, c, { amortizeOwned: true }),
        usdByMonth: w.usdByMonth,
        columns,
      });
      continue;
    }
    const pooled = { ...columns, ...poolResource(pool, c) };
    // The pool's idle capacity is its own line: the member's row bills only what it uses.
    const used = BREAKDOWN_KEYS.filter((k) => k !== 'idleUsd' && c.breakdown[k] > 0);
    lines.push({
      billing: poolBilling(ctx, c, pool, used),
      usdByMonth: w.usdByMonth.map((usd, k) => usd - (w.idleUsdByMonth[k] ?? 0)),
      columns: pooled,
    });
    lines.push({
      billing: poolBilling(ctx, c, pool, ['idleUsd']),
      usdByMonth: w.idleUsdByMonth,
      columns: pooled,
    });
  }
  for (const u of r.unallocatedIdle) {
    const pool = r.pools.find((p) => p.id === u.poolId);
    const member = r.workloads.find((w) => w.poolId === u.poolId && w.candidate !== null);
    const ctx = member?.evaluation ?? null;
    const c = member?.candidate ?? null;
    if (pool === undefined || ctx === null || c === null) continue;
    lines.push({
      billing: poolBilling(ctx, c, pool, ['idleUsd']),
      usdByMonth: u.usdByMonth,
      columns: {
        ...whose(null, IDLE_NO_WORKLOAD, u.owner, [], 'idle', pool.id),
        ...poolResource(pool, c),
      },
    });
  }
  return lines;
}

/**
 * A pool member's billing for some of its parts. A committed pool holds its instances every hour,
 * so all of the member's instance time is under the pool's commitment; a line's committed
 * instance-hours are its part of the pool's monthly cost.
 */
function poolBilling(
  ctx: Ok,
  c: CandidateResult,
  pool: PoolResult,
  keys: readonly (keyof CandidateResult['breakdown'])[],
): Billing {
  const own = c.placement.kind === 'cloud' ? commitPlan(ctx, c, c.placement.instanceId) : null;
  const steady = keys.reduce((sum, k) => sum + c.breakdown[k], 0);
  const plan: CommitPlan | null =
    own === null ? null : poolPlan(own, pool, c.selfHost?.commitmentMonths ?? 0, steady);
  return billing(ctx, c, { keys, plan });
}

function poolPlan(own: CommitPlan, pool: PoolResult, months: number, steady: number): CommitPlan {
  const instances = Math.max(0, ...pool.unitsByHour);
  const id = `${pool.id}:commitment-${months}m`;
  return {
    ...own,
    id,
    monthUsd: null,
    quantity: (scale) =>
      pool.monthlyUsd > 0 ? (instances * HOURS_PER_MONTH * steady * scale) / pool.monthlyUsd : 0,
    description: `${months}-month commitment on the shared pool's ${instances} instance(s)`,
    columns: { ...own.columns, CommitmentDiscountId: id },
  };
}

/** The resource a pooled line is billed on: the pool, not the member's own fleet. */
function poolResource(pool: PoolResult, c: CandidateResult): FocusRow {
  return { ResourceId: `${pool.id}:${c.id}`, ResourceName: `${c.label}, shared pool ${pool.id}` };
}

/**
 * Whose a line is, as the showback has it: the workload (none for idle capacity no workload
 * carries), its team, stage and pool; FOCUS's Tags (JSON) with the workload's own tags (a tag
 * without a value is `true`, as FOCUS asks) and its team and stage under a `modelwise/` prefix,
 * so they never collide with a tag of the same name.
 */
function whose(
  workloadId: string | null,
  name: string,
  owner: string,
  tags: readonly string[],
  stage: string,
  poolId: string | null,
): FocusRow {
  const team = owner === '' ? NO_OWNER : owner;
  const teamTag = owner === '' || owner === IDLE_UNALLOCATED ? {} : { 'modelwise/team': owner };
  return {
    Tags: JSON.stringify({
      ...Object.fromEntries(tags.map((t) => [t, true])),
      ...teamTag,
      'modelwise/stage': stage,
    }),
    x_WorkloadId: workloadId,
    x_WorkloadName: name,
    x_Team: team,
    x_Stage: stage,
    x_PoolId: poolId,
  };
}
