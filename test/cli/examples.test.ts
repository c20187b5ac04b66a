import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';

// Every scenario in examples/ is a story users bring: each must run in the CLI as shipped.
useDataDirEnv(beforeAll, afterAll);
const EXAMPLES = 'examples';
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
const cost = (file: string, ...args: string[]) =>
  JSON.parse(run(['cost', '--scenario', join(EXAMPLES, file), '--format', 'json', ...args]));

describe('examples/', () => {
  it('holds the stories', () => {
    expect(files).toEqual(expect.arrayContaining(['chatbot.json']));
  });

  it.each(files)('%s runs in the CLI and recommends a feasible candidate', (file) => {
    const out = cost(file);
    expect(out.recommended).not.toBeNull();
    const rec = out.candidates.find((c: { id: string }) => c.id === out.recommended);
    expect(rec.feasible).toBe(true);
    expect(rec.rank).toBe(1);
    expect(out.explanation.sentences.length).toBeGreaterThan(1);
  });
});
