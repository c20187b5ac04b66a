import { costedKind } from '../schema/route.ts';
import { candidateAtVolume } from '../decision/at-volume.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { CloudPlacement } from '../schema/placement.ts';
import type { PortfolioWorkload } from '../schema/portfolio.ts';
import type { Scenario, ScenarioFile } from '../schema/scenario.ts';
import type { ContextOptions } from '../sweep/context.ts';
import { PLACEMENT_LABELS, type CandidateResult } from '../sweep/types.ts';
import { evaluateScenario, type ScenarioEvaluation } from '../scenario/evaluate.ts';
import { SECONDS_PER_HOUR } from '../units.ts';
import { checkBudgets, type BudgetResult, type WorkloadMonths } from './budgets.ts';
import { workloadScenario } from './derive.ts';
import { memberAssessment, type MemberAssessment } from './members.ts';
import { poolEconomics, splitIdle } from './pool-economics.ts';
import { poolMonths, serviceMonth } from './pool-months.ts';
import type { PoolUnit } from './pools.ts';
import { showback, type Showback, type SpendLine } from './showback.ts';

type OkEvaluation = Extract<ScenarioEvaluation, { ok: true }>;

export interface UnitTargetCheck {
  target: 'usdPer1kRequests' | 'usdPerSuccessfulOutcome';
  limitUsd: number;
  actualUsd: number;
  met: boolean;
}

export interface PortfolioWorkloadResult {
  id: string;
  name: string;
  owner: string;
  tags: string[];
  stage: 'production' | 'experiment';
  /** The workload's own scenario: what the single-workload views show for it. */
  scenario: Scenario;
  evaluation: OkEvaluation | null;
  /** Why the workload could not be evaluated, or has no feasible candidate. */
  problem: string | null;
  /** The candidate it runs on: its own best, or its pool's. */
  candidate: CandidateResult | null;
  candidateId: string | null;
  poolId: string | null;
  vendor: string | null;
  placement: string | null;
  modelId: string | null;
  requestsPerMonth: number;
  /** Tokens a month the models read and write (billed requests × prompt and output). */
  tokensPerMonth: number;
  /** GPU-hours of work a month on rented GPUs; null elsewhere. */
  gpuHoursPerMonth: number | null;
  /** Its own cost, or its GPU-seconds' share of its pool's, a month. */
  useUsd: number;
  /** Idle capacity of its pool allocated to it, a month. */
  allocatedIdleUsd: number;
  /** useUsd + allocatedIdleUsd. */
  monthlyUsd: number;
  /** What it would cost a month on its own (its recommendation). */
  aloneMonthlyUsd: number;
  tcoUsd: number;
  /** Its own budget, when one covers it alone. */
  budgetUsd: number | null;
  /** First month a budget covering it (its own or its team's) is passed. */
  firstBreachMonth: number | null;
  usdByMonth: number[];
  /** Of usdByMonth, its pool's idle capacity allocated to it (0 off a pool), by month. */
  idleUsdByMonth: number[];
  unitTargets: UnitTargetCheck[];
}

export interface PoolAllocation {
  workloadId: string;
  gpuSeconds: number;
  useUsd: number;
  idleUsd: number;
}

export interface PoolResult {
  id: string;
  candidateId: string;
  label: string;
  provider: string;
  modelId: string;
  memberIds: string[];
  /** GPUs at the pool's busiest hour. */
  gpus: number;
  /** GPU-seconds used ÷ paid. */
  utilization: number;
  monthlyUsd: number;
  /** The members' own recommendations apart, a month. */
  separateMonthlyUsd: number;
  pooledSavingUsd: number;
  idleUsd: number;
  /** Instances running in each hour of the week (Monday 00:00 first). */
  unitsByHour: number[];
  /** The latency objective every member is held to: the strictest of theirs. */
  slo: { ttftMs: number | null; tpotMs: number | null };
  allocation: PoolAllocation[];
}

