import { create } from 'zustand';
import type { AppInfo, CatalogSnapshot } from '../../core/contract/ipc.ts';
import { call } from '../api/api.ts';

export interface CatalogState {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  info: AppInfo | null;
  snapshot: CatalogSnapshot | null;
  /** Loads (or reloads after an edit or import) the whole catalog from the main process. */
  load: () => Promise<void>;
}

export const useCatalog = create<CatalogState>()((set) => ({
  status: 'loading',
  error: null,
  info: null,
  snapshot: null,
  load: async () => {
    try {
      const [info, snapshot] = await Promise.all([call('app:info', {}), call('catalog:get', {})]);
      set({ status: 'ready', error: null, info, snapshot });
    } catch (error) {
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
