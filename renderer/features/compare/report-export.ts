import { vendorView } from '../../../core/procurement/vendors.ts';
import { markdownReport } from '../../../core/report/markdown-report.ts';
import { comparisonCsv } from '../../../core/report/writers.ts';
import type { ScenarioEvaluation } from '../../../core/scenario/evaluate.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import { scenarioFileName } from '../scenarios/scenario-file.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/** The ranked comparison as a report file: CSV (raw numbers) or Markdown (with assumptions). */
export function comparisonReport(
  evaluation: Ok,
  scenario: Scenario,
  format: 'csv' | 'md',
): { name: string; text: string } {
  const rows = evaluation.result.rankedRows();
  const base = scenarioFileName(scenario.name).replace(/\.json$/, '');
  if (format === 'csv') return { name: `${base}-comparison.csv`, text: comparisonCsv(rows) };
  const vendors = vendorView(evaluation.context, evaluation.result, evaluation.placements);
  const text = markdownReport(scenario, evaluation.context.rates, rows, vendors);
  return { name: `${base}-comparison.md`, text };
}
