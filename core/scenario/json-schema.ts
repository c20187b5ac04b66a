import { z } from 'zod';
import { ScenarioFile, SCENARIO_SCHEMA_VERSION } from '../schema/scenario.ts';

/** Where the published schema says it lives; scenario files point at it with `$schema`. */
export const SCENARIO_SCHEMA_ID = 'https://modelwise.invalid/schema/scenario.schema.json';

/** The repository's copy, which editors can validate scenario files against (`$schema`). */
export const SCENARIO_SCHEMA_FILE = 'schema/scenario.schema.json';

/**
 * The scenario file format as a JSON Schema (draft 2020-12), generated from the zod schema the app
 * and the CLI parse with, so the two cannot disagree. It describes what a file may contain (input
 * side: fields with defaults may be left out); every field carries a description.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(ScenarioFile, {
    io: 'input',
    unrepresentable: 'any',
  });
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: `Modelwise scenario, version ${SCENARIO_SCHEMA_VERSION}`,
    ...rest,
  };
}

/** The schema as the file holds it: two-space JSON and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