export interface PortfolioResult {
  totalMonthlyUsd: number;
  tcoUsd: number;
  /** What the shared pools together save a month against their members' own picks apart. */
  pooledSavingUsd: number;
  horizonMonths: number;
  workloads: PortfolioWorkloadResult[];
  pools: PoolResult[];
  showback: Showback;
  budgets: BudgetResult[];
  /** Spend by month 1…horizon, all workloads and the idle capacity no workload carries. */
  usdByMonth: number[];
  /**
   * Each pool's idle capacity that no member carries (idle allocation `unallocated`, or a team
   * with no member in the pool), month by month, and the team it is shown to: in the total and
   * that team's budget, in no workload's months.
   */
  unallocatedIdle: { poolId: string; owner: string; usdByMonth: number[] }[];
}

export type PortfolioEvaluation =
  { ok: true; result: PortfolioResult } | { ok: false; error: string };

type Options = Omit<ContextOptions, 'maxMonthlyUsd' | 'operations'> & { asOf?: string };

interface Evaluated {
  w: PortfolioWorkload;
  scenario: Scenario;
  evaluation: OkEvaluation | null;
  problem: string | null;
  own: CandidateResult | null;
}

function evaluateWorkload(
  catalog: Catalog,
  file: ScenarioFile,
  w: PortfolioWorkload,
  options: Options,
): Evaluated {
  const scenario = workloadScenario(file, w);
  const evaluation = evaluateScenario(catalog, scenario, options);
  if (!evaluation.ok)
    return { w, scenario, evaluation: null, problem: evaluation.error, own: null };
  const i = evaluation.result.recommended;
  const own = i >= 0 ? evaluation.result.row(i) : null;
  return {
    w,
    scenario,
    evaluation,
    problem: own === null ? 'no candidate meets every constraint' : null,
    own,
  };
}

/** The strictest TTFT and TPOT among the members: a shared replica serves all at once. */
function strictestSlo(members: readonly Evaluated[]) {
  const min = (xs: (number | undefined)[]) => {
    const set = xs.filter((x): x is number => x !== undefined);
    return set.length === 0 ? undefined : Math.min(...set);
  };
  return {
    ttftMs: min(members.map((m) => m.w.workload.slo.ttftMs)),
    tpotMs: min(members.map((m) => m.w.workload.slo.tpotMs)),
  };
}

interface PoolMember {
  at: Evaluated;
  /** The member's evaluation context at the pool's SLO. */
  ctx: OkEvaluation['context'];
  /** The member's row on the pool's candidate at the pool's SLO. */
  row: CandidateResult;
  assessment: Extract<MemberAssessment, { ok: true }>;
}

/**
 * A member on the pool's candidate held to the pool's SLO: its own evaluation when its SLO is
 * already the strictest, else the candidate re-evaluated with the strictest SLO. Null when the
 * candidate cannot hold it there.
 */
function poolMember(
  catalog: Catalog,
  at: Evaluated,
  candidateId: string,
  p: CloudPlacement,
  slo: ReturnType<typeof strictestSlo>,
  options: Options,
): PoolMember | null {
  const own = at.w.workload.slo;
  let evaluation = at.evaluation;
  if (evaluation === null) return null;
  if (own.ttftMs !== slo.ttftMs || own.tpotMs !== slo.tpotMs) {
    const held: Scenario = {
      ...at.scenario,
      workload: { ...at.scenario.workload, slo: { ...own, ...slo } },
      candidates: [p],
    };
    delete held.sweep;
    const again = evaluateScenario(catalog, held, options);
    if (!again.ok) return null;
    evaluation = again;
  }
  const i = evaluation.result.indexOf(candidateId);
  if (i < 0) return null;
  const row = evaluation.result.row(i);
  if (!row.feasible) return null;
  const assessment = memberAssessment(at.w.id, evaluation.context, p);
  return assessment.ok ? { at, ctx: evaluation.context, row, assessment } : null;
}

