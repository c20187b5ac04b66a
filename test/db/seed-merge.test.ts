import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeSeedManifest, SEED_DIR } from '../../electron/db/seed-files.ts';
import {
  fixtureSeed,
  instanceRow,
  offeringRow,
  openTestStore,
  testPaths,
  writeSeed,
} from '../support/db.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

const price = (store: ReturnType<typeof openTestStore>, id: string) =>
  store.readCatalog().offerings.find((o) => o.id === id)?.usdPerMTok.input;

describe('seed versions', () => {
  it('a new seed version merges without overwriting the user', () => {
    const paths = testPaths(tmp());
    const v1 = openTestStore(paths);
    // The user: edits a seed row, adds a row, deletes a seed row.
    expect(v1.upsert('offerings', offeringRow('acme/large', 'acme-large', 2.5, 12)).ok).toBe(true);
    expect(v1.upsert('offerings', offeringRow('acme/mine', 'acme-small', 0.1, 0.2)).ok).toBe(true);
    expect(v1.remove('instances', 'cloudco:1xl4:us-1').ok).toBe(true);
    v1.close();

    // Seed v2: new prices for both seed offerings, a new GPU and instance, one instance dropped.
    const v2 = fixtureSeed();
    v2['offerings'] = [
      offeringRow('acme/large', 'acme-large', 4, 20),
      offeringRow('acme/small', 'acme-small', 0.3, 1.5),
    ];
    v2['gpus']?.push({ ...v2['gpus'][0], id: 'h200', name: 'NVIDIA H200', memoryGB: 141 });
    v2['instances'] = [
      instanceRow('cloudco:8xh100:eu-1', 'h100-sxm', 8, 'cloudco:eu-1', 98.32),
      instanceRow('cloudco:8xh200:us-1', 'h200', 8, 'cloudco:us-1', 110),
      instanceRow('cloudco:1xl4:us-1', 'l4', 1, 'cloudco:us-1', 0.7),
    ];
    writeSeed(paths.seedDir, v2);

    const store = openTestStore(paths);
    expect(store.seedMerge).toMatchObject({ merged: true, added: 2, updated: 1, removed: 1 });
    expect(price(store, 'acme/large')).toBe(2.5); // the user's edit wins
    expect(price(store, 'acme/small')).toBe(0.3); // an untouched seed row follows the seed
    expect(price(store, 'acme/mine')).toBe(0.1); // the user's own row stays
    const instances = store.readCatalog().instances.map((i) => i.id);
    expect(instances).toEqual(['cloudco:8xh100:eu-1', 'cloudco:8xh200:us-1']);
    // (us-1 H100 left the seed; the L4 the user deleted does not come back.)
    const mine = store.list('offerings', { filter: 'id=acme/mine' }).rows[0];
    expect(mine).toMatchObject({ origin: 'user', modified: false });
    store.close();

    // The same seed again: nothing to do.
    const again = openTestStore(paths);
    expect(again.seedMerge.merged).toBe(false);
    again.close();
  });

  it('keeps a seed row the seed drops while the user still uses it', () => {
    const paths = testPaths(tmp());
    const v1 = openTestStore(paths);
    expect(v1.setDiscount({ offeringId: 'acme/small', fraction: 0.1 }).ok).toBe(true);
    v1.close();
    const v2 = fixtureSeed();
    v2['offerings'] = v2['offerings']?.filter((o) => o['id'] !== 'acme/small') ?? [];
    writeSeed(paths.seedDir, v2);
    const store = openTestStore(paths);
    expect(store.readCatalog().offerings.map((o) => o.id)).toContain('acme/small');
    expect(store.listDiscounts()).toHaveLength(1);
    store.close();
  });

  it('leaves out a new seed row whose parent the user deleted', () => {
    const paths = testPaths(tmp());
    const v1 = openTestStore(paths);
    expect(v1.remove('instances', 'cloudco:1xl4:us-1').ok).toBe(true);
    expect(v1.remove('gpus', 'l4').ok).toBe(true);
    v1.close();
    const v2 = fixtureSeed();
    v2['instances']?.push(instanceRow('cloudco:4xl4:us-1', 'l4', 4, 'cloudco:us-1', 3.2));
    writeSeed(paths.seedDir, v2);
    const store = openTestStore(paths);
    expect(store.seedMerge).toMatchObject({ merged: true, added: 0, skippedOrphans: 1 });
    expect(store.stats().gpus).toBe(1);
    store.close();
  });

  it('the shipped manifest matches the shipped seed files', () => {
    const manifest = JSON.parse(readFileSync(join(SEED_DIR, 'manifest.json'), 'utf8')) as unknown;
    expect(manifest).toEqual(computeSeedManifest(SEED_DIR));
  });
});
