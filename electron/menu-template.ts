import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/contract/menu.ts';

/**
 * The native menus with the usual accelerators. Commands the page handles are sent to it; edit
 * roles stay native so text fields keep their own undo, cut and paste.
 */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const item = (
    label: string,
    command: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  });
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New Scenario', 'scenario:new', 'CmdOrCtrl+N'),
        item('Open Scenario File…', 'scenario:open', 'CmdOrCtrl+O'),
        item('Save Scenario', 'scenario:save', 'CmdOrCtrl+S'),
        item('Save Scenario As…', 'scenario:save-as', 'CmdOrCtrl+Shift+S'),
        item('Export Scenario File…', 'scenario:export', 'CmdOrCtrl+Shift+E'),
        {
          label: 'Export',
          // The report is the decision report, or a portfolio's for a file of several workloads
          // (the page knows which file is open; the native menu does not).
          submenu: [
            item('Report (PDF)…', 'export:pdf', 'CmdOrCtrl+P'),
            item('Report (HTML)…', 'export:html'),
            item('Report (Markdown)…', 'export:md'),
            item('Workbook (XLSX)…', 'export:xlsx'),
            item('FOCUS Rows (CSV)…', 'export:focus'),
            item('Comparison, Current View (CSV)…', 'export:csv'),
            item('Comparison, Current View (Markdown)…', 'export:comparison-md'),
            item('Charts (PNG)…', 'export:charts'),
          ],
        },
        { type: 'separator' },
        item('Import Price List…', 'catalog:import', 'CmdOrCtrl+I'),
        item('Export Catalog…', 'catalog:export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        item('Undo Change', 'edit:undo', 'CmdOrCtrl+Z'),
        item('Redo Change', 'edit:redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Comparison', 'view:compare', 'CmdOrCtrl+1'),
        item('Scenarios', 'view:scenarios', 'CmdOrCtrl+2'),
        item('Catalog', 'view:catalog', 'CmdOrCtrl+3'),
        item('Toggle Dark Theme', 'view:toggle-theme', 'CmdOrCtrl+Shift+D'),
        // Single keys (P, A, S, ?) are the page's: a menu accelerator would take them from text fields.
        item('Presenter Mode (P)', 'view:presenter', 'F5'),
        item('Larger Text (A)', 'view:large-text'),
        { type: 'separator' },
        item('Take Snapshot (S)', 'workshop:snapshot'),
        item('Keyboard Shortcuts (?)', 'help:shortcuts', 'F1'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    {
      label: '&Window',
      submenu: [{ role: 'minimize' }, ...(isMac ? [{ role: 'zoom' as const }] : [])],
    },
  ];
}