interface Pool {
  result: PoolResult;
  members: PoolMember[];
  /** The instance the pool rents. */
  unit: PoolUnit;
  /** What the members would pay apart (their own recommendations) less the pool's cost. */
  gainUsd: number;
}

/** A workload's row for a candidate id in its own evaluation, if it has one that is feasible. */
function feasibleRow(e: Evaluated, candidateId: string): CandidateResult | null {
  const result = e.evaluation?.result;
  if (result === undefined) return null;
  const i = result.indexOf(candidateId);
  if (i < 0) return null;
  const row = result.row(i);
  return row.feasible ? row : null;
}

/**
 * The pool of `group` on a rented candidate: sized hour by hour of the week for their combined
 * demand at the strictest SLO; its monthly cost is the members' costs there less what the shared
 * fleet saves on instances. Null when a member cannot hold the pool's SLO on it.
 */
function tryPool(
  catalog: Catalog,
  candidateId: string,
  group: readonly Evaluated[],
  options: Options,
): Pool | null {
  if (group.length < 2) return null;
  const first = feasibleRow(group[0]!, candidateId);
  if (first === null || first.placement.kind !== 'cloud') return null;
  const p = first.placement;
  const slo = strictestSlo(group);
  const members: PoolMember[] = [];
  for (const at of group) {
    const m = poolMember(catalog, at, candidateId, p, slo, options);
    if (m === null) return null;
    members.push(m);
  }
  const unit = members[0]!.assessment.unit;
  const economics = poolEconomics(
    members.map((m) => ({ row: m.row, load: m.assessment.load })),
    unit,
  );
  const monthlyUsd = economics.monthlyUsd;
  const separateMonthlyUsd = members.reduce((sum, m) => sum + (m.at.own?.monthlyUsd ?? 0), 0);
  return {
    members,
    gainUsd: separateMonthlyUsd - monthlyUsd,
    unit,
    result: {
      id: '',
      candidateId,
      label: first.label,
      provider: first.provider,
      modelId: first.modelId,
      memberIds: members.map((m) => m.at.w.id),
      gpus: economics.pooled.unitsPeak * unit.gpusPerUnit,
      utilization: economics.usedShare,
      monthlyUsd,
      separateMonthlyUsd,
      pooledSavingUsd: separateMonthlyUsd - monthlyUsd,
      idleUsd: economics.idleUsd,
      unitsByHour: economics.pooled.unitsByHour,
      slo: { ttftMs: slo.ttftMs ?? null, tpotMs: slo.tpotMs ?? null },
      allocation: members.map((m, i) => ({
        workloadId: m.at.w.id,
        gpuSeconds: m.assessment.load.usedGpuSeconds,
        useUsd: economics.useUsd[i]!,
        idleUsd: 0,
      })),
    },
  };
}

/**
 * Shared pools, chosen where cheaper. Each rented candidate some workload is best on is a pool to
 * try: the workloads best on it first, then every other workload that can run on it (a feasible
 * row there), each kept only if it lowers what the portfolio pays. The pool saving the most is
 * taken, its members leave the field, and the search repeats.
 */
function findPools(catalog: Catalog, evaluated: readonly Evaluated[], options: Options): Pool[] {
  const keys = [
    ...new Set(evaluated.filter((e) => e.own?.placement.kind === 'cloud').map((e) => e.own!.id)),
  ];
  const pools: Pool[] = [];
  const taken = new Set<string>();
  for (;;) {
    let best: Pool | null = null;
    for (const key of keys) {
      const free = evaluated.filter((e) => !taken.has(e.w.id));
      let group = free.filter((e) => e.own?.id === key);
      if (group.length === 0) continue;
      let pool = tryPool(catalog, key, group, options);
      for (const e of free) {
        if (group.includes(e) || feasibleRow(e, key) === null) continue;
        const wider = tryPool(catalog, key, [...group, e], options);
        if (wider !== null && wider.gainUsd > (pool?.gainUsd ?? 0)) {
          pool = wider;
          group = [...group, e];
        }
      }
      if (pool !== null && pool.gainUsd > 1e-9 && pool.gainUsd > (best?.gainUsd ?? 0)) best = pool;
    }
    if (best === null) return pools;
    best.result.id = `pool-${pools.length + 1}`;
    pools.push(best);
    for (const id of best.result.memberIds) taken.add(id);
  }
}

