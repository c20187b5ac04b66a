import { scenarioJsonSchemaText } from '../../core/scenario/json-schema.ts';
import { parseArgs, stringFlag } from './args.ts';
import { UsageError } from './errors.ts';
import { printOrWrite } from './write-file.ts';

/**
 * `schema scenario [--out FILE]`: the scenario file's JSON Schema, as the repository publishes it
 * in schema/scenario.schema.json (`npm run schema` rewrites that file with this command).
 */
export function runSchema(argv: readonly string[]): string {
  const a = parseArgs(argv, ['out'], []);
  if (a.positionals.length !== 1 || a.positionals[0] !== 'scenario')
    throw new UsageError("schema: the only schema is 'scenario'");
  return printOrWrite(scenarioJsonSchemaText(), stringFlag(a, 'out'));
}
