import type { Result } from '../../core/contract/result.ts';

/** Where the browser-mode server answers the channels, relative to the page. */
export const API_BASE = './api/';

/**
 * One channel as a POST to the browser-mode server's /api/<channel>. Its own module, free of the
 * contract's schemas, so the entry can ask for the first screen's data before the app has loaded.
 */
export async function postChannel(
  base: string,
  channel: string,
  input: unknown,
): Promise<Result<unknown>> {
  try {
    const res = await fetch(`${base}${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  } catch (error) {
    return { ok: false, error: `the Modelwise server did not answer (${String(error)})` };
  }
}