/**
 * A pool's idle capacity shared out by the portfolio's rule (see splitIdle): each member's part
 * written on its allocation. Returns the line no member carries.
 */
function allocateIdle(pool: PoolResult, file: ScenarioFile): { owner: string; usd: number } | null {
  const owners = new Map(file.workloads.map((w) => [w.id, w.owner]));
  const split = splitIdle(
    pool.idleUsd,
    pool.allocation.map((a) => ({
      id: a.workloadId,
      owner: owners.get(a.workloadId) ?? '',
      gpuSeconds: a.gpuSeconds,
    })),
    file.pooling,
  );
  pool.allocation.forEach((a, i) => (a.idleUsd = split.byCarrier[i]!));
  return split.unallocated;
}

/**
 * Month-by-month spend of a workload on its own: its monthly cost re-costed at each month's volume
 * (its growth), from the first month of service (a launch month partly), and nothing after an
 * experiment's time box. A pooled member's months are its pool's (poolMonths).
 */
function monthsOf(
  evaluation: OkEvaluation | null,
  c: CandidateResult | null,
  horizonMonths: number,
): number[] {
  const ctx = evaluation?.context;
  if (ctx === undefined || c === null) return new Array<number>(horizonMonths).fill(0);
  const kind = costedKind(c.placement);
  const at = candidateAtVolume(ctx, c.placement);
  const baseUsd = c.monthlyUsd ?? 0;
  const base = ctx.rates.requestsPerMonth;
  const months: number[] = [];
  for (let m = 1; m <= horizonMonths; m++) {
    const { served, requestsPerMonth } = serviceMonth(ctx, kind, m);
    let usd = baseUsd;
    if (requestsPerMonth !== base && baseUsd > 0) {
      const atVolume = at(requestsPerMonth).monthlyUsd;
      usd =
        atVolume === null || !Number.isFinite(atVolume)
          ? (baseUsd * requestsPerMonth) / base
          : atVolume;
    }
    months.push(served * usd);
  }
  return months;
}

function unitChecks(
  w: PortfolioWorkload,
  monthlyUsd: number,
  requestsPerMonth: number,
): UnitTargetCheck[] {
  const t = w.unitTargets;
  if (t === undefined || requestsPerMonth <= 0) return [];
  const checks: UnitTargetCheck[] = [];
  const per1k = (monthlyUsd / requestsPerMonth) * 1000;
  if (t.usdPer1kRequests !== undefined)
    checks.push({
      target: 'usdPer1kRequests',
      limitUsd: t.usdPer1kRequests,
      actualUsd: per1k,
      met: per1k <= t.usdPer1kRequests,
    });
  if (t.usdPerSuccessfulOutcome !== undefined) {
    const perSuccess =
      w.value.successRate > 0 ? monthlyUsd / (requestsPerMonth * w.value.successRate) : Infinity;
    checks.push({
      target: 'usdPerSuccessfulOutcome',
      limitUsd: t.usdPerSuccessfulOutcome,
      actualUsd: Number.isFinite(perSuccess) ? perSuccess : monthlyUsd,
      met: Number.isFinite(perSuccess) && perSuccess <= t.usdPerSuccessfulOutcome,
    });
  }
  return checks;
}

/**
 * Evaluates a portfolio: every workload by the single-workload engine over the shared candidates,
 * shared pools where cheaper with every member's SLO held, the spend shown back to the cent, and
 * the budgets projected month by month.
 */
