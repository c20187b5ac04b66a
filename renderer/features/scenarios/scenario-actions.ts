import { detectImportFormat } from '../../../core/catalog-import/native-json.ts';
import { call } from '../../api/api.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { attempt, useUi } from '../../stores/ui-store.ts';
import { currentFile, useWorkspace } from '../../stores/workspace-store.ts';
import { defaultScenarioFile } from './default-scenario.ts';
import { scenarioFileName, scenarioFileText } from './scenario-file.ts';
import { useScenarios } from './scenarios-store.ts';
import { useImportReview } from '../catalog/import-review-store.ts';

/** Starts a new scenario (asks first when the current one has unsaved edits). */
export function newScenario(): void {
  if (
    useWorkspace.getState().dirty &&
    !window.confirm('Discard the unsaved changes to this scenario?')
  )
    return;
  useWorkspace.getState().load(defaultScenarioFile(), null);
  rememberOpen(null);
  useUi.getState().clearSelected();
}

/** Saves the draft to the local database (creating it the first time). */
export async function saveScenario(): Promise<void> {
  const { savedId } = useWorkspace.getState();
  const scenario = currentFile();
  const saved = await attempt(
    () =>
      call('scenarios:save', {
        ...(savedId ? { id: savedId } : {}),
        name: scenario.name,
        scenario,
      }),
    `Saved “${scenario.name}”`,
  );
  if (saved) {
    useWorkspace.getState().markSaved(saved.id, saved.name);
    rememberOpen(saved.id);
    await useScenarios.getState().refresh();
  }
}

const LAST_KEY = 'modelwise.lastScenarioId';

/** The scenario to reopen at the next start. */
export function rememberOpen(id: string | null): void {
  if (id === null) localStorage.removeItem(LAST_KEY);
  else localStorage.setItem(LAST_KEY, id);
}

/** Reopens the scenario that was open when the app last closed, if it still exists. */
export async function reopenLast(): Promise<void> {
  const id = localStorage.getItem(LAST_KEY);
  if (id === null) return;
  try {
    const stored = await call('scenarios:get', { id });
    useWorkspace.getState().load(stored.scenario, stored.id);
  } catch {
    rememberOpen(null);
  }
}

/** Opens a saved scenario. */
export async function openSaved(id: string): Promise<void> {
  const stored = await attempt(() => call('scenarios:get', { id }));
  if (!stored) return;
  useWorkspace.getState().load(stored.scenario, stored.id);
  rememberOpen(stored.id);
  useUi.getState().clearSelected();
  useUi.getState().setView('compare');
}

/** Loads a scenario file: validated, refused with the field named when malformed. */
export async function importScenarioText(text: string, fileName: string): Promise<boolean> {
  const scenario = await attempt(() => call('scenario:parse', { text }));
  if (!scenario) return false;
  useWorkspace.getState().load(scenario, null);
  useUi.getState().toast('success', `Opened ${fileName}`);
  useUi.getState().setView('compare');
  return true;
}

export async function openScenarioFile(): Promise<void> {
  const file = await attempt(() => call('file:open', { kind: 'scenario' }));
  if (file) await importScenarioText(file.text, file.name);
}

/** Writes the scenario file the CLI reads (`modelwise cost --scenario FILE`). */
export async function exportScenarioFile(): Promise<void> {
  const scenario = currentFile();
  await attempt(() =>
    call('file:save', {
      kind: 'scenario',
      suggestedName: scenarioFileName(scenario.name),
      text: scenarioFileText(scenario),
    }),
  );
}

/**
 * Imports a price list (LiteLLM JSON, genai-prices data, CSV, or a Modelwise catalog export):
 * first a review — the diff and what it does to the open scenario's ranking — which the user
 * applies (one transaction) or discards.
 */
export async function importCatalogFile(): Promise<void> {
  const file = await attempt(() => call('file:open', { kind: 'catalog' }));
  if (!file) return;
  const format = detectImportFormat(file.name, file.text);
  const scenario = useWorkspace.getState().scenario;
  const preview = await attempt(() =>
    call('catalog:importPreview', { text: file.text, format, scenario }),
  );
  if (!preview) return;
  useImportReview.getState().show({ fileName: file.name, text: file.text, format, preview });
}

/** Applies the import under review, as reviewed: refused if the catalog changed meanwhile. */
export async function applyPendingImport(): Promise<void> {
  const review = useImportReview.getState();
  const pending = review.pending;
  if (pending === null || review.applying) return;
  review.setApplying(true);
  const summary = await attempt(() =>
    call('catalog:import', {
      text: pending.text,
      format: pending.format,
      expectRevision: pending.preview.revision,
    }),
  );
  useImportReview.getState().close();
  if (!summary) return;
  const c = summary.counts;
  useUi
    .getState()
    .toast(
      'success',
      `Imported ${pending.fileName}: ${c.added} added, ${c.changed} changed, ${c.removed} ended, ${summary.leftOut.length} left out`,
    );
  await useCatalog.getState().load();
}

export async function exportCatalogFile(): Promise<void> {
  const exported = await attempt(() => call('catalog:export', { format: 'json' }));
  if (exported)
    await attempt(() =>
      call('file:save', {
        kind: 'catalog',
        suggestedName: exported.suggestedName,
        text: exported.text,
      }),
    );
}
