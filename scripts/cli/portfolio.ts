import { OBJECTIVES, type Objective } from '../../core/decision/objective.ts';
import { evaluatePortfolio, type PortfolioResult } from '../../core/portfolio/evaluate.ts';
import {
  portfolioJson,
  portfolioMarkdown,
  showbackCsv,
} from '../../core/report/portfolio-report.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import { IsoDate } from '../../core/schema/common.ts';
import type { ScenarioFile } from '../../core/schema/scenario.ts';
import { parseScenarioFile } from '../../core/scenario/parse.ts';
import { enumFlag, requiredFlag, stringFlag, type ParsedArgs } from './args.ts';
import { UsageError } from './errors.ts';
import { readJsonFile } from './read-file.ts';
import { today } from './today.ts';

export interface ScenarioFileRun {
  path: string;
  /** The file with `--objective` and `--as-of` applied (else its own, else today). */
  file: ScenarioFile;
  /** The file as it states itself. */
  stated: ScenarioFile;
  objectiveFlag: Objective | undefined;
  asOfFlag: string | undefined;
}

/**
 * Reads `--scenario` as a file of workloads and applies `--objective` and `--as-of` (prices as the
 * catalog knew them on the day: the flag, else the file's, else today). Every problem is a
 * UsageError naming the flag or the file.
 */
export function readScenarioFile(a: ParsedArgs): ScenarioFileRun {
  const path = requiredFlag(a, 'scenario');
  const objectiveFlag = enumFlag(a, 'objective', OBJECTIVES);
  const asOfFlag = stringFlag(a, 'as-of');
  if (asOfFlag !== undefined && !IsoDate.safeParse(asOfFlag).success) {
    throw new UsageError(`--as-of must be a date like 2026-07-24 (got '${asOfFlag}')`);
  }
  const parsed = parseScenarioFile(readJsonFile(path));
  if (!parsed.ok) throw new UsageError(`${path}: ${parsed.error}`);
  const file = {
    ...parsed.file,
    objective: objectiveFlag ?? parsed.file.objective,
    asOf: asOfFlag ?? parsed.file.asOf ?? today(),
  };
  return { path, file, stated: parsed.file, objectiveFlag, asOfFlag };
}

/** The portfolio of a file (its workloads, pools, showback and budgets), or a UsageError. */
export function runPortfolio(
  run: Pick<ScenarioFileRun, 'path' | 'file'>,
  catalog: Catalog,
  staleBefore: string | undefined,
): PortfolioResult {
  const { path, file } = run;
  const evaluation = evaluatePortfolio(catalog, file, {
    ...(file.asOf === undefined ? {} : { asOf: file.asOf }),
    ...(staleBefore ? { staleBefore } : {}),
  });
  if (!evaluation.ok) throw new UsageError(`${path}: ${evaluation.error}`);
  return evaluation.result;
}

/**
 * `cost` on a portfolio: every workload's recommendation, the shared pools, the showback and the
 * budgets. JSON carries `portfolio`; CSV is the showback table; table and md the summary.
 */
export function portfolioOutput(
  run: Pick<ScenarioFileRun, 'path' | 'file'>,
  format: 'table' | 'json' | 'csv' | 'md',
  catalog: Catalog,
  staleBefore: string | undefined,
): string {
  const r = runPortfolio(run, catalog, staleBefore);
  const { file } = run;
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
      return portfolioMarkdown(r, file).trimEnd();
  }
}
