import { describe, expect, it } from 'vitest';
import { fixtureSeed, openTestStore, testPaths } from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

/** The fixture seed with some rows read long ago. */
function agedSeed() {
  const seed = fixtureSeed();
  const age = (rows: Record<string, unknown>[] | undefined, asOf: string, count: number) =>
    rows?.slice(0, count).forEach((r) => (r['asOf'] = asOf));
  age(seed['instances'], '2026-05-01', 2); // 210 days before the frozen now
  age(seed['offerings'], '2026-08-01', 1); // 118 days
  return seed;
}

describe('stale rows', () => {
  it('rows older than the threshold are flagged, still listed, and counted', () => {
    const store = openTestStore(testPaths(tmp(), agedSeed())); // default: 180 days
    expect(store.stats().staleRows).toBe(2);
    const instances = store.list('instances').rows;
    expect(instances).toHaveLength(3);
    expect(instances.filter((r) => r.stale).map((r) => r.asOf)).toEqual([
      '2026-05-01',
      '2026-05-01',
    ]);
    expect(store.list('instances', { filter: 'stale=true' }).total).toBe(2);
    expect(store.list('instances', { filter: 'stale=false' }).total).toBe(1);
    // Stale rows stay in what the engine reads.
    expect(store.readCatalog().instances).toHaveLength(3);
    store.close();
  });

  it('the threshold is configurable and follows the clock', () => {
    const paths = testPaths(tmp(), agedSeed());
    const strict = openTestStore(paths, { staleAfterDays: 90 });
    expect(strict.stats().staleRows).toBe(3);
    strict.close();
    const later = openTestStore(paths, { now: () => new Date('2027-06-01T00:00:00Z') });
    expect(later.stats().staleRows).toBe(3 + 2 + 2 + 3 + 2 + 2 + 1 + 1); // every row is > 180 days old
    later.close();
  });
});
