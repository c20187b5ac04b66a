import { candidateAtVolume } from '../decision/at-volume.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { CloudPlacement } from '../schema/placement.ts';
import type { PortfolioWorkload } from '../schema/portfolio.ts';
import type { Scenario, ScenarioFile } from '../schema/scenario.ts';
import type { ContextOptions } from '../sweep/context.ts';
import { PLACEMENT_LABELS, type CandidateResult } from '../sweep/types.ts';
import { evaluateScenario, type ScenarioEvaluation } from '../scenario/evaluate.ts';
import { SECONDS_PER_HOUR, WEEKS_PER_MONTH } from '../units.ts';
import { checkBudgets, type BudgetResult, type WorkloadMonths } from './budgets.ts';
import { workloadScenario } from './derive.ts';
import { memberAssessment, type MemberAssessment } from './members.ts';
import { poolSaving } from './pools.ts';
import { IDLE_UNALLOCATED, showback, type Showback, type SpendLine } from './showback.ts';

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
  horizonMonths: number;
  workloads: PortfolioWorkloadResult[];
  pools: PoolResult[];
  showback: Showback;
  budgets: BudgetResult[];
  /** Spend by month 1…horizon, all workloads. */
  usdByMonth: number[];
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
  return assessment.ok ? { at, row, assessment } : null;
}

