import type { Catalog } from '../../core/schema/catalog.ts';
import { defaultDataDir } from '../../electron/db/paths.ts';
import { openCatalogStore, type OpenedCatalogStore } from '../../electron/db/store.ts';
import { UsageError } from './errors.ts';

/**
 * Opens the catalog database in the user's data folder (`MODELWISE_DATA_DIR` when set), as the
 * app does. A recovery notice goes to stderr so it never mixes with JSON on stdout.
 */
export function openStore(): OpenedCatalogStore {
  const store = openCatalogStore({ dataDir: defaultDataDir() });
  if (store.recoveryNotice !== null) process.stderr.write(`modelwise: ${store.recoveryNotice}\n`);
  return store;
}

/** Runs `fn` with an open store and closes it after. */
export function withStore<T>(fn: (store: OpenedCatalogStore) => T): T {
  const store = openStore();
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

/**
 * Like `withStore`, for a command that writes: refused when the database could not be opened and
 * the store is the temporary in-memory catalog (the change would be lost when the command ends).
 */
export function withWritableStore<T>(command: string, fn: (store: OpenedCatalogStore) => T): T {
  return withStore((store) => {
    if (store.path === ':memory:') {
      throw new UsageError(
        `${command}: the catalog database cannot be opened, so nothing was written (${store.recoveryNotice ?? 'temporary catalog'})`,
      );
    }
    return fn(store);
  });
}

/** The catalog the CLI evaluates against (the database's rows), and its staleness date. */
export function loadCatalog(): { catalog: Catalog; staleBefore: string } {
  return withStore((store) => {
    const catalog = store.readCatalog();
    for (const problem of store.problems()) {
      process.stderr.write(`modelwise: left out of the catalog: ${problem}\n`);
    }
    return { catalog, staleBefore: store.staleBefore() };
  });
}
