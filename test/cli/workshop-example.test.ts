import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';

useDataDirEnv(beforeAll, afterAll);

interface Measure {
  key: string;
  before: string;
  after: string;
  beforeValue: number | null;
  afterValue: number | null;
  change: string;
}
interface Output {
  candidates: { id: string; feasible: boolean; monthlyUsd: number; tcoUsd: number }[];
  snapshots?: {
    name: string;
    takenAt: string;
    winnerBefore: { id: string } | null;
    winnerAfter: { id: string } | null;
    winnerChanged: boolean;
    measures: Measure[];
    assumptionChanges: { label: string; before: string; after: string }[];
  }[];
}

const cost = (file: string) =>
  JSON.parse(run(['cost', '--scenario', file, '--format', 'json'])) as Output;
const pick = (out: Output) => out.candidates.find((c) => c.feasible);

describe('examples/workshop.json: a snapshot kept in the file, reported against now', () => {
  const dir = mkdtempSync(join(tmpdir(), 'modelwise-workshop-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the Pilot snapshot (1M requests) against the file (10M): the same pick, ten times the bill', () => {
    const now = cost('examples/workshop.json');
    const [pilot] = now.snapshots ?? [];
    expect(now.snapshots).toHaveLength(1);
    expect(pilot?.name).toBe('Pilot');
    expect(pilot?.takenAt).toBe('2026-07-01T09:30:00.000Z');
    // Only the volume differs between the two states.
    expect(pilot?.assumptionChanges).toEqual([
      {
        path: 'workload.requests',
        label: 'Requests / month',
        before: '1,000,000',
        after: '10,000,000',
      },
    ]);

    // The snapshot's side is what the CLI says of the snapshot's state on its own.
    const file = JSON.parse(readFileSync('examples/workshop.json', 'utf8')) as {
      snapshots: { scenario: unknown }[];
    };
    const pilotFile = join(dir, 'pilot.json');
    writeFileSync(pilotFile, JSON.stringify(file.snapshots[0]?.scenario));
    const then = cost(pilotFile);
    const measure = (key: string) => pilot?.measures.find((m) => m.key === key);
    expect(pilot?.winnerBefore?.id).toBe(pick(then)?.id);
    expect(pilot?.winnerAfter?.id).toBe(pick(now)?.id);
    expect(measure('tcoUsd')?.beforeValue).toBeCloseTo(pick(then)?.tcoUsd ?? NaN, 6);
    expect(measure('tcoUsd')?.afterValue).toBeCloseTo(pick(now)?.tcoUsd ?? NaN, 6);

    // The pick is a hosted API billed per request, so it stays the pick and its bill scales:
    // 10,000,000 requests cost ten times 1,000,000, a change of +900 %.
    expect(pilot?.winnerChanged).toBe(false);
    const monthly = measure('monthlyUsd');
    expect((monthly?.afterValue ?? 0) / (monthly?.beforeValue ?? 1)).toBeCloseTo(10, 9);
    expect(monthly?.change).toMatch(/\(\+900%\)$/);
    expect(measure('perRequestUsd')?.change).toBe('');
  });

  it('the table output says the same in one line', () => {
    const text = run(['cost', '--scenario', 'examples/workshop.json']);
    expect(text).toMatch(
      /Since snapshot “Pilot”: same pick; .*Requests \/ month 1,000,000 → 10,000,000/,
    );
  });
});
