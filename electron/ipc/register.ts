import { CHANNELS, type Channel, type Result } from '../../core/contract/ipc.ts';
import { dispatch, type createHandlers } from './handlers.ts';

/** The part of Electron's ipcMain the app uses (a fake in tests). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: SenderEvent, input: unknown) => Promise<Result<unknown>>,
  ): void;
}

/** The part of an IPC event the sender check reads. */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Registers one handler per contract channel. Each checks the sender (the app's own top frame),
 * validates the input with the channel's zod schema, and answers `{ ok, data | error }`.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: ReturnType<typeof createHandlers>,
  isTrusted: (event: SenderEvent) => boolean,
): Channel[] {
  const channels = Object.keys(CHANNELS) as Channel[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrusted(event))
        return { ok: false, error: 'refused: the request did not come from the app window' };
      return dispatch(handlers, channel, input);
    });
  }
  return channels;
}
