import type { CandidateCommitment, CandidateNegotiated } from '../commitments/types.ts';
import { capexSchedule, planBlocks, type BlockPlan, type CapexSchedule } from '../roi/blocks.ts';
import { latencyStatus, qualityStatus } from '../decision/status.ts';
import {
  computeRoi,
  constantRoi,
  roiOfMonths,
  serviceSchedule,
  type ConstantCapex,
  type Roi,
  type ServiceSchedule,
} from '../roi/roi.ts';
import { contractRampFactors, priceRampFactors } from '../roi/price-ramp.ts';
import { hasRequestValue, valuePerRequestUsd } from '../roi/value.ts';
import type { Placement } from '../schema/placement.ts';
import type { Workload } from '../schema/workload.ts';
import { TOKENS_PER_MTOK, WEEKS_PER_MONTH } from '../units.ts';
import { withMonthlyVolume, workloadRates, type WorkloadRates } from '../workload/derive.ts';
import type { EvalContext, GrowthMonth } from './context.ts';
import { benchmarkName } from './constraints.ts';
import { sloTtftMs, tokensPerRequest } from './reasoning-row.ts';
import type { CandidateResult, CheckStatus } from './types.ts';

/** Monthly cost of a candidate at another workload volume (growth months, what-ifs, break-even). */
export type CostAtVolume = (w: Workload, rates: WorkloadRates) => number;

type ResultFields = Omit<
  CandidateResult,
  | 'rank'
  | 'recommended'
  | 'pareto'
  | 'perRequestUsd'
  | 'perMTokUsd'
  | 'perSuccessUsd'
  | 'tcoUsd'
  | 'perOutcomeUsd'
  | 'qualityStatus'
  | 'latencyStatus'
  | 'commitment'
  | 'negotiated'
  | 'costPerTaskUsd'
  | 'costPerSuccessfulTaskUsd'
  | 'route'
  | 'kind'
  | 'placement'
> & { kind: Placement['kind']; placement: Placement };

/** What only some candidates carry: a commitment, negotiated terms. */
export interface ResultExtras {
  commitment?: CandidateCommitment | null | undefined;
  negotiated?: CandidateNegotiated | null | undefined;
}

/**
 * Builds a result with every field in one fixed order, so all results share one object shape:
 * sorting and filtering tens of thousands of them stays fast.
 */
export function makeResult(
  ctx: EvalContext,
  f: ResultFields,
  extras: ResultExtras = {},
): CandidateResult {
  const monthly = f.monthlyUsd;
  const requests = ctx.rates.requestsPerMonth;
  const w = ctx.workload;
  const tokens = requests * tokensPerRequest(ctx, f.reasoningTokensPerRequest);
  // No requests, no unit cost: a floor-only fleet at zero volume costs money but nothing per unit.
  const perRequest = monthly === null || requests <= 0 ? null : monthly / requests;
  const success = ctx.value.successRate;
  const tco = f.roi === null ? null : f.roi.tcoUsd;
  const quality = qualityStatus(w, f.quality);
  const latency = latencyStatus(w, f.reasons, sloTtftMs(ctx, f.ttftMs, f.ttftVisibleMs), f.tpotMs);
  const perSuccess = perRequest === null || success <= 0 ? null : perRequest / success;
  const isTask = w.task !== undefined;
  return {
    id: f.id,
    kind: f.kind,
    label: f.label,
    modelId: f.modelId,
    modelName: f.modelName,
    provider: f.provider,
    regionId: f.regionId,
    residency: f.residency,
    placement: f.placement,
    feasible: f.feasible,
    reasons: f.reasons,
    warnings: withUnknownsNoted(ctx, f.warnings, quality, latency),
    monthlyUsd: monthly,
    tcoUsd: tco,
    perOutcomeUsd: tco === null ? null : perOutcomeUsd(ctx, f.kind, tco),
    perRequestUsd: perRequest,
    perMTokUsd: monthly === null || tokens <= 0 ? null : (monthly / tokens) * TOKENS_PER_MTOK,
    perSuccessUsd: perSuccess,
    breakdown: f.breakdown,
    setupUsd: f.setupUsd,
    weeksToLaunch: f.weeksToLaunch,
    ttftMs: f.ttftMs,
    ttftVisibleMs: f.ttftVisibleMs,
    tpotMs: f.tpotMs,
    e2eMs: f.e2eMs,
    effort: f.effort,
    reasoningTokensPerRequest: f.reasoningTokensPerRequest,
    reasoningShareOfCost: f.reasoningShareOfCost,
    reasoning: f.reasoning,
    costPerTaskUsd: isTask ? perRequest : null,
    costPerSuccessfulTaskUsd: isTask ? perSuccess : null,
    taskSeconds: f.taskSeconds,
    costDoublesAtTurn: f.costDoublesAtTurn,
    task: f.task,
    quality: f.quality,
    qualityStatus: quality,
    latencyStatus: latency,
    selfHost: f.selfHost,
    api: f.api,
    energyKwhPerMonth: f.energyKwhPerMonth,
    co2KgPerMonth: f.co2KgPerMonth,
    roi: hasRequestValue(ctx.value) ? f.roi : null,
    route: null,
    commitment: extras.commitment ?? null,
    negotiated: extras.negotiated ?? null,
    rank: null,
    recommended: false,
    pareto: false,
  };
}

