import { markdownReport } from '../../core/report/markdown-report.ts';
import { comparisonCsv, comparisonText } from '../../core/report/writers.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import { enumFlag, parseArgs, requiredFlag } from './args.ts';
import { UsageError } from './errors.ts';
import { readJsonFile } from './read-file.ts';

const FORMATS = ['table', 'json', 'csv', 'md'] as const;

export function runCost(
  argv: readonly string[],
  { catalog, staleBefore }: { catalog: Catalog; staleBefore?: string },
): string {
  const a = parseArgs(argv, ['scenario', 'format'], []);
  if (a.positionals.length > 0) throw new UsageError(`unexpected argument '${a.positionals[0]}'`);
  const file = requiredFlag(a, 'scenario');
  const format = enumFlag(a, 'format', FORMATS) ?? 'table';
  const parsed = parseScenario(readJsonFile(file));
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.error}`);
  const evaluation = evaluateScenario(catalog, parsed.scenario, staleBefore ? { staleBefore } : {});
  if (!evaluation.ok) throw new UsageError(`${file}: ${evaluation.error}`);
  const result = evaluation.result;
  const candidates = result.rankedRows();
  const recommended = result.recommended >= 0 ? result.row(result.recommended) : null;
  switch (format) {
    case 'json':
      return JSON.stringify(
        { scenario: parsed.scenario.name, recommended: recommended?.id ?? null, candidates },
        null,
        1,
      );
    case 'csv':
      return comparisonCsv(candidates).trimEnd();
    case 'md':
      return markdownReport(parsed.scenario, evaluation.context.rates, candidates).trimEnd();
    case 'table': {
      const pick = recommended ? `Recommended: ${recommended.label}` : 'No feasible candidate.';
      return `${parsed.scenario.name}\n${pick}\n\n${comparisonText(candidates)}`;
    }
  }
}
