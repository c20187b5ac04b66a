import { detectImportFormat } from '../../../core/catalog-import/native-json.ts';
import { call } from '../../api/api.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { attempt, useUi } from '../../stores/ui-store.ts';
import { currentFile, useWorkspace } from '../../stores/workspace-store.ts';
import { defaultScenarioFile } from './default-scenario.ts';
import { scenarioFileName, scenarioFileText } from './scenario-file.ts';
import { useScenarios } from './scenarios-store.ts';
import { useImportReview } from '../catalog/import-review-store.ts';
import { defaultImportAsOf } from '../../../core/catalog-import/import-date.ts';
import type { ScenarioMeta } from '../../../core/contract/shapes.ts';
import type { ScenarioFile } from '../../../core/schema/scenario.ts';
import { useWorkshop } from '../workshop/workshop-store.ts';
import { ask } from '../../components/dialog-store.ts';
import { copyName, planNew, planSave, type SavePlan } from './save-plan.ts';

/** Makes a scenario the draft: history, the delta view and the table's picks start afresh. */
function loadDraft(file: ScenarioFile, savedId: string | null): void {
  useWorkspace.getState().load(file, savedId);
  useWorkshop.getState().compareWith(null);
  useUi.getState().clearSelected();
}

/** Starts a new scenario (asks first when the current one has unsaved edits). */
export function newScenario(): void {
  if (
    useWorkspace.getState().dirty &&
    !window.confirm('Discard the unsaved changes to this scenario?')
  )
    return;
  loadDraft(defaultScenarioFile(), null);
  rememberOpen(null);
}

/**
 * Writes the draft (the whole file, every workload) under a name: over a saved scenario (`id`) or
 * as a new one; then it is that one.
 */
async function writeDraft(name: string, id: string | null): Promise<boolean> {
  const scenario = currentFile();
  const saved = await attempt(
    () =>
      call('scenarios:save', {
        ...(id === null ? {} : { id }),
        name,
        scenario: { ...scenario, name },
      }),
    `Saved “${name}”`,
  );
  if (!saved) return false;
  useWorkspace.getState().markSaved(saved.id, saved.name);
  rememberOpen(saved.id);
  await useScenarios.getState().refresh();
  return true;
}

/** Carries out a save plan, asking where it must; false when the person cancelled. */
async function carryOut(plan: SavePlan, saved: readonly ScenarioMeta[]): Promise<boolean> {
  switch (plan.kind) {
    case 'update':
      return writeDraft(plan.name, plan.id);
    case 'insert':
      return writeDraft(plan.name, null);
    case 'ask-replace': {
      const answer = await ask({
        title: `Replace “${plan.otherName}”?`,
        message: `A saved scenario is already named “${plan.otherName}”. Replacing it writes this scenario over it; it cannot be undone.`,
        choices: [
          { key: 'replace', label: `Replace “${plan.otherName}”`, danger: true },
          { key: 'rename', label: 'Choose another name…', primary: true },
          { key: 'cancel', label: 'Cancel' },
        ],
      });
      if (answer?.choice === 'replace') return writeDraft(plan.otherName, plan.otherId);
      if (answer?.choice === 'rename') return saveScenarioAs();
      return false;
    }
    case 'ask-renamed': {
      const answer = await ask({
        title: `Save “${plan.name}”`,
        message: `This scenario is saved as “${plan.savedName}”. Save it as a new scenario “${plan.name}” and keep “${plan.savedName}” as it was, or rename “${plan.savedName}”?`,
        choices: [
          { key: 'new', label: 'Save as new', primary: true },
          { key: 'rename', label: `Rename “${plan.savedName}”` },
          { key: 'cancel', label: 'Cancel' },
        ],
      });
      if (answer?.choice === 'new') return carryOut(planNew(plan.name, saved), saved);
      // A rename onto another scenario's name is refused by the database, with its name said.
      if (answer?.choice === 'rename') return writeDraft(plan.name, plan.id);
      return false;
    }
  }
}

/** The saved scenarios as the database has them now (another window may have saved one). */
async function savedList(): Promise<ScenarioMeta[]> {
  return (await attempt(() => call('scenarios:list', {}))) ?? useScenarios.getState().list;
}

