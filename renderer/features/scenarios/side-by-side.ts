import { assumptionChanges } from '../../../core/scenario/assumption-changes.ts';
import { evaluateScenario } from '../../../core/scenario/evaluate.ts';
import {
  compareOutcomes,
  outcomeOf,
  type MeasureDelta,
  type Outcome,
} from '../../../core/scenario/outcome.ts';
import type { Catalog } from '../../../core/schema/catalog.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import type { ContextOptions } from '../../../core/sweep/context.ts';
import type { CostBreakdown } from '../../../core/sweep/types.ts';

/** One scenario of the side-by-side view: what it comes to, and what its pick pays for. */
export interface ScenarioColumn {
  name: string;
  scenario: Scenario;
  outcome: Outcome;
  /** The recommendation's monthly cost by component; null when nothing is feasible. */
  breakdown: CostBreakdown | null;
}

/** Evaluates a scenario for the side-by-side view (with the options the app evaluates its draft with). */
export function scenarioColumn(
  catalog: Catalog,
  scenario: Scenario,
  options: Omit<ContextOptions, 'maxMonthlyUsd' | 'operations'> & { asOf?: string } = {},
): ScenarioColumn {
  const e = evaluateScenario(catalog, scenario, options);
  const best = e.ok && e.result.recommended >= 0 ? e.result.row(e.result.recommended) : null;
  return {
    name: scenario.name,
    scenario,
    outcome: outcomeOf(e),
    breakdown: best?.breakdown ?? null,
  };
}

/** A cell against the first column: its text, the change from the first, whether it differs. */
export interface ComparedCell {
  text: string;
  /** "+$1,200 (+12%)" from the first column; '' in the first column or with no change. */
  change: string;
  direction: MeasureDelta['direction'];
  differs: boolean;
}

export interface SideBySide {
  /** The recommendation of each: the first column's, then whether each other one differs. */
  winners: ComparedCell[];
  /** Each measure (cost, horizon cost, latency, …) with its change against the first column. */
  measures: { key: MeasureDelta['key']; label: string; cells: ComparedCell[] }[];
  /** Every assumption that differs from the first column in any other, with each one's value. */
  assumptions: { path: string; label: string; cells: ComparedCell[] }[];
}

/**
 * Scenarios side by side with the first as the base: each measure's change against it, whether
 * the recommendation differs, and the assumptions that differ (highlighted where they do).
 */
export function sideBySide(columns: readonly ScenarioColumn[]): SideBySide {
  const [first] = columns;
  if (first === undefined) return { winners: [], measures: [], assumptions: [] };
  const compared = columns.map((c) => compareOutcomes(first.outcome, c.outcome));
  const winners = columns.map((c, k) => ({
    text: c.outcome.error ?? c.outcome.winner?.label ?? 'none feasible',
    change: '',
    direction: 'neutral' as const,
    differs: k > 0 && (compared[k]?.winnerChanged ?? false),
  }));
  // The measures of the widest comparison (ROI rows appear when any scenario sets a value).
  const keys = compared.reduce<MeasureDelta[]>(
    (widest, c) => (c.measures.length > widest.length ? c.measures : widest),
    [],
  );
  const measures = keys.map((m) => ({
    key: m.key,
    label: m.label,
    cells: compared.map((c, k) => {
      const d = c.measures.find((x) => x.key === m.key);
      const text = d?.after ?? '—';
      if (k === 0 || d === undefined)
        return { text, change: '', direction: 'neutral' as const, differs: false };
      return { text, change: d.change, direction: d.direction, differs: d.change !== '' };
    }),
  }));
  const changes = columns.map((c) => assumptionChanges(first.scenario, c.scenario));
  const paths = [...new Map(changes.flat().map((ch) => [ch.path, ch.label])).entries()];
  const assumptions = paths.map(([path, label]) => {
    const base = changes.flat().find((ch) => ch.path === path)?.before ?? '—';
    return {
      path,
      label,
      cells: columns.map((_, k) => {
        const ch = changes[k]?.find((x) => x.path === path);
        return {
          text: ch?.after ?? base,
          change: '',
          direction: 'neutral' as const,
          differs: ch !== undefined,
        };
      }),
    };
  });
  return { winners, measures, assumptions };
}
