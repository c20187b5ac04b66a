import type { ScenarioFile } from '../../../core/schema/scenario.ts';

/** A file name from a scenario name: lowercase words joined by dashes. */
export function scenarioFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug === '' ? 'scenario' : slug}.json`;
}

/** The scenario file as written: pretty JSON, readable in a diff and by the CLI. */
export function scenarioFileText(scenario: ScenarioFile): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}
