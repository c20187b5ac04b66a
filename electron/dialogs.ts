import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { FILTERS, reportFilters } from './file-filters.ts';
import type { FileDialogs } from './ipc/handlers.ts';
import { isoDay } from '../core/schema/common.ts';
import { decodeTextBytes } from '../core/text-bytes.ts';

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
      const stat = statSync(path);
      if (stat.size > MAX_BYTES) throw new Error(`${basename(path)} is larger than 64 MB`);
      return {
        name: basename(path),
        text: decodeTextBytes(readFileSync(path)),
        modifiedOn: isoDay(stat.mtimeMs),
      };
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
