import { vendorView } from '../../../core/procurement/vendors.ts';
import type { Explanation } from '../../../core/decision/explain.ts';
import { formatNumber } from '../../../core/format.ts';
import type { ComparisonColumn } from '../../../core/report/comparison-columns.ts';
import { comparisonAssumptions, markdownReport } from '../../../core/report/markdown-report.ts';
import { comparisonCsv } from '../../../core/report/writers.ts';
import type { ScenarioEvaluation } from '../../../core/scenario/evaluate.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import type { UncertaintyResult } from '../../../core/uncertainty/simulate.ts';
import { scenarioFileName } from '../scenarios/scenario-file.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/** What the table shows: the rows (indices into the sweep) and columns, in order. */
export interface TableView {
  order: ArrayLike<number>;
  columns: readonly ComparisonColumn[];
  /** The filters in words (describeQuery); empty when none. */
  filters: string;
}

/**
 * The comparison as the user sees it, as a report file: CSV (the assumptions, then the table with
 * money to the cent) or Markdown (with the assumptions and why the pick is the answer). Only the
 * rows and columns shown, in their order.
 */
export function comparisonReport(
  evaluation: Ok,
  scenario: Scenario,
  format: 'csv' | 'md',
  view: TableView,
  extras: { why?: Explanation; uncertainty?: UncertaintyResult } = {},
): { name: string; text: string } {
  const rows = Array.from(view.order, (i) => evaluation.result.row(i));
  const base = scenarioFileName(scenario.name).replace(/\.json$/, '');
  const pricesAsOf = evaluation.index.asOf ?? new Date().toISOString().slice(0, 10);
  if (format === 'csv') {
    const assumptions = comparisonAssumptions(scenario, evaluation.context.rates, pricesAsOf);
    return { name: `${base}-comparison.csv`, text: comparisonCsv(rows, view.columns, assumptions) };
  }
  const total = evaluation.result.columns.size;
  const shown =
    rows.length === total && view.filters === ''
      ? undefined
      : `${formatNumber(rows.length)} of ${formatNumber(total)} candidates, as shown in the app${view.filters === '' ? '' : ` (${view.filters})`}.`;
  const text = markdownReport(scenario, evaluation.context.rates, rows, {
    columns: view.columns,
    pricesAsOf,
    ...(extras.why ? { why: extras.why } : {}),
    ...(extras.uncertainty ? { uncertainty: extras.uncertainty } : {}),
    ...(shown ? { shown } : {}),
    vendors: vendorView(evaluation.context, evaluation.result, evaluation.placements),
  });
  return { name: `${base}-comparison.md`, text };
}
