import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  PreloadBridge,
  RendererApi,
  Result,
} from '../../core/contract/ipc.ts';
import type { MenuCommand } from '../../core/contract/menu.ts';
import { takeFirstCall } from './first-calls.ts';
import { httpApi } from './http-transport.ts';

declare global {
  interface Window {
    modelwise?: PreloadBridge;
  }
}

/** The one api object the renderer uses: the preload bridge in Electron, HTTP in a browser. */
const bridge = typeof window !== 'undefined' ? window.modelwise : undefined;
export const transport: RendererApi = bridge?.api ?? httpApi();
export const mode: 'electron' | 'browser' = bridge ? 'electron' : 'browser';

/** A failed call, carrying the main process's one-line message. */
export class ApiError extends Error {}

/** Calls a channel and returns its data, or throws ApiError with the message to show. */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const method = transport[channel] as unknown as (
    i: ChannelInput<C>,
  ) => Promise<Result<ChannelOutput<C>>>;
  // The first load's catalog and info were asked for by the entry, before this code had loaded.
  const early = takeFirstCall(channel) as Promise<Result<ChannelOutput<C>>> | undefined;
  const reply = await (early ?? method(input));
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.data as ChannelOutput<C>;
}

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return bridge?.onMenuCommand(listener) ?? (() => undefined);
}
