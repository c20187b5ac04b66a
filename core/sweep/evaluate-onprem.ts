import { annuityUsdPerMonth } from '../roi/capital.ts';
import type { DeploymentTerms } from '../selfhost/deployment.ts';
import { co2Kg } from '../selfhost/energy.ts';
import { onpremCost, type OnpremCost } from '../selfhost/onprem-cost.ts';
import type { Gpu, OpenModel } from '../schema/catalog.ts';
import type { OnpremPlacement } from '../schema/placement.ts';
import type { Workload } from '../schema/workload.ts';
import type { WorkloadRates } from '../workload/derive.ts';
import { bestCapacity, reasoningShareOfCapacity, type OkCapacity } from './capacity-cache.ts';
import { staleWarning } from './constraints.ts';
import { cachedTerms } from './terms-cache.ts';
import type { EvalContext } from './context.ts';
import type { CostAtVolume, RoiCosting } from './result.ts';
import {
  infeasibleRow,
  noOpenWeights,
  openModel,
  sizedRow,
  type Identity,
} from './selfhost-row.ts';
import type { CandidateResult, EvaluateOptions } from './types.ts';

const ONPREM_TP_OPTIONS = [1, 2, 4, 8];

type OkOnpremCost = Extract<OnpremCost, { ok: true }>;

type OnpremSizing =
  | { ok: true; capacity: OkCapacity; terms: DeploymentTerms; cost: OkOnpremCost }
  | { ok: false; reason: string };

/** The deployment terms for a layout: its weights set the load time and storage. */
function termsFor(ctx: EvalContext, p: OnpremPlacement, capacity: OkCapacity): DeploymentTerms {
  return cachedTerms(ctx, p, capacity.weightsGBPerGpu * capacity.tp);
}

/**
 * Owned GPUs: the tensor-parallel degree that costs least at the workload's volume (the smallest
 * on a tie). Whole servers are the unit bought, so a wider layout that serves more per GPU can
 * still buy servers a small workload never needs. With none feasible, the most capable failure.
 */
function onpremSizing(
  ctx: EvalContext,
  p: OnpremPlacement,
  model: OpenModel,
  gpu: Gpu,
): OnpremSizing {
  const tps = p.tp ? [p.tp] : ONPREM_TP_OPTIONS;
  let best: Extract<OnpremSizing, { ok: true }> | undefined;
  let costFailure: string | undefined;
  for (const tp of tps) {
    const capacity = bestCapacity(ctx, model, gpu, [tp], p, 0);
    if (!capacity.ok) continue;
    const terms = termsFor(ctx, p, capacity);
    const cost = onpremCost(
      p,
      gpu,
      capacity,
      ctx.workload,
      ctx.rates,
      terms,
      ctx.value.discountRateAnnual,
    );
    if (!cost.ok) {
      costFailure = cost.reason;
      continue;
    }
    if (best === undefined || cost.monthlyUsd < best.cost.monthlyUsd) {
      best = { ok: true, capacity, terms, cost };
    }
  }
  if (best !== undefined) return best;
  if (costFailure !== undefined) return { ok: false, reason: costFailure };
  const failure = bestCapacity(ctx, model, gpu, tps, p, 0);
  return { ok: false, reason: failure.ok ? 'no feasible layout' : failure.reason };
}

/** The owned layout's monthly cost at any volume: the same capacity, a re-sized fleet. */
function onpremCostAt(
  ctx: EvalContext,
  p: OnpremPlacement,
  gpu: Gpu,
  s: Extract<OnpremSizing, { ok: true }>,
): CostAtVolume {
  const rate = ctx.value.discountRateAnnual;
  return (w, rates) => {
    const c = onpremCost(p, gpu, s.capacity, w, rates, s.terms, rate);
    return c.ok ? c.monthlyUsd : Number.POSITIVE_INFINITY;
  };
}

/**
 * Owned servers are bought at the decision for peak and kept for their life: cash when bought
 * (again at each refresh), book value credited at the horizon, run costs each month. With growth,
 * more servers are bought at the start of the month that needs them; none are sold when demand
 * falls.
 */
