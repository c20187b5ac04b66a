/**
 * Faults found by fault injection (issue 9): each test failed before its fix.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { offeringRow, openTestStore, testPaths } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

describe('a damaged row', () => {
  it('is named and quarantined; the catalog, its lists and its stats keep working', () => {
    const paths = testPaths(tmp());
    openTestStore(paths).close();
    // Text that is not JSON inside an otherwise healthy database (a crash mid-write, a bad tool).
    const raw = new Database(paths.dbFile);
    raw.prepare("UPDATE offerings SET data = '{\"id\": acme' WHERE id = 'acme/small'").run();
    raw.close();

    const store = openTestStore(paths);
    const catalog = store.readCatalog();
    expect(catalog.offerings.map((o) => o.id)).toEqual(['acme/large']);
    expect(store.problems()).toEqual([
      expect.stringMatching(
        /^offering 'acme\/small': its stored text is not valid JSON \(.+\); moved to quarantine$/,
      ),
    ]);
    expect(store.list('offerings').rows.map((r) => r.key)).toEqual(['acme/large']);
    expect(store.stats().apiOfferings).toBe(1);
    store.close();

    const check = new Database(paths.dbFile, { readonly: true });
    const quarantined = check.prepare('SELECT tbl, row_id AS id, data FROM quarantine').all();
    check.close();
    expect(quarantined).toEqual([{ tbl: 'offerings', id: 'acme/small', data: '{"id": acme' }]);
  });

  it('does not stop the CLI', () => {
    const paths = testPaths(tmp());
    openTestStore(paths).close();
    const raw = new Database(paths.dbFile);
    raw.prepare("UPDATE models SET data = 'not json' WHERE id = 'acme-small'").run();
    raw.close();
    const before = process.env['MODELWISE_DATA_DIR'];
    process.env['MODELWISE_DATA_DIR'] = paths.dataDir;
    process.env['MODELWISE_SEED_DIR'] = paths.seedDir;
    try {
      expect(JSON.parse(run(['catalog', 'stats', '--json']))).toMatchObject({ models: 2 });
    } finally {
      if (before === undefined) delete process.env['MODELWISE_DATA_DIR'];
      else process.env['MODELWISE_DATA_DIR'] = before;
      delete process.env['MODELWISE_SEED_DIR'];
    }
  });
});

describe('two writers at once', () => {
  it('the second waits for the first (busy timeout) instead of failing with "database is locked"', async () => {
    const paths = testPaths(tmp());
    const store = openTestStore(paths);
    // Another process takes the write lock, says so, holds it 1.5 s, then commits a change.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3');
         const db = new D(${JSON.stringify(paths.dbFile)});
         db.pragma('busy_timeout = 3000');
         db.exec('BEGIN IMMEDIATE');
         db.prepare("INSERT INTO meta (key, value) VALUES ('holder', 'yes')").run();
         process.stdout.write('locked\\n');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
         db.exec('COMMIT');
         db.close();`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    // This edit reads the row, then writes it: it must wait for the lock, not fail at once.
    const edited = store.upsert('offerings', offeringRow('acme/large', 'acme-large', 2.5, 12));
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(edited).toEqual({ ok: true, data: { key: 'acme/large', changed: ['offerings'] } });
    store.close();
  });
});
