import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  evaluatePrepared,
  evaluationSetup,
  prepareScenario,
} from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { unpackColumns } from '../../core/sweep/columns-transfer.ts';
import { sweptResult, type SweepResult } from '../../core/sweep/sweep.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { defaultScenario } from '../../renderer/features/scenarios/default-scenario.ts';
import { decide } from '../../renderer/features/why/decide.ts';
import { ResultsRunner, type EvaluateRequest } from '../../renderer/stores/results-runner.ts';
import { twoChoices } from '../support/decision-fixtures.ts';

// The draft is evaluated in the results worker: its ranked columns come back (copied, as
// postMessage copies them), the page sets them up in its own context and builds the rows it shows
// there. What the page shows must be what its own sweep would have shown, number for number.

const catalog = { ...readSeed(), discounts: [] };
const today = '2026-12-01';
const staleBefore = '2026-06-01';

function example(name: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

/** The evaluation as the page made it before the worker: prepared and swept here. */
function onThePage(scenario: Scenario) {
  const e = evaluatePrepared(prepareScenario(catalog, scenario, { asOf: today }), scenario, {
    staleBefore,
  });
  if (!e.ok) throw new Error(e.error);
  return e;
}

/** The worker's sweep as the page receives it, set up in a context of the page's own. */
function fromTheWorker(runner: ResultsRunner, request: EvaluateRequest): SweepResult {
  const reply = runner.evaluate(structuredClone(request));
  if (reply.kind !== 'evaluated') throw new Error(reply.error);
  const { scenario } = request;
  const setup = evaluationSetup(prepareScenario(catalog, scenario, { asOf: today }), scenario, {
    staleBefore,
  });
  if (!setup.ok) throw new Error(setup.error);
  return sweptResult(setup.context, unpackColumns(structuredClone(reply.packed), setup.placements));
}

function workerWith(): ResultsRunner {
  const runner = new ResultsRunner();
  runner.setCatalog(structuredClone(catalog));
  return runner;
}

const COLUMNS = ['monthlyUsd', 'tcoUsd', 'perOutcomeUsd', 'e2eMs', 'quality', 'npvUsd'] as const;

describe('results worker', () => {
  const cases: [string, Scenario][] = [
    ['a new scenario (every catalog candidate swept)', defaultScenario()],
    ['chatbot.json', example('chatbot')],
    ['routing.json', example('routing')],
    ['commitments.json', example('commitments')],
    ['decision-report.json', example('decision-report')],
  ];
  for (const [name, scenario] of cases) {
    it(`shows the same ranking, numbers and rows for ${name}`, () => {
      const here = onThePage(scenario).result;
      const there = fromTheWorker(workerWith(), { id: 1, scenario, staleBefore, today });
      expect(there.columns.size).toBe(here.columns.size);
      expect(there.recommended).toBe(here.recommended);
      expect(there.feasibleCount).toBe(here.feasibleCount);
      expect([...there.order]).toEqual([...here.order]);
      expect([...there.pareto]).toEqual([...here.pareto]);
      for (const key of COLUMNS)
        expect([...there.columns[key]], key).toEqual([...here.columns[key]]);
      expect(there.columns.reasons).toEqual(here.columns.reasons);
      // Rows are built on the page: the first ten ranked, and a spread of the rest.
      const step = Math.max(1, Math.floor(here.order.length / 40));
      for (let k = 0; k < here.order.length; k += k < 10 ? 1 : step) {
        const i = here.order[k] as number;
        expect(there.row(i), here.row(i).id).toEqual(here.row(i));
      }
    });
  }

  it('explains an evaluation it made as the page would, break-even volumes included', () => {
    // An API and a one-replica GPU fleet whose costs cross as volume grows.
    const scenario = twoChoices();
    const runner = workerWith();
    fromTheWorker(runner, { id: 7, scenario, staleBefore, today });
    const picks = { a: null, b: null };
    const reply = runner.decide({ id: 7, picks });
    if (reply.kind !== 'decided') throw new Error(reply.kind);
    const mine = decide(onThePage(scenario), picks);
    expect(structuredClone(reply.decision)).toEqual(mine);
    expect(mine.explanation.alternatives.some((a) => a.crossings.length > 0)).toBe(true);
  });

  it('says an evaluation it has moved on from is stale instead of explaining it', () => {
    const runner = workerWith();
    const scenario = example('chatbot');
    fromTheWorker(runner, { id: 1, scenario, staleBefore, today });
    fromTheWorker(runner, { id: 2, scenario, staleBefore, today });
    expect(runner.decide({ id: 1, picks: { a: null, b: null } }).kind).toBe('stale');
  });

  it('names what stops an evaluation, as the page does', () => {
    const runner = new ResultsRunner();
    const scenario = example('chatbot');
    const before = runner.evaluate({ id: 1, scenario, staleBefore, today });
    expect(before).toEqual({ kind: 'error', id: 1, error: 'the catalog is not loaded yet' });
    runner.setCatalog(catalog);
    const growing = { ...scenario, workload: { ...scenario.workload, monthlyGrowthPct: 1000 } };
    const reply = runner.evaluate({ id: 2, scenario: growing, staleBefore, today });
    const page = evaluatePrepared(prepareScenario(catalog, growing, { asOf: today }), growing);
    if (page.ok) throw new Error('1,000 % a month for the horizon should be refused');
    expect(reply).toEqual({ kind: 'error', id: 2, error: page.error });
  });
});