/**
 * Saves the draft to the local database: over its own saved copy, or as a new one the first time.
 * It asks first when the draft was renamed since it was saved, or when its name is another saved
 * scenario's.
 */
export async function saveScenario(): Promise<boolean> {
  const { scenario, savedId, savedName } = useWorkspace.getState();
  const saved = await savedList();
  return carryOut(planSave({ savedId, savedName, name: scenario.name }, saved), saved);
}

/** Saves the draft as a new scenario under a name asked for; the one it came from stays as saved. */
export async function saveScenarioAs(): Promise<boolean> {
  const { scenario } = useWorkspace.getState();
  const saved = await savedList();
  const answer = await ask({
    title: 'Save as a new scenario',
    message:
      useWorkspace.getState().savedId === null
        ? undefined
        : `“${useWorkspace.getState().savedName ?? scenario.name}” stays as it was last saved.`,
    input: { label: 'Name', value: copyName(scenario.name, saved) },
    choices: [
      { key: 'save', label: 'Save', primary: true },
      { key: 'cancel', label: 'Cancel' },
    ],
  });
  if (answer?.choice !== 'save' || answer.text === '') return false;
  return carryOut(planNew(answer.text, saved), saved);
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
    loadDraft(stored.scenario, stored.id);
  } catch {
    rememberOpen(null);
  }
}

/** Opens a saved scenario. */
export async function openSaved(id: string): Promise<void> {
  const stored = await attempt(() => call('scenarios:get', { id }));
  if (!stored) return;
  loadDraft(stored.scenario, stored.id);
  rememberOpen(stored.id);
  useUi.getState().setView('compare');
}

/** Loads a scenario file: validated, refused with the field named when malformed. */
export async function importScenarioText(text: string, fileName: string): Promise<boolean> {
  const scenario = await attempt(() => call('scenario:parse', { text }));
  if (!scenario) return false;
  loadDraft(scenario, null);
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
  const asOf = defaultImportAsOf(format, file.modifiedOn, new Date().toISOString().slice(0, 10));
  const preview = await attempt(() =>
    call('catalog:importPreview', { text: file.text, format, ...(asOf && { asOf }), scenario }),
  );
  if (!preview) return;
  useImportReview.getState().show({
    fileName: file.name,
    text: file.text,
    format,
    ...(asOf && { asOf }),
    ...(file.modifiedOn === undefined ? {} : { modifiedOn: file.modifiedOn }),
    preview,
  });
}

/** The latest "as of" review asked for: an answer to an earlier one is dropped. */
let asOfRequest = 0;

/**
 * Works the review out again for another "as of" day. A day the import refuses (not a date,
 * after today) stays in the field with the reason beside it, and Apply waits for a good one.
 */
export async function reviewImportAsOf(asOf: string): Promise<void> {
  const review = useImportReview.getState();
  const pending = review.pending;
  if (pending === null || review.applying) return;
  const request = ++asOfRequest;
  const current = () =>
    request === asOfRequest && useImportReview.getState().pending?.text === pending.text;
  review.setRefreshing(true);
  review.setDateError(null);
  try {
    const preview = await call('catalog:importPreview', {
      text: pending.text,
      format: pending.format,
      asOf,
      scenario: useWorkspace.getState().scenario,
    });
    // The person may have closed the review, or picked another day, meanwhile.
    if (!current()) return;
    useImportReview.getState().show({ ...pending, asOf, preview });
  } catch (error) {
    if (!current()) return;
    useImportReview.getState().setRefreshing(false);
    useImportReview.getState().setDateError(error instanceof Error ? error.message : String(error));
  }
}

/** Applies the import under review, as reviewed: refused if the catalog changed meanwhile. */
export async function applyPendingImport(): Promise<void> {
  const review = useImportReview.getState();
  const pending = review.pending;
  if (pending === null || review.applying || review.refreshing || review.dateError !== null) return;
  review.setApplying(true);
  const summary = await attempt(() =>
    call('catalog:import', {
      text: pending.text,
      format: pending.format,
      ...(pending.asOf && { asOf: pending.asOf }),
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