/** Unknown quality or latency the user chose to include is said, never passed silently. */
function withUnknownsNoted(
  ctx: EvalContext,
  warnings: string[],
  quality: CheckStatus,
  latency: CheckStatus,
): string[] {
  const notes: string[] = [];
  const w = ctx.workload;
  if (quality === 'unknown' && w.minQuality?.includeUnknown) {
    notes.push(`quality unknown: no ${benchmarkName(w.minQuality.benchmark)} score (included)`);
  }
  if (latency === 'unknown' && w.slo.includeUnknown) {
    notes.push('latency unknown: no published or measured figure to check the SLO (included)');
  }
  return notes.length === 0 ? warnings : [...warnings, ...notes];
}

/**
 * All-in horizon cost per successful outcome: the horizon's cost over the requests served in it
 * (after launch, with growth) times the success rate. Null when nothing succeeds.
 */
export function perOutcomeUsd(ctx: EvalContext, kind: Placement['kind'], tcoUsd: number) {
  const outcomes = servedRequests(ctx, kind) * ctx.value.successRate;
  return outcomes > 0 ? tcoUsd / outcomes : null;
}

/** Months of service within the horizon for a placement kind (a partly served month counts its part). */
export function servedMonths(ctx: EvalContext, kind: Placement['kind']): number {
  const schedule = scheduleFor(ctx, kind);
  return schedule.cumulativeServed[schedule.horizonMonths] ?? 0;
}

/** Requests served over the horizon for a placement kind (its launch delay, the growth). */
export function servedRequests(ctx: EvalContext, kind: Placement['kind']): number {
  const cached = ctx.servedRequests[kind];
  if (cached !== undefined) return cached;
  const schedule = scheduleFor(ctx, kind);
  let total: number;
  if (ctx.workload.monthlyGrowthPct === 0) {
    total = ctx.rates.requestsPerMonth * (schedule.cumulativeServed[schedule.horizonMonths] ?? 0);
  } else {
    const months = growthMonths(ctx, kind);
    total = 0;
    for (let m = 1; m <= schedule.horizonMonths; m++) {
      const share = (schedule.cumulativeServed[m] ?? 0) - (schedule.cumulativeServed[m - 1] ?? 0);
      total += months[m]!.rates.requestsPerMonth * share;
    }
  }
  ctx.servedRequests[kind] = total;
  return total;
}

/** The launch schedule of a placement kind over the horizon, built once per context. */
export function scheduleFor(ctx: EvalContext, kind: Placement['kind']): ServiceSchedule {
  let schedule = ctx.schedules[kind];
  if (schedule === undefined) {
    const v = ctx.value;
    schedule = serviceSchedule(v.weeksToLaunch[kind], v.horizonMonths, v.discountRateAnnual);
    ctx.schedules[kind] = schedule;
  }
  return schedule;
}

