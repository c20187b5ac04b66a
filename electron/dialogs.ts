import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from './ipc/handlers.ts';

const FILTERS = {
  scenario: [{ name: 'Modelwise scenario', extensions: ['json'] }],
  catalog: [
    { name: 'Price lists (LiteLLM JSON, CSV, Modelwise JSON)', extensions: ['json', 'csv'] },
  ],
  report: [
    { name: 'CSV', extensions: ['csv'] },
    { name: 'Markdown', extensions: ['md'] },
    { name: 'PDF', extensions: ['pdf'] },
    { name: 'HTML', extensions: ['html'] },
    { name: 'Excel workbook', extensions: ['xlsx'] },
    { name: 'PNG image', extensions: ['png'] },
  ],
};

/** The report filter matching a file name first, so the dialog offers its own type. */
export function reportFilters(suggestedName: string): typeof FILTERS.report {
  const ext = suggestedName.split('.').pop()?.toLowerCase() ?? '';
  const own = FILTERS.report.filter((f) => f.extensions.includes(ext));
  return [...own, ...FILTERS.report.filter((f) => !own.includes(f))];
}
const MAX_BYTES = 64 * 1024 * 1024;

/** Native open/save dialogs for the window; the page never sees a path it did not choose. */
export function fileDialogs(window: () => BrowserWindow | null): FileDialogs {
  return {
    async open(kind) {
      const win = window();
      const options = { properties: ['openFile' as const], filters: FILTERS[kind] };
      const r = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      const path = r.filePaths[0];
      if (r.canceled || path === undefined) return null;
      if (statSync(path).size > MAX_BYTES)
        throw new Error(`${basename(path)} is larger than 64 MB`);
      return { name: basename(path), text: readFileSync(path, 'utf8') };
    },
    async save(kind, suggestedName, data) {
      const win = window();
      const options = {
        defaultPath: suggestedName,
        filters: kind === 'report' ? reportFilters(suggestedName) : FILTERS[kind],
      };
      const r = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      if (r.canceled || r.filePath === undefined) return null;
      writeFileSync(r.filePath, data);
      return { path: r.filePath };
    },
  };
}
