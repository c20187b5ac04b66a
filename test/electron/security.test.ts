import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  allowRequest,
  CONTENT_SECURITY_POLICY,
  isAppPage,
  isTrustedSender,
  permissionDecision,
} from '../../electron/security.ts';
import { windowOptions } from '../../electron/window-options.ts';

const APP = 'file:///opt/Modelwise/resources/app.asar/dist/renderer/index.html';

describe('window options', () => {
  it('isolate the page: context isolation and sandbox on, no Node, no webviews', () => {
    const o = windowOptions('/opt/preload.cjs', false);
    expect(o.webPreferences).toMatchObject({
      preload: '/opt/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(o.show).toBe(false); // shown when ready: no white flash
    expect(windowOptions('/p', true).backgroundColor).not.toBe(o.backgroundColor);
  });
});

describe('navigation and new windows', () => {
  it('only the app page may be shown', () => {
    expect(allowNavigation(APP, APP)).toBe(true);
    expect(allowNavigation(`${APP}#catalog`, APP)).toBe(true);
    expect(allowNavigation('https://example.com/', APP)).toBe(false);
    expect(allowNavigation('file:///etc/passwd', APP)).toBe(false);
    expect(allowNavigation('javascript:alert(1)', APP)).toBe(false);
    expect(isAppPage('not a url', APP)).toBe(false);
  });

  it('file:// requests stay inside the app’s own page folder', () => {
    // A page that was tricked into loading <img src="file:///etc/passwd"> (or any local file)
    // would read the user's disk: only the renderer's own folder is served.
    expect(allowRequest('file:///etc/passwd', APP)).toBe(false);
    expect(allowRequest('file:///home/user/.ssh/id_rsa', APP)).toBe(false);
    expect(allowRequest('file:///opt/Modelwise/resources/app.asar/package.json', APP)).toBe(false);
    expect(
      allowRequest(
        'file:///opt/Modelwise/resources/app.asar/dist/renderer/../../package.json',
        APP,
      ),
    ).toBe(false);
    expect(
      allowRequest(
        'file:///opt/Modelwise/resources/app.asar/dist/renderer%2F..%2F..%2Fpackage.json',
        APP,
      ),
    ).toBe(false);
    expect(
      allowRequest('file:///opt/Modelwise/resources/app.asar/dist/rendererX/evil.js', APP),
    ).toBe(false);
    expect(allowRequest(`${APP}`, APP)).toBe(true);
  });

  it('DevTools only outside a packaged build', () => {
    expect(windowOptions('/p', false, { packaged: true }).webPreferences?.devTools).toBe(false);
    expect(windowOptions('/p', false, { packaged: false }).webPreferences?.devTools).toBe(true);
    expect(
      allowRequest('devtools://devtools/bundled/inspector.html', APP, { packaged: true }),
    ).toBe(false);
  });

  it('the page may load its own files, never the network', () => {
    expect(
      allowRequest('file:///opt/Modelwise/resources/app.asar/dist/renderer/assets/index.js', APP),
    ).toBe(true);
    expect(allowRequest('data:image/png;base64,AAAA', APP)).toBe(true);
    expect(allowRequest('https://fonts.googleapis.com/css', APP)).toBe(false);
    expect(allowRequest('http://127.0.0.1:4700/api/catalog:get', APP)).toBe(false);
    expect(allowRequest('wss://example.com/', APP)).toBe(false);
  });

  it('IPC answers only the app page’s top frame', () => {
    expect(isTrustedSender(APP, true, APP)).toBe(true);
    expect(isTrustedSender(APP, false, APP)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true, APP)).toBe(false);
    expect(isTrustedSender(undefined, true, APP)).toBe(false);
  });

  it('no permission is granted', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(permissionDecision(p)).toBe(false);
    }
  });

  it('the CSP allows own scripts only', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
