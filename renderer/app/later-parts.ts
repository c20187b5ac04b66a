import { whenIdle } from '../components/when-idle.ts';

/**
 * What the first screen does not show, in chunks of their own: the views behind the top bar's
 * tabs and the export machinery (reports, workbooks, images). Each loads on first use, or earlier
 * once the page is idle after the first screen, so using one seldom waits for it.
 */
export const loadCatalogView = () => import('../features/catalog/CatalogView.tsx');
export const loadScenariosView = () => import('../features/scenarios/ScenariosView.tsx');
export const loadPortfolioView = () => import('../features/portfolio/PortfolioView.tsx');
export const loadExports = () => import('../features/reports/export-actions.ts');

/** Runs an export once its code has loaded. */
export function exporting(
  run: (exports: Awaited<ReturnType<typeof loadExports>>) => Promise<void>,
): void {
  void loadExports().then(run);
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
