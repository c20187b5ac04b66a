import { growthIssue } from '../schema/growth-limit.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { Scenario } from '../schema/scenario.ts';
import { indexCatalog, type CatalogIndex } from '../sweep/catalog-index.ts';
import {
  missingReferences,
  scenarioPlacements,
  scenarioReferenceProblems,
} from '../sweep/candidates.ts';
import { makeContext, type ContextOptions, type EvalContext } from '../sweep/context.ts';
import type { CandidatePlacement } from '../schema/route.ts';
import { sweep, type SweepResult } from '../sweep/sweep.ts';
import { likelyPriceChangesOf } from '../uncertainty/ranges.ts';

export type ScenarioEvaluation =
  | {
      ok: true;
      result: SweepResult;
      index: CatalogIndex;
      context: EvalContext;
      placements: CandidatePlacement[];
    }
  | { ok: false; error: string };

/** A scenario's catalog index and placements: what does not change when only the workload's numbers do. */
export type PreparedScenario =
  | { ok: true; index: CatalogIndex; placements: CandidatePlacement[] }
  | { ok: false; error: string };

/**
 * Indexes the catalog with the scenario's own rows and discounts, expands its candidates and
 * sweep, and refuses unknown ids up front, each named. Depends on the catalog, the scenario's
 * catalog, discounts, candidates and sweep, and the workload's allowed places — not its volume,
 * sizes or SLOs, so a what-if can keep it.
 */
export function prepareScenario(
  catalog: Catalog,
  scenario: Pick<Scenario, 'catalog' | 'discounts' | 'candidates' | 'sweep' | 'workload'> & {
    asOf?: string | undefined;
  },
  options: { asOf?: string } = {},
): PreparedScenario {
  const asOf = scenario.asOf ?? options.asOf;
  const index = indexCatalog(catalog, scenario.catalog, scenario.discounts, asOf);
  const missing = [
    ...missingReferences(index, scenario.candidates),
    ...scenarioReferenceProblems(index, scenario),
  ];
  if (missing.length > 0) return { ok: false, error: missing.slice(0, 5).join('; ') };
  const placements = scenarioPlacements(index, scenario);
  if (placements.length === 0) {
    const error =
      scenario.sweep === undefined
        ? 'candidates: the scenario names no candidates and no sweep'
        : 'sweep: its filters match nothing in the catalog, and the scenario names no candidates';
    return { ok: false, error };
  }
  return { ok: true, index, placements };
}

/** Evaluates every candidate of a prepared scenario for its workload and value assumptions. */
export function evaluatePrepared(
  prepared: PreparedScenario,
  scenario: Pick<Scenario, 'workload' | 'value' | 'constraints' | 'objective' | 'uncertainty'> &
    Partial<Pick<Scenario, 'operations'>> & { startDate?: string | undefined },
  options: Omit<ContextOptions, 'maxMonthlyUsd' | 'operations'> = {},
): ScenarioEvaluation {
  if (!prepared.ok) return prepared;
  // The schema refuses such a file; a draft edited in the app (growth, volume, horizon) is checked
  // here, before a compounded volume turns every total into a meaningless 30-digit figure.
  const growth = growthIssue(scenario.workload, scenario.value.horizonMonths);
  if (growth !== null) return { ok: false, error: `workload.monthlyGrowthPct: ${growth}` };
  const { index, placements } = prepared;
  const ctx = makeContext(index, scenario.workload, scenario.value, {
    objective: scenario.objective,
    // The point estimate takes every input at its likely value: price changes included.
    priceChange: likelyPriceChangesOf(scenario),
    ...options,
    maxMonthlyUsd: scenario.constraints.maxMonthlyUsd,
    startDate: scenario.startDate ?? options.startDate ?? index.asOf,
    ...(scenario.operations ? { operations: scenario.operations } : {}),
  });
  return { ok: true, result: sweep(ctx, placements), index, context: ctx, placements };
}

/**
 * Evaluates every candidate of a scenario against a catalog (plus the scenario's own inline rows
 * and discounts). Unknown ids are refused up front, each named.
 */
export function evaluateScenario(
  catalog: Catalog,
  scenario: Scenario,
  options: Omit<ContextOptions, 'maxMonthlyUsd' | 'operations'> & { asOf?: string } = {},
): ScenarioEvaluation {
  const { asOf, ...context } = options;
  return evaluatePrepared(prepareScenario(catalog, scenario, { asOf }), scenario, context);
}
