import { evaluatePortfolio } from '../../core/portfolio/evaluate.ts';
import {
  portfolioJson,
  portfolioMarkdown,
  showbackCsv,
} from '../../core/report/portfolio-report.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import type { ScenarioFile } from '../../core/schema/scenario.ts';
import { UsageError } from './errors.ts';

/**
 * `cost` on a portfolio: every workload's recommendation, the shared pools, the showback and the
 * budgets. JSON carries `portfolio`; CSV is the showback table; table and md the summary.
 */
export function portfolioOutput(
  path: string,
  file: ScenarioFile,
  format: 'table' | 'json' | 'csv' | 'md',
  catalog: Catalog,
  staleBefore: string | undefined,
): string {
  const evaluation = evaluatePortfolio(catalog, file, {
    ...(file.asOf === undefined ? {} : { asOf: file.asOf }),
    ...(staleBefore ? { staleBefore } : {}),
  });
  if (!evaluation.ok) throw new UsageError(`${path}: ${evaluation.error}`);
  const r = evaluation.result;
  switch (format) {
    case 'json':
      return JSON.stringify(
        {
          scenario: file.name,
          objective: file.objective,
          horizonMonths: r.horizonMonths,
          portfolio: portfolioJson(r),
        },
        null,
        1,
      );
    case 'csv':
      return showbackCsv(r).trimEnd();
    case 'md':
    case 'table':
      return portfolioMarkdown(r, file.name).trimEnd();
  }
}
