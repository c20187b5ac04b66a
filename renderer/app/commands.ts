import {
  exportCatalogFile,
  exportScenarioFile,
  importCatalogFile,
  newScenario,
  openScenarioFile,
  saveScenario,
  saveScenarioAs,
} from '../features/scenarios/scenario-actions.ts';
import { whatIfSlider } from '../features/whatif/what-if-sliders.ts';
import { stepped } from '../features/whatif/slider-scale.ts';
import { commandFor, type AppCommand } from '../features/workshop/shortcuts.ts';
import {
  currentSnapshotIndex,
  restoreSnapshot,
  takeSnapshot,
} from '../features/workshop/snapshot-actions.ts';
import { useWorkshop } from '../features/workshop/workshop-store.ts';
import { useUi } from '../stores/ui-store.ts';
import { useWorkspace } from '../stores/workspace-store.ts';
import { exporting } from './later-parts.ts';

/** Text fields keep their own keys and undo; elsewhere keys are the app's. */
function editingText(): boolean {
  const el = document.activeElement;
  if (el instanceof HTMLInputElement) {
    // A slider, a check box or a button keeps no text: single-key shortcuts still apply there.
    return !['range', 'checkbox', 'radio', 'button', 'submit'].includes(el.type);
  }
  return (
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el instanceof HTMLElement && el.isContentEditable)
  );
}

/** Multiplies the volume (the what-if bar's steps): one undo step each. */
function stepVolume(factor: number): void {
  const def = whatIfSlider('volume');
  const value = def.read(useWorkspace.getState().scenario);
  const v = stepped(value, factor, def.range, def.integer);
  useWorkspace.getState().update((s) => def.write(s, v));
}

/** Runs a command from the native menu, the toolbar or a keyboard shortcut. */
export function runCommand(command: AppCommand): void {
  switch (command) {
    case 'scenario:new':
      return newScenario();
    case 'scenario:open':
      return void openScenarioFile();
    case 'scenario:save':
      return void saveScenario();
    case 'scenario:save-as':
      return void saveScenarioAs();
    case 'scenario:export':
      return void exportScenarioFile();
    case 'export:pdf':
      return void exporting((x) => x.exportReportPdf(useUi.getState().paper));
    case 'export:html':
      return void exporting((x) => x.exportReportFile('html', useUi.getState().paper));
    case 'export:md':
      return void exporting((x) => x.exportReportFile('md', useUi.getState().paper));
    case 'export:xlsx':
      return void exporting((x) => x.exportWorkbook());
    case 'export:focus':
      return void exporting((x) => x.exportFocus());
    case 'export:csv':
      return void exporting((x) => x.exportComparison('csv'));
    case 'export:comparison-md':
      return void exporting((x) => x.exportComparison('md'));
    case 'export:charts':
      return void exporting((x) => x.saveAllChartPngs());
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
    case 'view:scenarios':
      return useUi.getState().setView('scenarios');
    case 'view:catalog':
      return useUi.getState().setView('catalog');
    case 'view:presenter':
      return useUi.getState().togglePresenter();
    case 'view:large-text':
      return useUi.getState().toggleLargeText();
    case 'view:inputs':
      if (useUi.getState().presenter) useUi.getState().toggleInputs();
      else useUi.getState().setView('compare');
      return;
    case 'help:shortcuts':
      return useWorkshop.getState().toggleHelp();
    case 'workshop:snapshot':
      return takeSnapshot();
    case 'workshop:compare': {
      const { comparing, compareWith } = useWorkshop.getState();
      useUi.getState().setView('compare');
      return compareWith(comparing !== null ? null : currentSnapshotIndex());
    }
    case 'workshop:restore': {
      const index = currentSnapshotIndex();
      if (index !== null) restoreSnapshot(index);
      return;
    }
    case 'workshop:volume-half':
      return stepVolume(0.5);
    case 'workshop:volume-double':
      return stepVolume(2);
    case 'workshop:volume-x10':
      return stepVolume(10);
  }
}

/**
 * The command a key press asks for. The desktop app's menus carry the Ctrl/⌘ accelerators
 * (`withModifiers` false there); single keys are the page's in both, never while typing or while
 * a dialog asks something. Undo and redo in a text field are the field's own.
 */
export function shortcutFor(e: KeyboardEvent, withModifiers: boolean): AppCommand | null {
  if (e.defaultPrevented || e.repeat || document.querySelector('[role="dialog"]') !== null) {
    return null;
  }
  const typing = editingText();
  const command = commandFor(
    { key: e.key, mod: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey },
    { typing, withModifiers },
  );
  if (typing && (command === 'edit:undo' || command === 'edit:redo')) return null;
  return command;
}