function onpremCosting(
  ctx: EvalContext,
  p: OnpremPlacement,
  gpu: Gpu,
  s: Extract<OnpremSizing, { ok: true }>,
): RoiCosting {
  const { capacity, terms, cost } = s;
  const rate = ctx.value.discountRateAnnual;
  return {
    runUsd: cost.runUsd,
    costAt: () => onpremCostAt(ctx, p, gpu, s),
    persistent: {
      termMonths: p.amortizationMonths,
      firstMonth: 1,
      units: cost.serversPeak,
      capexUsdPerUnit: cost.server.usd,
      committedUsdPerUnitMonth: 0,
      growth: () => {
        // A month is sized once: its servers needed, then its run cost with the servers held.
        const months = new Map<WorkloadRates, OnpremCost>();
        const at = (w: Workload, rates: WorkloadRates) => {
          let c = months.get(rates);
          if (c === undefined)
            months.set(rates, (c = onpremCost(p, gpu, capacity, w, rates, terms, rate)));
          return c;
        };
        return {
          unitsAt: (w, rates) => {
            const c = at(w, rates);
            return c.ok ? c.serversPeak : 0;
          },
          runUsdAt: (w, rates, held) => {
            let c = at(w, rates);
            if (c.ok && held > c.serversPeak) {
              c = onpremCost(p, gpu, capacity, w, rates, terms, rate, held);
            }
            return c.ok ? c.runUsd : Number.POSITIVE_INFINITY;
          },
        };
      },
    },
  };
}

/** Evaluates an owned-GPU candidate. */
export function evaluateOnprem(
  ctx: EvalContext,
  p: OnpremPlacement,
  options: EvaluateOptions = {},
): CandidateResult {
  const gpu = ctx.index.gpus.get(p.gpuId);
  if (gpu === undefined) throw new Error(`unknown GPU '${p.gpuId}'`);
  const model = ctx.index.models.get(p.modelId);
  const identity: Identity = { placement: p, model, gpu };
  const open = openModel(model);
  if (open === undefined) return infeasibleRow(ctx, identity, noOpenWeights(p.modelId));
  const sizing = onpremSizing(ctx, p, open, gpu);
  if (!sizing.ok) return infeasibleRow(ctx, identity, sizing.reason);
  const { capacity, cost } = sizing;
  const rate = ctx.value.discountRateAnnual;
  const warnings: string[] = [];
  const stale =
    cost.server.priceFrom === 'catalog' && gpu.server !== undefined
      ? staleWarning(ctx, gpu.server.asOf, 'server price')
      : null;
  if (stale !== null) warnings.push(stale);
  return sizedRow(ctx, identity, open, capacity, cost.monthlyUsd, cost.breakdown, options, {
    replicasPeak: cost.fleet.replicasPeak,
    gpusPeak: cost.gpusBought,
    instancesPeak: null,
    utilization: cost.fleet.utilization,
    energyKwh: cost.energyKwh,
    co2Kg: co2Kg(cost.energyKwh, p.gridGCo2PerKwh),
    warnings,
    roi: onpremCosting(ctx, p, gpu, sizing),
    reasoningShareOfCost: reasoningShareOfCapacity(ctx, open, gpu, p, capacity, 0),
    detail: {
      reserveReplicas: cost.fleet.reserveReplicas,
      warmUnits: cost.powered.unitsWarm,
      warmUpUnitHours: cost.powered.warmUpUnitHours,
      serversPeak: cost.serversPeak,
      gpusPerServer: cost.server.gpus,
      gpusBought: cost.gpusBought,
      owned: {
        serverUsd: cost.server.usd,
        serverPriceFrom: cost.server.priceFrom,
        capexUsd: cost.capexUsd,
        lifeMonths: p.amortizationMonths,
        depreciationUsd: cost.depreciationUsd,
        annuityUsd: annuityUsdPerMonth(cost.capexUsd, p.amortizationMonths, rate),
        discountRateAnnual: rate,
        serverOverheadFraction: cost.server.overheadFraction,
        serverRatedKw: cost.server.ratedKw,
      },
      commitmentMonths: null,
      spot: null,
      deployment: sizing.terms,
    },
  });
}

/**
 * Monthly cost of an owned-GPU candidate at another volume: the layout chosen at the workload's
 * own volume (the candidate is that layout); null when it cannot be costed.
 */
export function onpremCostAtVolume(ctx: EvalContext, p: OnpremPlacement): CostAtVolume | null {
  const gpu = ctx.index.gpus.get(p.gpuId);
  const open = openModel(ctx.index.models.get(p.modelId));
  if (gpu === undefined || open === undefined) return null;
  const sizing = onpremSizing(ctx, p, open, gpu);
  return sizing.ok ? onpremCostAt(ctx, p, gpu, sizing) : null;
}
