import { lazy, Suspense, useEffect, useState } from 'react';
import { mode, onMenuCommand } from '../api/api.ts';
import { ImportReview } from '../features/catalog/ImportReview.tsx';
import { CompareView } from '../features/compare/CompareView.tsx';
import { useCatalog } from '../stores/catalog-store.ts';
import { reopenLast } from '../features/scenarios/scenario-actions.ts';
import { startResultsSync, useResults } from '../stores/results-store.ts';
import { startDecisionSync } from '../features/why/decision-store.ts';
import { startLeversSync } from '../features/levers/levers-store.ts';
import { startUncertaintySync } from '../features/uncertainty/uncertainty-store.ts';
import { applyLook, useUi } from '../stores/ui-store.ts';
import { runCommand, shortcutFor } from './commands.ts';
import { StatusBar } from './StatusBar.tsx';
import { Toasts } from './Toasts.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { ShortcutsHelp } from '../features/workshop/ShortcutsHelp.tsx';
import { TopBar } from './TopBar.tsx';
import {
  loadCatalogView,
  loadLaterPartsWhenIdle,
  loadPortfolioView,
  loadScenariosView,
} from './later-parts.ts';

const CatalogView = lazy(() => loadCatalogView().then((m) => ({ default: m.CatalogView })));
const ScenariosView = lazy(() => loadScenariosView().then((m) => ({ default: m.ScenariosView })));
const PortfolioView = lazy(() => loadPortfolioView().then((m) => ({ default: m.PortfolioView })));

export function App() {
  const status = useCatalog((s) => s.status);
  const error = useCatalog((s) => s.error);
  const notice = useCatalog((s) => s.info?.recoveryNotice ?? null);
  const evaluated = useResults((s) => s.version > 0);
  const view = useUi((s) => s.view);
  const theme = useUi((s) => s.theme);
  const largeText = useUi((s) => s.largeText);
  const presenter = useUi((s) => s.presenter);
  const [started, setStarted] = useState(false);

  useEffect(() => {
    // The catalog and the last open scenario load together; the first screen waits for both.
    void Promise.all([useCatalog.getState().load(), reopenLast()]).then(() => setStarted(true));
    const stopSync = startResultsSync();
    const stopDecision = startDecisionSync();
    const stopLevers = startLeversSync();
    const stopUncertainty = startUncertaintySync();
    const stopMenu = onMenuCommand(runCommand);
    // The desktop app's menus carry the Ctrl/⌘ accelerators; single keys are the page's.
    const onKey = (e: KeyboardEvent) => {
      const command = shortcutFor(e, mode !== 'electron');
      if (command !== null) {
        e.preventDefault();
        runCommand(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      stopSync();
      stopDecision();
      stopLevers();
      stopUncertainty();
      stopMenu();
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  useEffect(() => applyLook({ theme, largeText, presenter }), [theme, largeText, presenter]);
  const ready = started && status === 'ready' && evaluated;
  useEffect(() => {
    document
      .getElementById('root')
      ?.setAttribute('data-app-state', ready ? 'ready' : status === 'error' ? 'error' : 'loading');
    if (ready) loadLaterPartsWhenIdle();
  }, [ready, status]);

  if (status === 'error') {
    return (
      <div className="loading" role="alert">
        <div>
          <h2>Modelwise could not load its catalog</h2>
          <p className="reason">{error}</p>
          <button type="button" className="btn" onClick={() => void useCatalog.getState().load()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (!ready) return <div className="loading">Loading the catalog…</div>;
  return (
    <div className="app">
      <TopBar />
      {notice && (
        <div className="notice" role="status">
          {notice}
        </div>
      )}
      {view === 'compare' && <CompareView />}
      <Suspense fallback={null}>
        {view === 'portfolio' && <PortfolioView />}
        {view === 'scenarios' && <ScenariosView />}
        {view === 'catalog' && <CatalogView />}
      </Suspense>
      <StatusBar />
      <ImportReview />
      <ShortcutsHelp />
      <Dialog />
      <Toasts />
    </div>
  );
}
