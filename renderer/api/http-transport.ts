import {
  CHANNELS,
  type Channel,
  type ChannelInput,
  type RendererApi,
  type Result,
} from '../../core/contract/ipc.ts';

/** Browser mode: each channel is a POST to the local server's /api/<channel>. */
export function httpApi(base = './api/'): RendererApi {
  const call = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
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
  };
  const api = Object.fromEntries(
    (Object.keys(CHANNELS) as Channel[]).map((c) => [
      c,
      (input: ChannelInput<typeof c>) => call(c, input),
    ]),
  ) as unknown as RendererApi;
  // Files are picked and saved by the page itself in a browser.
  api['file:open'] = (input) =>
    pickFile(input.kind === 'scenario' ? '.json,application/json' : '.json,.csv');
  api['file:save'] = async (input) => {
    downloadText(input.suggestedName, input.text);
    return { ok: true, data: { path: input.suggestedName } };
  };
  return api;
}

function pickFile(accept: string): Promise<Result<{ name: string; text: string } | null>> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (file === undefined) return resolve({ ok: true, data: null });
      file.text().then(
        (text) => resolve({ ok: true, data: { name: file.name, text } }),
        (error: unknown) =>
          resolve({ ok: false, error: `could not read ${file.name}: ${String(error)}` }),
      );
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve({ ok: true, data: null });
    });
    document.body.append(input);
    input.click();
  });
}

export function downloadText(name: string, text: string): void {
  const type = name.endsWith('.csv')
    ? 'text/csv'
    : name.endsWith('.md')
      ? 'text/markdown'
      : 'application/json';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
