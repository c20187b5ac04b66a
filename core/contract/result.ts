/**
 * Every answer that can fail without throwing: the store's methods, the IPC handlers, the
 * browser-mode server and the renderer's transport all return it (Electron passes only an error's
 * message through `handle`, so failures travel as values).
 */
export type Result<T> = { ok: true; data: T } | { ok: false; error: string };