/** Capacity held for a term whatever demand does: owned servers, 1-/3-year commitments. */
export interface PersistentCapacity {
  /** Months a unit is held: the hardware's life, or the commitment's term. */
  termMonths: number;
  /** The month the first units are taken: 1 (bought at the decision), or the first month served. */
  firstMonth: number;
  /** Units held at the stated volume. */
  units: number;
  /** Cash per unit when bought (owned) or paid upfront (a prepaid commitment), else 0. */
  capexUsdPerUnit: number;
  /**
   * A prepaid commitment: its unused term at the horizon is credited only while the service goes
   * on (it keeps serving); a service that ends there loses it.
   */
  prepaid?: boolean | undefined;
  /** A committed unit's price a month: still owed for the term left when a service ends. */
  committedUsdPerUnitMonth: number;
  /**
   * Units to hold from month m, seeing the months to come (a committed base looks at its whole
   * term); unset: what month m needs (`growth().unitsAt`).
   */
  unitsInMonth?: ((m: number, months: readonly GrowthMonth[]) => number) | undefined;
  /** Month-by-month costing with growth: units a month needs, and its run cost with units held. */
  growth: () => {
    unitsAt: (w: Workload, rates: WorkloadRates) => number;
    runUsdAt: (w: Workload, rates: WorkloadRates, heldUnits: number) => number;
  };
}

/** How a candidate's months are costed for its ROI. */
export interface RoiCosting {
  /** Run cost of a month at the stated volume (owned hardware: without its capex). */
  runUsd: number;
  /** Cost of a month at another volume, for capacity that follows demand. */
  costAt: () => CostAtVolume;
  persistent?: PersistentCapacity | undefined;
  /**
   * `priceFactors[m]` multiplies month m's run cost when the prices change within the horizon
   * (a promotion's end): see core/pricing/price-history.ts.
   */
  priceFactors?: Float64Array | undefined;
}

/**
 * ROI over the horizon with the workload's growth, re-costing each month at its volume. The stated
 * volume is what the launch sees: growth compounds from the first month served, so a slower
 * launch starts from the same traffic rather than from traffic that grew while it was being
 * built. Persistent capacity is planned as blocks (bought or committed when a month needs more,
 * kept for their term, renewed while needed); owned hardware is cash when bought and its book
 * value is credited at the horizon. Without growth a closed form does the rest (into `out` when
 * given).
 */
