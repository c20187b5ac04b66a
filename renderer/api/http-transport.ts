import {
  CHANNELS,
  type Channel,
  type ChannelInput,
  type RendererApi,
  type Result,
} from '../../core/contract/ipc.ts';
import type { OpenedFile } from '../../core/contract/shapes.ts';
import { isoDay } from '../../core/schema/common.ts';
import { decodeTextBytes } from '../../core/text-bytes.ts';
import { API_BASE, postChannel } from './http-call.ts';

/** Browser mode: each channel is a POST to the local server's /api/<channel>. */
export function httpApi(base = API_BASE): RendererApi {
  const api = Object.fromEntries(
    (Object.keys(CHANNELS) as Channel[]).map((c) => [
      c,
      (input: ChannelInput<typeof c>) => postChannel(base, c, input),
    ]),
  ) as unknown as RendererApi;
  // Files are picked and saved by the page itself in a browser.
  api['file:open'] = (input) =>
    pickFile(input.kind === 'scenario' ? '.json,application/json' : '.json,.csv');
  api['file:save'] = async (input) => {
    if (input.encoding === 'base64') downloadBytes(input.suggestedName, base64ToBytes(input.text));
    else downloadText(input.suggestedName, input.text);
    return { ok: true, data: { path: input.suggestedName } };
  };
  // A browser prints with its own dialog (Save as PDF): the page calls window.print() instead.
  api['report:pdf'] = async () => ({
    ok: false,
    error: 'in a browser, print the report with the print dialog (Save as PDF)',
  });
  return api;
}

function pickFile(accept: string): Promise<Result<OpenedFile | null>> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (file === undefined) return resolve({ ok: true, data: null });
      file.arrayBuffer().then(
        (buffer) =>
          resolve({
            ok: true,
            data: {
              name: file.name,
              text: decodeTextBytes(new Uint8Array(buffer)),
              modifiedOn: isoDay(file.lastModified),
            },
          }),
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

/** The type a browser gives a downloaded file, from its name. */
function mimeType(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    csv: 'text/csv',
    md: 'text/markdown',
    html: 'text/html',
    json: 'application/json',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    png: 'image/png',
    pdf: 'application/pdf',
  };
  return types[ext] ?? 'application/octet-stream';
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(name: string, text: string): void {
  download(name, new Blob([text], { type: mimeType(name) }));
}

export function downloadBytes(name: string, bytes: Uint8Array): void {
  download(name, new Blob([bytes as BlobPart], { type: mimeType(name) }));
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
