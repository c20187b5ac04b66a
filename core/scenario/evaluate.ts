import type { Catalog } from '../schema/catalog.ts';
import type { Scenario } from '../schema/scenario.ts';
import { indexCatalog, type CatalogIndex } from '../sweep/catalog-index.ts';
import {
  missingReferences,
  scenarioPlacements,
  scenarioReferenceProblems,
} from '../sweep/candidates.ts';
import { makeContext, type ContextOptions, type EvalContext } from '../sweep/context.ts';
import type { Placement } from '../schema/placement.ts';
import { sweep, type SweepResult } from '../sweep/sweep.ts';

export type ScenarioEvaluation =
  | {
      ok: true;
      result: SweepResult;
      index: CatalogIndex;
      context: EvalContext;
      placements: Placement[];
    }
  | { ok: false; error: string };

/**
 * Evaluates every candidate of a scenario against a catalog (plus the scenario's own inline rows
 * and discounts). Unknown ids are refused up front, each named.
 */
export function evaluateScenario(
  catalog: Catalog,
  scenario: Scenario,
  options: Omit<ContextOptions, 'maxMonthlyUsd'> = {},
): ScenarioEvaluation {
  const index = indexCatalog(catalog, scenario.catalog, scenario.discounts);
  const placements = scenarioPlacements(index, scenario);
  const missing = [
    ...missingReferences(index, scenario.candidates),
    ...scenarioReferenceProblems(index, scenario),
  ];
  if (missing.length > 0) return { ok: false, error: missing.slice(0, 5).join('; ') };
  if (placements.length === 0) {
    const error =
      scenario.sweep === undefined
        ? 'candidates: the scenario names no candidates and no sweep'
        : 'sweep: its filters match nothing in the catalog, and the scenario names no candidates';
    return { ok: false, error };
  }
  const ctx = makeContext(index, scenario.workload, scenario.value, {
    ...options,
    maxMonthlyUsd: scenario.constraints.maxMonthlyUsd,
  });
  return { ok: true, result: sweep(ctx, placements), index, context: ctx, placements };
}
