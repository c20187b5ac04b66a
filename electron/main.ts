/**
 * The desktop shell: opens the catalog, registers the IPC contract, creates the window and menus.
 * Thin by design: every decision lives in core/ (engine) or electron/db (data).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, session } from 'electron';
import { dataDirOverride } from './db/paths.ts';
import { openCatalogStore, STALE_AFTER_DAYS } from './db/store.ts';
import { fileDialogs } from './dialogs.ts';
import { printPdf } from './pdf.ts';
import { MENU_CHANNEL } from '../core/contract/menu.ts';
import { createHandlers } from './ipc/handlers.ts';
import { registerIpc } from './ipc/register.ts';
import { menuTemplate } from './menu-template.ts';
import { checkNativeBinding, nativeBindingPath } from './native-binding.ts';
import { allowNavigation, allowRequest, isTrustedSender, permissionDecision } from './security.ts';
import { windowOptions } from './window-options.ts';

// dist-electron/main.cjs → the project (development) or app.asar (packaged) is one level up.
const appRoot = join(__dirname, '..');
const resources = app.isPackaged ? process.resourcesPath : appRoot;
const pageFile = join(appRoot, 'dist', 'renderer', 'index.html');
const pageUrl = pathToFileURL(pageFile).href;
let mainWindow: BrowserWindow | null = null;

function hardenSessions(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionDecision(permission)),
  );
  s.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  s.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !allowRequest(details.url, pageUrl, { packaged: app.isPackaged }) }),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url, pageUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url, pageUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function openStore() {
  const nativeBinding = nativeBindingPath({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    projectRoot: appRoot,
    electronVersion: process.versions.electron ?? '',
    platform: process.platform,
    arch: process.arch,
  });
  const missing = checkNativeBinding(nativeBinding);
  if (missing !== null) throw new Error(missing);
  return openCatalogStore({
    dataDir: dataDirOverride() ?? app.getPath('userData'),
    seedDir: join(resources, 'data', 'seed'),
    migrationsDir: join(resources, 'data', 'migrations'),
    nativeBinding,
    staleAfterDays: STALE_AFTER_DAYS,
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(
    windowOptions(join(__dirname, 'preload.cjs'), nativeTheme.shouldUseDarkColors, {
      packaged: app.isPackaged,
    }),
  );
  win.once('ready-to-show', () => win.show());
  void win.loadFile(pageFile);
  return win;
}

async function main(): Promise<void> {
  await app.whenReady();
  hardenSessions();
  const store = openStore();
  const handlers = createHandlers({
    store,
    info: { version: app.getVersion(), mode: 'electron', dataDir: store.path },
    staleAfterDays: STALE_AFTER_DAYS,
    dialogs: fileDialogs(() => mainWindow),
    printPdf: async (paper) => {
      if (mainWindow === null) throw new Error('no window to print');
      return printPdf(mainWindow.webContents, paper);
    },
  });
  registerIpc(ipcMain, handlers, (event) =>
    isTrustedSender(event.senderFrame?.url, event.senderFrame?.parent === null, pageUrl),
  );
  const send = (command: Parameters<Parameters<typeof menuTemplate>[0]>[0]) =>
    mainWindow?.webContents.send(MENU_CHANNEL, command);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(send, process.platform === 'darwin')),
  );
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    store.close();
    if (process.platform !== 'darwin') app.quit();
  });
}

// A catalog that cannot be opened (an edited migration, a newer database) is explained, not crashed on.
main().catch((error: unknown) => {
  dialog.showErrorBox(
    'Modelwise could not start',
    error instanceof Error ? error.message : String(error),
  );
  app.exit(1);
});
