import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SCENARIO_SCHEMA_FILE,
  SCENARIO_SCHEMA_ID,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
} from '../../core/scenario/json-schema.ts';
import { upgradeScenario, type ScenarioUpgrade } from '../../core/scenario/migrate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { run } from '../../scripts/cli/run.ts';
import { workedExampleScenario } from '../support/scenarios.ts';

describe('scenario file versions', () => {
  // A made-up history for the mechanism: version 1 named the volume `requestsPerMonth`, version 2
  // moved it under `requests`, version 3 added `unit` (the real chain: core/scenario/migrate.ts).
  const upgrades: Record<number, ScenarioUpgrade> = {
    1: ({ requestsPerMonth, ...rest }) => ({
      ok: true,
      file: { ...rest, schemaVersion: 2, requests: { count: requestsPerMonth } },
    }),
    2: (file) => ({
      ok: true,
      file: {
        ...file,
        schemaVersion: 3,
        requests: { ...(file['requests'] as object), unit: 'month' },
      },
    }),
  };

  it('upgrades an old file one step at a time, in order', () => {
    expect(
      upgradeScenario({ schemaVersion: 1, name: 'a', requestsPerMonth: 5 }, upgrades, 3),
    ).toEqual({
      ok: true,
      file: { schemaVersion: 3, name: 'a', requests: { count: 5, unit: 'month' } },
    });
    // A version-2 file takes only the second step.
    expect(upgradeScenario({ schemaVersion: 2, requests: { count: 7 } }, upgrades, 3)).toEqual({
      ok: true,
      file: { schemaVersion: 3, requests: { count: 7, unit: 'month' } },
    });
    // A current file is left as it is.
    const current = { schemaVersion: 3, name: 'b' };
    expect(upgradeScenario(current, upgrades, 3)).toEqual({ ok: true, file: current });
  });

  it('a file from a newer Modelwise says so', () => {
    expect(upgradeScenario({ schemaVersion: 4 }, upgrades, 3)).toEqual({
      ok: false,
      error:
        'schemaVersion: the file is version 4, from a newer Modelwise; this version reads up to 3 (update Modelwise to open it)',
    });
  });

  it('a missing or malformed version, a gap in the chain and a refusing step are named', () => {
    expect(upgradeScenario({ name: 'x' }, upgrades, 3)).toEqual({
      ok: false,
      error: 'schemaVersion: missing (this version of Modelwise reads 3)',
    });
    for (const bad of ['2', 1.5, 0, -1, null]) {
      expect(upgradeScenario({ schemaVersion: bad }, upgrades, 3)).toEqual({
        ok: false,
        error: `schemaVersion: ${JSON.stringify(bad)} is not a version (a whole number from 1 to 3)`,
      });
    }
    expect(upgradeScenario({ schemaVersion: 1 }, { 1: upgrades[1]! }, 3)).toEqual({
      ok: false,
      error: 'schemaVersion: no upgrade from version 2 to 3',
    });
    const refusing: ScenarioUpgrade = () => ({
      ok: false,
      error: 'requestsPerMonth: not a number',
    });
    expect(upgradeScenario({ schemaVersion: 1 }, { 1: refusing }, 2)).toEqual({
      ok: false,
      error: 'upgrading from version 1: requestsPerMonth: not a number',
    });
    const forgetful: ScenarioUpgrade = (file) => ({ ok: true, file });
    expect(upgradeScenario({ schemaVersion: 1 }, { 1: forgetful }, 2)).toEqual({
      ok: false,
      error: 'schemaVersion: the upgrade from version 1 did not produce version 2',
    });
  });

  it('parseScenario goes through the real chain: version 1 reads, 3 is from a newer Modelwise', () => {
    expect(parseScenario(workedExampleScenario()).ok).toBe(true);
    expect(parseScenario({ ...workedExampleScenario(), schemaVersion: 3 })).toEqual({
      ok: false,
      error:
        'schemaVersion: the file is version 3, from a newer Modelwise; this version reads up to 2 (update Modelwise to open it)',
    });
  });
});

describe('the published JSON Schema', () => {
  const published = readFileSync(SCENARIO_SCHEMA_FILE, 'utf8');

  it(`${SCENARIO_SCHEMA_FILE} is what the schema generates (else run: npm run schema)`, () => {
    expect(published).toBe(scenarioJsonSchemaText());
    // The CLI prints the same text (its line end added by the printer).
    expect(`${run(['schema', 'scenario'])}\n`).toBe(published);
  });

  it('has an $id and a description on every field', () => {
    const schema = scenarioJsonSchema();
    expect(schema['$id']).toBe(SCENARIO_SCHEMA_ID);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const undescribed: string[] = [];
    let fields = 0;
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      for (const [key, child] of Object.entries(
        (n['properties'] ?? {}) as Record<string, unknown>,
      )) {
        fields++;
        if (typeof (child as { description?: unknown }).description !== 'string')
          undescribed.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      for (const key of ['items', 'additionalProperties']) walk(n[key], `${path}[]`);
      for (const key of ['anyOf', 'oneOf', 'allOf'])
        for (const option of (n[key] ?? []) as unknown[]) walk(option, path);
    };
    walk(schema, '');
    // The whole file format: workload, value, placements, sweep, inline catalog rows, discounts.
    expect(fields).toBeGreaterThan(250);
    expect(undescribed).toEqual([]);
  });

  it('scenario files may name it in $schema; the app and the CLI ignore the value', () => {
    const withSchema = { $schema: './schema/scenario.schema.json', ...workedExampleScenario() };
    const parsed = parseScenario(withSchema);
    expect(parsed.ok).toBe(true);
    const plain = parseScenario(workedExampleScenario());
    if (!parsed.ok || !plain.ok) throw new Error('both parse');
    const { $schema, ...rest } = parsed.scenario;
    expect($schema).toBe('./schema/scenario.schema.json');
    expect(rest).toEqual(plain.scenario);
    // The shipped example points editors at the repository's copy.
    const example = JSON.parse(readFileSync('examples/chatbot.json', 'utf8'));
    expect(example.$schema).toBe(`../${SCENARIO_SCHEMA_FILE}`);
    expect(parseScenario(example).ok).toBe(true);
    expect(parseScenario({ ...withSchema, $schema: 42 })).toEqual({
      ok: false,
      error: '$schema: Invalid input: expected string, received number',
    });
  });
});