export function candidateRoi(
  ctx: EvalContext,
  kind: Placement['kind'],
  costing: RoiCosting,
  withSeries = false,
  out?: Roi,
): Roi {
  const w = ctx.workload;
  const v = ctx.value;
  const held = costing.persistent;
  const factors = costing.priceFactors;
  if (w.monthlyGrowthPct === 0 && !withSeries && factors === undefined) {
    return steadyCandidateRoi(ctx, kind, costing, out);
  }
  const months = growthMonths(ctx, kind);
  if (held === undefined) {
    const cost = costing.costAt();
    const runUsd = new Float64Array(v.horizonMonths + 1);
    for (let m = 1; m <= v.horizonMonths; m++) {
      const month = months[m]!;
      runUsd[m] = month.rates === ctx.rates ? costing.runUsd : cost(month.workload, month.rates);
    }
    return followingDemandRoi(ctx, kind, runUsd, factors, withSeries, out);
  }
  const perRequest = valuePerRequestUsd(v);
  // Month m's run cost at that month's prices: the catalog's known changes (a promotion's end)
  // and the scenario's assumed change ramping in over the horizon.
  const ramp = priceRamp(ctx, kind, contractOf(held));
  const priced = (m: number, usd: number) =>
    usd * (factors === undefined ? 1 : factors[m]!) * (ramp === undefined ? 1 : ramp[m]!);
  const base = {
    valueUsdInMonth: (m: number) => months[m]!.rates.requestsPerMonth * perRequest,
    setupUsd: v.setupUsd[kind],
    weeksToLaunch: v.weeksToLaunch[kind],
    horizonMonths: v.horizonMonths,
    discountRateAnnual: v.discountRateAnnual,
    withSeries,
    requestsInMonth: (m: number) => months[m]!.rates.requestsPerMonth,
  };
  // One costing for the plan and the months: owned capacity sizes each month once for both.
  const growth = held.growth();
  const { runUsdAt } = growth;
  const plan = persistentPlan(ctx, held, months, growth);
  const residualCredited = !(held.prepaid && ctx.serviceEndsAtHorizon);
  return computeRoi({
    ...base,
    costUsdInMonth: (m) => {
      const month = months[m]!;
      const units = plan.heldUnits[m] as number;
      return priced(
        m,
        month.rates === ctx.rates && units === held.units
          ? costing.runUsd
          : runUsdAt(month.workload, month.rates, units),
      );
    },
    capexUsdAtStartOf: (m) => (plan.takenUnits[m] as number) * held.capexUsdPerUnit,
    residualUsd: residualCredited ? plan.unitsUnusedAtHorizon * held.capexUsdPerUnit : 0,
    strandedUsd: ctx.serviceEndsAtHorizon
      ? plan.unitMonthsAfterHorizon * held.committedUsdPerUnitMonth
      : 0,
  });
}

/**
 * ROI of capacity that follows demand (nothing held for a term), from its run cost in each month
 * at today's prices: `runUsd[m]` for m = 1…horizon, scaled in place by the month's known price
 * changes (`priceFactors`) and the scenario's assumed change. Rows fill it through their costing;
 * the sweep's columns fill it from a fleet's monthly series, with no closure per candidate.
 */
export function followingDemandRoi(
  ctx: EvalContext,
  kind: Placement['kind'],
  runUsd: Float64Array,
  priceFactors: Float64Array | undefined,
  withSeries = false,
  out?: Roi,
): Roi {
  const v = ctx.value;
  const ramp = priceRamp(ctx, kind);
  if (priceFactors !== undefined || ramp !== undefined) {
    for (let m = 1; m <= v.horizonMonths; m++) {
      runUsd[m] =
        (runUsd[m] as number) *
        (priceFactors === undefined ? 1 : priceFactors[m]!) *
        (ramp === undefined ? 1 : ramp[m]!);
    }
  }
  // Without a series the terms are the same for every candidate of the kind: made once.
  let terms = withSeries ? undefined : ctx.roiTerms[kind];
  if (terms === undefined) {
    terms = {
      setupUsd: v.setupUsd[kind],
      weeksToLaunch: v.weeksToLaunch[kind],
      horizonMonths: v.horizonMonths,
      discountRateAnnual: v.discountRateAnnual,
      withSeries,
      // Requests served each month are read only for a series (the reports' projection).
      requestsInMonth: withSeries ? requestsInMonths(growthMonths(ctx, kind)) : undefined,
    };
    if (!withSeries) ctx.roiTerms[kind] = terms;
  }
  return roiOfMonths(terms, monthValues(ctx, kind), runUsd, undefined, out);
}

/**
 * Requests of each month of a series. Made apart from `followingDemandRoi`: a closure there
 * would make every growing candidate allocate what it captures.
 */
function requestsInMonths(months: readonly GrowthMonth[]): (m: number) => number {
  return (m) => months[m]!.rates.requestsPerMonth;
}

/** Value created in each month at full service with the workload's growth (built once per kind). */
function monthValues(ctx: EvalContext, kind: Placement['kind']): Float64Array {
  let values = ctx.monthValues[kind];
  if (values === undefined) {
    const months = growthMonths(ctx, kind);
    const perRequest = valuePerRequestUsd(ctx.value);
    values = new Float64Array(ctx.value.horizonMonths + 1);
    for (let m = 1; m < values.length; m++) {
      values[m] = months[m]!.rates.requestsPerMonth * perRequest;
    }
    ctx.monthValues[kind] = values;
  }
  return values;
}