interface Pool {
  result: PoolResult;
  members: PoolMember[];
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
  const saving = poolSaving(
    members.map((m) => m.assessment.load),
    unit,
  );
  const atSlo = members.reduce((sum, m) => sum + (m.row.monthlyUsd ?? 0), 0);
  // The saving is the hour-of-week model's; where a member's own fleet follows demand more
  // closely than that model, the pool still never costs less than its own instances and the
  // members' running costs beyond them.
  const beyondFleet = members.reduce(
    (sum, m) => sum + (m.row.monthlyUsd ?? 0) - m.row.breakdown.gpuUsd - m.row.breakdown.idleUsd,
    0,
  );
  const monthlyUsd = Math.max(atSlo - saving.savingUsd, saving.pooledFleetUsd + beyondFleet);
  const separateMonthlyUsd = members.reduce((sum, m) => sum + (m.at.own?.monthlyUsd ?? 0), 0);
  const paid = saving.pooled.paidGpuSeconds;
  const used = members.reduce((sum, m) => sum + m.assessment.load.usedGpuSeconds, 0);
  const usedShare = paid > 0 ? Math.min(1, used / paid) : 1;
  return {
    members,
    gainUsd: separateMonthlyUsd - monthlyUsd,
    result: {
      id: '',
      candidateId,
      label: first.label,
      provider: first.provider,
      modelId: first.modelId,
      memberIds: members.map((m) => m.at.w.id),
      gpus: saving.pooled.unitsPeak * unit.gpusPerUnit,
      utilization: usedShare,
      monthlyUsd,
      separateMonthlyUsd,
      pooledSavingUsd: separateMonthlyUsd - monthlyUsd,
      idleUsd: monthlyUsd * (1 - usedShare),
      unitsByHour: saving.pooled.unitsByHour,
      slo: { ttftMs: slo.ttftMs ?? null, tpotMs: slo.tpotMs ?? null },
      allocation: members.map((m) => ({
        workloadId: m.at.w.id,
        gpuSeconds: m.assessment.load.usedGpuSeconds,
        useUsd: paid > 0 ? (monthlyUsd * m.assessment.load.usedGpuSeconds) / paid : 0,
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
 * A pool's idle capacity by the user's rule: to the members by the GPU-seconds they use; to one
 * team (its members in the pool by use, else a line of the team's own); or left unallocated.
 * Returns the lines no member carries.
 */
function allocateIdle(pool: PoolResult, file: ScenarioFile): { owner: string; usd: number } | null {
  const rule = file.pooling.idleAllocation;
  const owners = new Map(file.workloads.map((w) => [w.id, w.owner]));
  const carriers =
    rule === 'proportional'
      ? pool.allocation
      : rule === 'owner'
        ? pool.allocation.filter((a) => owners.get(a.workloadId) === file.pooling.idleOwner)
        : [];
  const gpuSeconds = carriers.reduce((sum, a) => sum + a.gpuSeconds, 0);
  if (carriers.length === 0 || gpuSeconds <= 0)
    return {
      owner: rule === 'owner' ? (file.pooling.idleOwner ?? '') : IDLE_UNALLOCATED,
      usd: pool.idleUsd,
    };
  for (const a of carriers) a.idleUsd = (pool.idleUsd * a.gpuSeconds) / gpuSeconds;
  return null;
}

/**
 * Month-by-month spend of a workload over the horizon: its monthly cost grown with its volume,
 * from the first month of service (a launch month partly), and nothing after an experiment's
 * time box.
 */
function monthsOf(
  evaluation: OkEvaluation | null,
  c: CandidateResult | null,
  monthlyUsd: number,
  horizonMonths: number,
  pooled: boolean,
): number[] {
  const ctx = evaluation?.context;
  if (ctx === undefined || c === null) return new Array<number>(horizonMonths).fill(0);
  const launchMonths = ctx.value.weeksToLaunch[c.kind] / WEEKS_PER_MONTH;
  const firstServed = Math.floor(launchMonths) + 1;
  const growth = 1 + ctx.workload.monthlyGrowthPct / 100;
  const base = ctx.rates.requestsPerMonth;
  const at = candidateAtVolume(ctx, c.placement);
  const baseUsd = c.monthlyUsd ?? 0;
  const months: number[] = [];
  for (let m = 1; m <= horizonMonths; m++) {
    const served = m > ctx.value.horizonMonths ? 0 : Math.min(1, Math.max(0, m - launchMonths));
    const steps = Math.max(0, m - firstServed);
    let scale = 1;
    // A pooled member's share follows its GPU-seconds, which grow with its volume (the pool is
    // not re-sized month by month); a workload on its own is re-costed at each month's volume.
    if (pooled) scale = growth ** steps;
    else if (growth !== 1 && steps > 0 && baseUsd > 0) {
      const usd = at(base * growth ** steps).monthlyUsd;
      scale = usd === null || !Number.isFinite(usd) ? growth ** steps : usd / baseUsd;
    }
    months.push(served * monthlyUsd * scale);
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
    const ownTco = candidate?.tcoUsd ?? 0;
    const ownMonthly = candidate?.monthlyUsd ?? 0;
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
      // The horizon cost keeps the monthly cost's share: a pooled member's TCO is its own on the
      // pool's candidate, scaled by what it pays in the pool over what it would pay there alone.
      tcoUsd: ownMonthly > 0 ? (ownTco * monthlyUsd) / ownMonthly : ownTco,
      budgetUsd: file.budgets.find((b) => b.workloadId === e.w.id)?.monthlyUsd ?? null,
      firstBreachMonth: null,
      usdByMonth: monthsOf(e.evaluation, candidate, monthlyUsd, horizonMonths, pool !== undefined),
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
  const months: WorkloadMonths[] = workloads.map((w) => ({
    id: w.id,
    owner: w.owner,
    usdByMonth: w.usdByMonth,
  }));
  const budgets = checkBudgets(file.budgets, months, horizonMonths);
  for (const w of workloads) {
    const breaches = budgets
      .filter((b) => b.workloadId === w.id || (b.workloadId === null && b.owner === w.owner))
      .map((b) => b.firstBreachMonth)
      .filter((m): m is number => m !== null);
    w.firstBreachMonth = breaches.length === 0 ? null : Math.min(...breaches);
  }
  const sb = showback(lines);
  const unallocatedTco = idleLines.reduce(
    (sum, { pool, line }) =>
      line === null || pool.result.monthlyUsd <= 0
        ? sum
        : sum + (line.usd / pool.result.monthlyUsd) * poolTco(pool),
    0,
  );
  return {
    ok: true,
    result: {
      totalMonthlyUsd: sb.totalCents / 100,
      tcoUsd: workloads.reduce((sum, w) => sum + w.tcoUsd, 0) + unallocatedTco,
      horizonMonths,
      workloads,
      pools: pools.map((p) => p.result),
      showback: sb,
      budgets,
      usdByMonth: Array.from({ length: horizonMonths }, (_, k) =>
        workloads.reduce((sum, w) => sum + (w.usdByMonth[k] ?? 0), 0),
      ),
    },
  };
}

/** A pool's horizon cost: its members' on its candidate, scaled to the pool's monthly cost. */
function poolTco(pool: Pool): number {
  const monthly = pool.members.reduce((s, m) => s + (m.row.monthlyUsd ?? 0), 0);
  const tco = pool.members.reduce((s, m) => s + (m.row.tcoUsd ?? 0), 0);
  return monthly > 0 ? (tco * pool.result.monthlyUsd) / monthly : tco;
}

function memberGpuSeconds(
  id: string,
  ctx: NonNullable<Evaluated['evaluation']>['context'],
  p: CloudPlacement,
): number | null {
  const a = memberAssessment(id, ctx, p);
  return a.ok ? a.load.usedGpuSeconds : null;
}
