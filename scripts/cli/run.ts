/** Dispatches a CLI command line to its command; returns what to print. */
import { CATALOG_USAGE, runCatalog } from './catalog.ts';
import { loadCatalog } from './catalog-source.ts';
import { runCost } from './cost.ts';
import { UsageError } from './errors.ts';
import { runEstimate } from './estimate.ts';
import { REPORT_USAGE, runReport } from './report.ts';
import { runSchema } from './schema.ts';

const USAGE = `usage: modelwise <command> [options]

commands:
  estimate --model ID --gpu ID --gpus N [--tp N] --precision P [--kv-precision P]
           --input TOKENS --output TOKENS (--concurrency N | --saturate) [--engine E] [--json]
  estimate --batch FILE --json
  cost --scenario FILE [--objective tco|npv|monthly|perOutcome] [--format table|json|csv|md]
       [--as-of YYYY-MM-DD] [--uncertainty [--samples N] [--seed S]]
${REPORT_USAGE}
${CATALOG_USAGE}
  schema scenario [--out FILE]
  help

The catalog database lives in MODELWISE_DATA_DIR when set, else the platform's app-data folder.`;

export function run(argv: readonly string[]): string {
  const [command, ...rest] = argv;
  switch (command) {
    case 'report':
      throw new UsageError('report writes its output asynchronously: call runAsync');
    case 'estimate':
      return runEstimate(rest, loadCatalog().catalog);
    case 'cost':
      return runCost(rest, loadCatalog());
    case 'catalog':
      return runCatalog(rest);
    case 'schema':
      return runSchema(rest);
    case undefined:
    case 'help':
    case '--help':
      return USAGE;
    default:
      throw new UsageError(
        `unknown command '${command}' (commands: estimate, cost, report, catalog, schema, help)`,
      );
  }
}

/** Like `run`, for every command: `report` (which may print a PDF in Chromium) is asynchronous. */
export async function runAsync(argv: readonly string[]): Promise<string> {
  const [command, ...rest] = argv;
  if (command === 'report') return runReport(rest, loadCatalog());
  return run(argv);
}