/**
 * The blocks persistent capacity is held in over the horizon: taken when a month needs more
 * (seeing its term ahead when the capacity says how), kept for their term.
 */
export function persistentPlan(
  ctx: EvalContext,
  held: PersistentCapacity,
  months: readonly GrowthMonth[],
  growth: ReturnType<PersistentCapacity['growth']> = held.growth(),
): BlockPlan {
  const { unitsAt } = growth;
  const inMonth = held.unitsInMonth;
  return planBlocks(
    (m) => {
      if (m < held.firstMonth) return 0;
      if (inMonth !== undefined) return inMonth(m, months);
      const month = months[m]!;
      return month.rates === ctx.rates ? held.units : unitsAt(month.workload, month.rates);
    },
    held.termMonths,
    ctx.value.horizonMonths,
  );
}

/** The closed form for a steady workload: capex per its purchase schedule, any stranded term. */
function steadyCandidateRoi(
  ctx: EvalContext,
  kind: Placement['kind'],
  costing: RoiCosting,
  out?: Roi,
): Roi {
  const held = costing.persistent;
  if (held === undefined) return steadyRoi(ctx, kind, costing.runUsd, out);
  const credited = !(held.prepaid && ctx.serviceEndsAtHorizon);
  const capex =
    held.capexUsdPerUnit > 0
      ? {
          usd: held.units * held.capexUsdPerUnit,
          schedule: capexScheduleFor(ctx, held.termMonths, held.firstMonth, credited),
        }
      : undefined;
  let stranded = 0;
  if (ctx.serviceEndsAtHorizon && held.committedUsdPerUnitMonth > 0) {
    const plan = planBlocks(
      (m) => (m < held.firstMonth ? 0 : 1),
      held.termMonths,
      ctx.value.horizonMonths,
    );
    stranded = plan.unitMonthsAfterHorizon * held.units * held.committedUsdPerUnitMonth;
  }
  return steadyRoi(ctx, kind, costing.runUsd, out, capex, stranded, contractOf(held));
}

/** A commitment's signing months (its price holds for each term), or undefined for the rest. */
function contractOf(
  held: PersistentCapacity | undefined,
): { firstMonth: number; termMonths: number } | undefined {
  return held !== undefined && held.capexUsdPerUnit === 0 && held.committedUsdPerUnitMonth > 0
    ? held
    : undefined;
}

/**
 * The purchase schedule of capacity with a life (hardware) or a prepaid term, first taken in
 * `firstMonth`, over the context's horizon; kept per life and start. Uncredited: nothing left at
 * the horizon counts (a prepaid term when the service ends there).
 */
function capexScheduleFor(
  ctx: EvalContext,
  lifeMonths: number,
  firstMonth = 1,
  credited = true,
): CapexSchedule {
  const key = (lifeMonths * 1000 + firstMonth) * 2 + (credited ? 1 : 0);
  let schedule = ctx.capexSchedules.get(key);
  if (schedule === undefined) {
    const v = ctx.value;
    schedule = capexSchedule(lifeMonths, v.horizonMonths, v.discountRateAnnual, firstMonth);
    if (!credited) schedule = { ...schedule, unusedAtHorizon: 0 };
    ctx.capexSchedules.set(key, schedule);
  }
  return schedule;
}

/** The first month with any service: the launch weeks end in it. */
export function firstServedMonth(ctx: EvalContext, kind: Placement['kind']): number {
  return Math.floor(ctx.value.weeksToLaunch[kind] / WEEKS_PER_MONTH) + 1;
}

/**
 * The workload at each month 1…horizon (index 0 unused) for a placement kind: the stated volume up
 * to the first month served, growing from there. Built once per context and kind, so every
 * candidate re-costed in a month sees the same rates object (and the caches keyed by it).
 */
