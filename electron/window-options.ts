import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options, as a pure function: context isolation and the sandbox on, no Node in
 * the page, no webviews, no remote content, no DevTools when packaged. Tested under Node.
 */
export function windowOptions(
  preloadPath: string,
  dark: boolean,
  options: { packaged?: boolean } = {},
): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Modelwise',
    show: false,
    backgroundColor: dark ? '#0f1419' : '#f7f8fa',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A packaged build ships no DevTools: a user's page cannot be inspected or driven by them.
      devTools: options.packaged !== true,
    },
  };
}
