import type { MenuCommand } from '../../core/contract/menu.ts';
import {
  exportCatalogFile,
  exportScenarioFile,
  importCatalogFile,
  newScenario,
  openScenarioFile,
  saveScenario,
} from '../features/scenarios/scenario-actions.ts';
import {
  exportComparison,
  exportFocus,
  exportReportFile,
  exportReportPdf,
  exportWorkbook,
  saveAllChartPngs,
} from '../features/reports/export-actions.ts';
import { useUi } from '../stores/ui-store.ts';
import { useWorkspace } from '../stores/workspace-store.ts';

/** Text fields keep their own undo; elsewhere undo steps through scenario edits. */
function editingText(): boolean {
  const el = document.activeElement;
  return (
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement
  );
}

/** Runs a command from the native menu, the toolbar or a keyboard shortcut. */
export function runCommand(command: MenuCommand): void {
  switch (command) {
    case 'scenario:new':
      return newScenario();
    case 'scenario:open':
      return void openScenarioFile();
    case 'scenario:save':
      return void saveScenario();
    case 'scenario:export':
      return void exportScenarioFile();
    case 'export:pdf':
      return void exportReportPdf(useUi.getState().paper);
    case 'export:html':
      return void exportReportFile('html', useUi.getState().paper);
    case 'export:md':
      return void exportReportFile('md', useUi.getState().paper);
    case 'export:xlsx':
      return void exportWorkbook();
    case 'export:focus':
      return void exportFocus();
    case 'export:csv':
      return void exportComparison('csv');
    case 'export:comparison-md':
      return void exportComparison('md');
    case 'export:charts':
      return void saveAllChartPngs();
    case 'catalog:import':
      return void importCatalogFile();
    case 'catalog:export':
      return void exportCatalogFile();
    case 'edit:undo':
      if (editingText()) document.execCommand('undo');
      else useWorkspace.getState().undo();
      return;
    case 'edit:redo':
      if (editingText()) document.execCommand('redo');
      else useWorkspace.getState().redo();
      return;
    case 'view:toggle-theme':
      return useUi.getState().toggleTheme();
    case 'view:compare':
      return useUi.getState().setView('compare');
    case 'view:catalog':
      return useUi.getState().setView('catalog');
  }
}

/** Keyboard shortcuts for browser mode (the desktop app's menus carry the same accelerators). */
export function shortcutFor(e: KeyboardEvent): MenuCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod) return null;
  const key = e.key.toLowerCase();
  if (key === 'z' && !e.shiftKey) return editingText() ? null : 'edit:undo';
  if ((key === 'z' && e.shiftKey) || key === 'y') return editingText() ? null : 'edit:redo';
  if (key === 's' && e.shiftKey) return 'scenario:export';
  if (key === 's') return 'scenario:save';
  if (key === 'o') return 'scenario:open';
  if (key === 'i') return 'catalog:import';
  if (key === '1') return 'view:compare';
  if (key === '2') return 'view:catalog';
  if (key === 'd' && e.shiftKey) return 'view:toggle-theme';
  return null;
}