export function growthMonths(ctx: EvalContext, kind: Placement['kind']): readonly GrowthMonth[] {
  const cached = ctx.growthMonths[kind];
  if (cached !== undefined) return cached;
  const w = ctx.workload;
  const base: GrowthMonth = { workload: w, rates: ctx.rates };
  const growth = 1 + w.monthlyGrowthPct / 100;
  const firstServed = firstServedMonth(ctx, kind);
  const months: GrowthMonth[] = [base];
  for (let m = 1; m <= ctx.value.horizonMonths; m++) {
    if (m <= firstServed || growth === 1) {
      months.push(base);
      continue;
    }
    const workload = withMonthlyVolume(w, ctx.rates.requestsPerMonth * growth ** (m - firstServed));
    months.push({ workload, rates: workloadRates(workload) });
  }
  ctx.growthMonths[kind] = months;
  return months;
}

/**
 * ROI with the same volume every month: closed form over the launch schedule. With `out`, writes
 * into it instead of allocating (the sweep's columns path).
 */
export function steadyRoi(
  ctx: EvalContext,
  kind: Placement['kind'],
  monthlyCostUsd: number,
  out?: Roi,
  capex?: ConstantCapex,
  strandedUsd = 0,
  contract?: { firstMonth: number; termMonths: number },
): Roi {
  const v = ctx.value;
  const monthlyValue = ctx.rates.requestsPerMonth * valuePerRequestUsd(v);
  const ramp = priceRamp(ctx, kind, contract);
  if (ramp !== undefined) {
    const roi = rampedRoi(ctx, kind, monthlyValue, monthlyCostUsd, ramp, capex, strandedUsd);
    return out === undefined ? roi : Object.assign(out, roi);
  }
  const schedule = scheduleFor(ctx, kind);
  return constantRoi(
    schedule,
    monthlyValue,
    monthlyCostUsd,
    v.setupUsd[kind],
    out,
    capex,
    strandedUsd,
  );
}

/**
 * Prices that change month by month: the month loop instead of the closed form. Hardware is paid
 * when bought, at today's price; only the run cost follows the change. (Apart from `steadyRoi`:
 * its closures would make every steady candidate allocate their captured numbers.)
 */
function rampedRoi(
  ctx: EvalContext,
  kind: Placement['kind'],
  monthlyValue: number,
  monthlyCostUsd: number,
  ramp: Float64Array,
  capex: ConstantCapex | undefined,
  strandedUsd: number,
): Roi {
  const v = ctx.value;
  const taken = capex?.schedule.takenUnits;
  return computeRoi({
    valueUsdInMonth: () => monthlyValue,
    costUsdInMonth: (m) => monthlyCostUsd * ramp[m]!,
    setupUsd: v.setupUsd[kind],
    weeksToLaunch: v.weeksToLaunch[kind],
    horizonMonths: v.horizonMonths,
    discountRateAnnual: v.discountRateAnnual,
    capexUsdAtStartOf:
      capex === undefined || taken === undefined ? undefined : (m) => capex.usd * taken[m]!,
    residualUsd: capex === undefined ? 0 : capex.usd * capex.schedule.unusedAtHorizon,
    strandedUsd,
  });
}

/**
 * The month factors of the placement kind's price change, or undefined when prices hold; a
 * commitment pays its signing month's price for each term. Built once per context.
 */
function priceRamp(
  ctx: EvalContext,
  kind: Placement['kind'],
  contract?: { firstMonth: number; termMonths: number },
): Float64Array | undefined {
  const change = ctx.priceChange[kind];
  if (change === 0) return undefined;
  const key =
    contract === undefined ? kind : `${kind}|${contract.firstMonth}|${contract.termMonths}`;
  let ramp = ctx.priceRamps.get(key);
  if (ramp === undefined) {
    const h = ctx.value.horizonMonths;
    ramp =
      contract === undefined
        ? priceRampFactors(change, h)
        : contractRampFactors(change, h, contract.firstMonth, contract.termMonths);
    ctx.priceRamps.set(key, ramp);
  }
  return ramp;
}
