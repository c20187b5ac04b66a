import { explain } from '../../core/decision/explain.ts';
import { OBJECTIVES } from '../../core/decision/objective.ts';
import { vendorView } from '../../core/procurement/vendors.ts';
import { markdownReport } from '../../core/report/markdown-report.ts';
import { vendorJson } from '../../core/report/procurement-report.ts';
import { comparisonCsv, comparisonText } from '../../core/report/writers.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import { IsoDate } from '../../core/schema/common.ts';
import { enumFlag, parseArgs, requiredFlag, stringFlag } from './args.ts';
import { UsageError } from './errors.ts';
import { readJsonFile } from './read-file.ts';
import { today } from './today.ts';

const FORMATS = ['table', 'json', 'csv', 'md'] as const;

export function runCost(
  argv: readonly string[],
  { catalog, staleBefore }: { catalog: Catalog; staleBefore?: string },
): string {
  const a = parseArgs(argv, ['scenario', 'format', 'objective', 'as-of'], []);
  if (a.positionals.length > 0) throw new UsageError(`unexpected argument '${a.positionals[0]}'`);
  const file = requiredFlag(a, 'scenario');
  const format = enumFlag(a, 'format', FORMATS) ?? 'table';
  const objectiveFlag = enumFlag(a, 'objective', OBJECTIVES);
  const asOfFlag = stringFlag(a, 'as-of');
  if (asOfFlag !== undefined && !IsoDate.safeParse(asOfFlag).success) {
    throw new UsageError(`--as-of must be a date like 2026-07-24 (got '${asOfFlag}')`);
  }
  const parsed = parseScenario(readJsonFile(file));
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.error}`);
  // Prices as the catalog knew them on the day: --as-of, else the scenario's, else today.
  const asOf = asOfFlag ?? parsed.scenario.asOf ?? today();
  const scenario = {
    ...parsed.scenario,
    objective: objectiveFlag ?? parsed.scenario.objective,
    asOf,
  };
  if (scenario.objective === 'npv' && scenario.value.perRequest === undefined) {
    throw new UsageError(
      `--objective npv needs a value per request: set value.perRequest in ${file}`,
    );
  }
  const evaluation = evaluateScenario(catalog, scenario, staleBefore ? { staleBefore } : {});
  if (!evaluation.ok) throw new UsageError(`${file}: ${evaluation.error}`);
  const result = evaluation.result;
  const candidates = result.rankedRows();
  const recommended = result.recommended >= 0 ? result.row(result.recommended) : null;
  switch (format) {
    case 'json': {
      const why = explain(evaluation, { breakEven: true });
      return JSON.stringify(
        {
          scenario: scenario.name,
          objective: scenario.objective,
          objectiveLabel: why.objectiveLabel,
          horizonMonths: scenario.value.horizonMonths,
          recommended: recommended?.id ?? null,
          candidateCount: why.candidateCount,
          feasibleCount: why.feasibleCount,
          exclusions: why.exclusions,
          unknownOnly: why.unknownOnly,
          explanation: { sentences: why.sentences, alternatives: why.alternatives },
          ...vendorJson(vendorView(evaluation.context, result, evaluation.placements)),
          candidates,
        },
        null,
        1,
      );
    }
    case 'csv':
      return comparisonCsv(candidates).trimEnd();
    case 'md': {
      const { context, placements } = evaluation;
      const vendors = vendorView(context, result, placements);
      return markdownReport(scenario, context.rates, candidates, vendors).trimEnd();
    }
    case 'table': {
      const why = explain(evaluation);
      const pick = recommended ? `Recommended: ${recommended.label}` : 'No feasible candidate.';
      return `${scenario.name}\n${pick}\n${why.sentences.join('\n')}\n\n${comparisonText(candidates)}`;
    }
  }
}
