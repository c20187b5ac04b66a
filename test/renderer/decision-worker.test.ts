import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePrepared, prepareScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { decide } from '../../renderer/features/why/decide.ts';
import { DecisionRunner } from '../../renderer/features/why/decision-runner.ts';
import { twoChoices } from '../support/decision-fixtures.ts';

// The explanation and its break-even chart are worked out in the decision worker, which evaluates
// the draft again from what the page evaluated it with (the scenario and the page's dates; the
// request arrives as postMessage copies it). What the Why panel shows must be what the page's own
// evaluation explains, number for number.

const catalog = { ...readSeed(), discounts: [] };
const today = '2026-12-01';
const staleBefore = '2026-06-01';
const picks = { a: null, b: null };

function example(name: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

/** The evaluation as the page makes it: prepared at today's prices, stale rows flagged. */
function onThePage(scenario: Scenario) {
  const e = evaluatePrepared(prepareScenario(catalog, scenario, { asOf: today }), scenario, {
    staleBefore,
  });
  if (!e.ok) throw new Error(e.error);
  return e;
}

function runnerWith(): DecisionRunner {
  const runner = new DecisionRunner();
  runner.setCatalog(structuredClone(catalog));
  return runner;
}

describe('decision worker', () => {
  const cases: [string, Scenario][] = [
    // An API and a one-replica GPU fleet whose costs cross as volume grows.
    ['an API against a GPU fleet', twoChoices()],
    ['chatbot.json', example('chatbot')],
    ['routing.json', example('routing')],
    ['commitments.json', example('commitments')],
    ['decision-report.json', example('decision-report')],
  ];
  for (const [name, scenario] of cases) {
    it(`explains ${name} as the page would, break-even volumes and chart included`, () => {
      const reply = runnerWith().decide(structuredClone({ scenario, staleBefore, today, picks }));
      if (reply.kind !== 'decided') throw new Error(reply.error);
      expect(structuredClone(reply.decision)).toEqual(decide(onThePage(scenario), picks));
    });
  }

  it('finds the crossing of the API and the GPU fleet', () => {
    const reply = runnerWith().decide({ scenario: twoChoices(), staleBefore, today, picks });
    if (reply.kind !== 'decided') throw new Error(reply.error);
    expect(reply.decision.explanation.alternatives[0]?.crossings.length).toBeGreaterThan(0);
    expect(reply.decision.breakEven?.crossings.length).toBeGreaterThan(0);
  });

  it('keeps a pick of the chart pair', () => {
    const scenario = example('decision-report');
    const page = onThePage(scenario);
    const ids = page.result.rankedRows().slice(0, 3);
    const picked = { a: ids[2]!.id, b: ids[1]!.id };
    const reply = runnerWith().decide({ scenario, staleBefore, today, picks: picked });
    if (reply.kind !== 'decided') throw new Error(reply.error);
    expect(reply.decision.breakEven?.a.id).toBe(ids[2]!.id);
    expect(reply.decision).toEqual(decide(page, picked));
  });

  it('names what stops it, as the page does', () => {
    const runner = new DecisionRunner();
    const scenario = example('chatbot');
    expect(runner.decide({ scenario, staleBefore, today, picks })).toEqual({
      kind: 'error',
      error: 'the catalog is not loaded yet',
    });
    runner.setCatalog(catalog);
    const growing = { ...scenario, workload: { ...scenario.workload, monthlyGrowthPct: 1000 } };
    const page = evaluatePrepared(prepareScenario(catalog, growing, { asOf: today }), growing);
    if (page.ok) throw new Error('1,000 % a month for the horizon should be refused');
    expect(runner.decide({ scenario: growing, staleBefore, today, picks })).toEqual({
      kind: 'error',
      error: page.error,
    });
  });
});
