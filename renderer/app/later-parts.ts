import { whenIdle } from '../components/when-idle.ts';
import { useUi } from '../stores/ui-store.ts';

/**
 * What the first screen does not show, in chunks of their own: the views behind the top bar's
 * tabs and the export machinery (reports, workbooks, images). Each loads on first use, or earlier
 * once the page is idle after the first screen, so using one seldom waits for it.
 */
export const loadCatalogView = () => import('../features/catalog/CatalogView.tsx');
export const loadScenariosView = () => import('../features/scenarios/ScenariosView.tsx');
export const loadPortfolioView = () => import('../features/portfolio/PortfolioView.tsx');
export const loadExports = () => import('../features/reports/export-actions.ts');

type Exports = Awaited<ReturnType<typeof loadExports>>;

/**
 * Runs an export once its code has loaded. The chunk is a local file, but a window left open
 * across an update asks for a chunk the new build no longer has: the user is told, not left
 * wondering why nothing happened. (The export's own errors are its own toasts.)
 */
export function exporting(
  run: (exports: Exports) => Promise<void>,
  load: () => Promise<Exports> = loadExports,
): Promise<void> {
  return load().then(run, (error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    useUi
      .getState()
      .toast(
        'error',
        `The export could not start: its code did not load (${why}). Reload the window and try again.`,
      );
  });
}

/** Loads every later part while the page is idle, one at a time. */
export function loadLaterPartsWhenIdle(): void {
  const parts = [loadExports, loadScenariosView, loadCatalogView, loadPortfolioView];
  const next = (): void => {
    const load = parts.shift();
    if (load !== undefined) void load().then(() => whenIdle(next));
  };
  whenIdle(next);
}
