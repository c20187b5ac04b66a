/**
 * The bridge the sandboxed page gets: one method per contract channel (never a generic invoke)
 * and a subscription to native menu commands.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, PreloadBridge, RendererApi } from '../core/contract/ipc.ts';
import { MENU_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../core/contract/menu.ts';

const call =
  <C extends Channel>(channel: C) =>
  (input: Parameters<RendererApi[C]>[0]) =>
    ipcRenderer.invoke(channel, input) as ReturnType<RendererApi[C]>;

const api = {
  'app:info': call('app:info'),
  'catalog:get': call('catalog:get'),
  'catalog:stats': call('catalog:stats'),
  'catalog:list': call('catalog:list'),
  'catalog:upsert': call('catalog:upsert'),
  'catalog:remove': call('catalog:remove'),
  'discounts:list': call('discounts:list'),
  'discounts:set': call('discounts:set'),
  'discounts:remove': call('discounts:remove'),
  'catalog:check': call('catalog:check'),
  'catalog:importPreview': call('catalog:importPreview'),
  'catalog:import': call('catalog:import'),
  'catalog:export': call('catalog:export'),
  'scenarios:list': call('scenarios:list'),
  'scenarios:get': call('scenarios:get'),
  'scenarios:save': call('scenarios:save'),
  'scenarios:rename': call('scenarios:rename'),
  'scenarios:duplicate': call('scenarios:duplicate'),
  'scenarios:delete': call('scenarios:delete'),
  'scenario:parse': call('scenario:parse'),
  'file:open': call('file:open'),
  'file:save': call('file:save'),
  'report:pdf': call('report:pdf'),
} satisfies RendererApi;

const bridge: PreloadBridge = {
  api,
  onMenuCommand(listener) {
    const handler = (_event: unknown, command: unknown) => {
      if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('modelwise', bridge);