export function evaluatePortfolio(
  catalog: Catalog,
  file: ScenarioFile,
  options: Options = {},
): PortfolioEvaluation {
  const evaluated = file.workloads.map((w) => evaluateWorkload(catalog, file, w, options));
  const failed = evaluated.find((e) => e.evaluation === null);
  if (failed !== undefined && evaluated.length === 1)
    return { ok: false, error: failed.problem ?? 'the workload cannot be evaluated' };
  const pools = file.pooling.enabled ? findPools(catalog, evaluated, options) : [];
  const poolOf = new Map<string, Pool>();
  for (const pool of pools) for (const m of pool.members) poolOf.set(m.at.w.id, pool);

  const lines: SpendLine[] = [];
  const idleLines = pools.map((pool) => ({ pool, line: allocateIdle(pool.result, file) }));
  const horizonMonths = file.value.horizonMonths;
  const monthsByPool = new Map(
    pools.map((pool) => [
      pool,
      poolMonths(
        pool.members.map((m) => ({
          id: m.at.w.id,
          owner: m.at.w.owner,
          ctx: m.ctx,
          placement: m.row.placement as CloudPlacement,
          row: m.row,
          load: m.assessment.load,
        })),
        pool.unit,
        file.pooling,
        horizonMonths,
      ),
    ]),
  );
  const workloads: PortfolioWorkloadResult[] = evaluated.map((e) => {
    const pool = poolOf.get(e.w.id);
    const member = pool?.members.find((m) => m.at.w.id === e.w.id);
    const candidate = member?.row ?? e.own;
    const share = pool?.result.allocation.find((a) => a.workloadId === e.w.id);
    const useUsd = share?.useUsd ?? candidate?.monthlyUsd ?? 0;
    const allocatedIdleUsd = share?.idleUsd ?? 0;
    const monthlyUsd = useUsd + allocatedIdleUsd;
    const ctx = e.evaluation?.context;
    const rates = ctx?.rates;
    const stage = e.w.workload.stage ?? 'production';
    const vendor = candidate?.provider ?? null;
    const placement = candidate === null ? null : PLACEMENT_LABELS[candidate.kind];
    const common = {
      owner: e.w.owner,
      tags: e.w.tags,
      stage,
      vendor: vendor ?? '(none)',
      placement: placement ?? '(none)',
      poolId: pool?.result.id ?? null,
    };
    lines.push({ ...common, workloadId: e.w.id, component: 'use', usd: useUsd });
    if (allocatedIdleUsd > 0)
      lines.push({ ...common, workloadId: e.w.id, component: 'idle', usd: allocatedIdleUsd });
    const poolMonthsOf = pool === undefined ? undefined : monthsByPool.get(pool)!;
    const k = pool?.members.findIndex((m) => m.at.w.id === e.w.id) ?? -1;
    const pooledMonths = poolMonthsOf?.byMember[k];
    const usdByMonth = pooledMonths ?? monthsOf(e.evaluation, candidate, horizonMonths);
    const requestsPerMonth = rates?.requestsPerMonth ?? 0;
    const gpuSeconds =
      share?.gpuSeconds ??
      (candidate?.kind === 'cloud' && ctx !== undefined
        ? memberGpuSeconds(e.w.id, ctx, candidate.placement as CloudPlacement)
        : null);
    return {
      id: e.w.id,
      name: e.w.name,
      owner: e.w.owner,
      tags: e.w.tags,
      stage,
      scenario: e.scenario,
      evaluation: e.evaluation,
      problem: e.problem,
      candidate,
      candidateId: candidate?.id ?? null,
      poolId: pool?.result.id ?? null,
      vendor,
      placement,
      modelId: candidate?.modelId ?? null,
      requestsPerMonth,
      tokensPerMonth:
        (rates?.billedRequestsPerMonth ?? 0) *
        ((ctx?.promptTokensPerRequest ?? 0) + e.w.workload.outputTokens.mean),
      gpuHoursPerMonth: gpuSeconds === null ? null : gpuSeconds / SECONDS_PER_HOUR,
      useUsd,
      allocatedIdleUsd,
      monthlyUsd,
      aloneMonthlyUsd: e.own?.monthlyUsd ?? 0,
      // A pooled member's horizon cost is its setup and its months in the pool, so the total and
      // the months a budget is checked on are one figure; on its own, its candidate's.
      tcoUsd:
        pooledMonths === undefined
          ? (candidate?.tcoUsd ?? 0)
          : (candidate?.setupUsd ?? 0) + pooledMonths.reduce((a, b) => a + b, 0),
      budgetUsd: file.budgets.find((b) => b.workloadId === e.w.id)?.monthlyUsd ?? null,
      firstBreachMonth: null,
      usdByMonth,
      idleUsdByMonth: poolMonthsOf?.idleByMember[k] ?? usdByMonth.map(() => 0),
      unitTargets: unitChecks(e.w, monthlyUsd, requestsPerMonth),
    };
  });
  for (const { pool, line } of idleLines) {
    if (line === null || pool.result.idleUsd <= 0) continue;
    lines.push({
      workloadId: null,
      owner: line.owner,
      tags: [],
      stage: 'idle',
      vendor: pool.result.provider,
      placement: PLACEMENT_LABELS.cloud,
      component: 'idle',
      poolId: pool.result.id,
      usd: line.usd,
    });
  }
  // Idle capacity no member carries: its months count in the total, and in its team's budget.
  const unallocatedIdle = [...monthsByPool].flatMap(([pool, months]) =>
    months.unallocated === null ? [] : [{ poolId: pool.result.id, ...months.unallocated }],
  );
  const unallocated = unallocatedIdle.map((u) => ({
    id: `${u.poolId}:idle`,
    owner: u.owner,
    usdByMonth: u.usdByMonth,
  }));
  const months: WorkloadMonths[] = [
    ...workloads.map((w) => ({ id: w.id, owner: w.owner, usdByMonth: w.usdByMonth })),
    ...unallocated,
  ];
  const budgets = checkBudgets(file.budgets, months, horizonMonths);
  for (const w of workloads) {
    const breaches = budgets
      .filter((b) => b.workloadId === w.id || (b.workloadId === null && b.owner === w.owner))
      .map((b) => b.firstBreachMonth)
      // A workload no longer served (an experiment past its time box) is not over a budget its
      // team passes later.
      .filter((m): m is number => m !== null && (w.usdByMonth[m - 1] ?? 0) > 0);
    w.firstBreachMonth = breaches.length === 0 ? null : Math.min(...breaches);
  }
  const sb = showback(lines);
  return {
    ok: true,
    result: {
      totalMonthlyUsd: sb.totalCents / 100,
      tcoUsd:
        workloads.reduce((sum, w) => sum + w.tcoUsd, 0) +
        unallocated.reduce((sum, u) => sum + u.usdByMonth.reduce((a, b) => a + b, 0), 0),
      pooledSavingUsd: pools.reduce((sum, p) => sum + p.result.pooledSavingUsd, 0),
      horizonMonths,
      workloads,
      pools: pools.map((p) => p.result),
      showback: sb,
      budgets,
      usdByMonth: Array.from({ length: horizonMonths }, (_, k) =>
        months.reduce((sum, w) => sum + (w.usdByMonth[k] ?? 0), 0),
      ),
      unallocatedIdle,
    },
  };
}

function memberGpuSeconds(
  id: string,
  ctx: NonNullable<Evaluated['evaluation']>['context'],
  p: CloudPlacement,
): number | null {
  const a = memberAssessment(id, ctx, p);
  return a.ok ? a.load.usedGpuSeconds : null;
}
