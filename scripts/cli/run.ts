/** Dispatches a CLI command line to its command; returns what to print. */
import { CATALOG_USAGE, runCatalog } from './catalog.ts';
import { loadCatalog } from './catalog-source.ts';
import { runCost } from './cost.ts';
import { UsageError } from './errors.ts';
import { runEstimate } from './estimate.ts';
import { REPORT_USAGE, runReport } from './report.ts';
import { runSchema } from './schema.ts';

const ESTIMATE_USAGE = `  estimate --model ID --gpu ID --gpus N [--tp N] --precision P [--kv-precision P]
           --input TOKENS --output TOKENS (--concurrency N | --saturate) [--engine E] [--json]
  estimate --batch FILE --json`;
const COST_USAGE = `  cost --scenario FILE [--objective tco|npv|monthly|perOutcome] [--format table|json|csv|md]
       [--as-of YYYY-MM-DD] [--uncertainty [--samples N] [--seed S]] [--levers]`;
const SCHEMA_USAGE = '  schema scenario [--out FILE]';

/** Each command's own lines of the usage: what `modelwise COMMAND --help` prints. */
const COMMAND_USAGE: Record<string, string> = {
  estimate: ESTIMATE_USAGE,
  cost: COST_USAGE,
  report: REPORT_USAGE,
  catalog: CATALOG_USAGE,
  schema: SCHEMA_USAGE,
};

const USAGE = `usage: modelwise <command> [options]

commands:
${ESTIMATE_USAGE}
${COST_USAGE}
${REPORT_USAGE}
${CATALOG_USAGE}
${SCHEMA_USAGE}
  help [COMMAND]     (or COMMAND --help)

The catalog database lives in MODELWISE_DATA_DIR when set, else the platform's app-data folder.`;

/** `COMMAND --help` (or -h, anywhere on its line) and `help COMMAND`: that command's usage. */
function commandHelp(command: string | undefined, rest: readonly string[]): string | undefined {
  const asked = command === 'help' ? rest[0] : rest.some((a) => a === '--help' || a === '-h');
  const name = command === 'help' ? rest[0] : command;
  if (asked === undefined || asked === false || name === undefined) return undefined;
  const usage = COMMAND_USAGE[name];
  if (usage === undefined) {
    throw new UsageError(
      `unknown command '${name}' (commands: ${Object.keys(COMMAND_USAGE).join(', ')}, help)`,
    );
  }
  return `usage:\n${usage}`;
}

export function run(argv: readonly string[]): string {
  const [command, ...rest] = argv;
  const help = commandHelp(command, rest);
  if (help !== undefined) return help;
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
  if (command === 'report' && commandHelp(command, rest) === undefined) {
    return runReport(rest, loadCatalog());
  }
  return run(argv);
}
