import type { Channel, PreloadBridge, Result } from '../../core/contract/ipc.ts';
import { API_BASE, postChannel } from './http-call.ts';

/** What the first screen waits for from the main process (or the browser-mode server). */
const FIRST_CHANNELS = ['app:info', 'catalog:get'] as const satisfies readonly Channel[];

const started = new Map<Channel, Promise<Result<unknown>>>();

/**
 * Asks for the app's info and the whole catalog at once, from the entry, before the app's code
 * has loaded: the other side builds the catalog while the page parses and runs the app.
 */
export function startFirstCalls(bridge: PreloadBridge | undefined): void {
  for (const channel of FIRST_CHANNELS) {
    started.set(
      channel,
      bridge === undefined ? postChannel(API_BASE, channel, {}) : bridge.api[channel]({}),
    );
  }
}

/**
 * The answer to a call started by `startFirstCalls`, once: the first load takes it, a reload
 * (after an edit or an import) asks again. Undefined when none is waiting.
 */
export function takeFirstCall(channel: Channel): Promise<Result<unknown>> | undefined {
  const answer = started.get(channel);
  started.delete(channel);
  return answer;
}
