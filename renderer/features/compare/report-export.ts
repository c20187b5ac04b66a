import { markdownReport } from '../../../core/report/markdown-report.ts';
import { comparisonCsv } from '../../../core/report/writers.ts';
import type { ScenarioEvaluation } from '../../../core/scenario/evaluate.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import type { UncertaintyResult } from '../../../core/uncertainty/simulate.ts';
import { scenarioFileName } from '../scenarios/scenario-file.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/** The ranked comparison as a report file: CSV (raw numbers) or Markdown (with assumptions). */
export function comparisonReport(
  evaluation: Ok,
  scenario: Scenario,
  format: 'csv' | 'md',
  uncertainty?: UncertaintyResult,
): { name: string; text: string } {
  const rows = evaluation.result.rankedRows();
  const base = scenarioFileName(scenario.name).replace(/\.json$/, '');
  if (format === 'csv') return { name: `${base}-comparison.csv`, text: comparisonCsv(rows) };
  const text = markdownReport(scenario, evaluation.context.rates, rows, uncertainty);
  return { name: `${base}-comparison.md`, text };
}
