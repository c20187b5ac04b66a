/**
 * Security policy of the desktop shell as pure functions (tested under Node); main.ts wires them
 * to Electron. The app loads one local page and talks to nothing else.
 */

/** The only page the app shows: its bundled index.html. */
export function isAppPage(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(appUrl);
    return u.protocol === app.protocol && u.host === app.host && u.pathname === app.pathname;
  } catch {
    return false;
  }
}

/** IPC is answered only for the app page's top frame: an injected frame gets nothing. */
export function isTrustedSender(
  frameUrl: string | undefined,
  isTopFrame: boolean,
  appUrl: string,
): boolean {
  return isTopFrame && frameUrl !== undefined && isAppPage(frameUrl, appUrl);
}

/** Navigation away from the app page is refused (links to the web open nothing). */
export function allowNavigation(url: string, appUrl: string): boolean {
  return isAppPage(url, appUrl);
}

/**
 * Requests the page may make: files inside its own folder (dist/renderer), and DevTools outside
 * a packaged build. The app is offline, so http(s), websockets and everything else are
 * cancelled; a file:// URL anywhere else (the user's disk) is cancelled too.
 */
export function allowRequest(
  url: string,
  appUrl: string,
  options: { packaged?: boolean } = {},
): boolean {
  if (url.startsWith('devtools://')) return options.packaged !== true;
  try {
    const u = new URL(url);
    const app = new URL(appUrl);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
    if (u.protocol !== 'file:' || app.protocol !== 'file:' || u.host !== app.host) return false;
    // URL parsing resolves `..`; an encoded slash or backslash could still climb: refused.
    if (/%2f|%5c/i.test(u.pathname)) return false;
    const folder = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1);
    return u.pathname.startsWith(folder);
  } catch {
    return false;
  }
}

/** No permission (camera, notifications, geolocation, clipboard-read …) is ever granted. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** The page's Content-Security-Policy: own scripts only, no eval, no remote anything. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style attributes and chart.js sizes its canvas inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
