import type { Objective } from '../decision/objective.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { Uncertainty } from '../schema/uncertainty.ts';
import type { ThreePointDistribution } from '../stats/distributions.ts';
import { formatPath } from '../schema/errors.ts';
import type { Assumptions } from './inputs.ts';
import { resolveRanges, type RangeId, type ResolvedRange } from './ranges.ts';

export type OkEvaluation = Extract<ScenarioEvaluation, { ok: true }>;

/** What a simulation runs on: the point evaluation, the settled ranges and the sampling terms. */
export interface SimulationSetup {
  evaluation: OkEvaluation;
  /** The scenario's workload and value as stated (the point estimate's). */
  base: Assumptions;
  ranges: ResolvedRange[];
  distribution: ThreePointDistribution;
  samples: number;
  seed: number;
  recommendBy: Uncertainty['recommendBy'];
  objective: Objective;
}

/** A range as plain data (for reports, the CLI and the app's worker messages). */
export interface RangeSummary {
  id: RangeId;
  label: string;
  low: number;
  likely: number;
  high: number;
  percent: boolean;
}

export function rangeSummary(r: ResolvedRange): RangeSummary {
  return {
    id: r.id,
    label: r.label,
    low: r.low,
    likely: r.likely,
    high: r.high,
    percent: r.percent,
  };
}

/** Samples and seed given on the command line or by the app, over the scenario's own. */
export interface SimulationOverrides {
  samples?: number | undefined;
  seed?: number | undefined;
}

export type SetupResult = { ok: true; setup: SimulationSetup } | { ok: false; error: string };

/**
 * Settles a scenario's ranges for simulation, or says why it cannot run: no uncertainty block, no
 * range in it, or a range that does not resolve (each problem named by its field).
 */
export function simulationSetup(
  evaluation: OkEvaluation,
  scenario: Pick<Scenario, 'uncertainty' | 'workload' | 'value' | 'objective'>,
  overrides: SimulationOverrides = {},
): SetupResult {
  const u = scenario.uncertainty;
  const noRanges =
    'uncertainty: the scenario gives no ranges (set uncertainty.inputs or uncertainty.priceChange)';
  if (u === undefined) return { ok: false, error: noRanges };
  const base: Assumptions = { workload: scenario.workload, value: scenario.value };
  const resolved = resolveRanges(u, base);
  if (!resolved.ok) {
    const error = resolved.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');
    return { ok: false, error };
  }
  if (resolved.ranges.length === 0) return { ok: false, error: noRanges };
  return {
    ok: true,
    setup: {
      evaluation,
      base,
      ranges: resolved.ranges,
      distribution: u.distribution,
      samples: overrides.samples ?? u.samples,
      seed: overrides.seed ?? u.seed,
      recommendBy: u.recommendBy,
      objective: scenario.objective,
    },
  };
}
