import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offeringRow, openTestStore, testPaths } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

const damaged = (dir: string) => readdirSync(dir).filter((f) => f.includes('-damaged-'));

describe('a database that cannot be opened', () => {
  it('garbage: kept aside with its -wal/-shm, a fresh catalog opens, the user is told', () => {
    const paths = testPaths(tmp());
    mkdirSync(paths.dataDir, { recursive: true });
    const garbage = Buffer.from('this is not a database '.repeat(400));
    writeFileSync(paths.dbFile, garbage);
    writeFileSync(`${paths.dbFile}-wal`, 'stale write-ahead log');
    writeFileSync(`${paths.dbFile}-shm`, 'stale shared memory');

    const store = openTestStore(paths);
    expect(store.recoveryNotice).toMatch(
      /^The catalog database could not be opened \(file is not a database \[SQLITE_NOTADB\]\)\. It was kept as .*modelwise-damaged-2026-11-27T12-00-00Z\.db .*a fresh catalog was created/,
    );
    expect(store.stats().apiOfferings).toBe(2);
    expect(store.stats().instances).toBe(3);
    store.close();

    const aside = join(paths.dataDir, 'modelwise-damaged-2026-11-27T12-00-00Z.db');
    expect(readFileSync(aside)).toEqual(garbage);
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('stale write-ahead log');
    // The -shm is an index SQLite rebuilds from the WAL on open (it holds no data): kept, not equal.
    expect(existsSync(`${aside}-shm`)).toBe(true);

    // The fresh catalog is a normal one: the next start says nothing.
    const again = openTestStore(paths);
    expect(again.recoveryNotice).toBeNull();
    again.close();
  });

  it('truncated: the integrity check finds it, the file is kept aside, never deleted', () => {
    const paths = testPaths(tmp());
    const store = openTestStore(paths);
    // Enough rows that the file spans many pages.
    const extra = Array.from({ length: 300 }, (_, i) =>
      offeringRow(`acme/extra-${i}`, 'acme-large', 1, 2),
    );
    const file = { format: 'modelwise-catalog', version: 1, tables: { offerings: extra } };
    expect(store.importText(JSON.stringify(file), 'json').ok).toBe(true);
    store.close();
    const size = statSync(paths.dbFile).size;
    truncateSync(paths.dbFile, Math.floor(size / 2));
    const truncated = readFileSync(paths.dbFile);

    const reopened = openTestStore(paths);
    expect(reopened.recoveryNotice).toMatch(/could not be opened \(.*SQLITE_CORRUPT.*\)/);
    expect(reopened.stats().apiOfferings).toBe(2);
    reopened.close();
    const [aside] = damaged(paths.dataDir);
    expect(aside).toBeDefined();
    expect(readFileSync(join(paths.dataDir, aside as string))).toEqual(truncated);
  });

  it('two recoveries in the same second keep both damaged files', () => {
    const paths = testPaths(tmp());
    mkdirSync(paths.dataDir, { recursive: true });
    writeFileSync(paths.dbFile, 'first garbage '.repeat(100));
    openTestStore(paths).close();
    writeFileSync(paths.dbFile, 'second garbage '.repeat(100));
    openTestStore(paths).close();
    expect(damaged(paths.dataDir).sort()).toEqual([
      'modelwise-damaged-2026-11-27T12-00-00Z-1.db',
      'modelwise-damaged-2026-11-27T12-00-00Z.db',
    ]);
  });

  it('a data folder that cannot be created: a temporary catalog, and the user is told', () => {
    const root = tmp();
    const paths = testPaths(root);
    writeFileSync(join(root, 'not-a-folder'), 'a file where the data folder should be');
    const store = openTestStore({ ...paths, dataDir: join(root, 'not-a-folder', 'data') });
    expect(store.path).toBe(':memory:');
    expect(store.recoveryNotice).toMatch(
      /The data folder .* cannot be created .*changes will not be saved/,
    );
    expect(store.stats().gpus).toBe(2);
    store.close();
  });
});
